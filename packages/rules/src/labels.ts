/** Chinese labels of purposes and levels, shared by the evaluator and the explanation (a module of its own: no cycle). */
import type { Level, Purpose } from './types.js';

export const PURPOSE_LABELS: Record<Purpose, string> = {
  annual: '年度审验',
  title: '职称评审',
  assessment: '考核认定',
  post: '岗位聘任',
};

export const LEVEL_LABELS: Record<Level, string> = {
  'senior-full': '正高级',
  'senior-deputy': '副高级',
  intermediate: '中级',
  junior: '初级',
  assistant: '助理级',
  clerk: '员级',
};
