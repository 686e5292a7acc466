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
 * A template cut once into what fillTemplate walks: each part outside or inside a bracketed group,
 * as literal text and placeholder names taking turns ("a{x}b" is ["a", "x", "b"]).
 */
interface Segment {
  readonly group: boolean;
  readonly parts: readonly string[];
}

/** One placeholder, its name captured: split() gives the texts and names in turn. */
const PLACEHOLDER_PARTS = /\{([A-Za-z]+)\}/;

/**
 * Templates already cut, by their text: a 自评表说明 of 20,000 indicators fills the same few
 * dozen templates some 40,000 times. Bounded, for templates that are not a template's own.
 */
const compiled = new Map<string, readonly Segment[]>();
const MAX_COMPILED = 512;

function segmentsOf(template: string): readonly Segment[] {
  let segments = compiled.get(template);
  if (segments !== undefined) return segments;
  const list: Segment[] = [];
  const add = (text: string, group: boolean): void => {
    list.push({ group, parts: text.split(PLACEHOLDER_PARTS) });
  };
  // Groups first, on the template alone, so brackets in a value are ordinary text.
  let last = 0;
  template.replace(OPTIONAL_GROUP, (match, inner: string, offset: number) => {
    add(template.slice(last, offset), false);
    add(inner, true);
    last = offset + match.length;
    return match;
  });
  add(template.slice(last), false);
  segments = list;
  if (compiled.size < MAX_COMPILED) compiled.set(template, segments);
  return segments;
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
  const segments = segmentsOf(template);
  let text = "";
  for (let s = 0; s < segments.length; s++) {
    const parts = segments[s].parts;
    if (segments[s].group) {
      let complete = true;
      for (let i = 1; i < parts.length && complete; i += 2) complete = present(valueOf(parts[i]));
      if (!complete) continue;
    }
    for (let i = 0; i < parts.length; i++) {
      if (i % 2 === 0) text += parts[i];
      else {
        const value = valueOf(parts[i]);
        if (present(value)) text += value;
      }
    }
  }
  return text;
}
