import { randomBytes, randomUUID } from 'node:crypto';
import type { IdGenerator } from '#shared/ports.ts';

/** UUID v4 ids; 32-byte (256-bit) secrets, base64url so they survive headers and URLs unescaped. */
export const randomIds: IdGenerator = {
  newId: () => randomUUID(),
  newSecret: () => randomBytes(32).toString('base64url'),
};
