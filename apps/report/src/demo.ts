/**
 * `pnpm demo`: check the bundled sample roster under xilingol-2024 and write
 * out/summary.html, out/summary.pdf, out/summary.xlsx (relative to the current
 * folder: the repository root under `pnpm demo`).
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { STATUS_LABELS } from '@ce/rules';
import { STATUS_ORDER, zhDate } from '@ce/summary';
import { CliError } from './errors.js';
import { runCheck } from './engine.js';
import { writeReports } from './summary.js';
import { textWidth } from './table.js';

export const SAMPLE = resolve(dirname(fileURLToPath(import.meta.url)), '../sample/roster-sample.xlsx');
/** The sample is a 2024 roster: the demo dates its report inside the 2024 training window. */
export const DEMO_DATE = { year: 2024, month: 11, day: 20 };

export async function demo(outDir = resolve('out'), log: (s: string) => void = (s) => process.stdout.write(s + '\n')): Promise<Record<string, string>> {
  if (!existsSync(SAMPLE)) throw new CliError(`找不到示例花名册：${SAMPLE}（运行 pnpm --filter @ce/report make-sample）`, `sample roster not found: ${SAMPLE}`);
  const run = await runCheck({ roster: SAMPLE, policy: 'xilingol-2024' });
  const rep = await writeReports(run, { formats: ['html', 'pdf', 'xlsx'], outDir, showId: false, generatedOn: DEMO_DATE });
  const m = rep.model;
  log(`示例花名册 / sample roster: ${relative(process.cwd(), SAMPLE)}`);
  log(`规则包 / policy: ${m.packId}（${m.docNumber ?? m.packTitle}），审验年度 ${m.reviewYear}，制表日期按 ${zhDate(DEMO_DATE)}`);
  log('');
  const w = Math.max(...STATUS_ORDER.map((s) => textWidth(STATUS_LABELS[s].zh)), textWidth('合计'));
  const line = (label: string, n: number, en: string) => `  ${label}${' '.repeat(w - textWidth(label))}  ${String(n).padStart(4)}  ${en}`;
  for (const s of STATUS_ORDER) log(line(STATUS_LABELS[s].zh, m.totals.counts[s], STATUS_LABELS[s].en));
  log(line('合计', m.totals.people, 'Total'));
  log(`  缺少学时合计 ${m.totals.missing.total}（公需 ${m.totals.missing.public}，专业 ${m.totals.missing.professional}）${m.fees ? `，补学费用约 ${m.fees.total.total.toFixed(2)} 元` : ''}`);
  if (m.window) log(`  ${m.window.text}`);
  log('');
  for (const [f, p] of Object.entries(rep.files)) log(`已生成 / written (${f}): ${relative(process.cwd(), p) || p}`);
  if (run.warnings.length > 0) log(`\n（另有 ${run.warnings.length} 条提示，用 ce-report check 查看 / ${run.warnings.length} warnings: see ce-report check）`);
  return rep.files as Record<string, string>;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  demo(process.argv[2] ? resolve(process.argv[2]) : join(process.cwd(), 'out')).catch((e: unknown) => {
    if (e instanceof CliError) {
      process.stderr.write(e.line() + '\n');
      process.exitCode = 2;
    } else {
      process.stderr.write(`错误 / Error: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    }
  });
}
