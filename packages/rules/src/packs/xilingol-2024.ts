/**
 * 锡人社办字〔2024〕11号《关于做好2024年全盟专业技术人员继续教育网络学习的通知》(seed 004), 2024-01-12.
 * Xilingol League, CE year 2024.
 */
import { certificateKinds, clauses, extendPack } from './define.js';
import { nm2017 } from './nm-2017.js';

const CERT = 'xilingol-2024/6.6';

export const xilingol2024 = extendPack(nm2017, {
  id: 'xilingol-2024',
  title: '关于做好2024年全盟专业技术人员继续教育网络学习的通知',
  docNumber: '锡人社办字〔2024〕11号',
  issuer: '锡林郭勒盟人力资源和社会保障局',
  issued: '2024-01-12',
  ceYear: 2024,
  scope: '锡林郭勒盟，2024年度',
  seedFile: '004_9e2fb8e01bb6ce47.txt',
  clauses: clauses(
    {
      key: 'xilingol-2024/2',
      quote: '专业技术人员在自治区范围内接受继续教育培训，按照管理权限由属地人力资源社会保障部门核定学时后，在全区范围内认可。2024年继续教育培训时间从2024年1月15日，至12月31日截止。未完成2021-2023年继续教育培训的专业技术人员，可在2024年1月15日至12月31日期间进行补学。',
      rule: '培训时间 2024-01-15 至 2024-12-31：2024年度的网络培训须在此期间完成；2021–2023年度可在此期间补学；区内核定的学时全区认可。',
    },
    {
      key: 'xilingol-2024/3.1',
      quote: '公需科目实行网络培训，考试合格后取得相应学时。',
      rule: '公需科目实行网络培训：非网络培训形式的公需记录照常计入，并提示核实。',
      interpretation: '通知只说公需科目实行网络培训，未说其他形式不予认定：非网络形式的公需学时照常计入，并提示经办人核实。',
    },
    {
      key: 'xilingol-2024/4',
      quote: '专业技术人员选择以下任一平台均可完成公需科目的学习。……专业技术人员选择以下任一平台均可完成专业科目的学习。',
      rule: '公需科目、专业科目的网络学习平台（汇总表和行动清单据此列出学习去处）。',
    },
    {
      key: 'xilingol-2024/5.1',
      quote: '专业技术人员申报高、中级职称评审，或参加10级及以上专技岗位聘任，需完成近三年公需科目和专业科目学习（符合学时减免政策人员按相关规定执行）；申报初级职称评审，或参加11级及以下专技岗位聘任，需完成2024年公需科目和专业科目学习。',
      rule: '职称评审高级、中级及10级及以上岗位聘任须完成近三年学时；初级及11–13级岗位聘任须完成2024年学时。',
      interpretation: '岗位聘任一句写明“符合学时减免政策人员按相关规定执行”：年龄（第六条（一））、党政机关转任（第六条（七））和疫情防控（第六条（四））的减免也适用于岗位聘任；非公有制、基层一线、博士后和破格属职称评审概念，不适用。',
    },
    {
      key: 'xilingol-2024/5.2',
      quote: '高等院校毕业生在苏木乡镇、嘎查村基层单位从事本专业或相近专业技术工作，申请考核认定职称时，应按照考核认定要求年限完成继续教育学时。',
      rule: '考核认定：按“认定年限”N年，须完成Y−N+1至Y年的学时；“认定年限”为空的无法检查（本通知未规定默认年限）。',
      interpretation: '同样适用于本通知下所有考核认定人员；本通知按考核认定要求年限计算，未规定默认年限，他市通知不适用于本盟，故“认定年限”为空时列为数据有误（已适用免除的除外）。',
    },
    {
      key: 'xilingol-2024/6.1',
      quote: '男满55周岁、女满50周岁的专业技术人员参加职称评聘时，不要求继续教育学时；男满50周岁、女满45周岁的专业技术人员参加职称评聘时，完成近三年中一个年度的学时（公需科目30学时+专业科目60学时）要求即可。',
      rule: '职称评审及岗位聘任：男满55周岁、女满50周岁免除学时要求；男满50周岁、女满45周岁完成近三年中任一年度的学时即可。',
      interpretation: '缺少学时取近三年中单年缺口最小的年度（相同取较近年度）；初级（一年）要求也放宽到近三年。',
    },
    {
      key: 'xilingol-2024/6.2',
      quote: '鼓励非公有制经济领域和苏木、乡镇等基层一线专业技术人员积极参加继续教育，在参加2024年度职称评审时，不要求继续教育学时，相关学习经历作为评审参考因素。',
      rule: '非公有制经济领域和苏木、乡镇基层一线人员参加2024年度职称评审：学时仅作参考，不作限制（仍计算缺少学时）；其他审核年度不适用。',
    },
    {
      key: 'xilingol-2024/6.3',
      quote: '在站期间获得中国博士后科学基金资助或主持省部级以上科研项目、出站后留在自治区工作的专业技术人员，申请考核认定高级职称时，不要求继续教育学时。',
      rule: '符合条件的出站博士后申报高级（正高级、副高级）：免除学时要求。',
      interpretation: '职称评审与考核认定均适用，只要申报级别为高级。',
    },
    {
      key: 'xilingol-2024/6.4',
      quote: '符合疫情防控职称评审倾斜政策的专业技术人员在申报职称评审时，不要求疫情防控当年度的继续教育学时。',
      rule: '疫情防控一线人员申报职称评审：所填疫情防控年度不作要求。',
      interpretation: '“疫情防控一线”只填“是”未填年度时不减免，并提示补填年度。',
    },
    {
      key: 'xilingol-2024/6.5',
      quote: '全区教材改革涉及的“三科”教师参加业务集中培训和线上培训的学时均可计入当年继续教育专业科目学时。',
      rule: '“三科”教师业务培训计入当年专业科目学时。',
    },
    {
      key: CERT,
      quote: '专业技术人员参加各类高研班、论坛、学术交流、进修考察等培训学习，均可依据相关证书折合相应继续教育专业科目学时。凡在自治区参加各类职业资格考试成绩合格的，视同完成取得证书年度的继续教育专业科目学时要求。',
      rule: '高研班、论坛、学术交流、进修考察按证书学时计入专业科目；职业资格考试合格视同完成该年度专业科目学时要求（职称外语、计算机考试不予折算）。',
    },
    {
      key: 'xilingol-2024/6.7',
      quote: '党政机关工作人员转任到企事业单位专业技术岗位，当年参加职称评审时，不要求继续教育学时；非当年参加评审的，应按转任实际年限（年度），完成继续教育学时要求。',
      rule: '党政机关转任：转任当年申报职称评审免除学时要求；以后年度只要求转任次年起的学时。',
      interpretation: '转任当年本身不作要求，与当年免除一致。',
    },
    {
      key: 'xilingol-2024/6.8',
      quote: '高技能人才申报职称评审时，参加职业技能培训或其他专业培训取得的学时可1：1折合继续教育专业科目学时。',
      rule: '高技能人才申报职称评审时，职业技能培训按1:1计入专业科目学时；非高技能人才或其他申报类型不计。',
    },
    {
      key: 'xilingol-2024/6.9',
      quote: '专业技术人员破格申报职称评审时，按实际任职年限（年度），完成继续教育学时要求。',
      rule: '破格申报职称评审：只要求现岗位实际任职的最近N年。',
    },
    {
      key: 'xilingol-2024/7.1',
      quote: '学员完成相应继续教育学习后，登录内蒙古人才信息库（www.nmgrck.cn）自行打印继续教育审验卡。',
      rule: '学员完成学习后登录内蒙古人才信息库（www.nmgrck.cn）自行打印审验卡。',
    },
    {
      key: 'xilingol-2024/7.2',
      quote: '所属于已备案培训方案的旗县、盟直主管部门专业技术人员，可折合专业科目培训学时，对其审验卡中的专业科目学时不作要求。',
      rule: '所在单位专业科目培训方案已备案的：2024年专业科目不作要求（公需仍须30学时），适用于所有申报类型（含年度审验）。',
      interpretation: '原文对审验卡中的专业科目学时不作要求，是因为单位已备案的培训（不少于60学时，方案及培训花名册于2024年1月31日前报备）提供了这些学时；请留存已备案的方案及其培训花名册，并确认本人在花名册中。',
    },
    {
      key: 'xilingol-2024/8',
      quote: '继续教育公需科目网络培训费用……30个学时共75元；专业科目网络培训费参照公需科目收费标准，2.50元/学时。',
      rule: '费用：公需30学时75元；专业2.50元/学时（汇总表据此估算补学费用）。',
    },
  ),
  purposes: {
    annual: nm2017.purposes.annual,
    title: { seniorIntermediate: { years: 3, key: 'xilingol-2024/5.1' }, junior: { years: 1, key: 'xilingol-2024/5.1' } },
    post: { grade1to10: { years: 3, key: 'xilingol-2024/5.1' }, grade11to13: { years: 1, key: 'xilingol-2024/5.1' } },
    assessment: { key: 'xilingol-2024/5.2', yearsColumn: 'required', byEducation: {} },
  },
  overrides: [
    {
      year: 2024,
      category: 'professional',
      hours: 0,
      purposes: 'all',
      when: 'unitPlanFiled',
      key: 'xilingol-2024/7.2',
      warning: '按单位专业培训已备案免除2024年专业科目：请留存已备案的培训方案及培训花名册，并确认本人在花名册中',
    },
  ],
  reliefs: {
    ageExempt: { male: 55, female: 50, purposes: ['title', 'post'], key: 'xilingol-2024/6.1' },
    ageReduction: { male: 50, female: 45, mode: 'one-year-of-three', purposes: ['title', 'post'], key: 'xilingol-2024/6.1' },
    referenceOnly: [
      { when: 'nonPublic', purposes: ['title'], key: 'xilingol-2024/6.2', reviewYears: [2024] },
      { when: 'grassroots', purposes: ['title'], key: 'xilingol-2024/6.2', reviewYears: [2024] },
    ],
    postdocSenior: { purposes: ['title', 'assessment'], key: 'xilingol-2024/6.3' },
    epidemic: { mode: 'remove-years', purposes: ['title', 'post'], key: 'xilingol-2024/6.4' },
    transfer: { purposes: ['title', 'post'], key: 'xilingol-2024/6.7' },
    exceptional: { purposes: ['title'], key: 'xilingol-2024/6.9' },
  },
  kinds: {
    ...certificateKinds(CERT),
    三科教师培训: { counts: 'professional', key: 'xilingol-2024/6.5' },
    职业技能培训: { counts: 'professional', key: 'xilingol-2024/6.8', onlyIf: 'highSkill', onlyFor: ['title'] },
  },
  exams: {
    qualification: { mode: 'year-complete', key: CERT },
    titleLanguageComputer: { mode: 'not-counted', key: CERT, reason: '本通知只规定职业资格考试折合学时，职称外语、计算机考试不予折算' },
  },
  window: {
    start: '2024-01-15',
    end: '2024-12-31',
    kinds: ['网络培训'],
    makeUpYears: [2021, 2022, 2023],
    key: 'xilingol-2024/2',
  },
  fees: { publicPer30Hours: 75, professionalPerHour: 2.5, key: 'xilingol-2024/8' },
  platforms: [
    { name: '内蒙古专业技术人员继续教育在线学习', url: 'nmg.chinahrt.com', category: 'public', key: 'xilingol-2024/4' },
    { name: '内蒙古人才培训网', url: 'zj.nmgrcpx.com', category: 'public', key: 'xilingol-2024/4' },
    { name: '锡林郭勒盟专业技术人员专业课网络培训平台', url: 'xlgl.chinahrt.cn', category: 'professional', key: 'xilingol-2024/4' },
    { name: '内蒙古专业技术人员继续教育在线学习', url: 'nmg.chinahrt.com', category: 'professional', key: 'xilingol-2024/4' },
    { name: '内蒙古人才信息库（打印审验卡）', url: 'www.nmgrck.cn', category: 'any', key: 'xilingol-2024/7.1' },
  ],
  deadlines: [
    { date: '2024-01-31', what: '各旗县、盟直主管部门报备专业科目培训方案（含培训花名册）', key: 'xilingol-2024/7.2' },
    { date: '2024-12-31', what: '2024年度培训及2021–2023年度补学截止', key: 'xilingol-2024/2' },
  ],
  publicOnline: { key: 'xilingol-2024/3.1' },
  recognition: 'xilingol-2024/2',
});
