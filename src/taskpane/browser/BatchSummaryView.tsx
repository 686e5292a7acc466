import * as React from "react";
import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { Spinner, SpinnerSize } from "@fluentui/react/lib/Spinner";
import { mergeStyleSets } from "@fluentui/react/lib/Styling";
import {
  alertName,
  type BatchFile,
  type BatchForm,
  type BatchSummary,
  fileNoteText,
  formatScore,
  STATUS_NAMES,
} from "../../engine";
import type { BatchStrings } from "./batchStrings";
import type { BrowserBatchProgress } from "./runBrowserBatch";

/** Excel's Good / Neutral / Bad fills, and a light blue for 良, as in the 汇总 workbook. */
const RATING_COLOURS: Readonly<Record<string, string>> = {
  优: "#C6EFCE",
  良: "#DDEBF7",
  中: "#FFEB9C",
  差: "#FFC7CE",
};

const classes = mergeStyleSets({
  view: { marginTop: 12 },
  heading: { fontSize: 16, fontWeight: 600, margin: "0 0 8px" },
  totals: { margin: "4px 0" },
  downloads: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    margin: "8px 0",
    selectors: { "> *": { margin: "0 8px 8px 0" } },
  },
  note: { fontSize: 12, margin: "0 0 8px" },
  scroller: { overflowX: "auto", maxWidth: "100%" },
  table: { borderCollapse: "collapse", fontSize: 12, minWidth: 900 },
  caption: { textAlign: "left", fontWeight: 600, padding: "4px 0" },
  cell: {
    border: "1px solid #c8c6c4",
    padding: "2px 6px",
    verticalAlign: "top",
    textAlign: "left",
  },
  header: { background: "#D9E1F2", fontWeight: 600, whiteSpace: "nowrap" },
  number: { textAlign: "right", whiteSpace: "nowrap" },
  centred: { textAlign: "center", whiteSpace: "nowrap" },
  failed: { background: "#FFC7CE" },
  skipped: { background: "#FFEB9C" },
  problems: { minWidth: 240 },
  fileName: { minWidth: 140, wordBreak: "break-all" },
  unitName: { minWidth: 100 },
  projectName: { minWidth: 160 },
});

export interface BatchSummaryViewProps {
  readonly strings: BatchStrings;
  /** While files are being scored. */
  readonly progress: BrowserBatchProgress | null;
  /** Once every file is scored. */
  readonly summary: BatchSummary | null;
  /** A download is being made. */
  readonly preparing: boolean;
  /** Whether any scored copy was made (the .zip has something in it). */
  readonly hasCopies: boolean;
  readonly onDownloadSummary: () => void;
  readonly onDownloadCopies: () => void;
  readonly onDownloadReport: () => void;
}

function percent(rate: number | null): string | null {
  return rate === null ? null : formatScore(rate * 100) + "%";
}

interface Row {
  readonly file: BatchFile;
  readonly form: BatchForm | null;
}

function rowsOf(summary: BatchSummary): Row[] {
  const rows: Row[] = [];
  for (const file of summary.files) {
    if (file.forms.length === 0) rows.push({ file, form: null });
    for (const form of file.forms) rows.push({ file, form });
  }
  return rows;
}

/** Browser mode's 汇总: progress while scoring, then the 汇总表 and the downloads. */
export function BatchSummaryView(props: BatchSummaryViewProps) {
  const { strings, progress, summary } = props;
  if (!summary)
    return (
      <div className={classes.view} data-testid="batch-view">
        {progress && (
          <>
            <h2 className={classes.heading}>{strings.heading(progress.total)}</h2>
            <Spinner
              size={SpinnerSize.medium}
              labelPosition="right"
              label={strings.progress(
                Math.min(progress.done, progress.total - 1),
                progress.total,
                progress.current
              )}
            />
          </>
        )}
      </div>
    );
  const totals = summary.totals;
  const none = strings.none;
  const cell = (extra?: string) => classes.cell + (extra ? " " + extra : "");
  return (
    <div className={classes.view} data-testid="batch-view">
      <h2 className={classes.heading}>{strings.heading(totals.files)}</h2>
      <p className={classes.totals} data-testid="batch-totals">
        {strings.totals(totals.scored, totals.failed, totals.skipped, totals.ignored, totals.forms)}
        {totals.forms > 0 && strings.problemsTotal(totals.errors, totals.warnings)}
      </p>
      {totals.scored === 0 ? (
        <p>{strings.nothingScored}</p>
      ) : (
        <>
          <div className={classes.downloads}>
            <PrimaryButton
              text={strings.downloadSummaryButton}
              disabled={props.preparing}
              onClick={props.onDownloadSummary}
            />
            {props.hasCopies && (
              <DefaultButton
                text={strings.downloadCopiesButton}
                disabled={props.preparing}
                onClick={props.onDownloadCopies}
              />
            )}
            <DefaultButton
              text={strings.downloadReportButton}
              disabled={props.preparing}
              onClick={props.onDownloadReport}
            />
            {props.preparing && <Spinner size={SpinnerSize.small} />}
          </div>
          <p className={classes.note}>{strings.downloadNote}</p>
        </>
      )}
      <div className={classes.scroller}>
        <table className={classes.table} data-testid="batch-table">
          <caption className={classes.caption}>{strings.tableCaption}</caption>
          <thead>
            <tr>
              {strings.columns.map((column) => (
                <th key={column} scope="col" className={cell(classes.header)}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rowsOf(summary).map((row, index) => {
              const { file, form } = row;
              const notes = file.notes.map(fileNoteText).join("");
              const statusClass =
                file.status === "failed"
                  ? classes.failed
                  : file.status === "skipped"
                    ? classes.skipped
                    : undefined;
              const rating = form ? form.rating : null;
              return (
                <tr key={index} data-status={file.status}>
                  <td className={cell(classes.centred)}>{index + 1}</td>
                  <td className={cell(classes.fileName)}>{file.file}</td>
                  <td className={cell(classes.centred + (statusClass ? " " + statusClass : ""))}>
                    {STATUS_NAMES[file.status]}
                  </td>
                  <td className={cell(classes.unitName)}>{form ? form.unitName : null}</td>
                  <td className={cell(classes.projectName)}>
                    {form
                      ? form.kind === "department"
                        ? strings.departmentProject
                        : form.projectName
                      : null}
                  </td>
                  <td className={cell(classes.number)}>
                    {form
                      ? form.total.score === null
                        ? none
                        : formatScore(form.total.score)
                      : null}
                  </td>
                  <td
                    className={cell(classes.centred)}
                    style={
                      rating && RATING_COLOURS[rating]
                        ? { background: RATING_COLOURS[rating] }
                        : undefined
                    }
                  >
                    {form ? rating || none : null}
                  </td>
                  <td className={cell(classes.number)}>
                    {form && form.budget ? percent(form.budget.rate) : null}
                  </td>
                  <td className={cell(classes.number)}>{form ? form.errors : null}</td>
                  <td className={cell(classes.number)}>{form ? form.warnings : null}</td>
                  <td className={cell()}>{form ? form.alerts.map(alertName).join("、") : null}</td>
                  <td className={cell(classes.problems)}>
                    {notes + (form ? form.mainProblems.join("") : "")}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
