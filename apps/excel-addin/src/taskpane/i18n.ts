import type { Lang } from '../core/settings.js';

export const TEXT = {
  zh: {
    title: '继续教育学时检查',
    subtitle: '内蒙古专业技术人员继续教育学时（花名册）',
    policy: '政策包',
    year: '审验年度',
    yearHint: '留空 = 政策年度',
    asOf: '年龄计算截止日',
    asOfHint: '留空 = 审验年度 12 月 31 日',
    check: '检查并标注',
    clear: '清除标注',
    summary: '生成汇总表',
    lang: 'English',
    counts: '各状态人数',
    invalid: '数据有误的行（点击定位）',
    noInvalid: '没有数据有误的行。',
    row: '第 {row} 行',
    reading: '正在读取工作表…',
    checking: '正在检查 {done}/{total} 行…',
    writing: '正在写入标注 {done}/{total} 行…',
    done: '已检查 {n} 人，标注写在 {address}。',
    cleared: '已清除 {address} 的标注。',
    summaryDone: '已生成“汇总表”工作表（{rows} 行），可直接按 A4 打印。',
    needCheck: '请先“检查并标注”。',
    error: '出错：{message}',
    functionsNote: '单元格函数：=CE.MISSING(C2)、=CE.STATUS(C2)、=CE.EXPLAIN(C2)…',
    privacy: '所有数据只在本机 Excel 中处理，不会发送到网络。',
  },
  en: {
    title: 'CE hours check',
    subtitle: 'Continuing-education hours of professionals, Inner Mongolia (roster)',
    policy: 'Policy pack',
    year: 'Review year',
    yearHint: 'blank = the pack’s year',
    asOf: 'As-of date for ages',
    asOfHint: 'blank = 31 Dec of the review year',
    check: 'Check and annotate',
    clear: 'Clear annotations',
    summary: 'Build summary sheet',
    lang: '中文',
    counts: 'People by status',
    invalid: 'Rows with invalid data (click to select)',
    noInvalid: 'No invalid rows.',
    row: 'Row {row}',
    reading: 'Reading the sheet…',
    checking: 'Checking {done}/{total} rows…',
    writing: 'Writing annotations {done}/{total} rows…',
    done: 'Checked {n} people; annotations in {address}.',
    cleared: 'Removed the annotations in {address}.',
    summaryDone: 'Created the “汇总表” sheet ({rows} rows), ready to print on A4.',
    needCheck: 'Run “Check and annotate” first.',
    error: 'Error: {message}',
    functionsNote: 'Cell functions: =CE.MISSING(C2), =CE.STATUS(C2), =CE.EXPLAIN(C2)…',
    privacy: 'All data stays in Excel on this computer; nothing is sent over the network.',
  },
} satisfies Record<Lang, Record<string, string>>;

export type TextKey = keyof (typeof TEXT)['zh'];

export function t(lang: Lang, k: TextKey, vars: Record<string, string | number> = {}): string {
  return TEXT[lang][k].replace(/\{(\w+)\}/g, (_, v: string) => String(vars[v] ?? ''));
}
