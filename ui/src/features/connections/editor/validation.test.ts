import { describe, expect, it } from "vitest";
import { newConnectionForm, type EditorForm } from "./editorForm";
import { validateForm } from "./validation";

function valid(): EditorForm {
  return { ...newConnectionForm(), name: "Local" };
}

describe("validateForm", () => {
  it("accepts the defaults once a name is given", () => {
    expect(validateForm(valid(), [])).toEqual({});
  });

  it("requires a name", () => {
    expect(validateForm({ ...valid(), name: "   " }, []).name).toBe("Give the connection a name.");
  });

  it("requires bootstrap servers only when Kafka is enabled", () => {
    const form = valid();
    form.kafka.bootstrapServers = " ";
    expect(validateForm(form, [])["kafka.bootstrapServers"]).toMatch(/at least one bootstrap server/);
    form.kafka.enabled = false;
    expect(validateForm(form, [])["kafka.bootstrapServers"]).toBeUndefined();
  });

  it("names the bootstrap entry that is not host:port", () => {
    const form = valid();
    form.kafka.bootstrapServers = "b1:9092, localhost";
    expect(validateForm(form, [])["kafka.bootstrapServers"]).toContain("“localhost” is not host:port");
    form.kafka.bootstrapServers = "b1:9092,[::1]:9093";
    expect(validateForm(form, [])["kafka.bootstrapServers"]).toBeUndefined();
  });

  it("requires http:// or https:// URLs", () => {
    const form = valid();
    form.schemaRegistry.url = "127.0.0.1:18081";
    form.flink.url = "ftp://flink";
    const errors = validateForm(form, []);
    expect(errors["schemaRegistry.url"]).toBe("The Schema Registry URL must start with http:// or https://.");
    expect(errors["flink.url"]).toBe("The Flink URL must start with http:// or https://.");
  });

  it("needs at least one part", () => {
    const form = valid();
    form.kafka.enabled = false;
    form.schemaRegistry.enabled = false;
    form.flink.enabled = false;
    expect(validateForm(form, []).form).toMatch(/Enable at least one/);
  });

  it("asks for SASL credentials unless a password is already stored", () => {
    const form = valid();
    form.kafka.securityProtocol = "sasl_ssl";
    const errors = validateForm(form, []);
    expect(errors["kafka.saslUsername"]).toBeDefined();
    expect(errors.kafka_password).toMatch(/none is stored/);

    form.kafka.saslUsername = "alice";
    expect(validateForm(form, ["kafka_password"])).toEqual({});

    form.secrets.kafka_password = { value: "", remove: true };
    expect(validateForm(form, ["kafka_password"]).kafka_password).toBeDefined();
  });

  it("asks for basic-auth username and bearer token", () => {
    const form = valid();
    form.schemaRegistry.auth = "basic";
    form.flink.auth = "bearer";
    const errors = validateForm(form, []);
    expect(errors["schemaRegistry.username"]).toBeDefined();
    expect(errors.registry_password).toBeDefined();
    expect(errors.flink_token).toBeDefined();
    expect(validateForm(form, ["flink_token"]).flink_token).toBeUndefined();
  });
});
