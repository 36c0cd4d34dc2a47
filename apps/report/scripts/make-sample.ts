/**
 * Makes apps/report/sample/roster-sample.xlsx: a realistic Xilingol 2024
 * roster (a few hundred people, several units) with a 培训记录 sheet, covering
 * the packs' edge cases. Deterministic: a seeded PRNG, fixed dates; running it
 * twice gives the same cells.
 *
 *   pnpm --filter @ce/report make-sample
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { breakCheck, makeId } from './ids.js';

export const SAMPLE_PATH = join(dirname(fileURLToPath(import.meta.url)), '../sample/roster-sample.xlsx');

/** mulberry32 */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}

interface Unit {
  name: string;
  region: string;
  sector?: string;
  grassroots?: boolean;
  teachers?: boolean;
  size: number;
}

const UNITS: Unit[] = [
  { name: '锡林郭勒盟中心医院', region: '152502', size: 70 },
  { name: '锡林浩特市第二中学', region: '152502', teachers: true, size: 45 },
  { name: '锡林郭勒职业学院', region: '152502', size: 50 },
  { name: '锡林郭勒盟农牧业科学研究所', region: '152502', size: 35 },
  { name: '东乌珠穆沁旗人民医院', region: '152525', size: 45 },
  { name: '阿巴嘎旗别力古台镇卫生院', region: '152522', grassroots: true, size: 25 },
  { name: '正蓝旗上都镇农牧业综合服务站', region: '152530', grassroots: true, size: 20 },
  { name: '锡林浩特市草原建筑设计有限公司', region: '152502', sector: '非公有制', size: 30 },
];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗', '郑', '梁', '宋', '谢', '韩', '唐', '冯', '于', '董', '萧', '程', '曹', '袁', '邓', '许', '傅', '沈', '曾', '彭', '吕', '苏', '卢', '蒋', '蔡', '贾', '丁', '魏', '薛', '叶', '阎', '包', '白', '云', '鲍', '敖', '乌', '那', '宝', '达', '吉'];
const GIVEN_M = ['伟', '强', '磊', '军', '勇', '杰', '涛', '明', '超', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '斌', '宇', '浩', '凯', '健', '俊', '帆', '建国', '志强', '海涛', '晓东', '文博', '振华'];
const GIVEN_F = ['芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '燕', '玲', '婷', '雪', '琳', '颖', '倩', '洁', '欣', '悦', '慧', '晶', '秀英', '桂兰', '海燕', '丽娟', '雅琴', '晓燕', '春梅', '红梅', '淑华', '玉兰'];
const MONGOLIAN_M = ['巴特尔', '额尔敦', '朝鲁', '宝音', '阿拉坦', '毕力格', '苏和', '那顺', '巴图', '孟和', '哈斯巴根', '特木尔', '额尔德木图', '吉日嘎拉'];
const MONGOLIAN_F = ['乌云其木格', '苏日娜', '娜仁', '图雅', '萨仁', '斯琴', '其其格', '格日勒', '敖登', '高娃', '乌兰', '托娅', '塔娜', '琪琪格'];

const HEADERS = [
  '序号', '姓名', '身份证号', '性别', '工作单位', '单位性质', '基层一线', '申报类型', '申报级别', '学历', '认定年限', '岗位等级',
  '出站博士后', '疫情防控一线', '党政机关转任年度', '破格任职年限', '高技能人才', '职业资格考试合格年度', '单位专业培训已备案',
  '2022年公需学时', '2022年专业学时', '2023年公需学时', '2023年专业学时', '2024年公需学时', '2024年专业学时', '备注',
] as const;
type Header = (typeof HEADERS)[number];
type Row = Partial<Record<Header, string | number>>;

const RECORD_HEADERS = ['身份证号', '学年度', '类别', '形式', '学时', '分钟', '半天', '完成日期', '是否备案'] as const;
type RecordRow = Partial<Record<(typeof RECORD_HEADERS)[number], string | number>>;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function buildSample(): { rows: Row[]; records: RecordRow[] } {
  const r = prng(20240115);
  const rows: Row[] = [];
  const records: RecordRow[] = [];
  const usedIds = new Set<string>();

  const person = (unit: Unit, opts: { male?: boolean; birthYear?: number } = {}) => {
    const male = opts.male ?? r.chance(0.5);
    const mongolian = r.chance(0.3);
    const name = mongolian ? r.pick(male ? MONGOLIAN_M : MONGOLIAN_F) + (r.chance(0.2) ? r.pick(['', '·额尔敦', '·宝力道']) : '') : r.pick(SURNAMES) + r.pick(male ? GIVEN_M : GIVEN_F);
    const by = opts.birthYear ?? r.int(1962, 2000);
    const birth = `${by}${pad2(r.int(1, 12))}${pad2(r.int(1, 28))}`;
    let id = '';
    do {
      let seq = r.int(0, 999);
      if (seq % 2 !== (male ? 1 : 0)) seq = (seq + 1) % 1000;
      id = makeId(unit.region, birth, seq);
    } while (usedIds.has(id));
    usedIds.add(id);
    const row: Row = { 姓名: name, 身份证号: id, 性别: male ? '男' : '女', 工作单位: unit.name };
    if (unit.sector) row.单位性质 = unit.sector;
    else if (r.chance(0.5)) row.单位性质 = '事业单位';
    if (unit.grassroots) row.基层一线 = '是';
    return row;
  };

  const hours = (row: Row, profile: 'full' | 'short' | 'blank' | 'records' | 'mixed') => {
    for (const y of [2022, 2023, 2024] as const) {
      let pub: number | string | undefined;
      let prof: number | string | undefined;
      if (profile === 'full') {
        pub = 30;
        prof = r.pick([60, 60, 64, 72]);
      } else if (profile === 'short') {
        pub = r.pick([0, 10, 20, 30, 30]);
        prof = r.pick([0, 20, 30, 40, 50, 60]);
      } else if (profile === 'mixed') {
        pub = y === 2024 ? r.pick([30, '30学时', '３０']) : r.pick([30, 20]);
        prof = y === 2024 ? r.pick([60, '60学时', 45]) : r.pick([60, 40]);
      } else if (profile === 'records' && y < 2024) {
        pub = 30;
        prof = 60;
      }
      if (pub !== undefined && pub !== 0) row[`${y}年公需学时` as Header] = pub;
      if (prof !== undefined && prof !== 0) row[`${y}年专业学时` as Header] = prof;
    }
  };

  const onlineRecords = (id: string, pubHours: number, profHours: number) => {
    if (pubHours > 0) records.push({ 身份证号: id, 学年度: 2024, 类别: '公需', 形式: '网络培训', 学时: pubHours, 完成日期: `2024-${pad2(r.int(3, 10))}-${pad2(r.int(1, 28))}` });
    if (profHours > 0) records.push({ 身份证号: id, 学年度: 2024, 类别: '专业', 形式: '网络培训', 学时: profHours, 完成日期: `2024-${pad2(r.int(3, 11))}-${pad2(r.int(1, 28))}` });
  };

  // Ordinary staff, unit by unit.
  for (const unit of UNITS) {
    for (let k = 0; k < unit.size; k++) {
      const row = person(unit);
      const p = r.next();
      if (p < 0.55) {
        // 年度审验 (blank or written out)
        if (r.chance(0.3)) row.申报类型 = '年度审验';
      } else if (p < 0.8) {
        row.申报类型 = '职称评审';
        row.申报级别 = r.pick(['中级', '中级', '副高级', '正高级', '初级', '助理级']);
      } else if (p < 0.9) {
        row.申报类型 = '岗位聘任';
        row.岗位等级 = r.pick([3, 5, 7, '10级', '十级', 11, 12, 13]);
      } else {
        row.申报类型 = '考核认定';
        row.学历 = r.pick(['专科', '本科', '本科', '硕士', '博士']);
        if (r.chance(0.5)) row.认定年限 = r.pick([1, 2, 3]);
      }
      if (unit.teachers && r.chance(0.3)) row.备注 = '三科教师';
      const h = r.next();
      if (h < 0.15 && rows.length % 3 === 0) {
        hours(row, 'records');
        onlineRecords(String(row.身份证号), 30, r.pick([60, 40, 20]));
      } else hours(row, h < 0.55 ? 'full' : h < 0.8 ? 'short' : h < 0.92 ? 'mixed' : 'blank');
      rows.push(row);
    }
  }

  // Edge cases, named in 备注 so a reader of the sample can find them.
  const U = (i: number) => UNITS[i]!;
  const special = (unit: Unit, note: string, fields: Row, opts: { male?: boolean; birthYear?: number } = {}, profile: Parameters<typeof hours>[1] = 'short') => {
    const row = person(unit, opts);
    hours(row, profile);
    Object.assign(row, fields, { 备注: note });
    rows.push(row);
    return row;
  };
  special(U(0), '男满55周岁，职称评审免除', { 申报类型: '职称评审', 申报级别: '副高级' }, { male: true, birthYear: 1966 }, 'blank');
  special(U(0), '女满50周岁，职称评审免除', { 申报类型: '职称评审', 申报级别: '正高级' }, { male: false, birthYear: 1972 }, 'blank');
  special(U(2), '男满50周岁，近三年任一年达标即可', { 申报类型: '职称评审', 申报级别: '中级', '2022年公需学时': 30, '2022年专业学时': 60, '2023年公需学时': 0, '2023年专业学时': 0, '2024年公需学时': 10, '2024年专业学时': 0 }, { male: true, birthYear: 1972 });
  special(U(4), '女满45周岁，近三年单年缺口最小', { 申报类型: '岗位聘任', 岗位等级: 8, '2022年公需学时': 20, '2022年专业学时': 40, '2023年公需学时': 30, '2023年专业学时': 50, '2024年公需学时': 0, '2024年专业学时': 0 }, { male: false, birthYear: 1977 });
  special(U(7), '非公有制，学时仅作参考', { 申报类型: '职称评审', 申报级别: '中级' }, {}, 'short');
  special(U(5), '苏木乡镇基层一线，学时仅作参考', { 申报类型: '职称评审', 申报级别: '初级', '2024年公需学时': 10 }, {}, 'blank');
  special(U(2), '2023年由党政机关转任', { 申报类型: '职称评审', 申报级别: '中级', 党政机关转任年度: 2023, '2024年公需学时': 30, '2024年专业学时': 60 }, {}, 'blank');
  special(U(2), '2024年转任，当年免除', { 申报类型: '职称评审', 申报级别: '副高级', 党政机关转任年度: 2024 }, {}, 'blank');
  special(U(3), '破格申报，实际任职2年', { 申报类型: '职称评审', 申报级别: '副高级', 破格任职年限: 2, '2023年公需学时': 30, '2023年专业学时': 60, '2024年公需学时': 30, '2024年专业学时': 40 }, {}, 'blank');
  special(U(3), '出站博士后申报正高级', { 申报类型: '职称评审', 申报级别: '正高级', 出站博士后: '是', 学历: '博士' }, {}, 'blank');
  special(U(0), '2024年职业资格考试合格', { 申报类型: '职称评审', 申报级别: '中级', 职业资格考试合格年度: 2024, '2022年公需学时': 30, '2022年专业学时': 60, '2023年公需学时': 30, '2023年专业学时': 60, '2024年公需学时': 30, '2024年专业学时': 0 }, {}, 'blank');
  special(U(4), '疫情防控一线（2022年）', { 申报类型: '职称评审', 申报级别: '中级', 疫情防控一线: '2022', '2023年公需学时': 30, '2023年专业学时': 60, '2024年公需学时': 30, '2024年专业学时': 60 }, {}, 'blank');
  special(U(4), '疫情防控一线只填“是”', { 申报类型: '职称评审', 申报级别: '中级', 疫情防控一线: '是' }, {}, 'full');
  special(U(3), '单位专业培训方案已备案，2024年专业不作要求', { 单位专业培训已备案: '是', '2024年公需学时': 30, '2024年专业学时': 0 }, {}, 'blank');
  special(U(3), '考核认定，博士不要求学时', { 申报类型: '考核认定', 学历: '博士' }, {}, 'blank');
  special(U(2), '考核认定，硕士2年', { 申报类型: '考核认定', 学历: '硕士', '2023年公需学时': 30, '2023年专业学时': 30, '2024年公需学时': 30, '2024年专业学时': 60 }, {}, 'blank');

  // Hours from 培训记录: window, make-up, certificates, exams, skills.
  const rec = (fields: Row, note: string, recs: Omit<RecordRow, '身份证号'>[], opts: { male?: boolean; birthYear?: number } = {}, unit = U(1)) => {
    const row = special(unit, note, fields, opts, 'blank');
    for (const x of recs) records.push({ 身份证号: String(row.身份证号), ...x });
  };
  rec({}, '培训记录：网络培训在培训时间前完成，不计', [
    { 学年度: 2024, 类别: '公需', 形式: '网络培训', 学时: 30, 完成日期: '2024-01-10' },
    { 学年度: 2024, 类别: '专业', 形式: '网络培训', 学时: 60, 完成日期: '2024-04-02' },
  ]);
  rec({ 申报类型: '职称评审', 申报级别: '中级', '2022年公需学时': 30, '2022年专业学时': 60, '2024年公需学时': 30, '2024年专业学时': 60 }, '培训记录：2024年补学2023年度（允许）', [
    { 学年度: 2023, 类别: '公需', 形式: '网络培训', 学时: 30, 完成日期: '2024-05-20' },
    { 学年度: 2023, 类别: '专业', 形式: '网络培训', 学时: 60, 完成日期: '2024-06-18' },
  ]);
  rec({ 申报类型: '职称评审', 申报级别: '中级', '2022年公需学时': 30, '2022年专业学时': 60, '2023年公需学时': 30, '2023年专业学时': 60, '2024年公需学时': 30, '2024年专业学时': 60 }, '培训记录：补学2020年度（不在可补年度内）', [
    { 学年度: 2020, 类别: '专业', 形式: '网络培训', 学时: 60, 完成日期: '2024-06-18' },
  ]);
  rec({ '2024年公需学时': 30 }, '培训记录：高研班证书与学术讲座（半天）', [
    { 学年度: 2024, 类别: '专业', 形式: '高研班', 学时: 40, 完成日期: '2024-07-12' },
    { 学年度: 2024, 形式: '学术讲座', 半天: 2, 完成日期: '2024-09-03' },
    { 学年度: 2024, 类别: '专业', 形式: '面授培训', 分钟: 540, 完成日期: '2024-10-11', 是否备案: '是' },
  ], {}, U(2));
  rec({ 高技能人才: '是', '2024年公需学时': 30 }, '高技能人才：职业技能培训计入专业', [
    { 学年度: 2024, 类别: '专业', 形式: '职业技能培训', 学时: 60, 完成日期: '2024-08-08' },
  ], {}, U(6));
  rec({ '2024年公需学时': 30 }, '非高技能人才：职业技能培训不计', [
    { 学年度: 2024, 类别: '专业', 形式: '职业技能培训', 学时: 60, 完成日期: '2024-08-08' },
  ], {}, U(6));
  rec({ 申报类型: '职称评审', 申报级别: '初级', '2024年公需学时': 30 }, '三科教师培训计入专业', [
    { 学年度: 2024, 类别: '专业', 形式: '三科教师培训', 学时: 60, 完成日期: '2024-07-25' },
  ]);
  rec({ '2024年专业学时': 60 }, '职称外语计算机考试不折算', [{ 学年度: 2024, 形式: '职称外语计算机考试', 完成日期: '2024-05-11' }, { 学年度: 2024, 类别: '公需', 形式: '网络培训', 学时: 20, 完成日期: '2024-05-11' }]);
  // A record for someone not on the roster (a warning, not an error).
  records.push({ 身份证号: makeId('152502', '19880808', 777), 学年度: 2024, 类别: '公需', 形式: '网络培训', 学时: 30, 完成日期: '2024-03-03' });

  // Rows the clerk must fix.
  const bad = (note: string, fields: Row, unit = U(r.int(0, UNITS.length - 1))) => special(unit, note, fields, {}, 'full');
  const wrong = bad('身份证号校验位错误', {});
  wrong.身份证号 = breakCheck(String(wrong.身份证号));
  const shortId = bad('身份证号少一位', {});
  shortId.身份证号 = String(shortId.身份证号).slice(0, 17);
  const noDate = bad('身份证号中的出生日期不存在', {});
  noDate.身份证号 = makeId(U(0).region, '19900230', 321);
  bad('职称评审未填申报级别', { 申报类型: '职称评审' });
  bad('学时不是数字', { '2024年专业学时': '六十' });
  bad('学时为负数', { '2024年公需学时': -30 });
  bad('岗位等级超出1–13', { 申报类型: '岗位聘任', 岗位等级: 15 });
  bad('转任年度晚于审验年度', { 申报类型: '职称评审', 申报级别: '中级', 党政机关转任年度: 2025 });
  const sexWrong = bad('性别与身份证号不符', {});
  sexWrong.性别 = sexWrong.性别 === '男' ? '女' : '男';
  const legacy = bad('15位旧身份证号（提示）', {}, U(3));
  legacy.身份证号 = `152502${'681203'}${'053'}`;
  legacy.性别 = '男';
  const lower = bad('身份证号末位小写x', {}, U(1));
  let x = '';
  for (let s = 0; s < 1000 && !x.endsWith('X'); s += 2) x = makeId(U(1).region, '19850612', s);
  lower.身份证号 = x.replace('X', 'x');
  lower.性别 = '女';
  bad('缺少姓名（提示）', {}).姓名 = '';

  return { rows, records };
}

export async function writeSample(path = SAMPLE_PATH): Promise<string> {
  const { rows, records } = buildSample();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ce-report make-sample';
  wb.created = new Date(Date.UTC(2024, 10, 20));
  wb.modified = wb.created;
  const ws = wb.addWorksheet('花名册');
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getCell(1, 1).value = '锡林郭勒盟2024年度专业技术人员继续教育学时花名册（示例数据，人员均为虚构）';
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getCell(2, 1).value = '填报单位：锡林郭勒盟人力资源和社会保障局（示例）';
  const head = ws.getRow(3);
  HEADERS.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
  });
  rows.forEach((row, i) => {
    const out = ws.getRow(4 + i);
    out.getCell(1).value = i + 1;
    HEADERS.forEach((h, c) => {
      if (h === '序号') return;
      const v = row[h];
      if (v === undefined || v === '') return;
      // IDs as text so Excel does not round them
      out.getCell(c + 1).value = h === '身份证号' ? String(v) : v;
    });
  });
  ws.getColumn(2).width = 12;
  ws.getColumn(3).width = 21;
  ws.getColumn(5).width = 28;
  ws.getColumn(26).width = 36;
  ws.views = [{ state: 'frozen', ySplit: 3 }];

  const rs = wb.addWorksheet('培训记录');
  rs.addRow([...RECORD_HEADERS]).font = { bold: true };
  for (const rec of records) rs.addRow(RECORD_HEADERS.map((h) => rec[h] ?? null));
  rs.getColumn(1).width = 21;
  rs.getColumn(8).width = 12;

  mkdirSync(dirname(path), { recursive: true });
  await wb.xlsx.writeFile(path);
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const p = await writeSample(process.argv[2]);
  const { rows, records } = buildSample();
  console.log(`已生成 / written: ${p}（${rows.length} 人，${records.length} 条培训记录）`);
}
