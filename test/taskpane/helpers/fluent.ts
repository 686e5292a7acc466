import { fireEvent, screen } from "@testing-library/react";

/** A Fluent drop-down by its label (its accessible name is the label, then the choice shown). */
export function dropdown(label: string): HTMLElement {
  return screen.getByRole("combobox", { name: new RegExp("^" + label + " ") });
}

/** Opens a Fluent drop-down by its label and picks an option by its text. */
export function choose(
  label: string,
  option: string | RegExp,
  within: HTMLElement = document.body
) {
  const field = Array.from(within.querySelectorAll('[role="combobox"]')).filter((element) => {
    const labelId = (element.getAttribute("aria-labelledby") || "").split(" ")[0];
    const labelElement = labelId ? document.getElementById(labelId) : null;
    return labelElement !== null && labelElement.textContent === label;
  })[0] as HTMLElement | undefined;
  if (!field) throw new Error("no drop-down labelled " + label);
  fireEvent.click(field);
  fireEvent.click(screen.getByRole("option", { name: option }));
}
