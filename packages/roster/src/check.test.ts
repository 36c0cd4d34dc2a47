import { describe, expect, it } from 'vitest';
import { getPack } from '@ce/rules';
import { checkRoster, evaluatePeople, groupRecordsById, recordsKey } from './check.js';
import { readRecords, readRoster } from './reader.js';

const roster = [
  ['姓名', '身份证号', '2024年公需学时', '2024年专业学时'],
  ['赵敏', '15250219880920136X', 30, 0],
  ['刘洋', '152502199001051498', 0, 0],
];
const records = [
  ['身份证号', '学年度', '类别', '形式', '学时', '完成日期'],
  ['15250219880920136x', 2024, '专业', '网络培训', 60, '2024-03-01'],
  ['152502199001051498', 2024, '公需', '网络培训', 30, '2024-04-01'],
  ['152502198007011257', 2024, '公需', '网络培训', 30, '2024-04-01'],
];

describe('checkRoster', () => {
  const people = readRoster(roster).people;
  const recs = readRecords(records).records;

  it('pairs each person with their own records (x = X) and keeps sheet order', () => {
    const { results } = checkRoster(people, recs, getPack('xilingol-2024')!);
    expect(results.map((r) => [r.row, r.status, r.missing?.total])).toEqual([
      [2, 'compliant', 0],
      [3, 'non-compliant', 60],
    ]);
  });

  it('returns records whose ID is on no roster row, by key', () => {
    const { unmatchedRecords } = checkRoster(people, recs, getPack('xilingol-2024')!);
    expect([...unmatchedRecords.keys()]).toEqual(['152502198007011257']);
    expect(unmatchedRecords.get('152502198007011257')![0]!.row).toBe(4);
  });

  it('reports progress and ends at the total', () => {
    const seen: [number, number][] = [];
    checkRoster(people, recs, getPack('xilingol-2024')!, { onProgress: (d, t) => seen.push([d, t]), progressEvery: 1 });
    expect(seen.at(-1)).toEqual([2, 2]);
    expect(seen.length).toBeGreaterThanOrEqual(2);
  });

  it('files records under the trimmed, upper-cased ID', () => {
    expect(recordsKey(' 15250219880920136x ')).toBe('15250219880920136X');
    expect([...groupRecordsById(recs).keys()]).toHaveLength(3);
  });
});

describe('evaluatePeople', () => {
  it('gives the same results as checkRoster from records already grouped by key', () => {
    const people = readRoster(roster).people;
    const recs = readRecords(records).records;
    const pack = getPack('xilingol-2024')!;
    expect(evaluatePeople(people, groupRecordsById(recs), pack)).toEqual(checkRoster(people, recs, pack).results);
  });
});
