/// <reference path="../../apps/report/src/types/subset-font.d.ts" />
/**
 * Runs several `ce-report` command lines in one process (the CLI's own `main`,
 * the code behind `pnpm ce-report`), so that a preload such as
 * no-network.mjs watches every path of check and summary without paying for a
 * process start each time.
 *
 *   node --import tsx --import ./test/support/no-network.mjs test/support/run-many.ts plan.json
 *
 * plan.json: string[][] (argument lists). Prints one JSON array: exit code,
 * stdout length and stderr per run.
 */
import { readFileSync } from 'node:fs';
import { main } from '../../apps/report/src/cli.js';

const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as string[][];
const out: { argv: string[]; code: number; stdoutLength: number; stderr: string }[] = [];
for (const argv of plan) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stderrIsTTY: false });
  out.push({ argv, code, stdoutLength: stdout.length, stderr });
}
process.stdout.write(JSON.stringify(out) + '\n');
