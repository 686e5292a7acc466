import type { NarrativeBlock, NarrativeDocument } from "./types";

/**
 * Plain text with Markdown's structure (selfeval --narrative). Characters Markdown would read
 * as markup or HTML are escaped, so a cell's text prints as typed and never becomes a link or tag.
 */
export function renderNarrativeMarkdown(documents: readonly NarrativeDocument[]): string {
  return documents
    .map((document) => document.blocks.map(renderBlock).join("\n\n") + "\n")
    .join("\n");
}

/**
 * Escapes what CommonMark and GitHub's Markdown would read as markup: emphasis, code, links and
 * images, raw HTML, entities ("&lt;" would print as "<"), table pipes, strikethrough, and bare
 * URLs, www. addresses and e-mail addresses (GitHub links those by itself). A backslash before
 * ASCII punctuation prints the character as it is in every CommonMark renderer.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#|~&!$]/g, (character) => "\\" + character)
    .replace(/:(?=\/\/)/g, "\\:")
    .replace(/\b(www)\./gi, "$1\\.")
    .replace(/@/g, "\\@");
}

/**
 * A block's text escaped, with what would open a block of its own at the start of a line made
 * plain: a list item ("- ", "+ ", "1. ", "1) "), a setext underline or thematic break ("=", "-").
 */
function escapeLine(text: string): string {
  return escapeMarkdown(text).replace(
    /^(\s*)(?:([-+=])|(\d+)([.)]))/,
    (_whole, space, sign, number, dot) =>
      sign !== undefined ? space + "\\" + sign : space + number + "\\" + dot
  );
}

function renderBlock(block: NarrativeBlock): string {
  switch (block.kind) {
    case "title":
      return "# " + escapeMarkdown(block.text);
    case "heading":
      return (block.level === 1 ? "## " : "### ") + escapeMarkdown(block.text);
    case "paragraph":
      return escapeLine(block.text);
    case "table": {
      const row = (cells: readonly string[]): string =>
        "| " + cells.map(escapeMarkdown).join(" | ") + " |";
      return [row(block.header), row(block.header.map(() => "---"))]
        .concat(block.rows.map(row))
        .join("\n");
    }
  }
}
