/**
 * Every declared function bundled as its construct bundles it (`infra/cdk/constructs/handler-function.ts`:
 * esbuild, ESM, node22, minified, UTF-8, AWS SDK inside, the createRequire banner), then its size and the CPU time
 * of its module initialisation in a fresh Node process — what a cold start pays before the first event.
 * Each function is measured against a hello-world that imports the same SDK clients its `uses` need, so the
 * ratio says what the function's own code adds.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type BuildOptions, build } from 'esbuild';
import { app } from '#infra/app.ts';
import type { FunctionDecl } from '#infra/declaration.ts';
import {
  LAMBDA_BUNDLE_ALIASES,
  LAMBDA_BUNDLE_BANNER,
  LAMBDA_BUNDLE_CHARSET,
  LAMBDA_NODE_OPTIONS,
} from '#infra/lambda-bundling.ts';

const ROOT = resolve(import.meta.dirname, '..');
const run = promisify(execFile);

/** Functions that read report documents (DOCX, PDF, HTML): the only ones allowed the readers and the checker. */
export const DOCUMENT_READERS: ReadonlySet<string> = new Set([
  'submitReport',
  'importReport',
  'onUploadCreated',
  'publishPending',
]);

/** The ceiling for a function that reads no document: about a hello-world with its SDK clients. */
export const LEAN_BUNDLE_MAX_BYTES = 500 * 1024;

type Client = 'dynamodb' | 's3' | 'eventbridge' | 'sesv2' | 'sqs';

/** The SDK clients a function's declared uses call for (mail may go through SES). */
export function clientsFor(decl: FunctionDecl<string, string>): Client[] {
  const clients = new Set<Client>();
  for (const use of decl.uses) {
    if ('table' in use) clients.add('dynamodb');
    else if ('bucket' in use) clients.add('s3');
    else if ('bus' in use) clients.add('eventbridge');
    else if ('queue' in use) clients.add('sqs');
    else clients.add('sesv2');
  }
  return [...clients].sort();
}

const HELLO_IMPORTS: Record<Client, string> = {
  dynamodb:
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
  s3: "import { S3Client } from '@aws-sdk/client-s3';",
  eventbridge: "import { EventBridgeClient } from '@aws-sdk/client-eventbridge';",
  sesv2: "import { SESv2Client } from '@aws-sdk/client-sesv2';",
  sqs: "import { SQSClient } from '@aws-sdk/client-sqs';",
};
const HELLO_USES: Record<Client, string> = {
  dynamodb: 'DynamoDBDocumentClient.from(new DynamoDBClient({}))',
  s3: 'new S3Client({})',
  eventbridge: 'new EventBridgeClient({})',
  sesv2: 'new SESv2Client({})',
  sqs: 'new SQSClient({})',
};

/** A handler that builds the clients on its first event, as the composition roots do. */
function helloWorldSource(clients: readonly Client[]): string {
  const imports = clients.map((client) => HELLO_IMPORTS[client]).join('\n');
  const uses = clients.map((client) => HELLO_USES[client]).join(', ');
  return `${imports}\nlet clients;\nexport const handler = async () => { clients ??= [${uses}]; return { statusCode: 200, body: String(clients.length) }; };\n`;
}

/** The bundling options of `HandlerFunction`, in esbuild's terms. */
const BUNDLING: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  minify: true,
  sourcemap: false,
  mainFields: ['module', 'main'],
  banner: { js: LAMBDA_BUNDLE_BANNER },
  charset: LAMBDA_BUNDLE_CHARSET,
  alias: Object.fromEntries(Object.entries(LAMBDA_BUNDLE_ALIASES).map(([from, to]) => [from, join(ROOT, to)])),
  absWorkingDir: ROOT,
  logLevel: 'silent',
};

const functions: Readonly<Record<string, FunctionDecl<string, string>>> = app.functions;

/** Every package some function declares `unbundled`: CDK leaves them out of its bundle and ships them beside it. */
const ALL_UNBUNDLED = [...new Set(Object.values(functions).flatMap((decl) => decl.unbundled ?? []))];

/**
 * Bundles each entry on its own (one file per function, as Lambda gets it), in one esbuild run, leaving out
 * the `external` packages — as CDK does for the functions that declare them, and only for those.
 */
async function bundleEntries(
  entries: ReadonlyMap<string, string>,
  dir: string,
  external: readonly string[],
): Promise<Map<string, Bundle>> {
  await mkdir(dir, { recursive: true });
  const { metafile } = await build({
    ...BUNDLING,
    external: [...external],
    entryPoints: [...entries].map(([out, entry]) => ({ in: entry, out })),
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    metafile: true,
  });
  const bundles = new Map<string, Bundle>();
  for (const name of entries.keys()) {
    const file = join(dir, `${name}.mjs`);
    const output = Object.entries(metafile.outputs).find(([path]) => resolve(ROOT, path) === file)?.[1];
    const modules = Object.entries(output?.inputs ?? {})
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path);
    bundles.set(name, { file, bytes: (await stat(file)).size, modules });
  }
  return bundles;
}

/** Bundles a module written out here (resolved from the repository root) as the functions are bundled. */
export async function bundleSource(dir: string, name: string, contents: string): Promise<string> {
  const file = join(dir, `${name}.mjs`);
  await build({
    ...BUNDLING,
    external: ALL_UNBUNDLED,
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    outfile: file,
  });
  return file;
}

export interface Bundle {
  readonly file: string;
  readonly bytes: number;
  /** The modules esbuild kept (paths relative to the repository), after tree-shaking. */
  readonly modules: readonly string[];
}

/** Bundles every declared function into `dir`, by function name: one esbuild run per set of `unbundled`. */
export async function bundleFunctions(dir: string, names = Object.keys(app.functions)): Promise<Map<string, Bundle>> {
  const groups = new Map<string, { readonly external: readonly string[]; readonly names: string[] }>();
  for (const name of names) {
    const external = [...(functions[name]?.unbundled ?? [])].sort();
    const key = external.join(' ');
    groups.set(key, { external, names: [...(groups.get(key)?.names ?? []), name] });
  }
  const bundles = new Map<string, Bundle>();
  for (const { external, names: group } of groups.values()) {
    const entries = new Map(group.map((name) => [name, join(ROOT, functions[name]?.entry ?? name)]));
    for (const [name, bundle] of await bundleEntries(entries, dir, external)) bundles.set(name, bundle);
  }
  return bundles;
}

async function bundleHelloWorld(dir: string, clients: readonly Client[]): Promise<Bundle> {
  const label = clients.length === 0 ? 'none' : clients.join('-');
  // Inside the repository so esbuild resolves the SDK from its node_modules.
  const source = join(ROOT, 'bench', `.hello-${label}.mjs`);
  await writeFile(source, helloWorldSource(clients));
  try {
    const bundled = (await bundleEntries(new Map([[`hello-${label}`, source]]), dir, [])).get(`hello-${label}`);
    if (bundled === undefined) throw new Error(`no hello-world bundle for ${label}`);
    return bundled;
  } finally {
    await rm(source, { force: true });
  }
}

// Imports the bundle in a fresh process and prints the CPU microseconds its evaluation took.
const MEASURE_INIT = `
const { pathToFileURL } = await import('node:url');
const before = process.cpuUsage();
await import(pathToFileURL(process.argv[1]).href);
const spent = process.cpuUsage(before);
process.stdout.write(String(spent.user + spent.system));
`;

/** Module-init CPU time of a bundle in one fresh process, in milliseconds. */
async function initCpuMsOnce(file: string): Promise<number> {
  const { stdout } = await run(
    process.execPath,
    [...LAMBDA_NODE_OPTIONS, '--input-type=module', '-e', MEASURE_INIT, file],
    {
      env: { PATH: process.env.PATH ?? '', AWS_REGION: 'us-east-1' },
      timeout: 30_000,
    },
  );
  return Number(stdout) / 1000;
}

/** Median module-init CPU time of a bundle over `runs` fresh processes, in milliseconds. */
export async function initCpuMs(file: string, runs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await initCpuMsOnce(file));
  return median(samples);
}

export interface PairedInit {
  readonly initMs: number;
  readonly helloMs: number;
  /** The median of the rounds' ratios: each round starts both, back to back, so a busy moment hits both. */
  readonly ratio: number;
}

/**
 * A function's init against its hello-world's, interleaved: round after round, one fresh process of each, in
 * alternating order. On a shared machine the neighbours' load drifts over seconds; measured apart, the two
 * would see different neighbours.
 */
export async function pairedInitCpuMs(file: string, hello: string, runs: number): Promise<PairedInit> {
  const own: number[] = [];
  const base: number[] = [];
  for (let round = 0; round < runs; round += 1) {
    if (round % 2 === 0) {
      own.push(await initCpuMsOnce(file));
      base.push(await initCpuMsOnce(hello));
    } else {
      base.push(await initCpuMsOnce(hello));
      own.push(await initCpuMsOnce(file));
    }
  }
  return {
    initMs: median(own),
    helloMs: median(base),
    ratio: median(own.map((ms, i) => ms / (base[i] ?? Number.NaN))),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export interface LambdaFigures {
  /** The worst init-time ratio to its hello-world among the functions that read no document. */
  readonly lambdaInitRatio: number;
  readonly lambdaLeanMaxKb: number;
  readonly lambdaDocumentMaxKb: number;
  /** Per function, flat for the last JSON line: `<name>Kb`, `<name>InitMs`, `<name>InitRatio`. */
  readonly lambdaFunctions: Record<string, number>;
}

export async function runLambdaBench(options: { runs?: number } = {}): Promise<LambdaFigures> {
  const runs = options.runs ?? 9;
  const dir = await mkdtemp(join(tmpdir(), 'gongkai-lambda-'));
  const bundles = await bundleFunctions(dir);
  const hellos = new Map<string, Bundle>();
  let worstRatio = 0;
  let leanMax = 0;
  let documentMax = 0;
  const perFunction: LambdaFigures['lambdaFunctions'] = {};
  console.log(`medians of ${runs} fresh processes each, interleaved with the hello-world`);
  console.log('function                  bundle KB  init ms  hello KB  hello ms  ratio');
  for (const [name, decl] of Object.entries(app.functions)) {
    const clients = clientsFor(decl);
    const key = clients.join('-');
    let hello = hellos.get(key);
    if (hello === undefined) {
      hello = await bundleHelloWorld(dir, clients);
      hellos.set(key, hello);
    }
    const bundle = bundles.get(name);
    if (bundle === undefined) continue;
    const { initMs, helloMs, ratio } = await pairedInitCpuMs(bundle.file, hello.file, runs);
    const readsDocuments = DOCUMENT_READERS.has(name);
    perFunction[`${name}Kb`] = Math.round(kb(bundle.bytes));
    perFunction[`${name}InitMs`] = round2(initMs);
    perFunction[`${name}InitRatio`] = round2(ratio);
    if (readsDocuments) documentMax = Math.max(documentMax, bundle.bytes);
    else {
      leanMax = Math.max(leanMax, bundle.bytes);
      worstRatio = Math.max(worstRatio, ratio);
    }
    console.log(
      `${`${name}${readsDocuments ? ' (documents)' : ''}`.padEnd(26)}${kb(bundle.bytes).toFixed(0).padStart(9)}` +
        `${initMs.toFixed(1).padStart(9)}${kb(hello.bytes).toFixed(0).padStart(10)}${helloMs.toFixed(1).padStart(10)}` +
        `${ratio.toFixed(2).padStart(7)}`,
    );
  }
  await rm(dir, { recursive: true, force: true });
  const figures: LambdaFigures = {
    lambdaInitRatio: round2(worstRatio),
    lambdaLeanMaxKb: Math.round(kb(leanMax)),
    lambdaDocumentMaxKb: Math.round(kb(documentMax)),
    lambdaFunctions: perFunction,
  };
  console.log(
    `worst non-document function: ${figures.lambdaInitRatio}× its hello-world's init; largest ${figures.lambdaLeanMaxKb} KB`,
  );
  return figures;
}

function kb(bytes: number): number {
  return bytes / 1024;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
