/**
 * The names of a batch's per-file outputs: where each scored copy and 自评表说明 goes under the
 * output folder (the CLI's --scored-dir, browser mode's .zip). Plain string work on "/"-separated
 * paths, so the CLI and the browser name them alike.
 */

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, "");
}

function extensionOf(file: string): string {
  const name = baseName(file);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot) : "";
}

/**
 * Each input's path relative to the folder given (so the folders are mirrored), or its bare name
 * for a file named from elsewhere ("../x.xlsx", "/abs/x.xlsx", "C:\x.xlsx" must not climb out of
 * the output folder). An old-format file is converted, so its copy is an .xlsx. Two inputs that
 * would land on one name (also differing only in case, as Windows and macOS see them) are told
 * apart with " (2)", " (3)" ….
 */
export function planMirroredNames(
  inputs: readonly { readonly display: string; readonly kind: "workbook" | "legacy" }[]
): string[] {
  const taken: Record<string, true> = {};
  return inputs.map((input) => {
    const parts = input.display.split(/[\\/]/).filter((part) => part !== "" && part !== ".");
    const safe =
      !/^[\\/]/.test(input.display) &&
      !/^[A-Za-z]:/.test(input.display) &&
      parts.length > 0 &&
      parts.every((part) => part !== "..");
    let relative = safe ? parts.join("/") : baseName(input.display);
    if (input.kind === "legacy")
      relative = relative.slice(0, relative.length - extensionOf(relative).length) + ".xlsx";
    const extension = extensionOf(relative);
    const stem = relative.slice(0, relative.length - extension.length);
    let candidate = relative;
    for (let n = 2; taken[candidate.toLowerCase()]; n++)
      candidate = stem + " (" + n + ")" + extension;
    taken[candidate.toLowerCase()] = true;
    return candidate;
  });
}

/** The 自评表说明 beside a scored copy's name: "a/x.xlsx" → "a/x-自评表说明.docx". */
export function narrativeNameFor(mirrored: string): string {
  return mirrored.slice(0, mirrored.length - extensionOf(mirrored).length) + "-自评表说明.docx";
}
