#!/usr/bin/env node
// `npx intake <command>`: runs the TypeScript CLI through tsx.
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The project's tsconfig (JSX settings included) whatever folder the command is run from.
register({ tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)) });
await import('../server/cli.ts');
