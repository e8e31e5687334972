/**
 * The esbuild settings every Lambda bundle shares beyond `HandlerFunction`'s house defaults, in one place so
 * the bench bundles exactly what CDK deploys.
 */

/** Packages replaced in every bundle: module specifier → repository-relative path of the replacement. */
export const LAMBDA_BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': './functions/_kit/clients/lambda-credentials.ts',
  'node:stream/web': './functions/_kit/bundling/stream-web.ts',
};

/** Bundles are ESM; a few dependencies are CommonJS and call require() at run time. */
export const LAMBDA_BUNDLE_BANNER =
  "import { createRequire } from 'node:module';const require = createRequire(import.meta.url);";

/**
 * Bundles keep their characters as UTF-8: esbuild's default escapes each CJK character of a page template as
 * `\uXXXX` (six bytes instead of three), and the page writers carry many. Lambda reads its handler as UTF-8.
 */
export const LAMBDA_BUNDLE_CHARSET = 'utf8';

/**
 * Node's options in every function, which the bench starts its bundles with too. Empty on purpose: with
 * `--enable-source-maps` Node reads and decodes a bundle's source map (SDK included) while it loads it, which
 * added ~40% to the authorizer's start in `npm run bench -- lambda`'s measure. Each package still ships
 * `index.mjs.map` beside its bundle, to map a logged stack trace back to the sources.
 */
export const LAMBDA_NODE_OPTIONS: readonly string[] = [];
