import * as React from "react";
import { Label } from "@fluentui/react/lib/Label";
import { mergeStyleSets } from "@fluentui/react/lib/Styling";
import { getId } from "@fluentui/react/lib/Utilities";

/**
 * A drop-down list as the browser draws it (<select>), styled like Fluent's fields. Fluent's own
 * Dropdown brings its Callout, Panel and FocusZone — about 50 KiB gzipped more on the pane's
 * first load — and in a narrow task pane opens as a full-height panel; the native list works in
 * every webview, Internet Explorer 11 included, with the keyboard and screen readers as users
 * know them.
 */
export interface ChoiceSelectOption {
  readonly key: string;
  readonly text: string;
  /** Shown on hover (the full header where `text` is cut). */
  readonly title?: string;
}

export interface ChoiceSelectProps {
  readonly label: string;
  readonly options: readonly ChoiceSelectOption[];
  readonly selectedKey: string;
  readonly disabled?: boolean;
  readonly onChange: (key: string) => void;
}

const classes = mergeStyleSets({
  select: {
    display: "block",
    width: "100%",
    maxWidth: "100%",
    height: 32,
    boxSizing: "border-box",
    padding: "0 8px",
    border: "1px solid #8a8886",
    borderRadius: 2,
    background: "#ffffff",
    color: "#323130",
    font: "inherit",
    fontSize: 14,
    selectors: {
      ":hover": { borderColor: "#323130" },
      ":focus": { borderColor: "#0078d4", outline: "1px solid #0078d4" },
      ":disabled": { background: "#f3f2f1", borderColor: "#f3f2f1", color: "#a19f9d" },
    },
  },
});

export function ChoiceSelect({
  label,
  options,
  selectedKey,
  disabled,
  onChange,
}: ChoiceSelectProps) {
  const [id] = React.useState(() => getId("selfeval-select-"));
  return (
    <div>
      <Label htmlFor={id} disabled={disabled}>
        {label}
      </Label>
      <select
        id={id}
        className={classes.select}
        value={selectedKey}
        disabled={disabled}
        onChange={(event) => onChange(event.currentTarget.value)}
      >
        {options.map((option) => (
          <option key={option.key} value={option.key} title={option.title}>
            {option.text}
          </option>
        ))}
      </select>
    </div>
  );
}
