/**
 * What the Office.js adapter needs from its host, passed in so that tests can give fakes:
 * `Excel.run`, `Office.context.requirements` and `Office.context.document.settings`.
 */

/** Shaped like `Excel.run`: runs a batch against a fresh request context. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Shaped like `Office.context.requirements`. */
export interface ApiRequirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** What a `saveAsync` callback receives (a subset of Office.AsyncResult). */
export interface SettingsSaveResult {
  readonly status: string;
  /** `code` is the store's own (NO_CUSTOM_PROPERTIES); Office gives a message only. */
  readonly error?: { readonly message: string; readonly code?: string | number };
}

/**
 * Shaped like `Office.context.document.settings`: kept in the document once saved. Each add-in
 * instance (the task pane, the ribbon command) holds its own in-memory copy, loaded when it
 * started; `refreshAsync` reloads it from the document, `saveAsync` writes the whole copy back.
 */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: SettingsSaveResult) => void): void;
  /** Absent on hosts (and test doubles) without it: the in-memory copy is then used as it is. */
  refreshAsync?(callback?: (result: SettingsSaveResult) => void): void;
}

export interface OfficeHost {
  readonly run: ExcelRun;
  readonly requirements: ApiRequirements;
  readonly settings: SettingsStore;
}
