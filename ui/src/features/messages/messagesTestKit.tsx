// Test harness for the Messages tab: opens demo.payments in the whole frame against the
// mocked platform (each test file calls vi.mock("../../platform") itself), and reads back
// the requests sent and the rows shown.
import { screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, expect, vi } from "vitest";
import type { BrowseRequest } from "../../bindings/BrowseRequest";
import type { Environment } from "../../bindings/Environment";
import type { MessagePage } from "../../bindings/MessagePage";
import type { Role } from "../../bindings/Role";
import * as platform from "../../platform";
import { at } from "../../test/at";
import { appInfo, profile, topicDetail, topicSummary } from "../../test/fixtures";
import { mockBackend, renderFrame, stubViewportHeight } from "../../test/renderApp";

interface Options {
  role?: Role;
  environment?: Environment;
  page?: MessagePage;
  /** The connection has no Schema Registry part. */
  noRegistry?: boolean;
}

/**
 * Opens demo.payments (3 partitions) in the frame. `page` answers every browse; tests that
 * script browse_messages themselves do it in `before`, after the defaults are in place.
 */
export function renderMessages(
  { role = "developer", environment = "dev", page, noRegistry = false }: Options = {},
  before?: () => void,
) {
  mockBackend([profile({ id: "c1", name: "Local", environment, ...(noRegistry ? { schemaRegistry: null } : {}) })]);
  vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo({ role }));
  vi.mocked(platform.describeTopic).mockResolvedValue(topicDetail({ name: "demo.payments" }));
  vi.mocked(platform.listTopics).mockResolvedValue([topicSummary({ name: "demo.payments" })]);
  if (page !== undefined) vi.mocked(platform.browseMessages).mockResolvedValue(page);
  before?.();
  return renderFrame({ initialView: { kind: "topic", id: "c1", topic: "demo.payments" } });
}

/** The requests browse_messages was called with, in order. */
export function requests(): BrowseRequest[] {
  return vi.mocked(platform.browseMessages).mock.calls.map((call) => call[1]);
}

export function rows(): HTMLElement[] {
  return screen.queryAllByTestId("message-row");
}

export function rowIds(): string[] {
  return rows().map((row) => `${row.dataset["partition"] ?? "?"}:${row.dataset["offset"] ?? "?"}`);
}

/** A cell of a rendered row (WebKit's driver cannot click a <tr>; tests click cells too). */
export function cell(row: number, column: number): HTMLElement {
  return at(Array.from(at(rows(), row).querySelectorAll("td")), column);
}

export async function waitForRows(count: number) {
  await waitFor(() => {
    expect(screen.getByTestId("message-count")).toHaveAttribute("data-value", String(count));
  });
}

/** Registers the per-test setup every Messages test file needs. */
export function setUpMessagesTests(): void {
  beforeEach(() => {
    stubViewportHeight();
  });
  afterEach(() => {
    // Defined by the 10,000-row test only; jsdom has no scrollTo of its own.
    Reflect.deleteProperty(HTMLElement.prototype, "scrollTo");
  });
}
