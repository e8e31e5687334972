import type { PresignedPost, UploadPolicy, UploadUrlSigner } from '#shared/ports.ts';

export class MemoryUploadSigner implements UploadUrlSigner {
  /** Every policy signed, so tests can see what was allowed. */
  readonly policies: UploadPolicy[] = [];

  async presignPost(policy: UploadPolicy): Promise<PresignedPost> {
    this.policies.push(policy);
    return {
      url: 'memory://uploads/',
      fields: { key: policy.key, 'Content-Type': policy.contentType, Policy: `max=${policy.maxBytes}` },
    };
  }
}
