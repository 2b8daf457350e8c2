// Client-side checks for the obvious mistakes, so the user hears about them before a
// round trip. The backend validates again and has the last word (invalid_input).
import type { SecretSlot } from "../../../bindings/SecretSlot";
import { usesSasl, usesTls } from "../labels";
import { ENDPOINT_SLOTS, type EditorForm, type EndpointForm, type EndpointPart } from "./editorForm";

export type FieldKey =
  | "form"
  | "name"
  | "kafka.bootstrapServers"
  | "kafka.saslUsername"
  | "schemaRegistry.url"
  | "schemaRegistry.username"
  | "flink.url"
  | "flink.username"
  | SecretSlot;

export type FieldErrors = Partial<Record<FieldKey, string>>;

const HOST_PORT = /^[^\s:/]+:\d{1,5}$|^\[[0-9a-fA-F:.]+\]:\d{1,5}$/;

function hasSecret(form: EditorForm, stored: ReadonlySet<SecretSlot>, slot: SecretSlot): boolean {
  const input = form.secrets[slot];
  return input.value !== "" || (stored.has(slot) && !input.remove);
}

function validateEndpoint(
  part: EndpointPart,
  endpoint: EndpointForm,
  form: EditorForm,
  stored: ReadonlySet<SecretSlot>,
  errors: FieldErrors,
): void {
  if (!endpoint.enabled) return;
  const label = part === "schemaRegistry" ? "Schema Registry" : "Flink";
  const url = endpoint.url.trim();
  if (url === "") {
    errors[`${part}.url`] = `Enter the ${label} URL.`;
  } else if (!/^https?:\/\/\S+$/.test(url)) {
    errors[`${part}.url`] = `The ${label} URL must start with http:// or https://.`;
  }
  const slots = ENDPOINT_SLOTS[part];
  if (endpoint.auth === "basic") {
    if (endpoint.username.trim() === "") errors[`${part}.username`] = "Basic authentication needs a username.";
    if (!hasSecret(form, stored, slots.password)) {
      errors[slots.password] = "Enter the password; none is stored for this connection.";
    }
  }
  if (endpoint.auth === "bearer" && !hasSecret(form, stored, slots.token)) {
    errors[slots.token] = "Enter the token; none is stored for this connection.";
  }
}

export function validateForm(form: EditorForm, storedSecrets: readonly SecretSlot[]): FieldErrors {
  const stored = new Set(storedSecrets);
  const errors: FieldErrors = {};

  if (form.name.trim() === "") errors.name = "Give the connection a name.";

  if (!form.kafka.enabled && !form.schemaRegistry.enabled && !form.flink.enabled) {
    errors.form = "Enable at least one of Kafka, Schema Registry or Flink.";
  }

  const kafka = form.kafka;
  if (kafka.enabled) {
    const servers = kafka.bootstrapServers
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s !== "");
    if (servers.length === 0) {
      errors["kafka.bootstrapServers"] = "Enter at least one bootstrap server, e.g. broker1:9092.";
    } else {
      const bad = servers.find((s) => !HOST_PORT.test(s));
      if (bad !== undefined) {
        errors["kafka.bootstrapServers"] = `“${bad}” is not host:port. Separate several servers with commas.`;
      }
    }
    if (usesSasl(kafka.securityProtocol)) {
      if (kafka.saslUsername.trim() === "") errors["kafka.saslUsername"] = "SASL needs a username.";
      if (!hasSecret(form, stored, "kafka_password")) {
        errors.kafka_password = "Enter the SASL password; none is stored for this connection.";
      }
    }
    if (
      usesTls(kafka.securityProtocol) &&
      kafka.clientCertPem.trim() !== "" &&
      !hasSecret(form, stored, "kafka_client_key")
    ) {
      errors.kafka_client_key = "A client certificate needs its private key.";
    }
  }

  validateEndpoint("schemaRegistry", form.schemaRegistry, form, stored, errors);
  validateEndpoint("flink", form.flink, form, stored, errors);
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
