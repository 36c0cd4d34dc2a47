import { describe, expect, it } from 'vitest';
import { person, run } from './test-support.js';
import { evaluate } from './evaluator.js';
import { getPack } from './packs/index.js';

describe('evaluator messages', () => {
  it('an error about a column the sheet lacks names the column to add', () => {
    const r = run('xilingol-2024', person({ purpose: 'post' }));
    expect(r.status).toBe('invalid');
    expect(r.errors[0]).toMatchObject({ header: '岗位等级' });
    expect(r.errors[0]!.message).toContain('表中没有“岗位等级”列');
  });

  it('an error about a present cell names its column letter, header and value', () => {
    const r = run('xilingol-2024', person({ purpose: 'post', postGrade: 15, cells: { postGrade: { row: 4, column: 'K', header: '岗位等级', value: '15' } } }));
    expect(r.errors[0]).toMatchObject({ column: 'K', header: '岗位等级', value: '15' });
    expect(r.explanation!.at(-1)).toContain('K列');
  });

  it('the explanation names the notice by its issuer and its own document number or date', () => {
    expect(run('alxa-2025', person()).explanation![0]).toContain('阿拉善盟人力资源和社会保障局《关于做好全盟2025年专业技术人员继续教育工作的通知》（2025-01-02）');
    expect(run('xilingol-2024', person()).explanation![0]).toContain('锡人社办字〔2024〕11号');
  });

  it('without explain, no explanation text is built', () => {
    const r = evaluate(person({ hours: { 2024: [30, 0] } }), [], getPack('xilingol-2024')!);
    expect(r.explanation).toBeUndefined();
    expect(r.status).toBe('non-compliant');
  });
});
