import { createTheme, type ITheme } from "@fluentui/react/lib/Theme";

/** The colours Office.context.officeTheme gives (Excel's Office theme: white, dark grey, black…). */
export interface OfficeThemeColors {
  readonly bodyBackgroundColor: string;
  readonly bodyForegroundColor: string;
  readonly controlBackgroundColor: string;
  readonly controlForegroundColor: string;
  readonly isDarkTheme?: boolean;
}

// Hosts have given colours with and without "#"; anything else falls back to Fluent's default.
function cssColour(value: string | undefined): string | null {
  if (typeof value !== "string") return null;
  const hex = value.trim().replace(/^#/, "");
  return /^(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(hex) ? "#" + hex : null;
}

/**
 * A Fluent theme that follows the Office theme's background and text colours, so the pane does
 * not stay white in a dark Excel. Undefined (Fluent's default theme) without usable colours.
 */
export function themeFromOffice(colors: OfficeThemeColors | null | undefined): ITheme | undefined {
  if (!colors) return undefined;
  const body = cssColour(colors.bodyBackgroundColor);
  const text = cssColour(colors.bodyForegroundColor);
  if (!body || !text) return undefined;
  const control = cssColour(colors.controlBackgroundColor) ?? body;
  const controlText = cssColour(colors.controlForegroundColor) ?? text;
  return createTheme({
    isInverted: Boolean(colors.isDarkTheme),
    palette: { white: body, black: text, neutralPrimary: text, neutralDark: text },
    semanticColors: {
      bodyBackground: body,
      bodyText: text,
      bodyStandoutBackground: control,
      buttonBackground: control,
      buttonText: controlText,
      inputBackground: control,
      inputText: controlText,
      link: controlText,
    },
  });
}
