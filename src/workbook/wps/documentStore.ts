/// <reference types="et-jsapi-declare/lib.et" />
/**
 * The add-in's records (the fills it painted, the sheets it owns, the chosen rules) kept in the
 * workbook's custom document properties, so that they travel with the file: scored in WPS,
 * saved, reopened tomorrow, 清除标记 still finds them. WPS has no add-in settings store like
 * Office's (its PluginStorage lives in memory only, and is shared by every open document), and
 * custom properties are what WPS, Excel and the .xlsx file (docProps/custom.xml) all keep.
 *
 * Each setting is a JSON text split over properties of at most 240 characters (recordChunks.ts).
 *
 * The store has the shape of Office's document settings (officeHost.ts), so the Office adapter's
 * record code (fillRecord.ts, settingsOwners.ts) works on it unchanged: `refreshAsync` rereads
 * the properties (the task pane and the ribbon page are separate pages on one document),
 * `saveAsync` writes what changed.
 */
import type { SettingsSaveResult, SettingsStore } from "../office/officeHost";
import { NO_CUSTOM_PROPERTIES } from "../office/saveSettings";
import { chunkCountName, chunkName, chunkText, joinChunks } from "../recordChunks";

/** msoPropertyTypeString */
const PROPERTY_TYPE_STRING = 4;

/** The workbook's custom properties, or null where the build has none. */
function propertiesOf(book: Et.Workbook): Kso.DocumentProperties | null {
  const properties = book.CustomDocumentProperties as Kso.DocumentProperties | null | undefined;
  return properties ? properties : null;
}

/** A property by name, or null: COM throws for a missing name, some builds return null. */
function findProperty(
  properties: Kso.DocumentProperties,
  name: string
): Kso.DocumentProperty | null {
  try {
    const property = properties.Item(name);
    return property ? property : null;
  } catch {
    return null;
  }
}

function readText(properties: Kso.DocumentProperties, name: string): string | null {
  const property = findProperty(properties, name);
  if (!property) return null;
  const value = property.Value;
  return value === null || value === undefined ? null : String(value);
}

/** The setting's JSON text as stored, or null when absent or incomplete. */
export function readSetting(properties: Kso.DocumentProperties, setting: string): string | null {
  return joinChunks(setting, (name) => readText(properties, name));
}

function writeText(properties: Kso.DocumentProperties, name: string, text: string): void {
  const property = findProperty(properties, name);
  if (property) property.Value = text;
  else properties.Add(name, false, PROPERTY_TYPE_STRING, text);
}

function deleteProperty(properties: Kso.DocumentProperties, name: string): void {
  const property = findProperty(properties, name);
  if (property) property.Delete();
}

/** Writes a setting's text (null: removes it), dropping chunks left over from a longer one. */
export function writeSetting(
  properties: Kso.DocumentProperties,
  setting: string,
  text: string | null
): void {
  const before = Number(readText(properties, chunkCountName(setting))) || 0;
  const chunks = text === null ? [] : chunkText(text);
  chunks.forEach((chunk, index) => writeText(properties, chunkName(setting, index), chunk));
  for (let index = chunks.length; index < before; index++)
    deleteProperty(properties, chunkName(setting, index));
  if (chunks.length > 0) writeText(properties, chunkCountName(setting), String(chunks.length));
  else deleteProperty(properties, chunkCountName(setting));
}

/**
 * Office's SettingsStore over a workbook's custom properties. The settings it knows are named
 * up front (it does not list the properties); each is read on `refreshAsync`, or on first use.
 */
export class DocumentPropertyStore implements SettingsStore {
  private values = new Map<string, unknown>();
  private loaded = false;
  private readonly changed = new Set<string>();

  constructor(
    private readonly book: () => Et.Workbook,
    private readonly settings: readonly string[]
  ) {}

  private load(): void {
    const properties = propertiesOf(this.book());
    const values = new Map<string, unknown>();
    if (properties) {
      for (const setting of this.settings) {
        const text = readSetting(properties, setting);
        if (text === null) continue;
        try {
          values.set(setting, JSON.parse(text));
        } catch {
          // A record damaged outside the add-in reads as none, as Office's unreadable settings do.
        }
      }
    }
    this.values = values;
    this.changed.clear();
    this.loaded = true;
  }

  get(name: string): unknown {
    if (!this.loaded) this.load();
    const value = this.values.get(name);
    return value === undefined ? null : JSON.parse(JSON.stringify(value));
  }

  set(name: string, value: unknown): void {
    if (!this.loaded) this.load();
    this.values.set(name, JSON.parse(JSON.stringify(value)));
    this.changed.add(name);
  }

  remove(name: string): void {
    if (!this.loaded) this.load();
    this.values.delete(name);
    this.changed.add(name);
  }

  /** Writes the settings changed since the last load into the workbook's properties. */
  saveAsync(callback?: (result: SettingsSaveResult) => void): void {
    try {
      const properties = propertiesOf(this.book());
      if (!properties) {
        if (callback)
          callback({
            status: "failed",
            error: { message: "no custom document properties", code: NO_CUSTOM_PROPERTIES },
          });
        return;
      }
      this.changed.forEach((name) => {
        const value = this.values.get(name);
        writeSetting(properties, name, value === undefined ? null : JSON.stringify(value));
      });
      this.changed.clear();
      if (callback) callback({ status: "succeeded" });
    } catch (error) {
      if (callback)
        callback({
          status: "failed",
          error: { message: error instanceof Error ? error.message : String(error) },
        });
    }
  }

  refreshAsync(callback?: (result: SettingsSaveResult) => void): void {
    try {
      this.load();
      if (callback) callback({ status: "succeeded" });
    } catch (error) {
      if (callback)
        callback({
          status: "failed",
          error: { message: error instanceof Error ? error.message : String(error) },
        });
    }
  }
}
