import { fireEvent, within as inside } from "@testing-library/react";

/** A drop-down list (ChoiceSelect) by its label. */
export function dropdown(label: string, within: HTMLElement = document.body): HTMLSelectElement {
  return inside(within).getByRole("combobox", { name: label }) as HTMLSelectElement;
}

/** The text of the choice a drop-down shows. */
export function shown(label: string, within: HTMLElement = document.body): string {
  const select = dropdown(label, within);
  return select.options[select.selectedIndex].text;
}

/** The texts of every choice a drop-down offers. */
export function offered(label: string, within: HTMLElement = document.body): string[] {
  return Array.from(dropdown(label, within).options).map((option) => option.text);
}

/** Picks a choice of a drop-down by its text, as a user does. */
export function choose(
  label: string,
  option: string | RegExp,
  within: HTMLElement = document.body
) {
  const select = dropdown(label, within);
  const match = Array.from(select.options).filter((each) =>
    typeof option === "string" ? each.text === option : option.test(each.text)
  )[0];
  if (!match) throw new Error("no choice " + String(option) + " in " + label);
  fireEvent.change(select, { target: { value: match.value } });
}
