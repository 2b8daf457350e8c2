// The command palette in the whole frame: Ctrl+K from anywhere (a text field too), Escape
// giving the focus back, filtering, ↑/↓ and Enter opening the right view, results grouped by
// kind and bounded per kind, the audit log and the workspace policy only for admins,
// connections' tabs as they have them, recent recordings, the top bar's button, and what it
// says without a connection.
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { View } from "../../app/navigation";
import type { Role } from "../../bindings/Role";
import { formatCount } from "../../components/format";
import * as platform from "../../platform";
import { appInfo, groupDetail, groupSummary, profile, registryOverview, topicSummary } from "../../test/fixtures";
import { jobSummary } from "../../test/flinkFixtures";
import { mockBackend, renderFrame, stubViewportHeight } from "../../test/renderApp";
import { rememberRecording } from "../recordings/recentRecordings";
import { SHOWN_PER_KIND } from "./CommandPalette";
import { isPaletteShortcut } from "./usePaletteShortcut";

vi.mock("../../platform");

const LOCAL = profile({ id: "c1", name: "Local" });
const STAGING = profile({ id: "c2", name: "Staging", schemaRegistry: null, flink: null });

interface Options {
  role?: Role;
  initialView?: View;
  topics?: string[];
}

function renderPalette({ role = "developer", initialView = { kind: "connection", id: "c1", tab: "cluster" }, topics }: Options = {}) {
  mockBackend([LOCAL, STAGING]);
  vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo({ role }));
  vi.mocked(platform.listTopics).mockResolvedValue(
    (topics ?? ["demo.orders", "demo.payments", "audit.trail"]).map((name) => topicSummary({ name })),
  );
  vi.mocked(platform.listGroups).mockResolvedValue([
    groupSummary({ groupId: "billing", topics: ["demo.orders"] }),
    groupSummary({ groupId: "payments-service", topics: ["demo.payments"] }),
  ]);
  vi.mocked(platform.describeGroup).mockResolvedValue(groupDetail({ summary: groupSummary({ groupId: "payments-service" }) }));
  vi.mocked(platform.fetchRegistryOverview).mockResolvedValue(registryOverview({ subjects: ["demo.orders-value", "demo.payments-value"] }));
  vi.mocked(platform.listFlinkJobs).mockResolvedValue([jobSummary()]);
  return renderFrame({ initialView });
}

async function openPalette(user: ReturnType<typeof renderPalette>["user"]) {
  await user.keyboard("{Control>}k{/Control}");
  const dialog = screen.getByRole("dialog", { name: "Command palette" });
  return { dialog, input: within(dialog).getByRole("combobox", { name: "Go to" }) };
}

/** Every result (the top bar's role picker has options too). */
function results(): HTMLElement[] {
  return within(screen.getByRole("listbox", { name: "Results" })).queryAllByRole("option");
}

/** The labels of the options in the group of results of `kind`. */
function optionsOf(kind: string): string[] {
  const group = screen.getAllByTestId("palette-group").find((el) => el.dataset["kind"] === kind);
  if (group === undefined) return [];
  return within(group)
    .getAllByRole("option")
    .map((option) => option.querySelector(".palette__label")?.textContent ?? "");
}

async function waitForLists() {
  await waitFor(() => {
    expect(screen.queryByTestId("palette-notes")).not.toBeInTheDocument();
  });
}

beforeEach(() => {
  stubViewportHeight();
  window.localStorage.clear();
});

describe("CommandPalette", () => {
  it("opens on Ctrl+K from anywhere, even a text field, and Escape gives the focus back", async () => {
    const { user } = renderPalette({ initialView: { kind: "connection", id: "c1", tab: "topics" } });
    const search = await screen.findByTestId("topic-search");
    await user.click(search);

    const { input } = await openPalette(user);
    expect(input).toHaveFocus();
    expect(screen.getByRole("dialog", { name: "Command palette" })).toHaveAttribute("aria-modal", "true");
    expect(input).toHaveAttribute("aria-controls", screen.getByRole("listbox", { name: "Results" }).id);

    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog", { name: "Command palette" })).not.toBeInTheDocument();
    expect(search).toHaveFocus();
    expect(search).toHaveValue("");

    // Ctrl+K again closes an open palette.
    await openPalette(user);
    await user.keyboard("{Control>}k{/Control}");
    expect(screen.queryByRole("dialog", { name: "Command palette" })).not.toBeInTheDocument();
  });

  it("filters as the user types, moves with the arrows and opens the active result with Enter", async () => {
    const { user } = renderPalette();
    await screen.findByTestId("cluster-view");
    const { input } = await openPalette(user);
    await waitForLists();

    await user.type(input, "payments");
    expect(optionsOf("topic")).toEqual(["demo.payments"]);
    expect(optionsOf("group")).toEqual(["payments-service"]);
    expect(optionsOf("subject")).toEqual(["demo.payments-value"]);
    expect(optionsOf("view")).toEqual([]);
    expect(screen.getByTestId("palette-count")).toHaveTextContent("3 matches");

    const options = results();
    expect(input).toHaveAttribute("aria-activedescendant", options[0]?.id);
    await user.keyboard("{ArrowDown}");
    expect(input).toHaveAttribute("aria-activedescendant", options[1]?.id);
    expect(options[1]).toHaveAttribute("aria-selected", "true");
    expect(options[0]).toHaveAttribute("aria-selected", "false");
    // Up from the first wraps to the last, and back down.
    await user.keyboard("{ArrowUp}{ArrowUp}");
    expect(input).toHaveAttribute("aria-activedescendant", options[2]?.id);
    await user.keyboard("{ArrowDown}{ArrowDown}");

    await user.keyboard("{Enter}");
    expect(screen.queryByRole("dialog", { name: "Command palette" })).not.toBeInTheDocument();
    expect(await screen.findByTestId("group-title")).toHaveTextContent("payments-service");
    expect(screen.getByTestId("tab-groups")).toHaveAttribute("aria-selected", "true");
    expect(platform.describeGroup).toHaveBeenCalledWith("c1", "payments-service");
  });

  it("groups results by kind under a label, and shows at most a bounded number per kind with a count of the rest", async () => {
    const many = Array.from({ length: 1_200 }, (_, i) => `events.${String(i).padStart(4, "0")}`);
    rememberRecording("/data/recordings/orders-run.slrec", "OrdersPipeline");
    const { user } = renderPalette({ topics: many });
    await screen.findByTestId("cluster-view");
    await openPalette(user);
    await waitForLists();

    expect(screen.getAllByTestId("palette-group").map((el) => el.dataset["kind"])).toEqual([
      "view",
      "topic",
      "group",
      "subject",
      "job",
      "recording",
    ]);
    const topics = screen.getByRole("group", { name: `Topics in Local, ${formatCount(1_200 - SHOWN_PER_KIND)} more not shown` });
    expect(within(topics).getAllByRole("option")).toHaveLength(SHOWN_PER_KIND);
    expect(within(topics).getByTestId("palette-more")).toHaveAttribute("data-count", String(1_200 - SHOWN_PER_KIND));
    expect(screen.getByRole("group", { name: "Flink jobs in Local" })).toHaveTextContent("OrdersPipeline");
    expect(optionsOf("recording")).toEqual(["OrdersPipeline"]);

    const input = screen.getByRole("combobox", { name: "Go to" });
    await user.type(input, "events.11");
    expect(optionsOf("topic")).toHaveLength(SHOWN_PER_KIND);
    expect(optionsOf("topic").slice(0, 2)).toEqual(["events.1100", "events.1101"]);
    await user.type(input, "99");
    expect(optionsOf("topic")).toEqual(["events.1199"]);
    expect(screen.queryByTestId("palette-more")).not.toBeInTheDocument();
  });

  it("offers every tab of every connection as it has them, and opens one", async () => {
    const { user } = renderPalette();
    await screen.findByTestId("cluster-view");
    const { input } = await openPalette(user);
    await user.type(input, "staging");
    expect(optionsOf("view")).toEqual(["Staging › Cluster", "Staging › Topics", "Staging › Consumer groups", "Staging › Settings"]);
    await user.clear(input);
    await user.type(input, "local ›");
    expect(optionsOf("view")).toEqual([
      "Local › Cluster",
      "Local › Topics",
      "Local › Consumer groups",
      "Local › Schemas",
      "Local › Flink",
      "Local › Settings",
    ]);

    await user.clear(input);
    await user.type(input, "staging groups");
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("connection-title")).toHaveTextContent("Staging");
    expect(screen.getByTestId("tab-groups")).toHaveAttribute("aria-selected", "true");
  });

  it.each<[Role, boolean]>([
    ["developer", false],
    ["support", false],
    ["admin", true],
  ])("offers the audit log to a %s: %s", async (role, offered) => {
    vi.mocked(platform.auditEntries).mockResolvedValue([]);
    const { user } = renderPalette({ role });
    await screen.findByTestId("role-chip");
    const { input } = await openPalette(user);
    await user.type(input, "audit");
    await waitForLists();
    // The topic "audit.trail" matches for every role: only the view is the role's.
    expect(optionsOf("topic")).toEqual(["audit.trail"]);
    expect(optionsOf("view").includes("Audit log")).toBe(offered);
    if (!offered) return;
    await user.keyboard("{Enter}");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Audit log");
  });

  it.each<[Role, boolean]>([
    ["developer", false],
    ["troubleshooter", false],
    ["admin", true],
  ])("offers the workspace policy to a %s: %s", async (role, offered) => {
    vi.mocked(platform.policyDocument).mockReturnValue(new Promise(() => undefined));
    const { user } = renderPalette({ role, topics: ["demo.orders", "policy.changes"] });
    await screen.findByTestId("role-chip");
    const { input } = await openPalette(user);
    await user.type(input, "policy");
    await waitForLists();
    // The topic matches for every role: only the view is the role's.
    expect(optionsOf("topic")).toEqual(["policy.changes"]);
    expect(optionsOf("view").includes("Workspace policy")).toBe(offered);
    if (!offered) return;
    await user.keyboard("{Enter}");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Workspace policy");
    expect(screen.getByTestId("policy-view")).toBeInTheDocument();
  });

  it("without a selected connection, offers views and recordings and says where the rest comes from", async () => {
    rememberRecording("/data/recordings/orders-run.slrec", "OrdersPipeline");
    vi.mocked(platform.openRecording).mockReturnValue(new Promise(() => undefined));
    const { user } = renderPalette({ initialView: { kind: "home" } });
    await screen.findByTestId("home-view");
    const { input } = await openPalette(user);
    expect(screen.getAllByTestId("palette-group").map((el) => el.dataset["kind"])).toEqual(["view", "recording"]);
    expect(screen.getByTestId("palette-notes")).toHaveTextContent("Open a connection to find its topics");
    expect(platform.listTopics).not.toHaveBeenCalled();
    expect(platform.listGroups).not.toHaveBeenCalled();

    await user.type(input, "orders-run");
    expect(results()).toHaveLength(1);
    await user.keyboard("{Enter}");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Recording");
    expect(platform.openRecording).toHaveBeenCalledWith("/data/recordings/orders-run.slrec");
  });

  it("says which lists are still loading, and that nothing matches", async () => {
    const { user } = renderPalette();
    vi.mocked(platform.listGroups).mockReturnValue(new Promise(() => undefined));
    await screen.findByTestId("cluster-view");
    const { input } = await openPalette(user);
    expect(await screen.findByTestId("palette-notes")).toHaveTextContent("Consumer groups: loading…");
    await user.type(input, "zzzz");
    expect(screen.getByTestId("palette-empty")).toHaveTextContent("Nothing matches “zzzz”.");
    expect(input).not.toHaveAttribute("aria-activedescendant");
    expect(input).toHaveAttribute("aria-expanded", "false");
  });

  it("opens from the top bar's Go to… button, and a click on a result opens it", async () => {
    vi.mocked(platform.describeTopic).mockReturnValue(new Promise(() => undefined));
    const { user } = renderPalette();
    await user.click(await screen.findByTestId("open-palette"));
    const dialog = screen.getByRole("dialog", { name: "Command palette" });
    await user.type(within(dialog).getByRole("combobox", { name: "Go to" }), "demo.orders");
    await user.click(await within(screen.getByRole("listbox", { name: "Results" })).findByRole("option", { name: "demo.orders" }));
    expect(await screen.findByTestId("topic-title")).toHaveTextContent("demo.orders");
    expect(screen.getByTestId("open-palette")).toHaveFocus();
  });
});

describe("isPaletteShortcut", () => {
  const key = (init: Partial<KeyboardEvent>) => ({ key: "k", code: "KeyK", ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...init });

  it("is ⌘K on Apple keyboards and Ctrl+K elsewhere, without other modifiers", () => {
    expect(isPaletteShortcut(key({ metaKey: true }), true)).toBe(true);
    expect(isPaletteShortcut(key({ ctrlKey: true }), true)).toBe(false);
    expect(isPaletteShortcut(key({ ctrlKey: true }), false)).toBe(true);
    expect(isPaletteShortcut(key({ key: "K", ctrlKey: true }), false)).toBe(true);
    expect(isPaletteShortcut(key({ metaKey: true }), false)).toBe(false);
    expect(isPaletteShortcut(key({ ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(isPaletteShortcut(key({}), false)).toBe(false);
    expect(isPaletteShortcut(key({ key: "л", ctrlKey: true }), false)).toBe(true);
    expect(isPaletteShortcut(key({ key: "j", code: "KeyJ", ctrlKey: true }), false)).toBe(false);
    // Dvorak: the key where QWERTY has K types "t"; Ctrl+T is not the palette.
    expect(isPaletteShortcut(key({ key: "t", code: "KeyK", ctrlKey: true }), false)).toBe(false);
  });
});
