#!/usr/bin/env node
// Runs the TypeScript sources of a checkout directly: tsx's loader compiles on import (and caches),
// so there is no build step between `npm ci` and `npx gongkai`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
