/**
 * How the add-in's records are split over a workbook's custom document properties (WPS keeps
 * its records there: see wps/documentStore.ts), shared by the WPS adapter that writes them and
 * the .xlsx writer that reads and trims them in a saved file (docProps/custom.xml):
 *
 *   SelfEval.Marks.v1.n = "3"   SelfEval.Marks.v1.0 = "{\"表1\":{…"   …   SelfEval.Marks.v1.2 = "…}"
 *
 * Excel limits a text property to 255 characters; what WPS allows has not been measured.
 */

/** The longest text put into one property. */
export const PROPERTY_CHUNK = 240;

/** The property holding a setting's chunk count. */
export function chunkCountName(setting: string): string {
  return setting + ".n";
}

/** The property holding a setting's chunk `index`. */
export function chunkName(setting: string, index: number): string {
  return setting + "." + index;
}

/** True for the count and chunk properties of a setting. */
export function isChunkProperty(setting: string, name: string): boolean {
  if (name.indexOf(setting + ".") !== 0) return false;
  return /^(?:n|\d+)$/.test(name.slice(setting.length + 1));
}

/** A text as chunks of at most PROPERTY_CHUNK characters (one empty chunk for ""). */
export function chunkText(text: string): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += PROPERTY_CHUNK)
    chunks.push(text.slice(start, start + PROPERTY_CHUNK));
  return chunks.length === 0 ? [""] : chunks;
}

/** A setting's text from its properties (`read` gives a property's text), or null when absent or incomplete. */
export function joinChunks(setting: string, read: (name: string) => string | null): string | null {
  const count = Number(read(chunkCountName(setting)));
  if (!(count >= 1) || Math.floor(count) !== count) return null;
  let text = "";
  for (let index = 0; index < count; index++) {
    const chunk = read(chunkName(setting, index));
    if (chunk === null) return null;
    text += chunk;
  }
  return text;
}
