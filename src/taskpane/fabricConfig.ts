/**
 * Imported first by the entry point, before any Fluent module: Fluent's theme registers the Segoe
 * UI web fonts from Microsoft's CDN as it loads, unless FabricConfig names another base. With an
 * empty one the page fetches nothing from elsewhere (an intranet may have no internet; browser
 * mode promises that nothing leaves the machine) and uses the fonts installed: Segoe UI and
 * Microsoft YaHei on Windows, the system's CJK font elsewhere.
 */
interface FabricConfigWindow {
  FabricConfig?: { fontBaseUrl?: string };
}

const host = window as unknown as FabricConfigWindow;
host.FabricConfig = host.FabricConfig || {};
if (host.FabricConfig.fontBaseUrl === undefined) host.FabricConfig.fontBaseUrl = "";

export {};
