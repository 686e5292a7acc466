import * as path from "path";

/**
 * Where each input's scored copy goes under --scored-dir: its path relative to the folder given
 * (so the folders are mirrored), or its bare name for a file named directly outside the current
 * folder ("../x.xlsx" must not climb out of the output folder). An old-format file is converted,
 * so its copy is an .xlsx. Two inputs that would land on one name (also differing only in case,
 * as Windows and macOS see them) are told apart with " (2)", " (3)" ….
 */
export function planMirroredNames(
  inputs: readonly { readonly display: string; readonly kind: "workbook" | "legacy" }[]
): string[] {
  const taken = new Set<string>();
  return inputs.map((input) => {
    const parts = input.display.split("/").filter((part) => part !== "" && part !== ".");
    const safe =
      !path.isAbsolute(input.display) &&
      !/^[A-Za-z]:/.test(input.display) &&
      parts.every((part) => part !== "..") &&
      parts.length > 0;
    let relative = safe ? parts.join("/") : path.basename(input.display);
    if (input.kind === "legacy") relative = relative.replace(/\.[^./]*$/, "") + ".xlsx";
    const extension = path.extname(relative);
    const stem = relative.slice(0, relative.length - extension.length);
    let candidate = relative;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++)
      candidate = stem + " (" + n + ")" + extension;
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}

/** The 自评表说明 beside a scored copy's name: "a/x.xlsx" → "a/x-自评表说明.docx". */
export function narrativeNameFor(mirrored: string): string {
  return mirrored.replace(/\.[^./]*$/, "") + "-自评表说明.docx";
}
