import type { SettingsStore } from "./officeHost";

/** Why the settings were not saved: the host's words (null: it gave none). */
export interface SaveFailure {
  readonly detail: string | null;
  /** WPS: the build has no custom document properties to keep them in. */
  readonly noCustomProperties?: boolean;
}

/** The error code a store gives when the document has nowhere to keep settings. */
export const NO_CUSTOM_PROPERTIES = "no-custom-properties";

/** Saves the document settings; resolves with why it failed, or null when saved. */
export function saveSettings(settings: SettingsStore): Promise<SaveFailure | null> {
  return new Promise((resolve) => {
    try {
      settings.saveAsync((result) => {
        if (String(result.status) !== "failed") resolve(null);
        else if (result.error && result.error.code === NO_CUSTOM_PROPERTIES)
          resolve({ detail: result.error.message, noCustomProperties: true });
        else resolve({ detail: result.error ? result.error.message : null });
      });
    } catch (error) {
      resolve({ detail: errorDetail(error) });
    }
  });
}

/**
 * Reloads the settings from the document, so that this instance sees what another one (the
 * ribbon command beside the pane, or the pane beside the command) saved since it started.
 * Always resolves: when the host has no `refreshAsync` or refuses it, the in-memory copy is all
 * there is, and working from it is what the add-in did before — a failure here must not stop
 * reading, scoring or clearing.
 */
export function refreshSettings(settings: SettingsStore): Promise<void> {
  return new Promise((resolve) => {
    if (typeof settings.refreshAsync !== "function") {
      resolve();
      return;
    }
    try {
      settings.refreshAsync(() => resolve());
    } catch {
      resolve();
    }
  });
}

/** A failure's own words, for a sentence that quotes it. */
export function errorDetail(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
