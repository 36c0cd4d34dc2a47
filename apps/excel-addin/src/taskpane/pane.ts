/**
 * The task pane: settings (stored in the workbook), the three buttons, progress,
 * counts by status and the invalid-row list. Written against the host port
 * (hosts/port.ts) only: the same pane runs beside Excel (Office.js adapter) and on
 * the offline page (file adapter); this file only wires the page.
 */
import { listPacks, STATUS_LABELS, type Status } from '@ce/rules';
import { checkAll, packOf } from '../core/check.js';
import { parseIso, takeSaveWarning, type AddinSettings, type Lang } from '../core/settings.js';
import type { SpreadsheetHost } from '../hosts/port.js';
import type { InvalidRow } from './annotate.js';
import { t, type TextKey } from './i18n.js';
import { summaryModel } from './summary-sheet.js';

const STATUSES: Status[] = ['compliant', 'non-compliant', 'exempt', 'not-restrictive', 'invalid'];

function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`#${id} missing`);
  return el;
}

export interface PaneState {
  settings: AddinSettings;
  lang: Lang;
  busy: boolean;
  last?: { sheetName: string; counts: Record<Status, number>; invalid: InvalidRow[] };
}

export interface PaneOptions {
  /** a notice shown at start (e.g. that the pane switched to file mode) */
  notice?: TextKey;
}

export function initPane(host: SpreadsheetHost, opts: PaneOptions = {}): PaneState {
  const readSettings = (): AddinSettings => host.readSettings();
  const writeSettings = (s: AddinSettings): Promise<void> => host.writeSettings(s);
  const state: PaneState = { settings: readSettings(), lang: readSettings().lang ?? 'zh', busy: false };
  const packs = listPacks();
  if (!state.settings.policy || !packs.some((p) => p.id === state.settings.policy)) {
    state.settings.policy = packs[packs.length - 1]?.id;
  }
  const policy = $('policy') as HTMLSelectElement;
  const year = $('year') as HTMLInputElement;
  const asOf = $('asof') as HTMLInputElement;
  for (const p of packs) {
    const o = document.createElement('option');
    o.value = p.id;
    o.textContent = `${p.id}：${p.title}`;
    policy.append(o);
  }
  policy.value = state.settings.policy ?? '';
  year.value = state.settings.year ? String(state.settings.year) : '';
  asOf.value = state.settings.asOf ?? '';

  const message = $('message');
  const progress = $('progress') as HTMLProgressElement;
  const say = (text: string, error = false): void => {
    message.textContent = text;
    message.classList.toggle('error', error);
  };
  const render = (): void => {
    const L = state.lang;
    document.documentElement.lang = L === 'zh' ? 'zh-CN' : 'en';
    const set = (id: string, k: TextKey): void => {
      $(id).textContent = t(L, k);
    };
    set('title', 'title');
    set('subtitle', 'subtitle');
    set('policy-label', 'policy');
    set('year-label', 'year');
    set('year-hint', 'yearHint');
    set('asof-label', 'asOf');
    set('asof-hint', 'asOfHint');
    set('check', 'check');
    set('clear', 'clear');
    set('summary', 'summary');
    set('lang', 'lang');
    set('counts-title', 'counts');
    set('invalid-title', 'invalid');
    set('functions-note', 'functionsNote');
    $('functions-note').hidden = !host.hasCellFunctions;
    set('privacy', host.privacyText);
    if (opts.notice && !message.textContent) say(t(L, opts.notice));
    const pack = packs.find((p) => p.id === policy.value);
    year.placeholder = pack ? String(pack.ceYear) : '';
    renderResults();
  };
  const renderResults = (): void => {
    const box = $('results');
    const last = state.last;
    if (!last) {
      box.hidden = true;
      return;
    }
    box.hidden = false;
    const tbody = $('counts').querySelector('tbody');
    if (!tbody) throw new Error('#counts tbody missing');
    tbody.replaceChildren(
      ...STATUSES.map((s) => {
        const tr = document.createElement('tr');
        tr.dataset.count = s;
        const a = document.createElement('td');
        const sw = document.createElement('span');
        sw.className = `swatch s-${s}`;
        a.append(sw, STATUS_LABELS[s][state.lang]);
        const b = document.createElement('td');
        b.textContent = String(last.counts[s]);
        tr.append(a, b);
        return tr;
      }),
    );
    const list = $('invalid');
    if (last.invalid.length === 0) {
      const li = document.createElement('li');
      li.textContent = t(state.lang, 'noInvalid');
      list.replaceChildren(li);
      return;
    }
    const sheetName = last.sheetName;
    list.replaceChildren(
      ...last.invalid.map((r) => {
        const li = document.createElement('li');
        const btn = document.createElement('button');
        btn.type = 'button';
        btn.dataset.gotoRow = String(r.row);
        btn.textContent = `${t(state.lang, 'row', { row: r.row })} ${r.name}：${r.message}`;
        btn.addEventListener('click', () => void host.selectRow(sheetName, r.row).catch((e: unknown) => say(t(state.lang, 'error', { message: String(e) }), true)));
        li.append(btn);
        return li;
      }),
    );
  };

  const save = async (): Promise<void> => {
    const y = year.value.trim() === '' ? undefined : Number(year.value);
    state.settings = {
      ...state.settings,
      policy: policy.value,
      year: y !== undefined && Number.isInteger(y) ? y : undefined,
      asOf: parseIso(asOf.value) ? asOf.value : undefined,
      lang: state.lang,
    };
    await writeSettings(state.settings);
  };
  policy.addEventListener('change', () => void save().then(render));
  year.addEventListener('change', () => void save());
  asOf.addEventListener('change', () => void save());
  $('lang').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    void save().then(render);
  });

  const buttons = ['check', 'clear', 'summary'].map((id) => $(id) as HTMLButtonElement);
  const run = async (f: () => Promise<void>): Promise<void> => {
    if (state.busy) return;
    state.busy = true;
    buttons.forEach((b) => (b.disabled = true));
    $('app').setAttribute('aria-busy', 'true');
    try {
      await save();
      await f();
      // a settings save that failed does not undo the work: say so after the result
      const w = takeSaveWarning();
      if (w) say(`${message.textContent ?? ''} ${t(state.lang, 'settingsNotSaved', { message: w })}`.trim(), message.classList.contains('error'));
    } catch (e) {
      say(t(state.lang, 'error', { message: e instanceof Error ? e.message : String(e) }), true);
    } finally {
      state.busy = false;
      buttons.forEach((b) => (b.disabled = false));
      progress.hidden = true;
      $('app').setAttribute('aria-busy', 'false');
    }
  };
  const checkSettings = () => ({
    policy: state.settings.policy ?? '',
    year: state.settings.year,
    asOf: parseIso(state.settings.asOf),
  });

  $('check').addEventListener('click', () =>
    void run(async () => {
      progress.hidden = false;
      progress.value = 0;
      say(t(state.lang, 'reading'));
      const out = await host.annotate({
        settings: checkSettings(),
        lang: state.lang,
        onProgress: async (phase, done, total) => {
          if (phase === 'read') return;
          progress.value = total === 0 ? 100 : Math.round(((phase === 'check' ? 0 : 50) + (50 * done) / total));
          say(t(state.lang, phase === 'check' ? 'checking' : 'writing', { done, total }));
          await new Promise((r) => setTimeout(r, 0));
        },
      });
      if (!out.ok) {
        say(out.reason, true);
        return;
      }
      state.settings.rosterSheet = out.sheetName;
      await writeSettings(state.settings);
      state.last = { sheetName: out.sheetName, counts: out.counts, invalid: out.invalid };
      renderResults();
      say(
        t(state.lang, 'done', { n: out.results.length, address: `${out.sheetName}!${out.address}` }) +
          (out.unmatchedRecords > 0 ? ` ${t(state.lang, 'unmatched', { n: out.unmatchedRecords })}` : ''),
      );
    }),
  );
  $('clear').addEventListener('click', () =>
    void run(async () => {
      const out = await host.clear();
      if (!out.ok) say(out.reason, true);
      else {
        state.last = undefined;
        renderResults();
        say(t(state.lang, 'cleared', { address: out.address }));
      }
    }),
  );
  $('summary').addEventListener('click', () =>
    void run(async () => {
      const settings = checkSettings();
      const pack = packOf(settings.policy);
      const read = await host.readRoster();
      if (!read) {
        say(t(state.lang, 'needCheck'), true);
        return;
      }
      const results = await checkAll(read, { ...settings, explain: false });
      const reviewYear = settings.year ?? results.find((r) => r.reviewYear)?.reviewYear ?? pack.ceYear;
      const model = summaryModel({
        results,
        people: read.roster.people,
        pack,
        reviewYear,
        asOf: settings.asOf ?? { year: reviewYear, month: 12, day: 31 },
      });
      const out = await host.writeSummary(model);
      if (!out.ok) say(out.reason, true);
      else say(t(state.lang, 'summaryDone', { rows: out.rows }));
    }),
  );
  // the full explanation of the selected row, from the 说明 cell the add-in wrote
  const showExplanation = async (worksheetId: string, row0: number): Promise<void> => {
    const hit = row0 >= 0 ? await host.explanationAt(worksheetId, row0) : undefined;
    const box = $('explain-box');
    box.hidden = !hit;
    if (hit) {
      $('explain-title').textContent = t(state.lang, 'explainTitle', { row: hit.row });
      $('explain').textContent = hit.text;
    }
  };
  host.onSelectionChanged((e) => void showExplanation(e.sheetId, e.row0).catch(() => undefined));

  render();
  $('app').setAttribute('aria-busy', 'false');
  return state;
}
