/**
 * What the CE.* custom functions compute, as plain synchronous functions over an
 * index of the workbook (so they can be tested, and registered in HyperFormula).
 * The async wrappers in functions.ts only fetch the (cached) index first.
 */
import { compilePack, getPack, STATUS_LABELS, type CompiledPack, type EvaluationResult, type Person, type PolicyPack } from '@ce/rules';
import { normalizeId, parseIdNumber } from '@ce/roster';
import { evaluatePerson, explanationText, errorsText, type ReadWorkbook } from '../core/check.js';
import { parseIso, type AddinSettings, type Lang } from '../core/settings.js';

export type ErrorKind = 'notAvailable' | 'invalidValue';

export class FunctionError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface RosterIndex {
  read: ReadWorkbook;
  sheetName: string;
  byId: Map<string, Person[]>;
  /** evaluation cache: id|policy|year|asOf|explain */
  cache: Map<string, EvaluationResult>;
  /** each pack compiled once for this index (issue #16: the add-in holds a plan per index) */
  plans: Map<string, CompiledPack>;
}

export function buildIndex(read: ReadWorkbook, sheetName: string): RosterIndex {
  const byId = new Map<string, Person[]>();
  for (const p of read.roster.people) {
    const k = normalizeId(p.id);
    const list = byId.get(k);
    if (list) list.push(p);
    else byId.set(k, [p]);
  }
  return { read, sheetName, byId, cache: new Map(), plans: new Map() };
}

export interface CallOptions {
  policy?: string;
  year?: number;
}

function resolvePack(settings: AddinSettings, policy: string | undefined): PolicyPack {
  const id = (policy ?? '').trim() || settings.policy;
  if (!id) throw new FunctionError('invalidValue', '未选择政策包：请在任务窗格中选择，或在函数中指定，如 "xilingol-2024"');
  const pack = getPack(id);
  if (!pack) throw new FunctionError('invalidValue', `未知的政策包：${id}`);
  return pack;
}

function toText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'number') return Number.isInteger(raw) ? raw.toFixed(0) : String(raw);
  return String(raw);
}

/** The person's evaluation, or a FunctionError saying why there is none. */
export function resultFor(index: RosterIndex, rawId: unknown, settings: AddinSettings, opts: CallOptions = {}, explain = false): EvaluationResult {
  const text = toText(rawId);
  const id = normalizeId(text);
  if (id === '') throw new FunctionError('invalidValue', '缺少身份证号');
  const people = index.byId.get(id);
  if (!people || people.length === 0) {
    const parsed = parseIdNumber(text);
    if (!parsed.ok) throw new FunctionError('invalidValue', `身份证号无效：${parsed.message}`);
    throw new FunctionError('notAvailable', `花名册“${index.sheetName}”中没有此身份证号：${id}`);
  }
  if (people.length > 1) {
    throw new FunctionError('invalidValue', `身份证号在花名册中重复（第${people.map((p) => p.row).join('、')}行）`);
  }
  const person = people[0]!;
  const pack = resolvePack(settings, opts.policy);
  const year = opts.year ?? settings.year;
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) {
    throw new FunctionError('invalidValue', `审验年度无效：${year}`);
  }
  const asOf = year !== undefined && year !== settings.year ? undefined : parseIso(settings.asOf);
  const k = `${id}|${pack.id}|${year ?? ''}|${asOf ? `${asOf.year}-${asOf.month}-${asOf.day}` : ''}|${explain ? 1 : 0}`;
  const hit = index.cache.get(k);
  if (hit) return hit;
  let plan = index.plans.get(pack.id);
  if (plan === undefined || plan.pack !== pack) {
    plan = compilePack(pack);
    index.plans.set(pack.id, plan);
  }
  const result = evaluatePerson(index.read, person, { policy: pack.id, year, asOf, explain }, plan);
  index.cache.set(k, result);
  return result;
}

function missingOrError(result: EvaluationResult): NonNullable<EvaluationResult['missing']> {
  if (result.status === 'invalid' || !result.missing) {
    throw new FunctionError('invalidValue', `第${result.row}行数据有误：${errorsText(result)}`);
  }
  return result.missing;
}

export function fnMissing(index: RosterIndex, id: unknown, settings: AddinSettings, opts?: CallOptions): number {
  return missingOrError(resultFor(index, id, settings, opts)).total;
}

export function fnMissingPublic(index: RosterIndex, id: unknown, settings: AddinSettings, opts?: CallOptions): number {
  return missingOrError(resultFor(index, id, settings, opts)).public;
}

export function fnMissingProfessional(index: RosterIndex, id: unknown, settings: AddinSettings, opts?: CallOptions): number {
  return missingOrError(resultFor(index, id, settings, opts)).professional;
}

export function fnStatus(index: RosterIndex, id: unknown, settings: AddinSettings, opts?: CallOptions, lang: Lang = 'zh'): string {
  return STATUS_LABELS[resultFor(index, id, settings, opts).status][lang];
}

export function fnExplain(index: RosterIndex, id: unknown, settings: AddinSettings, opts?: CallOptions): string {
  return explanationText(resultFor(index, id, settings, opts, true));
}

/** 分钟 / 半天 / 天 / 学时 → 学时, with the pack's units (nm-2017/art10): minutes floor(m/45), half-day 4. */
export function fnHours(amount: unknown, unit: unknown, settings: AddinSettings, policy?: string): number {
  const n = typeof amount === 'number' ? amount : Number(toText(amount).normalize('NFKC').trim());
  if (!Number.isFinite(n) || n < 0) throw new FunctionError('invalidValue', `数量无效：${toText(amount)}`);
  const u = toText(unit).normalize('NFKC').trim().toLowerCase();
  const pack = getPack((policy ?? '').trim() || settings.policy || 'nm-2017') ?? getPack('nm-2017');
  if (!pack) throw new FunctionError('invalidValue', '找不到政策包 nm-2017');
  const { minutesPerHour, hoursPerHalfDay } = pack.units;
  switch (u) {
    case '':
    case '分钟':
    case 'min':
    case 'minutes':
      return Math.floor(n / minutesPerHour);
    case '半天':
    case 'halfday':
    case 'half-day':
      return n * hoursPerHalfDay;
    case '天':
    case 'day':
    case 'days':
      return n * 2 * hoursPerHalfDay;
    case '学时':
    case 'hours':
      return n;
    default:
      throw new FunctionError('invalidValue', `单位应为“分钟”“半天”或“天”：${toText(unit)}`);
  }
}

/** "有效（男，1985-02-02）" or the reader's message for a bad number. */
export function fnIdCheck(id: unknown): string {
  const parsed = parseIdNumber(toText(id));
  if (!parsed.ok) return parsed.message;
  const b = parsed.birth;
  const date = `${b.year}-${String(b.month).padStart(2, '0')}-${String(b.day).padStart(2, '0')}`;
  return `有效（${parsed.sex === 'M' ? '男' : '女'}，${date}${parsed.legacy ? '，15位旧号' : ''}）`;
}
