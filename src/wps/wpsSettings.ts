/// <reference types="et-jsapi-declare" />
/**
 * The pane's choices (form kind, rule set, column map) in a WPS workbook: its custom document
 * properties (DocumentPropertyStore), which travel with the file as Office's document settings
 * do. The pane writes them; the ribbon's 一键评分, another page on the same document, rereads them
 * before each run.
 */
import {
  createOfficeSettingsStore,
  PANE_SETTING_KEYS,
  type SettingsStore,
} from "../taskpane/settings/settingsStore";
import { DocumentPropertyStore } from "../workbook/wps/documentStore";

/** The status DocumentPropertyStore reports a failed save with. */
const FAILED = "failed";

export function wpsSettingsStore(workbook: () => Et.Workbook): SettingsStore {
  return createOfficeSettingsStore(new DocumentPropertyStore(workbook, PANE_SETTING_KEYS), FAILED);
}
