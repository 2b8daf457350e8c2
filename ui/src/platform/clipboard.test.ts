import { afterEach, describe, expect, it, vi } from "vitest";
import { copyText } from "./clipboard";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("copyText", () => {
  it("writes through the web Clipboard API", async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal("navigator", { clipboard: { writeText } });
    await copyText("report");
    expect(writeText).toHaveBeenCalledWith("report");
  });

  it("rejects when the clipboard refuses", async () => {
    vi.stubGlobal("navigator", { clipboard: { writeText: vi.fn().mockRejectedValue(new Error("NotAllowed")) } });
    await expect(copyText("report")).rejects.toThrow("NotAllowed");
  });

  it("rejects when there is no clipboard at all", async () => {
    vi.stubGlobal("navigator", {});
    await expect(copyText("report")).rejects.toThrow(/not available/);
  });
});
