import { readFileSync } from "fs";
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";

export const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

/** Parses a manifest, failing on any XML error or warning (xmldom would otherwise recover). */
export function parseManifest(file: string): Document {
  const parser = new DOMParser({
    onError: (level, message) => {
      throw new Error("manifest XML " + level + ": " + message);
    },
  });
  return parser.parseFromString(readFileSync(file, "utf8"), "text/xml");
}

export function elements(parent: Document | Element, namespace: string, name: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(namespace, name));
}

export function only(parent: Document | Element, namespace: string, name: string): Element {
  const found = elements(parent, namespace, name);
  if (found.length !== 1) throw new Error("expected one " + name + ", found " + found.length);
  return found[0];
}

/** Every URL the manifest gives (DefaultValue and Override Value attributes that look like one). */
export function manifestUrls(document: Document): string[] {
  const urls: string[] = [];
  for (const element of Array.from(document.getElementsByTagName("*"))) {
    for (const name of ["DefaultValue", "Value"]) {
      const value = element.getAttribute(name);
      if (value && /^[a-z]+:\/\//i.test(value)) urls.push(value);
    }
  }
  return urls;
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  const signature = "89504e470d0a1a0a";
  if (
    bytes.subarray(0, 8).toString("hex") !== signature ||
    bytes.toString("ascii", 12, 16) !== "IHDR"
  ) {
    throw new Error(file + " is not a PNG");
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
