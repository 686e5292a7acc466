/**
 * Bidirectional control characters (U+202A–U+202E embeddings and overrides, U+2066–U+2069
 * isolates, U+200E/U+200F/U+061C marks) make text display in another order than it is stored:
 * "‮文本" can show a number or a file name reversed ("Trojan Source"). Cell text carrying one is
 * shown with the character made visible, "[U+202E]", in every output, so that what a reader sees
 * is what the cell holds. Names that are not cell text (sheet and file names) are shown so in the
 * sheets and the terminal, and kept as they are in the JSON report, written there as \u escapes.
 */
/** A bidirectional control, as a regular expression: for long texts (the JSON report). */
export const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Whether a short text (a cell's, a name) holds a bidirectional control: BIDI_CONTROL.test by
 * character codes, which costs less than a match for the few characters of every cell read.
 */
function holdsBidiControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x061c) continue;
    if (
      code === 0x061c ||
      code === 0x200e ||
      code === 0x200f ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069)
    )
      return true;
  }
  return false;
}

function hex4(code: number): string {
  return ("000" + code.toString(16).toUpperCase()).slice(-4);
}

/** The text with each bidirectional control shown as "[U+XXXX]". */
export function showBidiControls(text: string): string {
  if (!holdsBidiControl(text)) return text;
  return text.replace(BIDI_CONTROLS, (character) => "[U+" + hex4(character.charCodeAt(0)) + "]");
}

/** True when a text holds a bidirectional control. */
export function hasBidiControls(text: string): boolean {
  return holdsBidiControl(text);
}

/** JSON text with each bidirectional control written as a \u escape (the same data, visible). */
export function escapeBidiControlsInJson(json: string): string {
  if (!BIDI_CONTROL.test(json)) return json;
  return json.replace(
    BIDI_CONTROLS,
    (character) => "\\u" + hex4(character.charCodeAt(0)).toLowerCase()
  );
}
