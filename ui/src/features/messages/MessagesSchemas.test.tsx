// The Messages tab and the Schema Registry, in the whole frame against a mocked platform:
// producing with a registry schema (the topic's value subject by default, a version, a
// Protobuf message) and the backend's field error under the value; the toolbar's decoder
// pins; and the notice when a page's schemas came from the cache.
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import * as platform from "../../platform";
import { at } from "../../test/at";
import { messagePage, messageRecords, registryOverview, subjectDetail, subjectVersion } from "../../test/fixtures";
import { renderMessages, requests, setUpMessagesTests, waitForRows } from "./messagesTestKit";

vi.mock("../../platform");
setUpMessagesTests();

const valueSubject = "demo.payments-value";
const avroV3 = subjectVersion({ subject: valueSubject, version: 3, id: 12 });
const proto = subjectVersion({ subject: "shop.orders-value", version: 2, id: 20, schemaType: "PROTOBUF", schema: "syntax = \"proto3\";" });

/** A registry with the topic's value subject (Avro, v1–v3) and a Protobuf subject. */
function scriptRegistry(): void {
  vi.mocked(platform.fetchRegistryOverview).mockResolvedValue(
    registryOverview({ subjects: ["other-value", "shop.orders-value", valueSubject] }),
  );
  vi.mocked(platform.fetchSubjectDetail).mockImplementation((_id, subject) =>
    Promise.resolve(
      subject === valueSubject
        ? subjectDetail({ subject, versions: [1, 2, 3], latest: avroV3 })
        : subjectDetail({ subject, versions: [1, 2], latest: proto }),
    ),
  );
  vi.mocked(platform.fetchSubjectVersion).mockImplementation((_id, subject, version) =>
    Promise.resolve(subjectVersion({ subject, version: version === "latest" ? 3 : version })),
  );
}

async function openProduce(user: ReturnType<typeof renderMessages>["user"]) {
  await user.click(await screen.findByTestId("produce-open"));
  const dialog = screen.getByTestId("produce-dialog");
  await waitFor(() => {
    expect(screen.getByTestId("produce-submit")).toBeEnabled();
  });
  return dialog;
}

describe("MessagesView: produce with a registry schema", () => {
  it("picks the topic's value subject, sends the chosen version, and shows the backend's field error under the value", async () => {
    const fieldError = 'The value does not fit demo.payments-value v2: `amount`: expected a decimal with at most 2 digits after the point, got "1.234"';
    vi.mocked(platform.produceMessage).mockRejectedValueOnce({ kind: "invalid_input", message: fieldError });
    vi.mocked(platform.produceMessage).mockResolvedValueOnce({ partition: 0, offset: 8 });
    const { user } = renderMessages({ page: messagePage() }, scriptRegistry);
    const dialog = await openProduce(user);

    expect(within(dialog).getByTestId("produce-schema-subject")).toHaveValue(valueSubject);
    expect(screen.getByTestId("produce-format")).toBeDisabled();
    expect(screen.getByTestId("produce-format")).toHaveValue("json");
    await waitFor(() => {
      expect(screen.getByRole("option", { name: "Latest (v3)" })).toBeInTheDocument();
    });
    expect(screen.queryByTestId("produce-schema-message")).not.toBeInTheDocument();
    await user.selectOptions(screen.getByTestId("produce-schema-version"), "2");
    await user.type(screen.getByTestId("produce-value"), '{{"amount":"1.234"}');
    await user.click(screen.getByTestId("produce-submit"));

    await waitFor(() => {
      expect(screen.getByTestId("produce-value")).toHaveAccessibleDescription(fieldError);
    });
    expect(screen.getByTestId("produce-value")).toHaveAttribute("aria-invalid", "true");
    expect(platform.produceMessage).toHaveBeenCalledWith("c1", {
      topic: "demo.payments",
      partition: null,
      key: null,
      value: '{"amount":"1.234"}',
      headers: [],
      format: "json",
      schema: { subject: valueSubject, version: 2, message: null },
    });

    await user.clear(screen.getByTestId("produce-value"));
    await user.type(screen.getByTestId("produce-value"), '{{"amount":"1.23"}');
    expect(screen.getByTestId("produce-value")).not.toHaveAttribute("aria-invalid", "true");
    await user.click(screen.getByTestId("produce-submit"));
    expect(await within(dialog).findByTestId("produce-result")).toHaveTextContent("partition 0 at offset 8");
  });

  it("finds a Protobuf subject by search and sends its message name with the latest version", async () => {
    vi.mocked(platform.produceMessage).mockResolvedValue({ partition: 1, offset: 2 });
    const { user } = renderMessages({ page: messagePage() }, scriptRegistry);
    await openProduce(user);

    await user.type(screen.getByTestId("produce-schema-search"), "shop");
    const subjectSelect = screen.getByTestId("produce-schema-subject");
    // The chosen subject stays listed; "other-value" is filtered out.
    expect(within(subjectSelect).queryByRole("option", { name: "other-value" })).not.toBeInTheDocument();
    await user.selectOptions(subjectSelect, "shop.orders-value");
    await user.type(await screen.findByTestId("produce-schema-message"), "shop.v1.Order");
    await user.type(screen.getByTestId("produce-value"), '{{"id":"O-1"}');
    await user.click(screen.getByTestId("produce-submit"));

    await screen.findByTestId("produce-result");
    expect(at(vi.mocked(platform.produceMessage).mock.calls, 0)[1]).toMatchObject({
      format: "json",
      schema: { subject: "shop.orders-value", version: null, message: "shop.v1.Order" },
    });
  });

  it("sends the value as typed when None is picked, as text if chosen", async () => {
    vi.mocked(platform.produceMessage).mockResolvedValue({ partition: 1, offset: 2 });
    const { user } = renderMessages({ page: messagePage() }, scriptRegistry);
    await openProduce(user);
    await user.selectOptions(screen.getByTestId("produce-schema-subject"), "");
    expect(screen.queryByTestId("produce-schema-version")).not.toBeInTheDocument();
    await user.selectOptions(screen.getByTestId("produce-format"), "text");
    await user.type(screen.getByTestId("produce-value"), "plain");
    await user.click(screen.getByTestId("produce-submit"));
    await screen.findByTestId("produce-result");
    expect(at(vi.mocked(platform.produceMessage).mock.calls, 0)[1]).toMatchObject({ format: "text", schema: null });
  });

  it("offers no schema section, and asks no registry, on a connection without one", async () => {
    const { user } = renderMessages({ page: messagePage(), noRegistry: true });
    await openProduce(user);
    expect(screen.queryByTestId("produce-schema")).not.toBeInTheDocument();
    expect(platform.fetchRegistryOverview).not.toHaveBeenCalled();
  });
});

describe("MessagesView: decoder pins", () => {
  it("shows the topic's pinned decoders and pins a change, then reads the page again", async () => {
    const { user } = renderMessages({ page: messagePage({ messages: messageRecords(2) }) }, () => {
      vi.mocked(platform.fetchTopicDecoders).mockResolvedValue({ key: "utf-8", value: "auto" });
    });
    await waitForRows(2);
    const key = screen.getByTestId("decoder-key");
    const value = screen.getByTestId("decoder-value");
    await waitFor(() => {
      expect(key).toHaveValue("utf-8");
    });
    expect(platform.fetchTopicDecoders).toHaveBeenCalledWith("c1", "demo.payments");
    expect(value).toHaveValue("auto");
    expect(within(value).getByRole("option", { name: "Auto (registry, JSON, text, MessagePack, hex)" })).toBeInTheDocument();
    expect(within(value).getAllByRole("option").map((option) => option.textContent)).toEqual([
      "Auto (registry, JSON, text, MessagePack, hex)",
      "Schema Registry only",
      "JSON",
      "UTF-8 text",
      "MessagePack",
      "Hex",
    ]);

    await user.selectOptions(value, "registry");
    expect(platform.pinTopicDecoders).toHaveBeenCalledWith("c1", "demo.payments", { key: "utf-8", value: "registry" });
    await waitFor(() => {
      expect(requests()).toHaveLength(2);
    });
    expect(at(requests(), 1)).toEqual(at(requests(), 0));
    expect(screen.getByTestId("decoder-value")).toHaveValue("registry");

    await user.selectOptions(screen.getByTestId("decoder-key"), "auto");
    expect(platform.pinTopicDecoders).toHaveBeenLastCalledWith("c1", "demo.payments", { key: "auto", value: "registry" });
  });

  it("shows a refused pin under the selects", async () => {
    const { user } = renderMessages({ page: messagePage() }, () => {
      vi.mocked(platform.pinTopicDecoders).mockRejectedValue({ kind: "forbidden", message: "The support role may not pin decoders." });
    });
    await waitFor(() => {
      expect(screen.getByTestId("decoder-key")).toBeEnabled();
    });
    await user.selectOptions(screen.getByTestId("decoder-key"), "hex");
    expect(await screen.findByTestId("decoder-error")).toHaveTextContent("The support role may not pin decoders.");
  });
});

describe("MessagesView: registry notice", () => {
  it("warns above the table when the page's schemas came from the cache", async () => {
    const notice = "The Schema Registry did not answer; schemas come from the cache (as of 10:42).";
    renderMessages({ page: messagePage({ messages: messageRecords(1), registryNotice: notice }) });
    await waitForRows(1);
    expect(screen.getByTestId("registry-notice")).toHaveTextContent(notice);
  });

  it("shows no notice when the registry answered", async () => {
    renderMessages({ page: messagePage({ messages: messageRecords(1) }) });
    await waitForRows(1);
    expect(screen.queryByTestId("registry-notice")).not.toBeInTheDocument();
  });
});
