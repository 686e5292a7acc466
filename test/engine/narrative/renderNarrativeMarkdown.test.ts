import {
  escapeMarkdown,
  renderNarrativeMarkdown,
} from "../../../src/engine/narrative/renderNarrativeMarkdown";

function paragraph(text: string): string {
  return renderNarrativeMarkdown([{ blocks: [{ kind: "paragraph", text }] }]).trimEnd();
}

describe("the narrative as Markdown", () => {
  it("escapes entities, so that &lt; prints as typed and not as <", () => {
    expect(escapeMarkdown("R&D &lt;b&gt; &#60;")).toBe("R\\&D \\&lt;b\\&gt; \\&\\#60;");
  });

  it("escapes links, images, HTML, emphasis, code and pipes", () => {
    expect(escapeMarkdown("![x](http://a) <b>*i* `c` a|b ~~s~~ $x$")).toBe(
      "\\!\\[x\\](http\\://a) \\<b\\>\\*i\\* \\`c\\` a\\|b \\~\\~s\\~\\~ \\$x\\$"
    );
  });

  it("keeps bare addresses from becoming links", () => {
    expect(escapeMarkdown("见 https://example.org、www.example.org 或 a@example.org")).toBe(
      "见 https\\://example.org、www\\.example.org 或 a\\@example.org"
    );
  });

  it("a paragraph that starts like a list, a heading underline or a break stays a paragraph", () => {
    expect(paragraph("- 不是列表")).toBe("\\- 不是列表");
    expect(paragraph("+ 不是列表")).toBe("\\+ 不是列表");
    expect(paragraph("1. 不是列表")).toBe("1\\. 不是列表");
    expect(paragraph("2024) 年")).toBe("2024\\) 年");
    expect(paragraph("===")).toBe("\\===");
    expect(paragraph("---")).toBe("\\---");
    expect(paragraph("（1）预算编制")).toBe("（1）预算编制");
  });
});
