// A subject's facts: its versions, the latest version's id and type, the compatibility
// level that applies (marked when it is the registry's global default), its mode, and the
// topics that use it — a link to the topic's messages when the connection has Kafka.
import type { ConnectionProfile } from "../../bindings/ConnectionProfile";
import type { SubjectDetail } from "../../bindings/SubjectDetail";
import { pluralize } from "../../components/format";
import { TopicLinks } from "../topics/TopicLink";
import { SCHEMA_TYPE_LABELS } from "./schemaText";

export function SubjectFacts({ profile, detail }: { profile: ConnectionProfile; detail: SubjectDetail }) {
  return (
    <dl className="fact-cards subject-facts">
      <div className="fact-card">
        <dt>Latest version</dt>
        <dd data-testid="subject-latest-version" data-value={detail.latest.version}>
          v{detail.latest.version}
          <span className="fact-card__extra">{pluralize(detail.versions.length, "version")}</span>
        </dd>
      </div>
      <div className="fact-card">
        <dt>Latest schema id</dt>
        <dd data-testid="subject-schema-id">{detail.latest.id}</dd>
      </div>
      <div className="fact-card">
        <dt>Type</dt>
        <dd className="mono" data-testid="subject-type" data-value={detail.latest.schemaType}>
          {SCHEMA_TYPE_LABELS[detail.latest.schemaType]}
        </dd>
      </div>
      <div className="fact-card">
        <dt>Compatibility</dt>
        <dd className="mono" data-testid="subject-compatibility" data-global={detail.compatibilityIsGlobal}>
          {detail.compatibility}
          {detail.compatibilityIsGlobal && (
            <span className="fact-card__extra" data-testid="compatibility-global">
              global default
            </span>
          )}
        </dd>
      </div>
      <div className="fact-card">
        <dt>Mode</dt>
        <dd className="mono" data-testid="subject-mode">
          {detail.mode}
        </dd>
      </div>
      <div className="fact-card fact-card--wide">
        <dt>Topics</dt>
        <dd className="mono" data-testid="subject-topics">
          {detail.topics.length === 0 ? (
            <span className="muted">none found</span>
          ) : (
            <TopicLinks profile={profile} topics={detail.topics} testId="subject-topic" />
          )}
        </dd>
      </div>
    </dl>
  );
}
