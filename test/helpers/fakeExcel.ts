/**
 * An in-memory Excel object model for the Office.js adapter's tests. It keeps Office.js's
 * semantics where the adapter could get them wrong:
 * - calls only queue work; `context.sync()` runs it in order, and a failing operation stops the
 *   batch there, leaving what ran before it applied (batches are not transactions);
 * - a property can be read only after `load` and `sync` (otherwise it throws, as Office.js does);
 * - writing a string that starts with =, +, - or @ into a cell not formatted as text makes a formula,
 *   and an error literal ("#NUM!") the error value;
 * - a sync whose request or response passes 5 MB fails, as on Excel on the web;
 * - with `maxApi` set, any member newer than that ExcelApi version throws, the versions coming from
 *   the `[Api set]` tags of @types/office-js;
 * - the used range counts cells that only carry formatting (a fill, a number format), as Excel's
 *   does, and `cellsLoaded` counts the cells whose arrays a load returned;
 * - `reopen()` is a new session: sheet ids are rebuilt from the sheets' positions, as Office 2016
 *   builds them, and nothing held in memory survives;
 * - document settings live in the document once saved; each add-in instance (`FakeSettings`)
 *   holds its own copy, refreshed only by `refreshAsync`, and `saveAsync` writes the whole copy.
 * Tests assert on `FakeWorkbook`'s state, never on the calls the adapter made.
 */
import { columnLetters, parseA1, toA1 } from "../../src/engine/grid/address";
import { formatCellText } from "../../src/workbook/xlsx/formatCellText";
import { excelApiSets, versionNumber } from "./excelApiSets";

export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export type FakeValue = number | string | boolean | null;

export interface FakeCell {
  value: FakeValue;
  /** With its "="; null for a constant. */
  formula: string | null;
  /** An error value ("#DIV/0!"); the cell's value is then that text. */
  error: boolean;
  numberFormat: string;
  /** "#RRGGBB" or null for no fill. */
  fill: string | null;
  /** A fill's pattern other than Solid ("LightDown"), with its colour; absent for solid. */
  pattern?: string;
  patternColor?: string;
  bold?: boolean;
  fontSize?: number;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  borders?: string[];
}

export interface FakeSheetState {
  id: string;
  name: string;
  cells: Map<number, FakeCell>;
  merges: Array<{ top: number; left: number; bottom: number; right: number }>;
  notes: Map<string, string>;
  names: Map<string, { formula: string; visible: boolean }>;
  protected: boolean;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  pageLayout: { paperSize?: string; orientation?: string; zoom?: unknown };
}

const key = (row: number, column: number): number => row * 16384 + column;

export function emptyCell(): FakeCell {
  return { value: null, formula: null, error: false, numberFormat: "General", fill: null };
}

export interface FakeWorkbookOptions {
  /** The newest ExcelApi version the host has, e.g. "1.1"; all when absent. */
  readonly maxApi?: string;
}

export class FakeWorkbook {
  sheets: FakeSheetState[] = [];
  /** Review › Protect Workbook (structure): sheets cannot be added, deleted, renamed or moved. */
  structureProtected = false;
  /** Cells whose values, texts, formulas, formats or types a load returned. */
  cellsLoaded = 0;
  activeSheetId: string | null = null;
  selection: string | null = null;
  syncCount = 0;
  /** Largest request and response seen, in bytes. */
  largestRequest = 0;
  largestResponse = 0;
  /** Fails the operation for which it returns true (e.g. the second "Range.values"). */
  failWhen: ((operation: string, count: number) => boolean) | null = null;
  private operationCounts = new Map<string, number>();
  private nextId = 1;
  /** After `reopen()`: ids are built from positions, as Office 2016 does. */
  private positionalIds = false;
  readonly maxVersion: number;

  constructor(options: FakeWorkbookOptions = {}) {
    this.maxVersion = options.maxApi ? versionNumber(options.maxApi) : Infinity;
  }

  isSetSupported = (name: string, version?: string): boolean =>
    name === "ExcelApi" && (version === undefined || versionNumber(version) <= this.maxVersion);

  /** Shaped like Excel.run. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    return batch(context as unknown as Excel.RequestContext);
  };

  addSheet(name: string): FakeSheetState {
    const sheet: FakeSheetState = {
      id: this.newSheetId(),
      name,
      cells: new Map(),
      merges: [],
      notes: new Map(),
      names: new Map(),
      protected: false,
      columnWidths: new Map(),
      rowHeights: new Map(),
      pageLayout: {},
    };
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheetState {
    const sheet = this.sheets.find((candidate) => candidate.name === name);
    if (!sheet) throw new Error("no sheet " + name);
    return sheet;
  }

  /** Checks that the host has a member, as the ExcelApi 1.1 host would refuse it. */
  gate(member: string): void {
    const version = excelApiSets().get(member);
    if (version !== undefined && version > this.maxVersion) {
      throw new Error("ApiNotFound: " + member + " is not in ExcelApi " + this.maxVersion / 1000);
    }
  }

  /** Counts an operation as it runs and fails it when the test asked for that. */
  perform(operation: string): void {
    const count = (this.operationCounts.get(operation) ?? 0) + 1;
    this.operationCounts.set(operation, count);
    if (this.failWhen && this.failWhen(operation, count)) {
      throw new Error("InvalidArgument: injected failure at " + operation + " #" + count);
    }
  }

  /** Everything a user could see, as plain data, to compare before and after. */
  snapshot(): unknown {
    return this.sheets.map((sheet) => ({
      id: sheet.id,
      name: sheet.name,
      cells: Array.from(sheet.cells.entries())
        .filter(([, cell]) => cell.value !== null || cell.formula !== null || cell.fill !== null)
        .sort((a, b) => a[0] - b[0])
        .map(([k, cell]) => [k, JSON.stringify(cell)]),
      merges: sheet.merges.slice(),
      notes: Array.from(sheet.notes.entries()).sort(),
      names: Array.from(sheet.names.entries()).sort(),
      columnWidths: Array.from(sheet.columnWidths.entries()),
      rowHeights: Array.from(sheet.rowHeights.entries()),
      pageLayout: { ...sheet.pageLayout },
    }));
  }

  newSheetId(): string {
    if (this.positionalIds) return positionalSheetId(this.nextId++);
    return "{sheet-" + this.nextId++ + "}";
  }

  /**
   * Saves, closes and opens the workbook again: a new session. Office 2016 builds a sheet's id
   * from its position when the file is opened ("{00000000-0001-0000-0003-000000000000}" for the
   * fourth sheet), so every id may change; the selection, the active sheet and any failure the
   * test arranged are gone. Reopen each add-in instance's settings too (`FakeSettings.reopen`).
   */
  reopen(): void {
    this.positionalIds = true;
    this.sheets.forEach((sheet, position) => (sheet.id = positionalSheetId(position)));
    this.nextId = this.sheets.length;
    this.activeSheetId = null;
    this.selection = null;
    this.failWhen = null;
    this.operationCounts.clear();
    this.syncCount = 0;
    this.cellsLoaded = 0;
  }
}

function positionalSheetId(position: number): string {
  const hex = position.toString(16).toUpperCase();
  return "{00000000-0001-0000-" + "0000".slice(hex.length) + hex + "-000000000000}";
}

/** True when a cell holds anything Excel counts in the used range: a value or any formatting. */
export function isUsed(cell: FakeCell, valuesOnly: boolean): boolean {
  if (cell.value !== null || cell.formula !== null) return true;
  if (valuesOnly) return false;
  return (
    cell.fill !== null ||
    cell.numberFormat !== "General" ||
    cell.bold !== undefined ||
    cell.fontSize !== undefined ||
    cell.horizontal !== undefined ||
    cell.vertical !== undefined ||
    cell.wrap !== undefined ||
    (cell.borders !== undefined && cell.borders.length > 0)
  );
}

/** Fills a sheet from rows of values (row 1 first). */
export function setRows(
  sheet: FakeSheetState,
  rows: ReadonlyArray<ReadonlyArray<FakeValue>>
): void {
  rows.forEach((values, r) =>
    values.forEach((value, c) => {
      if (value === null || value === "") return;
      setCell(sheet, r + 1, c + 1, { value });
    })
  );
}

export function setCell(
  sheet: FakeSheetState,
  row: number,
  column: number,
  cell: Partial<FakeCell>
): void {
  const current = sheet.cells.get(key(row, column)) ?? emptyCell();
  sheet.cells.set(key(row, column), { ...current, ...cell });
}

export function cellAt(sheet: FakeSheetState, address: string): FakeCell {
  const position = parseA1(address)!;
  return sheet.cells.get(key(position.row, position.column)) ?? emptyCell();
}

// ---------------------------------------------------------------------------------------------
// Addresses

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROW = 1048576;
const MAX_COLUMN = 16384;

function parseArea(text: string): Area {
  const part = text.trim().replace(/\$/g, "");
  const bang = part.lastIndexOf("!");
  const local = bang >= 0 ? part.slice(bang + 1) : part;
  const [a, b] = local.split(":");
  const columnOnly = /^[A-Z]+$/i;
  const rowOnly = /^\d+$/;
  if (columnOnly.test(a) && columnOnly.test(b ?? a)) {
    const left = parseA1(a + "1")!.column;
    const right = parseA1((b ?? a) + "1")!.column;
    return { top: 1, bottom: MAX_ROW, left, right };
  }
  if (rowOnly.test(a) && rowOnly.test(b ?? a)) {
    return { top: Number(a), bottom: Number(b ?? a), left: 1, right: MAX_COLUMN };
  }
  const start = parseA1(a);
  const end = parseA1(b ?? a);
  if (!start || !end) throw new Error("InvalidArgument: bad address " + text);
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}

function areaAddress(sheetName: string, area: Area): string {
  const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName)
    ? sheetName
    : "'" + sheetName.replace(/'/g, "''") + "'";
  const first = toA1(area.top, area.left);
  const last = toA1(area.bottom, area.right);
  return quoted + "!" + (first === last ? first : first + ":" + last);
}

// ---------------------------------------------------------------------------------------------
// Request context and proxies

/** An error as Office.js raises it: a code and a message. */
function excelError(code: string, message: string): Error {
  const error = new Error(code + ": " + message);
  (error as Error & { code: string }).code = code;
  return error;
}

type Operation = { name: string; bytes: number; run: () => void };

class FakeContext {
  readonly workbook: FakeWorkbookProxy;
  private queue: Operation[] = [];

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  enqueue(name: string, run: () => void, payload: unknown = null): void {
    const bytes = 120 + (payload === null ? 0 : Buffer.byteLength(JSON.stringify(payload)));
    this.queue.push({ name, bytes, run });
  }

  response = 0;

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    this.book.syncCount++;
    const request = queue.reduce((sum, operation) => sum + operation.bytes, 0);
    this.book.largestRequest = Math.max(this.book.largestRequest, request);
    if (request > PAYLOAD_LIMIT)
      throw excelError("RequestPayloadSizeLimitExceeded", "request of " + request + " bytes");
    this.response = 0;
    for (const operation of queue) operation.run();
    this.book.largestResponse = Math.max(this.book.largestResponse, this.response);
    if (this.response > PAYLOAD_LIMIT)
      throw excelError(
        "ResponsePayloadSizeLimitExceeded",
        "response of " + this.response + " bytes"
      );
  }
}

/** Base of every proxy: load/sync semantics and API gating. */
abstract class Proxy0 {
  private loaded = new Map<string, unknown>();
  private nullObject: boolean | undefined;

  constructor(
    readonly context: FakeContext,
    protected readonly className: string
  ) {}

  protected get book(): FakeWorkbook {
    return this.context.book;
  }

  protected gate(member: string): void {
    this.book.gate(this.className + "." + member);
  }

  /** Null for an OrNullObject proxy whose object does not exist. */
  protected isMissing(): boolean {
    return false;
  }

  protected abstract readProperty(name: string): unknown;

  load(spec?: string | string[]): this {
    const names = (Array.isArray(spec) ? spec : String(spec ?? "").split(","))
      .map((name) => name.trim())
      .filter(Boolean);
    for (const name of names) if (!name.includes("/")) this.gate(name);
    this.loadPaths(names);
    return this;
  }

  protected loadPaths(names: string[]): void {
    this.context.enqueue(this.className + ".load", () => {
      const missing = this.isMissing();
      this.nullObject = missing;
      if (missing) return;
      for (const name of names) {
        const value = this.readProperty(name);
        this.context.response += Buffer.byteLength(JSON.stringify(value ?? null)) + name.length;
        this.loaded.set(name, value);
      }
    });
  }

  /** Sets a property as loaded by a load that is already running (a collection's items). */
  forceLoaded(name: string, value: unknown): void {
    this.context.response += Buffer.byteLength(JSON.stringify(value ?? null)) + name.length;
    this.loaded.set(name, value);
  }

  protected loadedValue<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new Error(
        "PropertyNotLoaded: " + this.className + "." + name + " was read before load and sync"
      );
    }
    return this.loaded.get(name) as T;
  }

  get isNullObject(): boolean {
    if (this.nullObject === undefined)
      throw new Error("PropertyNotLoaded: isNullObject read before sync");
    return this.nullObject;
  }
}

class FakeWorkbookProxy extends Proxy0 {
  constructor(context: FakeContext) {
    super(context, "Workbook");
  }

  get worksheets(): FakeWorksheetCollection {
    this.gate("worksheets");
    return new FakeWorksheetCollection(this.context);
  }

  get protection(): FakeWorkbookProtection {
    this.gate("protection");
    return new FakeWorkbookProtection(this.context);
  }

  protected readProperty(): unknown {
    return undefined;
  }
}

class FakeWorkbookProtection extends Proxy0 {
  constructor(context: FakeContext) {
    super(context, "WorkbookProtection");
  }

  protected readProperty(name: string): unknown {
    if (name === "protected") return this.book.structureProtected;
    throw new Error("fake: WorkbookProtection." + name);
  }

  get protected(): boolean {
    return this.loadedValue("protected");
  }
}

/** A change to the workbook's structure fails while it is protected, as in Excel. */
function checkStructure(book: FakeWorkbook, change: string): void {
  if (book.structureProtected)
    throw excelError("AccessDenied", "the workbook's structure is protected (" + change + ")");
}

class FakeWorksheetCollection extends Proxy0 {
  private itemList: FakeWorksheet[] | null = null;

  constructor(context: FakeContext) {
    super(context, "WorksheetCollection");
  }

  override load(spec?: string | string[]): this {
    const paths = (Array.isArray(spec) ? spec : String(spec ?? "").split(",")).map((p) => p.trim());
    const properties = paths
      .map((path) => path.replace(/^items\//, ""))
      .filter((p) => p !== "items");
    for (const property of properties) this.book.gate("Worksheet." + property);
    this.context.enqueue("WorksheetCollection.load", () => {
      this.itemList = this.book.sheets.map((state) => {
        const sheet = new FakeWorksheet(this.context, () => state);
        sheet.preload(properties);
        return sheet;
      });
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    if (!this.itemList) throw new Error("PropertyNotLoaded: WorksheetCollection.items");
    return this.itemList;
  }

  add(name: string): FakeWorksheet {
    this.gate("add");
    let state: FakeSheetState | null = null;
    this.context.enqueue("Worksheet.add", () => {
      this.book.perform("Worksheet.add");
      checkStructure(this.book, "add " + name);
      if (this.book.sheets.some((sheet) => sheet.name.toLowerCase() === name.toLowerCase()))
        throw new Error("ItemAlreadyExists: a sheet is named " + name);
      state = this.book.addSheet(name);
    });
    return new FakeWorksheet(this.context, () => {
      if (!state || this.book.sheets.indexOf(state) < 0) throw new Error("ItemNotFound: new sheet");
      return state;
    });
  }

  getItem(name: string): FakeWorksheet {
    this.gate("getItem");
    return new FakeWorksheet(this.context, () => {
      const state = this.book.sheets.find(
        (sheet) => sheet.id === name || sheet.name.toLowerCase() === name.toLowerCase()
      );
      if (!state) throw new Error("ItemNotFound: " + name);
      return state;
    });
  }

  protected readProperty(): unknown {
    return undefined;
  }
}

class FakeWorksheet extends Proxy0 {
  constructor(
    context: FakeContext,
    readonly resolve: () => FakeSheetState
  ) {
    super(context, "Worksheet");
  }

  /** Loads properties as part of the collection's load (already running). */
  preload(properties: string[]): void {
    const state = this.resolve();
    for (const property of properties)
      this.forceLoaded(property, this.readProperty(property, state));
  }

  protected readProperty(name: string, state = this.resolve()): unknown {
    switch (name) {
      case "name":
        return state.name;
      case "id":
        return state.id;
      case "position":
        return this.book.sheets.indexOf(state);
      default:
        throw new Error("fake: Worksheet." + name + " cannot be loaded");
    }
  }

  get name(): string {
    return this.loadedValue("name");
  }
  set name(value: string) {
    this.gate("name");
    this.context.enqueue("Worksheet.name", () => {
      this.book.perform("Worksheet.name");
      checkStructure(this.book, "rename");
      const state = this.resolve();
      if (
        this.book.sheets.some(
          (sheet) => sheet !== state && sheet.name.toLowerCase() === value.toLowerCase()
        )
      )
        throw new Error("ItemAlreadyExists: a sheet is named " + value);
      state.name = value;
    });
  }
  get id(): string {
    return this.loadedValue("id");
  }
  get position(): number {
    return this.loadedValue("position");
  }
  set position(value: number) {
    this.gate("position");
    this.context.enqueue("Worksheet.position", () => {
      this.book.perform("Worksheet.position");
      checkStructure(this.book, "move");
      const state = this.resolve();
      const sheets = this.book.sheets;
      sheets.splice(sheets.indexOf(state), 1);
      sheets.splice(Math.min(value, sheets.length), 0, state);
    });
  }

  delete(): void {
    this.gate("delete");
    this.context.enqueue("Worksheet.delete", () => {
      this.book.perform("Worksheet.delete");
      checkStructure(this.book, "delete");
      const state = this.resolve();
      if (this.book.sheets.length === 1) throw new Error("InvalidOperation: last sheet");
      this.book.sheets.splice(this.book.sheets.indexOf(state), 1);
    });
  }

  activate(): void {
    this.gate("activate");
    this.context.enqueue("Worksheet.activate", () => {
      this.book.activeSheetId = this.resolve().id;
    });
  }

  getRange(address: string): FakeRange {
    this.gate("getRange");
    return new FakeRange(this.context, "Range", this, () => [parseArea(address)]);
  }

  getRanges(address: string): FakeRange {
    this.gate("getRanges");
    if (address.length > 255) throw new Error("InvalidArgument: address longer than 255");
    return new FakeRange(this.context, "RangeAreas", this, () =>
      address.split(",").map((part) => parseArea(part))
    );
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    this.gate("getUsedRange");
    // The parameter came with ExcelApi 1.2.
    if (valuesOnly !== undefined && this.book.maxVersion < 1002)
      throw new Error("ApiNotFound: getUsedRange(valuesOnly)");
    return new FakeRange(this.context, "Range", this, () => {
      const state = this.resolve();
      let top = Infinity;
      let left = Infinity;
      let bottom = 0;
      let right = 0;
      state.cells.forEach((cell, k) => {
        if (!isUsed(cell, valuesOnly === true)) return;
        const row = Math.floor(k / 16384);
        const column = k % 16384;
        top = Math.min(top, row);
        left = Math.min(left, column);
        bottom = Math.max(bottom, row);
        right = Math.max(right, column);
      });
      return bottom === 0
        ? [{ top: 1, left: 1, bottom: 1, right: 1 }]
        : [{ top, left, bottom, right }];
    });
  }

  get names(): FakeNamedItemCollection {
    this.gate("names");
    return new FakeNamedItemCollection(this.context, this);
  }

  get protection(): FakeProtection {
    this.gate("protection");
    return new FakeProtection(this.context, this);
  }

  get notes(): FakeNoteCollection {
    this.gate("notes");
    return new FakeNoteCollection(this.context, this);
  }

  get pageLayout(): FakePageLayout {
    this.gate("pageLayout");
    return new FakePageLayout(this.context, this);
  }

  /** A change to a protected sheet fails, as in Excel. */
  editable(): FakeSheetState {
    const state = this.resolve();
    if (state.protected)
      throw excelError("AccessDenied", "the sheet " + state.name + " is protected");
    return state;
  }
}

function eachCell(areas: Area[], visit: (row: number, column: number) => void): void {
  for (const area of areas) {
    for (let row = area.top; row <= Math.min(area.bottom, 100000); row++) {
      for (let column = area.left; column <= Math.min(area.right, 200); column++)
        visit(row, column);
    }
  }
}

export function cellText(cell: FakeCell): string {
  if (cell.value === null) return "";
  if (typeof cell.value === "number") return formatCellText(cell.value, cell.numberFormat);
  if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
  return cell.value;
}

class FakeRange extends Proxy0 {
  constructor(
    context: FakeContext,
    className: "Range" | "RangeAreas",
    readonly sheet: FakeWorksheet,
    readonly areas: () => Area[]
  ) {
    super(context, className);
  }

  private matrix<T>(read: (cell: FakeCell) => T): T[][] {
    const area = this.areas()[0];
    const state = this.sheet.resolve();
    this.book.cellsLoaded += (area.bottom - area.top + 1) * (area.right - area.left + 1);
    const rows: T[][] = [];
    for (let row = area.top; row <= area.bottom; row++) {
      const line: T[] = [];
      for (let column = area.left; column <= area.right; column++)
        line.push(read(state.cells.get(key(row, column)) ?? emptyCell()));
      rows.push(line);
    }
    return rows;
  }

  protected readProperty(name: string): unknown {
    const area = this.areas()[0];
    const state = this.sheet.resolve();
    switch (name) {
      case "address":
        return this.areas()
          .map((a) => areaAddress(state.name, a))
          .join(", ");
      case "rowIndex":
        return area.top - 1;
      case "columnIndex":
        return area.left - 1;
      case "rowCount":
        return area.bottom - area.top + 1;
      case "columnCount":
        return area.right - area.left + 1;
      case "values":
        return this.matrix((cell) => (cell.value === null ? "" : cell.value));
      case "text":
        return this.matrix(cellText);
      case "formulas":
        return this.matrix((cell) => cell.formula ?? (cell.value === null ? "" : cell.value));
      case "numberFormat":
        return this.matrix((cell) => cell.numberFormat);
      case "valueTypes":
        return this.matrix((cell) =>
          cell.error
            ? "Error"
            : cell.value === null
              ? "Empty"
              : typeof cell.value === "number"
                ? "Double"
                : typeof cell.value === "boolean"
                  ? "Boolean"
                  : "String"
        );
      default:
        throw new Error("fake: " + this.className + "." + name + " cannot be loaded");
    }
  }

  get address(): string {
    return this.loadedValue("address");
  }
  get rowIndex(): number {
    return this.loadedValue("rowIndex");
  }
  get columnIndex(): number {
    return this.loadedValue("columnIndex");
  }
  get rowCount(): number {
    return this.loadedValue("rowCount");
  }
  get columnCount(): number {
    return this.loadedValue("columnCount");
  }
  get values(): unknown[][] {
    return this.loadedValue("values");
  }
  get text(): string[][] {
    return this.loadedValue("text");
  }
  get formulas(): unknown[][] {
    return this.loadedValue("formulas");
  }
  get numberFormat(): unknown[][] {
    return this.loadedValue("numberFormat");
  }
  get valueTypes(): string[][] {
    return this.loadedValue("valueTypes");
  }

  set numberFormat(formats: unknown[][]) {
    this.gate("numberFormat");
    this.context.enqueue(
      "Range.numberFormat",
      () => {
        this.book.perform("Range.numberFormat");
        const state = this.sheet.editable();
        const area = this.areas()[0];
        formats.forEach((line, r) =>
          line.forEach((format, c) => {
            const k = key(area.top + r, area.left + c);
            const cell = state.cells.get(k) ?? emptyCell();
            state.cells.set(k, { ...cell, numberFormat: String(format) });
          })
        );
      },
      formats
    );
  }

  set values(values: unknown[][]) {
    this.gate("values");
    this.context.enqueue(
      "Range.values",
      () => {
        this.book.perform("Range.values");
        const state = this.sheet.editable();
        const area = this.areas()[0];
        values.forEach((line, r) =>
          line.forEach((value, c) => {
            const k = key(area.top + r, area.left + c);
            const cell = state.cells.get(k) ?? emptyCell();
            state.cells.set(k, { ...cell, ...parseInput(value, cell.numberFormat) });
          })
        );
      },
      values
    );
  }

  get format(): FakeRangeFormat {
    this.gate("format");
    return new FakeRangeFormat(this.context, this);
  }

  merge(across?: boolean): void {
    this.gate("merge");
    this.context.enqueue("Range.merge", () => {
      this.book.perform("Range.merge");
      const state = this.sheet.editable();
      const area = this.areas()[0];
      if (!across) state.merges.push({ ...area });
      else
        for (let row = area.top; row <= area.bottom; row++)
          state.merges.push({ top: row, left: area.left, bottom: row, right: area.right });
    });
  }

  getMergedAreasOrNullObject(): FakeRange {
    this.gate("getMergedAreasOrNullObject");
    const found = (): Area[] => {
      const area = this.areas()[0];
      return this.sheet
        .resolve()
        .merges.filter(
          (m) =>
            m.top <= area.bottom &&
            m.bottom >= area.top &&
            m.left <= area.right &&
            m.right >= area.left
        );
    };
    const merged = new FakeRange(this.context, "RangeAreas", this.sheet, found);
    (merged as unknown as { isMissing: () => boolean }).isMissing = () => found().length === 0;
    return merged;
  }

  select(): void {
    this.gate("select");
    this.context.enqueue("Range.select", () => {
      const state = this.sheet.resolve();
      if (this.book.activeSheetId !== state.id)
        throw new Error("InvalidSelection: sheet not active");
      this.book.selection = areaAddress(state.name, this.areas()[0]);
    });
  }

  /** Applies a change to every cell of the range (all areas). */
  changeCells(
    operation: string,
    change: (cell: FakeCell, row: number, column: number) => void
  ): void {
    this.context.enqueue(operation, () => {
      this.book.perform(operation);
      const state = this.sheet.editable();
      eachCell(this.areas(), (row, column) => {
        const k = key(row, column);
        const cell = { ...(state.cells.get(k) ?? emptyCell()) };
        change(cell, row, column);
        state.cells.set(k, cell);
      });
    });
  }
}

const ERROR_LITERALS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"];

/** What Excel makes of a value written into a cell of a given number format. */
export function parseInput(value: unknown, numberFormat: string): Partial<FakeCell> {
  if (value === null || value === undefined || value === "")
    return { value: null, formula: null, error: false };
  if (typeof value === "number" || typeof value === "boolean")
    return { value, formula: null, error: false };
  const text = String(value);
  if (numberFormat === "@") return { value: text, formula: null, error: false };
  // An error literal typed into a cell not formatted as text is that error value, as in Excel.
  if (ERROR_LITERALS.indexOf(text) >= 0) return { value: text, formula: null, error: true };
  if (/^[=+\-@]./.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text))
    return { value: "#NAME?", formula: "=" + text.replace(/^=/, ""), error: true };
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return { value: Number(text), formula: null, error: false };
  return { value: text, formula: null, error: false };
}

class FakeRangeFormat extends Proxy0 {
  constructor(
    context: FakeContext,
    readonly range: FakeRange
  ) {
    super(context, "RangeFormat");
  }

  protected readProperty(): unknown {
    throw new Error("fake: RangeFormat properties cannot be loaded");
  }

  get fill(): FakeRangeFill {
    this.gate("fill");
    return new FakeRangeFill(this.context, this.range);
  }
  get font(): FakeRangeFont {
    this.gate("font");
    return new FakeRangeFont(this.context, this.range);
  }
  get borders(): { getItem(side: string): { style: string; weight: string } } {
    this.gate("borders");
    const range = this.range;
    const book = this.book;
    return {
      getItem(side: string) {
        book.gate("RangeBorderCollection.getItem");
        return {
          set style(style: string) {
            book.gate("RangeBorder.style");
            range.changeCells("RangeBorder.style", (cell) => {
              cell.borders = (cell.borders ?? []).filter((s) => s !== side).concat(side);
            });
          },
          set weight(_weight: string) {
            book.gate("RangeBorder.weight");
          },
        } as { style: string; weight: string };
      },
    };
  }
  set horizontalAlignment(value: string) {
    this.gate("horizontalAlignment");
    this.range.changeCells("RangeFormat.horizontalAlignment", (cell) => (cell.horizontal = value));
  }
  set verticalAlignment(value: string) {
    this.gate("verticalAlignment");
    this.range.changeCells("RangeFormat.verticalAlignment", (cell) => (cell.vertical = value));
  }
  set wrapText(value: boolean) {
    this.gate("wrapText");
    this.range.changeCells("RangeFormat.wrapText", (cell) => (cell.wrap = value));
  }
  set columnWidth(value: number) {
    this.gate("columnWidth");
    this.context.enqueue("RangeFormat.columnWidth", () => {
      const state = this.range.sheet.editable();
      for (const area of this.range.areas())
        for (let column = area.left; column <= area.right; column++)
          state.columnWidths.set(column, value);
    });
  }
  set rowHeight(value: number) {
    this.gate("rowHeight");
    this.context.enqueue("RangeFormat.rowHeight", () => {
      const state = this.range.sheet.editable();
      for (const area of this.range.areas())
        for (let row = area.top; row <= area.bottom; row++) state.rowHeights.set(row, value);
    });
  }
}

class FakeRangeFill extends Proxy0 {
  constructor(
    context: FakeContext,
    readonly range: FakeRange
  ) {
    super(context, "RangeFill");
  }

  protected readProperty(name: string): unknown {
    const area = this.range.areas()[0];
    const cell = this.range.sheet.resolve().cells.get(key(area.top, area.left)) ?? emptyCell();
    // Excel reports no fill as white; only `pattern` (ExcelApi 1.9) tells them apart.
    if (name === "color") return cell.fill ?? "#FFFFFF";
    if (name === "pattern") return cell.fill ? (cell.pattern ?? "Solid") : "None";
    if (name === "patternColor") return cell.patternColor ?? "#000000";
    throw new Error("fake: RangeFill." + name);
  }

  get color(): string {
    return this.loadedValue("color");
  }
  /** A colour makes a solid fill, as in Excel. */
  set color(value: string) {
    this.gate("color");
    this.range.changeCells("RangeFill.color", (cell) => {
      cell.fill = value.toUpperCase();
      delete cell.pattern;
      delete cell.patternColor;
    });
  }
  get pattern(): string {
    return this.loadedValue("pattern");
  }
  set pattern(value: string) {
    this.gate("pattern");
    this.range.changeCells("RangeFill.pattern", (cell) => {
      if (value === "None") {
        cell.fill = null;
        delete cell.pattern;
        delete cell.patternColor;
        return;
      }
      if (cell.fill === null) cell.fill = "#FFFFFF";
      if (value === "Solid") delete cell.pattern;
      else cell.pattern = value;
    });
  }
  get patternColor(): string {
    return this.loadedValue("patternColor");
  }
  set patternColor(value: string) {
    this.gate("patternColor");
    this.range.changeCells("RangeFill.patternColor", (cell) => {
      cell.patternColor = value.toUpperCase();
    });
  }
  clear(): void {
    this.gate("clear");
    this.range.changeCells("RangeFill.clear", (cell) => {
      cell.fill = null;
      delete cell.pattern;
      delete cell.patternColor;
    });
  }
}

class FakeRangeFont extends Proxy0 {
  constructor(
    context: FakeContext,
    readonly range: FakeRange
  ) {
    super(context, "RangeFont");
  }

  protected readProperty(): unknown {
    throw new Error("fake: RangeFont properties cannot be loaded");
  }

  set bold(value: boolean) {
    this.gate("bold");
    this.range.changeCells("RangeFont.bold", (cell) => (cell.bold = value));
  }
  set size(value: number) {
    this.gate("size");
    this.range.changeCells("RangeFont.size", (cell) => (cell.fontSize = value));
  }
}

class FakeNamedItemCollection extends Proxy0 {
  private itemList: FakeNamedItem[] | null = null;

  constructor(
    context: FakeContext,
    readonly sheet: FakeWorksheet
  ) {
    super(context, "NamedItemCollection");
  }

  protected readProperty(): unknown {
    return undefined;
  }

  override load(spec?: string | string[]): this {
    const paths = (Array.isArray(spec) ? spec : String(spec ?? "").split(",")).map((p) => p.trim());
    const properties = paths
      .map((path) => path.replace(/^items\//, ""))
      .filter((p) => p !== "items");
    for (const property of properties) this.book.gate("NamedItem." + property);
    this.context.enqueue("NamedItemCollection.load", () => {
      const state = this.sheet.resolve();
      this.itemList = Array.from(state.names.keys()).map((name) => {
        const item = new FakeNamedItem(this.context, this.sheet, name);
        for (const property of properties) item.forceLoaded(property, item.read(property));
        return item;
      });
    });
    return this;
  }

  get items(): FakeNamedItem[] {
    if (!this.itemList) throw new Error("PropertyNotLoaded: NamedItemCollection.items");
    return this.itemList;
  }

  add(name: string, reference: string): FakeNamedItem {
    this.gate("add");
    this.context.enqueue("NamedItemCollection.add", () => {
      this.book.perform("NamedItemCollection.add");
      const state = this.sheet.editable();
      if (state.names.has(name)) throw new Error("ItemAlreadyExists: name " + name);
      state.names.set(name, { formula: reference, visible: true });
    });
    return new FakeNamedItem(this.context, this.sheet, name);
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    this.gate("getItemOrNullObject");
    const item = new FakeNamedItem(this.context, this.sheet, name);
    (item as unknown as { isMissing: () => boolean }).isMissing = () =>
      !this.sheet.resolve().names.has(name);
    return item;
  }
}

class FakeNamedItem extends Proxy0 {
  constructor(
    context: FakeContext,
    readonly sheet: FakeWorksheet,
    readonly itemName: string
  ) {
    super(context, "NamedItem");
  }

  read(name: string): unknown {
    return this.readProperty(name);
  }

  protected readProperty(name: string): unknown {
    const entry = this.sheet.resolve().names.get(this.itemName);
    if (!entry) throw new Error("ItemNotFound: name " + this.itemName);
    if (name === "name") return this.itemName;
    // A name holding a string constant gives its value without the formula's quotes.
    if (name === "value") return entry.formula.replace(/^=?"(.*)"$/, "$1");
    if (name === "visible") return entry.visible;
    throw new Error("fake: NamedItem." + name);
  }

  get name(): string {
    return this.loadedValue("name");
  }
  get value(): string {
    return this.loadedValue("value");
  }
  set visible(value: boolean) {
    this.gate("visible");
    this.context.enqueue("NamedItem.visible", () => {
      const entry = this.sheet.resolve().names.get(this.itemName);
      if (!entry) throw new Error("ItemNotFound: name " + this.itemName);
      entry.visible = value;
    });
  }
}

class FakeProtection extends Proxy0 {
  constructor(
    context: FakeContext,
    readonly sheet: FakeWorksheet
  ) {
    super(context, "WorksheetProtection");
  }

  protected readProperty(name: string): unknown {
    if (name === "protected") return this.sheet.resolve().protected;
    throw new Error("fake: WorksheetProtection." + name);
  }

  get protected(): boolean {
    return this.loadedValue("protected");
  }
}

class FakeNoteCollection extends Proxy0 {
  constructor(
    context: FakeContext,
    readonly sheet: FakeWorksheet
  ) {
    super(context, "NoteCollection");
  }

  protected readProperty(): unknown {
    return undefined;
  }

  add(cell: string, content: string): FakeNote {
    this.gate("add");
    this.context.enqueue("NoteCollection.add", () => {
      this.book.perform("NoteCollection.add");
      const state = this.sheet.editable();
      if (state.notes.has(cell)) throw new Error("InvalidArgument: the cell has a note");
      state.notes.set(cell, content);
    });
    return new FakeNote(this.context, this.sheet, cell);
  }

  getItem(cell: string): FakeNote {
    this.gate("getItem");
    return new FakeNote(this.context, this.sheet, cell);
  }

  getItemOrNullObject(cell: string): FakeNote {
    this.gate("getItemOrNullObject");
    const note = new FakeNote(this.context, this.sheet, cell);
    (note as unknown as { isMissing: () => boolean }).isMissing = () =>
      !this.sheet.resolve().notes.has(cell);
    return note;
  }
}

class FakeNote extends Proxy0 {
  constructor(
    context: FakeContext,
    readonly sheet: FakeWorksheet,
    readonly cell: string
  ) {
    super(context, "Note");
  }

  protected readProperty(name: string): unknown {
    if (name === "content") {
      const content = this.sheet.resolve().notes.get(this.cell);
      if (content === undefined) throw new Error("ItemNotFound: note " + this.cell);
      return content;
    }
    throw new Error("fake: Note." + name);
  }

  get content(): string {
    return this.loadedValue("content");
  }
  set content(value: string) {
    this.gate("content");
    this.context.enqueue("Note.content", () => {
      this.book.perform("Note.content");
      const state = this.sheet.editable();
      if (!state.notes.has(this.cell)) throw new Error("ItemNotFound: note " + this.cell);
      state.notes.set(this.cell, value);
    });
  }

  delete(): void {
    this.gate("delete");
    this.context.enqueue("Note.delete", () => {
      this.book.perform("Note.delete");
      const state = this.sheet.editable();
      if (!state.notes.delete(this.cell)) throw new Error("ItemNotFound: note " + this.cell);
    });
  }
}

class FakePageLayout extends Proxy0 {
  constructor(
    context: FakeContext,
    readonly sheet: FakeWorksheet
  ) {
    super(context, "PageLayout");
  }

  protected readProperty(): unknown {
    throw new Error("fake: PageLayout properties cannot be loaded");
  }

  private change(name: "paperSize" | "orientation" | "zoom", value: unknown): void {
    this.gate(name);
    this.context.enqueue("PageLayout." + name, () => {
      const state = this.sheet.editable();
      (state.pageLayout as Record<string, unknown>)[name] = value;
    });
  }

  set paperSize(value: string) {
    this.change("paperSize", value);
  }
  set orientation(value: string) {
    this.change("orientation", value);
  }
  set zoom(value: unknown) {
    this.change("zoom", value);
  }
}

/** The settings as the document holds them: what `saveAsync` wrote, what `refreshAsync` reads. */
export class FakeSettingsDocument {
  saved: Record<string, unknown> = {};
}

function cloneSettings(settings: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(settings)) as Record<string, unknown>;
}

/**
 * One add-in instance's `Office.context.document.settings`: an in-memory copy of the document's
 * settings taken when the instance started. The task pane and the ribbon command are separate
 * instances on one document (`otherInstance()`); neither sees the other's saves until it calls
 * `refreshAsync`, and `saveAsync` writes the instance's whole copy over the document's.
 */
export class FakeSettings {
  stored: Record<string, unknown>;
  saveCount = 0;
  refreshCount = 0;
  /** The next this many `refreshAsync` calls fail, as they can (the host refuses). */
  refreshFailures = 0;

  constructor(readonly document: FakeSettingsDocument = new FakeSettingsDocument()) {
    this.stored = cloneSettings(document.saved);
  }

  get saved(): Record<string, unknown> {
    return this.document.saved;
  }

  /** Another add-in instance on the same document, starting from what the document holds now. */
  otherInstance(): FakeSettings {
    return new FakeSettings(this.document);
  }

  /** The instance a reopened document starts: unsaved settings are lost. */
  reopen(): void {
    this.stored = cloneSettings(this.document.saved);
  }

  refreshAsync(callback?: (result: { status: string; error?: { message: string } }) => void): void {
    this.refreshCount++;
    if (this.refreshFailures > 0) {
      this.refreshFailures--;
      if (callback) callback({ status: "failed", error: { message: "refresh refused" } });
      return;
    }
    this.stored = cloneSettings(this.document.saved);
    if (callback) callback({ status: "succeeded" });
  }

  get(name: string): unknown {
    return name in this.stored ? JSON.parse(JSON.stringify(this.stored[name])) : null;
  }
  set(name: string, value: unknown): void {
    this.stored[name] = JSON.parse(JSON.stringify(value));
  }
  remove(name: string): void {
    delete this.stored[name];
  }
  saveAsync(callback?: (result: { status: string }) => void): void {
    this.saveCount++;
    this.document.saved = cloneSettings(this.stored);
    if (callback) callback({ status: "succeeded" });
  }
}

export { columnLetters };
