// The view when no connection is selected: what Streamlens is for, how environment tags
// work, and the next step (add a first connection, or pick one from the sidebar) — or, with
// no cluster at hand, the bundled sample recording, which shows something real offline.
import { useNavigation } from "../../app/navigation";
import { EnvironmentBadge } from "../connections/EnvironmentBadge";
import { useConnections } from "../connections/queries";
import { useOpenSample } from "../recordings/open/useOpenSample";
import "./home.css";

const FEATURES = [
  {
    title: "Browse Kafka topics",
    text: "Read any topic from any offset or time, decoded through the Schema Registry (Avro, JSON Schema, Protobuf).",
  },
  {
    title: "PII masked by role",
    text: "Support staff see the same messages with personal data masked in the backend, before a byte reaches the window.",
  },
  {
    title: "Flink job graphs",
    text: "See a job's operators, back-pressure, checkpoints and exceptions without flooding the JobManager.",
  },
  {
    title: "Shareable recordings",
    text: "Record what a Flink job did into one file that a troubleshooter can open offline, masked and tamper-evident.",
  },
] as const;

export function HomeView() {
  const { navigate } = useNavigation();
  const { data: connections } = useConnections();
  const count = connections?.length;
  const sample = useOpenSample();

  return (
    <div className="home-view" data-testid="home-view">
      <section className="home-hero">
        <h2>Look inside Kafka and Flink without a blind spot</h2>
        <p className="home-hero__lead">
          Streamlens lets developers, support staff and troubleshooters inspect the same streaming platform,
          each seeing exactly what their role allows.
        </p>
        {count === undefined ? null : count === 0 ? (
          <button
            type="button"
            className="button button--primary button--large"
            data-testid="add-first-connection"
            onClick={() => {
              navigate({ kind: "new-connection" });
            }}
          >
            Add your first connection
          </button>
        ) : (
          <p className="home-hero__count" data-testid="connection-count">
            {count === 1 ? "1 connection" : `${count} connections`} saved. Pick one in the sidebar to see its
            details or test it.
          </p>
        )}
        <p className="home-hero__sample">
          <button
            type="button"
            className="button"
            data-testid="open-sample-recording"
            disabled={sample.pending}
            onClick={sample.open}
          >
            {sample.pending ? "Opening the sample…" : "Open the sample recording"}
          </button>{" "}
          <span className="muted">
            No cluster at hand? A minute of a flaky Flink job, recorded: its restarts, failed checkpoints and
            exceptions, and the customer records it read, masked.
          </span>
        </p>
      </section>

      <ul className="home-features">
        {FEATURES.map((feature) => (
          <li key={feature.title} className="home-feature">
            <h3>{feature.title}</h3>
            <p>{feature.text}</p>
          </li>
        ))}
      </ul>

      <section className="home-environments" aria-labelledby="environments-heading">
        <h3 id="environments-heading">Environment tags</h3>
        <p>Every connection is tagged with the environment it points at:</p>
        <dl>
          <dt>
            <EnvironmentBadge environment="dev" />
          </dt>
          <dd>Your own or a shared development cluster. No extra friction.</dd>
          <dt>
            <EnvironmentBadge environment="test" />
          </dt>
          <dd>Integration and staging systems that other people rely on.</dd>
          <dt>
            <EnvironmentBadge environment="prod" />
          </dt>
          <dd>
            Production. Destructive actions ask for confirmation (deleting the connection means typing its name),
            and data is masked by default.
          </dd>
        </dl>
      </section>
    </div>
  );
}
