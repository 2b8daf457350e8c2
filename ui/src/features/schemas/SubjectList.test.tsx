// The Schemas tab in the whole frame: offered only with a Schema Registry part, the
// registry's global compatibility and mode, the subject count and instant filter ("/"
// focuses it), opening a subject (its facts, "global default", references, the schema
// highlighted) and a topic that uses it leading to that topic's messages.
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import * as platform from "../../platform";
import { profile, subjectDetail, subjectVersion, topicDetail } from "../../test/fixtures";
import { mockBackend, renderFrame, stubViewportHeight } from "../../test/renderApp";
import { filterSubjects } from "./subjectFilter";
import { renderSchemas } from "./schemasTestKit";

vi.mock("../../platform");

const SUBJECTS = ["demo.payments-value", "demo.orders-value", "demo.orders-key", "audit.log-value"];

function shownSubjects(): (string | undefined)[] {
  return screen.queryAllByTestId("subject-row").map((row) => row.dataset["subject"]);
}

describe("filterSubjects", () => {
  it("sorts by name and keeps subjects containing every word of the search", () => {
    expect(filterSubjects(SUBJECTS, "")).toEqual(["audit.log-value", "demo.orders-key", "demo.orders-value", "demo.payments-value"]);
    expect(filterSubjects(SUBJECTS, "  ORDERS ")).toEqual(["demo.orders-key", "demo.orders-value"]);
    expect(filterSubjects(SUBJECTS, "value demo")).toEqual(["demo.orders-value", "demo.payments-value"]);
    expect(filterSubjects(SUBJECTS, "nothing")).toEqual([]);
  });
});

describe("Schemas tab", () => {
  it("is offered only to a connection with a Schema Registry part", async () => {
    mockBackend([profile({ id: "a", name: "With registry" }), profile({ id: "b", name: "Without", schemaRegistry: null })]);
    const { user } = renderFrame({ initialView: { kind: "connection", id: "b" } });
    expect(await screen.findByTestId("tab-topics")).toBeInTheDocument();
    expect(screen.queryByTestId("tab-schemas")).not.toBeInTheDocument();

    await user.click(screen.getByText("With registry"));
    await user.click(await screen.findByTestId("tab-schemas"));
    expect(await screen.findByTestId("schemas-view")).toBeInTheDocument();
    expect(screen.getByRole("tabpanel")).toHaveAccessibleName("Schemas");
    expect(platform.fetchRegistryOverview).toHaveBeenCalledWith("a");
  });

  it("shows the registry's defaults and the count, and filters subjects as you type", async () => {
    const { user } = renderSchemas({ subjects: SUBJECTS });
    await waitFor(() => {
      expect(shownSubjects()).toHaveLength(4);
    });
    expect(screen.getByTestId("registry-compatibility")).toHaveTextContent("BACKWARD");
    expect(screen.getByTestId("registry-mode")).toHaveTextContent("READWRITE");
    expect(screen.getByTestId("subject-count")).toHaveTextContent("4 subjects");

    await user.keyboard("/");
    expect(screen.getByTestId("subject-search")).toHaveFocus();
    await user.keyboard("orders");
    expect(shownSubjects()).toEqual(["demo.orders-key", "demo.orders-value"]);
    expect(screen.getByTestId("subject-count")).toHaveTextContent("2 of 4 subjects");

    await user.type(screen.getByTestId("subject-search"), "-nope");
    expect(screen.getByTestId("subjects-empty")).toHaveTextContent("No subject matches “orders-nope”.");
    expect(screen.getByTestId("subject-count")).toHaveAttribute("data-value", "0");
  });

  it("opens a subject: its facts, the global default marked, references and the schema highlighted", async () => {
    const latest = subjectVersion({
      version: 3,
      id: 9,
      references: [{ name: "shop.Money", subject: "shop.money-value", version: 2 }],
    });
    const { user } = renderSchemas({ subjects: SUBJECTS, detail: subjectDetail({ versions: [1, 2, 3], latest }) });
    await waitFor(() => {
      expect(shownSubjects()).toHaveLength(4);
    });
    await user.click(screen.getByRole("button", { name: "demo.orders-value" }));

    expect(await screen.findByTestId("subject-title")).toHaveTextContent("demo.orders-value");
    expect(platform.fetchSubjectDetail).toHaveBeenCalledWith("c1", "demo.orders-value");
    expect(screen.getByRole("button", { name: "demo.orders-value" })).toHaveAttribute("aria-current", "true");
    expect(screen.getByTestId("subject-latest-version")).toHaveTextContent("v33 versions");
    expect(screen.getByTestId("subject-schema-id")).toHaveTextContent("9");
    expect(screen.getByTestId("subject-type")).toHaveTextContent("Avro");
    expect(screen.getByTestId("subject-compatibility")).toHaveTextContent("BACKWARD");
    expect(screen.getByTestId("compatibility-global")).toHaveTextContent("global default");
    expect(screen.getByTestId("subject-mode")).toHaveTextContent("READWRITE");

    const version = await screen.findByTestId("version-select");
    expect(version).toHaveValue("3");
    expect(within(version).getAllByRole("option").map((o) => o.textContent)).toEqual(["v3 (latest)", "v2", "v1"]);
    expect(screen.getByTestId("schema-reference-row")).toHaveTextContent("shop.Moneyshop.money-valuev2");
    // The latest came with the detail: no second call for it.
    expect(platform.fetchSubjectVersion).not.toHaveBeenCalled();

    const text = screen.getByTestId("schema-text");
    expect(text.textContent).toBe(JSON.stringify(JSON.parse(latest.schema), null, 2));
    expect(text.querySelector(".hl-key")).toHaveTextContent('"type"');
    expect(text.querySelector(".hl-string")).toHaveTextContent('"record"');
    expect(text.querySelectorAll(".schema-code__line")).toHaveLength(text.textContent.split("\n").length);
  });

  it("shows another version on request, and a subject's own compatibility without the global mark", async () => {
    const v1 = subjectVersion({ version: 1, id: 1, schemaType: "PROTOBUF", schema: 'syntax = "proto3";\nmessage Order { string id = 1; }' });
    const { user } = renderSchemas({
      open: "demo.orders-value",
      detail: subjectDetail({ versions: [1, 2], latest: subjectVersion({ version: 2, id: 4 }), compatibilityIsGlobal: false, compatibility: "FULL" }),
      versions: [v1],
    });
    expect(await screen.findByTestId("subject-compatibility")).toHaveTextContent("FULL");
    expect(screen.queryByTestId("compatibility-global")).not.toBeInTheDocument();

    await user.selectOptions(await screen.findByTestId("version-select"), "1");
    await waitFor(() => {
      expect(screen.getByTestId("schema-text")).toHaveAttribute("data-language", "proto");
    });
    expect(platform.fetchSubjectVersion).toHaveBeenCalledWith("c1", "demo.orders-value", 1);
    expect(screen.getByTestId("schema-id")).toHaveTextContent("1");
    expect(screen.getByTestId("schema-type")).toHaveTextContent("Protobuf");
    expect(screen.getByTestId("schema-text").querySelector(".hl-keyword")).toHaveTextContent("syntax");
  });

  it("opens the messages of a topic that uses the subject", async () => {
    stubViewportHeight();
    const { user } = renderSchemas({ open: "demo.orders-value" });
    vi.mocked(platform.describeTopic).mockResolvedValue(topicDetail({ name: "demo.orders" }));
    await user.click(await screen.findByTestId("subject-topic"));
    expect(await screen.findByTestId("topic-title")).toHaveTextContent("demo.orders");
    expect(screen.getByTestId("tab-topics")).toHaveAttribute("aria-selected", "true");
  });

  it("shows a registry failure inline with Retry", async () => {
    mockBackend([profile({ id: "c1", name: "Local" })]);
    vi.mocked(platform.fetchRegistryOverview).mockRejectedValue({ kind: "unavailable", message: "Schema Registry at http://127.0.0.1:18081 did not answer." });
    renderFrame({ initialView: { kind: "connection", id: "c1", tab: "schemas" } });
    const error = await screen.findByTestId("inline-error");
    expect(error).toHaveTextContent("did not answer");
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();
  });
});
