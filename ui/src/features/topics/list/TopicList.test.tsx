// The Topics tab's list in the whole frame: search, the internal toggle and the count,
// sorting, keyboard use, role-dependent buttons, an unreachable broker, and 10,000 topics.
import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "../../../bindings/Role";
import type { TopicSummary } from "../../../bindings/TopicSummary";
import * as platform from "../../../platform";
import { appInfo, profile, topicDetail, topicSummary } from "../../../test/fixtures";
import { mockBackend, renderFrame, stubViewportHeight } from "../../../test/renderApp";

vi.mock("../../../platform");

const TOPICS: TopicSummary[] = [
  topicSummary({ name: "demo.customers", partitions: 3, messageCount: 200 }),
  topicSummary({ name: "demo.orders", partitions: 3, messageCount: 1_234_567 }),
  topicSummary({ name: "demo.payments", partitions: 6, replicationFactor: 3, messageCount: 0 }),
  topicSummary({ name: "__consumer_offsets", internal: true, partitions: 50, messageCount: 40 }),
  topicSummary({ name: "audit.ORDERS.eu", partitions: 1, messageCount: 5 }),
];

function rowNames(): string[] {
  return screen.getAllByTestId("topic-row").map((row) => row.getAttribute("data-topic-name") ?? "");
}

function renderTopics(topics: TopicSummary[] = TOPICS, role: Role = "developer") {
  mockBackend([profile({ id: "c1", name: "Local" })]);
  vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo({ role }));
  vi.mocked(platform.listTopics).mockResolvedValue(topics);
  return renderFrame({ initialView: { kind: "connection", id: "c1", tab: "topics" } });
}

beforeEach(() => {
  stubViewportHeight();
});

describe("TopicList", () => {
  it("lists the connection's topics with formatted message counts, internal ones hidden", async () => {
    renderTopics();
    await screen.findAllByTestId("topic-row");
    expect(platform.listTopics).toHaveBeenCalledWith("c1");
    expect(rowNames()).toEqual(["audit.ORDERS.eu", "demo.customers", "demo.orders", "demo.payments"]);
    expect(screen.getByTestId("topic-count")).toHaveTextContent(/^4 of 5 topics$/);

    const orders = screen.getAllByTestId("topic-row").find((r) => r.dataset["topicName"] === "demo.orders");
    if (orders === undefined) throw new Error("no demo.orders row");
    const cells = Array.from(orders.querySelectorAll("td"));
    expect(cells.map((cell) => cell.textContent)).toEqual(["demo.orders", "3", "1", expect.stringMatching(/^1\D234\D567$/)]);
  });

  it("filters by a case-insensitive substring as you type and counts what is shown", async () => {
    const { user } = renderTopics();
    await screen.findAllByTestId("topic-row");

    await user.type(screen.getByTestId("topic-search"), "Orders");
    expect(rowNames()).toEqual(["audit.ORDERS.eu", "demo.orders"]);
    expect(screen.getByTestId("topic-count")).toHaveTextContent("2 of 5 topics");

    await user.clear(screen.getByTestId("topic-search"));
    await user.type(screen.getByTestId("topic-search"), "offsets");
    expect(screen.queryAllByTestId("topic-row")).toEqual([]);
    expect(screen.getByTestId("topics-empty")).toHaveTextContent("internal topics are hidden");
    expect(screen.getByTestId("topic-count")).toHaveTextContent("0 of 5 topics");

    await user.click(screen.getByTestId("show-internal"));
    expect(rowNames()).toEqual(["__consumer_offsets"]);
    expect(within(screen.getByTestId("topic-row")).getByText("internal")).toBeInTheDocument();
    expect(screen.getByTestId("topic-count")).toHaveTextContent("1 of 5 topics");
  });

  it("sorts by a column when its header is clicked, and reverses on a second click", async () => {
    const { user } = renderTopics();
    await screen.findAllByTestId("topic-row");

    await user.click(screen.getByTestId("sort-messages"));
    expect(rowNames()).toEqual(["demo.orders", "demo.customers", "audit.ORDERS.eu", "demo.payments"]);
    expect(screen.getByTestId("sort-messages").closest("th")).toHaveAttribute("aria-sort", "descending");

    await user.click(screen.getByTestId("sort-messages"));
    expect(rowNames()).toEqual(["demo.payments", "audit.ORDERS.eu", "demo.customers", "demo.orders"]);
    expect(screen.getByTestId("sort-messages").closest("th")).toHaveAttribute("aria-sort", "ascending");

    await user.click(screen.getByTestId("sort-partitions"));
    expect(rowNames()[0]).toBe("demo.payments");
    expect(screen.getByTestId("sort-name").closest("th")).toHaveAttribute("aria-sort", "none");
  });

  it("moves the selection with the arrow keys and opens the selected topic with Enter", async () => {
    vi.mocked(platform.describeTopic).mockResolvedValue(topicDetail({ name: "demo.customers" }));
    const { user } = renderTopics();
    await screen.findAllByTestId("topic-row");

    const table = screen.getByTestId("topic-table");
    table.focus();
    await user.keyboard("{ArrowDown}");
    expect(screen.getByRole("row", { selected: true })).toHaveAttribute("data-topic-name", "audit.ORDERS.eu");
    expect(table).toHaveAttribute("aria-activedescendant", screen.getByRole("row", { selected: true }).id);
    await user.keyboard("{ArrowDown}{ArrowDown}{ArrowUp}");
    expect(screen.getByRole("row", { selected: true })).toHaveAttribute("data-topic-name", "demo.customers");
    await user.keyboard("{End}");
    expect(screen.getByRole("row", { selected: true })).toHaveAttribute("data-topic-name", "demo.payments");
    await user.keyboard("{Home}{ArrowDown}");

    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("topic-detail")).toBeInTheDocument();
    expect(platform.describeTopic).toHaveBeenCalledWith("c1", "demo.customers");

    // Back in the list, the search, sort and selection are as they were.
    await user.click(screen.getByTestId("back-to-topics"));
    expect(screen.getByRole("row", { selected: true })).toHaveAttribute("data-topic-name", "demo.customers");
  });

  it("opens a topic when its row is clicked", async () => {
    vi.mocked(platform.describeTopic).mockResolvedValue(topicDetail({ name: "demo.payments" }));
    const { user } = renderTopics();
    const rows = await screen.findAllByTestId("topic-row");
    const payments = rows.find((row) => row.dataset["topicName"] === "demo.payments");
    if (payments === undefined) throw new Error("no demo.payments row");
    await user.click(payments);
    expect(await screen.findByTestId("topic-title")).toHaveTextContent("demo.payments");
  });

  it("focuses the search with / unless the user is typing somewhere", async () => {
    const { user } = renderTopics();
    await screen.findAllByTestId("topic-row");
    const search = screen.getByTestId("topic-search");

    screen.getByTestId("topic-table").focus();
    await user.keyboard("/");
    expect(search).toHaveFocus();
    expect(search).toHaveValue("");

    await user.type(search, "a/b");
    expect(search).toHaveValue("a/b");
  });

  it.each(["developer", "admin"] as const)("offers Create topic to the %s role", async (role) => {
    renderTopics(TOPICS, role);
    expect(await screen.findByTestId("create-topic")).toBeInTheDocument();
  });

  it.each(["support", "troubleshooter"] as const)("hides Create topic from the %s role", async (role) => {
    renderTopics(TOPICS, role);
    await screen.findAllByTestId("topic-row");
    // The role has arrived (the top bar shows it), and still no button.
    expect(await screen.findByText(role === "support" ? "Support" : "Troubleshooter")).toBeInTheDocument();
    expect(screen.queryByTestId("create-topic")).not.toBeInTheDocument();
  });

  it("says inline when the broker cannot be reached, and Retry asks again", async () => {
    mockBackend([profile({ id: "c1" })]);
    vi.mocked(platform.listTopics).mockRejectedValueOnce({
      kind: "unavailable",
      message: "No broker answered at 127.0.0.1:19092 within 10 s.",
    });
    vi.mocked(platform.listTopics).mockResolvedValueOnce(TOPICS);
    const { user } = renderFrame({ initialView: { kind: "connection", id: "c1", tab: "topics" } });

    const error = await screen.findByTestId("inline-error");
    expect(error).toHaveAttribute("data-error-kind", "unavailable");
    expect(error).toHaveTextContent("Not reachable");
    expect(error).toHaveTextContent("No broker answered at 127.0.0.1:19092 within 10 s.");
    // Shown once, where the list would be — not in the banner as well.
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();

    await user.click(within(error).getByTestId("retry"));
    expect(await screen.findAllByTestId("topic-row")).toHaveLength(4);
    expect(screen.queryByTestId("inline-error")).not.toBeInTheDocument();
    expect(platform.listTopics).toHaveBeenCalledTimes(2);
  });

  it("renders only the rows in view for 10,000 topics, and still searches all of them", async () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      topicSummary({ name: `load.topic-${String(i).padStart(5, "0")}`, messageCount: i }),
    );
    const { user } = renderTopics(many);
    const rows = await screen.findAllByTestId("topic-row");
    expect(screen.getByTestId("topic-count")).toHaveTextContent(/^10\D000 of 10\D000 topics$/);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]).toHaveAttribute("data-topic-name", "load.topic-00000");
    expect(screen.getByTestId("topic-table")).toHaveAttribute("aria-rowcount", "10001");

    await user.type(screen.getByTestId("topic-search"), "09999");
    expect(rowNames()).toEqual(["load.topic-09999"]);
  });
});
