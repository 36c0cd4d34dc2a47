/**
 * Which host the pane runs in, decided once at start. Inside Excel: Office.js.
 * Anywhere else — a plain browser, office.js blocked or unreachable (the offline page
 * never loads it), or Office.onReady reporting no host — the file adapter, and the
 * pane says so instead of failing with "Excel is not defined".
 */
export type Detected = 'excel' | 'none';

interface OfficeLike {
  onReady(cb?: (info: { host: unknown }) => void): Promise<{ host: unknown }> | void;
  HostType?: { Excel?: unknown };
}

/** how long to wait for Office.onReady before deciding that no Office host is there */
export const READY_TIMEOUT_MS = 5000;

export async function detectHost(timeoutMs = READY_TIMEOUT_MS): Promise<Detected> {
  const office = (globalThis as { Office?: OfficeLike }).Office;
  if (!office || typeof office.onReady !== 'function') return 'none';
  const info = await new Promise<{ host: unknown } | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    try {
      void office.onReady((i) => {
        clearTimeout(timer);
        resolve(i);
      });
    } catch {
      clearTimeout(timer);
      resolve(undefined);
    }
  });
  const excel = office.HostType?.Excel ?? 'Excel';
  const hasExcel = typeof (globalThis as { Excel?: { run?: unknown } }).Excel?.run === 'function';
  return info && info.host === excel && hasExcel ? 'excel' : 'none';
}
