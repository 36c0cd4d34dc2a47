/**
 * The Chinese explanation a clerk reads: why this row has this status, step by
 * step, each step with its citation key. Built only when asked for.
 */
import type { PolicyPack } from './pack.js';
import type { EvaluationResult, Missing, Person, Remedy, RuleRef, YearFigures } from './types.js';
import { STATUS_LABELS } from './types.js';
import type { Trace } from './trace.js';
import type { Working } from './plan.js';
import { LEVEL_LABELS, PURPOSE_LABELS } from './labels.js';
import { roundHours } from './rounding.js';
import { dayNumber, formatDate } from './dates.js';
import type { CompiledPack } from './plan.js';

function yearsText(years: readonly number[]): string {
  if (years.length === 0) return '无';
  const contiguous = years.every((y, i) => i === 0 || y === years[i - 1]! + 1);
  if (years.length > 2 && contiguous) return `${years[0]}–${years[years.length - 1]}年`;
  return years.map((y) => `${y}年`).join('、');
}

/** A 按本系统解释 line. A rule path's lines are made once per plan (Trace.pathReadingLines); a row's own reading each time. */
function readingLine(r: RuleRef): string {
  return `${r.text} [${r.key}]`;
}

function purposeLine(person: Person, w: Working, t: Trace): string {
  const level = person.level ? `（${LEVEL_LABELS[person.level]}）` : person.postGrade ? `（${person.postGrade}级岗位）` : person.education ? `（${person.education}）` : '';
  const base = w.baseYears.length > 0 ? `：须完成${yearsText(w.baseYears)}的公需科目和专业科目学时` : '';
  return `申报类型：${PURPOSE_LABELS[person.purpose]}${level}${base}${t.windowKey ? ` [${t.windowKey}]` : ''}。`;
}

/** Hours as a key: whole hundredths when exact and small, else -1 (the line is then made, not looked up). */
function hoursKey(h: number): number {
  const k = Math.round(h * 100);
  return k / 100 === h && k >= 0 && k < 1e8 ? k : -1;
}

/**
 * A year's line, shared by the rows with the same figures: looked up by
 * (year and exam, credited public, credited professional) under the plain
 * requirement; other requirements and inexact hours are made each time.
 */
function yearLine(plan: CompiledPack, f: YearFigures): string {
  const pub = hoursKey(f.credited.public);
  const prof = hoursKey(f.credited.professional);
  if (f.required !== plan.plainRequirement || pub < 0 || prof < 0) return figureLine(f);
  const lt = plan.lineTables;
  return lt.line(lt.years, f.examCompleted ? -f.year : f.year, pub, prof) ?? lt.keep(figureLine(f));
}

/** The conclusion, shared by rows of the same status and missing hours. */
function sharedConclusion(plan: CompiledPack, result: EvaluationResult, m: Missing): string {
  if (result.status === 'invalid') return conclusion(result);
  const total = hoursKey(m.total);
  const pub = hoursKey(m.public);
  const prof = hoursKey(m.professional);
  if (total < 0 || pub < 0 || prof < 0) return conclusion(result);
  const lt = plan.lineTables;
  return lt.line(lt.conclusions, total * 4 + STATUS_INDEX[result.status], pub, prof) ?? lt.keep(conclusion(result));
}

const STATUS_INDEX: Readonly<Record<EvaluationResult['status'], number>> = { compliant: 0, 'non-compliant': 1, 'not-restrictive': 2, exempt: 3, invalid: 3 };

function figureLine(f: YearFigures): string {
  const pubGap = Math.max(0, f.required.public - f.credited.public);
  const proGap = Math.max(0, f.required.professional - f.credited.professional);
  const mark = (gap: number) => (gap > 0 ? `（缺${roundHours(gap)}）` : '');
  const exam = f.examCompleted ? '，职业资格考试合格，专业视同完成' : '';
  return `${f.year}年：公需 ${roundHours(f.credited.public)}/${f.required.public}${mark(pubGap)}，专业 ${roundHours(f.credited.professional)}/${f.required.professional}${mark(proGap)}${exam}`;
}

export function buildExplanation(result: EvaluationResult, person: Person, pack: PolicyPack, w: Working, t: Trace, plan: CompiledPack): string[] {
  // Most lines repeat across rows: each is looked up by what it is made of and built only once.
  const texts = plan.texts;
  const lines: string[] = [];
  const lt = plan.lineTables;
  lines.push(lt.line(lt.basis, w.reviewYear, 0, 0) ?? lt.keep(`依据：${pack.issuer}《${pack.title}》${pack.docNumber ? `（${pack.docNumber}）` : `（${pack.issued}）`}，审核年度${w.reviewYear}年。`));
  if (result.status !== 'invalid') {
    const levelKey = person.level ? person.level : person.postGrade ? person.postGrade : person.education ? person.education : '';
    lines.push(texts.find(person.purpose, levelKey, w.baseYears, t.windowKey) ?? texts.keep(purposeLine(person, w, t)));
    if (w.age !== undefined) {
      lines.push(lt.line(lt.age, dayNumber(w.asOf), w.age, person.sex === 'M' ? 1 : 0) ?? lt.keep(`年龄：${person.sex === 'M' ? '男' : '女'}，${w.age}周岁（截至${formatDate(w.asOf)}）。`));
    }
  }
  for (let i = 0; i < result.reliefs.length; i++) {
    const r = result.reliefs[i]!;
    lines.push(texts.find('relief', r.text, r.key, undefined) ?? texts.keep(`减免：${r.text} [${r.key}]`));
  }
  if (w.mode === 'one-year-of-three' && result.status !== 'exempt') {
    lines.push(
      texts.find('one-of-three', w.requiredYears, w.chosenYear, undefined) ??
        texts.keep(`按近三年中一个年度计算，候选年度：${yearsText(w.requiredYears)}${w.chosenYear ? `；缺口最小的是${w.chosenYear}年` : ''}。`),
    );
  } else if (w.requiredYears.length !== w.baseYears.length && result.status !== 'exempt' && result.status !== 'invalid') {
    lines.push(texts.find('adjusted', w.requiredYears, undefined, undefined) ?? texts.keep(`调整后的要求年度：${yearsText(w.requiredYears)}。`));
  }
  for (let i = 0; i < result.years.length; i++) {
    const f = result.years[i]!;
    lines.push(yearLine(plan, f));
  }
  if (w.mode === 'one-third' && result.years.length > 0) {
    let reqP = 0, reqQ = 0, gotP = 0, gotQ = 0;
    for (const f of result.years) {
      reqP += f.required.public; reqQ += f.required.professional;
      gotP += f.credited.public; gotQ += f.credited.professional;
    }
    lines.push(`按1/3合并计算：公需应完成${roundHours(reqP / 3)}，已完成${roundHours(gotP)}；专业应完成${roundHours(reqQ / 3)}，已完成${roundHours(gotQ)}。`);
  }
  for (let i = 0; i < result.excluded.length; i++) {
    const e = result.excluded[i]!;
    lines.push(`未计入：${e.source ? `${e.source} ` : ''}第${e.row}行 ${e.kind}${e.hours ? ` ${e.hours}学时` : ''}（${e.year}年度）——${e.reason} [${e.key}]`);
  }
  for (let i = 0; i < result.warnings.length; i++) {
    const n = result.warnings[i]!;
    lines.push(`提示：${n.message}${n.key ? ` [${n.key}]` : ''}`);
  }
  const notes = result.notes ?? [];
  for (let i = 0; i < notes.length; i++) {
    const n = notes[i]!;
    lines.push(texts.find('note', n.message, n.key, undefined) ?? texts.keep(`说明：${n.message}${n.key ? ` [${n.key}]` : ''}`));
  }
  // a rule path's readings are shared by the rows that took that path, and so are their lines
  const shared = t.pathReadingLines(readingLine);
  if (shared !== undefined) for (let i = 0; i < shared.length; i++) lines.push(shared[i]!);
  else for (const r of result.interpretations ?? []) lines.push(readingLine(r));
  const m = result.missing;
  lines.push(m === null ? conclusion(result) : sharedConclusion(plan, result, m));
  if (result.remedy !== undefined) {
    const more = sharedRemedyLines(plan, result.remedy);
    for (let i = 0; i < more.length; i++) lines.push(more[i]!);
  }
  return lines;
}

/** remedyLines, made once per plan for each shared remedy: most rows that owe the same hours share one. */
function sharedRemedyLines(plan: CompiledPack, r: Remedy): readonly string[] {
  return plan.remedies.linesOf(r, remedyLines);
}

/** The explanation ends with what the person can still do (RULES.md §7): the summary, where, and the alternatives. */
export function remedyLines(r: Remedy): string[] {
  const lines = [`可补救：${r.summary}。`];
  const where = r.where.filter((w) => w.category !== 'any');
  if (where.length > 0) lines.push(`学习去处：${where.map((w) => `${w.category === 'public' ? '公需' : '专业'}——${w.name}${w.url ? `（${w.url}）` : ''}`).join('；')}`);
  const card = r.where.filter((w) => w.category === 'any');
  if (card.length > 0) lines.push(`另见：${card.map((w) => `${w.name}${w.url ? `（${w.url}）` : ''}`).join('；')}`);
  if (r.alternatives.length > 0) lines.push(`也可：${r.alternatives.join('；')}`);
  return lines;
}

export function conclusion(result: EvaluationResult): string {
  const label = STATUS_LABELS[result.status].zh;
  const m = result.missing;
  switch (result.status) {
    case 'invalid':
      return `结论：${label}——${result.errors.map(describeError).join('；')}`;
    case 'exempt':
      return `结论：${label}，不要求学时。`;
    case 'compliant':
      return `结论：${label}。`;
    default:
      return m === null ? `结论：${label}。` : `结论：${label}，缺少${m.total}学时（公需${m.public}，专业${m.professional}）。`;
  }
}

export function describeError(e: EvaluationResult['errors'][number]): string {
  const where = e.column ? `第${e.row}行${e.column}列${e.header ? `（${e.header}）` : ''}${e.value !== undefined && e.value !== '' ? `“${e.value}”` : ''}` : `第${e.row}行`;
  return `${where}：${e.message}`;
}
