import { parseArgs } from 'node:util';
import type { CivilDate } from '@ce/rules';
import { getPack, PACKS, readIsoDate } from '@ce/rules';
import { CliError } from './errors.js';

export const FORMATS = ['html', 'pdf', 'xlsx'] as const;
export type Format = (typeof FORMATS)[number];

export interface CommonArgs {
  roster: string;
  policy: string;
  records?: string;
  /** --sheet NAME|N: the roster sheet (name, or 1-based position); otherwise the one carrying the review year */
  sheet?: string;
  year?: number;
  asOf?: CivilDate;
}

export interface CheckArgs extends CommonArgs {
  command: 'check';
  json: boolean;
  /** --json indented (two spaces, as JSON.stringify(…, null, 2)); compact one row per line otherwise */
  pretty: boolean;
}

export interface SummaryArgs extends CommonArgs {
  command: 'summary';
  out: string;
  formats: Format[];
  showId: boolean;
  /** 填报单位 for the summary's title (--unit) */
  unit?: string;
}

export type Args = CheckArgs | SummaryArgs | { command: 'help'; topic?: 'check' | 'summary' };

const USAGE = `ce-report —— 继续教育学时花名册检查与汇总 / continuing-education hours roster checker

用法 / Usage:
  ce-report check <花名册.xlsx|.csv> --policy <规则包> [--records <培训记录>] [--sheet 工作表] [--year 年度] [--as-of YYYY-MM-DD] [--json [--pretty]]
  ce-report summary <花名册.xlsx|.csv> --policy <规则包> --out <目录> [--format html,pdf,xlsx] [--show-id] [--unit 填报单位]
                    [--records <培训记录>] [--sheet 工作表] [--year 年度] [--as-of YYYY-MM-DD]

命令 / Commands:
  check      逐行检查花名册，打印表格；加 --json 只在标准输出打印结果 JSON 数组
             check every roster row; with --json print only the JSON array of results on stdout
  summary    生成汇总表（HTML / PDF / XLSX），身份证号默认打码
             write the summary report (HTML / PDF / XLSX); ID numbers masked unless --show-id

选项 / Options:
  --policy <id>       规则包编号，见下方“规则包” / policy pack id, listed below under 规则包 / Packs
  --records <file>    培训记录文件（也可在花名册的“培训记录”工作表中）/ training records file
  --sheet <名称|序号>  读取哪张花名册工作表，默认取标题或表名含审验年度的那张 / which roster sheet (name or 1-based number)
  --year <Y>          审验年度，默认为规则包年度 / review year (default: the pack's year)
  --as-of <date>      年龄计算日，默认 Y 年 12 月 31 日 / as-of date for ages (default Y-12-31)
  --json              (check) 输出 JSON 数组，每行一个结果 / print the JSON array, one result per line
  --pretty            (check --json) 缩进输出 / indented JSON
  --out <dir>         (summary) 输出目录 / output folder
  --format <list>     (summary) html,pdf,xlsx 中的一种或几种，默认全部 / formats, default all
  --show-id           (summary) 显示完整身份证号 / print full ID numbers
  --unit <名称>       (summary) 填报单位，印在汇总表标题中 / reporting unit, printed in the title
  -h, --help          显示帮助 / show this help

退出码 / Exit codes: 0 完成（含数据有误的行）/ done, even with invalid rows; 2 文件或参数不可用 / unusable file or arguments

文件路径按运行命令时所在的目录解析 / relative paths are read from the folder you run the command in.
`;

/** One line per pack, from the pack data: id, CE year, scope, issuer, notice. */
export function packList(): string {
  return PACKS.map(
    ({ id, title, ceYear, scope, issuer, docNumber }) =>
      `  ${id.padEnd(14)} ${ceYear} 年度  ${scope}\n  ${' '.repeat(14)} ${issuer}《${title}》${docNumber ? `（${docNumber}）` : ''}`,
  )
    .join('\n');
}

const NO_NOTICE = `当地（如通辽、赤峰、鄂尔多斯）或当年的通知不在上表时 / when your league's notice for the year is not listed:
  选年度最接近、规定最相近的规则包，用 --year 指定审验年度，例如 --policy xilingol-2024 --year 2025。
  输出最上方会提示“结果只作参考”：各盟市、各年度的规定不同，结论以当地当年的通知为准。
  nm-2017 是全区基础办法，只规定每年公需 30、专业 60 学时的年度检查，没有职称评审、考核、聘任的年限规定。
  Pick the pack nearest in year and rules and give --year; every output then says the results are a reference only.
  nm-2017 (the region's base rules) covers the annual check only.
`;

export function helpText(): string {
  return `${USAGE}
规则包 / Packs (--policy)：
${packList()}

${NO_NOTICE}`;
}

function usage(zh: string, en: string): CliError {
  return new CliError(`${zh}（运行 ce-report --help 查看用法）`, `${en} (run ce-report --help)`);
}

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text.trim())) throw usage(`年度无效：${text}`, `invalid year: ${text}`);
  return Number(text);
}

export function parseCli(argv: readonly string[]): Args {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        policy: { type: 'string' },
        records: { type: 'string' },
        sheet: { type: 'string' },
        year: { type: 'string' },
        'as-of': { type: 'string' },
        json: { type: 'boolean' },
        pretty: { type: 'boolean' },
        out: { type: 'string' },
        format: { type: 'string' },
        'show-id': { type: 'boolean' },
        unit: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e);
    throw usage(`参数有误：${msg}`, `bad arguments: ${msg}`);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    if (command === 'check' || command === 'summary') return { command: 'help', topic: command };
    return { command: 'help' };
  }
  if (command !== 'check' && command !== 'summary') throw usage(`未知命令：${command}`, `unknown command: ${command}`);
  if (rest.length === 0) throw usage('缺少花名册文件', 'missing roster file');
  if (rest.length > 1) throw usage(`多余的参数：${rest.slice(1).join(' ')}`, `unexpected arguments: ${rest.slice(1).join(' ')}`);
  if (!values.policy) throw usage('缺少 --policy 规则包编号', 'missing --policy <pack id>');
  const common: CommonArgs = { roster: rest[0]!, policy: values.policy };
  if (values.records !== undefined) common.records = values.records;
  if (values.sheet !== undefined) common.sheet = values.sheet;
  if (values.year !== undefined) common.year = parseYear(values.year);
  if (values['as-of'] !== undefined) {
    const d = readIsoDate(values['as-of']);
    if (!d) throw usage(`日期无效：${values['as-of']}（应为 YYYY-MM-DD）`, `invalid date: ${values['as-of']} (expected YYYY-MM-DD)`);
    common.asOf = d;
  }
  if (command === 'check') {
    for (const k of ['out', 'format', 'show-id', 'unit'] as const) {
      if (values[k] !== undefined) throw usage(`check 不接受 --${k}`, `check does not take --${k}`);
    }
    if (values.pretty && !values.json) throw usage('--pretty 只与 --json 一起用', '--pretty goes with --json');
    return { command, ...common, json: values.json === true, pretty: values.pretty === true };
  }
  if (values.json !== undefined) throw usage('summary 不接受 --json', 'summary does not take --json');
  if (values.pretty !== undefined) throw usage('summary 不接受 --pretty', 'summary does not take --pretty');
  if (!values.out) throw usage('缺少 --out 输出目录', 'missing --out <dir>');
  let formats: Format[] = [...FORMATS];
  if (values.format !== undefined) {
    const list = values.format.split(/[,，\s]+/).filter(Boolean);
    const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
    if (bad.length > 0 || list.length === 0) throw usage(`未知格式：${bad.join(',') || values.format}（可选 html,pdf,xlsx）`, `unknown format: ${bad.join(',') || values.format} (html,pdf,xlsx)`);
    formats = [...new Set(list as Format[])];
  }
  const summary: SummaryArgs = { command, ...common, out: values.out, formats, showId: values['show-id'] === true };
  if (values.unit !== undefined && values.unit.trim() !== '') summary.unit = values.unit.trim();
  return summary;
}
