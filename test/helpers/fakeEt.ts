/// <reference types="et-jsapi-declare/lib.et" />
/**
 * An in-memory WPS 表格 for the WPS adapter's tests: a synchronous ET (COM-style) facade over the
 * same workbook state as the fake Excel (fakeExcel.ts), so that both adapters are seeded from the
 * same fixtures and compared on the same state. It models what the adapter relies on, as the
 * typings (et-jsapi-declare) and the field reports describe ET — none of it is checked against a
 * real WPS:
 * - 1-based collections (`Count`, `Item(i or name)`), `Address()` and `Comment.Text()` as methods;
 * - `Value2` and `Formula` of many cells as 2-D arrays (or, with `value2: "item"`, an object with
 *   Item(r, c)), of one cell as a scalar; empty cells as undefined; dates as serial numbers;
 *   error cells as COM error codes (or, with `errors: "text"`, as their text);
 * - properties of many cells (`NumberFormat`, `Text`, `MergeCells`, `Interior.*`) give the
 *   common value, or null when the cells differ;
 * - BGR colours (0xBBGGRR), XlPattern constants, "no fill" reading as white with Pattern -4142;
 * - multi-area addresses ("A1,B3:B5") up to 255 characters, longer ones refused;
 * - the used range counts cells that only carry formatting;
 * - 批注 (comments): `AddComment` refuses a cell that has one; `Comment` is null without one;
 * - sheet names: at most 31 characters, none of []:*?/\, unique ignoring case; `Delete` asks
 *   the user unless `DisplayAlerts` is false (here: throws);
 * - protection: a protected sheet refuses values, formats and comments (formats allowed with
 *   `AllowFormattingCells`); a protected structure refuses adding, renaming, moving, deleting;
 * - sheet-scoped names (`Worksheet.Names`) read back as "表1!Name";
 * - custom document properties, text values of at most 255 characters, kept by `reopen()`;
 *   PluginStorage, lost by it;
 * - `failWhen` fails any change by name and count, to test that writes are undone.
 * Anything else the adapter touches throws "not modelled", so that a member the fake does not
 * know fails a test instead of passing silently. `calls` counts every member used.
 */
import { parseA1, toA1 } from "../../src/engine/grid/address";
import {
  FakeWorkbook,
  cellText,
  emptyCell,
  isUsed,
  parseInput,
  type FakeCell,
  type FakeSheetState,
} from "./fakeExcel";

export interface FakeEtOptions {
  /** How `Value2` gives an error cell: a COM error code (default) or its text. */
  readonly errors?: "code" | "text";
  /** The shape of a many-cell `Value2`/`Formula` read: a 2-D array (default) or Item(r, c). */
  readonly value2?: "array" | "item";
  /** Whether WorksheetFunction.IsError takes a range (default); without, it throws. */
  readonly isError?: boolean;
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const MAX_ROW = 1048576;
const MAX_COLUMN = 16384;
const key = (row: number, column: number): number => row * 16384 + column;

const ERROR_CODES: Record<string, number> = {
  "#NULL!": -2146826288,
  "#DIV/0!": -2146826281,
  "#VALUE!": -2146826273,
  "#REF!": -2146826265,
  "#NAME?": -2146826259,
  "#NUM!": -2146826252,
  "#N/A": -2146826246,
};

const PATTERNS: Record<string, number> = {
  Gray50: -4125,
  Gray75: -4126,
  Gray25: -4124,
  Horizontal: -4128,
  Vertical: -4166,
  Down: -4121,
  Up: -4162,
  Checker: 9,
  SemiGray75: 10,
  LightHorizontal: 11,
  LightVertical: 12,
  LightDown: 13,
  LightUp: 14,
  Grid: 15,
  CrissCross: 16,
  Gray16: 17,
  Gray8: 18,
};
const XL_NONE = -4142;
const XL_SOLID = 1;
const WHITE = 0xffffff;
const EDGES: Record<number, string> = {
  7: "EdgeLeft",
  8: "EdgeTop",
  9: "EdgeBottom",
  10: "EdgeRight",
  11: "InsideVertical",
  12: "InsideHorizontal",
};

function toBgr(hex: string): number {
  const h = hex.replace("#", "");
  return (
    parseInt(h.slice(0, 2), 16) +
    parseInt(h.slice(2, 4), 16) * 256 +
    parseInt(h.slice(4, 6), 16) * 65536
  );
}

function fromBgr(value: unknown): string {
  if (typeof value !== "number" || value < 0 || value > WHITE)
    throw new Error("fake ET: a colour is a BGR integer, not " + JSON.stringify(value));
  const part = (n: number) => n.toString(16).toUpperCase().padStart(2, "0");
  return "#" + part(value & 0xff) + part((value >> 8) & 0xff) + part((value >> 16) & 0xff);
}

/** Members every object answers without counting: what JavaScript and jest probe. */
const IGNORED = new Set([
  "then",
  "toJSON",
  "asymmetricMatch",
  "$$typeof",
  "nodeType",
  "constructor",
  "inspect",
]);

function hasSetter(target: object, property: string): boolean {
  for (let proto: object | null = target; proto; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, property);
    if (descriptor) return typeof descriptor.set === "function" || "value" in descriptor;
  }
  return false;
}

/** Wraps a fake object so that unknown members throw and every member used is counted. */
function strict<T extends object>(host: FakeEtHost, className: string, target: T): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === "symbol" || IGNORED.has(property) || property.charAt(0) === "_")
        return Reflect.get(object, property, receiver);
      if (!(property in object))
        throw new Error("fake ET: " + className + "." + property + " is not modelled");
      host.calls++;
      return Reflect.get(object, property, receiver);
    },
    set(object, property, value, receiver) {
      if (typeof property === "string" && property.charAt(0) !== "_") {
        if (!hasSetter(object, property))
          throw new Error("fake ET: setting " + className + "." + property + " is not modelled");
        host.calls++;
      }
      return Reflect.set(object, property, value, receiver);
    },
  });
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
}

function parseAreas(address: string): Area[] {
  if (address.length > 255)
    throw new Error(
      "fake ET: Range(): a reference of " + address.length + " characters (at most 255)"
    );
  return address.split(",").map((text) => {
    const part = text.trim().replace(/\$/g, "");
    if (part.indexOf("!") >= 0) throw new Error("fake ET: sheet-qualified Range() is not modelled");
    const [a, b] = part.split(":");
    if (/^[A-Z]+$/i.test(a) && /^[A-Z]+$/i.test(b ?? a))
      return {
        top: 1,
        bottom: MAX_ROW,
        left: parseA1(a + "1")!.column,
        right: parseA1((b ?? a) + "1")!.column,
      };
    if (/^\d+$/.test(a) && /^\d+$/.test(b ?? a))
      return { top: Number(a), bottom: Number(b ?? a), left: 1, right: MAX_COLUMN };
    const start = parseA1(a);
    const end = parseA1(b ?? a);
    if (!start || !end) throw new Error("fake ET: Range(): bad address " + text);
    return {
      top: Math.min(start.row, end.row),
      left: Math.min(start.column, end.column),
      bottom: Math.max(start.row, end.row),
      right: Math.max(start.column, end.column),
    };
  });
}

function areaText(area: Area, absolute: boolean): string {
  const dollar = absolute ? "$" : "";
  const cell = (row: number, column: number) => {
    const a1 = toA1(row, column);
    const letters = a1.replace(/\d+$/, "");
    return dollar + letters + dollar + a1.slice(letters.length);
  };
  const first = cell(area.top, area.left);
  const last = cell(area.bottom, area.right);
  return first === last ? first : first + ":" + last;
}

function eachCell(areas: readonly Area[], visit: (row: number, column: number) => void): void {
  for (const area of areas)
    for (let row = area.top; row <= Math.min(area.bottom, 100000); row++)
      for (let column = area.left; column <= Math.min(area.right, 200); column++)
        visit(row, column);
}

export class FakeEtHost {
  readonly book: FakeWorkbook;
  /** Custom document properties, as saved with the file. */
  readonly properties = new Map<string, string>();
  /** PluginStorage: shared by the add-in's pages, kept in memory only. */
  readonly pluginStorage = new Map<string, string>();
  /** Members used since the last `resetCalls()`. */
  calls = 0;
  screenUpdating = true;
  displayAlerts = true;
  /** No workbook open: ActiveWorkbook is null. */
  noWorkbook = false;
  readonly dialogs: Array<{
    url: string;
    title?: string;
    width?: number;
    height?: number;
    modal?: boolean;
  }> = [];
  readonly taskPanes = new Map<number, FakeTaskPane>();
  readonly application: Et.Application;
  readonly options: Required<FakeEtOptions>;

  constructor(options: FakeEtOptions = {}, book = new FakeWorkbook()) {
    this.book = book;
    this.options = { errors: "code", value2: "array", isError: true, ...options };
    this.application = strict(
      this,
      "Application",
      new FakeApplication(this)
    ) as unknown as Et.Application;
  }

  /** Saves, closes and opens the file again: properties stay, PluginStorage and selection go. */
  reopen(): void {
    this.book.reopen();
    this.pluginStorage.clear();
    this.calls = 0;
  }

  resetCalls(): void {
    this.calls = 0;
  }

  /** Counts a change and fails it when the test asked for that (book.failWhen). */
  perform(operation: string): void {
    this.book.perform(operation);
  }

  worksheet(state: FakeSheetState): Et.Worksheet {
    return strict(this, "Worksheet", new FakeWorksheet(this, state)) as unknown as Et.Worksheet;
  }

  range(state: FakeSheetState, areas: Area[]): Et.Range {
    return strict(this, "Range", new FakeRange(this, state, areas)) as unknown as Et.Range;
  }
}

export class FakeTaskPane {
  Visible = false;
  DockPosition = 2;
  Width = 400;
  deleted = false;
  navigated: string[] = [];
  constructor(
    readonly ID: number,
    readonly url: string,
    readonly title: string | undefined
  ) {}
  Navigate(url: string): void {
    this.navigated.push(url);
  }
  Delete(): void {
    this.deleted = true;
  }
}

class FakeApplication {
  constructor(private readonly _host: FakeEtHost) {}

  get ActiveWorkbook(): Et.Workbook | null {
    if (this._host.noWorkbook) return null;
    return strict(
      this._host,
      "Workbook",
      new FakeWorkbookObject(this._host)
    ) as unknown as Et.Workbook;
  }

  get ActiveSheet(): Et.Worksheet | null {
    const state = this._host.book.sheets.find(
      (sheet) => sheet.id === this._host.book.activeSheetId
    );
    return state ? this._host.worksheet(state) : null;
  }

  get ScreenUpdating(): boolean {
    return this._host.screenUpdating;
  }
  set ScreenUpdating(value: boolean) {
    this._host.screenUpdating = value;
  }
  get DisplayAlerts(): boolean {
    return this._host.displayAlerts;
  }
  set DisplayAlerts(value: boolean) {
    this._host.displayAlerts = value;
  }

  get WorksheetFunction(): Et.WorksheetFunction {
    const host = this._host;
    return strict(host, "WorksheetFunction", {
      IsError(argument: unknown): boolean {
        if (!host.options.isError) throw new Error("fake ET: IsError(range) refused on this build");
        const range = argument as unknown as { _cells(): FakeCell[] };
        if (!range || typeof range._cells !== "function")
          throw new Error("fake ET: IsError takes a range here");
        const cells = range._cells();
        return cells.length === 1 && cells[0].error;
      },
    }) as unknown as Et.WorksheetFunction;
  }

  get PluginStorage(): unknown {
    const store = this._host.pluginStorage;
    return strict(this._host, "PluginStorage", {
      getItem: (name: string) => (store.has(name) ? store.get(name) : null),
      setItem: (name: string, value: unknown) => void store.set(name, String(value)),
      removeItem: (name: string) => void store.delete(name),
    });
  }

  get Build(): string {
    return "12.1.0.fake";
  }

  CreateTaskPane(url: string, title?: string): FakeTaskPane {
    const id = this._host.taskPanes.size + 1;
    const pane = new FakeTaskPane(id, url, title);
    this._host.taskPanes.set(id, pane);
    return strict(this._host, "TaskPane", pane);
  }

  GetTaskPane(id: number): FakeTaskPane {
    const pane = this._host.taskPanes.get(Number(id));
    if (!pane || pane.deleted) throw new Error("fake ET: no task pane " + id);
    return strict(this._host, "TaskPane", pane);
  }

  ShowDialog(url: string, title?: string, width?: number, height?: number, modal?: boolean): void {
    this._host.dialogs.push({ url, title, width, height, modal });
  }
}

class FakeWorkbookObject {
  constructor(private readonly _host: FakeEtHost) {}

  get Name(): string {
    return "fake.xlsx";
  }

  get Worksheets(): Et.Sheets {
    return strict(this._host, "Sheets", new FakeSheets(this._host)) as unknown as Et.Sheets;
  }

  get ProtectStructure(): boolean {
    return this._host.book.structureProtected;
  }

  get CustomDocumentProperties(): Kso.DocumentProperties {
    return strict(
      this._host,
      "DocumentProperties",
      new FakeProperties(this._host)
    ) as unknown as Kso.DocumentProperties;
  }
}

function checkStructure(host: FakeEtHost, change: string): void {
  if (host.book.structureProtected)
    throw new Error("fake ET: the workbook's structure is protected: " + change);
}

class FakeSheets {
  constructor(private readonly _host: FakeEtHost) {}

  get Count(): number {
    return this._host.book.sheets.length;
  }

  Item(index: number | string): Et.Worksheet {
    const sheets = this._host.book.sheets;
    const state =
      typeof index === "number"
        ? sheets[index - 1]
        : sheets.find((sheet) => sheet.name.toLowerCase() === String(index).toLowerCase());
    if (!state)
      throw new Error("fake ET: Worksheets.Item(" + JSON.stringify(index) + "): no such sheet");
    return this._host.worksheet(state);
  }

  Add(before?: unknown, after?: unknown): Et.Worksheet {
    const host = this._host;
    host.perform("Worksheets.Add");
    checkStructure(host, "Worksheets.Add");
    const sheets = host.book.sheets;
    let n = 1;
    while (sheets.some((sheet) => sheet.name.toLowerCase() === "sheet" + n)) n++;
    const state = host.book.addSheet("Sheet" + n);
    sheets.splice(sheets.indexOf(state), 1);
    const anchor = (after ?? before) as { _state?: FakeSheetState } | undefined;
    const anchorState = anchor && anchor._state;
    const active = sheets.find((sheet) => sheet.id === host.book.activeSheetId);
    const position = anchorState
      ? sheets.indexOf(anchorState) + (after ? 1 : 0)
      : active
        ? sheets.indexOf(active)
        : 0;
    sheets.splice(position, 0, state);
    return host.worksheet(state);
  }
}

class FakeWorksheet {
  constructor(
    private readonly _host: FakeEtHost,
    readonly _state: FakeSheetState
  ) {}

  _live(): FakeSheetState {
    if (this._host.book.sheets.indexOf(this._state) < 0)
      throw new Error("fake ET: the sheet was deleted");
    return this._state;
  }

  get Name(): string {
    return this._live().name;
  }

  set Name(value: string) {
    const host = this._host;
    host.perform("Worksheet.Name");
    const state = this._live();
    checkStructure(host, "Worksheet.Name");
    if (
      typeof value !== "string" ||
      value.length === 0 ||
      value.length > 31 ||
      /[[\]:*?/\\]/.test(value) ||
      /^'|'$/.test(value)
    )
      throw new Error("fake ET: invalid sheet name " + JSON.stringify(value));
    if (
      host.book.sheets.some(
        (sheet) => sheet !== state && sheet.name.toLowerCase() === value.toLowerCase()
      )
    )
      throw new Error("fake ET: a sheet named " + value + " exists");
    state.name = value;
  }

  get Index(): number {
    return this._host.book.sheets.indexOf(this._live()) + 1;
  }

  get ProtectContents(): boolean {
    return this._live().protected;
  }

  get Protection(): unknown {
    const state = this._live() as FakeSheetState & { allowFormattingCells?: boolean };
    return strict(this._host, "Protection", {
      get AllowFormattingCells() {
        return state.allowFormattingCells === true;
      },
    });
  }

  get UsedRange(): Et.Range {
    const state = this._live();
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    state.cells.forEach((cell, k) => {
      if (!isUsed(cell, false)) return;
      const row = Math.floor(k / 16384);
      const column = k % 16384;
      top = Math.min(top, row);
      left = Math.min(left, column);
      bottom = Math.max(bottom, row);
      right = Math.max(right, column);
    });
    // An empty sheet's used range is A1, as in Excel.
    const area =
      bottom === 0 ? { top: 1, left: 1, bottom: 1, right: 1 } : { top, left, bottom, right };
    return this._host.range(state, [area]);
  }

  Range(address: string): Et.Range {
    return this._host.range(this._live(), parseAreas(String(address)));
  }

  get Names(): Et.Names {
    return strict(
      this._host,
      "Names",
      new FakeNames(this._host, this._live())
    ) as unknown as Et.Names;
  }

  get Comments(): Et.Comments {
    const host = this._host;
    const state = this._live();
    const ordered = () =>
      Array.from(state.notes.keys()).sort((a, b) => {
        const pa = parseA1(a)!;
        const pb = parseA1(b)!;
        return pa.row - pb.row || pa.column - pb.column;
      });
    return strict(host, "Comments", {
      get Count() {
        return state.notes.size;
      },
      Item(index: number) {
        const cell = ordered()[index - 1];
        if (!cell) throw new Error("fake ET: Comments.Item(" + index + ")");
        return fakeComment(host, state, cell);
      },
    }) as unknown as Et.Comments;
  }

  get PageSetup(): Et.PageSetup {
    const host = this._host;
    const state = this._live();
    const layout = state.pageLayout as Record<string, unknown>;
    const zoom = () => (layout.zoom ?? (layout.zoom = {})) as Record<string, unknown>;
    const change = (name: string, apply: () => void) => {
      host.perform("PageSetup." + name);
      apply();
    };
    return strict(host, "PageSetup", {
      set PaperSize(value: number) {
        change("PaperSize", () => (layout.paperSize = value === 9 ? "A4" : String(value)));
      },
      set Orientation(value: number) {
        change("Orientation", () => (layout.orientation = value === 2 ? "Landscape" : "Portrait"));
      },
      set Zoom(value: unknown) {
        change("Zoom", () => {
          if (value !== false) throw new Error("fake ET: only Zoom = false is modelled");
        });
      },
      set FitToPagesWide(value: number) {
        change("FitToPagesWide", () => (zoom().horizontalFitToPages = value));
      },
      set FitToPagesTall(value: unknown) {
        change("FitToPagesTall", () => (zoom().verticalFitToPages = value === false ? 0 : value));
      },
    }) as unknown as Et.PageSetup;
  }

  Activate(): void {
    this._host.book.activeSheetId = this._live().id;
  }

  Delete(): void {
    const host = this._host;
    host.perform("Worksheet.Delete");
    const state = this._live();
    checkStructure(host, "Worksheet.Delete");
    if (host.displayAlerts)
      throw new Error("fake ET: Delete() would ask the user to confirm; set DisplayAlerts = false");
    if (host.book.sheets.length === 1)
      throw new Error("fake ET: a workbook keeps at least one sheet");
    host.book.sheets.splice(host.book.sheets.indexOf(state), 1);
  }

  Move(before?: unknown, after?: unknown): void {
    const host = this._host;
    host.perform("Worksheet.Move");
    const state = this._live();
    checkStructure(host, "Worksheet.Move");
    const anchor = ((before ?? after) as { _state?: FakeSheetState } | undefined)?._state;
    if (!anchor)
      throw new Error("fake ET: Move() without a sheet (a new workbook) is not modelled");
    const sheets = host.book.sheets;
    sheets.splice(sheets.indexOf(state), 1);
    sheets.splice(sheets.indexOf(anchor) + (before ? 0 : 1), 0, state);
  }
}

function fakeComment(host: FakeEtHost, state: FakeSheetState, cell: string): Et.Comment {
  const position = parseA1(cell)!;
  return strict(host, "Comment", {
    get Parent() {
      return host.range(state, [
        { top: position.row, left: position.column, bottom: position.row, right: position.column },
      ]);
    },
    get Author() {
      return "";
    },
    Text(text?: string) {
      const current = state.notes.get(cell);
      if (current === undefined) throw new Error("fake ET: the comment was deleted");
      if (text === undefined) return current;
      host.perform("Comment.Text");
      if (state.protected) throw new Error("fake ET: the sheet is protected");
      state.notes.set(cell, String(text));
      return String(text);
    },
    Delete() {
      host.perform("Comment.Delete");
      if (state.protected) throw new Error("fake ET: the sheet is protected");
      if (!state.notes.delete(cell)) throw new Error("fake ET: the comment was deleted");
    },
  }) as unknown as Et.Comment;
}

class FakeNames {
  constructor(
    private readonly _host: FakeEtHost,
    private readonly _state: FakeSheetState
  ) {}

  get Count(): number {
    return this._state.names.size;
  }

  Item(index: number | string): Et.Name {
    const names = Array.from(this._state.names.keys());
    const name =
      typeof index === "number"
        ? names[index - 1]
        : names.find((n) => n.toLowerCase() === String(index).toLowerCase());
    if (name === undefined) throw new Error("fake ET: Names.Item(" + JSON.stringify(index) + ")");
    const state = this._state;
    return strict(this._host, "Name", {
      get Name() {
        // A sheet-scoped name reads back with its sheet, as in Excel's COM model.
        return quoteSheet(state.name) + "!" + name;
      },
      get RefersTo() {
        return state.names.get(name)!.formula;
      },
      get Visible() {
        return state.names.get(name)!.visible;
      },
      Delete() {
        state.names.delete(name);
      },
    }) as unknown as Et.Name;
  }

  Add(name: string, refersTo: string, visible?: boolean): Et.Name {
    this._host.perform("Names.Add");
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw new Error("fake ET: invalid name " + name);
    const formula = String(refersTo);
    if (formula.charAt(0) !== "=") throw new Error("fake ET: RefersTo starts with =");
    this._state.names.set(name, { formula, visible: visible !== false });
    return this.Item(name);
  }
}

class FakeProperties {
  constructor(private readonly _host: FakeEtHost) {}

  get Count(): number {
    return this._host.properties.size;
  }

  Item(index: number | string): Kso.DocumentProperty {
    const host = this._host;
    const names = Array.from(host.properties.keys());
    const name = typeof index === "number" ? names[index - 1] : names.find((n) => n === index);
    // COM raises an error for a property that is not there.
    if (name === undefined)
      throw new Error("fake ET: no document property " + JSON.stringify(index));
    return strict(host, "DocumentProperty", {
      get Name() {
        return name;
      },
      get Value(): string {
        const value = host.properties.get(name);
        if (value === undefined) throw new Error("fake ET: the property was deleted");
        return value;
      },
      set Value(value: string) {
        host.perform("DocumentProperty.Value");
        if (String(value).length > 255)
          throw new Error("fake ET: a text property holds at most 255 characters");
        host.properties.set(name, String(value));
      },
      get Type() {
        return 4;
      },
      Delete() {
        host.perform("DocumentProperty.Delete");
        host.properties.delete(name);
      },
    }) as unknown as Kso.DocumentProperty;
  }

  Add(name: string, linkToContent: boolean, type: number, value: string): Kso.DocumentProperty {
    const host = this._host;
    host.perform("DocumentProperties.Add");
    if (host.properties.has(name))
      throw new Error("fake ET: document property " + name + " exists");
    if (linkToContent !== false || type !== 4)
      throw new Error("fake ET: only text properties are modelled");
    if (String(value).length > 255)
      throw new Error("fake ET: a text property holds at most 255 characters");
    host.properties.set(name, String(value));
    return this.Item(name);
  }
}

class FakeRange {
  constructor(
    private readonly _host: FakeEtHost,
    readonly _sheet: FakeSheetState,
    readonly _areas: Area[]
  ) {}

  private _state(): FakeSheetState {
    if (this._host.book.sheets.indexOf(this._sheet) < 0)
      throw new Error("fake ET: the sheet was deleted");
    return this._sheet;
  }

  /** The cells of the first area (what a read of a multi-area range answers for), row by row. */
  _cells(): FakeCell[] {
    const state = this._state();
    const cells: FakeCell[] = [];
    eachCell(this._areas, (row, column) =>
      cells.push(state.cells.get(key(row, column)) ?? emptyCell())
    );
    return cells;
  }

  private _matrix(read: (cell: FakeCell) => unknown): unknown {
    const area = this._areas[0];
    const state = this._state();
    if (area.top === area.bottom && area.left === area.right)
      return read(state.cells.get(key(area.top, area.left)) ?? emptyCell());
    const rows: unknown[][] = [];
    for (let row = area.top; row <= Math.min(area.bottom, 100000); row++) {
      const line: unknown[] = [];
      for (let column = area.left; column <= Math.min(area.right, 200); column++)
        line.push(read(state.cells.get(key(row, column)) ?? emptyCell()));
      rows.push(line);
    }
    if (this._host.options.value2 === "item")
      return { Item: (r: number, c: number) => (rows[r - 1] ?? [])[c - 1] };
    return rows;
  }

  /** The cells' common value, or null when they differ (over every area). */
  private _common(read: (cell: FakeCell, row: number, column: number) => unknown): unknown {
    const state = this._state();
    let first: unknown = undefined;
    let seen = false;
    let mixed = false;
    eachCell(this._areas, (row, column) => {
      if (mixed) return;
      const value = read(state.cells.get(key(row, column)) ?? emptyCell(), row, column);
      if (!seen) {
        first = value;
        seen = true;
      } else if (value !== first) mixed = true;
    });
    return mixed ? null : first;
  }

  /** Applies a change to every cell of every area. */
  _change(
    operation: string,
    formatting: boolean,
    change: (cell: FakeCell, row: number, column: number) => void
  ): void {
    this._host.perform(operation);
    const state = this._state() as FakeSheetState & { allowFormattingCells?: boolean };
    if (state.protected && !(formatting && state.allowFormattingCells))
      throw new Error("fake ET: the sheet " + state.name + " is protected (" + operation + ")");
    eachCell(this._areas, (row, column) => {
      const k = key(row, column);
      const cell = { ...(state.cells.get(k) ?? emptyCell()) };
      change(cell, row, column);
      state.cells.set(k, cell);
    });
  }

  get Row(): number {
    return this._areas[0].top;
  }
  get Column(): number {
    return this._areas[0].left;
  }
  get Rows(): { Count: number } {
    const area = this._areas[0];
    return strict(this._host, "Rows", { Count: area.bottom - area.top + 1 });
  }
  get Columns(): { Count: number } {
    const area = this._areas[0];
    return strict(this._host, "Columns", { Count: area.right - area.left + 1 });
  }
  get Count(): number {
    return this._areas.reduce((sum, a) => sum + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0);
  }

  Address(rowAbsolute = true, columnAbsolute = true): string {
    return this._areas
      .map((area) => areaText(area, rowAbsolute !== false && columnAbsolute !== false))
      .join(",");
  }

  get Value2(): unknown {
    const errors = this._host.options.errors;
    return this._matrix((cell) => {
      if (cell.error)
        return errors === "code" ? (ERROR_CODES[String(cell.value)] ?? -2146826273) : cell.value;
      return cell.value === null ? undefined : cell.value;
    });
  }

  set Value2(values: unknown) {
    const area = this._areas[0];
    const matrix = Array.isArray(values) ? (values as unknown[][]) : null;
    this._change("Range.Value2", false, (cell, row, column) => {
      const value = matrix ? (matrix[row - area.top] ?? [])[column - area.left] : values;
      Object.assign(cell, parseInput(value, cell.numberFormat));
    });
  }

  get Formula(): unknown {
    return this._matrix((cell) => {
      if (cell.formula !== null) return cell.formula;
      if (cell.value === null) return "";
      if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
      return String(cell.value);
    });
  }

  get NumberFormat(): unknown {
    return this._common((cell) => cell.numberFormat);
  }

  set NumberFormat(format: unknown) {
    if (typeof format !== "string")
      throw new Error("fake ET: NumberFormat takes one format for the range");
    this._change("Range.NumberFormat", true, (cell) => (cell.numberFormat = format));
  }

  get Text(): unknown {
    return this._common((cell) => cellText(cell));
  }

  private _mergeAt(row: number, column: number): Area | undefined {
    return this._state().merges.find(
      (m) => m.top <= row && m.bottom >= row && m.left <= column && m.right >= column
    );
  }

  get MergeCells(): unknown {
    return this._common((_cell, row, column) => this._mergeAt(row, column) !== undefined);
  }

  get MergeArea(): Et.Range {
    const area = this._areas[0];
    const merge = this._mergeAt(area.top, area.left);
    return this._host.range(this._state(), [
      merge ? { ...merge } : { top: area.top, left: area.left, bottom: area.top, right: area.left },
    ]);
  }

  Merge(across?: boolean): void {
    this._host.perform("Range.Merge");
    const state = this._state();
    if (state.protected) throw new Error("fake ET: the sheet is protected (Merge)");
    for (const area of this._areas) {
      if (!across) state.merges.push({ ...area });
      else
        for (let row = area.top; row <= area.bottom; row++)
          state.merges.push({ top: row, left: area.left, bottom: row, right: area.right });
    }
  }

  get Interior(): Et.Interior {
    const range = this;
    return strict(this._host, "Interior", {
      get Color() {
        return range._common((cell) => (cell.fill === null ? WHITE : toBgr(cell.fill)));
      },
      set Color(value: unknown) {
        const colour = fromBgr(value);
        range._change("Interior.Color", true, (cell) => {
          if (cell.fill === null) delete cell.pattern;
          cell.fill = colour;
        });
      },
      get Pattern() {
        return range._common((cell) =>
          cell.fill === null ? XL_NONE : cell.pattern ? PATTERNS[cell.pattern] : XL_SOLID
        );
      },
      set Pattern(value: unknown) {
        range._change("Interior.Pattern", true, (cell) => {
          if (value === XL_NONE) {
            cell.fill = null;
            delete cell.pattern;
            delete cell.patternColor;
            return;
          }
          if (cell.fill === null) cell.fill = "#FFFFFF";
          if (value === XL_SOLID) {
            delete cell.pattern;
            delete cell.patternColor;
            return;
          }
          const name = Object.keys(PATTERNS).find((n) => PATTERNS[n] === value);
          if (!name) throw new Error("fake ET: pattern " + value + " is not modelled");
          cell.pattern = name;
        });
      },
      get PatternColor() {
        return range._common((cell) => (cell.patternColor ? toBgr(cell.patternColor) : 0));
      },
      set PatternColor(value: unknown) {
        const colour = fromBgr(value);
        range._change("Interior.PatternColor", true, (cell) => {
          cell.patternColor = colour;
        });
      },
    }) as unknown as Et.Interior;
  }

  get Font(): Et.Font {
    const range = this;
    return strict(this._host, "Font", {
      set Bold(value: boolean) {
        range._change("Font.Bold", true, (cell) => (cell.bold = value));
      },
      set Size(value: number) {
        range._change("Font.Size", true, (cell) => (cell.fontSize = value));
      },
    }) as unknown as Et.Font;
  }

  get Borders(): Et.Borders {
    const range = this;
    const host = this._host;
    return strict(host, "Borders", {
      Item(index: number) {
        const edge = EDGES[index];
        if (!edge) throw new Error("fake ET: border " + index + " is not modelled");
        return strict(host, "Border", {
          set LineStyle(value: number) {
            if (value !== 1) throw new Error("fake ET: only xlContinuous is modelled");
            range._change("Border.LineStyle", true, (cell) => {
              const borders = cell.borders ? cell.borders.slice() : [];
              if (borders.indexOf(edge) < 0) borders.push(edge);
              cell.borders = borders;
            });
          },
          set Weight(value: number) {
            if (value !== 2) throw new Error("fake ET: only xlThin is modelled");
          },
        });
      },
    }) as unknown as Et.Borders;
  }

  set HorizontalAlignment(value: number) {
    if (value !== -4108) throw new Error("fake ET: only xlCenter is modelled");
    this._change("Range.HorizontalAlignment", true, (cell) => (cell.horizontal = "Center"));
  }

  set VerticalAlignment(value: number) {
    const name = value === -4108 ? "Center" : value === -4160 ? "Top" : null;
    if (!name) throw new Error("fake ET: vertical alignment " + value + " is not modelled");
    this._change("Range.VerticalAlignment", true, (cell) => (cell.vertical = name));
  }

  set WrapText(value: boolean) {
    this._change("Range.WrapText", true, (cell) => (cell.wrap = value));
  }

  set ColumnWidth(value: number) {
    this._host.perform("Range.ColumnWidth");
    const state = this._state();
    // In characters, as ET takes them (the fake Excel keeps points here).
    for (const area of this._areas)
      for (let c = area.left; c <= area.right; c++) state.columnWidths.set(c, value);
  }

  set RowHeight(value: number) {
    this._host.perform("Range.RowHeight");
    const state = this._state();
    for (const area of this._areas)
      for (let r = area.top; r <= area.bottom; r++) state.rowHeights.set(r, value);
  }

  get Comment(): Et.Comment | null {
    const area = this._areas[0];
    const cell = toA1(area.top, area.left);
    const state = this._state();
    return state.notes.has(cell) ? fakeComment(this._host, state, cell) : null;
  }

  AddComment(text: string): Et.Comment {
    this._host.perform("Range.AddComment");
    const area = this._areas[0];
    const cell = toA1(area.top, area.left);
    const state = this._state();
    if (state.protected) throw new Error("fake ET: the sheet is protected (AddComment)");
    if (state.notes.has(cell)) throw new Error("fake ET: the cell already has a comment");
    state.notes.set(cell, String(text));
    return fakeComment(this._host, state, cell);
  }

  ClearComments(): void {
    this._host.perform("Range.ClearComments");
    const state = this._state();
    if (state.protected) throw new Error("fake ET: the sheet is protected (ClearComments)");
    eachCell(this._areas, (row, column) => state.notes.delete(toA1(row, column)));
  }

  Select(): void {
    const state = this._state();
    if (this._host.book.activeSheetId !== state.id)
      throw new Error("fake ET: Select() on a sheet that is not active");
    this._host.book.selection =
      quoteSheet(state.name) + "!" + this._areas.map((a) => areaText(a, false)).join(",");
  }
}
