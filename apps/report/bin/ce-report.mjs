#!/usr/bin/env node
// `pnpm ce-report` from inside a workspace package (packages/rules, test/ …), where
// pnpm does not see the root script and runs the root's node_modules/.bin/ce-report
// instead: the TypeScript source through tsx, in the caller's own folder. The
// self-contained build is dist/ce-report.mjs (scripts/build.ts).
import { register } from 'tsx/esm/api';

register();
const { runProcess } = await import('../src/cli.ts');
runProcess();
