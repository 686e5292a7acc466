import type { MergedArea } from "./types";

/**
 * Finds the merged area covering a cell without expanding any area into its cells: a file may
 * merge A30:XFD1048576 (17 billion cells) in 40 bytes. A centred interval tree over the areas'
 * rows answers in O(log n + k), k being the areas that span the row; the column is checked on
 * those. Where areas overlap (only a damaged file does that), the one listed last wins, as Excel
 * keeps the last one it reads.
 */
export class MergeIndex {
  private readonly root: IntervalNode | null;
  readonly size: number;

  constructor(areas: readonly MergedArea[]) {
    this.size = areas.length;
    this.root = buildNode(areas.map((area, order) => ({ area, order })));
  }

  /** The area covering (row, column), if any. */
  at(row: number, column: number): MergedArea | undefined {
    let best: IndexedArea | undefined;
    let node = this.root;
    while (node) {
      const list = row < node.center ? node.byTop : node.byBottom;
      for (const entry of list) {
        const area = entry.area;
        if (row < node.center ? area.top > row : area.bottom < row) break;
        if (area.top <= row && row <= area.bottom && area.left <= column && column <= area.right)
          if (!best || entry.order > best.order) best = entry;
      }
      node = row < node.center ? node.left : row > node.center ? node.right : null;
    }
    return best ? best.area : undefined;
  }
}

interface IndexedArea {
  readonly area: MergedArea;
  readonly order: number;
}

interface IntervalNode {
  readonly center: number;
  /** Areas spanning `center`, by top ascending (for rows above it). */
  readonly byTop: readonly IndexedArea[];
  /** The same areas by bottom descending (for rows below it). */
  readonly byBottom: readonly IndexedArea[];
  readonly left: IntervalNode | null;
  readonly right: IntervalNode | null;
}

function buildNode(entries: readonly IndexedArea[]): IntervalNode | null {
  if (entries.length === 0) return null;
  const ends: number[] = [];
  for (const entry of entries) ends.push(entry.area.top, entry.area.bottom);
  ends.sort((a, b) => a - b);
  const center = ends[ends.length >> 1];
  const here: IndexedArea[] = [];
  const below: IndexedArea[] = [];
  const above: IndexedArea[] = [];
  for (const entry of entries) {
    if (entry.area.bottom < center) below.push(entry);
    else if (entry.area.top > center) above.push(entry);
    else here.push(entry);
  }
  return {
    center,
    byTop: here.slice().sort((a, b) => a.area.top - b.area.top),
    byBottom: here.slice().sort((a, b) => b.area.bottom - a.area.bottom),
    left: buildNode(below),
    right: buildNode(above),
  };
}
