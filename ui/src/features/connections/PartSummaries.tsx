// A read-only summary of a saved profile: the three parts (Kafka, Schema Registry,
// Flink) and which secrets the keyring holds for it. Secret values never reach the UI.
import type { ConnectionProfile } from "../../bindings/ConnectionProfile";
import type { HttpEndpoint } from "../../bindings/HttpEndpoint";
import type { KafkaSettings } from "../../bindings/KafkaSettings";
import {
  HTTP_AUTH_LABELS,
  SASL_MECHANISM_LABELS,
  SECRET_SLOT_LABELS,
  SECURITY_PROTOCOL_LABELS,
  usesSasl,
  usesTls,
} from "./labels";

function NotConfigured() {
  return <p className="part-card__empty">Not configured</p>;
}

function KafkaSummary({ kafka }: { kafka: KafkaSettings }) {
  return (
    <dl className="part-card__facts">
      <dt>Bootstrap servers</dt>
      <dd className="mono">
        {kafka.bootstrapServers.split(",").map((server, index) => (
          <span key={`${String(index)}-${server}`} className="part-card__servers">
            {server.trim()}
          </span>
        ))}
      </dd>
      <dt>Security</dt>
      <dd>
        {SECURITY_PROTOCOL_LABELS[kafka.securityProtocol]}
        {usesSasl(kafka.securityProtocol) &&
          ` · ${SASL_MECHANISM_LABELS[kafka.saslMechanism]} as ${kafka.saslUsername ?? "(no user)"}`}
      </dd>
      {usesTls(kafka.securityProtocol) && (
        <>
          <dt>TLS</dt>
          <dd>
            {kafka.tls.caPem !== null ? "Custom CA" : "System CAs"}
            {kafka.tls.clientCertPem !== null && " · client certificate"}
            {kafka.tls.verifyHostname ? "" : " · hostname NOT verified"}
          </dd>
        </>
      )}
    </dl>
  );
}

function EndpointSummary({ endpoint }: { endpoint: HttpEndpoint }) {
  return (
    <dl className="part-card__facts">
      <dt>URL</dt>
      <dd className="mono">{endpoint.url}</dd>
      <dt>Authentication</dt>
      <dd>
        {endpoint.auth === "basic"
          ? `Basic, as ${endpoint.username ?? "(no user)"}`
          : HTTP_AUTH_LABELS[endpoint.auth]}
      </dd>
      {endpoint.caPem !== null && (
        <>
          <dt>TLS</dt>
          <dd>Custom CA</dd>
        </>
      )}
    </dl>
  );
}

export function PartSummaries({ profile }: { profile: ConnectionProfile }) {
  return (
    <div className="part-cards">
      <section className="part-card" aria-label="Kafka">
        <h3 className="part-card__title">Kafka</h3>
        {profile.kafka ? <KafkaSummary kafka={profile.kafka} /> : <NotConfigured />}
      </section>
      <section className="part-card" aria-label="Schema Registry">
        <h3 className="part-card__title">Schema Registry</h3>
        {profile.schemaRegistry ? <EndpointSummary endpoint={profile.schemaRegistry} /> : <NotConfigured />}
      </section>
      <section className="part-card" aria-label="Flink">
        <h3 className="part-card__title">Flink</h3>
        {profile.flink ? <EndpointSummary endpoint={profile.flink} /> : <NotConfigured />}
      </section>
    </div>
  );
}

export function StoredSecrets({ profile }: { profile: ConnectionProfile }) {
  return (
    <section className="stored-secrets" aria-label="Stored secrets">
      <h3>Secrets in the OS keyring</h3>
      {profile.storedSecrets.length === 0 ? (
        <p className="muted">No secrets stored for this connection.</p>
      ) : (
        <ul className="stored-secrets__list">
          {profile.storedSecrets.map((slot) => (
            <li key={slot} data-secret-slot={slot}>
              <span className="stored-secrets__dot" aria-hidden="true" />
              {SECRET_SLOT_LABELS[slot]}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
