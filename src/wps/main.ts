/**
 * main.js, loaded by the add-in's entry page (index.html) that WPS opens, hidden, when it loads
 * the add-in: it defines the ribbon's callbacks before WPS reads ribbon.xml.
 */
import { ribbonCallbacks } from "./ribbon";
import { wpsApplication } from "./wpsHost";

const callbacks = ribbonCallbacks({
  application: () => wpsApplication(),
  pageUrl: window.location.href,
});
const target = window as unknown as Record<string, unknown>;
Object.keys(callbacks).forEach((name) => (target[name] = callbacks[name]));
