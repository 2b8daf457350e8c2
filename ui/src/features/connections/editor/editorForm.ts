// The editor's form state and the one function that turns it into the ProfileDraft the
// backend receives. Rules for secrets (write-only — the UI never sees stored values):
//   typed value                      → { slot, value }
//   "remove" ticked on a stored slot → { slot, value: null }
//   left blank                       → omitted (the backend keeps what it has)
//   slot no longer used (part disabled, SASL/TLS/auth switched off) and stored
//                                    → { slot, value: null }, so no orphan secret lingers.
import type { ConnectionProfile } from "../../../bindings/ConnectionProfile";
import type { Environment } from "../../../bindings/Environment";
import type { HttpAuth } from "../../../bindings/HttpAuth";
import type { HttpEndpoint } from "../../../bindings/HttpEndpoint";
import type { KafkaSettings } from "../../../bindings/KafkaSettings";
import type { ProfileDraft } from "../../../bindings/ProfileDraft";
import type { SaslMechanism } from "../../../bindings/SaslMechanism";
import type { SecretSlot } from "../../../bindings/SecretSlot";
import type { SecretUpdate } from "../../../bindings/SecretUpdate";
import type { SecurityProtocol } from "../../../bindings/SecurityProtocol";
import { usesSasl, usesTls } from "../labels";

export interface KafkaForm {
  enabled: boolean;
  bootstrapServers: string;
  securityProtocol: SecurityProtocol;
  saslMechanism: SaslMechanism;
  saslUsername: string;
  caPem: string;
  clientCertPem: string;
  verifyHostname: boolean;
}

export interface EndpointForm {
  enabled: boolean;
  url: string;
  auth: HttpAuth;
  username: string;
  caPem: string;
}

export interface SecretInput {
  value: string;
  remove: boolean;
}

export interface EditorForm {
  id: string | null;
  name: string;
  environment: Environment;
  kafka: KafkaForm;
  schemaRegistry: EndpointForm;
  flink: EndpointForm;
  secrets: Record<SecretSlot, SecretInput>;
}

export const SECRET_SLOTS: readonly SecretSlot[] = [
  "kafka_password",
  "kafka_client_key",
  "registry_password",
  "registry_token",
  "flink_password",
  "flink_token",
];

export type EndpointPart = "schemaRegistry" | "flink";

export const ENDPOINT_SLOTS: Record<EndpointPart, { password: SecretSlot; token: SecretSlot }> = {
  schemaRegistry: { password: "registry_password", token: "registry_token" },
  flink: { password: "flink_password", token: "flink_token" },
};

function emptySecrets(): Record<SecretSlot, SecretInput> {
  const blank = (): SecretInput => ({ value: "", remove: false });
  return {
    kafka_password: blank(),
    kafka_client_key: blank(),
    registry_password: blank(),
    registry_token: blank(),
    flink_password: blank(),
    flink_token: blank(),
  };
}

function kafkaForm(kafka: KafkaSettings | null): KafkaForm {
  return {
    enabled: kafka !== null,
    bootstrapServers: kafka?.bootstrapServers ?? "",
    securityProtocol: kafka?.securityProtocol ?? "plaintext",
    saslMechanism: kafka?.saslMechanism ?? "plain",
    saslUsername: kafka?.saslUsername ?? "",
    caPem: kafka?.tls.caPem ?? "",
    clientCertPem: kafka?.tls.clientCertPem ?? "",
    verifyHostname: kafka?.tls.verifyHostname ?? true,
  };
}

function endpointForm(endpoint: HttpEndpoint | null): EndpointForm {
  return {
    enabled: endpoint !== null,
    url: endpoint?.url ?? "",
    auth: endpoint?.auth ?? "none",
    username: endpoint?.username ?? "",
    caPem: endpoint?.caPem ?? "",
  };
}

/** A new connection, pre-filled for the local development environment's ports. */
export function newConnectionForm(): EditorForm {
  return {
    id: null,
    name: "",
    environment: "dev",
    kafka: { ...kafkaForm(null), enabled: true, bootstrapServers: "127.0.0.1:19092" },
    schemaRegistry: { ...endpointForm(null), enabled: true, url: "http://127.0.0.1:18081" },
    flink: { ...endpointForm(null), enabled: true, url: "http://127.0.0.1:18082" },
    secrets: emptySecrets(),
  };
}

export function formFromProfile(profile: ConnectionProfile): EditorForm {
  return {
    id: profile.id,
    name: profile.name,
    environment: profile.environment,
    kafka: kafkaForm(profile.kafka),
    schemaRegistry: endpointForm(profile.schemaRegistry),
    flink: endpointForm(profile.flink),
    secrets: emptySecrets(),
  };
}

/** The secret slots the form's current settings actually use. */
export function slotsInUse(form: EditorForm): Set<SecretSlot> {
  const used = new Set<SecretSlot>();
  if (form.kafka.enabled) {
    if (usesSasl(form.kafka.securityProtocol)) used.add("kafka_password");
    if (usesTls(form.kafka.securityProtocol)) used.add("kafka_client_key");
  }
  for (const part of ["schemaRegistry", "flink"] as const) {
    const endpoint = form[part];
    if (!endpoint.enabled) continue;
    if (endpoint.auth === "basic") used.add(ENDPOINT_SLOTS[part].password);
    if (endpoint.auth === "bearer") used.add(ENDPOINT_SLOTS[part].token);
  }
  return used;
}

function optional(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

function kafkaSettings(kafka: KafkaForm): KafkaSettings | null {
  if (!kafka.enabled) return null;
  const sasl = usesSasl(kafka.securityProtocol);
  const tls = usesTls(kafka.securityProtocol);
  return {
    bootstrapServers: kafka.bootstrapServers.trim(),
    securityProtocol: kafka.securityProtocol,
    // The type requires a mechanism even without SASL; the backend ignores it then.
    saslMechanism: sasl ? kafka.saslMechanism : "plain",
    saslUsername: sasl ? optional(kafka.saslUsername) : null,
    tls: {
      caPem: tls ? optional(kafka.caPem) : null,
      clientCertPem: tls ? optional(kafka.clientCertPem) : null,
      verifyHostname: tls ? kafka.verifyHostname : true,
    },
  };
}

function httpEndpoint(endpoint: EndpointForm): HttpEndpoint | null {
  if (!endpoint.enabled) return null;
  return {
    url: endpoint.url.trim(),
    auth: endpoint.auth,
    username: endpoint.auth === "basic" ? optional(endpoint.username) : null,
    caPem: optional(endpoint.caPem),
  };
}

function secretUpdates(form: EditorForm, stored: ReadonlySet<SecretSlot>): SecretUpdate[] {
  const used = slotsInUse(form);
  const updates: SecretUpdate[] = [];
  for (const slot of SECRET_SLOTS) {
    const input = form.secrets[slot];
    if (!used.has(slot)) {
      if (stored.has(slot)) updates.push({ slot, value: null });
    } else if (input.remove && stored.has(slot)) {
      updates.push({ slot, value: null });
    } else if (input.value !== "") {
      // Secrets are sent exactly as typed: a password may legitimately contain spaces.
      updates.push({ slot, value: input.value });
    }
  }
  return updates;
}

export function buildDraft(form: EditorForm, storedSecrets: readonly SecretSlot[]): ProfileDraft {
  return {
    id: form.id,
    name: form.name.trim(),
    environment: form.environment,
    kafka: kafkaSettings(form.kafka),
    schemaRegistry: httpEndpoint(form.schemaRegistry),
    flink: httpEndpoint(form.flink),
    secrets: secretUpdates(form, new Set(storedSecrets)),
  };
}
