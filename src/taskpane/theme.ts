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

function rgb(hex: string): [number, number, number] {
  const digits = hex.slice(1);
  const full =
    digits.length === 3
      ? digits
          .split("")
          .map((digit) => digit + digit)
          .join("")
      : digits;
  return [0, 2, 4].map((start) => parseInt(full.slice(start, start + 2), 16)) as [
    number,
    number,
    number,
  ];
}

/** `from` moved `share` of the way to `to`. */
function mix(from: string, to: string, share: number): string {
  const a = rgb(from);
  const b = rgb(to);
  return (
    "#" +
    a
      .map((channel, index) => {
        const value = Math.round(channel + (b[index] - channel) * share);
        return (value < 16 ? "0" : "") + value.toString(16);
      })
      .join("")
  );
}

/**
 * Fluent's neutral slots, from the background towards the text, at about the steps its default
 * light palette has. Hover and pressed backgrounds use these: left at their light defaults, a
 * dark Office theme would show light boxes under light text.
 */
const NEUTRAL_STEPS: ReadonlyArray<[string, number]> = [
  ["neutralLighterAlt", 0.02],
  ["neutralLighter", 0.04],
  ["neutralLight", 0.08],
  ["neutralQuaternaryAlt", 0.12],
  ["neutralQuaternary", 0.14],
  ["neutralTertiaryAlt", 0.22],
  ["neutralTertiary", 0.4],
  ["neutralSecondaryAlt", 0.5],
  ["neutralSecondary", 0.62],
  ["neutralPrimaryAlt", 0.78],
];

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
    palette: {
      white: body,
      black: text,
      neutralPrimary: text,
      neutralDark: text,
      ...Object.fromEntries(NEUTRAL_STEPS.map(([slot, share]) => [slot, mix(body, text, share)])),
    },
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
