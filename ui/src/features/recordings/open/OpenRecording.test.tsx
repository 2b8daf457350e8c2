// The ways a recording opens: the sample from Home (no cluster needed) and from the sidebar;
// a typed path in "Open recording…"; the recordings opened lately, in the sidebar and the
// dialog; the file the app was started with; and files dropped onto the window — an .slrec
// opens (the overlay says so while it is dragged), anything else is refused with the reason.
import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as platform from "../../../platform";
import type { FileDrag } from "../../../platform";
import { recordingSummary, SAMPLE_PATH } from "../../../test/recordingFixtures";
import { renderRecording } from "../recordingsTestKit";
import { dropVerdict } from "./recordingDrop";

vi.mock("../../../platform");
vi.mock("../../flink/graph/elkEngine", () => import("../../../test/fakeElkEngine"));

afterEach(() => {
  window.localStorage.clear();
});

const HOME = { kind: "home" } as const;

describe("opening recordings", () => {
  it("opens the bundled sample from Home, and remembers it in the sidebar", async () => {
    const { user } = renderRecording({ initialView: HOME });
    await user.click(screen.getByTestId("open-sample-recording"));
    expect(await screen.findByTestId("recording-title")).toHaveTextContent("FlakyJob");
    expect(platform.sampleRecording).toHaveBeenCalledTimes(1);
    expect(platform.openRecording).toHaveBeenCalledWith(SAMPLE_PATH);
    const recent = await screen.findByTestId("recent-recording");
    expect(recent).toHaveAttribute("data-path", SAMPLE_PATH);
    expect(recent).toHaveAttribute("aria-current", "page");
    expect(recent).toHaveTextContent("sample-flakyjob.slrec");
  });

  it("opens the sample from the sidebar too, and says so when it cannot be written", async () => {
    const { user } = renderRecording({ initialView: HOME });
    vi.mocked(platform.sampleRecording).mockRejectedValue({ kind: "internal", message: "Cannot write the sample recording to /ro/sample-flakyjob.slrec: read-only" });
    await user.click(screen.getByTestId("sidebar-sample-recording"));
    expect(await screen.findByTestId("error-banner")).toHaveTextContent("Cannot write the sample recording");
    expect(screen.getByTestId("home-view")).toBeInTheDocument();
  });

  it("opens a typed path from “Open recording…”, then offers it among the recent ones", async () => {
    const path = "/home/me/incidents/orders-2026-11-30.slrec";
    const { user } = renderRecording({ initialView: HOME, summary: recordingSummary({ path }) });
    await user.click(screen.getByTestId("open-recording"));
    const dialog = screen.getByTestId("open-recording-dialog");
    expect(within(dialog).getByTestId("open-recording-submit")).toBeDisabled();
    expect(within(dialog).queryByTestId("recent-recording-option")).not.toBeInTheDocument();
    await user.type(within(dialog).getByTestId("open-recording-path"), `  ${path} `);
    await user.click(within(dialog).getByTestId("open-recording-submit"));
    expect(screen.queryByTestId("open-recording-dialog")).not.toBeInTheDocument();
    expect(await screen.findByTestId("recording-view")).toHaveAttribute("data-path", path);
    expect(platform.openRecording).toHaveBeenCalledWith(path);

    await user.click(screen.getByRole("button", { name: "Streamlens" }));
    await user.click(screen.getByTestId("open-recording"));
    const option = await screen.findByTestId("recent-recording-option");
    expect(option).toHaveAttribute("data-path", path);
    expect(option).toHaveTextContent("FlakyJob");
    await user.click(option);
    expect(await screen.findByTestId("recording-view")).toHaveAttribute("data-path", path);
  });

  it("opens the file the app was started with", async () => {
    const path = "/home/me/Downloads/handed-over.slrec";
    renderRecording({ initialView: HOME, launch: path, summary: recordingSummary({ path }) });
    expect(await screen.findByTestId("recording-view")).toHaveAttribute("data-path", path);
    expect(platform.launchRecording).toHaveBeenCalledTimes(1);
  });

  it("opens an .slrec dropped onto the window, and refuses anything else", async () => {
    let drag: (event: FileDrag) => void = () => undefined;
    const { user } = renderRecording({ initialView: HOME });
    await waitFor(() => {
      expect(platform.onFileDrag).toHaveBeenCalled();
    });
    drag = vi.mocked(platform.onFileDrag).mock.calls[0]?.[0] ?? drag;

    act(() => {
      drag({ type: "enter", paths: ["/tmp/notes.txt"] });
    });
    expect(screen.queryByTestId("recording-drop")).not.toBeInTheDocument();
    act(() => {
      drag({ type: "drop", paths: ["/tmp/notes.txt"] });
    });
    expect(await screen.findByTestId("error-banner")).toHaveTextContent("“notes.txt” is not a recording: only .slrec files open here.");
    expect(screen.getByTestId("home-view")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Dismiss error" }));

    act(() => {
      drag({ type: "enter", paths: ["/tmp/run.SLREC"] });
    });
    expect(screen.getByTestId("recording-drop")).toHaveTextContent("Drop to open the recording");
    act(() => {
      drag({ type: "leave" });
    });
    expect(screen.queryByTestId("recording-drop")).not.toBeInTheDocument();
    act(() => {
      drag({ type: "enter", paths: ["/tmp/run.slrec"] });
      drag({ type: "drop", paths: ["/tmp/readme.md", "/tmp/run.slrec"] });
    });
    expect(screen.queryByTestId("recording-drop")).not.toBeInTheDocument();
    expect(await screen.findByTestId("recording-view")).toHaveAttribute("data-path", "/tmp/run.slrec");
    expect(platform.openRecording).toHaveBeenCalledWith("/tmp/run.slrec");
  });

  it("names every file refused, and a drop of nothing", () => {
    expect(dropVerdict(["/a/x.txt", "C:\\b\\y.csv"])).toEqual({
      kind: "refuse",
      message: "“x.txt”, “y.csv” are not recordings: only .slrec files open here.",
    });
    expect(dropVerdict([]).kind).toBe("refuse");
    expect(dropVerdict(["/a/x.txt", "/a/r.slrec", "/a/s.slrec"])).toEqual({ kind: "open", path: "/a/r.slrec" });
  });
});
