// The workspace policy (admin): where it is read from, whether it is the built-in one or a
// signed (managed) one, its SHA-256, and its TOML text in an editor with Check and Save. For
// any other role, including an admin viewing the app as a lower one, it says the policy is
// for admins (the backend refuses them anyway).
import { useAppInfo } from "../../app/appInfo";
import { ROLE_LABELS } from "../../app/roles";
import { InlineError } from "../../components/InlineError";
import { Spinner } from "../../components/Spinner";
import { canEditPolicy } from "./permissions";
import { PolicyEditor } from "./PolicyEditor";
import { PolicyFormat } from "./PolicyFormat";
import { usePolicyDocument } from "./queries";
import "./policy.css";

function PolicyDocumentView() {
  const policy = usePolicyDocument();
  const refetch = () => {
    void policy.refetch();
  };
  if (policy.data === undefined) {
    return policy.error !== null ? (
      <InlineError error={policy.error} onRetry={refetch} retrying={policy.isFetching} />
    ) : (
      <Spinner label="Reading the workspace policy…" />
    );
  }
  return (
    <div className="policy-layout">
      <PolicyEditor policy={policy.data} />
      <PolicyFormat />
    </div>
  );
}

export function PolicyView() {
  const info = useAppInfo().data;
  return (
    <section className="policy-view" data-testid="policy-view" aria-labelledby="policy-title">
      <header className="view-header">
        <div className="view-header__title">
          <h2 id="policy-title">Workspace policy</h2>
        </div>
      </header>
      <p className="policy-view__intro">
        Which role each user gets, what each role may do on which connections and topics, and what is masked. Saving puts
        the policy in force at once, for this app and the CLI, and writes a <code>policy_change</code> entry to the audit
        log.
      </p>
      {info === undefined ? (
        <Spinner label="Loading…" />
      ) : canEditPolicy(info.role) ? (
        <PolicyDocumentView />
      ) : (
        <p className="empty-state" data-testid="policy-not-allowed">
          The workspace policy is for admins; the app is viewed as {ROLE_LABELS[info.role]}.
        </p>
      )}
    </section>
  );
}
