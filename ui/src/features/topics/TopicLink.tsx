// A topic's name as the way to its detail (messages first) wherever another view names it:
// a schema subject's topics, a consumer group's, a Flink vertex's. Plain text when the
// connection has no Kafka part, where there is no topic view to open.
import { useNavigation } from "../../app/navigation";
import type { ConnectionProfile } from "../../bindings/ConnectionProfile";
import "./topicLinks.css";

interface TopicLinkProps {
  profile: ConnectionProfile;
  topic: string;
  testId: string;
}

export function TopicLink({ profile, topic, testId }: TopicLinkProps) {
  const { navigate } = useNavigation();
  if (profile.kafka === null) {
    return (
      <span className="mono" data-testid={testId} data-topic={topic}>
        {topic}
      </span>
    );
  }
  return (
    <button
      type="button"
      className="link-button mono"
      data-testid={testId}
      data-topic={topic}
      title={`Open ${topic}'s messages`}
      onClick={() => {
        navigate({ kind: "topic", id: profile.id, topic });
      }}
    >
      {topic}
    </button>
  );
}

/** Several topics, wrapping onto as many lines as they need. */
export function TopicLinks({ profile, topics, testId }: { profile: ConnectionProfile; topics: readonly string[]; testId: string }) {
  return (
    <ul className="topic-links">
      {topics.map((topic) => (
        <li key={topic}>
          <TopicLink profile={profile} topic={topic} testId={testId} />
        </li>
      ))}
    </ul>
  );
}
