/**
 * 内人社办发〔2018〕79号《内蒙古自治区2018年专业技术人员继续教育工作安排意见》(seed 000).
 * Region-wide title-review and assessment rules for 2018; the 5-31 audit deadline concerns region-direct units (区直).
 */
import { extendPack, clauses } from './define.js';
import { nm2017 } from './nm-2017.js';

export const nm2018 = extendPack(nm2017, {
  id: 'nm-2018',
  title: '内蒙古自治区2018年专业技术人员继续教育工作安排意见',
  docNumber: '内人社办发〔2018〕79号',
  issuer: '内蒙古自治区人力资源和社会保障厅',
  issued: '2018-04-02',
  ceYear: 2018,
  scope: '全区（职称评审、考核认定学时要求）；审验截止日期适用于区直单位，2018年度',
  seedFile: '000_e35b325c52bfef59.txt',
  clauses: clauses(
    {
      key: 'nm-2018/3.1',
      quote: '凡参加2018年高、中级专业技术资格评审的专业技术人员，需近三年按要求完成继续教育公需科目和专业科目学习；参加初级专业技术资格评审的专业技术人员，须近一年连续参加继续教育公需科目和专业科目学习，总学时达到90学时。',
      rule: '职称评审：高级、中级须完成近三年（Y−2至Y年）的学时；初级须完成近一年（Y年）的学时。',
    },
    {
      key: 'nm-2018/3.2',
      quote: '大学专科毕业认定助理级，须近两年连续参加继续教育公需科目专业科目学习，总学时达到180学时；大学本科毕业认定助理级，须近一年参加继续教育公需科目和专业科目学习，总学时达到90学时；硕士学位获得者毕业满两年可认定中级，须近两年连续参加继续教育公需科目和专业科目学习，总学时达到180学时。',
      rule: '考核认定：专科认定助理级须近两年，本科认定助理级须近一年，硕士认定中级须近两年的学时；博士认定中级不要求学时。',
      interpretation: '通知未提博士：学时年限与考核认定（初聘）等级年限挂钩，博士认定中级无等待年限，故不要求学时（与呼和浩特2022年通知第二条（二）一致）；学历为空时按“认定年限”列计算。',
    },
    {
      key: 'nm-2018/3.3',
      quote: '凡参加自治区范围内各类职业资格水平评价类考试成绩合格的，视同完成取得成绩年度专业科目30个学时；参加职称外语、计算机考试成绩合格的，视同完成取得成绩年度专业科目30个学时。',
      rule: '在自治区范围内参加职业资格水平评价类考试成绩合格，或职称外语、计算机考试合格，各计取得成绩年度专业科目30学时（请核实考试属水平评价类、在区内参加）。',
    },
    {
      key: 'nm-2018/3.4',
      quote: '男满55周岁、女满50周岁的专业技术人员参加职称评审时，不再要求继续教育；男满50周岁、女满45周岁的专业技术人员参加职称评审时，要求完成规定学时的1/3即可。',
      rule: '职称评审：男满55周岁、女满50周岁免除学时要求；男满50周岁、女满45周岁完成规定学时的1/3即可。',
      interpretation: '1/3 按类别、在整个（已调整的）要求年限内合并计算：应完成公需 = ⅓ × Σ各年公需要求，专业同理；取得职业资格考试的年度按该年专业要求计满后再合并。',
    },
    {
      key: 'nm-2018/3.5',
      quote: '区直继续教育审验工作截止到2018年5月31日',
      rule: '区直审验截止日期 2018-05-31：完成日期在此之后的记录照常计入，并提示区直审验已截止。',
    },
    {
      key: 'nm-2018/4.2',
      quote: '专业技术人员在自治区范围内接受继续教育培训，按照管理权限由属地人力资源和社会保障局核定学时后，在全区范围内认可。',
      rule: '区内核定的学时全区认可，不按地区筛选记录。',
    },
  ),
  purposes: {
    annual: nm2017.purposes.annual,
    title: { seniorIntermediate: { years: 3, key: 'nm-2018/3.1' }, junior: { years: 1, key: 'nm-2018/3.1' } },
    assessment: {
      key: 'nm-2018/3.2',
      yearsColumn: 'fallback',
      byEducation: {
        专科: { years: 2, key: 'nm-2018/3.2' },
        本科: { years: 1, key: 'nm-2018/3.2' },
        硕士: { years: 2, key: 'nm-2018/3.2' },
        博士: { exempt: true, key: 'nm-2018/3.2' },
      },
    },
  },
  overrides: [],
  reliefs: {
    ageExempt: { male: 55, female: 50, purposes: ['title'], key: 'nm-2018/3.4' },
    ageReduction: { male: 50, female: 45, mode: 'one-third', purposes: ['title'], key: 'nm-2018/3.4' },
  },
  exams: {
    qualification: { mode: 'fixed-hours', hours: 30, key: 'nm-2018/3.3' },
    titleLanguageComputer: { mode: 'fixed-hours', hours: 30, key: 'nm-2018/3.3' },
  },
  deadline: { date: '2018-05-31', key: 'nm-2018/3.5', label: '区直继续教育审验截止', warnAfter: true },
  deadlines: [{ date: '2018-05-31', what: '区直继续教育审验截止', key: 'nm-2018/3.5' }],
  recognition: 'nm-2018/4.2',
});
