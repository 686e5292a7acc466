import { oneLine } from "../values/oneLine";
import { isFormTitle } from "./rowLabels";
import type { SheetView } from "./sheetView";
import type { FormInfo } from "./types";

/**
 * A form's text facts: its title, year, unit and project names from its opening lines, its
 * 年度总体目标 block, and a rating it states above or just below its table.
 */

// A label, an optional "（盖章）", then a colon and the value, or nothing (the value is to its
// right). "部门整体支出绩效自评表" starts with 部门 but is no label.
const UNIT_LABEL =
  /^(部门名称|部门\(单位\)名称|单位名称|填报单位|预算单位|主管部门|实施单位|部门)(\([^)]{0,10}\))?([:：](.*))?$/;
const PROJECT_LABEL = /^项目名称(\([^)]{0,10}\))?([:：](.*))?$/;
const RATING_LABEL =
  /^(自评|评价|绩效)?(等级|评级|结果等级)[:：]?(优秀|良好|优|良|中等|中|合格|差|不合格)?$/;
// "2024年度" names the year of the form; a bare "2025年3月12日" is a date (填报日期), not it.
const FORM_YEAR = /(20\d{2})年度/;
const PLAIN_YEAR = /(20\d{2})年(?!\d{1,2}月)/;
// What may follow a label's value in the same cell: "某市交通运输局<ideographic spaces>填报日期：2025年3月".
const NEXT_LABEL_IN_CELL = /[\s\u3000]+[^\s\u3000:：]{1,10}[:：].*$/;

/** How much of the opening lines a form keeps for choosing its profile. */
const OPENING_TEXT_LIMIT = 2000;

/** The value after "label：" in one cell, without another label that follows it. */
function valueAfterLabel(raw: string): string {
  let value = raw.replace(/^[^:：]*[:：][\s\u3000]*/, "");
  value = value.split(/[\s\u3000]{2,}/)[0];
  value = value.replace(NEXT_LABEL_IN_CELL, "");
  value = value.replace(/[(（](盖章|签章|公章)[)）]$/, "");
  return value.trim();
}

function valueRightOf(view: SheetView, row: number, column: number): string {
  for (const cell of view.textCells(row)) {
    if (cell.column <= column) continue;
    const text = cell.raw.trim();
    if (text === "") continue;
    // The next label ("填报日期：…", "实施单位") rather than a value: the label was left blank.
    if (/^[^:：]{1,10}[:：]/.test(text)) return "";
    if (UNIT_LABEL.test(cell.words) || PROJECT_LABEL.test(cell.words)) return "";
    return text;
  }
  return "";
}

function labelledValue(
  view: SheetView,
  row: number,
  column: number,
  raw: string,
  inline: string | undefined
): string | null {
  const value =
    inline !== undefined && inline !== "" ? valueAfterLabel(raw) : valueRightOf(view, row, column);
  return value === "" ? null : value;
}

export function readFormInfo(
  view: SheetView,
  fromRow: number,
  headerRow: number,
  lastRow: number,
  trailingEnd: number
): FormInfo {
  let title: string | null = null;
  let formYear: number | null = null;
  let plainYear: number | null = null;
  let unitName: string | null = null;
  let unitIsSupervisor = false;
  let projectName: string | null = null;
  let overallGoal: FormInfo["overallGoal"] = null;
  const opening: string[] = [];
  let openingLength = 0;

  for (let index = view.indexFrom(fromRow); index < view.rows.length; index++) {
    const viewRow = view.rows[index];
    const row = viewRow.row;
    if (row >= headerRow) break;
    for (const cell of viewRow.cells) {
      const column = cell.column;
      const raw = cell.raw.trim();
      if (raw === "" || cell.words === "") continue;
      const words = cell.words;
      if (openingLength < OPENING_TEXT_LIMIT && !cell.isNumber) {
        opening.push(words);
        openingLength += words.length + 1;
      }
      if (title === null && isFormTitle(words)) title = oneLine(raw);
      const yearMatch = FORM_YEAR.exec(words);
      if (formYear === null && yearMatch) formYear = Number(yearMatch[1]);
      const plainMatch = PLAIN_YEAR.exec(words);
      if (plainYear === null && plainMatch) plainYear = Number(plainMatch[1]);
      const unit = UNIT_LABEL.exec(words);
      // The unit that evaluates itself (实施单位, 填报单位, 单位名称…) is the form's; its 主管部门 is
      // only the department above it, named when the form gives nothing else.
      if (unit && (unitName === null || (unitIsSupervisor && unit[1] !== "主管部门"))) {
        const value = labelledValue(view, row, column, raw, unit[4]);
        if (value !== null) {
          unitName = value;
          unitIsSupervisor = unit[1] === "主管部门";
        }
      }
      const project = PROJECT_LABEL.exec(words);
      if (projectName === null && project)
        projectName = labelledValue(view, row, column, raw, project[3]);
      if (overallGoal === null && /^预期目标$/.test(words))
        overallGoal = readOverallGoal(view, row, column);
    }
  }

  // A stated rating sits above the table or just below it, before the next form.
  let statedRating = findStatedRating(view, fromRow, headerRow - 1);
  if (statedRating === null)
    statedRating = findStatedRating(view, lastRow, Math.min(trailingEnd, lastRow + 15));
  const year = formYear !== null ? formYear : plainYear;
  const openingText = opening.join("|").slice(0, OPENING_TEXT_LIMIT);
  return { title, year, unitName, projectName, overallGoal, statedRating, openingText };
}

function findStatedRating(
  view: SheetView,
  fromRow: number,
  toRow: number
): FormInfo["statedRating"] {
  for (let index = view.indexFrom(fromRow); index < view.rows.length; index++) {
    const viewRow = view.rows[index];
    if (viewRow.row > toRow) break;
    for (const cell of viewRow.cells) {
      const match = RATING_LABEL.exec(cell.words);
      if (!match) continue;
      if (match[3]) return { cell: cell.cell.address, text: match[3] };
      const next = nextNonBlankRight(view, viewRow.row, cell.column);
      if (next) return next;
      break;
    }
  }
  return null;
}

function nextNonBlankRight(
  view: SheetView,
  row: number,
  column: number
): { cell: string; text: string } | null {
  const viewRow = view.row(row);
  if (!viewRow) return null;
  for (const cell of viewRow.cells) {
    if (cell.column <= column) continue;
    const text = cell.raw.trim();
    if (text !== "") return { cell: cell.cell.address, text };
  }
  return null;
}

function readOverallGoal(view: SheetView, row: number, column: number): FormInfo["overallGoal"] {
  let actualColumn = 0;
  for (const cell of view.textCells(row)) {
    if (cell.column > column && /^实际完成情况|^实际完成/.test(cell.words)) {
      actualColumn = cell.column;
      break;
    }
  }
  if (actualColumn === 0) return null;
  const shownText = (at: number): string => {
    const cell = view.shown(row + 1, at);
    return cell ? cell.raw.trim() : "";
  };
  const expected = shownText(column);
  const actual = shownText(actualColumn);
  if (expected === "" && actual === "") return null;
  return { expected, actual };
}
