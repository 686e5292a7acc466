import * as React from "react";
import { Link } from "@fluentui/react/lib/Link";
import { mergeStyleSets } from "@fluentui/react/lib/Styling";
import type { WriteOutcome } from "../../workbook/port";
import type { TaskpaneStrings } from "../strings";

export interface WrittenSummaryProps {
  readonly written: WriteOutcome;
  readonly strings: TaskpaneStrings;
  /** 清除标记 has taken the marks back since: their count no longer holds. */
  readonly marksCleared: boolean;
  /** Links to the sheets written, which only a workbook open in the host has (not a download). */
  readonly onGoToSheet?: (sheet: string) => void;
  /** What the host offers beside (browser mode: the downloads). */
  readonly children?: React.ReactNode;
}

const classes = mergeStyleSets({
  section: { marginBottom: 12 },
  sheetLinks: { listStyle: "none", margin: "0 0 8px", padding: 0 },
});

/** What a run wrote: the cells marked and the output sheets to go to. */
export function WrittenSummary(props: WrittenSummaryProps) {
  const { written, strings, onGoToSheet } = props;
  return (
    <div className={classes.section}>
      {!props.marksCleared && <p>{strings.written(written.marked)}</p>}
      {onGoToSheet && written.sheets.length > 0 && (
        <nav aria-label={strings.outputSheetsHeading}>
          <ul className={classes.sheetLinks}>
            {written.sheets.map((sheet) => (
              <li key={sheet.name}>
                <Link onClick={() => onGoToSheet(sheet.name)}>{strings.goToSheet(sheet.name)}</Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {props.children}
    </div>
  );
}
