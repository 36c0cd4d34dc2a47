/**
 * @ce/roster — host-agnostic reader for 花名册 (rosters) and 培训记录 (training
 * records). No Node APIs: runs in Node, browsers and the Excel add-in.
 * See ../../../shared/spec/ROSTER.md for the columns and aliases.
 */
export type { Cell } from './values.js';
export type { Grid, ColumnBinding, HeaderKind } from './headers.js';
export type { RosterRead, RecordsRead, ReadOptions } from './reader.js';
export type { IdParse } from './idnumber.js';
export { readRoster, readRosterRows, readRecords, inspectRoster } from './reader.js';
export { fillMerges, isRecordsSheet, MergeFill, namedYear, decideHourYear, titleText, rowRanges, notPersonRow, startsAsFooter } from './sheet.js';
export type { MergedArea, HourYear, SkipKind } from './sheet.js';
export { parseIdNumber, normalizeId, idCheckChar, looksTruncatedId, TRUNCATED_ID_ADVICE } from './idnumber.js';
export { columnLetter, classifyHeader, findHeader, HEADER_SCAN_ROWS, ROSTER_HEADERS, RECORD_HEADERS } from './headers.js';
export {
  toCivilDate,
  serialToDate,
  cellText,
  isBlank,
  formatDate,
  parseAmount,
  isNoneMark,
  parseYesNo,
  parseYearList,
  parseYear,
  parsePostGrade,
  parsePurpose,
  parseLevel,
  parseEducation,
  parseKind,
  parseCategory,
} from './values.js';
export type { Parsed } from './values.js';
export { t2s, normHeader, normValue } from './normalize.js';
export { checkRoster, evaluatePeople, groupRecordsById, recordsKey } from './check.js';
export type { RosterCheck, CheckOptions } from './check.js';
