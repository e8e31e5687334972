import { fileURLToPath } from 'node:url';

/** Declared entries and the lockfile are relative to the repository root, wherever `cdk` is run from. */
export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));
