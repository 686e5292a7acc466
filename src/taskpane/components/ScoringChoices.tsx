import * as React from "react";
import { ChoiceGroup, type IChoiceGroupOption } from "@fluentui/react/lib/ChoiceGroup";
import { mergeStyleSets } from "@fluentui/react/lib/Styling";
import type { ProfileId } from "../../engine";
import type { TaskpaneStrings } from "../strings";
import { ChoiceSelect, type ChoiceSelectOption } from "./ChoiceSelect";
import { FilePickButton } from "./FilePickButton";
import type { ScoringChoicesState } from "./useScoringChoices";

const PROFILE_CHOICES: readonly { key: string; profile: ProfileId | undefined }[] = [
  { key: "auto", profile: undefined },
  { key: "project", profile: "project" },
  { key: "department", profile: "department" },
];

const classes = mergeStyleSets({
  choices: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    selectors: { "> *": { margin: "0 24px 8px 0" } },
  },
  ruleSet: { flex: "1 1 240px", minWidth: 220, maxWidth: 420 },
  description: { fontSize: 12, margin: "4px 0 0", color: "#605e5c" },
  help: { fontSize: 12, margin: "4px 0 0", color: "#605e5c" },
  importRow: { marginTop: 6 },
});

function profileLabel(key: string, strings: TaskpaneStrings): string {
  if (key === "project") return strings.profileProject;
  if (key === "department") return strings.profileDepartment;
  return strings.profileAuto;
}

export interface ScoringChoicesProps {
  readonly choices: ScoringChoicesState;
  readonly strings: TaskpaneStrings;
  readonly disabled: boolean;
  /**
   * Browser mode: 导入规则集… reads a bureau's rule set file. Absent in Excel and WPS, whose panes
   * cannot open a file the user picks: the help text says so.
   */
  readonly onImportRuleSet?: (file: File) => void;
}

/**
 * What scoring is told besides the workbook: the kind of form (自动/项目支出/部门整体支出) and the
 * finance bureau's rule set, with what the chosen set adds. A small component of its own so that
 * the pane can place other choices beside it.
 */
export function ScoringChoices({
  choices,
  strings,
  disabled,
  onImportRuleSet,
}: ScoringChoicesProps) {
  const profileOptions: IChoiceGroupOption[] = PROFILE_CHOICES.map((entry) => ({
    key: entry.key,
    text: profileLabel(entry.key, strings),
    disabled,
  }));
  const selectedProfile = PROFILE_CHOICES.filter((entry) => entry.profile === choices.profile)[0];
  const ruleSetOptions: ChoiceSelectOption[] = choices.options.map((option) => ({
    key: option.key,
    text: option.imported ? strings.importedRuleSetName(option.ruleSet.name) : option.ruleSet.name,
  }));

  return (
    <div className={classes.choices}>
      <ChoiceGroup
        label={strings.profileLabel}
        options={profileOptions}
        selectedKey={selectedProfile.key}
        onChange={(_event, option) => {
          const chosen = PROFILE_CHOICES.filter((entry) => option && entry.key === option.key)[0];
          if (chosen) choices.chooseProfile(chosen.profile);
        }}
      />
      <div className={classes.ruleSet}>
        <ChoiceSelect
          label={strings.ruleSetLabel}
          options={ruleSetOptions}
          selectedKey={choices.ruleSetKey}
          disabled={disabled}
          onChange={choices.chooseRuleSet}
        />
        <p className={classes.description} lang="zh-CN">
          {choices.ruleSet.description}
        </p>
        {onImportRuleSet ? (
          <div className={classes.importRow}>
            <FilePickButton
              text={strings.importRuleSetButton}
              disabled={disabled}
              accept=".json,application/json"
              testId="rule-set-input"
              onFiles={(files) => {
                if (files.length > 0) onImportRuleSet(files[0]);
              }}
            />
            <p className={classes.help}>{strings.ruleSetHelpInBrowser}</p>
          </div>
        ) : (
          <p className={classes.help}>{strings.ruleSetHelpInOffice}</p>
        )}
      </div>
    </div>
  );
}
