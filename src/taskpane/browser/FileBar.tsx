import * as React from "react";
import { Link } from "@fluentui/react/lib/Link";
import { mergeStyleSets } from "@fluentui/react/lib/Styling";
import { FilePickButton } from "../components/FilePickButton";
import type { TaskpaneStrings } from "../strings";
import { batchStrings } from "./batchStrings";
import { filesFromList, type PickedFile } from "./pickedFiles";

export interface FileBarProps {
  readonly strings: TaskpaneStrings;
  /** A file is being opened: the choices wait. */
  readonly opening: boolean;
  /** Nothing is open yet: 打开本地工作簿 is the page's primary action. */
  readonly primary: boolean;
  /** The workbook open, named beside the buttons. */
  readonly fileName: string | null;
  /** Files picked: several or `folder` go to the batch, one opens as a workbook. */
  readonly onPicked: (files: readonly PickedFile[], folder: boolean) => void;
  readonly onExample: () => void;
}

const classes = mergeStyleSets({
  fileBar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    selectors: { "> *": { margin: "4px 16px 4px 0" } },
  },
  fileName: { fontWeight: 600, wordBreak: "break-all" },
});

/** Browser mode's ways in: a file (or several), a folder, the bundled example. */
export function FileBar(props: FileBarProps) {
  const { strings, opening, onPicked } = props;
  return (
    <div className={classes.fileBar}>
      <FilePickButton
        text={strings.openWorkbookButton}
        primary={props.primary}
        disabled={opening}
        accept=".xlsx"
        multiple
        testId="file-input"
        onFiles={(files) => {
          if (files.length > 0) onPicked(filesFromList(files), false);
        }}
      />
      <FilePickButton
        text={batchStrings.openFolderButton}
        disabled={opening}
        folder
        testId="folder-input"
        onFiles={(files) => onPicked(filesFromList(files), true)}
      />
      {/* Fluent's Link sets its own margin; the wrapper keeps the bar's spacing. */}
      <span>
        <Link onClick={props.onExample} disabled={opening}>
          {strings.tryExampleLink}
        </Link>
      </span>
      {props.fileName !== null && (
        <span className={classes.fileName}>{strings.openedFile(props.fileName)}</span>
      )}
    </div>
  );
}
