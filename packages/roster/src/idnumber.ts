/**
 * Chinese resident ID numbers (GB 11643): 18 characters, digits 7–14 the birth
 * date YYYYMMDD, digit 17 odd = male, digit 18 the ISO 7064 MOD 11-2 check
 * character (X = 10); or the 15-digit legacy form (YYMMDD at 7–12 → 19YY, last
 * digit odd = male, no check digit).
 */
import type { CivilDate, Sex } from '@ce/rules';
import { formatDate, isValidDate } from './values.js';

export type IdParse =
  | { ok: true; id: string; birth: CivilDate; sex: Sex; legacy: boolean }
  | { ok: false; id: string; message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The MOD 11-2 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

const PLAIN_ID = /^\d{17}[\dX]$/;

/** NFKC, strip all whitespace and a leading Excel text apostrophe, upper-case x. */
export function normalizeId(raw: string): string {
  // the usual case, an ID already as it should be, needs none of the steps below
  if (typeof raw === 'string' && PLAIN_ID.test(raw)) return raw;
  return String(raw ?? '')
    .normalize('NFKC')
    .replace(/[\s\u3000]+/g, '')
    .replace(/^'+/, '')
    .toUpperCase();
}

/**
 * Said of an ID Excel stored as a number: it keeps 15 significant digits, so
 * the last three of an 18-digit ID come back as zeros. No check character is
 * suggested: one computed from the damaged digits passes the check and is
 * still not the person's number.
 */
export const TRUNCATED_ID_ADVICE =
  '看起来被Excel截断末尾数字（Excel 把身份证号当作数字只保留15位有效数字，后几位变成了0）；请把该列设置为“文本”格式，再从原始资料（身份证或原始名单）复制完整号码，不要自行改写末尾数字';

/** 18 digits ending in 000 whose check fails: the shape an ID has after Excel rounded it. */
export function looksTruncatedId(id: string): boolean {
  return /^\d{15}000$/.test(id) && idCheckChar(id.slice(0, 17)) !== id[17];
}

export function parseIdNumber(raw: string): IdParse {
  const id = normalizeId(raw);
  if (id === '') return { ok: false, id, message: '缺少身份证号' };
  if (/^\d(\.\d+)?E\+?\d+$/.test(id)) {
    return {
      ok: false,
      id,
      message: `身份证号被存成了科学计数法数字（${id}），${TRUNCATED_ID_ADVICE}`,
    };
  }
  if (id.length !== 18 && id.length !== 15) {
    return { ok: false, id, message: `身份证号应为18位（或15位旧号），实为${id.length}位` };
  }
  if (id.length === 15) {
    if (!/^\d{15}$/.test(id)) return { ok: false, id, message: '15位旧身份证号应全部为数字' };
    const y = 1900 + Number(id.slice(6, 8));
    const m = Number(id.slice(8, 10));
    const d = Number(id.slice(10, 12));
    if (!isValidDate(y, m, d)) {
      return { ok: false, id, message: `身份证号中的出生日期不存在：${y}-${id.slice(8, 10)}-${id.slice(10, 12)}` };
    }
    return { ok: true, id, birth: { year: y, month: m, day: d }, sex: Number(id[14]) % 2 === 1 ? 'M' : 'F', legacy: true };
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, id, message: '身份证号含有非法字符：前17位应为数字，最后一位为数字或 X' };
  }
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (!isValidDate(y, m, d) || y < 1800) {
    return { ok: false, id, message: `身份证号中的出生日期不存在：${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` };
  }
  if (looksTruncatedId(id)) return { ok: false, id, message: `身份证号 ${id} 末尾为000且校验不通过，${TRUNCATED_ID_ADVICE}` };
  const expected = idCheckChar(id.slice(0, 17));
  if (id[17] !== expected) return { ok: false, id, message: `身份证号校验位错误，应为 ${expected}` };
  return { ok: true, id, birth: { year: y, month: m, day: d }, sex: Number(id[16]) % 2 === 1 ? 'M' : 'F', legacy: false };
}

export { formatDate };
