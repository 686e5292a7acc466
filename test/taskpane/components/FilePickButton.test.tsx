import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { FilePickButton } from "../../../src/taskpane/components/FilePickButton";

describe("FilePickButton", () => {
  it("is one control named by its button, which opens the hidden input", () => {
    render(
      <FilePickButton
        text="打开本地工作簿"
        accept=".xlsx"
        testId="pick"
        onFiles={() => undefined}
      />
    );
    expect(screen.getAllByRole("button").map((button) => button.textContent)).toEqual([
      "打开本地工作簿",
    ]);
    const input = screen.getByTestId("pick") as HTMLInputElement;
    expect(input.getAttribute("aria-hidden")).toBe("true");
    expect(input.tabIndex).toBe(-1);
    expect(input.accept).toBe(".xlsx");
    expect(input.hasAttribute("webkitdirectory")).toBe(false);
    const click = jest.spyOn(input, "click");
    fireEvent.click(screen.getByRole("button"));
    expect(click).toHaveBeenCalledTimes(1);
  });

  it("hands over the files chosen and clears the input, so the same file chosen again comes again", () => {
    const chosen: string[][] = [];
    render(
      <FilePickButton
        text="导入"
        testId="pick"
        onFiles={(files) => chosen.push(files.map((f) => f.name))}
      />
    );
    const input = screen.getByTestId("pick") as HTMLInputElement;
    const file = new File(["{}"], "规则.json");
    fireEvent.change(input, { target: { files: [file] } });
    expect(input.value).toBe("");
    fireEvent.change(input, { target: { files: [file] } });
    expect(chosen).toEqual([["规则.json"], ["规则.json"]]);
  });

  it("picks a folder when asked", () => {
    render(<FilePickButton text="打开文件夹" folder testId="pick" onFiles={() => undefined} />);
    expect(screen.getByTestId("pick").hasAttribute("webkitdirectory")).toBe(true);
  });
});
