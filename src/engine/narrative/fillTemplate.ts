/** Values a template may name: text, or a number already formatted by the caller. */
export type TemplateValues = Readonly<Record<string, string | null | undefined>>;

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;
const OPTIONAL_GROUP = /\[([^[\]]*)\]/g;

/** The names of the placeholders a template uses, for checking a template when it is loaded. */
export function templatePlaceholders(template: string): string[] {
  const names: string[] = [];
  template.replace(PLACEHOLDER, (_match, name: string) => {
    names.push(name);
    return "";
  });
  return names;
}

function present(value: string | null | undefined): value is string {
  return value !== null && value !== undefined && value !== "";
}

/**
 * Fills `{name}` placeholders. A bracketed part such as "[{year}年度]" is kept only when every
 * placeholder in it has a value, so a form without a year reads "部门整体支出…" and not "年度部门…".
 * Values are inserted as they are: they are never read as template syntax themselves.
 */
export function fillTemplate(
  template: string,
  values: TemplateValues,
  /** Values for placeholders `values` does not name (an explicit null in `values` wins). */
  defaults: TemplateValues = {}
): string {
  const valueOf = (name: string): string | null | undefined =>
    Object.prototype.hasOwnProperty.call(values, name) ? values[name] : defaults[name];
  const substitute = (text: string): string =>
    text.replace(PLACEHOLDER, (_match, name: string) => {
      const value = valueOf(name);
      return present(value) ? value : "";
    });
  // Groups first, on the template alone, so brackets in a value are ordinary text.
  const pieces: string[] = [];
  let last = 0;
  template.replace(OPTIONAL_GROUP, (match, inner: string, offset: number) => {
    pieces.push(substitute(template.slice(last, offset)));
    const complete = templatePlaceholders(inner).every((name) => present(valueOf(name)));
    pieces.push(complete ? substitute(inner) : "");
    last = offset + match.length;
    return match;
  });
  pieces.push(substitute(template.slice(last)));
  return pieces.join("");
}
