import type { SettingsStore } from "./officeHost";

/** Saves the document settings; resolves with the failure's message, or null when saved. */
export function saveSettings(settings: SettingsStore): Promise<string | null> {
  return new Promise((resolve) => {
    try {
      settings.saveAsync((result) => {
        resolve(String(result.status) === "failed" ? (result.error?.message ?? "未知错误") : null);
      });
    } catch (error) {
      resolve(error instanceof Error ? error.message : String(error));
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

/** A failure's own words, for a Chinese message that quotes it. */
export function errorDetail(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
