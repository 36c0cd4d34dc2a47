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

/** the last saveAsync failure not yet shown to the clerk */
let saveWarning: string | undefined;

/** the pending settings-save warning (and forget it): the pane shows it after a button */
export function takeSaveWarning(): string | undefined {
  const w = saveWarning;
  saveWarning = undefined;
  return w;
}

/**
 * Persists the document settings. A failure never rejects: the values stay set for this
 * session, the work already done in the sheet stands (and is recorded in the workbook
 * itself, see taskpane/ledger.ts), and the pane warns (office-js #761, #6091, #5206:
 * settings that fail to save or to persist).
 */
export function saveDocSettings(): Promise<string | undefined> {
  const s = docSettings();
  if (!s) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const fail = (message: string): void => {
      saveWarning = message;
      console.warn(`settings.saveAsync: ${message}`);
      resolve(message);
    };
    try {
      s.saveAsync((r) => (String(r.status).toLowerCase() === 'failed' ? fail(r.error?.message ?? 'saveAsync failed') : resolve(undefined)));
    } catch (e) {
      fail(e instanceof Error ? e.message : String(e));
    }
  });
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
