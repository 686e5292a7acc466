/**
 * What a pane shows, read the way a test can pin exactly: the message bars (kind and text, in
 * order), a severity's problems (cell and message, in order).
 */
import { within } from "@testing-library/react";

export type MessageKind = "error" | "warning" | "success" | "info";

export interface ShownMessage {
  readonly kind: MessageKind;
  readonly text: string;
}

/** Fluent's MessageBar marks its kind by a global class on its root (none for info). */
function kindOf(bar: Element): MessageKind {
  for (const kind of ["error", "warning", "success"] as const)
    if (bar.classList.contains("ms-MessageBar--" + kind)) return kind;
  return "info";
}

/** Every message bar under `container`, in order, with its kind and text. */
export function messageBars(container: HTMLElement = document.body): ShownMessage[] {
  return Array.from(container.querySelectorAll(".ms-MessageBar")).map((bar) => {
    const text = bar.querySelector('[role="status"], [role="alert"]');
    return { kind: kindOf(bar), text: text ? (text.textContent ?? "") : "" };
  });
}

/** The problems a severity's region lists, as [location, message], in order. */
export function listedProblems(region: HTMLElement): Array<[string, string]> {
  return within(region)
    .getAllByRole("button")
    .map((item) => {
      const [location, message] = Array.from(item.children).map((part) => part.textContent ?? "");
      return [location, message];
    });
}

/** The names of the buttons under `container`, in order (the problems' items aside). */
export function buttonNames(container: HTMLElement = document.body): string[] {
  return within(container)
    .queryAllByRole("button")
    .filter((button) => button.tagName === "BUTTON")
    .map((button) => button.textContent ?? "");
}

/** What the spinner says the pane is doing, or null when there is none. */
export function progressLabel(container: HTMLElement = document.body): string | null {
  const labels = container.querySelectorAll(".ms-Spinner-label");
  if (labels.length > 1) throw new Error(labels.length + " spinners");
  return labels.length === 0 ? null : labels[0].textContent;
}

/**
 * What the pane has said: the message bars but the ones always there (the undo notice before the
 * first write, which mentions Ctrl+Z in both languages; browser mode's intro) and the ones inside
 * the 列对应 panel.
 */
export function paneMessages(container: HTMLElement = document.body): ShownMessage[] {
  const panel = container.querySelector('[data-testid="column-map"]');
  const bars = Array.from(container.querySelectorAll(".ms-MessageBar"));
  return messageBars(container).filter(
    (bar, index) =>
      !(panel && panel.contains(bars[index])) &&
      !/Ctrl\+Z/.test(bar.text) &&
      !bar.text.startsWith("在浏览器中评分：")
  );
}
