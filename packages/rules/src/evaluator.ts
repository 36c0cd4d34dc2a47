/**
 * The one evaluator: a pure function of (person, records, compiled pack, options).
 * Steps follow RULES.md §3–§7 in order: data checks → required years by
 * purpose → full exemptions → window changes → hours credited (records,
 * exams, windows, make-up) → counting reductions → status → remedy. Reliefs
 * are units (reliefs.ts) the plan lists; this file knows only their steps.
 * Every step that bites records its citation key, so the result explains itself.
 */
import type { KindRule, PolicyPack, Requirement, RequirementOverride } from './pack.js';
import type {
  CellIssue,
  EvaluateOptions,
  EvaluationResult,
  Level,
  Missing,
  Person,
  TrainingRecord,
  YearFigures,
} from './types.js';
import type { ResultDraft, Trace } from './trace.js';
import { CompiledPack, compilePack, type KindPlan, type RecordPlan, type Working } from './plan.js';
import type { CreditTable } from './credit.js';
import { buildExplanation } from './explain.js';
import { reliefInputs, type ReliefCase, type ReliefSteps } from './reliefs.js';
import { LEVEL_LABELS, PURPOSE_LABELS } from './labels.js';
import { dayNumber, dayYear, formatDay, fullAge } from './dates.js';
import { roundHours } from './rounding.js';
import { remedyFor } from './remedy.js';

const JUNIOR: ReadonlySet<Level> = new Set<Level>(['junior', 'assistant', 'clerk']);

export { PURPOSE_LABELS, LEVEL_LABELS };


export { roundHours };

export type { Working } from './plan.js';

export function evaluate(
  person: Person,
  records: readonly TrainingRecord[],
  packOrPlan: PolicyPack | CompiledPack,
  options: EvaluateOptions = {},
): EvaluationResult {
  // A bare pack is compiled for this one call; hosts compile once and pass the plan.
  const plan = packOrPlan instanceof CompiledPack ? packOrPlan : compilePack(packOrPlan);
  // A row that throws leaves its trace unreturned: the plan makes another, nothing half-done is reused.
  const t = plan.acquire();
  const result = evaluateRow(person, records, plan, t.begin(person), options);
  plan.release(t);
  return result;
}

function evaluateRow(person: Person, records: readonly TrainingRecord[], plan: CompiledPack, t: Trace, options: EvaluateOptions): EvaluationResult {
  const pack = plan.pack;
  const Y = options.year ?? pack.ceYear;
  const asOf = options.asOf ?? plan.yearEnd(Y);
  const purpose = person.purpose;
  const explain = options.explain === true;
  const w = t.working(Y, asOf);

  if (Y !== pack.ceYear) otherYearWarning(pack, Y, t);
  if (person.errors.length > 0) return finish(t.result('invalid', null, NO_YEARS, Y, person.errors), explain, person, pack, w, t);
  checkData(person, pack, Y, t);
  if (t.errors.length > 0) return finish(t.result('invalid', null, NO_YEARS, Y), explain, person, pack, w, t);

  const age = person.birth ? fullAge(person.birth, asOf) : undefined;
  w.age = age;

  const c = t.reliefCase(person, Y, age, asOf);
  const steps = plan.reliefSteps(purpose, reliefInputs(person, age));

  // Step 1: full exemptions (status exempt). Every unit that applies records itself.
  let exempt = false;
  for (const f of steps.exempt) if (f(c)) exempt = true;
  for (const f of steps.would) f(c);

  // Required years by purpose (may itself exempt, e.g. 博士 under hohhot-2022/2.2).
  const window = purposeWindow(person, pack, Y, t, exempt);
  if (exempt || window === 'exempt') {
    return finish(t.result('exempt', NOTHING_MISSING, NO_YEARS, Y), explain, person, pack, w, t);
  }
  if (window === 'invalid') return finish(t.result('invalid', null, NO_YEARS, Y), explain, person, pack, w, t);
  w.baseYears = window;

  // Step 3: window changes. `keep` is applied to the purpose window and to the age rule's candidates alike.
  const keep = windowChanges(steps.window, c);
  const years = keepYears(window, keep);
  w.requiredYears = years;

  // Hours credited per year (records and exams; roster columns are read per required year).
  const credit = creditHours(person, records, pack, Y, t);

  // Step 4: counting reductions (the first unit that offers one).
  let reduction: ReturnType<ReliefSteps['reduce'][number]>;
  for (const f of steps.reduce) if (reduction === undefined) reduction = f(c);

  let figures: YearFigures[];
  let missing: Missing;
  if (reduction?.mode === 'one-year-of-three') {
    w.mode = 'one-year-of-three';
    const candidates = keepYears(t.plan.range(Y - 2, Y), keep);
    w.requiredYears = candidates;
    figures = allFigures(candidates, person, pack, Y, credit, t);
    t.relief(reduction.key, reduction.text);
    missing = oneYearOfThree(figures, w);
  } else if (reduction?.mode === 'one-third') {
    w.mode = 'one-third';
    figures = allFigures(years, person, pack, Y, credit, t);
    t.relief(reduction.key, reduction.text);
    missing = oneThird(figures);
  } else {
    figures = allFigures(years, person, pack, Y, credit, t);
    missing = plainMissing(figures);
  }
  if (figures.length === 0) {
    t.note('所有要求年度均已按减免规定去除，不再要求学时');
  }

  // Step 2 (applied last because it only changes the status): reference-only groups.
  let reference = false;
  for (const f of steps.reference) if (f(c)) reference = true;
  const status = missing.total === 0 ? 'compliant' : reference ? 'not-restrictive' : 'non-compliant';
  if (status === 'compliant' && reference) t.note('学时已达标；即使未达标，按上述规定学时也仅作评审参考');
  const result = t.result(status, missing, figures, Y);
  if (missing.total > 0) result.remedy = remedyFor(plan.remedies.input(Y, asOf, w.mode, figures, missing));
  return finish(result, explain, person, pack, w, t);
}

/** r3.17: a notice run for another review year than its own gives a reference only. */
function otherYearWarning(pack: PolicyPack, Y: number, t: Trace): void {
  t.warn(
    t.plan.texts.find('other-year', pack, Y, undefined) ??
      t.plan.texts.keep(`本通知（${pack.id}）为${pack.ceYear}年度通知，按${Y}年审核的结果仅供参考：请以当地${Y}年度通知为准`),
  );
}

/** Exempt and invalid rows have no year figures: one shared, frozen empty list. */
const NO_YEARS = Object.freeze([]) as never as YearFigures[];

function finish(result: ResultDraft, explain: boolean, person: Person, pack: PolicyPack, w: Working, t: Trace): EvaluationResult {
  if (explain) result.explanation = buildExplanation(result, person, pack, w, t, t.plan);
  return result;
}

/** Rows that cannot be evaluated (RULES.md §4, last paragraph) beyond what the reader found. */
function checkData(person: Person, pack: PolicyPack, Y: number, t: Trace): void {
  const p = person.purpose;
  if (p === 'title') {
    if (pack.purposes.title === undefined) {
      t.error('purpose', `本通知（${pack.id}）未规定职称评审的学时年限，请选择当地当年的通知`);
    } else if (person.level === undefined) {
      t.error('level', '申报职称评审须填写申报级别（正高级、副高级、中级、初级、助理级或员级）');
    }
  }
  if (p === 'post') {
    if (pack.purposes.post === undefined) {
      t.error('purpose', `本通知（${pack.id}）未规定岗位聘任的学时要求，无法按岗位聘任检查`);
    } else if (person.postGrade === undefined) {
      t.error('postGrade', '岗位聘任须填写岗位等级（1–13级）');
    } else if (!Number.isInteger(person.postGrade) || person.postGrade < 1 || person.postGrade > 13) {
      t.error('postGrade', `岗位等级应为1–13级，实为${person.postGrade}`);
    }
  }
  if (p === 'assessment' && pack.purposes.assessment === undefined) {
    t.error('purpose', `本通知（${pack.id}）未规定考核认定的学时年限，请选择当地当年的通知`);
  }
  if (person.transferYear !== undefined && person.transferYear > Y) {
    t.error('transferYear', `党政机关转任年度（${person.transferYear}）晚于审核年度${Y}年`);
  }
  if (person.exceptionalYears !== undefined && (!Number.isInteger(person.exceptionalYears) || person.exceptionalYears < 1)) {
    t.error('exceptionalYears', `破格任职年限应为不小于1的整数，实为${person.exceptionalYears}`);
  }
  if (person.assessYears !== undefined && (!Number.isInteger(person.assessYears) || person.assessYears < 1)) {
    t.error('assessYears', `认定年限应为不小于1的整数，实为${person.assessYears}`);
  }
}

function lastYears(n: number, key: string, Y: number, t: Trace): readonly number[] {
  t.rule(key);
  t.windowKey = key;
  return t.plan.range(Y - n + 1, Y);
}

/** Years Y−n+1..Y that the purpose requires; 'exempt' or 'invalid' when the purpose itself decides. */
function purposeWindow(person: Person, pack: PolicyPack, Y: number, t: Trace, alreadyExempt: boolean): readonly number[] | 'exempt' | 'invalid' {
  const rules = pack.purposes;
  const last = lastYears;
  switch (person.purpose) {
    case 'annual':
      return last(rules.annual.years, rules.annual.key, Y, t);
    case 'title': {
      // checkData has already made a row without either invalid
      const title = rules.title;
      const level = person.level;
      if (title === undefined || level === undefined) return 'invalid';
      const w = JUNIOR.has(level) ? title.junior : title.seniorIntermediate;
      return last(w.years, w.key, Y, t);
    }
    case 'post': {
      const post = rules.post;
      const grade = person.postGrade;
      if (post === undefined || grade === undefined) return 'invalid';
      const w = grade <= 10 ? post.grade1to10 : post.grade11to13;
      return last(w.years, w.key, Y, t);
    }
    case 'assessment':
      return assessmentWindow(person, pack, Y, t, alreadyExempt);

  }
}

/** 考核认定: the 认定年限 column (required, r3.6) or 学历 (with the column as fallback) gives the years. */
function assessmentWindow(person: Person, pack: PolicyPack, Y: number, t: Trace, alreadyExempt: boolean): readonly number[] | 'exempt' | 'invalid' {
  const a = pack.purposes.assessment;
  if (a === undefined) return 'invalid'; // checkData has said why
  const fromColumn = person.assessYears;
  if (a.yearsColumn === 'required') {
    if (fromColumn !== undefined) return lastYears(fromColumn, a.key, Y, t);
    if (alreadyExempt) return 'exempt';
    t.rule(a.key);
    t.error('assessYears', '考核认定须填写认定年限：本通知按考核认定要求年限计算学时，未规定默认年限（他市通知不适用），请按考核认定规定填写');
    return 'invalid';
  }
  const byEdu = person.education ? a.byEducation[person.education] : undefined;
  if (byEdu === undefined && fromColumn !== undefined) {
    t.interpretation(a.key, `学历为空，按“认定年限”${fromColumn}年计算`);
    return lastYears(fromColumn, a.key, Y, t);
  }
  if (byEdu !== undefined) {
    if ('exempt' in byEdu) {
      t.relief(byEdu.key, t.plan.texts.find(byEdu.key, person.education, undefined, undefined) ?? t.plan.texts.keep(`${person.education}研究生考核认定：不要求学时`));
      return 'exempt';
    }
    return lastYears(byEdu.years, byEdu.key, Y, t);
  }
  if (alreadyExempt) return 'exempt';
  t.error('education', '考核认定无法确定要求年限：学历为空或无法识别，且未填写认定年限');
  return 'invalid';
}

/** Step 3: which years stay required: years up to `after` are out, and the removed ones (e.g. a duty year). */
interface YearFilter {
  after: number;
  removed: readonly number[];
}

const KEEP_ALL: YearFilter = Object.freeze({ after: -Infinity, removed: Object.freeze([]) as readonly number[] });

/** The window changes of every unit that applies, combined: the latest cut-off and every removed year. */
function windowChanges(changes: ReliefSteps['window'], c: ReliefCase): YearFilter {
  let after = -Infinity;
  let removed: readonly number[] = KEEP_ALL.removed;
  for (const f of changes) {
    const change = f(c);
    if (change === undefined) continue;
    if (change.after !== undefined && change.after > after) after = change.after;
    if (change.remove !== undefined && change.remove.length > 0) removed = removed.length === 0 ? change.remove : [...removed, ...change.remove];
  }
  return after === -Infinity && removed.length === 0 ? KEEP_ALL : { after, removed };
}

function keepYears(years: readonly number[], keep: YearFilter): readonly number[] {
  if (keep === KEEP_ALL) return years;
  const out: number[] = [];
  for (const y of years) if (y > keep.after && !keep.removed.includes(y)) out.push(y);
  return out;
}

function creditHours(person: Person, records: readonly TrainingRecord[], pack: PolicyPack, Y: number, t: Trace): CreditTable {
  const credit = t.credit;
  credit.clear();
  if (person.qualExamYears !== undefined) {
    for (const year of person.qualExamYears) {
      applyExam(credit, pack.exams.qualification, year, person.row, '职业资格考试', t, person.columns?.qualExamYears?.column);
    }
  }
  if (person.titleExamYears !== undefined) {
    for (const year of person.titleExamYears) {
      applyExam(credit, pack.exams.titleLanguageComputer, year, person.row, '职称外语计算机考试', t, person.columns?.titleExamYears?.column);
    }
  }
  if (records.length === 0) return credit;
  const plan = t.plan.records;
  for (let i = 0; i < records.length; i++) creditRecord(credit, records[i]!, person, pack, plan, t);
  return credit;
}

function applyExam(
  credit: CreditTable,
  rule: PolicyPack['exams']['qualification'],
  year: number,
  row: number,
  kind: string,
  t: Trace,
  source?: string,
): boolean {
  switch (rule.mode) {
    case 'fixed-hours':
      credit.add(year, 'professional', rule.hours);
      t.rule(rule.key);
      return true;
    case 'year-complete':
      credit.completeYear(year);
      t.rule(rule.key);
      return true;
    case 'not-counted':
      t.exclude({ row, source, kind, year, hours: 0, reason: rule.reason, key: rule.key });
      return false;
  }
}

/**
 * A record's 学时 (nm-2017/art10): as given, from minutes (45 = 1, per record,
 * rounded down), or from half-days — only for the kinds the notice names (实践考察,
 * 学术讲座 and similar: the rule's `halfDay`, r3.1). A reason when it cannot be counted.
 */
function recordHours(rec: TrainingRecord, rule: KindRule, pack: PolicyPack, t: Trace): number | string {
  if (rec.hours !== undefined) return rec.hours;
  if (rec.minutes !== undefined) {
    t.rule(pack.units.key);
    return Math.floor(rec.minutes / pack.units.minutesPerHour);
  }
  if (rec.halfDays !== undefined) {
    if (!('halfDay' in rule) || rule.halfDay !== true) {
      // one text per kind, made once per plan (the commonest reason a record is not counted)
      return t.plan.texts.find('no-half-day', rec.kind, undefined, undefined) ?? t.plan.texts.keep(`${rec.kind}不能按半天折算：每半天4学时只适用于实践考察、学术讲座等活动，请按学时或分钟填写（45分钟=1学时）`);
    }
    t.rule(pack.units.halfDayKey ?? pack.units.key);
    return rec.halfDays * pack.units.hoursPerHalfDay;
  }
  return '记录未填学时、分钟或半天';
}

function excludeRecord(t: Trace, rec: TrainingRecord, year: number, hours: number, reason: string, key: string): void {
  t.exclude({ row: rec.row, source: rec.source, kind: rec.kind, year, hours, reason, key });
}

function creditRecord(credit: CreditTable, rec: TrainingRecord, person: Person, pack: PolicyPack, plan: RecordPlan, t: Trace): void {
  // A row the reader could not use is shown with its reason, never dropped (ROSTER.md).
  if (rec.unusable !== undefined) {
    t.exclude({ row: rec.row, source: rec.source, kind: rec.kindText ?? rec.kind, year: rec.creditYear, hours: 0, reason: rec.unusable, key: pack.units.key });
    return;
  }
  const kind = plan.kinds.get(rec.kind);
  if (kind === undefined) {
    excludeRecord(t, rec, rec.creditYear, 0, `本通知未规定“${rec.kind}”形式的学时计算`, pack.units.key);
    return;
  }
  const rule = kind.rule;
  // 完成日期 as yyyymmdd, 0 when blank
  const day = rec.day ?? (rec.date === undefined ? 0 : dayNumber(rec.date));
  const year = creditedYear(rec, day, t);
  // Exams are credits, not hours: the pack's exam rule decides what they are worth.
  if (rule.counts === 'exam') {
    applyExam(credit, pack.exams[rule.exam], year, rec.row, rec.kind, t, rec.source);
    return;
  }
  const hours = recordHours(rec, rule, pack, t);
  if (typeof hours === 'string') {
    excludeRecord(t, rec, year, 0, hours, pack.units.halfDayKey ?? pack.units.key);
    return;
  }
  const category = countedCategory(rec, rule, person, year, hours, t);
  if (category === undefined) return;
  if (!filedIfRequired(rec, kind, category, pack, year, hours, t)) return;
  if (!insideWindow(rec, day, kind, pack, plan, year, hours, t)) return;
  lateForDeadline(rec, day, pack, t);
  if (category === 'public' && pack.publicOnline !== undefined && rec.kind !== '网络培训') {
    t.warn(`第${rec.row}行公需记录形式为${rec.kind}：本通知公需科目实行网络培训，已计入，请核实`, pack.publicOnline.key);
  }
  t.ruleNumbered(kind.countedClause);
  credit.add(year, category, hours);
}

/**
 * r3.2: only online platform courses can be make-up; every other activity
 * counts in the year it took place (「计入当年」), exams in the year of the result.
 */
function creditedYear(rec: TrainingRecord, day: number, t: Trace): number {
  const year = rec.creditYear;
  if (day === 0 || rec.kind === '网络培训' || dayYear(day) === year) return year;
  t.warn(`第${rec.row}行${rec.kind}记录学年度填${year}，完成日期为${formatDay(day)}：按完成日期计入${dayYear(day)}年度（只有网络平台课程可以补学）`, 'nm-2017/art12');
  return dayYear(day);
}

/** The category a record counts in under the pack's kind rule, or undefined when it is excluded (the reason recorded). */
function countedCategory(rec: TrainingRecord, rule: KindRule, person: Person, year: number, hours: number, t: Trace): 'public' | 'professional' | undefined {
  if (rule.counts === 'excluded') {
    excludeRecord(t, rec, year, hours, rule.reason, rule.key);
    return undefined;
  }
  if (rule.counts === 'named-category') {
    if (rec.category === undefined) {
      excludeRecord(t, rec, year, hours, `${rec.kind}记录未填类别（公需/专业），无法计入`, rule.key);
      return undefined;
    }
    return rec.category;
  }
  if (rule.counts !== 'professional') return undefined;
  if (rule.onlyIf === 'highSkill' && person.highSkill !== true) {
    excludeRecord(t, rec, year, hours, '非高技能人才，职业技能培训不折合继续教育学时', rule.key);
    return undefined;
  }
  if (rule.onlyFor !== undefined && !rule.onlyFor.includes(person.purpose)) {
    excludeRecord(t, rec, year, hours, `高技能人才的职业技能培训只在申报职称评审时折合学时（本行为${PURPOSE_LABELS[person.purpose]}）`, rule.key);
    return undefined;
  }
  return 'professional';
}

/** Filing before the training (hohhot-2022/1.2; alxa-2025/1.4.2): 否 excludes, blank counts with a warning. */
function filedIfRequired(rec: TrainingRecord, kind: KindPlan, category: 'public' | 'professional', pack: PolicyPack, year: number, hours: number, t: Trace): boolean {
  const filing = pack.filing;
  if (!kind.filingKind || filing === undefined || !filing.categories.includes(category)) return true;
  if (rec.filed === false) {
    excludeRecord(t, rec, year, hours, '培训未事前备案，不予认定学时', filing.key);
    return false;
  }
  if (rec.filed === undefined) t.warn(`第${rec.row}行${rec.kind}记录“是否备案”为空：已计入，请核实是否事前备案`, filing.key);
  return true;
}

/**
 * Training window and make-up (RULES.md §6). The window belongs to the
 * notice's own year and governs that year and earlier (r3.23): an online
 * course credited to an earlier year than it was completed in is make-up and
 * counts only for an allowed year and inside the window, whenever completed (r3.3).
 */
function insideWindow(rec: TrainingRecord, day: number, kind: KindPlan, pack: PolicyPack, plan: RecordPlan, year: number, hours: number, t: Trace): boolean {
  const win = pack.window;
  const cw = plan.window;
  const noticeYear = cw ? cw.year : pack.ceYear;
  if (year > noticeYear) return true;
  if (day === 0) {
    if (win && year === noticeYear && kind.windowed) t.warn(`第${rec.row}行${rec.kind}记录无完成日期：已计入，未能核对培训时间`, win.key);
    return true;
  }
  const inside = cw !== null && day >= cw.start && day <= cw.end;
  if (rec.kind === '网络培训' && year < dayYear(day)) {
    if (win?.makeUpYears === undefined) {
      t.warn(`第${rec.row}行网络培训记录（${year}年度）于${dayYear(day)}年补学：本通知未规定补学规则，按所属学年度计入`);
      return true;
    }
    if (!win.makeUpYears.includes(year)) {
      const hint = win.refusedMakeUpHint?.years.includes(year) ? `；${win.refusedMakeUpHint.text}` : '';
      excludeRecord(t, rec, year, hours, `${year}年度不在可补学年度（${win.makeUpYears.join('、')}）之内${hint}`, win.key);
      return false;
    }
    if (!inside) {
      excludeRecord(t, rec, year, hours, `补学完成日期${formatDay(day)}不在培训时间（${win.start}至${win.end}）内`, win.key);
      return false;
    }
    t.rule(win.key);
    return true;
  }
  if (win === undefined || year !== noticeYear || inside) {
    if (win !== undefined && year === noticeYear && kind.windowed) t.ruleNumbered(plan.windowClause);
    return true;
  }
  if (kind.windowed) {
    excludeRecord(t, rec, year, hours, `完成日期${formatDay(day)}不在${noticeYear}年培训时间（${win.start}至${win.end}）内`, win.key);
    return false;
  }
  if (win.otherKinds === 'warn') {
    t.warn(`第${rec.row}行${rec.kind}记录完成日期${formatDay(day)}不在${noticeYear}年培训时间（${win.start}至${win.end}）内：已计入，单位可能无法上传，请核实`, win.key);
  }
  return true;
}

/** r3.16: nm-2018/3.5 — a record dated after the region-direct audit closed counts, with a word. */
function lateForDeadline(rec: TrainingRecord, day: number, pack: PolicyPack, t: Trace): void {
  const d = pack.deadline;
  if (d === undefined || d.warnAfter !== true || day === 0) return;
  if (day > t.plan.deadlineDay) {
    t.warn(`第${rec.row}行记录完成日期${formatDay(day)}晚于${d.label}日期${d.date}：已计入；区直单位请注意审验已截止`, d.key);
  }
}

function requirementFor(year: number, person: Person, pack: PolicyPack, Y: number, t: Trace): Requirement {
  if (!t.plan.overriddenYears.has(year)) return t.plan.plainRequirement;
  let applies = false;
  for (const o of pack.overrides) if (overrideApplies(o, year, person, Y)) applies = true;
  if (!applies) {
    return t.plan.plainRequirement;
  }
  const req = { public: pack.annualRequirement.public, professional: pack.annualRequirement.professional };
  for (const o of pack.overrides) {
    if (overrideApplies(o, year, person, Y)) {
      req[o.category] = o.hours;
      t.override(o);
    }
  }
  return req;
}

function overrideApplies(o: RequirementOverride, year: number, person: Person, Y: number): boolean {
  if (o.year !== year) return false;
  if (o.reviewYears !== undefined && !o.reviewYears.includes(Y)) return false;
  if (o.purposes !== 'all' && !o.purposes.includes(person.purpose)) return false;
  return o.when === undefined || person[o.when] === true;
}

function yearFigures(year: number, person: Person, pack: PolicyPack, Y: number, credit: CreditTable, t: Trace): YearFigures {
  const required = requirementFor(year, person, pack, Y, t);
  const own = person.hours[year];
  const extra = credit.find(year);
  const credited = {
    public: (own?.public ?? 0) + credit.publicAt(extra),
    professional: (own?.professional ?? 0) + credit.professionalAt(extra),
  };
  if (!credit.yearComplete(year)) return { year, required, credited };
  if (credited.professional < required.professional) credited.professional = required.professional;
  return { year, required, credited, examCompleted: true };
}

function allFigures(years: readonly number[], person: Person, pack: PolicyPack, Y: number, credit: CreditTable, t: Trace): YearFigures[] {
  t.rule(pack.annualRequirement.key);
  const out: YearFigures[] = new Array(years.length);
  for (let i = 0; i < years.length; i++) out[i] = yearFigures(years[i]!, person, pack, Y, credit, t);
  return out;
}

function gap(f: YearFigures): { public: number; professional: number } {
  return {
    public: Math.max(0, f.required.public - f.credited.public),
    professional: Math.max(0, f.required.professional - f.credited.professional),
  };
}

/** Nothing missing: one shared object (compliant and exempt rows are many; results are read-only). */
const NOTHING_MISSING: Missing = Object.freeze({ total: 0, public: 0, professional: 0 });

function makeMissing(pub: number, prof: number): Missing {
  if (pub === 0 && prof === 0) return NOTHING_MISSING;
  return { total: roundHours(pub + prof), public: roundHours(pub), professional: roundHours(prof) };
}

function plainMissing(figures: YearFigures[]): Missing {
  let pub = 0;
  let prof = 0;
  for (const f of figures) {
    const g = gap(f);
    pub += g.public;
    prof += g.professional;
  }
  return makeMissing(pub, prof);
}

/** nm-2018/3.4, hohhot-2022/3.1: ⅓ of the pooled requirement per category. */
function oneThird(figures: YearFigures[]): Missing {
  let reqP = 0;
  let reqQ = 0;
  let gotP = 0;
  let gotQ = 0;
  for (const f of figures) {
    reqP += f.required.public;
    reqQ += f.required.professional;
    gotP += f.credited.public;
    gotQ += f.credited.professional;
  }
  return makeMissing(Math.max(0, reqP / 3 - gotP), Math.max(0, reqQ / 3 - gotQ));
}

/** xilingol-2024/6.1, alxa-2025/1.5.1: the best single year of the candidates; ties → the latest. */
function oneYearOfThree(figures: YearFigures[], w: Working): Missing {
  let best: { pub: number; prof: number; year: number } | undefined;
  for (const f of figures) {
    const g = gap(f);
    const total = g.public + g.professional;
    if (best === undefined || total <= best.pub + best.prof) best = { pub: g.public, prof: g.professional, year: f.year };
  }
  if (best === undefined) return makeMissing(0, 0);
  w.chosenYear = best.year;
  return makeMissing(best.pub, best.prof);
}

export type { CellIssue };
