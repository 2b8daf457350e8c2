// The window functions through Tauri's IPC mock: the core commands and arguments they send
// (create a webview window on the app's page with the view's query, listen for another
// window's destruction, title and destroy this window, list windows) and a refused creation
// turned into an AppError.
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { closeThisWindow, currentWindowLabel, onWindowClosed, openViewWindow, setWindowTitle, windowLabels } from "./windows";

afterEach(() => {
  clearMocks();
});

function recordCalls(answer: (cmd: string) => unknown = () => null): [string, unknown][] {
  const calls: [string, unknown][] = [];
  mockIPC((cmd, args) => {
    calls.push([cmd, args]);
    return answer(cmd);
  });
  return calls;
}

describe("platform windows", () => {
  it("knows which window it runs in", () => {
    mockWindows("view-3", "main");
    expect(currentWindowLabel()).toBe("view-3");
  });

  it("creates a window on the app's page with the view's query, and resolves once it exists", async () => {
    mockWindows("main");
    const calls = recordCalls();
    await openViewWindow({ label: "view-1", title: "demo.orders — Streamlens", query: "?view=%7B%7D" });
    expect(calls).toEqual([
      [
        "plugin:webview|create_webview_window",
        {
          options: {
            label: "view-1",
            url: "index.html?view=%7B%7D",
            title: "demo.orders — Streamlens",
            width: 1100,
            height: 760,
            minWidth: 720,
            minHeight: 480,
            parent: undefined,
          },
        },
      ],
    ]);
  });

  it("rejects with an AppError when the window cannot be created", async () => {
    mockWindows("main");
    mockIPC(() => Promise.reject(new Error("webview.create_webview_window not allowed by ACL")));
    await expect(openViewWindow({ label: "view-1", title: "t", query: "" })).rejects.toEqual({
      kind: "internal",
      message: "webview.create_webview_window not allowed by ACL",
    });
  });

  it("listens for another window's destruction by its label", async () => {
    mockWindows("view-1");
    const calls = recordCalls((cmd) => (cmd === "plugin:event|listen" ? 7 : null));
    const stop = await onWindowClosed("main", () => undefined);
    const [cmd, args] = calls[0] ?? [];
    expect(cmd).toBe("plugin:event|listen");
    expect(args).toMatchObject({ event: "tauri://destroyed", target: { kind: "WebviewWindow", label: "main" } });
    stop();
  });

  it("titles and destroys this window, and lists the windows", async () => {
    mockWindows("view-2");
    const calls = recordCalls((cmd) => (cmd === "plugin:window|get_all_windows" ? ["main", "view-2"] : null));
    await setWindowTitle("billing — Streamlens");
    await closeThisWindow();
    expect(await windowLabels()).toEqual(["main", "view-2"]);
    expect(calls).toEqual([
      ["plugin:window|set_title", { label: "view-2", value: "billing — Streamlens" }],
      ["plugin:window|destroy", { label: "view-2" }],
      ["plugin:window|get_all_windows", {}],
    ]);
  });
});
