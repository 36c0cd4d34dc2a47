import type { CivilDate } from './types.js';

export function compareDates(a: CivilDate, b: CivilDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Full years of age (周岁) on `asOf`. */
export function fullAge(birth: CivilDate, asOf: CivilDate): number {
  let age = asOf.year - birth.year;
  if (asOf.month < birth.month || (asOf.month === birth.month && asOf.day < birth.day)) age--;
  return age;
}

/** 'YYYY-MM-DD' → CivilDate (pack dates are written this way). */
export function parseIsoDate(iso: string): CivilDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** A date typed by a user ('YYYY-MM-DD', e.g. --as-of): undefined unless it is a real calendar date. */
export function readIsoDate(text: string): CivilDate | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidDate(d) ? d : undefined;
}

export function isValidDate(d: CivilDate): boolean {
  if (!Number.isInteger(d.year) || !Number.isInteger(d.month) || !Number.isInteger(d.day)) return false;
  if (d.month < 1 || d.month > 12 || d.day < 1) return false;
  const days = [31, d.year % 4 === 0 && (d.year % 100 !== 0 || d.year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d.day <= days[d.month - 1]!;
}

export function formatDate(d: CivilDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Days from a to b (b − a). */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** A date as the number yyyymmdd: dates compare as numbers (the evaluator's record loop, pack windows). */
export function dayNumber(d: CivilDate): number {
  return d.year * 10000 + d.month * 100 + d.day;
}

/** The year of a yyyymmdd day number. */
export function dayYear(day: number): number {
  return Math.floor(day / 10000);
}

/** A yyyymmdd day number as 'YYYY-MM-DD'. */
export function formatDay(day: number): string {
  const md = day % 10000;
  return `${dayYear(day)}-${String(Math.floor(md / 100)).padStart(2, '0')}-${String(md % 100).padStart(2, '0')}`;
}
