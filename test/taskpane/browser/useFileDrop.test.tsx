import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import type { PickedFile } from "../../../src/taskpane/browser/pickedFiles";
import {
  carriesFiles,
  useFileDrop,
  type FileDropOptions,
} from "../../../src/taskpane/browser/useFileDrop";

function DropTarget({ options }: { options: FileDropOptions }) {
  const drop = useFileDrop(options);
  return (
    <div data-testid="target" {...drop.handlers}>
      <span data-testid="inside">{drop.dragging ? "松开鼠标" : "拖到这里"}</span>
    </div>
  );
}

function setUp() {
  const received: string[] = [];
  const options: FileDropOptions = {
    onFile: (file) => received.push("file:" + file.name),
    onFiles: (files: readonly PickedFile[]) =>
      received.push("files:" + files.map((each) => each.path).join(",")),
    onError: (error) => received.push("error:" + (error as Error).message),
  };
  render(<DropTarget options={options} />);
  return { received, target: screen.getByTestId("target") };
}

const file = (name: string) => new File(["x"], name);

/** A dragleave towards `to`: jsdom has no DragEvent, and a plain Event would drop relatedTarget. */
function leave(target: HTMLElement, to: Element) {
  fireEvent(target, new MouseEvent("dragleave", { bubbles: true, relatedTarget: to }));
}

/** A folder entry as Chrome gives it, with its files. */
function folderEntry(name: string, files: string[]) {
  let given = false;
  return {
    isFile: false,
    isDirectory: true,
    name,
    fullPath: "/" + name,
    createReader: () => ({
      readEntries: (success: (entries: unknown[]) => void) => {
        success(
          given
            ? []
            : files.map((child) => ({
                isFile: true,
                isDirectory: false,
                name: child,
                fullPath: "/" + name + "/" + child,
                file: (done: (file: File) => void) => done(new File(["x"], child)),
              }))
        );
        given = true;
      },
    }),
  };
}

describe("useFileDrop", () => {
  it("shows the drop target while files are dragged over it, and not after they leave", () => {
    const { target } = setUp();
    expect(screen.getByTestId("inside").textContent).toBe("拖到这里");
    fireEvent.dragEnter(target, { dataTransfer: { types: ["Files"] } });
    expect(screen.getByTestId("inside").textContent).toBe("松开鼠标");
    // Moving onto a child is not leaving.
    leave(target, screen.getByTestId("inside"));
    expect(screen.getByTestId("inside").textContent).toBe("松开鼠标");
    leave(target, document.body);
    expect(screen.getByTestId("inside").textContent).toBe("拖到这里");
  });

  it("leaves a drag without files (text, a link) to the browser", () => {
    const { target } = setUp();
    const event = fireEvent.dragOver(target, { dataTransfer: { types: ["text/plain"] } });
    // fireEvent returns false when the handler called preventDefault().
    expect(event).toBe(true);
    expect(screen.getByTestId("inside").textContent).toBe("拖到这里");
  });

  it("opens one dropped file as a workbook", () => {
    const { received, target } = setUp();
    const dropped = fireEvent.drop(target, {
      dataTransfer: { types: ["Files"], files: [file("部门.xlsx")] },
    });
    expect(dropped).toBe(false);
    expect(received).toEqual(["file:部门.xlsx"]);
  });

  it("hands several dropped files to the batch", async () => {
    const { received, target } = setUp();
    fireEvent.drop(target, {
      dataTransfer: { types: ["Files"], files: [file("一.xlsx"), file("二.xlsx")] },
    });
    await act(async () => undefined);
    expect(received).toEqual(["files:一.xlsx,二.xlsx"]);
  });

  it("hands a dropped folder's files to the batch, even a folder of one file", async () => {
    const { received, target } = setUp();
    fireEvent.drop(target, {
      dataTransfer: {
        types: ["Files"],
        files: [file("收到的表")],
        items: [{ kind: "file", webkitGetAsEntry: () => folderEntry("收到的表", ["甲.xlsx"]) }],
      },
    });
    await act(async () => undefined);
    expect(received).toEqual(["files:收到的表/甲.xlsx"]);
  });

  it("says so when a dropped folder cannot be read", async () => {
    const { received, target } = setUp();
    const broken = {
      ...folderEntry("坏的", []),
      createReader: () => ({
        readEntries: (_: unknown, failure: (error: unknown) => void) =>
          failure(new Error("NotReadableError")),
      }),
    };
    fireEvent.drop(target, {
      dataTransfer: {
        types: ["Files"],
        files: [],
        items: [{ kind: "file", webkitGetAsEntry: () => broken }],
      },
    });
    await act(async () => undefined);
    expect(received).toEqual(["error:NotReadableError"]);
  });
});

describe("carriesFiles", () => {
  it("reads an array of types and Internet Explorer's DOMStringList alike", () => {
    expect(carriesFiles({ types: ["Files"] } as unknown as DataTransfer)).toBe(true);
    expect(carriesFiles({ types: ["text/uri-list"] } as unknown as DataTransfer)).toBe(false);
    const ieList = { length: 1, contains: (type: string) => type === "Files" };
    expect(carriesFiles({ types: ieList } as unknown as DataTransfer)).toBe(true);
    expect(carriesFiles(null)).toBe(false);
  });
});
