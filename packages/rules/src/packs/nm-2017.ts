/**
 * 内人社发﹝2017﹞3号《内蒙古自治区专业技术人员继续教育实施办法》(seed 003).
 * The base every other pack inherits: two categories, hour units, the 30 + 60
 * annual requirement and the forms that count as professional study.
 */
import type { PolicyPack } from '../pack.js';
import { certificateKinds, clauses } from './define.js';

const ART12 = 'nm-2017/art12';

export const nm2017: PolicyPack = {
  id: 'nm-2017',
  title: '内蒙古自治区专业技术人员继续教育实施办法',
  docNumber: '内人社发﹝2017﹞3号',
  issuer: '内蒙古自治区人力资源和社会保障厅',
  issued: '2017-01-12',
  ceYear: 2017,
  scope: '全区（基础规则，其他通知均继承）',
  seedFile: '003_4ab3fa0a6b344e39.txt',
  clauses: clauses(
    {
      key: 'nm-2017/art9',
      quote: '继续教育内容包括公需科目和专业科目。',
      rule: '学时分公需科目、专业科目两类；网络培训、面授培训按记录所填类别计入。',
    },
    {
      key: 'nm-2017/art10',
      quote: '每45分钟计一个学时，实践考察、学术讲座等其他继续教育活动，每半天计4个学时',
      rule: '分钟折算学时：每45分钟1学时；实践考察、学术讲座等活动每半天4学时（其他形式按半天填写的不予折算，请按学时或分钟填写）。',
      interpretation: '分钟按每条记录取整：floor(分钟 ÷ 45)；一天 = 两个半天 = 8学时。',
    },
    {
      key: 'nm-2017/art11',
      quote: '每年累计应不少于90学时，其中，公需科目不少于30学时，专业科目不少于60学时。',
      rule: '每年公需科目不少于30学时、专业科目不少于60学时。',
      interpretation: '两类分别计算，一类多出的学时不能抵另一类，一年多出的学时不能抵另一年；缺少学时 = Σ各要求年度 max(0, 30−公需) + max(0, 60−专业)。',
    },
    {
      key: ART12,
      quote: '专业技术人员通过下列方式参加继续教育的，累计计入本人当年继续教育专业科目学时：（一）参加培训班、研修班学习；（二）到教学、科研、生产单位进修培训；（三）参加相关的业务考察或继续教育实践活动；（四）出国（出境）进修、考察、培训；（五）接受学历教育或者攻读学位；（六）参加远程教育；（七）参加学术会议、学术讲座、学术访问等活动；（八）单位组织的有考核的学习；（九）符合规定的其他方式。',
      rule: '培训班、进修、业务考察、学历教育、学术会议讲座、单位组织的有考核的学习等，计入当年专业科目学时。',
    },
  ),
  annualRequirement: { public: 30, professional: 60, key: 'nm-2017/art11' },
  purposes: {
    annual: { years: 1, key: 'nm-2017/art11' },
  },
  overrides: [],
  reliefs: {},
  kinds: {
    网络培训: { counts: 'named-category', key: 'nm-2017/art9' },
    面授培训: { counts: 'named-category', key: 'nm-2017/art9' },
    ...certificateKinds(ART12),
    事业单位培训: { counts: 'professional', key: ART12 },
    行业培训: { counts: 'professional', key: ART12 },
    学历教育: { counts: 'professional', key: ART12 },
    实践考察: { counts: 'professional', key: ART12, halfDay: true },
    学术讲座: { counts: 'professional', key: ART12, halfDay: true },
    三科教师培训: { counts: 'professional', key: ART12 },
    中小学教师培训: { counts: 'professional', key: ART12 },
    职业技能培训: { counts: 'excluded', key: ART12, reason: '本通知未规定职业技能培训折合继续教育学时，不予计入' },
    职业资格考试: { counts: 'exam', exam: 'qualification' },
    职称外语计算机考试: { counts: 'exam', exam: 'titleLanguageComputer' },
  },
  exams: {
    qualification: { mode: 'not-counted', key: ART12, reason: '本办法未规定职业资格考试折合学时，不予计入' },
    titleLanguageComputer: { mode: 'not-counted', key: ART12, reason: '本办法未规定职称外语、计算机考试折合学时，不予计入' },
  },
  units: { minutesPerHour: 45, hoursPerHalfDay: 4, key: 'nm-2017/art10' },
};
