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
  readonly error?: { readonly message: string };
}

/** Shaped like `Office.context.document.settings`: kept in the document once saved. */
export interface SettingsStore {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: SettingsSaveResult) => void): void;
}

export interface OfficeHost {
  readonly run: ExcelRun;
  readonly requirements: ApiRequirements;
  readonly settings: SettingsStore;
}
