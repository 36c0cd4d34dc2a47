/**
 * CE.* custom functions. The JSDoc here is the source of functions.json
 * (scripts/build-functions-json.ts runs custom-functions-metadata's API on this file).
 * All work happens in engine.ts over the cached workbook index.
 */
import { readSettings } from '../core/settings.js';
import { FunctionError, fnExplain, fnHours, fnIdCheck, fnMissing, fnMissingProfessional, fnMissingPublic, fnStatus, type RosterIndex } from './engine.js';
import { indexCache } from './index-cache.js';

function toCfError(e: unknown): CustomFunctions.Error {
  if (e instanceof FunctionError) {
    const code = e.kind === 'notAvailable' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, e.message.slice(0, 255));
  }
  const message = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message.slice(0, 255));
}

function opts(policy?: string | null, year?: number | null): { policy?: string; year?: number } {
  return {
    ...(policy ? { policy } : {}),
    ...(year !== null && year !== undefined ? { year } : {}),
  };
}

/** a roster read that has not finished by then gives #N/A with a message, not #BUSY! forever */
export const ROSTER_READ_TIMEOUT_MS = 20_000;
let readTimeoutMs = ROSTER_READ_TIMEOUT_MS;
/** for tests: a shorter bound */
export function setRosterReadTimeout(ms: number): void {
  readTimeoutMs = ms;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // drop the hung read so the next recalculation tries again
      indexCache.invalidate();
      reject(new FunctionError('notAvailable', `读取花名册超时（${Math.round(ms / 1000)} 秒），请稍后重算（Ctrl+Alt+F9）。Reading the roster timed out.`));
    }, ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

/** settings are read at call time: a recalculation after the pane changed them sees the new ones */
async function withIndex<T>(f: (index: RosterIndex) => T): Promise<T> {
  try {
    return f(await withTimeout(indexCache.get(), readTimeoutMs));
  } catch (e) {
    throw toCfError(e);
  }
}

/**
 * 缺少学时：身份证号所在人员按工作簿所选政策缺少的继续教育学时（公需+专业）。Missing hours of the person with this ID number.
 * @customfunction MISSING
 * @param id 身份证号（单元格）ID number
 * @param [policy] 政策包，如 "xilingol-2024"；省略则用任务窗格的设置 Policy pack id
 * @param [year] 审验年度；省略则用设置或政策年度 Review year
 * @returns 缺少学时
 */
export async function missing(id: any, policy?: string, year?: number): Promise<number> {
  return withIndex((index) => fnMissing(index, id, readSettings(), opts(policy, year)));
}

/**
 * 缺公需学时。Missing public-subject hours.
 * @customfunction MISSING_PUBLIC
 * @param id 身份证号 ID number
 * @param [policy] 政策包 Policy pack id
 * @param [year] 审验年度 Review year
 * @returns 缺公需学时
 */
export async function missingPublic(id: any, policy?: string, year?: number): Promise<number> {
  return withIndex((index) => fnMissingPublic(index, id, readSettings(), opts(policy, year)));
}

/**
 * 缺专业学时。Missing professional-subject hours.
 * @customfunction MISSING_PROFESSIONAL
 * @param id 身份证号 ID number
 * @param [policy] 政策包 Policy pack id
 * @param [year] 审验年度 Review year
 * @returns 缺专业学时
 */
export async function missingProfessional(id: any, policy?: string, year?: number): Promise<number> {
  return withIndex((index) => fnMissingProfessional(index, id, readSettings(), opts(policy, year)));
}

/**
 * 状态（达标 / 未达标 / 免除 / 不作限制 / 数据有误）。Status label.
 * @customfunction STATUS
 * @param id 身份证号 ID number
 * @param [policy] 政策包 Policy pack id
 * @param [year] 审验年度 Review year
 * @returns 状态
 */
export async function status(id: any, policy?: string, year?: number): Promise<string> {
  return withIndex((index) => fnStatus(index, id, readSettings(), opts(policy, year), readSettings().lang ?? 'zh'));
}

/**
 * 说明：逐步解释与条款出处。Full explanation with citation keys.
 * @customfunction EXPLAIN
 * @param id 身份证号 ID number
 * @param [policy] 政策包 Policy pack id
 * @param [year] 审验年度 Review year
 * @returns 说明
 */
export async function explain(id: any, policy?: string, year?: number): Promise<string> {
  return withIndex((index) => fnExplain(index, id, readSettings(), opts(policy, year)));
}

/**
 * 折算学时：分钟按45分钟=1学时取整，半天=4学时，天=8学时。Convert minutes / half-days to hours.
 * @customfunction HOURS
 * @param amount 数量 Amount
 * @param [unit] 单位："分钟"（默认）、"半天"、"天" Unit
 * @returns 学时
 */
export function hours(amount: any, unit?: string): number {
  try {
    return fnHours(amount, unit ?? '', readSettings());
  } catch (e) {
    throw toCfError(e);
  }
}

/**
 * 校验身份证号：有效则返回性别与出生日期，否则返回问题。Check an ID number.
 * @customfunction IDCHECK
 * @param id 身份证号 ID number
 * @returns 校验结果
 */
export function idcheck(id: any): string {
  return fnIdCheck(id);
}

/** Registers the functions with Excel (shared runtime: called from the task pane page). */
export function registerFunctions(): void {
  if (typeof CustomFunctions === 'undefined') return;
  CustomFunctions.associate('MISSING', missing);
  CustomFunctions.associate('MISSING_PUBLIC', missingPublic);
  CustomFunctions.associate('MISSING_PROFESSIONAL', missingProfessional);
  CustomFunctions.associate('STATUS', status);
  CustomFunctions.associate('EXPLAIN', explain);
  CustomFunctions.associate('HOURS', hours);
  CustomFunctions.associate('IDCHECK', idcheck);
}
