import { MessageBarType } from "@fluentui/react/lib/MessageBar";
import { missMessage } from "../../engine";
import { describeWriteNotices } from "../../workbook/describePortError";
import type { ScoredOpenWorkbook } from "../../workbook/scoreOpenWorkbook";
import { stringsFor, type TaskpaneLanguage } from "../strings";
import type { PaneMessage } from "./MessageList";

/**
 * What a run says above its result, in the pane's language: the column map's errors, what the
 * headers that gave no form lack, and the host's notices about the write (the engine's own
 * words, a miss or a map entry's fault, stay Chinese).
 */
export function runMessages(
  outcome: ScoredOpenWorkbook,
  language: TaskpaneLanguage
): PaneMessage[] {
  const strings = stringsFor(language);
  const messages: PaneMessage[] = [];
  const { result } = outcome;
  const misses = result.reading.misses;
  if (outcome.columnMapErrors.length > 0) {
    messages.push({
      type: MessageBarType.error,
      text: strings.columnMapErrors(outcome.columnMapErrors),
    });
  } else if (result.forms.length === 0) {
    messages.push({
      type: MessageBarType.warning,
      text: misses.length > 0 ? strings.noFormRead(misses.map(missMessage)) : strings.noFormFound,
    });
  } else if (misses.length > 0) {
    messages.push({ type: MessageBarType.info, text: strings.someHeadersUnread(misses.length) });
  }
  if (outcome.written)
    describeWriteNotices(outcome.written, language).forEach((notice) =>
      messages.push({ type: MessageBarType.info, text: notice })
    );
  return messages;
}
