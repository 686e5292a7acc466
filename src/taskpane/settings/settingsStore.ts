import type { ProfileId } from "../../engine";

/**
 * Settings kept with the workbook (Office's document settings), so the choice travels with the
 * file. `set` changes the value at once; `save` persists everything set so far.
 */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: string): void;
  save(): Promise<void>;
  /**
   * Rereads what the workbook holds now, where another add-in instance may have saved since this
   * one started (the ribbon command reads what the pane chose). Never rejects: on failure the
   * copy at hand is used. Absent where the store is the only writer.
   */
  refresh?(): Promise<void>;
}

/** For tests and for hosts without document settings (browser mode). */
export class InMemorySettingsStore implements SettingsStore {
  private readonly values = new Map<string, string>();
  /** How many times save() was called, for tests. */
  saves = 0;

  constructor(initial: Readonly<Record<string, string>> = {}) {
    Object.keys(initial).forEach((key) => this.values.set(key, initial[key]));
  }

  get(key: string): unknown {
    return this.values.get(key);
  }

  set(key: string, value: string): void {
    this.values.set(key, value);
  }

  save(): Promise<void> {
    this.saves++;
    return Promise.resolve();
  }
}

/** The part of Office.Settings the store uses (Office.context.document.settings). */
export interface OfficeSettingsLike {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(
    callback?: (result: { status: unknown; error?: { message?: string } | null }) => void
  ): void;
  refreshAsync?(callback?: (result: unknown) => void): void;
}

/**
 * Settings in the workbook through Office.js. The status that means failure is passed in
 * (Office.AsyncResultStatus.Failed) so that only the entry point touches the Office global.
 */
export function createOfficeSettingsStore(
  settings: OfficeSettingsLike,
  failedStatus: unknown
): SettingsStore {
  // saveAsync writes this instance's whole copy of the settings. The ribbon command is another
  // instance with its own copy, so reload first and set again what this store changed: otherwise
  // saving the profile would overwrite the marks record the command has just saved.
  const pending = new Map<string, string>();
  const refresh = (): Promise<void> =>
    new Promise<void>((resolve) => {
      if (typeof settings.refreshAsync !== "function") return resolve();
      try {
        settings.refreshAsync(() => resolve());
      } catch {
        resolve();
      }
    });
  return {
    get: (key) => settings.get(key),
    refresh,
    set: (key, value) => {
      pending.set(key, value);
      settings.set(key, value);
    },
    save: () =>
      refresh().then(
        () =>
          new Promise<void>((resolve, reject) => {
            pending.forEach((value, key) => settings.set(key, value));
            settings.saveAsync((result) => {
              if (result.status === failedStatus) {
                reject(new Error((result.error && result.error.message) || "saveAsync failed"));
              } else {
                pending.clear();
                resolve();
              }
            });
          })
      ),
  };
}

// Named like the Office port's own document settings (SelfEval.Owners.v1).
export const PROFILE_KEY = "SelfEval.Profile";
/** The bundled rule set's id ("yitihua"); absent: national. */
export const RULE_SET_KEY = "SelfEval.RuleSet";
/** The column map as formatColumnMap writes it ("分值=F,自评表!自评得分=H"); absent or "": detected. */
export const COLUMN_MAP_KEY = "SelfEval.ColumnMap";
/** Every setting the pane keeps, for stores that must name theirs up front (WPS's). */
export const PANE_SETTING_KEYS: readonly string[] = [PROFILE_KEY, RULE_SET_KEY, COLUMN_MAP_KEY];
const AUTO = "auto";

/** The profile chosen earlier for this workbook; undefined means chosen per form (自动). */
export function readProfileSetting(settings: SettingsStore): ProfileId | undefined {
  const value = settings.get(PROFILE_KEY);
  return value === "project" || value === "department" ? value : undefined;
}

export function writeProfileSetting(settings: SettingsStore, profile: ProfileId | undefined): void {
  settings.set(PROFILE_KEY, profile ?? AUTO);
}

/** The rule set id saved with the workbook, as it was saved ("" when none). */
export function readRuleSetSetting(settings: SettingsStore): string {
  const value = settings.get(RULE_SET_KEY);
  return typeof value === "string" ? value : "";
}

export function writeRuleSetSetting(settings: SettingsStore, id: string): void {
  settings.set(RULE_SET_KEY, id);
}

/** The column map saved with the workbook, as text ("" when every column is detected). */
export function readColumnMapSetting(settings: SettingsStore): string {
  const value = settings.get(COLUMN_MAP_KEY);
  return typeof value === "string" ? value : "";
}

export function writeColumnMapSetting(settings: SettingsStore, text: string): void {
  settings.set(COLUMN_MAP_KEY, text);
}
