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

export type { SettingsSaveResult, SettingsStore } from "../settingsStore";
import type { SettingsStore } from "../settingsStore";

export interface OfficeHost {
  readonly run: ExcelRun;
  readonly requirements: ApiRequirements;
  readonly settings: SettingsStore;
}
