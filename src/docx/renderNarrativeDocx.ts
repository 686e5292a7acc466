/**
 * The 自评表说明 as a Word document with the usual 公文 look (GB/T 9704-2012): A4 with 公文
 * margins, a centred title, 黑体 for 一、 headings, 楷体 for （一） headings, 仿宋 三号 body text
 * with a two-character first-line indent on fixed 28-point lines. Texts go in as plain runs:
 * nothing from a cell can become a field, a hyperlink or a formula.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphOptions,
} from "docx";
import { textWidth, type NarrativeBlock, type NarrativeDocument } from "../engine";

/** 1 mm in twentieths of a point. */
const MM = 56.7;
/** Half-points, as Word sizes fonts: 二号 22 pt, 三号 16 pt, 小四 12 pt. */
const SIZE_TITLE = 44;
const SIZE_BODY = 32;
const SIZE_TABLE = 24;
/** Fixed line pitch of 公文 body text: 28 points. */
const LINE_EXACT = 28 * 20;
const INDENT_TWO_CHARACTERS = 2 * 16 * 20;

const LATIN = "Times New Roman";
const FONTS = {
  title: "宋体",
  heading1: "黑体",
  heading2: "楷体",
  body: "仿宋",
} as const;

function font(eastAsia: string): { ascii: string; hAnsi: string; eastAsia: string; cs: string } {
  return { ascii: LATIN, hAnsi: LATIN, eastAsia, cs: LATIN };
}

function textParagraph(
  text: string,
  run: { font: string; size: number; bold?: boolean },
  options: IParagraphOptions
): Paragraph {
  return new Paragraph({
    ...options,
    children: [new TextRun({ text, font: font(run.font), size: run.size, bold: run.bold })],
  });
}

const BODY_SPACING = { line: LINE_EXACT, lineRule: LineRuleType.EXACT };

function blockContent(block: NarrativeBlock, pageBreakBefore: boolean): (Paragraph | Table)[] {
  switch (block.kind) {
    case "title":
      return [
        textParagraph(
          block.text,
          { font: FONTS.title, size: SIZE_TITLE, bold: true },
          {
            alignment: AlignmentType.CENTER,
            pageBreakBefore,
            spacing: { after: 2 * LINE_EXACT },
          }
        ),
      ];
    case "heading":
      return [
        textParagraph(
          block.text,
          { font: block.level === 1 ? FONTS.heading1 : FONTS.heading2, size: SIZE_BODY },
          {
            indent: { firstLine: INDENT_TWO_CHARACTERS },
            spacing: BODY_SPACING,
            keepNext: true,
          }
        ),
      ];
    case "paragraph":
      return [
        textParagraph(
          block.text,
          { font: FONTS.body, size: SIZE_BODY },
          {
            alignment: AlignmentType.JUSTIFIED,
            indent: { firstLine: INDENT_TWO_CHARACTERS },
            spacing: BODY_SPACING,
          }
        ),
      ];
    case "table":
      return [goalsTable(block.header, block.rows)];
  }
}

function tableCell(text: string, header: boolean, widthPercent: number): TableCell {
  return new TableCell({
    width: { size: widthPercent, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    children: [
      textParagraph(
        text,
        { font: header ? FONTS.heading1 : FONTS.body, size: SIZE_TABLE },
        { alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT }
      ),
    ],
  });
}

/** A column needs at most this many text units before wrapping is no loss (about 15 汉字). */
const MOST_NEEDED = 30;
/** Text units beside a cell's text: its margins (100 twips a side) and a little room. */
const CELL_PADDING = 3;
/**
 * The page's text width in text units of the table's 小四 (a 汉字 two units of 6 pt): A4 less
 * the GB/T 9704 margins, 210 − 28 − 26 = 156 mm ≈ 442 pt.
 */
const PAGE_UNITS = 73;
/** A column needing no more than this is a short one: it gets all it needs. */
const SHORT_COLUMN = 14;

/**
 * Column widths in percent from what the columns hold: a column of short entries (序号, 总分,
 * 评级, 执行率) gets what its longest entry or its header needs, the columns of long text (单位,
 * 项目名称, 目标, 完成情况) share the rest by their need — six equal columns wrapped 单位 and
 * 项目名称 every four or five characters, and a share by need alone wrapped "89.67".
 */
export function tableColumnWidths(
  header: readonly string[],
  rows: readonly (readonly string[])[]
): number[] {
  const needs = header.map((title, column) => {
    let longest = textWidth(title);
    for (const row of rows) longest = Math.max(longest, textWidth(row[column] ?? ""));
    return Math.max(4, Math.min(MOST_NEEDED, longest)) + CELL_PADDING;
  });
  const total = needs.reduce((sum, need) => sum + need, 0);
  const proportional = () => needs.map((need) => (need / total) * 100);
  if (total <= PAGE_UNITS) return proportional();
  const shortTotal = needs.reduce((sum, need) => (need <= SHORT_COLUMN ? sum + need : sum), 0);
  const longTotal = total - shortTotal;
  if (longTotal === 0 || shortTotal > PAGE_UNITS / 2) return proportional();
  const longShare = 100 - (shortTotal / PAGE_UNITS) * 100;
  return needs.map((need) =>
    need <= SHORT_COLUMN ? (need / PAGE_UNITS) * 100 : (need / longTotal) * longShare
  );
}

function goalsTable(header: readonly string[], rows: readonly (readonly string[])[]): Table {
  const widths = tableColumnWidths(header, rows);
  const line = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((text, index) => tableCell(text, true, widths[index])),
      }),
    ].concat(
      rows.map(
        (row) =>
          new TableRow({
            children: row.map((text, index) => tableCell(text, false, widths[index] ?? 20)),
          })
      )
    ),
  });
}

/** The narratives of a scoring run as one .docx file, each form's starting on a new page. */
export async function renderNarrativeDocx(
  documents: readonly NarrativeDocument[]
): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  documents.forEach((document, index) => {
    document.blocks.forEach((block) => {
      children.push(...blockContent(block, index > 0 && block.kind === "title"));
    });
  });
  const first = documents[0]?.blocks[0];
  const file = new Document({
    creator: "绩效自评助手",
    title: first && first.kind === "title" ? first.text : "自评表说明",
    styles: {
      default: {
        document: { run: { font: font(FONTS.body), size: SIZE_BODY } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            // A4 portrait, GB/T 9704-2012 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
            },
          },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}
