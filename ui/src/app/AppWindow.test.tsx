// A window of the real app as main.tsx mounts it: the main window restored after a restart
// (its view and its place per connection), Home when what was saved no longer makes sense
// (a deleted connection, a recording that does not open, a corrupt record) without an error
// banner, the session saved as the user moves; "Open in new window" from a topic's header and
// from the palette, the list of open windows kept and pruned; the windows reopened at start; a
// refused window in the banner; a secondary window (no sidebar, its own title, closing with the
// main window); and a role switched in another window.
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as platform from "../platform";
import { appInfo, profile, topicDetail, topicSummary } from "../test/fixtures";
import { mockBackend, stubViewportHeight } from "../test/renderApp";
import { AppWindow } from "./AppWindow";
import { NO_PLACES, rememberPlace } from "./connectionPlaces";
import type { View } from "./navigation";
import { viewFromQuery, viewQuery } from "./viewCodec";
import { OPEN_WINDOWS_KEY, readOpenWindows, readSession, ROLE_CHANGED_KEY, writeOpenWindows, writeSession } from "./windowSession";

vi.mock("../platform");

const ORDERS: View = { kind: "topic", id: "a", topic: "demo.orders", topicTab: "partitions" };

/** Window-close handlers by the label they watch. */
let closeHandlers: Map<string, () => void>;

function mockWindows() {
  closeHandlers = new Map();
  mockBackend([profile({ id: "a", name: "Alpha" }), profile({ id: "b", name: "Beta" })]);
  vi.mocked(platform.listTopics).mockResolvedValue([topicSummary({ name: "demo.orders" })]);
  vi.mocked(platform.describeTopic).mockImplementation((_id, name) => Promise.resolve(topicDetail({ name })));
  vi.mocked(platform.openViewWindow).mockResolvedValue(undefined);
  vi.mocked(platform.windowLabels).mockResolvedValue(["main"]);
  vi.mocked(platform.onWindowClosed).mockImplementation((label, handler) => {
    closeHandlers.set(label, handler);
    return Promise.resolve(() => undefined);
  });
  vi.mocked(platform.setWindowTitle).mockResolvedValue(undefined);
  vi.mocked(platform.closeThisWindow).mockResolvedValue(undefined);
}

function renderWindow(label = "main", search = "") {
  const user = userEvent.setup();
  return { user, ...render(<AppWindow label={label} search={search} />) };
}

function sidebarItem(name: string): HTMLElement {
  const item = screen.getAllByTestId("connection-item").find((el) => el.dataset["connectionName"] === name);
  if (item === undefined) throw new Error(`no sidebar item ${name}`);
  return item;
}

beforeEach(() => {
  window.localStorage.clear();
  stubViewportHeight();
  mockWindows();
});

describe("the main window after a restart", () => {
  it("comes back on the saved topic and tab, with each connection's place, and saves where the user goes", async () => {
    writeSession("main", { view: ORDERS, places: rememberPlace(NO_PLACES, { kind: "connection", id: "b", tab: "cluster" }), title: null });
    const { user } = renderWindow();

    expect(await screen.findByTestId("topic-title")).toHaveTextContent("demo.orders");
    expect(await screen.findByTestId("topic-tab-partitions")).toHaveAttribute("aria-selected", "true");

    // Beta's place is its Cluster tab; Alpha's is still the topic on its Partitions tab.
    await user.click(sidebarItem("Beta"));
    expect(await screen.findByTestId("cluster-view")).toBeInTheDocument();
    expect(readSession("main")?.view).toEqual({ kind: "connection", id: "b", tab: "cluster" });
    await user.click(sidebarItem("Alpha"));
    expect(await screen.findByTestId("topic-tab-partitions")).toHaveAttribute("aria-selected", "true");
    expect(readSession("main")?.view).toEqual(ORDERS);
    expect([...(readSession("main")?.places.values() ?? [])]).toEqual([{ kind: "connection", id: "b", tab: "cluster" }, ORDERS]);
  });

  it("opens on Home, with no error, when the saved connection was deleted or the record is corrupt", async () => {
    writeSession("main", { view: { kind: "job", id: "deleted", jobId: "j" }, places: NO_PLACES, title: null });
    const first = renderWindow();
    expect(await screen.findByTestId("home-view")).toBeInTheDocument();
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
    first.unmount();

    window.localStorage.setItem("streamlens.window.main", '{"version":1,"view":{"kind":"topic","id":');
    renderWindow();
    expect(await screen.findByTestId("home-view")).toBeInTheDocument();
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
  });

  it("opens on Home, with no error, when the saved recording no longer opens", async () => {
    vi.mocked(platform.openRecording).mockRejectedValue({ kind: "not_found", message: "/tmp/gone.slrec does not exist." });
    writeSession("main", { view: { kind: "recording", path: "/tmp/gone.slrec" }, places: NO_PLACES, title: null });
    renderWindow();
    expect(await screen.findByTestId("home-view")).toBeInTheDocument();
    expect(platform.openRecording).toHaveBeenCalledWith("/tmp/gone.slrec");
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
    expect(screen.queryByTestId("recording-open-failed")).not.toBeInTheDocument();
  });

  it("reopens the windows that were open, except those whose connection is gone", async () => {
    writeOpenWindows(["view-3", "view-4"]);
    writeSession("view-3", { view: { kind: "job", id: "b", jobId: "j1" }, places: NO_PLACES, title: "OrdersPipeline" });
    writeSession("view-4", { view: { kind: "topic", id: "deleted", topic: "t" }, places: NO_PLACES, title: "t" });
    renderWindow();
    expect(await screen.findByTestId("home-view")).toBeInTheDocument();
    await waitFor(() => {
      expect(platform.openViewWindow).toHaveBeenCalledTimes(1);
    });
    expect(platform.openViewWindow).toHaveBeenCalledWith({
      label: "view-3",
      title: "OrdersPipeline — Streamlens",
      query: viewQuery({ kind: "job", id: "b", jobId: "j1" }),
    });
    await waitFor(() => {
      expect(readOpenWindows()).toEqual(["view-3"]);
    });
  });
});

describe("Open in new window", () => {
  it("opens the topic on its tab in a window of its own, from the header and the palette, and forgets a closed one", async () => {
    writeSession("main", { view: ORDERS, places: NO_PLACES, title: null });
    const { user } = renderWindow();
    await user.click(await screen.findByTestId("open-in-window"));

    await waitFor(() => {
      expect(platform.openViewWindow).toHaveBeenCalledTimes(1);
    });
    const opened = vi.mocked(platform.openViewWindow).mock.calls[0]?.[0];
    expect(opened?.label).toBe("view-1");
    expect(opened?.title).toBe("demo.orders — Streamlens");
    expect(viewFromQuery(opened?.query ?? "")).toEqual(ORDERS);
    expect(readOpenWindows()).toEqual(["view-1"]);
    expect(readSession("view-1")).toMatchObject({ view: ORDERS, title: "demo.orders" });
    // The main window stays where it was.
    expect(screen.getByTestId("topic-title")).toHaveTextContent("demo.orders");

    act(() => {
      closeHandlers.get("view-1")?.();
    });
    expect(readOpenWindows()).toEqual([]);
    expect(readSession("view-1")).toBeNull();

    await user.keyboard("{Control>}k{/Control}");
    await user.keyboard("new window");
    const option = within(screen.getByRole("listbox", { name: "Results" })).getAllByRole("option")[0];
    expect(option).toHaveTextContent("Open “demo.orders” in a new window");
    await user.keyboard("{Enter}");
    await waitFor(() => {
      expect(platform.openViewWindow).toHaveBeenCalledTimes(2);
    });
    // A label is not reused within a run: a closing window may still hold it.
    expect(readOpenWindows()).toEqual(["view-2"]);
  });

  it("says in the banner why a window could not be opened", async () => {
    vi.mocked(platform.openViewWindow).mockRejectedValue({ kind: "forbidden", message: "Creating windows is not allowed." });
    writeSession("main", { view: ORDERS, places: NO_PLACES, title: null });
    const { user } = renderWindow();
    await user.click(await screen.findByTestId("open-in-window"));
    expect(await screen.findByTestId("error-banner")).toHaveTextContent("Creating windows is not allowed.");
    expect(window.localStorage.getItem(OPEN_WINDOWS_KEY)).toBe('{"version":1,"labels":[]}');
  });
});

describe("a secondary window", () => {
  it("shows its view without the sidebar, titled after it, saves its place and closes with the main window", async () => {
    const { user } = renderWindow("view-2", viewQuery(ORDERS));
    expect(await screen.findByTestId("topic-title")).toHaveTextContent("demo.orders");
    expect(screen.getByTestId("secondary-frame")).toHaveAttribute("data-window", "view-2");
    expect(screen.queryByTestId("add-connection")).not.toBeInTheDocument();
    expect(screen.queryByTestId("open-in-window")).not.toBeInTheDocument();
    await waitFor(() => {
      expect(platform.setWindowTitle).toHaveBeenCalledWith("demo.orders — Streamlens");
    });

    await user.click(screen.getByTestId("topic-tab-configs"));
    expect(readSession("view-2")?.view).toEqual({ ...ORDERS, topicTab: "configs" });
    // Never the main window's keys.
    expect(readSession("main")).toBeNull();
    expect(window.localStorage.getItem(OPEN_WINDOWS_KEY)).toBeNull();

    await waitFor(() => {
      expect(closeHandlers.has("main")).toBe(true);
    });
    closeHandlers.get("main")?.();
    expect(platform.closeThisWindow).toHaveBeenCalledTimes(1);
  });
});

describe("a role switched in another window", () => {
  it("reloads the app info here", async () => {
    renderWindow();
    expect(await screen.findByTestId("role-chip")).toHaveAttribute("data-role", "developer");
    vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo({ role: "support" }));
    act(() => {
      window.dispatchEvent(new StorageEvent("storage", { key: ROLE_CHANGED_KEY }));
    });
    await waitFor(() => {
      expect(screen.getByTestId("role-chip")).toHaveAttribute("data-role", "support");
    });
    // Only "view as": the granted role (and with it the way back) stays.
    expect(within(screen.getByTestId("view-as")).getAllByRole("option").map((o) => o.textContent)).toEqual([
      "Developer",
      "Support",
      "Troubleshooter",
    ]);
  });

  it("takes the newly granted role when the other window saved the policy", async () => {
    vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo({ role: "admin" }));
    renderWindow();
    const select = await screen.findByTestId("view-as");
    await waitFor(() => {
      expect(select).toBeEnabled();
    });
    expect(within(select).getAllByRole("option")).toHaveLength(4);
    vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo({ role: "support" }));
    act(() => {
      window.dispatchEvent(new StorageEvent("storage", { key: ROLE_CHANGED_KEY, newValue: '{"at":1,"regranted":true}' }));
    });
    await waitFor(() => {
      expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual(["Support", "Troubleshooter"]);
    });
    expect(screen.getByTestId("role-chip")).toHaveAttribute("data-role", "support");
  });
});
