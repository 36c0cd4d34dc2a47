/**
 * `pnpm demo`: check the bundled sample roster under xilingol-2024 and write
 * its summary (with the 行动清单 and one 通知单 per person) as HTML, PDF and
 * XLSX into out/, named `roster-sample-汇总-2024-11-20.*` (`(2)` … on later
 * runs; relative to the current folder: the repository root under `pnpm demo`).
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { STATUS_LABELS } from '@ce/rules';
import { fmtHours, fmtYuan, maskIdsInText, STATUS_ORDER, zhDate } from '@ce/summary';
import { CliError } from './errors.js';
import { runCheck } from './engine.js';
import { writeReports } from './summary.js';
import { textWidth } from './table.js';

export const SAMPLE = resolve(dirname(fileURLToPath(import.meta.url)), '../sample/roster-sample.xlsx');
/** The sample is a 2024 roster: the demo dates its report inside the 2024 training window. */
export const DEMO_DATE = { year: 2024, month: 11, day: 20 };

export async function demo(outDir = resolve('out'), log: (s: string) => void = (s) => process.stdout.write(s + '\n')): Promise<Record<string, string>> {
  if (!existsSync(SAMPLE)) throw new CliError(`找不到示例花名册：${SAMPLE}（运行 pnpm --filter @ce/report make-sample）`, `sample roster not found: ${SAMPLE}`);
  // checked on the report date, as a clerk checks today: days left in the window count from it
  const run = await runCheck({ roster: SAMPLE, policy: 'xilingol-2024', asOf: DEMO_DATE });
  const rep = await writeReports(run, { formats: ['html', 'pdf', 'xlsx'], outDir, showId: false, generatedOn: DEMO_DATE, rosterPath: SAMPLE });
  const m = rep.model;
  log(`示例花名册 / sample roster: ${relative(process.cwd(), SAMPLE)}`);
  log(`规则包 / policy: ${m.packId}（${m.docNumber ?? m.packTitle}），审验年度 ${m.reviewYear}，制表日期按 ${zhDate(DEMO_DATE)}`);
  log('');
  const w = Math.max(...STATUS_ORDER.map((s) => textWidth(STATUS_LABELS[s].zh)), textWidth('合计'));
  const line = (label: string, n: number, en: string) => `  ${label}${' '.repeat(w - textWidth(label))}  ${String(n).padStart(4)}  ${en}`;
  for (const s of STATUS_ORDER) log(line(STATUS_LABELS[s].zh, m.totals.counts[s], STATUS_LABELS[s].en));
  log(line('合计', m.totals.people, 'Total'));
  const t = m.totals.missing;
  log(`  未达标人员缺少学时 ${fmtHours(t.total)}（公需 ${fmtHours(t.public)}，专业 ${fmtHours(t.professional)}）`);
  const a = m.actions.totals;
  log(`  行动清单 ${m.actions.items.length} 人，须补学 ${a.mustAct} 人（通知单 ${m.notices.length} 份）${a.cost !== null ? `，可补学时的补学费用约 ${fmtYuan(a.cost)} 元` : ''}`);
  if (m.window) log(`  ${m.window.text}`);
  log('');
  for (const [f, p] of Object.entries(rep.files)) log(`已生成 / written (${f}): ${relative(process.cwd(), p) || p}`);
  if (run.warnings.length > 0) {
    // the warnings themselves, with ID numbers masked, then the command that shows them again
    log(`\n另有 ${run.warnings.length} 条提示 / ${run.warnings.length} warnings:`);
    for (const w of run.warnings) log(`  · ${maskIdsInText(w).replace(/[\r\n]+/g, ' ')}`);
    log(`查看 / to see them: ${warningsCommand()}`);
  }
  return rep.files as Record<string, string>;
}

/** The exact command that prints the demo's warnings again (from the current folder). */
export function warningsCommand(): string {
  const path = relative(process.cwd(), SAMPLE) || SAMPLE;
  return `pnpm ce-report check ${/\s/.test(path) ? JSON.stringify(path) : path} --policy xilingol-2024`;
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
