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

/** A failure's own words, for a Chinese message that quotes it. */
export function errorDetail(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
