/**
 * Where an add-in keeps its records in a document, shaped like Office's document settings: Office
 * itself (`Office.context.document.settings`, office/officeHost.ts) and WPS's custom document
 * properties (wps/documentStore.ts). Host-neutral, so that code reading the records' shape (the
 * .xlsx writer, taking an add-in's marks back) needs no host's types.
 */

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
