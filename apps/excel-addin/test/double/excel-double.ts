/**
 * An in-memory double of the Office.js / Excel JavaScript API subset the add-in uses.
 *
 * Faithful where it matters for correctness of the add-in:
 *  - proxy objects: every read/write is queued and only happens at `context.sync()`;
 *  - reading a property that was not `load`ed and synced throws PropertyNotLoaded
 *    (the message Office.js uses); loaded values are a snapshot taken at sync;
 *  - errors (ItemNotFound, InvalidArgument) surface at sync, like Office.js;
 *  - the payload of each sync is measured (UTF-8 bytes of the JSON of every queued
 *    write) and a sync above the 5 MB Excel-on-the-web limit is rejected with
 *    RequestPayloadSizeLimitExceeded;
 *  - onChanged events fire after the sync that changed cells (and after user edits);
 *  - Office.context.document.settings persist only after saveAsync (reopen() drops the rest).
 * Not modelled: formula evaluation, merged cells, table auto-expansion, undo.
 */

export type CellValue = string | number | boolean;

export interface CellData {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  wrap?: boolean;
}

export interface CondFormatData {
  address: string;
  r0: number;
  c0: number;
  rows: number;
  cols: number;
  type: string;
  rule?: { operator: string; text: string };
  fill?: string;
  fontColor?: string;
}

export interface TableData {
  name: string;
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

export interface SheetData {
  id: string;
  name: string;
  get cells(): CellStore;
  /** a plain "r,c"-keyed Map assigned here is copied into a CellStore */
  set cells(v: Map<string, CellData>);
  tables: TableData[];
  cfs: CondFormatData[];
  columnWidths: Map<number, number>;
  page: Record<string, unknown>;
}

export interface SyncRecord {
  ops: number;
  /** request payload: the JSON of every queued write */
  bytes: number;
  /** response payload: the JSON of every value loaded */
  responseBytes: number;
}

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

const key = (r: number, c: number): string => `${r},${c}`;

/**
 * A sheet's cells, stored as sparse row arrays so that touching a cell costs
 * O(1) without building a string key, and visiting a rectangle costs the
 * cells in it (a string-keyed Map cost 89 % of a 100k-row annotation run).
 * The Map-like methods (get/set/delete by "r,c" key, iteration of [key, cell])
 * keep the tests that poke cells directly working.
 */
export class CellStore extends Map<string, CellData> {
  private rows: (CellData | undefined)[][] = [];
  private count = 0;
  /** bumped on every put/remove/clear: lets usedRect reuse its last answer */
  version = 0;
  /** a store holding the cells of a plain "r,c"-keyed map (tests that rebuild a sheet assign one) */
  static of(map: Map<string, CellData>): CellStore {
    if (map instanceof CellStore) return map;
    const s = new CellStore();
    for (const [k, v] of map) s.set(k, v);
    return s;
  }
  at(r: number, c: number): CellData | undefined {
    return this.rows[r]?.[c];
  }
  put(r: number, c: number, cell: CellData): void {
    const row = (this.rows[r] ??= []);
    if (row[c] === undefined) this.count++;
    row[c] = cell;
    this.version++;
  }
  remove(r: number, c: number): void {
    const row = this.rows[r];
    if (row?.[c] === undefined) return;
    row[c] = undefined;
    this.count--;
    this.version++;
  }
  /** every stored cell with r0 ≤ r < r1, c0 ≤ c < c1 (visits only rows that exist) */
  *within(r0: number, r1: number, c0: number, c1: number): Generator<[number, number, CellData]> {
    const end = Math.min(r1, this.rows.length);
    for (let r = Math.max(0, r0); r < end; r++) {
      const row = this.rows[r];
      if (!row) continue;
      const ce = Math.min(c1, row.length);
      for (let c = Math.max(0, c0); c < ce; c++) {
        const cell = row[c];
        if (cell !== undefined) yield [r, c, cell];
      }
    }
  }
  cells(): Generator<[number, number, CellData]> {
    return this.within(0, Infinity, 0, Infinity);
  }
  // the Map interface, by "r,c" key
  override get size(): number {
    return this.count;
  }
  override get(k: string): CellData | undefined {
    const [r, c] = split(k);
    return this.at(r, c);
  }
  override has(k: string): boolean {
    return this.get(k) !== undefined;
  }
  override set(k: string, cell: CellData): this {
    const [r, c] = split(k);
    this.put(r, c, cell);
    return this;
  }
  override delete(k: string): boolean {
    const had = this.has(k);
    const [r, c] = split(k);
    this.remove(r, c);
    return had;
  }
  override clear(): void {
    this.rows = [];
    this.count = 0;
    this.version++;
  }
  override forEach(f: (cell: CellData, k: string, map: Map<string, CellData>) => void): void {
    for (const [r, c, cell] of this.cells()) f(cell, key(r, c), this);
  }
  override entries(): MapIterator<[string, CellData]> {
    return new Map([...this.cells()].map(([r, c, cell]) => [key(r, c), cell] as const)).entries();
  }
  override keys(): MapIterator<string> {
    return new Map([...this.cells()].map(([r, c, cell]) => [key(r, c), cell] as const)).keys();
  }
  override values(): MapIterator<CellData> {
    return new Map([...this.cells()].map(([r, c, cell]) => [key(r, c), cell] as const)).values();
  }
  override [Symbol.iterator](): MapIterator<[string, CellData]> {
    return this.entries();
  }
}
const split = (k: string): [number, number] => k.split(',').map(Number) as [number, number];

export function colLetter(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_\u4e00-\u9fff]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function a1(r0: number, c0: number, rows: number, cols: number): string {
  const tl = `${colLetter(c0)}${r0 + 1}`;
  if (rows === 1 && cols === 1) return tl;
  return `${tl}:${colLetter(c0 + cols - 1)}${r0 + rows}`;
}

interface Rect {
  r0: number;
  c0: number;
  rows: number;
  cols: number;
}

/** Parses "A1", "A1:C3", "3:5" (rows), "B:D" (columns), optionally "Sheet!…". */
export function parseAddress(address: string): { sheet?: string; rect: Rect } {
  let sheet: string | undefined;
  let ref = address;
  const bang = address.lastIndexOf('!');
  if (bang >= 0) {
    sheet = address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    ref = address.slice(bang + 1);
  }
  ref = ref.replace(/\$/g, '').toUpperCase();
  const [a, b = a] = ref.split(':') as [string, string?];
  const part = (p: string): { r?: number; c?: number } => {
    const m = /^([A-Z]*)(\d*)$/.exec(p);
    if (!m || (m[1] === '' && m[2] === '')) throw officeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format. (${address})`);
    return { c: m[1] ? colIndex(m[1]) : undefined, r: m[2] ? Number(m[2]) - 1 : undefined };
  };
  const p1 = part(a);
  const p2 = part(b!);
  const MAXR = 1048576;
  const MAXC = 16384;
  const r1 = p1.r ?? 0;
  const r2 = p2.r ?? MAXR - 1;
  const c1 = p1.c ?? 0;
  const c2 = p2.c ?? MAXC - 1;
  return {
    sheet,
    rect: { r0: Math.min(r1, r2), c0: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 },
  };
}

export class OfficeError extends Error {
  code: string;
  debugInfo: { code: string; message: string };
  constructor(code: string, message: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message };
  }
}

function officeError(code: string, message: string): OfficeError {
  return new OfficeError(code, message);
}

function notLoaded(name: string): OfficeError {
  return officeError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

const utf8 = new TextEncoder();
/**
 * Milliseconds spent in the double itself (running synced operations and
 * measuring payloads), so a benchmark can say how much of a run is the add-in.
 */
export const doubleTime = { ms: 0, running: false };

function bytesOf(x: unknown): number {
  if (doubleTime.running) return utf8.encode(JSON.stringify(x) ?? '').length; // counted by sync
  const t0 = performance.now();
  const n = utf8.encode(JSON.stringify(x) ?? '').length;
  doubleTime.ms += performance.now() - t0;
  return n;
}

type Handler = (args: Record<string, unknown>) => unknown;

class EventSource {
  handlers: Handler[] = [];
  constructor(private readonly ctx: RequestContext) {}
  add(h: Handler): { remove(): void } {
    this.ctx._queue(0, () => {
      this.handlers.push(h);
    });
    return {
      remove: () => {
        this.ctx._queue(0, () => {
          this.handlers = this.handlers.filter((x) => x !== h);
        });
      },
    };
  }
}

/** Base of every proxy: load() queues a snapshot, reads throw until synced. */
class ClientObject {
  protected readonly _loaded = new Map<string, unknown>();
  constructor(readonly context: RequestContext) {}
  /** computes a property's current value from the model (at sync time) */
  protected _compute(_prop: string): unknown {
    throw officeError('InvalidArgument', `Unknown property ${_prop}`);
  }
  /** child objects for "format/fill/color"-style paths */
  protected _child(_name: string): ClientObject | undefined {
    return undefined;
  }
  protected _defaultProps(): string[] {
    return [];
  }
  load(props?: string | string[] | Record<string, unknown>): this {
    let list: string[];
    if (props === undefined) list = this._defaultProps();
    else if (typeof props === 'string') list = props.split(',').map((s) => s.trim()).filter(Boolean);
    else if (Array.isArray(props)) list = props;
    else {
      const sel = (props as { select?: string | string[] }).select;
      list = sel ? (Array.isArray(sel) ? sel : sel.split(',').map((s) => s.trim())) : Object.keys(props).filter((k) => props[k]);
    }
    for (const p of list) {
      const parts = p.split('/');
      if (parts.length > 1) {
        const child = this._child(parts[0]!);
        if (!child) throw officeError('InvalidArgument', `Unknown navigation property ${parts[0]}`);
        child.load(parts.slice(1).join('/'));
        continue;
      }
      this.context._queue(0, () => {
        const isNull = this._isNull();
        this._loaded.set('isNullObject', isNull);
        // a null object's other properties stay unavailable (Office.js: null/undefined)
        if (!isNull) {
          // a grid built afresh from the cells needs no copy; anything else is copied (a snapshot)
          const computed = this._compute(p);
          const v = this._fresh(p) ? computed : structuredClone(computed);
          this.context._responseBytes += bytesOf(v);
          this._loaded.set(p, v);
        }
      });
    }
    return this;
  }
  protected _isNull(): boolean {
    return false;
  }
  /** whether _compute(prop) returns a new value of primitives, shared with nothing */
  protected _fresh(_prop: string): boolean {
    return false;
  }
  /** snapshot now (used while a sync is already running, e.g. collection items) */
  _loadNow(props: string[]): void {
    for (const p of props) this._loaded.set(p, structuredClone(this._compute(p)));
  }
  protected _get<T>(name: string): T {
    if (!this._loaded.has(name)) throw notLoaded(name);
    return this._loaded.get(name) as T;
  }
}

export class RequestContext {
  private ops: { bytes: number; run: () => void }[] = [];
  _responseBytes = 0;
  readonly workbook: Workbook;
  constructor(readonly host: ExcelHost) {
    this.workbook = new Workbook(this);
  }
  _queue(bytes: number, run: () => void): void {
    this.ops.push({ bytes, run });
  }
  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    const bytes = ops.reduce((s, o) => s + o.bytes, 0);
    const record: SyncRecord = { ops: ops.length, bytes, responseBytes: 0 };
    this.host.syncLog.push(record);
    await Promise.resolve();
    if (bytes > this.host.payloadLimit) {
      throw officeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${bytes} bytes).`);
    }
    this._responseBytes = 0;
    const t0 = performance.now();
    doubleTime.running = true;
    try {
      for (const op of ops) op.run();
    } finally {
      doubleTime.running = false;
      this.host._flushEvents();
      doubleTime.ms += performance.now() - t0;
    }
    record.responseBytes = this._responseBytes;
    if (this._responseBytes > this.host.payloadLimit) {
      throw officeError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${this._responseBytes} bytes).`);
    }
  }
  trackedObjects = { add: (_o: unknown) => undefined, remove: (_o: unknown) => undefined };
}

class Workbook extends ClientObject {
  readonly worksheets: WorksheetCollection;
  readonly tables: TableCollection;
  constructor(ctx: RequestContext) {
    super(ctx);
    this.worksheets = new WorksheetCollection(ctx);
    this.tables = new TableCollection(ctx, undefined);
  }
  getSelectedRange(): Range {
    const host = this.context.host;
    return new Range(this.context, () => {
      const s = host.selection ?? { sheetId: host.activeSheet().id, rect: { r0: 0, c0: 0, rows: 1, cols: 1 } };
      return { sheet: host.sheetById(s.sheetId), rect: s.rect };
    });
  }
}

class WorksheetCollection extends ClientObject {
  readonly onChanged: EventSource;
  readonly onAdded: EventSource;
  readonly onDeleted: EventSource;
  readonly onSelectionChanged: EventSource;
  constructor(ctx: RequestContext) {
    super(ctx);
    this.onChanged = ctx.host._events('worksheets.onChanged', ctx);
    this.onAdded = ctx.host._events('worksheets.onAdded', ctx);
    this.onDeleted = ctx.host._events('worksheets.onDeleted', ctx);
    this.onSelectionChanged = ctx.host._events('worksheets.onSelectionChanged', ctx);
  }
  get items(): Worksheet[] {
    return this._get<Worksheet[]>('items');
  }
  protected override _defaultProps(): string[] {
    return ['items'];
  }
  override load(props?: string | string[] | Record<string, unknown>): this {
    // collection load: snapshot the list of sheets and load the listed props on each
    const sub = typeof props === 'string' ? props.replace(/^items\//, '') : undefined;
    this.context._queue(0, () => {
      const items = this.context.host.sheets.map((s) => {
        const ws = new Worksheet(this.context, () => s);
        ws._loadNow(sub ? sub.split(',').map((x) => x.trim().replace(/^items\//, '')) : ['name', 'id', 'position']);
        return ws;
      });
      this._loaded.set('items', items);
    });
    return this;
  }
  getItem(name: string): Worksheet {
    return new Worksheet(this.context, () => {
      const s = this.context.host.sheets.find((x) => x.name === name || x.id === name);
      if (!s) throw officeError('ItemNotFound', `The requested resource doesn't exist. (${name})`);
      return s;
    });
  }
  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.context, () => this.context.host.sheets.find((x) => x.name === name || x.id === name), true);
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(this.context, () => this.context.host.activeSheet());
  }
  add(name?: string): Worksheet {
    let created: SheetData | undefined;
    this.context._queue(bytesOf({ add: name }), () => {
      created = this.context.host.addSheet(name ?? `Sheet${this.context.host.sheets.length + 1}`);
    });
    return new Worksheet(this.context, () => {
      if (!created) throw officeError('GeneralException', 'sheet not yet created');
      return created;
    });
  }
}

class Worksheet extends ClientObject {
  readonly tables: TableCollection;
  readonly pageLayout: PageLayout;
  readonly freezePanes: { freezeRows: (n: number) => void };
  readonly onChanged: EventSource;
  constructor(
    ctx: RequestContext,
    readonly _sheet: () => SheetData | undefined,
    private readonly nullable = false,
  ) {
    super(ctx);
    this.tables = new TableCollection(ctx, () => this._req());
    this.pageLayout = new PageLayout(ctx, () => this._req());
    this.freezePanes = {
      freezeRows: (n: number) => ctx._queue(bytesOf({ freezeRows: n }), () => {
        this._req().page.frozenRows = n;
      }),
    };
    this.onChanged = ctx.host._events('sheet.onChanged', ctx);
  }
  protected override _isNull(): boolean {
    return this.nullable && this._sheet() === undefined;
  }
  _req(): SheetData {
    const s = this._sheet();
    if (!s) throw officeError('ItemNotFound', "The requested resource doesn't exist.");
    return s;
  }
  protected override _defaultProps(): string[] {
    return ['name', 'id', 'position', 'visibility'];
  }
  protected override _compute(prop: string): unknown {
    if (prop === 'isNullObject') return this._sheet() === undefined;
    const s = this._req();
    switch (prop) {
      case 'name':
        return s.name;
      case 'id':
        return s.id;
      case 'position':
        return this.context.host.sheets.indexOf(s);
      case 'visibility':
        return 'Visible';
      default:
        return super._compute(prop);
    }
  }
  get isNullObject(): boolean {
    if (!this.nullable) return false;
    return this._get<boolean>('isNullObject');
  }
  get name(): string {
    return this._get<string>('name');
  }
  set name(v: string) {
    this.context._queue(bytesOf({ name: v }), () => {
      this._req().name = v;
    });
  }
  get id(): string {
    return this._get<string>('id');
  }
  get position(): number {
    return this._get<number>('position');
  }
  getRange(address?: string): Range {
    return new Range(this.context, () => {
      const s = this._req();
      if (!address) return { sheet: s, rect: { r0: 0, c0: 0, rows: 1048576, cols: 16384 } };
      return { sheet: s, rect: parseAddress(address).rect };
    });
  }
  getRangeByIndexes(r0: number, c0: number, rows: number, cols: number): Range {
    return new Range(this.context, () => {
      if (rows < 1 || cols < 1 || r0 < 0 || c0 < 0) throw officeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
      return { sheet: this._req(), rect: { r0, c0, rows, cols } };
    });
  }
  getUsedRange(valuesOnly = false): Range {
    return new Range(this.context, () => {
      const s = this._req();
      return { sheet: s, rect: usedRect(s, valuesOnly) ?? { r0: 0, c0: 0, rows: 1, cols: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(
      this.context,
      () => {
        // a null sheet's used range is a null object too
        const s = this._sheet();
        if (!s) return undefined;
        const rect = usedRect(s, valuesOnly);
        return rect ? { sheet: s, rect } : undefined;
      },
      true,
    );
  }
  activate(): void {
    this.context._queue(bytesOf({ activate: 1 }), () => {
      this.context.host.activeSheetId = this._req().id;
    });
  }
  delete(): void {
    this.context._queue(bytesOf({ delete: 1 }), () => {
      const s = this._req();
      this.context.host.deleteSheet(s.name);
    });
  }
}

/** the last used rect of each store, until it changes (the add-in asks for it on every chunk) */
const usedCache = new WeakMap<CellStore, { version: number; valuesOnly: boolean; rect: Rect | undefined }>();

function usedRect(s: SheetData, valuesOnly: boolean): Rect | undefined {
  const hit = usedCache.get(s.cells);
  if (hit && hit.version === s.cells.version && hit.valuesOnly === valuesOnly) return hit.rect && { ...hit.rect };
  let r1 = Infinity;
  let c1 = Infinity;
  let r2 = -1;
  let c2 = -1;
  for (const [r, c, cell] of s.cells.cells()) {
    const hasValue = cell.value !== '' || !!cell.formula;
    const hasFormat = !!(cell.fill || cell.bold || cell.numberFormat || cell.fontColor || cell.wrap);
    if (!(hasValue || (!valuesOnly && hasFormat))) continue;
    r1 = Math.min(r1, r);
    c1 = Math.min(c1, c);
    r2 = Math.max(r2, r);
    c2 = Math.max(c2, c);
  }
  const rect = r2 < 0 ? undefined : { r0: r1, c0: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
  usedCache.set(s.cells, { version: s.cells.version, valuesOnly, rect });
  return rect && { ...rect };
}

type Target = { sheet: SheetData; rect: Rect };

class RangeFill extends ClientObject {
  constructor(ctx: RequestContext, private readonly range: Range) {
    super(ctx);
  }
  protected override _compute(prop: string): unknown {
    if (prop !== 'color') return super._compute(prop);
    return this.range._uniform((c) => c?.fill ?? '#FFFFFF');
  }
  get color(): string | null {
    return this._get('color');
  }
  set color(v: string | null) {
    this.range._eachCell(bytesOf({ fill: v }), (c) => {
      if (v) c.fill = v.toUpperCase();
      else delete c.fill;
    });
  }
  clear(): void {
    this.range._eachCell(bytesOf({ fillClear: 1 }), (c) => {
      delete c.fill;
    });
  }
}

class RangeFont extends ClientObject {
  constructor(ctx: RequestContext, private readonly range: Range) {
    super(ctx);
  }
  protected override _compute(prop: string): unknown {
    if (prop === 'bold') return this.range._uniform((c) => !!c?.bold);
    if (prop === 'color') return this.range._uniform((c) => c?.fontColor ?? '#000000');
    return super._compute(prop);
  }
  get bold(): boolean | null {
    return this._get('bold');
  }
  set bold(v: boolean | null) {
    this.range._eachCell(bytesOf({ bold: v }), (c) => {
      if (v) c.bold = true;
      else delete c.bold;
    });
  }
  get color(): string | null {
    return this._get('color');
  }
  set color(v: string | null) {
    this.range._eachCell(bytesOf({ fontColor: v }), (c) => {
      if (v) c.fontColor = v.toUpperCase();
      else delete c.fontColor;
    });
  }
}

class RangeFormat extends ClientObject {
  readonly fill: RangeFill;
  readonly font: RangeFont;
  constructor(ctx: RequestContext, private readonly range: Range) {
    super(ctx);
    this.fill = new RangeFill(ctx, range);
    this.font = new RangeFont(ctx, range);
  }
  protected override _child(name: string): ClientObject | undefined {
    return name === 'fill' ? this.fill : name === 'font' ? this.font : undefined;
  }
  protected override _compute(prop: string): unknown {
    if (prop === 'wrapText') return this.range._uniform((c) => !!c?.wrap);
    if (prop === 'columnWidth') {
      const t = this.range._target();
      return t.sheet.columnWidths.get(t.rect.c0) ?? 48;
    }
    return super._compute(prop);
  }
  get wrapText(): boolean | null {
    return this._get('wrapText');
  }
  set wrapText(v: boolean | null) {
    this.range._eachCell(bytesOf({ wrap: v }), (c) => {
      if (v) c.wrap = true;
      else delete c.wrap;
    });
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(v: number) {
    this.context._queue(bytesOf({ columnWidth: v }), () => {
      const t = this.range._target();
      for (let c = t.rect.c0; c < t.rect.c0 + t.rect.cols; c++) t.sheet.columnWidths.set(c, v);
    });
  }
  set horizontalAlignment(_v: string) {
    this.context._queue(bytesOf({ horizontalAlignment: _v }), () => undefined);
  }
  autofitColumns(): void {
    this.context._queue(bytesOf({ autofit: 1 }), () => undefined);
  }
}

class TextComparison extends ClientObject {
  readonly format: { fill: { color: string }; font: { color: string } };
  constructor(ctx: RequestContext, private readonly data: () => CondFormatData) {
    super(ctx);
    const fill = {} as { color: string };
    const font = {} as { color: string };
    Object.defineProperty(fill, 'color', {
      set: (v: string) => ctx._queue(bytesOf({ cfFill: v }), () => void (data().fill = v.toUpperCase())),
      get: () => {
        throw notLoaded('color');
      },
    });
    Object.defineProperty(font, 'color', {
      set: (v: string) => ctx._queue(bytesOf({ cfFont: v }), () => void (data().fontColor = v.toUpperCase())),
      get: () => {
        throw notLoaded('color');
      },
    });
    this.format = { fill, font };
  }
  protected override _compute(prop: string): unknown {
    if (prop === 'rule') return this.data().rule ?? null;
    return super._compute(prop);
  }
  get rule(): { operator: string; text: string } {
    return this._get('rule');
  }
  set rule(v: { operator: string; text: string }) {
    this.context._queue(bytesOf({ cfRule: v }), () => {
      if (!['Contains', 'NotContains', 'BeginsWith', 'EndsWith'].includes(v.operator)) {
        throw officeError('InvalidArgument', `Invalid operator ${v.operator}`);
      }
      this.data().rule = { ...v };
    });
  }
}

class ConditionalFormat extends ClientObject {
  readonly textComparison: TextComparison;
  constructor(
    ctx: RequestContext,
    private readonly data: () => CondFormatData,
    private readonly sheet?: () => SheetData,
  ) {
    super(ctx);
    this.textComparison = new TextComparison(ctx, data);
  }
  protected override _child(name: string): ClientObject | undefined {
    return name === 'textComparison' ? this.textComparison : undefined;
  }
  protected override _compute(prop: string): unknown {
    if (prop === 'type') return this.data().type;
    return super._compute(prop);
  }
  get type(): string {
    return this._get('type');
  }
  getRange(): Range {
    return new Range(this.context, () => {
      const d = this.data();
      if (!this.sheet) throw officeError('GeneralException', 'no sheet');
      return { sheet: this.sheet(), rect: { r0: d.r0, c0: d.c0, rows: d.rows, cols: d.cols } };
    });
  }
  delete(): void {
    this.context._queue(bytesOf({ cfDelete: 1 }), () => {
      if (!this.sheet) throw officeError('GeneralException', 'no sheet');
      const sh = this.sheet();
      const d = this.data();
      sh.cfs = sh.cfs.filter((x) => x !== d);
    });
  }
}

class ConditionalFormatCollection extends ClientObject {
  constructor(ctx: RequestContext, private readonly range: Range) {
    super(ctx);
  }
  add(type: string): ConditionalFormat {
    let made: CondFormatData | undefined;
    this.context._queue(bytesOf({ cfAdd: type }), () => {
      if (type !== 'ContainsText') throw officeError('InvalidArgument', `double supports ContainsText only, got ${type}`);
      const t = this.range._target();
      made = { address: `${quoteSheet(t.sheet.name)}!${a1(t.rect.r0, t.rect.c0, t.rect.rows, t.rect.cols)}`, ...t.rect, type };
      t.sheet.cfs.push(made);
    });
    return new ConditionalFormat(
      this.context,
      () => {
        if (!made) throw officeError('GeneralException', 'conditional format not created');
        return made;
      },
      () => this.range._target().sheet,
    );
  }
  override load(props?: string | string[] | Record<string, unknown>): this {
    void props;
    this.context._queue(0, () => {
      const t = this.range._target();
      const items = t.sheet.cfs
        .filter((cf) => overlaps(cf, t.rect))
        .map((cf) => {
          const p = new ConditionalFormat(this.context, () => cf, () => t.sheet);
          p._loadNow(['type']);
          return p;
        });
      this.context._responseBytes += bytesOf(items.map((i) => i.type));
      this._loaded.set('items', items);
    });
    return this;
  }
  get items(): ConditionalFormat[] {
    return this._get('items');
  }
  getCount(): { value: number } {
    const res: { _v?: number; value: number } = {
      get value(): number {
        if (this._v === undefined) throw notLoaded('value');
        return this._v;
      },
    };
    this.context._queue(0, () => {
      const t = this.range._target();
      res._v = t.sheet.cfs.filter((cf) => overlaps(cf, t.rect)).length;
    });
    return res;
  }
  clearAll(): void {
    this.context._queue(bytesOf({ cfClearAll: 1 }), () => {
      const t = this.range._target();
      t.sheet.cfs = t.sheet.cfs.filter((cf) => !overlaps(cf, t.rect));
    });
  }
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.r0 < b.r0 + b.rows && b.r0 < a.r0 + a.rows && a.c0 < b.c0 + b.cols && b.c0 < a.c0 + a.cols;
}

function inside(a: Rect, b: Rect): boolean {
  return a.r0 >= b.r0 && a.c0 >= b.c0 && a.r0 + a.rows <= b.r0 + b.rows && a.c0 + a.cols <= b.c0 + b.cols;
}

export class Range extends ClientObject {
  readonly format: RangeFormat;
  readonly conditionalFormats: ConditionalFormatCollection;
  constructor(
    ctx: RequestContext,
    private readonly resolve: () => Target | undefined,
    private readonly nullable = false,
  ) {
    super(ctx);
    this.format = new RangeFormat(ctx, this);
    this.conditionalFormats = new ConditionalFormatCollection(ctx, this);
  }
  protected override _isNull(): boolean {
    return this.nullable && this.resolve() === undefined;
  }
  _target(): Target {
    const t = this.resolve();
    if (!t) throw officeError('ItemNotFound', "The requested resource doesn't exist.");
    return t;
  }
  protected override _child(name: string): ClientObject | undefined {
    return name === 'format' ? this.format : undefined;
  }
  protected override _defaultProps(): string[] {
    return ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'values', 'numberFormat', 'formulas'];
  }
  protected override _fresh(prop: string): boolean {
    return prop === 'values' || prop === 'formulas' || prop === 'numberFormat' || prop === 'text';
  }
  _uniform<T>(f: (c: CellData | undefined) => T): T | null {
    const t = this._target();
    let first: T | undefined;
    let seen = false;
    for (let r = t.rect.r0; r < t.rect.r0 + t.rect.rows; r++) {
      for (let c = t.rect.c0; c < t.rect.c0 + t.rect.cols; c++) {
        const v = f(t.sheet.cells.at(r, c));
        if (!seen) {
          first = v;
          seen = true;
        } else if (v !== first) return null;
      }
    }
    return first ?? null;
  }
  _eachCell(bytes: number, f: (c: CellData) => void): void {
    this.context._queue(bytes, () => {
      const t = this._target();
      if (t.rect.rows * t.rect.cols > 5_000_000) throw officeError('InvalidArgument', 'range too large for the double');
      for (let r = t.rect.r0; r < t.rect.r0 + t.rect.rows; r++) {
        for (let c = t.rect.c0; c < t.rect.c0 + t.rect.cols; c++) {
          const cell = t.sheet.cells.at(r, c) ?? { value: '' };
          f(cell);
          setCellData(t.sheet, r, c, cell);
        }
      }
      this.context.host._changed(t.sheet, t.rect);
    });
  }
  protected override _compute(prop: string): unknown {
    if (prop === 'isNullObject') return this.resolve() === undefined;
    const t = this._target();
    const { r0, c0, rows, cols } = t.rect;
    const grid = <T>(f: (c: CellData | undefined) => T): T[][] => {
      if (rows * cols > 5_000_000) throw officeError('ResponsePayloadSizeLimitExceeded', 'response too large');
      const out: T[][] = [];
      for (let r = r0; r < r0 + rows; r++) {
        const row: T[] = [];
        for (let c = c0; c < c0 + cols; c++) row.push(f(t.sheet.cells.at(r, c)));
        out.push(row);
      }
      return out;
    };
    switch (prop) {
      case 'address':
        return `${quoteSheet(t.sheet.name)}!${a1(r0, c0, rows, cols)}`;
      case 'rowIndex':
        return r0;
      case 'columnIndex':
        return c0;
      case 'rowCount':
        return rows;
      case 'columnCount':
        return cols;
      case 'values':
        return grid((c) => c?.value ?? '');
      case 'formulas':
        return grid((c) => c?.formula ?? c?.value ?? '');
      case 'numberFormat':
        return grid((c) => c?.numberFormat ?? 'General');
      case 'text':
        return grid((c) => String(c?.value ?? ''));
      default:
        return super._compute(prop);
    }
  }
  get isNullObject(): boolean {
    if (!this.nullable) return false;
    return this._get<boolean>('isNullObject');
  }
  get address(): string {
    return this._get('address');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get values(): CellValue[][] {
    return this._get('values');
  }
  set values(v: CellValue[][]) {
    this._write('values', v, (cell, x) => {
      if (typeof x === 'string' && x.startsWith('=')) {
        cell.formula = x;
        cell.value = '';
      } else {
        delete cell.formula;
        cell.value = x === null || x === undefined ? '' : (x as CellValue);
      }
    });
  }
  get formulas(): CellValue[][] {
    return this._get('formulas');
  }
  get numberFormat(): string[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this._write('numberFormat', v, (cell, x) => {
      if (x === 'General' || x === '') delete cell.numberFormat;
      else cell.numberFormat = String(x);
    });
  }
  get text(): string[][] {
    return this._get('text');
  }
  private _write(name: string, v: unknown[][], f: (cell: CellData, x: unknown) => void): void {
    this.context._queue(bytesOf({ [name]: v }), () => {
      const t = this._target();
      const { r0, c0, rows, cols } = t.rect;
      if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw officeError(
          'InvalidArgument',
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range. (${name})`,
        );
      }
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const cell = t.sheet.cells.at(r0 + r, c0 + c) ?? { value: '' };
          f(cell, v[r]![c]);
          setCellData(t.sheet, r0 + r, c0 + c, cell);
        }
      }
      this.context.host._changed(t.sheet, t.rect);
    });
  }
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.context._queue(bytesOf({ clear: applyTo }), () => {
      const t = this._target();
      const { r0, c0, rows, cols } = t.rect;
      for (const [r, c, cell] of [...t.sheet.cells.within(r0, r0 + rows, c0, c0 + cols)]) {
        if (applyTo === 'All') t.sheet.cells.remove(r, c);
        else if (applyTo === 'Contents') {
          cell.value = '';
          delete cell.formula;
          setCellData(t.sheet, r, c, cell);
        } else {
          setCellData(t.sheet, r, c, { value: cell.value, ...(cell.formula ? { formula: cell.formula } : {}) });
        }
      }
      if (applyTo !== 'Contents') t.sheet.cfs = t.sheet.cfs.filter((cf) => !inside(cf, t.rect));
      this.context.host._changed(t.sheet, t.rect);
    });
  }
  select(): void {
    this.context._queue(bytesOf({ select: 1 }), () => {
      const t = this._target();
      this.context.host.activeSheetId = t.sheet.id;
      this.context.host.selection = { sheetId: t.sheet.id, rect: { ...t.rect } };
    });
  }
  getCell(r: number, c: number): Range {
    return new Range(this.context, () => {
      const t = this._target();
      return { sheet: t.sheet, rect: { r0: t.rect.r0 + r, c0: t.rect.c0 + c, rows: 1, cols: 1 } };
    });
  }
  getResizedRange(dRows: number, dCols: number): Range {
    return new Range(this.context, () => {
      const t = this._target();
      return { sheet: t.sheet, rect: { ...t.rect, rows: t.rect.rows + dRows, cols: t.rect.cols + dCols } };
    });
  }
  getOffsetRange(dRows: number, dCols: number): Range {
    return new Range(this.context, () => {
      const t = this._target();
      return { sheet: t.sheet, rect: { ...t.rect, r0: t.rect.r0 + dRows, c0: t.rect.c0 + dCols } };
    });
  }
  getEntireRow(): Range {
    return new Range(this.context, () => {
      const t = this._target();
      return { sheet: t.sheet, rect: { r0: t.rect.r0, c0: 0, rows: t.rect.rows, cols: 16384 } };
    });
  }
}

function setCellData(sheet: SheetData, r: number, c: number, cell: CellData): void {
  const empty =
    cell.value === '' && !cell.formula && !cell.fill && !cell.bold && !cell.numberFormat && !cell.fontColor && !cell.wrap;
  if (empty) sheet.cells.remove(r, c);
  else sheet.cells.put(r, c, cell);
}

class PageLayout extends ClientObject {
  readonly headersFooters: { defaultForAllPages: Record<string, string> };
  constructor(ctx: RequestContext, private readonly sheet: () => SheetData) {
    super(ctx);
    const d: Record<string, string> = {};
    for (const k of ['centerHeader', 'centerFooter', 'leftFooter', 'rightFooter', 'leftHeader', 'rightHeader']) {
      Object.defineProperty(d, k, {
        set: (v: string) => ctx._queue(bytesOf({ [k]: v }), () => void (this.sheet().page[k] = v)),
        get: () => {
          throw notLoaded(k);
        },
      });
    }
    this.headersFooters = { defaultForAllPages: d };
  }
  private _set(k: string, v: unknown): void {
    this.context._queue(bytesOf({ [k]: v }), () => {
      this.sheet().page[k] = v;
    });
  }
  set orientation(v: string) {
    this._set('orientation', v);
  }
  set paperSize(v: string) {
    this._set('paperSize', v);
  }
  set centerHorizontally(v: boolean) {
    this._set('centerHorizontally', v);
  }
  setPrintTitleRows(address: string): void {
    this._set('printTitleRows', address);
  }
  setPrintArea(address: string): void {
    this._set('printArea', address);
  }
  set zoom(v: unknown) {
    this._set('zoom', v);
  }
}

class Table extends ClientObject {
  readonly columns: { items: unknown[] };
  constructor(ctx: RequestContext, private readonly data: () => { t: TableData; sheet: SheetData }) {
    super(ctx);
    this.columns = { items: [] };
  }
  protected override _defaultProps(): string[] {
    return ['name'];
  }
  protected override _compute(prop: string): unknown {
    if (prop === 'name') return this.data().t.name;
    return super._compute(prop);
  }
  get name(): string {
    return this._get('name');
  }
  private _rng(f: (t: TableData) => Rect): Range {
    return new Range(this.context, () => {
      const d = this.data();
      return { sheet: d.sheet, rect: f(d.t) };
    });
  }
  getRange(): Range {
    return this._rng((t) => ({ r0: t.r0, c0: t.c0, rows: t.rows, cols: t.cols }));
  }
  getHeaderRowRange(): Range {
    return this._rng((t) => ({ r0: t.r0, c0: t.c0, rows: 1, cols: t.cols }));
  }
  getDataBodyRange(): Range {
    return this._rng((t) => ({ r0: t.r0 + 1, c0: t.c0, rows: Math.max(1, t.rows - 1), cols: t.cols }));
  }
  resize(address: string | Range): void {
    this.context._queue(bytesOf({ resize: typeof address === 'string' ? address : 'range' }), () => {
      if (!this.context.host.supports('ExcelApi', '1.13')) throw officeError('ApiNotFound', 'Table.resize needs ExcelApi 1.13.');
      const d = this.data();
      const rect = typeof address === 'string' ? parseAddress(address).rect : address._target().rect;
      if (rect.r0 !== d.t.r0) throw officeError('InvalidArgument', 'The header row must stay in the same row.');
      const others = d.sheet.tables.filter((x) => x !== d.t);
      if (others.some((o) => overlaps(o, rect))) throw officeError('InvalidArgument', 'A table cannot overlap another table.');
      // header cells of a table are never empty: Excel fills "ColumnN"
      for (let c = rect.c0; c < rect.c0 + rect.cols; c++) {
        const cell = d.sheet.cells.at(rect.r0, c);
        if (!cell || cell.value === '') setCellData(d.sheet, rect.r0, c, { ...(cell ?? {}), value: `Column${c - rect.c0 + 1}` });
      }
      Object.assign(d.t, rect);
    });
  }
}

class TableCollection extends ClientObject {
  constructor(ctx: RequestContext, private readonly sheet: (() => SheetData) | undefined) {
    super(ctx);
  }
  private list(): { t: TableData; sheet: SheetData }[] {
    const sheets = this.sheet ? [this.sheet()] : this.context.host.sheets;
    return sheets.flatMap((s) => s.tables.map((t) => ({ t, sheet: s })));
  }
  override load(props?: string | string[] | Record<string, unknown>): this {
    void props;
    this.context._queue(0, () => {
      this._loaded.set(
        'items',
        this.list().map((d) => {
          const tb = new Table(this.context, () => d);
          tb._loadNow(['name']);
          return tb;
        }),
      );
    });
    return this;
  }
  get items(): Table[] {
    return this._get('items');
  }
  getItem(name: string): Table {
    return new Table(this.context, () => {
      const d = this.list().find((x) => x.t.name === name);
      if (!d) throw officeError('ItemNotFound', `The requested resource doesn't exist. (${name})`);
      return d;
    });
  }
}

/** A loaded-table proxy needs its name snapshot right away (loaded in the same sync). */

export interface SettingsStore {
  saved: Record<string, unknown>;
  live: Record<string, unknown>;
}

export class ExcelHost {
  sheets: SheetData[] = [];
  activeSheetId = '';
  selection: { sheetId: string; rect: Rect } | undefined;
  syncLog: SyncRecord[] = [];
  payloadLimit = PAYLOAD_LIMIT;
  /** the newest ExcelApi requirement set this host supports; calls from newer sets fail at sync (ApiNotFound) */
  excelApi = '1.17';
  settings: SettingsStore = { saved: {}, live: {} };
  functions = new Map<string, (...args: unknown[]) => unknown>();
  private nextId = 1;
  private handlers = new Map<string, EventSource[]>();
  private pending: { sheet: SheetData; rect: Rect; source: 'Local' | 'Remote'; kind: 'changed' | 'added' | 'deleted' }[] = [];
  private listeners: ((e: { sheetName: string; address: string }) => void)[] = [];

  /** Office.context.requirements.isSetSupported for the sets the add-in asks about */
  supports(name: string, minVersion: string): boolean {
    if (name !== 'ExcelApi') return false;
    const [a = 0, b = 0] = this.excelApi.split('.').map(Number);
    const [x = 0, y = 0] = minVersion.split('.').map(Number);
    return a > x || (a === x && b >= y);
  }

  addSheet(name: string, grid?: CellValue[][]): SheetData {
    if (this.sheets.some((s) => s.name === name)) throw officeError('ItemAlreadyExists', `A sheet named ${name} already exists.`);
    let store = new CellStore();
    const s: SheetData = {
      id: `{SHEET-${this.nextId++}}`,
      name,
      get cells(): CellStore {
        return store;
      },
      set cells(v: Map<string, CellData>) {
        store = CellStore.of(v);
      },
      tables: [],
      cfs: [],
      columnWidths: new Map(),
      page: {},
    };
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    if (grid) {
      grid.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== '' && v !== null && v !== undefined) s.cells.put(r, c, { value: v });
        }),
      );
    }
    this.pending.push({ sheet: s, rect: { r0: 0, c0: 0, rows: 1, cols: 1 }, source: 'Local', kind: 'added' });
    return s;
  }
  deleteSheet(name: string): void {
    const s = this.sheet(name);
    this.sheets = this.sheets.filter((x) => x !== s);
    if (this.activeSheetId === s.id) this.activeSheetId = this.sheets[0]?.id ?? '';
    this.pending.push({ sheet: s, rect: { r0: 0, c0: 0, rows: 1, cols: 1 }, source: 'Local', kind: 'deleted' });
  }
  addTable(sheetName: string, address: string, name: string): TableData {
    const s = this.sheet(sheetName);
    const t: TableData = { name, ...parseAddress(address).rect };
    s.tables.push(t);
    return t;
  }
  sheet(name: string): SheetData {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }
  sheetById(id: string): SheetData {
    const s = this.sheets.find((x) => x.id === id);
    if (!s) throw officeError('ItemNotFound', "The requested resource doesn't exist.");
    return s;
  }
  activeSheet(): SheetData {
    return this.sheetById(this.activeSheetId);
  }
  /** the user selects a range: fires onSelectionChanged */
  userSelect(sheetName: string, address: string): void {
    const s = this.sheet(sheetName);
    const { rect } = parseAddress(address);
    this.activeSheetId = s.id;
    this.selection = { sheetId: s.id, rect };
    const args = { type: 'WorksheetSelectionChanged', worksheetId: s.id, address: a1(rect.r0, rect.c0, rect.rows, rect.cols) };
    for (const src of this.handlers.get('worksheets.onSelectionChanged') ?? []) {
      for (const h of src.handlers) setTimeout(() => void h(args), 0);
    }
  }
  /** a user edit (outside any add-in request): changes the cell and fires onChanged */
  userSetCell(sheetName: string, address: string, value: CellValue): void {
    const s = this.sheet(sheetName);
    const { rect } = parseAddress(address);
    setCellData(s, rect.r0, rect.c0, { ...(s.cells.at(rect.r0, rect.c0) ?? {}), value });
    this._changed(s, rect);
    this._flushEvents();
  }
  /** the whole grid of values from A1 to the last used cell */
  grid(sheetName: string): CellValue[][] {
    const s = this.sheet(sheetName);
    const rect = usedRect(s, true);
    if (!rect) return [];
    const out: CellValue[][] = [];
    for (let r = 0; r < rect.r0 + rect.rows; r++) {
      const row: CellValue[] = [];
      for (let c = 0; c < rect.c0 + rect.cols; c++) row.push(s.cells.at(r, c)?.value ?? '');
      out.push(row);
    }
    return out;
  }
  cell(sheetName: string, address: string): CellData | undefined {
    const { rect } = parseAddress(address);
    return this.sheet(sheetName).cells.at(rect.r0, rect.c0);
  }
  /** everything about a sheet, for before/after comparisons */
  snapshot(sheetName: string): Record<string, unknown> {
    const s = this.sheet(sheetName);
    const cells: Record<string, CellData> = {};
    // in the order the string-keyed map gave ("r,c" sorted as text), so snapshots read the same
    const all = [...s.cells.cells()].map(([r, c, cell]) => [key(r, c), r, c, cell] as const);
    all.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [, r, c, cell] of all) cells[`${colLetter(c)}${r + 1}`] = structuredClone(cell);
    return structuredClone({
      name: s.name,
      cells,
      tables: s.tables,
      cfs: s.cfs,
      columnWidths: [...s.columnWidths],
      page: s.page,
    });
  }
  /** closes and reopens the workbook: unsaved settings are lost, event handlers are gone */
  reopen(): void {
    this.settings.live = structuredClone(this.settings.saved);
    this.handlers.clear();
    this.functions.clear();
  }
  onAnyChange(f: (e: { sheetName: string; address: string }) => void): void {
    this.listeners.push(f);
  }

  _events(name: string, ctx: RequestContext): EventSource {
    const src = new EventSource(ctx);
    const list = this.handlers.get(name) ?? [];
    list.push(src);
    this.handlers.set(name, list);
    return src;
  }
  _changed(sheet: SheetData, rect: Rect): void {
    this.pending.push({ sheet, rect: { ...rect }, source: 'Local', kind: 'changed' });
  }
  _flushEvents(): void {
    const pending = this.pending;
    this.pending = [];
    for (const p of pending) {
      if (p.kind !== 'changed') {
        const ev = { type: p.kind === 'added' ? 'WorksheetAdded' : 'WorksheetDeleted', worksheetId: p.sheet.id, source: p.source };
        for (const src of this.handlers.get(p.kind === 'added' ? 'worksheets.onAdded' : 'worksheets.onDeleted') ?? []) {
          for (const h of src.handlers) setTimeout(() => void h(ev), 0);
        }
        continue;
      }
      const args = {
        type: 'WorksheetChanged',
        worksheetId: p.sheet.id,
        address: a1(p.rect.r0, p.rect.c0, Math.min(p.rect.rows, 1048576), Math.min(p.rect.cols, 16384)),
        changeType: 'RangeEdited',
        source: p.source,
      };
      for (const l of this.listeners) l({ sheetName: p.sheet.name, address: args.address });
      for (const src of this.handlers.get('worksheets.onChanged') ?? []) {
        for (const h of src.handlers) setTimeout(() => void h(args), 0);
      }
    }
  }

  /** Installs Excel, Office and CustomFunctions globals on `g` (globalThis or window). */
  install(g: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): void {
    const host = this;
    const settings = {
      get: (name: string) => (name in host.settings.live ? structuredClone(host.settings.live[name]) : null),
      set: (name: string, value: unknown) => {
        host.settings.live[name] = structuredClone(value);
      },
      remove: (name: string) => {
        delete host.settings.live[name];
      },
      saveAsync: (cb?: (r: { status: string }) => void) => {
        host.settings.saved = structuredClone(host.settings.live);
        setTimeout(() => cb?.({ status: 'succeeded' }), 0);
      },
    };
    g.Excel = {
      run: async <T>(batch: (ctx: RequestContext) => Promise<T>): Promise<T> => {
        const ctx = new RequestContext(host);
        const result = await batch(ctx);
        await ctx.sync();
        return result;
      },
      RequestContext: function () {
        return new RequestContext(host);
      },
      ConditionalFormatType: { containsText: 'ContainsText' },
      ClearApplyTo: { all: 'All', formats: 'Formats', contents: 'Contents' },
    };
    g.Office = {
      onReady: (cb?: (info: { host: string; platform: string }) => void) => {
        const info = { host: 'Excel', platform: 'OfficeOnline' };
        return new Promise((resolve) =>
          setTimeout(() => {
            cb?.(info);
            resolve(info);
          }, 0),
        );
      },
      HostType: { Excel: 'Excel' },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      context: {
        document: { settings },
        displayLanguage: 'zh-CN',
        requirements: { isSetSupported: (name: string, minVersion?: string) => host.supports(name, minVersion ?? '1.1') },
      },
      addin: { showAsTaskpane: async () => undefined },
    };
    class CFError extends Error {
      constructor(
        readonly code: string,
        override readonly message: string = '',
      ) {
        super(message);
      }
    }
    g.CustomFunctions = {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => {
        host.functions.set(id.toUpperCase(), fn);
      },
      Error: CFError,
      ErrorCode: {
        invalidValue: '#VALUE!',
        notAvailable: '#N/A',
        divisionByZero: '#DIV/0!',
        invalidNumber: '#NUM!',
        nullReference: '#NULL!',
        invalidName: '#NAME?',
        invalidReference: '#REF!',
      },
    };
  }
}
