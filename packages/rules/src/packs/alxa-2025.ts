/**
 * 阿拉善盟人社局《關于做好全盟2025年專業技術人員繼續教育工作的通知》(seed 001, Traditional characters), 2025-01-02.
 * Alxa League, CE year 2025. Quotes keep the notice's own characters.
 */
import { certificateKinds, clauses, extendPack } from './define.js';
import { nm2017 } from './nm-2017.js';

const CERT = 'alxa-2025/1.4.4';
const TEACHERS = 'alxa-2025/1.4.7';

export const alxa2025 = extendPack(nm2017, {
  id: 'alxa-2025',
  title: '关于做好全盟2025年专业技术人员继续教育工作的通知',
  issuer: '阿拉善盟人力资源和社会保障局',
  issued: '2025-01-02',
  ceYear: 2025,
  scope: '阿拉善盟，2025年度',
  seedFile: '001_c7c78e391facd7ae.txt',
  clauses: clauses(
    {
      key: 'alxa-2025/1.2',
      quote: '2025年繼續教育培訓從 2025年 1 月 5 日開始,至2025年 11 月 31 日截止。同時,可補學 2022年和 2023年度的繼續教育。',
      rule: '培训时间 2025-01-05 至 2025-11-30：2025年度的网络培训须在此期间完成；其他形式的2025年度培训在此期间之外的照常计入，并提示单位可能无法上传；可在此期间补学2022、2023年度（不含2024年度）。',
      interpretation: '原文“11月31日”并不存在，按11月最后一天（2025-11-30）理解。',
    },
    {
      key: 'alxa-2025/1.3.1',
      quote: '申報高、中級職稱評審的人員,需按要求完成 2023年、2024年、2025年公需科目和專業科目學習,總學時達到 270學時(公需科目 90學時,專業科目 180學時);申報初級職稱評審的人員,需按要求完成 2025年公需科目和專業科目學習,總學時達到 90學時。',
      rule: '职称评审：高级、中级须完成2023–2025年三年学时；初级须完成2025年学时。',
      interpretation: '“总学时270”按各年分别达到30+60理解（与自治区办法第十一条一致），一年多出的学时不抵另一年。',
    },
    {
      key: 'alxa-2025/1.3.2',
      quote: '高等院校畢業生在蘇木鎮、嘎查村基層單位從事本專業或相近專業技術工作,申請考核認定的專業技術人員,應按照考核認定要求年限參加繼續教育學習。',
      rule: '考核认定：按“认定年限”N年，须完成Y−N+1至Y年的学时；“认定年限”为空的无法检查（本通知未规定默认年限）。',
      interpretation: '同样适用于本通知下所有考核认定人员；本通知按考核认定要求年限计算，未规定默认年限，他市通知不适用于本盟，故“认定年限”为空时列为数据有误（已适用免除的除外）。',
    },
    {
      key: 'alxa-2025/1.4',
      quote: '標準不明確或與繼續教育學時要求不一致的,均可按 45分鐘計 1學時。',
      rule: '标准不明确的按每45分钟1学时折算。',
    },
    {
      key: 'alxa-2025/1.4.1',
      quote: '全盟各企事業單位組織專業技術人員在阿拉善盟專業技術人員繼續教育在線學習平臺或內蒙古干部網絡學院參加培訓的學時均可計入當年度繼續教育公需科目和專業科目相應學時。',
      rule: '在阿拉善盟专业技术人员继续教育在线学习平台或内蒙古干部网络学院参加培训的学时计入当年度公需、专业科目（行动清单据此列出学习去处）。',
    },
    {
      key: 'alxa-2025/1.4.2',
      quote: '事業單位專業技術人員參加崗前、在崗、轉崗、專項培訓的學時均可計入當年度繼續教育公需科目和專業科目相應學時。事業單位自行組織的相應培訓需經主管部門審核同意并報備人社部門后開展。',
      rule: '事业单位工作人员培训（岗前、在岗、转岗、专项）按记录所填类别计入；单位自行组织的须事前报备，“是否备案”为“否”的不予认定。',
      interpretation: '“是否备案”为空视为未知：照常计入，并提示核实。',
    },
    {
      key: 'alxa-2025/1.4.3',
      quote: '專業技術人員參加各級行業主管部門組織的,或行業學會、行業協會組織的并經行業主管部門同意(認可)的相關專業培訓、進修的學時可計入當年度繼續教育專業科目學時。',
      rule: '行业主管部门或行业学会、协会组织的专业培训计入专业科目学时。',
    },
    {
      key: CERT,
      quote: '專業技術人員參加各類高研班、論壇、學術交流、進修考察等培訓學習,均可依據相關證書折合當年度繼續教育專業科目學時。',
      rule: '高研班、论坛、学术交流、进修考察按证书学时计入专业科目。',
    },
    {
      key: 'alxa-2025/1.4.5',
      quote: '專業技術人員在自治區參加各類職業資格考試成績合格的,視同完成取得證書年度的繼續教育專業科目學時要求。',
      rule: '职业资格考试合格视同完成该年度专业科目学时要求（职称外语、计算机考试不予折算）。',
    },
    {
      key: 'alxa-2025/1.4.6',
      quote: '高技能人才申報職稱評審時,參加職業技能培訓或其他專業培訓的學時可折合當年度繼續教育專業科目學時。',
      rule: '高技能人才申报职称评审时，职业技能培训按1:1计入专业科目学时；非高技能人才或其他申报类型不计。',
      interpretation: '通知未写折合比例，按1:1折合（锡林郭勒盟2024年通知第六条（八）写明1:1）。',
    },
    {
      key: TEACHERS,
      quote: '參加中小學教師教育教學相關能力提升培訓的學時可計入當年度繼續教育專業科目學時。',
      rule: '中小学教师（含“三科”教师）教育教学能力提升培训计入专业科目学时。',
    },
    {
      key: 'alxa-2025/1.5.1',
      quote: '男滿 55周歲、女滿 50周歲的專業技術人員參加職稱評審時,繼續教育學時不作為限制性條件;男滿 50周歲、女滿45周歲的專業技術人員參加職稱評審時,完成近三年中一個年度學時要求即可。',
      rule: '职称评审：男满55周岁、女满50周岁免除学时要求；男满50周岁、女满45周岁完成近三年中任一年度的学时即可。',
      interpretation: '“不作为限制性条件”按免除理解（与其他通知的“不再要求”一致）；缺少学时取近三年中单年缺口最小的年度（相同取较近年度）；初级也放宽到近三年。',
    },
    {
      key: 'alxa-2025/1.5.2',
      quote: '鼓勵非公有制經濟領域和蘇木鎮等基層一線專業技術人員積極參加繼續教育,在參加 2025年度職稱評審時,繼續教育學時不作為限制性條件,相關學習經歷作為評審參考因素。',
      rule: '非公有制经济领域和苏木镇基层一线人员参加2025年度职称评审：学时仅作参考，不作限制（仍计算缺少学时）；其他审核年度不适用。',
    },
    {
      key: 'alxa-2025/1.5.3',
      quote: '在站期間獲得中國博士后科學基金資助或主持省部級以上科研項目、出站后留在自治區工作的專業技術人員,申報高級職稱評審時,不要求繼續教育學時。',
      rule: '符合条件的出站博士后申报高级（正高级、副高级）：免除学时要求。',
      interpretation: '职称评审与考核认定均适用，只要申报级别为高级。',
    },
    {
      key: 'alxa-2025/1.5.4',
      quote: '符合疫情防控職稱評審傾斜政策的專業技術人員在申報職稱時,不要求疫情防控當年度的繼續教育學時。',
      rule: '疫情防控一线人员申报职称评审：所填疫情防控年度不作要求。',
      interpretation: '“疫情防控一线”只填“是”未填年度时不减免，并提示补填年度。',
    },
    {
      key: 'alxa-2025/1.5.5',
      quote: '黨政機關工作人員轉任到企事業單位專業技術崗位,當年參加職稱評審時,不要求繼續教育學時;非當年參加評審的,應按轉任實際年限(年度),完成繼續教育學時要求。',
      rule: '党政机关转任：转任当年申报职称评审免除学时要求；以后年度只要求转任次年起的学时。',
      interpretation: '转任当年本身不作要求，与当年免除一致。',
    },
    {
      key: 'alxa-2025/1.5.6',
      quote: '專業技術人員破格申報職稱評審時,按實際任職年限(年度),完成繼續教育學時要求。',
      rule: '破格申报职称评审：只要求现岗位实际任职的最近N年。',
    },
    {
      key: 'alxa-2025/1.6',
      quote: '專業技術人員培訓考試合格后,登錄內蒙古人才信息庫(www.nmgrck.cn)自行打印審驗卡。',
      rule: '培训考试合格后登录内蒙古人才信息库（www.nmgrck.cn）自行打印审验卡。',
    },
    {
      key: 'alxa-2025/3',
      quote: '2025年 1月底前制定當年培養培訓計劃(見附件 1),并于 10月中旬報送項目實施情況總結。',
      rule: '各旗区、各行业主管部门1月底前制定当年培养培训计划，10月中旬报送项目实施情况总结（汇总表列为截止日期）。',
      interpretation: '“1月底”按1月31日、“10月中旬”按10月15日列出截止日期。',
    },
  ),
  purposes: {
    annual: nm2017.purposes.annual,
    title: { seniorIntermediate: { years: 3, key: 'alxa-2025/1.3.1' }, junior: { years: 1, key: 'alxa-2025/1.3.1' } },
    assessment: { key: 'alxa-2025/1.3.2', yearsColumn: 'required', byEducation: {} },
  },
  overrides: [],
  reliefs: {
    ageExempt: { male: 55, female: 50, purposes: ['title'], key: 'alxa-2025/1.5.1' },
    ageReduction: { male: 50, female: 45, mode: 'one-year-of-three', purposes: ['title'], key: 'alxa-2025/1.5.1' },
    referenceOnly: [
      { when: 'nonPublic', purposes: ['title'], key: 'alxa-2025/1.5.2', reviewYears: [2025] },
      { when: 'grassroots', purposes: ['title'], key: 'alxa-2025/1.5.2', reviewYears: [2025] },
    ],
    postdocSenior: { purposes: ['title', 'assessment'], key: 'alxa-2025/1.5.3' },
    epidemic: { mode: 'remove-years', purposes: ['title'], key: 'alxa-2025/1.5.4' },
    transfer: { purposes: ['title'], key: 'alxa-2025/1.5.5' },
    exceptional: { purposes: ['title'], key: 'alxa-2025/1.5.6' },
  },
  kinds: {
    ...certificateKinds(CERT),
    事业单位培训: { counts: 'named-category', key: 'alxa-2025/1.4.2' },
    行业培训: { counts: 'professional', key: 'alxa-2025/1.4.3' },
    三科教师培训: { counts: 'professional', key: TEACHERS },
    中小学教师培训: { counts: 'professional', key: TEACHERS },
    职业技能培训: { counts: 'professional', key: 'alxa-2025/1.4.6', onlyIf: 'highSkill', onlyFor: ['title'] },
  },
  exams: {
    qualification: { mode: 'year-complete', key: 'alxa-2025/1.4.5' },
    titleLanguageComputer: { mode: 'not-counted', key: 'alxa-2025/1.4.5', reason: '本通知只规定职业资格考试折合学时，职称外语、计算机考试不予折算' },
  },
  units: { minutesPerHour: 45, hoursPerHalfDay: 4, key: 'alxa-2025/1.4', halfDayKey: 'nm-2017/art10' },
  filing: { kinds: ['事业单位培训'], categories: ['public', 'professional'], key: 'alxa-2025/1.4.2' },
  window: {
    start: '2025-01-05',
    end: '2025-11-30',
    kinds: ['网络培训'],
    makeUpYears: [2022, 2023],
    key: 'alxa-2025/1.2',
    note: '原文“11月31日”不存在，按2025-11-30理解',
    otherKinds: 'warn',
    refusedMakeUpHint: { years: [2024], text: '2024年度能否补学请向盟人社局专技科确认' },
  },
  platforms: [
    { name: '阿拉善盟专业技术人员继续教育在线学习平台', url: 'www.tcc.edu.cn/h/subject/alsjxjy/', category: 'public', key: 'alxa-2025/1.4.1' },
    { name: '内蒙古干部网络学院（事业单位分院）', url: 'wlxy.nmgdj.gov.cn', category: 'public', key: 'alxa-2025/1.4.1' },
    { name: '阿拉善盟专业技术人员继续教育在线学习平台', url: 'www.tcc.edu.cn/h/subject/alsjxjy/', category: 'professional', key: 'alxa-2025/1.4.1' },
    { name: '内蒙古干部网络学院（事业单位分院）', url: 'wlxy.nmgdj.gov.cn', category: 'professional', key: 'alxa-2025/1.4.1' },
    { name: '内蒙古人才信息库（打印审验卡）', url: 'www.nmgrck.cn', category: 'any', key: 'alxa-2025/1.6' },
  ],
  deadlines: [
    { date: '2025-01-31', what: '各旗区、各行业主管部门制定当年培养培训计划', key: 'alxa-2025/3' },
    { date: '2025-10-15', what: '报送知识更新项目实施情况总结（原文“10月中旬”，按10月15日计）', key: 'alxa-2025/3' },
    { date: '2025-11-30', what: '2025年度培训及2022、2023年度补学截止', key: 'alxa-2025/1.2' },
  ],
});
