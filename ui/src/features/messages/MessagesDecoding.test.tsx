// How decoding shows in the Messages tab: a registry-decoded value carries its schema as a
// badge in its row and its decode path in the detail pane, pretty-printed like any JSON;
// MessagePack gets a badge of its own while plain JSON and text get none; a payload that
// could not be decoded shows the reason (not hex) in its row, and a warning above the hex
// in the detail pane.
import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { Payload } from "../../bindings/Payload";
import { jsonPayload, messagePage, messageRecord, payload } from "../../test/fixtures";
import { decodePath, decoderBadge } from "./decodePath";
import { cell, renderMessages, setUpMessagesTests, waitForRows } from "./messagesTestKit";

vi.mock("../../platform");
setUpMessagesTests();

function avroValue(): Payload {
  return {
    ...jsonPayload({ order_id: "O-1", total: "12.50" }),
    decoder: "avro",
    schema: { id: 1, schemaType: "AVRO", subject: "demo.orders-value", version: 1 },
  };
}

function failedValue(): Payload {
  return payload({
    format: "binary",
    text: "00 00 00 04 12 ab",
    size: 6,
    decoder: "hex",
    failed: true,
    note: "schema 1042 not found in registry",
    schema: { id: 1042, schemaType: "AVRO", subject: null, version: null },
  });
}

describe("decoderBadge and decodePath", () => {
  it("name the decoder and schema, and say when decoding failed", () => {
    expect(decoderBadge(avroValue())).toBe("avro · demo.orders-value v1 (id 1)");
    const proto = { ...jsonPayload({}), decoder: "protobuf", schema: { id: 7, schemaType: "PROTOBUF" as const, subject: null, version: null } };
    expect(decoderBadge(proto)).toBe("protobuf · schema id 7");
    expect(decoderBadge({ ...jsonPayload([1]), decoder: "msgpack" })).toBe("msgpack");
    expect(decoderBadge(jsonPayload({ a: 1 }))).toBeNull();
    expect(decoderBadge(payload())).toBeNull();
    expect(decoderBadge(failedValue())).toBeNull();
    expect(decodePath(avroValue())).toBe("Decoded as avro with demo.orders-value v1 (id 1)");
    expect(decodePath(failedValue())).toBe("Could not decode with schema id 1042; shown as hex");
  });
});

describe("MessagesView: decoding", () => {
  it("badges a registry-decoded value with its schema and shows its decode path, pretty-printed", async () => {
    const { user } = renderMessages({ page: messagePage({ messages: [messageRecord({ offset: 3, value: avroValue() })] }) });
    await waitForRows(1);

    const value = cell(0, 4);
    expect(within(value).getByTestId("schema-badge")).toHaveTextContent(/^avro · demo\.orders-value v1 \(id 1\)$/);
    expect(within(value).getByTestId("payload-preview")).toHaveTextContent('{"order_id":"O-1","total":"12.50"}');
    expect(within(cell(0, 3)).queryByTestId("schema-badge")).not.toBeInTheDocument();

    await user.click(value);
    const detail = within(screen.getByTestId("message-detail")).getByTestId("detail-value");
    expect(detail.querySelector("pre")?.textContent).toBe('{\n  "order_id": "O-1",\n  "total": "12.50"\n}');
    const path = within(detail).getByTestId("payload-decoder");
    expect(path).toHaveTextContent("Decoded as avro with demo.orders-value v1 (id 1)");
    expect(path).toHaveAttribute("data-decoder", "avro");
    expect(path).toHaveAttribute("data-schema-id", "1");
    expect(path).toHaveAttribute("data-schema-subject", "demo.orders-value");
    expect(path).toHaveAttribute("data-schema-version", "1");
    expect(within(detail).queryByTestId("payload-failed")).not.toBeInTheDocument();
  });

  it("badges MessagePack, and leaves plain JSON and text rows as the payload alone", async () => {
    const msgpack = { ...jsonPayload({ n: 1 }), decoder: "msgpack" };
    renderMessages({
      page: messagePage({
        messages: [messageRecord({ offset: 1, value: msgpack }), messageRecord({ offset: 2, value: jsonPayload({ n: 2 }) })],
      }),
    });
    await waitForRows(2);
    expect(within(cell(0, 4)).getByTestId("schema-badge")).toHaveTextContent(/^msgpack$/);
    expect(cell(1, 4).textContent).toBe('{"n":2}');
    expect(cell(1, 3).textContent).toBe("P-0000001");
  });

  it("shows why a value could not be decoded instead of its hex, and the hex under a warning in the detail", async () => {
    const { user } = renderMessages({
      page: messagePage({ messages: [messageRecord({ offset: 4, value: failedValue() }), messageRecord({ offset: 5 })] }),
    });
    await waitForRows(2);

    const value = cell(0, 4);
    expect(within(value).getByTestId("decode-failed")).toHaveTextContent("not decoded");
    expect(within(value).getByTestId("payload-preview")).toHaveTextContent("schema 1042 not found in registry");
    expect(value).not.toHaveTextContent("00 00 00 04");
    // The rest of the page still shows.
    expect(within(cell(1, 4)).queryByTestId("decode-failed")).not.toBeInTheDocument();

    await user.click(value);
    const detail = within(screen.getByTestId("message-detail")).getByTestId("detail-value");
    expect(detail).toHaveAttribute("data-failed", "true");
    expect(within(detail).getByTestId("payload-failed")).toHaveTextContent("Could not decode: schema 1042 not found in registry");
    expect(detail.querySelector("pre")?.textContent).toBe("00 00 00 04 12 ab");
    const path = within(detail).getByTestId("payload-decoder");
    expect(path).toHaveTextContent(/^Could not decode with schema id 1042; shown as hex$/);
    expect(path).toHaveAttribute("data-schema-id", "1042");
    expect(path).not.toHaveAttribute("data-schema-subject");
  });
});
