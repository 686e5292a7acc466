import * as React from "react";
import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { mergeStyleSets } from "@fluentui/react/lib/Styling";

export interface FilePickButtonProps {
  readonly text: string;
  /** The page's main action: a primary button. */
  readonly primary?: boolean;
  readonly disabled?: boolean;
  /** The file input's accept list (".xlsx", ".json,application/json"). */
  readonly accept?: string;
  readonly multiple?: boolean;
  /** Picks a folder: its files, each with its webkitRelativePath. */
  readonly folder?: boolean;
  /** The hidden input's data-testid: automation sets files on it. */
  readonly testId: string;
  /** The files chosen (the same file chosen again comes again). */
  readonly onFiles: (files: File[]) => void;
}

const classes = mergeStyleSets({
  fileInput: {
    // Visually hidden but present: the button opens it, and automation can set files on it.
    position: "absolute",
    width: 1,
    height: 1,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    opacity: 0,
  },
});

/**
 * A button that opens the browser's file (or folder) picker. The button is the hidden file
 * input's face for people and screen readers: one control with the button's name, not two.
 */
export function FilePickButton(props: FilePickButtonProps) {
  const input = React.useRef<HTMLInputElement>(null);
  const { folder } = props;

  React.useEffect(() => {
    // React 17 has no prop for it: a folder picker is a file input with webkitdirectory.
    const element = input.current;
    if (element && folder) {
      element.setAttribute("webkitdirectory", "");
      element.setAttribute("directory", "");
    }
  }, [folder]);

  const onChange = (event: React.ChangeEvent<HTMLInputElement>) => {
    const element = event.currentTarget;
    const files: File[] = [];
    const list = element.files;
    if (list) for (let i = 0; i < list.length; i++) files.push(list[i]);
    // Choosing the same file again (corrected) must fire change again.
    element.value = "";
    props.onFiles(files);
  };

  const Button = props.primary ? PrimaryButton : DefaultButton;
  return (
    <React.Fragment>
      <Button
        text={props.text}
        disabled={props.disabled}
        onClick={() => input.current && input.current.click()}
      />
      <input
        ref={input}
        className={classes.fileInput}
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        aria-hidden="true"
        tabIndex={-1}
        onChange={onChange}
        data-testid={props.testId}
      />
    </React.Fragment>
  );
}
