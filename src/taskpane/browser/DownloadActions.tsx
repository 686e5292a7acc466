import * as React from "react";
import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { Spinner, SpinnerSize } from "@fluentui/react/lib/Spinner";
import { mergeStyleSets } from "@fluentui/react/lib/Styling";
import type { TaskpaneStrings } from "../strings";

export interface DownloadActionsProps {
  readonly strings: TaskpaneStrings;
  /** The Word file is being made (its chunk loaded, the document packed). */
  readonly preparing: boolean;
  readonly onDownloadScored: () => void;
  readonly onDownloadNarrative: () => void;
}

const classes = mergeStyleSets({
  downloads: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    selectors: { "> *": { margin: "0 8px 8px 0" } },
  },
  note: { fontSize: 12, margin: "4px 0 0" },
});

/** Browser mode's counterpart of the pane's links to the written sheets: the files to keep. */
export function DownloadActions(props: DownloadActionsProps) {
  const { strings, preparing } = props;
  return (
    <div>
      <div className={classes.downloads}>
        <PrimaryButton text={strings.downloadScoredButton} onClick={props.onDownloadScored} />
        <DefaultButton
          text={strings.downloadNarrativeButton}
          disabled={preparing}
          onClick={props.onDownloadNarrative}
        />
        {preparing && <Spinner size={SpinnerSize.small} label={strings.preparingDownload} />}
      </div>
      <p className={classes.note}>{strings.browserScoredNote}</p>
    </div>
  );
}
