/**
 * Getting bytes into and out of the page without a server: the user's file, the bundled example,
 * and downloads. Internet Explorer 11 has neither Blob.arrayBuffer nor fetch, hence FileReader,
 * XMLHttpRequest and msSaveOrOpenBlob. Loaded with the xlsx adapter (browserFiles.ts): the typed
 * arrays and URL used here make Babel add core-js polyfills the Excel path has no use for.
 */
import type { SaveBytes } from "./fileNames";

export function readFileBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error || new Error("FileReader failed"));
    reader.readAsArrayBuffer(file);
  });
}

/** GETs a file relative to the page as bytes. */
export function fetchBytes(url: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("GET", url, true);
    request.responseType = "arraybuffer";
    request.onload = () => {
      if (request.status >= 200 && request.status < 300 && request.response) {
        resolve(new Uint8Array(request.response as ArrayBuffer));
      } else {
        reject(new Error("GET " + url + ": HTTP " + request.status));
      }
    };
    request.onerror = () => reject(new Error("GET " + url + ": network error"));
    request.send();
  });
}

interface NavigatorWithMsSave {
  msSaveOrOpenBlob?: (blob: Blob, defaultName?: string) => boolean;
}

export const saveBytes: SaveBytes = (bytes, fileName, type) => {
  const blob = new Blob([bytes as BlobPart], { type });
  const legacyNavigator = navigator as NavigatorWithMsSave;
  if (typeof legacyNavigator.msSaveOrOpenBlob === "function") {
    // Internet Explorer and old Edge ignore the download attribute on blob: links.
    legacyNavigator.msSaveOrOpenBlob(blob, fileName);
    return;
  }
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  document.body.removeChild(link);
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
};
