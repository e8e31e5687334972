/**
 * s3rver signs ListObjects continuation tokens with single DES, which OpenSSL 3 only offers through
 * its legacy provider. Triple DES with three equal keys is single DES, so 'des' is rerouted to
 * 'des-ede3-cbc' with the key repeated: byte-identical tokens without `--openssl-legacy-provider`.
 */
import crypto, { type BinaryLike, type CipherKey } from 'node:crypto';

let installed = false;

export function installDesShim(): void {
  if (installed) return;
  installed = true;
  const tripled = (key: CipherKey): CipherKey => (Buffer.isBuffer(key) ? Buffer.concat([key, key, key]) : key);
  const createCipheriv = crypto.createCipheriv;
  const createDecipheriv = crypto.createDecipheriv;
  const patched = crypto as { createCipheriv: unknown; createDecipheriv: unknown };
  patched.createCipheriv = (algorithm: string, key: CipherKey, iv: BinaryLike | null, options?: object) =>
    algorithm.toLowerCase() === 'des'
      ? createCipheriv('des-ede3-cbc', tripled(key), iv, options)
      : createCipheriv(algorithm, key, iv, options);
  patched.createDecipheriv = (algorithm: string, key: CipherKey, iv: BinaryLike | null, options?: object) =>
    algorithm.toLowerCase() === 'des'
      ? createDecipheriv('des-ede3-cbc', tripled(key), iv, options)
      : createDecipheriv(algorithm, key, iv, options);
}
