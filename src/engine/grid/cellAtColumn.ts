/**
 * The cell of a row at a column, in a row's cells sorted by column. A row of a table leaves few
 * gaps, so where the column would stand without any is tried first, then a binary search.
 */
export function cellAtColumn<T extends { readonly column: number }>(
  cells: readonly T[],
  column: number
): T | undefined {
  if (cells.length === 0) return undefined;
  const guess = column - cells[0].column;
  if (guess >= 0 && guess < cells.length && cells[guess].column === column) return cells[guess];
  let low = 0;
  let high = cells.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = cells[middle].column;
    if (at === column) return cells[middle];
    if (at < column) low = middle + 1;
    else high = middle - 1;
  }
  return undefined;
}
