import { dirname, join } from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { Charset, type ICommandHooks, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type DataFile, FUNCTION_DEFAULTS, type FunctionDecl } from '../../declaration.ts';
import {
  LAMBDA_BUNDLE_ALIASES,
  LAMBDA_BUNDLE_BANNER,
  LAMBDA_BUNDLE_CHARSET,
  LAMBDA_NODE_OPTIONS,
} from '../../lambda-bundling.ts';
import { REPOSITORY_ROOT } from '../repository-root.ts';

export interface HandlerFunctionProps {
  readonly declaration: FunctionDecl<string, string>;
  /** Application name: the `service` key of every log line. */
  readonly service: string;
  readonly logLevel: string;
  readonly logRetention: RetentionDays;
  /** Table, bucket, bus and mail names only (see FunctionBindings); nothing secret goes here. */
  readonly environment: Readonly<Record<string, string>>;
  /** Set for functions invoked asynchronously (EventBridge, Scheduler): where failed invocations end up. */
  readonly asyncFailures?: { readonly deadLetterQueue: IQueue; readonly retryAttempts: number };
  /** arm64 unless the deployment's regions may lack it (the China profile runs x86_64). */
  readonly architecture?: 'arm64' | 'x86_64';
}

/**
 * One declared function as a Lambda with the house defaults, fixed here so no function differs by accident:
 * Node.js 22 on arm64 (cheaper per GB-second than x86), ESM bundled by the local esbuild (no Docker), minified
 * (class names not kept: errors name themselves, and keeping names costs every cold start),
 * with source maps that Node applies to stack traces, the AWS SDK bundled rather than taken from the runtime
 * (the S3 presigner depends on the checksum settings of the SDK version we test against), its own log group
 * with a retention, and the logger's settings (its service name and level).
 */
export class HandlerFunction extends Construct {
  readonly function: NodejsFunction;
  /** The function's execution role: its log group, its dead-letter queue, and what FunctionBindings grant. */
  readonly role: Role;

  constructor(scope: Construct, id: string, props: HandlerFunctionProps) {
    super(scope, id);
    const { declaration } = props;
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // Its own role instead of AWSLambdaBasicExecutionRole, which may write to any log group in the account.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    this.role = role;
    this.function = new NodejsFunction(this, 'Function', {
      role,
      entry: join(REPOSITORY_ROOT, declaration.entry),
      handler: 'handler',
      projectRoot: REPOSITORY_ROOT,
      depsLockFilePath: join(REPOSITORY_ROOT, 'package-lock.json'),
      description: declaration.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: props.architecture === 'x86_64' ? Architecture.X86_64 : Architecture.ARM_64,
      memorySize: declaration.memoryMb ?? FUNCTION_DEFAULTS.memoryMb,
      timeout: Duration.seconds(declaration.timeoutSeconds ?? FUNCTION_DEFAULTS.timeoutSeconds),
      logGroup,
      awsSdkConnectionReuse: false,
      environment: {
        ...props.environment,
        ...(LAMBDA_NODE_OPTIONS.length === 0 ? {} : { NODE_OPTIONS: LAMBDA_NODE_OPTIONS.join(' ') }),
        POWERTOOLS_SERVICE_NAME: props.service,
        LOG_LEVEL: props.logLevel,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        mainFields: ['module', 'main'],
        bundleAwsSDK: true,
        externalModules: [...(declaration.unbundled ?? [])],
        banner: LAMBDA_BUNDLE_BANNER,
        charset: CHARSETS[LAMBDA_BUNDLE_CHARSET],
        ...(shipped(declaration).length === 0 ? {} : { commandHooks: shipFiles(shipped(declaration)) }),
        esbuildArgs: Object.fromEntries(
          Object.entries(LAMBDA_BUNDLE_ALIASES).map(([from, to]) => [`--alias:${from}`, join(REPOSITORY_ROOT, to)]),
        ),
      },
      ...(props.asyncFailures === undefined
        ? {}
        : {
            deadLetterQueue: props.asyncFailures.deadLetterQueue,
            retryAttempts: props.asyncFailures.retryAttempts,
            maxEventAge: Duration.hours(1),
          }),
    });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason:
        'nodejs22.x on purpose: the bundles target node22 and the code is tested on Node 20/22; nodejs24.x is a deliberate upgrade, not a default.',
    });
  }
}

const CHARSETS: Readonly<Record<typeof LAMBDA_BUNDLE_CHARSET, Charset>> = { utf8: Charset.UTF8 };

/** What goes into the package beside the bundle: declared data files and unbundled packages. */
function shipped(declaration: FunctionDecl<string, string>): DataFile[] {
  return [
    ...(declaration.files ?? []),
    ...(declaration.unbundled ?? []).map((name) => ({ from: `node_modules/${name}`, to: `node_modules/${name}` })),
  ];
}

/** Copies them into the package, where the bundled handler finds them beside itself. */
function shipFiles(files: readonly DataFile[]): ICommandHooks {
  return {
    beforeBundling: () => [],
    beforeInstall: () => [],
    afterBundling: (inputDir, outputDir) =>
      files.map(({ from, to }) => {
        const target = join(outputDir, to);
        return `mkdir -p "${dirname(target)}" && cp -R "${join(inputDir, from)}" "${target}"`;
      }),
  };
}
