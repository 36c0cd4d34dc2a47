/**
 * What a policy pack is: the data one notice contributes. The evaluator knows a
 * small, closed set of mechanisms (year windows, exemptions, reductions,
 * record conversions, training windows); a pack says which of them the notice
 * enacts, with what numbers, and cites the clause for each. A new notice is a
 * new file in ./packs, not an evaluator change.
 */
import type { Category, Deadline, Education, Platform, Purpose, RecordKind } from './types.js';

/** A clause of a notice: the citation key, the words of the notice, and our reading. */
export interface Clause {
  key: string;
  /** quoted from the seed text (the notice's own characters) */
  quote: string;
  /** plain Chinese statement of what the evaluator does with it */
  rule: string;
  /** where the text is ambiguous: the project's decision, shown as 按本系统解释：… */
  interpretation?: string;
}

export interface Requirement {
  public: number;
  professional: number;
}

/** How many recent years (Y−n+1..Y) a purpose requires. */
export interface WindowRule {
  years: number;
  key: string;
}

export interface AssessmentRule {
  key: string;
  /** years required by 学历; `exempt` = no hours required */
  byEducation: Partial<Record<Education, { years: number; key: string } | { exempt: true; key: string }>>;
  /**
   * 'required': the 认定年限 column decides; blank is an error naming the column (r3.6), unless an exemption applies.
   * 'fallback': 学历 decides; 认定年限 is used only when 学历 is blank.
   */
  yearsColumn: 'required' | 'fallback';
  /** interpretation key when defaults are assumed */
  defaultsKey?: string;
}

export interface PurposeRules {
  annual: WindowRule;
  /** 职称评审: senior & intermediate vs junior */
  title?: { seniorIntermediate: WindowRule; junior: WindowRule };
  assessment?: AssessmentRule;
  /** 岗位聘任 by grade: 1–10 vs 11–13 */
  post?: { grade1to10: WindowRule; grade11to13: WindowRule };
}

/** A year whose requirement in one category is lowered, for some purposes, maybe on a condition. */
export interface RequirementOverride {
  year: number;
  category: Category;
  hours: number;
  purposes: Purpose[] | 'all';
  /** the Person flag that must be true; absent = always */
  when?: 'unitPlanFiled';
  key: string;
  /** the review years whose window the notice lowers (hohhot-2022/2.1: the 2020–2022 window only); absent = any */
  reviewYears?: number[];
  /** a warning shown whenever the override applies (what evidence the clerk should keep) */
  warning?: string;
}

export interface AgeThreshold {
  male: number;
  female: number;
}

export interface Reliefs {
  /** the data of a relief unit not listed here (a new relief: its unit reads it by its id) */
  [unit: string]: unknown;
  /** full exemption by age (status exempt) */
  ageExempt?: AgeThreshold & { purposes: Purpose[]; key: string };
  /** reduction by age, below the exemption */
  ageReduction?: AgeThreshold & { mode: 'one-third' | 'one-year-of-three'; purposes: Purpose[]; key: string };
  /** 党政机关转任: same year exempt, earlier year → years after the transfer only */
  transfer?: { purposes: Purpose[]; key: string };
  /** 破格: the last N years only */
  exceptional?: { purposes: Purpose[]; key: string };
  /** 出站博士后 applying for a senior level */
  postdocSenior?: { purposes: Purpose[]; key: string };
  /** 疫情防控一线: exempt entirely, or the listed years removed */
  epidemic?: { mode: 'exempt' | 'remove-years'; purposes: Purpose[]; key: string; warning?: string };
  /** hours are a reference factor only (status not-restrictive) */
  referenceOnly?: {
    when: ReferenceGroup;
    purposes: Purpose[];
    key: string;
    /** the review years the notice grants it for (「在参加2024年度职称评审时」); absent = any */
    reviewYears?: number[];
  }[];
}

/** 非公有制经济领域 (nonPublic) or 基层一线 (grassroots): the Person flag that puts someone in the group. */
export type ReferenceGroup = 'nonPublic' | 'grassroots';

/** How one kind of record counts under this pack. */
export type KindRule =
  | { counts: 'named-category'; key: string; halfDay?: boolean }
  | {
      counts: 'professional';
      key: string;
      halfDay?: boolean;
      /** counts only for 高技能人才, and (r3.4) only for these purposes */
      onlyIf?: 'highSkill';
      onlyFor?: Purpose[];
    }
  | { counts: 'excluded'; key: string; reason: string }
  /** an exam result: credited by the pack's exam rule (see ExamRules), not by hours */
  | { counts: 'exam'; exam: keyof ExamRules };

export type ExamCredit =
  | { mode: 'fixed-hours'; hours: number; key: string }
  | { mode: 'year-complete'; key: string }
  | { mode: 'not-counted'; key: string; reason: string };

export interface ExamRules {
  /** 职业资格考试: a fixed credit of professional hours, or the year's professional requirement complete */
  qualification: ExamCredit;
  /** 职称外语/计算机: a fixed credit, or not counted */
  titleLanguageComputer: ExamCredit;
}

/** Professional training that must be filed beforehand to count. */
export interface FilingRule {
  kinds: RecordKind[];
  /** which categories the filing duty covers */
  categories: Category[];
  key: string;
}

export interface TrainingWindow {
  /** ISO dates, inclusive */
  start: string;
  end: string;
  /** kinds held to the window for their credit year = review year */
  kinds: RecordKind[];
  /** earlier years that may be made up inside the window; undefined = the notice states no make-up rule */
  makeUpYears?: number[];
  key: string;
  /** e.g. the 11月31日 reading */
  note?: string;
  /**
   * Kinds not in `kinds`, credited to the window's year and dated outside it:
   * 'free' (default) = not held to the window; 'warn' = counted with a warning
   * that the unit may not be able to upload them (alxa-2025/1.2, r3.9).
   */
  otherKinds?: 'free' | 'warn';
  /** added to the reason when a make-up of these years is refused (alxa-2025/1.2, r3.10) */
  refusedMakeUpHint?: { years: number[]; text: string };
}

export interface PolicyPack {
  id: string;
  /** the pack this one builds on (nm-2017 for all others) */
  inherits?: string;
  title: string;
  docNumber?: string;
  issuer: string;
  /** ISO date of issue */
  issued: string;
  /** the CE year the notice is for = default review year */
  ceYear: number;
  scope: string;
  seedFile: string;
  clauses: Record<string, Clause>;
  annualRequirement: Requirement & { key: string };
  purposes: PurposeRules;
  overrides: RequirementOverride[];
  reliefs: Reliefs;
  kinds: Record<RecordKind, KindRule>;
  exams: ExamRules;
  /** minutes → 学时 and half-day → 学时 */
  units: { minutesPerHour: number; hoursPerHalfDay: number; key: string; halfDayKey?: string };
  filing?: FilingRule;
  /** training window and make-up years; undefined = none stated */
  window?: TrainingWindow;
  /** an audit deadline; `warnAfter`: records dated after it count with a warning (nm-2018/3.5, r3.16) */
  deadline?: { date: string; key: string; label: string; warnAfter?: boolean };
  /** every dated duty the notice sets, shown with days left (RULES.md §7, r3.18) */
  deadlines?: Deadline[];
  fees?: { publicPer30Hours: number; professionalPerHour: number; key: string };
  /** the platforms the notice names, each with the category it serves (r3.18) */
  platforms?: Platform[];
  /** 公需 is delivered online: a 公需 record of another kind counts with a warning (r3.14) */
  publicOnline?: { key: string };
  /** region-wide recognition of verified hours (no jurisdiction filter) */
  recognition?: string;
}
