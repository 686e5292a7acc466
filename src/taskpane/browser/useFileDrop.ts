import * as React from "react";
import { filesFromDrop, type PickedFile } from "./pickedFiles";

export interface FileDropOptions {
  /** One file was dropped (not a folder): it opens as one workbook. */
  onFile(file: File): void;
  /** Several files or a folder were dropped: their files, folders walked through. */
  onFiles(files: readonly PickedFile[]): void;
  /** The drop's folders could not be read. */
  onError(error: unknown): void;
}

/** The drop target's handlers and whether files are being dragged over it. */
export interface FileDrop {
  readonly dragging: boolean;
  readonly handlers: {
    readonly onDragEnter: (event: React.DragEvent) => void;
    readonly onDragOver: (event: React.DragEvent) => void;
    readonly onDragLeave: (event: React.DragEvent) => void;
    readonly onDrop: (event: React.DragEvent) => void;
  };
}

/** Whether a drag carries files (text or a link dragged over the page is left to the browser). */
export function carriesFiles(transfer: DataTransfer | null | undefined): boolean {
  const types = transfer && transfer.types;
  if (!types) return false;
  // A DOMStringList in Internet Explorer, an array elsewhere.
  const list = types as unknown as { contains?: (type: string) => boolean };
  return typeof list.contains === "function"
    ? list.contains("Files")
    : Array.prototype.indexOf.call(types, "Files") >= 0;
}

/** Whether a drop is one folder (its one item's entry is a directory, where entries exist). */
function droppedFolder(transfer: DataTransfer): boolean {
  const items = transfer.items as unknown as
    ArrayLike<{ webkitGetAsEntry?: () => { isDirectory: boolean } | null }> | undefined;
  const first =
    items && items.length === 1 && typeof items[0].webkitGetAsEntry === "function"
      ? items[0].webkitGetAsEntry()
      : null;
  return first !== null && first.isDirectory;
}

/**
 * Files and folders dropped on the page: one file opens as a workbook, several files or a folder
 * go to the batch. While files are dragged over it the page shows where to drop them.
 */
export function useFileDrop(options: FileDropOptions): FileDrop {
  const [dragging, setDragging] = React.useState(false);
  const onDragOver = (event: React.DragEvent) => {
    if (!carriesFiles(event.dataTransfer)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    if (!dragging) setDragging(true);
  };
  const onDragLeave = (event: React.DragEvent) => {
    const to = event.relatedTarget as Node | null;
    if (!to || !event.currentTarget.contains(to)) setDragging(false);
  };
  const onDrop = (event: React.DragEvent) => {
    // Without this the browser would open the dropped file in place of the page.
    event.preventDefault();
    setDragging(false);
    const transfer = event.dataTransfer;
    if (!transfer) return;
    if (!droppedFolder(transfer) && transfer.files && transfer.files.length === 1) {
      options.onFile(transfer.files[0]);
      return;
    }
    // The drop's entries are taken at once, before the event ends; the files are read after.
    filesFromDrop(transfer).then(options.onFiles, options.onError);
  };
  return {
    dragging,
    handlers: { onDragEnter: onDragOver, onDragOver, onDragLeave, onDrop },
  };
}
