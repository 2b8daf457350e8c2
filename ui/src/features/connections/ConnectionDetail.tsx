// The main view for one saved connection: what it points at, which secrets are
// stored, and the actions Edit, Delete and Test connection (with its results).
import { useState } from "react";
import { useReportError } from "../../app/AppProviders";
import { useNavigation } from "../../app/navigation";
import { Spinner } from "../../components/Spinner";
import { DeleteConnectionDialog } from "./DeleteConnectionDialog";
import { EnvironmentBadge } from "./EnvironmentBadge";
import { ENVIRONMENT_LABELS } from "./labels";
import { PartSummaries, StoredSecrets } from "./PartSummaries";
import { ProbeResults } from "./ProbeResults";
import { useConnection, useDeleteConnection, useTestConnection } from "./queries";
import "./connections.css";

export function ConnectionDetail({ id }: { id: string }) {
  const { navigate } = useNavigation();
  const reportError = useReportError();
  const { data: profile, isPending } = useConnection(id);
  const probe = useTestConnection();
  const remove = useDeleteConnection();
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  if (isPending) return <Spinner label="Loading connection…" />;
  if (!profile) {
    return (
      <div className="empty-state">
        <p>This connection no longer exists.</p>
        <button
          type="button"
          className="button"
          onClick={() => {
            navigate({ kind: "home" });
          }}
        >
          Back to home
        </button>
      </div>
    );
  }

  const runTest = () => {
    probe.mutate(profile.id, { onError: reportError });
  };

  const confirmDelete = () => {
    remove.mutate(profile.id, {
      onSuccess: () => {
        setConfirmingDelete(false);
        navigate({ kind: "home" });
      },
      onError: (error) => {
        setConfirmingDelete(false);
        reportError(error);
      },
    });
  };

  return (
    <article className="connection-detail" aria-labelledby="connection-title">
      <header className="view-header">
        <div className="view-header__title">
          <h2 id="connection-title" data-testid="connection-title">
            {profile.name}
          </h2>
          <EnvironmentBadge environment={profile.environment} />
          <span className="muted">{ENVIRONMENT_LABELS[profile.environment]}</span>
        </div>
        <div className="view-header__actions">
          <button
            type="button"
            className="button button--primary"
            data-testid="test-connection"
            disabled={probe.isPending}
            onClick={runTest}
          >
            Test connection
          </button>
          <button
            type="button"
            className="button"
            data-testid="edit-connection"
            onClick={() => {
              navigate({ kind: "edit-connection", id: profile.id });
            }}
          >
            Edit
          </button>
          <button
            type="button"
            className="button button--danger-outline"
            data-testid="delete-connection"
            onClick={() => {
              setConfirmingDelete(true);
            }}
          >
            Delete
          </button>
        </div>
      </header>

      <PartSummaries profile={profile} />
      <StoredSecrets profile={profile} />

      <section className="probe-panel" aria-label="Connection test">
        {probe.isPending ? (
          <Spinner label="Testing connection…" />
        ) : probe.data ? (
          <ProbeResults report={probe.data} />
        ) : (
          <p className="muted">
            Test connection checks that each configured part answers and that it is what it claims to be.
          </p>
        )}
      </section>

      {confirmingDelete && (
        <DeleteConnectionDialog
          profile={profile}
          deleting={remove.isPending}
          onConfirm={confirmDelete}
          onCancel={() => {
            setConfirmingDelete(false);
          }}
        />
      )}
    </article>
  );
}
