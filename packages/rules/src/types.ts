/**
 * The shapes every part of the project shares: what a roster row becomes
 * (Person, TrainingRecord), what a policy pack says (see pack.ts), and what the
 * evaluator returns (EvaluationResult, matching ../shared/spec/ROSTER.md).
 */

export type Sex = 'M' | 'F';

/** 申报类型 */
export type Purpose = 'annual' | 'title' | 'assessment' | 'post';

/** 申报级别: 正高级 / 副高级 / 中级 / 初级 (助理级, 员级 are junior too) */
export type Level = 'senior-full' | 'senior-deputy' | 'intermediate' | 'junior' | 'assistant' | 'clerk';

/** 学历 */
export type Education = '专科' | '本科' | '硕士' | '博士';

export type Category = 'public' | 'professional';

/** 形式 of a training record, in the roster spec's words (Simplified). */
export type RecordKind =
  | '网络培训'
  | '面授培训'
  | '高研班'
  | '论坛'
  | '学术交流'
  | '进修考察'
  | '事业单位培训'
  | '行业培训'
  | '学历教育'
  | '实践考察'
  | '学术讲座'
  | '职业技能培训'
  | '三科教师培训'
  | '中小学教师培训'
  | '职业资格考试'
  | '职称外语计算机考试';

/** A calendar date without time zone trouble. month 1-12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Where a value came from in the sheet, so messages can name the cell. */
export interface CellRef {
  /** 1-based sheet row */
  row: number;
  /** column letter, e.g. "H" */
  column: string;
  /** the header text as written in the sheet */
  header: string;
  /** the raw cell value as text */
  value: string;
}

/** A field's column in the sheet. */
export interface ColumnRef {
  /** column letter, e.g. "H" */
  readonly column: string;
  /** the header text as written in the sheet */
  readonly header: string;
}

/** A problem found in a cell. Errors make the row `invalid`; warnings do not. */
export interface CellIssue {
  /** the Person field or record field concerned, e.g. "id", "level", "hours:2024:public" */
  field: string;
  row: number;
  column?: string;
  header?: string;
  value?: string;
  /** Chinese message naming the problem, e.g. "身份证号校验位错误" */
  message: string;
  /** citation key, where a rule is the reason */
  key?: string;
}

export interface YearHours {
  public: number;
  professional: number;
}

/** 疫情防控一线: "是" (flag only) or the year(s). */
export interface EpidemicDuty {
  flagged: boolean;
  years: number[];
}

/**
 * One roster data row after reading. Fields the sheet does not have are
 * undefined. `errors` from reading make the row invalid before any rule runs.
 */
export interface Person {
  row: number;
  name?: string;
  id: string;
  /** derived from the ID number (never from the 性别 column, which is only checked) */
  sex?: Sex;
  birth?: CivilDate;
  unit?: string;
  nonPublic?: boolean;
  grassroots?: boolean;
  /** blank → annual */
  purpose: Purpose;
  level?: Level;
  education?: Education;
  assessYears?: number;
  postGrade?: number;
  postdoc?: boolean;
  epidemic?: EpidemicDuty;
  transferYear?: number;
  exceptionalYears?: number;
  highSkill?: boolean;
  qualExamYears?: number[];
  titleExamYears?: number[];
  unitPlanFiled?: boolean;
  /** hours from the roster's year columns, by year */
  hours: Record<number, YearHours>;
  /**
   * The cells the clerk wrote, by field name (for messages): plain data, a
   * CellRef per written cell; a blank or absent cell is `undefined`.
   */
  cells: Readonly<Record<string, CellRef | undefined>>;
  /** where each field's column is in the sheet (shared by every person of a sheet); absent when not read from a sheet */
  columns?: Readonly<Record<string, ColumnRef>>;
  /** problems found while reading this row */
  errors: CellIssue[];
  warnings: CellIssue[];
}

/** One row of 培训记录. */
export interface TrainingRecord {
  /** 1-based sheet row of the record (in its own sheet/file) */
  row: number;
  /** sheet or file name, for messages */
  source?: string;
  id: string;
  /** 学年度; defaults to the year of `date` */
  creditYear: number;
  /** 类别 as written (may be absent for kinds whose category is fixed) */
  category?: Category;
  kind: RecordKind;
  /** one of the three; conversion to 学时 is the evaluator's job (nm-2017/art10) */
  hours?: number;
  minutes?: number;
  halfDays?: number;
  date?: CivilDate;
  /**
   * `date` as the number yyyymmdd (dayNumber), set with it by the reader so the
   * evaluator compares numbers and never reaches into the date object; when
   * absent it is worked out from `date`. The two must agree.
   */
  day?: number;
  /** 是否备案: undefined = blank/unknown */
  filed?: boolean;
  /**
   * Set by the reader when the row cannot be used (hours not a number, an
   * unreadable date with no 学年度, an unknown 形式): the Chinese reason, naming
   * the column and value. The evaluator lists such a record among the person's
   * excluded records and credits nothing (ROSTER.md, Training records).
   */
  unusable?: string;
  /** the 形式 as written, when it is not a known kind */
  kindText?: string;
}

export type Status = 'compliant' | 'non-compliant' | 'exempt' | 'not-restrictive' | 'invalid';

export const STATUS_LABELS: Record<Status, { zh: string; en: string }> = {
  compliant: { zh: '达标', en: 'Compliant' },
  'non-compliant': { zh: '未达标', en: 'Non-compliant' },
  exempt: { zh: '免除', en: 'Exempt' },
  'not-restrictive': { zh: '不作限制', en: 'Not restrictive' },
  invalid: { zh: '数据有误', en: 'Invalid data' },
};

export interface Missing {
  readonly total: number;
  readonly public: number;
  readonly professional: number;
}

export interface YearFigures {
  readonly year: number;
  readonly required: Readonly<YearHours>;
  readonly credited: Readonly<YearHours>;
  /** a vocational-qualification exam made this year's professional requirement complete */
  readonly examCompleted?: boolean;
}

export interface RuleRef {
  key: string;
  /** what the rule does, in plain Chinese */
  text: string;
  /** the notice's own words */
  quote?: string;
  /** the project's reading where the text is ambiguous (按本系统解释) */
  interpretation?: string;
}

export interface ReliefApplied {
  key: string;
  /** Chinese description of what the relief did, e.g. "男满55周岁，免除学时要求" */
  text: string;
}

export interface ExcludedRecord {
  /** sheet row of the record (or of the roster row for roster-column credits) */
  row: number;
  source?: string;
  kind: string;
  year: number;
  hours: number;
  /** Chinese reason */
  reason: string;
  key: string;
}

export interface Note {
  message: string;
  key?: string;
  column?: string;
  row?: number;
}

/** One result per roster data row, in sheet order (ROSTER.md "Results per row"). */
/** A platform a notice names, with the category it serves (RULES.md §7). */
export interface Platform {
  name: string;
  url?: string;
  /** which category it serves; 'any' for 内蒙古人才信息库 (审验卡) and general portals */
  category: Category | 'any';
  key: string;
}

/** A dated duty a notice sets (RULES.md §7 r3 deadlines). */
export interface Deadline {
  date: string;
  what: string;
  key: string;
}

/** What a person can still do (RULES.md §7 Remedy, ROSTER.md `remedy`). */
export interface Remedy {
  /** hours still closable; null when unknown */
  closable: YearHours | null;
  /** hours that can no longer be earned under this notice; null when unknown */
  closed: YearHours | null;
  /** the pack states no training window, or the review year is not the notice's own */
  unknown: boolean;
  /** window end (ISO) and days left from the as-of date; null when unknown */
  by: string | null;
  daysLeft: number | null;
  where: { category: Category | 'any'; name: string; url?: string }[];
  /** 元, under packs with fees (xilingol-2024/8); null elsewhere */
  cost: number | null;
  alternatives: string[];
  /** the year whose shortfall is closable under one-year-of-three */
  year?: number;
  /** one Chinese sentence summing it up, for panes and lists */
  summary: string;
}

export interface EvaluationResult {
  readonly row: number;
  readonly id: string;
  readonly name: string;
  readonly status: Status;
  /** null when invalid */
  readonly missing: Missing | null;
  readonly years: readonly YearFigures[];
  readonly rules: readonly RuleRef[];
  readonly reliefs: readonly ReliefApplied[];
  readonly excluded: readonly ExcludedRecord[];
  readonly warnings: readonly Note[];
  readonly errors: readonly CellIssue[];
  /** what can still be done, on rows that are not invalid and miss hours (RULES.md §7) */
  readonly remedy?: Remedy;
  /** hints that are not problems, e.g. 若申报职称评审，可享受… */
  readonly notes?: readonly Note[];
  /** extra context, not in the minimal contract: purpose, review year, interpretations used */
  readonly purpose?: Purpose;
  readonly reviewYear?: number;
  readonly interpretations?: readonly RuleRef[];
  /** the full Chinese explanation, one line per step (only when options.explain) */
  readonly explanation?: readonly string[];
}

export interface EvaluateOptions {
  /** review year Y; default: the pack's CE year */
  year?: number;
  /** as-of date for age; default Y-12-31 */
  asOf?: CivilDate;
  /** build the Chinese explanation lines (costs time; the statuses do not need it) */
  explain?: boolean;
}
