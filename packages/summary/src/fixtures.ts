/** Hand-written results and a minimal pack for the model's unit tests (the model is pure data). */
import type { EvaluationResult, PolicyPack, Remedy, Status } from '@ce/rules';

export function result(row: number, status: Status, extra: Partial<EvaluationResult> = {}): EvaluationResult {
  return {
    row,
    id: '152921199001011234',
    name: `人员${row}`,
    status,
    missing: status === 'invalid' ? null : { total: 0, public: 0, professional: 0 },
    years: [],
    rules: [],
    reliefs: [],
    excluded: [],
    warnings: [],
    errors: [],
    ...extra,
  };
}

export function pack(extra: Partial<PolicyPack> = {}): PolicyPack {
  return {
    id: 'xilingol-2024',
    title: '锡林郭勒盟2024年度专业技术人员继续教育',
    docNumber: '锡人社办发〔2024〕1号',
    issuer: '锡林郭勒盟人力资源和社会保障局',
    issued: '2024-01-10',
    ceYear: 2024,
    scope: '',
    seedFile: '',
    clauses: {},
    annualRequirement: { public: 30, professional: 60, key: 'nm-2017/art11' },
    purposes: { annual: { years: 1, key: 'nm-2017/art11' } },
    overrides: [],
    reliefs: {},
    kinds: {} as PolicyPack['kinds'],
    exams: {
      qualification: { mode: 'year-complete', key: 'xilingol-2024/6.6' },
      titleLanguageComputer: { mode: 'not-counted', key: 'x', reason: '' },
    },
    units: { minutesPerHour: 45, hoursPerHalfDay: 4, key: 'nm-2017/art10' },
    window: { start: '2024-01-15', end: '2024-12-31', kinds: ['网络培训'], makeUpYears: [2021, 2022, 2023], key: 'xilingol-2024/2' },
    fees: { publicPer30Hours: 75, professionalPerHour: 2.5, key: 'xilingol-2024/8' },
    ...extra,
  };
}

/** A remedy as the evaluator gives it (RULES.md §7): xilingol-2024, window ending 2024-12-31. */
export function remedy(extra: Partial<Remedy> = {}): Remedy {
  return {
    closable: { public: 0, professional: 0 },
    closed: { public: 0, professional: 0 },
    unknown: false,
    by: '2024-12-31',
    daysLeft: 41,
    where: [{ category: 'professional', name: '锡林郭勒盟专业技术人员专业课网络培训平台', url: 'xlgl.chinahrt.cn' }],
    cost: 0,
    alternatives: [],
    summary: '可在 2024年12月31日 前补学',
    ...extra,
  };
}
