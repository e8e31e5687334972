import type { UploadUrlSigner } from '#shared/ports.ts';

export class MemoryUploadSigner implements UploadUrlSigner {
  async presignPut(key: string, expiresInSeconds: number): Promise<string> {
    return `memory://uploads/${key}?expires=${expiresInSeconds}`;
  }
}
