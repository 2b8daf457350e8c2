// The Schema Registry commands through Tauri's IPC mock: names and argument shapes the
// Rust handlers take (the version always as text), and a refusal passed on as an AppError.
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { SchemaDraft } from "../bindings/SchemaDraft";
import {
  checkCompatibility,
  fetchRegistryOverview,
  fetchSubjectDetail,
  fetchSubjectVersion,
  registerSchema,
} from "./schemas";

afterEach(() => {
  clearMocks();
});

const draft: SchemaDraft = { schemaType: "AVRO", schema: '{"type":"string"}', references: [] };

describe("schema commands", () => {
  it("sends the command names and arguments the Rust handlers take", async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return cmd === "register_schema" ? { id: 7 } : null;
    });

    await fetchRegistryOverview("c1");
    await fetchSubjectDetail("c1", "demo.orders-value");
    await fetchSubjectVersion("c1", "demo.orders-value", 2);
    await fetchSubjectVersion("c1", "demo.orders-value", "latest");
    await checkCompatibility("c1", "demo.orders-value", draft);
    await expect(registerSchema("c1", "demo.orders-value", draft)).resolves.toEqual({ id: 7 });

    expect(calls).toEqual([
      ["registry_overview", { connectionId: "c1" }],
      ["subject_detail", { connectionId: "c1", subject: "demo.orders-value" }],
      ["subject_version", { connectionId: "c1", subject: "demo.orders-value", version: "2" }],
      ["subject_version", { connectionId: "c1", subject: "demo.orders-value", version: "latest" }],
      ["check_compatibility", { connectionId: "c1", subject: "demo.orders-value", draft }],
      ["register_schema", { connectionId: "c1", subject: "demo.orders-value", draft }],
    ]);
  });

  it("rejects with the backend's forbidden error as-is", async () => {
    mockIPC(() => {
      // eslint-disable-next-line @typescript-eslint/only-throw-error
      throw { kind: "forbidden", message: "The support role may not register schemas." };
    });
    await expect(registerSchema("c1", "s", draft)).rejects.toEqual({
      kind: "forbidden",
      message: "The support role may not register schemas.",
    });
  });
});
