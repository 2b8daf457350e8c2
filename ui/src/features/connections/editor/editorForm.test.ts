import { describe, expect, it } from "vitest";
import { profile } from "../../../test/fixtures";
import { buildDraft, formFromProfile, newConnectionForm, type EditorForm } from "./editorForm";

function withName(form: EditorForm, name = "Local"): EditorForm {
  return { ...form, name };
}

describe("newConnectionForm", () => {
  it("defaults to the local environment's three services, dev, no auth", () => {
    const draft = buildDraft(withName(newConnectionForm()), []);
    expect(draft).toEqual({
      id: null,
      name: "Local",
      environment: "dev",
      kafka: {
        bootstrapServers: "127.0.0.1:19092",
        securityProtocol: "plaintext",
        saslMechanism: "plain",
        saslUsername: null,
        tls: { caPem: null, clientCertPem: null, verifyHostname: true },
      },
      schemaRegistry: { url: "http://127.0.0.1:18081", auth: "none", username: null, caPem: null },
      flink: { url: "http://127.0.0.1:18082", auth: "none", username: null, caPem: null },
      secrets: [],
    });
  });
});

describe("buildDraft", () => {
  it("sends null for every disabled part", () => {
    const form = withName(newConnectionForm());
    form.kafka.enabled = false;
    form.flink.enabled = false;
    const draft = buildDraft(form, []);
    expect(draft.kafka).toBeNull();
    expect(draft.flink).toBeNull();
    expect(draft.schemaRegistry).not.toBeNull();
  });

  it("trims text and turns blank optional text into null", () => {
    const form = withName(newConnectionForm(), "  Payments  ");
    form.kafka.bootstrapServers = "  b1:9092,b2:9092 ";
    form.schemaRegistry.caPem = "   ";
    const draft = buildDraft(form, []);
    expect(draft.name).toBe("Payments");
    expect(draft.kafka?.bootstrapServers).toBe("b1:9092,b2:9092");
    expect(draft.schemaRegistry?.caPem).toBeNull();
  });

  it("includes SASL username and password only when the protocol uses SASL", () => {
    const form = withName(newConnectionForm());
    form.kafka.saslUsername = "alice";
    form.kafka.saslMechanism = "scram_sha_512";
    form.secrets.kafka_password = { value: "s3cret", remove: false };

    const plaintext = buildDraft(form, []);
    expect(plaintext.kafka?.saslUsername).toBeNull();
    expect(plaintext.kafka?.saslMechanism).toBe("plain");
    expect(plaintext.secrets).toEqual([]);

    form.kafka.securityProtocol = "sasl_plaintext";
    const sasl = buildDraft(form, []);
    expect(sasl.kafka?.saslUsername).toBe("alice");
    expect(sasl.kafka?.saslMechanism).toBe("scram_sha_512");
    expect(sasl.secrets).toEqual([{ slot: "kafka_password", value: "s3cret" }]);
  });

  it("includes TLS material only for SSL protocols", () => {
    const form = withName(newConnectionForm());
    form.kafka.caPem = "-----BEGIN CERTIFICATE-----";
    form.kafka.verifyHostname = false;
    form.secrets.kafka_client_key = { value: "-----BEGIN PRIVATE KEY-----", remove: false };
    expect(buildDraft(form, []).kafka?.tls).toEqual({ caPem: null, clientCertPem: null, verifyHostname: true });

    form.kafka.securityProtocol = "sasl_ssl";
    const draft = buildDraft(form, []);
    expect(draft.kafka?.tls).toEqual({ caPem: "-----BEGIN CERTIFICATE-----", clientCertPem: null, verifyHostname: false });
    expect(draft.secrets).toContainEqual({ slot: "kafka_client_key", value: "-----BEGIN PRIVATE KEY-----" });
  });

  it("omits blank secrets so the stored ones are kept", () => {
    const stored = profile({
      kafka: {
        bootstrapServers: "b:9092",
        securityProtocol: "sasl_ssl",
        saslMechanism: "plain",
        saslUsername: "alice",
        tls: { caPem: null, clientCertPem: null, verifyHostname: true },
      },
      schemaRegistry: { url: "https://sr", auth: "bearer", username: null, caPem: null },
      storedSecrets: ["kafka_password", "registry_token"],
    });
    expect(buildDraft(formFromProfile(stored), stored.storedSecrets).secrets).toEqual([]);
  });

  it("sends null for a stored secret the user chose to remove, and the value for a typed one", () => {
    const stored = profile({
      schemaRegistry: { url: "https://sr", auth: "basic", username: "bob", caPem: null },
      flink: { url: "https://flink", auth: "bearer", username: null, caPem: null },
      storedSecrets: ["registry_password", "flink_token"],
    });
    const form = formFromProfile(stored);
    form.secrets.registry_password = { value: "", remove: true };
    form.secrets.flink_token = { value: "new-token", remove: false };
    expect(buildDraft(form, stored.storedSecrets).secrets).toEqual([
      { slot: "registry_password", value: null },
      { slot: "flink_token", value: "new-token" },
    ]);
  });

  it("deletes stored secrets that the new settings no longer use", () => {
    const stored = profile({
      schemaRegistry: { url: "https://sr", auth: "basic", username: "bob", caPem: null },
      storedSecrets: ["registry_password", "flink_token"],
    });
    const form = formFromProfile(stored);
    form.schemaRegistry.auth = "none";
    const draft = buildDraft(form, stored.storedSecrets);
    expect(draft.schemaRegistry?.username).toBeNull();
    // flink auth is "none" in the fixture, so its stored token is an orphan too.
    expect(draft.secrets).toEqual([
      { slot: "registry_password", value: null },
      { slot: "flink_token", value: null },
    ]);
  });

  it("keeps the id when editing so the backend updates instead of creating", () => {
    const stored = profile({ id: "abc-123", environment: "prod" });
    const draft = buildDraft(formFromProfile(stored), []);
    expect(draft.id).toBe("abc-123");
    expect(draft.environment).toBe("prod");
  });
});
