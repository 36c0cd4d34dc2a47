/**
 * A WPS 表格 double: exactly the subset of the ET object model the add-in uses, shaped
 * after et-jsapi-declare (Et.Application / Workbook / Sheets / Worksheet / Range /
 * Interior, WPS.EtAddonRoot's ApiEvent and AddCustomFunction) and the VBA semantics ET
 * follows. What it ASSUMES about real WPS (never checked against it — there is no WPS here):
 * - synchronous calls; 1-based Cells.Item(row, col); Resize(rows, cols);
 * - Value2 of one cell is a scalar, of a block a 2-D array (rows of columns), empty = undefined;
 *   assigning a 2-D array must match the block's size (Excel would pad with #N/A);
 * - a string written starting with "'" is stored as text without the apostrophe, one starting
 *   with "=" becomes a formula (so a test catches an explanation mistaken for a formula);
 * - UsedRange is the bounding box of cells with a value or a fill and of merged areas (A1 on an empty sheet);
 * - MergeCells is true/false/null (mixed); MergeArea of a cell is its merged area or itself;
 * - Interior.Color is BGR; setting it makes the fill solid; Pattern = xlNone (-4142) removes
 *   the fill (Color then reads 16777215); a block whose cells differ reads null;
 * - Worksheets.Add(before, after) activates the new sheet (as Excel does);
 * - every Value2 assignment and ClearContents fires SheetChange(sheet, range), as a user edit does;
 *   Select fires SheetSelectionChange;
 * - AddCustomFunction(ns, name, fn, meta) keeps the function; calc() calls it as WPS would for
 *   =NS.NAME(args): synchronously, a throw becomes an error cell.
 */
export type Value = string | number | boolean | undefined;
const XL_NONE = -4142;
const WHITE = 16777215;

interface Cell {
  value?: Value;
  formula?: string;
  pattern: number;
  color: number;
  bold: boolean;
}

export interface Area {
  r1: number;
  c1: number;
  rows: number;
  cols: number;
}

export interface WriteLog {
  sheet: string;
  row: number;
  rows: number;
  cols: number;
}

type Listener = (...args: unknown[]) => void;

export class DoubleSheet {
  readonly cells = new Map<string, Cell>();
  readonly merges: Area[] = [];
  readonly hiddenRows = new Set<number>();
  readonly hiddenCols = new Set<number>();
  Visible = -1;
  constructor(
    readonly book: DoubleBook,
    public Name: string,
  ) {}

  cell(r: number, c: number, create = false): Cell | undefined {
    const k = `${r},${c}`;
    let x = this.cells.get(k);
    if (!x && create) {
      x = { pattern: XL_NONE, color: WHITE, bold: false };
      this.cells.set(k, x);
    }
    return x;
  }

  get Cells(): DoubleRange {
    return new DoubleRange(this, { r1: 1, c1: 1, rows: 1048576, cols: 16384 });
  }

  get UsedRange(): DoubleRange {
    let r1 = Infinity,
      c1 = Infinity,
      r2 = 0,
      c2 = 0;
    for (const [k, v] of this.cells) {
      if (v.value === undefined && v.formula === undefined && v.pattern === XL_NONE && !v.bold) continue;
      const [r, c] = k.split(',').map(Number) as [number, number];
      r1 = Math.min(r1, r);
      c1 = Math.min(c1, c);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    }
    // merged areas are formatted cells: part of the used range even when empty (as in Excel)
    for (const m of this.merges) {
      r1 = Math.min(r1, m.r1);
      c1 = Math.min(c1, m.c1);
      r2 = Math.max(r2, m.r1 + m.rows - 1);
      c2 = Math.max(c2, m.c1 + m.cols - 1);
    }
    if (r2 === 0) return new DoubleRange(this, { r1: 1, c1: 1, rows: 1, cols: 1 });
    return new DoubleRange(this, { r1, c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 });
  }

  get Index(): number {
    return this.book.sheets.indexOf(this) + 1;
  }

  Activate(): void {
    this.book.active = this;
  }

  /** test helper: a grid placed at A1 (row 1 = grid[0]) */
  load(grid: readonly (readonly Value[])[], r1 = 1, c1 = 1): void {
    grid.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v !== undefined && v !== '') this.cell(r1 + i, c1 + j, true)!.value = v;
      }),
    );
  }

  merge(a: Area): void {
    this.merges.push(a);
  }

  /** test helper: a snapshot of every cell (value, formula, fill, bold) */
  snapshot(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [k, v] of this.cells) {
      if (v.value === undefined && v.formula === undefined && v.pattern === XL_NONE && !v.bold) continue;
      out.set(k, JSON.stringify([v.value, v.formula, v.pattern, v.pattern === XL_NONE ? null : v.color, v.bold]));
    }
    return out;
  }
}

class DoubleInterior {
  constructor(private readonly range: DoubleRange) {}
  private uniform(f: (c: Cell) => number): number | null {
    let seen: number | undefined;
    for (const c of this.range.each()) {
      const v = f(c);
      if (seen === undefined) seen = v;
      else if (seen !== v) return null;
    }
    return seen ?? null;
  }
  get Pattern(): number | null {
    return this.uniform((c) => c.pattern);
  }
  set Pattern(p: number) {
    for (const c of this.range.each(true)) {
      c.pattern = p;
      if (p === XL_NONE) c.color = WHITE;
    }
  }
  get Color(): number | null {
    return this.uniform((c) => c.color);
  }
  set Color(v: number) {
    for (const c of this.range.each(true)) {
      if (c.pattern === XL_NONE) c.pattern = 1;
      c.color = v;
    }
  }
}

export class DoubleRange {
  constructor(
    readonly sheet: DoubleSheet,
    readonly a: Area,
  ) {}

  get Row(): number {
    return this.a.r1;
  }
  get Column(): number {
    return this.a.c1;
  }
  get Rows(): { Count: number } {
    return { Count: this.a.rows };
  }
  get Columns(): { Count: number } {
    return { Count: this.a.cols };
  }
  get Count(): number {
    return this.a.rows * this.a.cols;
  }
  get Worksheet(): DoubleSheet {
    return this.sheet;
  }

  /** Cells.Item(row, col): 1-based, relative to this range's top-left */
  Item(row: number, col: number): DoubleRange {
    if (!Number.isInteger(row) || !Number.isInteger(col) || row < 1 || col < 1) throw new Error(`Item(${row}, ${col}): 1-based integers`);
    return new DoubleRange(this.sheet, { r1: this.a.r1 + row - 1, c1: this.a.c1 + col - 1, rows: 1, cols: 1 });
  }
  get Cells(): DoubleRange {
    return this;
  }
  Resize(rows: number, cols: number): DoubleRange {
    if (rows < 1 || cols < 1) throw new Error(`Resize(${rows}, ${cols})`);
    return new DoubleRange(this.sheet, { ...this.a, rows, cols });
  }

  *each(create = false): Generator<Cell> {
    if (!create && this.a.rows * this.a.cols > this.sheet.cells.size) {
      // a big block (Cells, whole columns): only the cells that exist can differ from blank
      const { r1, c1, rows, cols } = this.a;
      let blank = false;
      let n = 0;
      for (const [k, x] of this.sheet.cells) {
        const [r, c] = k.split(',').map(Number) as [number, number];
        if (r >= r1 && r < r1 + rows && c >= c1 && c < c1 + cols) {
          n++;
          yield x;
        }
      }
      if (n < rows * cols) blank = true;
      if (blank) yield { pattern: XL_NONE, color: WHITE, bold: false };
      return;
    }
    for (let r = this.a.r1; r < this.a.r1 + this.a.rows; r++)
      for (let c = this.a.c1; c < this.a.c1 + this.a.cols; c++) {
        const x = this.sheet.cell(r, c, create);
        yield x ?? { pattern: XL_NONE, color: WHITE, bold: false };
      }
  }

  get Value2(): Value | Value[][] {
    const read = (r: number, c: number): Value => {
      const x = this.sheet.cell(r, c);
      return x?.formula !== undefined ? x.value ?? 0 : x?.value;
    };
    if (this.a.rows === 1 && this.a.cols === 1) return read(this.a.r1, this.a.c1);
    if (this.a.rows * this.a.cols > 5_000_000) throw new Error('double: block too large to read');
    const out: Value[][] = [];
    for (let r = 0; r < this.a.rows; r++) {
      const row: Value[] = [];
      for (let c = 0; c < this.a.cols; c++) row.push(read(this.a.r1 + r, this.a.c1 + c));
      out.push(row);
    }
    return out;
  }

  set Value2(v: Value | Value[][]) {
    const grid = Array.isArray(v) ? v : [[v]];
    if (grid.length !== this.a.rows || grid.some((r) => !Array.isArray(r) || r.length !== this.a.cols)) {
      throw new Error(`double: Value2 of ${this.a.rows}×${this.a.cols} set with a ${grid.length}-row array`);
    }
    grid.forEach((row, i) =>
      row.forEach((x, j) => {
        const cell = this.sheet.cell(this.a.r1 + i, this.a.c1 + j, true)!;
        cell.formula = undefined;
        if (typeof x === 'string' && x.startsWith("'")) cell.value = x.slice(1);
        else if (typeof x === 'string' && x.startsWith('=')) {
          cell.formula = x;
          cell.value = undefined;
        } else cell.value = x === '' ? undefined : x;
      }),
    );
    this.sheet.book.writes.push({ sheet: this.sheet.Name, row: this.a.r1, rows: this.a.rows, cols: this.a.cols });
    this.sheet.book.fire('SheetChange', this.sheet, this);
  }

  ClearContents(): boolean {
    for (const c of this.each()) {
      c.value = undefined;
      c.formula = undefined;
    }
    this.sheet.book.fire('SheetChange', this.sheet, this);
    return true;
  }

  get Interior(): DoubleInterior {
    return new DoubleInterior(this);
  }

  get Font(): { Bold: boolean } {
    const range = this;
    return {
      get Bold() {
        return [...range.each()].every((c) => c.bold);
      },
      set Bold(b: boolean) {
        for (const c of range.each(true)) c.bold = b;
      },
    };
  }

  private mergeOf(r: number, c: number): Area | undefined {
    return this.sheet.merges.find((m) => r >= m.r1 && r < m.r1 + m.rows && c >= m.c1 && c < m.c1 + m.cols);
  }

  get MergeCells(): boolean | null {
    let any = false,
      all = true;
    for (let r = this.a.r1; r < this.a.r1 + this.a.rows; r++)
      for (let c = this.a.c1; c < this.a.c1 + this.a.cols; c++) {
        if (this.mergeOf(r, c)) any = true;
        else all = false;
      }
    return all ? true : any ? null : false;
  }

  get MergeArea(): DoubleRange {
    const m = this.mergeOf(this.a.r1, this.a.c1);
    return m ? new DoubleRange(this.sheet, m) : new DoubleRange(this.sheet, { ...this.a, rows: 1, cols: 1 });
  }

  get EntireRow(): { Hidden: boolean } {
    const s = this.sheet;
    const r = this.a.r1;
    return {
      get Hidden() {
        return s.hiddenRows.has(r);
      },
      set Hidden(h: boolean) {
        if (h) s.hiddenRows.add(r);
        else s.hiddenRows.delete(r);
      },
    };
  }

  get EntireColumn(): { Hidden: boolean } {
    const s = this.sheet;
    const c = this.a.c1;
    return {
      get Hidden() {
        return s.hiddenCols.has(c);
      },
      set Hidden(h: boolean) {
        if (h) s.hiddenCols.add(c);
        else s.hiddenCols.delete(c);
      },
    };
  }

  Select(): boolean {
    this.sheet.book.active = this.sheet;
    this.sheet.book.selection = this;
    this.sheet.book.fire('SheetSelectionChange', this.sheet, this);
    return true;
  }
}

export class DoubleBook {
  readonly sheets: DoubleSheet[] = [];
  active!: DoubleSheet;
  selection?: DoubleRange;
  readonly writes: WriteLog[] = [];
  readonly listeners = new Map<string, Listener[]>();
  Name = '花名册.xlsx';

  addSheet(name: string): DoubleSheet {
    const s = new DoubleSheet(this, name);
    this.sheets.push(s);
    this.active ??= s;
    return s;
  }

  fire(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }

  get Worksheets() {
    const book = this;
    return {
      get Count() {
        return book.sheets.length;
      },
      Item(i: number | string): DoubleSheet {
        const s = typeof i === 'number' ? book.sheets[i - 1] : book.sheets.find((x) => x.Name === i);
        if (!s) throw new Error(`double: no sheet ${i}`);
        return s;
      },
      Add(before?: DoubleSheet, after?: DoubleSheet): DoubleSheet {
        let n = book.sheets.length + 1;
        while (book.sheets.some((s) => s.Name === `Sheet${n}`)) n++;
        const s = new DoubleSheet(book, `Sheet${n}`);
        const at = before ? book.sheets.indexOf(before) : after ? book.sheets.indexOf(after) + 1 : book.sheets.indexOf(book.active);
        book.sheets.splice(at, 0, s);
        book.active = s;
        book.fire('WorkbookNewSheet', book, s);
        return s;
      },
    };
  }
}

export interface Registered {
  namespace: string;
  name: string;
  fn: (...args: unknown[]) => unknown;
  metadata: { description?: string; result: { type?: string }; parameters: { name?: string; type?: string; description?: string }[] };
}

/** `window.wps` for one open workbook. */
export function makeWps(book: DoubleBook, opts: { customFunctions?: boolean } = {}) {
  const functions = new Map<string, Registered>();
  const app = {
    get ActiveSheet() {
      return book.active;
    },
    get ActiveWorkbook() {
      return book;
    },
    ScreenUpdating: true,
  };
  const root: Record<string, unknown> = {
    ...{},
    get ActiveSheet() {
      return book.active;
    },
    get ActiveWorkbook() {
      return book;
    },
    EtApplication: () => app,
    ApiEvent: {
      AddApiEventListener(name: string, cb: Listener) {
        const list = book.listeners.get(name) ?? [];
        list.push(cb);
        book.listeners.set(name, list);
      },
      RemoveApiEventListener(name: string, cb?: Listener) {
        book.listeners.set(name, cb ? (book.listeners.get(name) ?? []).filter((l) => l !== cb) : []);
      },
    },
    PluginStorage: new Map<string, string>(),
    panes: [] as { url: string; Visible: boolean; ID: number }[],
    CreateTaskPane(url: string) {
      const panes = root.panes as { url: string; Visible: boolean; ID: number }[];
      const p = { url, Visible: false, ID: panes.length + 1, DockPosition: 2, Width: 360 };
      panes.push(p);
      return p;
    },
    GetTaskPane(id: number) {
      return (root.panes as { ID: number }[]).find((p) => p.ID === id);
    },
  };
  if (opts.customFunctions !== false) {
    root.AddCustomFunction = (namespace: string, name: string, fn: Registered['fn'], metadata: Registered['metadata']) => {
      functions.set(`${namespace}.${name}`.toUpperCase(), { namespace, name, fn, metadata });
    };
  }
  /** =NS.NAME(args) as WPS evaluates it: synchronously; a throw is an error cell */
  const calc = (formula: string, ...args: unknown[]): { value: unknown } | { error: string } => {
    const f = functions.get(formula.toUpperCase());
    if (!f) return { error: '#NAME?' };
    try {
      const v = f.fn(...args);
      if (v instanceof Promise) return { error: 'double: a custom function returned a Promise (WPS calls them synchronously)' };
      return { value: v };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  };
  return { root, app, functions, calc };
}
