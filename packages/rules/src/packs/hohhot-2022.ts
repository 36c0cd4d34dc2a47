/**
 * 呼和浩特市人社局《关于做好全市2022年专业技术人员继续教育工作的通知》(seed 002), 2021-12-27.
 * Hohhot city, CE year 2022.
 */
import { certificateKinds, clauses, extendPack } from './define.js';
import { nm2017 } from './nm-2017.js';

export const hohhot2022 = extendPack(nm2017, {
  id: 'hohhot-2022',
  title: '关于做好全市2022年专业技术人员继续教育工作的通知',
  issuer: '呼和浩特市人力资源和社会保障局',
  issued: '2021-12-27',
  ceYear: 2022,
  scope: '呼和浩特市，2022年度',
  seedFile: '002_6f17b1cba2800655.txt',
  clauses: clauses(
    {
      key: 'hohhot-2022/1.1',
      quote: '培训学时为 30 学时，公需科目开展网络培训。',
      rule: '公需科目开展网络培训：非网络培训形式的公需记录照常计入，并提示核实。',
      interpretation: '通知只说公需科目开展网络培训，未说其他形式不予认定：非网络形式的公需学时照常计入，并提示经办人核实。',
    },
    {
      key: 'hohhot-2022/1.2',
      quote: '市本级单位专业科目培训实行备案制度。……事前不备案的项目不得认定继续教育学时。',
      rule: '专业科目的面授培训、行业培训、事业单位培训须事前备案；“是否备案”为“否”的不予认定。',
      interpretation: '原文约束市本级单位（旗县区由当地人社部门商主管部门确定）：本系统对本通知下所有记录适用，旗县区经办人请按当地规定填写“是否备案”。“是否备案”为空视为未知：照常计入，并提示核实。考试、证书和网络平台课程不属培训项目，无需备案。',
    },
    {
      key: 'hohhot-2022/2.1',
      quote: '申报高、中级职称评审的人员，需按要求完成2020年、2021年、2022年三年公需科目和专业科目学习，其中，对2020年专业科目不做要求；申报初级职称评审的人员，需按要求完成2022年公需科目和专业科目学习。',
      rule: '职称评审：高级、中级须完成2020–2022年三年学时，其中2020年专业科目不作要求（公需仍为30学时）；初级须完成2022年学时。',
    },
    {
      key: 'hohhot-2022/2.2',
      quote: '大学本科、专科毕业认定助理级，需按要求完成 2022 年公需科目和专业科目学习；硕士研究生认定中级职称，需按要求完成 2021 年、2022 年两年公需科目和专业科目继续教育学习，博士研究生认定中级职称不要求继续教育学时。',
      rule: '考核认定：本科、专科须完成Y年学时；硕士须完成Y−1至Y年学时；博士不要求学时。',
      interpretation: '学历为空时按“认定年限”列计算。',
    },
    {
      key: 'hohhot-2022/3.1',
      quote: '男满 55 周岁、女满 50 周岁的专业技术人员参加职称评审时，不再要求继续教育学时；男满 50 周岁、女满 45 周岁的专业技术人员参加职称评审时，要求完成规定学时的 1/3 即可。',
      rule: '职称评审：男满55周岁、女满50周岁免除学时要求；男满50周岁、女满45周岁完成规定学时的1/3即可。',
      interpretation: '1/3 按类别、在整个（已调整的）要求年限内合并计算（如高级：公需30、专业40，因2020年专业不作要求）。',
    },
    {
      key: 'hohhot-2022/3.2',
      quote: '非公有制经济领域专业技术人员参加职称评审时，继续教育学时数作为评审参考因素。',
      rule: '非公有制经济领域人员申报职称评审：学时仅作参考，不作限制（仍计算缺少学时）。',
    },
    {
      key: 'hohhot-2022/3.3',
      quote: '乡镇等基层一线专业技术人员参加职称评审时，继续教育学时数作为评审参考因素。',
      rule: '乡镇等基层一线人员申报职称评审：学时仅作参考，不作限制（仍计算缺少学时）。',
    },
    {
      key: 'hohhot-2022/3.4',
      quote: '赴区内外收治确诊病患定点医院直接参与医疗救治的专业技术人才在申报职称时，不要求继续教育学时。',
      rule: '赴区内外收治确诊病患定点医院直接参与医疗救治的专业技术人才申报职称评审：免除学时要求。',
      interpretation: '“疫情防控一线”填“是”或年度，按上述救治经历理解；请留存相关证明。',
    },
    {
      key: 'hohhot-2022/3.5',
      quote: '全市“三科”教师参加业务集中培训和线上培训的学时均可计入当年继续教育专业科目学时。',
      rule: '“三科”教师业务培训（集中或线上）计入当年专业科目学时。',
    },
    {
      key: 'hohhot-2022/3.6',
      quote: '参加各类高研班、论坛、学术交流、进修考察等培训学习的，可依据相关证书，折合相应专业科目学时。凡在自治区参加各类职业资格考试成绩合格的，视同完成取得证书年度的专业科目学时。',
      rule: '高研班、论坛、学术交流、进修考察按证书学时计入专业科目；职业资格考试合格视同完成取得证书年度的专业科目学时要求（职称外语、计算机考试不在此列，不予折算）。',
    },
    {
      key: 'hohhot-2022/3.7',
      quote: '党政机关工作人员转任到企事业单位专业技术岗位，当年参加职称评审时，不要求继续教育学时。非当年参加评审的，按转任年限要求继续教育学时。',
      rule: '党政机关转任：转任当年申报职称评审免除学时要求；以后年度只要求转任次年起的学时。',
      interpretation: '转任当年本身不作要求，与当年免除一致。',
    },
    {
      key: 'hohhot-2022/3.8',
      quote: '高技能人才参加职业技能培训或其他专业培训，可折合专业科目培训学时。',
      rule: '高技能人才申报职称评审时，职业技能培训按1:1计入专业科目学时；非高技能人才或其他申报类型不计。',
      interpretation: '通知未写折合比例，按1:1折合（锡林郭勒盟2024年通知第六条（八）写明1:1）。',
    },
    {
      key: 'hohhot-2022/3.9',
      quote: '专业技术人员在自治区范围内接受继续教育培训，按照管理权限由属地人力资源社会保障部门核定学时后，在全区范围内认可。',
      rule: '区内核定的学时全区认可，不按地区筛选记录。',
    },
    {
      key: 'hohhot-2022/4.1',
      quote: '线下培训数据须于2022年1月20日前先通过自治区继续教育审验系统（www.nmgrck.cn/jxjy）上报数据',
      rule: '2020、2021年线下培训数据须于2022-01-20前通过自治区继续教育审验系统上报（汇总表列为截止日期）。',
    },
    {
      key: 'hohhot-2022/4.2',
      quote: '指定专人通知学员登录内蒙古人才信息库（www.nmgrck.cn）自行打印审验卡',
      rule: '学员登录内蒙古人才信息库（www.nmgrck.cn）自行打印审验卡。',
    },
  ),
  purposes: {
    annual: nm2017.purposes.annual,
    title: { seniorIntermediate: { years: 3, key: 'hohhot-2022/2.1' }, junior: { years: 1, key: 'hohhot-2022/2.1' } },
    assessment: {
      key: 'hohhot-2022/2.2',
      yearsColumn: 'fallback',
      byEducation: {
        专科: { years: 1, key: 'hohhot-2022/2.2' },
        本科: { years: 1, key: 'hohhot-2022/2.2' },
        硕士: { years: 2, key: 'hohhot-2022/2.2' },
        博士: { exempt: true, key: 'hohhot-2022/2.2' },
      },
    },
  },
  overrides: [{ year: 2020, category: 'professional', hours: 0, purposes: ['title'], reviewYears: [2022], key: 'hohhot-2022/2.1' }],
  reliefs: {
    ageExempt: { male: 55, female: 50, purposes: ['title'], key: 'hohhot-2022/3.1' },
    ageReduction: { male: 50, female: 45, mode: 'one-third', purposes: ['title'], key: 'hohhot-2022/3.1' },
    referenceOnly: [
      { when: 'nonPublic', purposes: ['title'], key: 'hohhot-2022/3.2' },
      { when: 'grassroots', purposes: ['title'], key: 'hohhot-2022/3.3' },
    ],
    epidemic: {
      mode: 'exempt',
      purposes: ['title'],
      key: 'hohhot-2022/3.4',
      warning: '疫情防控一线免除仅适用于赴区内外收治确诊病患定点医院直接参与医疗救治的专业技术人才：请留存相关证明',
    },
    transfer: { purposes: ['title'], key: 'hohhot-2022/3.7' },
  },
  kinds: {
    ...certificateKinds('hohhot-2022/3.6'),
    三科教师培训: { counts: 'professional', key: 'hohhot-2022/3.5' },
    职业技能培训: { counts: 'professional', key: 'hohhot-2022/3.8', onlyIf: 'highSkill', onlyFor: ['title'] },
  },
  exams: {
    qualification: { mode: 'year-complete', key: 'hohhot-2022/3.6' },
    titleLanguageComputer: { mode: 'not-counted', key: 'hohhot-2022/3.6', reason: '本通知只规定职业资格考试折合学时，职称外语、计算机考试不予折算' },
  },
  filing: { kinds: ['面授培训', '行业培训', '事业单位培训'], categories: ['professional'], key: 'hohhot-2022/1.2' },
  recognition: 'hohhot-2022/3.9',
  publicOnline: { key: 'hohhot-2022/1.1' },
  deadlines: [{ date: '2022-01-20', what: '2020、2021年线下培训数据通过自治区继续教育审验系统上报', key: 'hohhot-2022/4.1' }],
  platforms: [
    { name: '自治区继续教育审验系统（上报线下培训数据）', url: 'www.nmgrck.cn/jxjy', category: 'any', key: 'hohhot-2022/4.1' },
    { name: '内蒙古人才信息库（打印审验卡）', url: 'www.nmgrck.cn', category: 'any', key: 'hohhot-2022/4.2' },
  ],
});
