// The Kafka topics a source or sink vertex names, as links to the topics — when the
// connection has Kafka and one of its topics appears, whole, in the vertex's name or its
// chained operators' (the plan's description: "Source: demo.orders", "Sink: payments.out").
// Flink does not report a connector's topic, so this is the name match alone; no match,
// nothing shown. The topic names come from the Topics tab's own query and cache.
import { useMemo } from "react";
import type { ConnectionProfile } from "../../../bindings/ConnectionProfile";
import type { GraphVertex } from "../../../bindings/GraphVertex";
import type { TopicSummary } from "../../../bindings/TopicSummary";
import { TopicLinks } from "../../topics/TopicLink";
import { useTopics } from "../../topics/queries";

/** The characters a Kafka topic name is made of: a match must not continue into more of them. */
const TOPIC_CHAR = /[A-Za-z0-9._-]/;

function namesWhole(text: string, topic: string): boolean {
  for (let at = text.indexOf(topic); at !== -1; at = text.indexOf(topic, at + 1)) {
    if (!TOPIC_CHAR.test(text.charAt(at - 1)) && !TOPIC_CHAR.test(text.charAt(at + topic.length))) return true;
  }
  return false;
}

/** The (non-internal) topics named whole by the vertex: "orders" is not named by "orders-source". */
export function topicsNamedBy(vertex: Pick<GraphVertex, "name" | "operators">, topics: readonly TopicSummary[]): string[] {
  const texts = [vertex.name, ...vertex.operators.map((operator) => operator.name)];
  return topics.filter((t) => !t.internal && texts.some((text) => namesWhole(text, t.name))).map((t) => t.name);
}

export function VertexTopics({ profile, vertex }: { profile: ConnectionProfile; vertex: GraphVertex }) {
  const endpoint = profile.kafka !== null && (vertex.isSource || vertex.isSink);
  const topics = useTopics(profile.id, { enabled: endpoint });
  const named = useMemo(() => (topics.data === undefined ? [] : topicsNamedBy(vertex, topics.data)), [topics.data, vertex]);
  if (!endpoint || named.length === 0) return null;
  return (
    <div className="vertex-drawer__wide-fact">
      <dt>Kafka topics</dt>
      <dd data-testid="vertex-topics">
        <TopicLinks profile={profile} topics={named} testId="vertex-topic-link" />
      </dd>
    </div>
  );
}
