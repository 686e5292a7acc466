import * as React from "react";
import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { Link } from "@fluentui/react/lib/Link";
import { mergeStyleSets } from "@fluentui/react/lib/Styling";
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
  fileInput: {
    // Visually hidden but present: the button opens it, and automation can set files on it.
    position: "absolute",
    width: 1,
    height: 1,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    opacity: 0,
  },
  fileName: { fontWeight: 600, wordBreak: "break-all" },
});

/** Browser mode's ways in: a file (or several), a folder, the bundled example. */
export function FileBar(props: FileBarProps) {
  const { strings, opening, onPicked } = props;
  const fileInput = React.useRef<HTMLInputElement>(null);
  const folderInput = React.useRef<HTMLInputElement>(null);

  React.useEffect(() => {
    // React 17 has no prop for it: a folder picker is a file input with webkitdirectory.
    const input = folderInput.current;
    if (input) {
      input.setAttribute("webkitdirectory", "");
      input.setAttribute("directory", "");
    }
  }, []);

  const onFileChosen = (event: React.ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = filesFromList(input.files);
    if (files.length > 0) onPicked(files, false);
    // Choosing the same file again must fire change again.
    input.value = "";
  };

  const onFolderChosen = (event: React.ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = filesFromList(input.files);
    input.value = "";
    onPicked(files, true);
  };

  const OpenButton = props.primary ? PrimaryButton : DefaultButton;
  return (
    <div className={classes.fileBar}>
      <OpenButton
        text={strings.openWorkbookButton}
        disabled={opening}
        onClick={() => fileInput.current && fileInput.current.click()}
      />
      <input
        ref={fileInput}
        className={classes.fileInput}
        type="file"
        accept=".xlsx"
        multiple
        // The button above is this input's face for people and screen readers; one
        // control named 打开本地工作簿, not two. Automation sets files on the input itself.
        aria-hidden="true"
        tabIndex={-1}
        onChange={onFileChosen}
        data-testid="file-input"
      />
      <DefaultButton
        text={batchStrings.openFolderButton}
        disabled={opening}
        onClick={() => folderInput.current && folderInput.current.click()}
      />
      <input
        ref={folderInput}
        className={classes.fileInput}
        type="file"
        aria-hidden="true"
        tabIndex={-1}
        onChange={onFolderChosen}
        data-testid="folder-input"
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
