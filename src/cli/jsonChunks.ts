/**
 * JSON text piece by piece: the same characters as JSON.stringify(value, null, 2), given as many
 * short strings, so that a large report (12 million characters for 20,000 indicators, two bytes a
 * character in V8 once it holds Chinese) is written to its file as it is made instead of held
 * whole together with its UTF-8 bytes.
 *
 * Objects are opened key by key down to STREAMED_DEPTH; an array there is written ARRAY_BATCH
 * elements at a time, each batch one JSON.stringify call laid out at the array's depth; a value
 * below is one JSON.stringify call, re-indented (JSON text has no raw line breaks inside strings,
 * so every "\n" in it is a line of its layout). A report's large arrays (indicators, problems, groups) are
 * at the first level, each element a few hundred characters. Meant for plain data, as the report
 * is: a toJSON below the streamed levels is called by JSON.stringify itself.
 */

const STREAMED_DEPTH = 2;
const INDENT = "  ";
/**
 * Elements of a streamed array written by one JSON.stringify call: some 25,000 characters, a
 * string V8 makes in its young generation and frees at the next scavenge. (Five hundred made
 * strings of about half a megabyte, each allocated in the large-object space and held there
 * until a full collection: 24 MB of a 20,000-indicator report's peak.)
 */
const ARRAY_BATCH = 50;

/**
 * The elements of an array at `depth`, as JSON.stringify(…, null, 2) lays them out there: the
 * elements wrapped in as many arrays as the depth, so that JSON.stringify indents them itself,
 * then the wrapper's opening and closing lines cut off.
 */
function elementsText(elements: unknown[], depth: number): string {
  let wrapped: unknown = elements;
  for (let level = 0; level < depth; level++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  let start = 0;
  for (let level = 0; level <= depth; level++) start = text.indexOf("\n", start) + 1;
  let end = text.length;
  for (let level = 0; level <= depth; level++) end = text.lastIndexOf("\n", end - 1);
  return text.slice(start, end);
}

/** What JSON.stringify does with a value before writing it: toJSON, then boxed primitives. */
function prepared(key: string, value: unknown): unknown {
  if (
    value !== null &&
    (typeof value === "object" || typeof value === "bigint") &&
    typeof (value as { toJSON?: unknown }).toJSON === "function"
  )
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
  if (value instanceof Number) return Number(value);
  if (value instanceof String) return String(value);
  if (value instanceof Boolean) return value.valueOf();
  return value;
}

/** Values JSON leaves out of an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

function* chunksOf(value: unknown, depth: number): Generator<string> {
  const indent = INDENT.repeat(depth);
  const inner = indent + INDENT;
  if (depth >= STREAMED_DEPTH || value === null || typeof value !== "object") {
    const text = JSON.stringify(value, null, 2);
    yield depth === 0 ? text : text.replace(/\n/g, "\n" + indent);
    return;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield "[]";
      return;
    }
    yield "[";
    for (let from = 0; from < value.length; from += ARRAY_BATCH) {
      // Given apart, never joined: the batch's text is flat (cut from JSON.stringify's result,
      // which indexOf flattened) and goes to the file as it is; "\n" + it would be a new string
      // that encoding it copies whole again (25 MB of a 20,000-indicator report's allocations).
      yield from === 0 ? "\n" : ",\n";
      yield elementsText(value.slice(from, from + ARRAY_BATCH), depth);
    }
    yield "\n" + indent + "]";
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const member = prepared(key, (value as Record<string, unknown>)[key]);
    if (omitted(member)) continue;
    yield (first ? "{\n" : ",\n") + inner + JSON.stringify(key) + ": ";
    first = false;
    yield* chunksOf(member, depth + 1);
  }
  yield first ? "{}" : "\n" + indent + "}";
}

/** JSON.stringify(value, null, 2) as a sequence of strings (a value JSON omits gives none). */
export function* jsonChunks(value: unknown): Generator<string> {
  const root = prepared("", value);
  if (omitted(root)) return;
  yield* chunksOf(root, 0);
}
