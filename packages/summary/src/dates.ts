import type { CivilDate } from '@ce/rules';

/** Days since 1970-01-01 for a civil date (proleptic Gregorian, no time zones involved). */
export function dayNumber(d: CivilDate): number {
  return Math.round(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

/** `to − from` in whole days. */
export function daysBetween(from: CivilDate, to: CivilDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Parse `YYYY-MM-DD`; undefined when it is not a real date. */
export function parseIsoDate(text: string): CivilDate | undefined {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return undefined;
  const d: CivilDate = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day));
  if (t.getUTCFullYear() !== d.year || t.getUTCMonth() !== d.month - 1 || t.getUTCDate() !== d.day) return undefined;
  return d;
}

export function isoDate(d: CivilDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** 2024年3月5日 */
export function zhDate(d: CivilDate): string {
  return `${d.year}年${d.month}月${d.day}日`;
}
