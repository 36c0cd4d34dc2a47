/** A one-line progress bar on stderr, only for large rosters and only when stderr is a terminal. */
export interface Progress {
  update(done: number, total: number, label: string): void;
  done(): void;
}

export const LARGE_ROSTER = 500;

export function progressBar(write: (s: string) => void, enabled: boolean): Progress {
  if (!enabled) return { update() {}, done() {} };
  let last = -1;
  let shown = false;
  return {
    update(done, total, label) {
      const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
      if (pct === last) return;
      last = pct;
      shown = true;
      const n = Math.round(pct / 4);
      write(`\r[${'#'.repeat(n)}${'.'.repeat(25 - n)}] ${String(pct).padStart(3)}% ${label}\u001b[K`);
    },
    done() {
      if (shown) write('\r\u001b[K');
    },
  };
}
