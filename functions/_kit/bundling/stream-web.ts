/**
 * `node:stream/web` as the Lambda bundles see it: middy's core imports its ReadableStream only to recognise a
 * streamed response, which no function sends, yet importing the module loads Node's whole web-streams
 * implementation at start (about a millisecond, 5% of a hello-world). The class here answers `instanceof` as
 * the real one does, loading it only if asked. Nothing else the bundles carry imports `node:stream/web`;
 * anything that wanted more of it would fail to bundle.
 */
// biome-ignore lint/complexity/noStaticOnlyClass: it stands for a class, so `instanceof` must work on it.
export class ReadableStream {
  static [Symbol.hasInstance](value: unknown): boolean {
    return value instanceof globalThis.ReadableStream;
  }
}
