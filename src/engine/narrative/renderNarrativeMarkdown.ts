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

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (character) => "\\" + character);
}

function renderBlock(block: NarrativeBlock): string {
  switch (block.kind) {
    case "title":
      return "# " + escapeMarkdown(block.text);
    case "heading":
      return (block.level === 1 ? "## " : "### ") + escapeMarkdown(block.text);
    case "paragraph":
      return escapeMarkdown(block.text);
    case "table": {
      const row = (cells: readonly string[]): string =>
        "| " + cells.map(escapeMarkdown).join(" | ") + " |";
      return [row(block.header), row(block.header.map(() => "---"))]
        .concat(block.rows.map(row))
        .join("\n");
    }
  }
}
