// The coloured dev/test/prod tag shown wherever a connection is named.
import type { Environment } from "../../bindings/Environment";
import { ENVIRONMENT_LABELS } from "./labels";

export function EnvironmentBadge({ environment }: { environment: Environment }) {
  return (
    <span
      className={`env-badge env-badge--${environment}`}
      title={ENVIRONMENT_LABELS[environment]}
      data-environment={environment}
    >
      {environment}
    </span>
  );
}
