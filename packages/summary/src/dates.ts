import type { CivilDate } from '@ce/rules';

/** 2024年3月5日 */
export function zhDate(d: CivilDate): string {
  return `${d.year}年${d.month}月${d.day}日`;
}
