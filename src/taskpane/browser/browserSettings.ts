/**
 * Browser mode's settings. A file in the page has no document settings, so the choices are kept
 * in this browser (localStorage, which the offline file opened from file:// has too): the form
 * kind and the bundled rule set for every file, the column map for each file by its name. Where
 * the browser refuses storage (private windows, Internet Explorer from file://, a full quota) they
 * last for the session.
 */
import { COLUMN_MAP_KEY, type SettingsStore } from "../settings/settingsStore";

/** Prefix of every key this tool keeps in localStorage. */
export const STORAGE_PREFIX = "绩效自评助手:";

/** The page's localStorage when it can be written, else null. */
export function browserStorage(
  scope: unknown = typeof window === "undefined" ? {} : window
): Storage | null {
  try {
    const storage = (scope as { localStorage?: Storage }).localStorage;
    if (!storage) return null;
    const probe = STORAGE_PREFIX + "probe";
    storage.setItem(probe, "1");
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/** Settings in this browser, and for the session where it keeps none. */
export class BrowserSettingsStore implements SettingsStore {
  private readonly session = new Map<string, string>();

  constructor(private readonly storage: Storage | null) {}

  get(key: string): unknown {
    if (this.session.has(key)) return this.session.get(key);
    if (!this.storage) return undefined;
    try {
      const value = this.storage.getItem(STORAGE_PREFIX + key);
      return value === null ? undefined : value;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: string): void {
    this.session.set(key, value);
    if (!this.storage) return;
    try {
      if (value === "") this.storage.removeItem(STORAGE_PREFIX + key);
      else this.storage.setItem(STORAGE_PREFIX + key, value);
    } catch {
      // Quota or a refusing browser: the session keeps it.
    }
  }

  save(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * The settings one opened file sees: everything as `base` keeps it, except the column map, which
 * belongs to the file and is kept under its name (the next file need not share its layout).
 */
export function fileSettings(base: SettingsStore, fileName: string): SettingsStore {
  const own = (key: string) => (key === COLUMN_MAP_KEY ? COLUMN_MAP_KEY + "|" + fileName : key);
  return {
    get: (key) => base.get(own(key)),
    set: (key, value) => base.set(own(key), value),
    save: () => base.save(),
  };
}
