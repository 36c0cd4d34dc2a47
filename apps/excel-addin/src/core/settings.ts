/**
 * The workbook's own settings (stored in the document via Office.context.document.settings,
 * so they survive closing and reopening the workbook).
 */
import type { CivilDate } from '@ce/rules';

export type Lang = 'zh' | 'en';

export interface AddinSettings {
  /** policy pack id */
  policy?: string;
  /** review year; undefined = the pack's CE year */
  year?: number;
  /** ISO date YYYY-MM-DD; undefined = 31 Dec of the review year */
  asOf?: string;
  lang?: Lang;
  /** the sheet last checked in the pane: CE.* functions look there first */
  rosterSheet?: string;
}

export const SETTINGS_KEY = 'ce.settings';

interface DocSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(cb?: (r: { status: unknown; error?: { message: string } }) => void): void;
}

export function docSettings(): DocSettings | undefined {
  const office = (globalThis as { Office?: { context?: { document?: { settings?: DocSettings } } } }).Office;
  return office?.context?.document?.settings;
}

export function readSettings(): AddinSettings {
  const v = docSettings()?.get(SETTINGS_KEY);
  return v && typeof v === 'object' ? { ...(v as AddinSettings) } : {};
}

export function saveDocSettings(): Promise<void> {
  const s = docSettings();
  if (!s) return Promise.resolve();
  return new Promise((resolve, reject) =>
    s.saveAsync((r) => (String(r.status).toLowerCase() === 'failed' ? reject(new Error(r.error?.message ?? 'saveAsync failed')) : resolve())),
  );
}

export async function writeSettings(next: AddinSettings): Promise<void> {
  const s = docSettings();
  if (!s) return;
  s.set(SETTINGS_KEY, next);
  await saveDocSettings();
}

/** "2024-12-31" → CivilDate; anything else → undefined */
export function parseIso(text: string | undefined): CivilDate | undefined {
  if (!text) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}
