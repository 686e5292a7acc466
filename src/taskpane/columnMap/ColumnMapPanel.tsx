import * as React from "react";
import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { mergeStyleSets } from "@fluentui/react/lib/Styling";
import { type IndicatorColumnRole, parseColumnMap } from "../../engine";
import { ChoiceSelect, type ChoiceSelectOption } from "../components/ChoiceSelect";
import type { TaskpaneStrings } from "../strings";
import {
  draftFromText,
  mapsBySheet,
  textFromDraft,
  type ColumnChoice,
  type ColumnMapDraft,
  type ColumnMapSection,
  type RoleRow,
} from "./columnMapModel";

const AUTO = "auto";

const classes = mergeStyleSets({
  panel: {
    margin: "8px 0 16px",
    padding: "8px 12px 12px",
    border: "1px solid #c8c6c4",
    borderRadius: 2,
  },
  heading: { fontSize: 16, fontWeight: 600, margin: "4px 0 8px" },
  intro: { fontSize: 12, margin: "0 0 8px" },
  sheetHeading: { fontSize: 14, fontWeight: 600, margin: "12px 0 4px" },
  note: { fontSize: 12, margin: "0 0 6px", color: "#605e5c" },
  roles: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(190px, 1fr))",
    gridGap: "4px 12px",
  },
  // Internet Explorer 11 has no grid with auto-fill: the roles then stack, one per line.
  role: { minWidth: 0, marginBottom: 4 },
  why: {
    display: "block",
    fontSize: 11,
    color: "#605e5c",
    marginTop: 2,
    wordBreak: "break-word",
  },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    marginTop: 8,
    selectors: { "> *": { margin: "0 8px 8px 0" } },
  },
  message: { marginBottom: 8 },
});

/** Long headers ("偏差原因分析及改进措施 / 未完成原因") are cut in the drop-down; the title has all. */
function shortHeader(header: string): string {
  return header.length > 18 ? header.slice(0, 17) + "…" : header;
}

export interface ColumnMapPanelProps {
  readonly sections: readonly ColumnMapSection[];
  /** The map in use (the workbook's setting), as text. */
  readonly savedText: string;
  readonly strings: TaskpaneStrings;
  readonly disabled: boolean;
  /** Where the map is kept, said under the buttons. */
  readonly keptNote: string;
  /** Saves the map and scores with it ("" for 恢复自动). */
  readonly onApply: (text: string) => void;
  readonly onClose: () => void;
}

interface RoleChoiceProps {
  readonly section: ColumnMapSection;
  readonly row: RoleRow;
  readonly chosen: string | undefined;
  readonly strings: TaskpaneStrings;
  readonly disabled: boolean;
  readonly onChange: (role: IndicatorColumnRole, column: string | undefined) => void;
}

function choiceText(choice: ColumnChoice, strings: TaskpaneStrings): string {
  return strings.columnMapChoice(choice.column, shortHeader(choice.header));
}

/** One role: a drop-down of the table's columns, 自动 first, and quietly why the column in use. */
function RoleChoice({ section, row, chosen, strings, disabled, onChange }: RoleChoiceProps) {
  const inUse = row.inUse;
  const detected =
    inUse === null
      ? null
      : section.choices.filter((choice) => choice.column === inUse.column)[0] || {
          column: inUse.column,
          header: inUse.header,
        };
  const autoText =
    inUse !== null && inUse.source === "map"
      ? strings.profileAuto
      : strings.columnMapAuto(detected === null ? null : choiceText(detected, strings));
  const options: ChoiceSelectOption[] = [{ key: AUTO, text: autoText }].concat(
    section.choices.map((choice) => ({
      key: choice.column,
      text: choiceText(choice, strings),
      title: choice.column + " " + choice.header,
    }))
  );
  return (
    <div className={classes.role} data-role={row.role}>
      <ChoiceSelect
        label={row.roleName}
        options={options}
        selectedKey={chosen === undefined ? AUTO : chosen}
        disabled={disabled}
        onChange={(key) => onChange(row.role, key === AUTO ? undefined : key)}
      />
      <span className={classes.why}>
        {inUse === null
          ? strings.columnMapNotFound
          : strings.columnMapWhy(inUse.column, inUse.reason)}
      </span>
    </div>
  );
}

/**
 * The 列对应 panel: for each sheet with a form (or a header that gave none), each role with the
 * column in use and why, a drop-down of the table's columns to override it, then 按列对应重新评分
 * (saves the map with the workbook and scores with it) or 恢复自动 (clears it). An entry the map
 * cannot hold (one column for two roles) is said, naming it, before anything is scored.
 */
export function ColumnMapPanel({
  sections,
  savedText,
  strings,
  disabled,
  keptNote,
  onApply,
  onClose,
}: ColumnMapPanelProps) {
  const [draft, setDraft] = React.useState<ColumnMapDraft>(() =>
    draftFromText(savedText, sections)
  );
  // The map applied or cleared starts the draft afresh; another run over the same saved map keeps
  // what the user picked and has not applied yet, for each sheet the new reading still shows.
  const appliedText = React.useRef(savedText);
  React.useEffect(() => {
    const fresh = draftFromText(savedText, sections);
    if (appliedText.current !== savedText) {
      appliedText.current = savedText;
      setDraft(fresh);
      return;
    }
    setDraft((before) => {
      const kept: Record<string, ColumnMapDraft[string]> = {};
      Object.keys(fresh).forEach((sheet) => (kept[sheet] = before[sheet] || fresh[sheet]));
      return kept;
    });
  }, [savedText, sections]);

  const bySheet = mapsBySheet(sections);
  const text = textFromDraft(draft, sections);
  const errors = parseColumnMap(text).errors;

  const change = (sheet: string) => (role: IndicatorColumnRole, column: string | undefined) =>
    setDraft((before) => {
      const roles = { ...(before[sheet] || {}) };
      if (column === undefined) delete roles[role];
      else roles[role] = column;
      return { ...before, [sheet]: roles };
    });

  return (
    <section
      className={classes.panel}
      aria-labelledby="selfeval-column-map"
      data-testid="column-map"
    >
      <h2 id="selfeval-column-map" className={classes.heading}>
        {strings.columnMapHeading}
      </h2>
      <p className={classes.intro}>{strings.columnMapIntro}</p>
      {sections.map((section) => {
        const locked = disabled || (bySheet && !section.nameable);
        return (
          <section key={section.sheet} aria-label={section.sheet} data-sheet={section.sheet}>
            <h3 className={classes.sheetHeading}>
              {strings.formHeading(section.title ?? section.sheet, section.sheet)}
            </h3>
            {section.misses.map((miss) => (
              <MessageBar
                key={miss}
                className={classes.message}
                messageBarType={MessageBarType.warning}
                delayedRender={false}
              >
                {miss}
              </MessageBar>
            ))}
            {section.forms > 1 && (
              <p className={classes.note}>{strings.columnMapSharedSheet(section.forms)}</p>
            )}
            {bySheet && !section.nameable && (
              <p className={classes.note}>{strings.columnMapSheetUnnamed}</p>
            )}
            <div className={classes.roles}>
              {section.roles.map((row) => (
                <RoleChoice
                  key={row.role}
                  section={section}
                  row={row}
                  chosen={(draft[section.sheet] || {})[row.role]}
                  strings={strings}
                  disabled={locked}
                  onChange={change(section.sheet)}
                />
              ))}
            </div>
          </section>
        );
      })}
      {errors.length > 0 && (
        <MessageBar
          className={classes.message}
          messageBarType={MessageBarType.error}
          delayedRender={false}
        >
          {strings.columnMapErrors(errors)}
        </MessageBar>
      )}
      <div className={classes.actions}>
        <PrimaryButton
          text={strings.columnMapApply}
          disabled={disabled || errors.length > 0}
          onClick={() => onApply(text)}
        />
        <DefaultButton
          text={strings.columnMapReset}
          disabled={disabled || (savedText === "" && text === "")}
          onClick={() => onApply("")}
        />
        <DefaultButton text={strings.columnMapClose} onClick={onClose} />
      </div>
      <p className={classes.note}>{keptNote}</p>
    </section>
  );
}
