// The body of a tab whose connection lacks the part it needs (Kafka for the cluster, topics
// and groups; a Schema Registry for schemas): says so and offers to edit the connection.
import type { ReactNode } from "react";
import { useNavigation } from "../../app/navigation";
import type { ConnectionProfile } from "../../bindings/ConnectionProfile";

export function MissingPart({
  profile,
  testId,
  children,
}: {
  profile: ConnectionProfile;
  testId: string;
  children: ReactNode;
}) {
  const { navigate } = useNavigation();
  return (
    <div className="empty-state" data-testid={testId}>
      <p>{children}</p>
      <button
        type="button"
        className="button"
        onClick={() => {
          navigate({ kind: "edit-connection", id: profile.id });
        }}
      >
        Edit connection
      </button>
    </div>
  );
}
