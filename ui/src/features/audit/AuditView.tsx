// The audit log (admin): the newest entries, a check of the hash chain and an export of
// every entry to a file. For any other role, including an admin viewing the app as a lower
// one, it says the log is for admins.
import { useState } from "react";
import { useAppInfo } from "../../app/appInfo";
import { ROLE_LABELS } from "../../app/roles";
import { pluralize } from "../../components/format";
import { InlineError } from "../../components/InlineError";
import { Spinner } from "../../components/Spinner";
import { AuditTable } from "./AuditTable";
import { VerifyChain } from "./AuditVerdict";
import { ExportAuditDialog } from "./ExportAuditDialog";
import { canViewAudit } from "./permissions";
import { AUDIT_LIMIT, useAuditEntries } from "./queries";
import "./audit.css";

function AuditLog({ dataDir }: { dataDir: string }) {
  const entries = useAuditEntries();
  const [exporting, setExporting] = useState(false);
  const refetch = () => {
    void entries.refetch();
  };
  const count = entries.data?.length;
  return (
    <>
      <div className="toolbar">
        <VerifyChain />
        <span className="toolbar__spacer" />
        {count !== undefined && (
          <span className="muted" data-testid="audit-summary">
            {count === AUDIT_LIMIT ? `The newest ${pluralize(count, "entry", "entries")}` : pluralize(count, "entry", "entries")}
          </span>
        )}
        <button
          type="button"
          className="button"
          data-testid="refresh-audit"
          disabled={entries.isFetching}
          onClick={refetch}
        >
          {entries.isFetching && entries.data !== undefined ? "Refreshing…" : "Refresh"}
        </button>
        <button
          type="button"
          className="button"
          data-testid="audit-export"
          onClick={() => {
            setExporting(true);
          }}
        >
          Export…
        </button>
      </div>
      {exporting && (
        <ExportAuditDialog
          dataDir={dataDir}
          onClose={() => {
            setExporting(false);
          }}
        />
      )}
      {entries.error !== null && <InlineError error={entries.error} onRetry={refetch} retrying={entries.isFetching} />}
      {entries.data === undefined ? (
        entries.isPending && <Spinner label="Reading the audit log…" />
      ) : entries.data.length === 0 ? (
        <p className="empty-state" data-testid="audit-empty">
          Nothing has been logged yet: the first browse, export, produce or offset reset will be.
        </p>
      ) : (
        <AuditTable entries={entries.data} />
      )}
    </>
  );
}

export function AuditView() {
  const info = useAppInfo().data;
  return (
    <section className="audit-view" data-testid="audit-view" aria-labelledby="audit-title">
      <header className="view-header">
        <div className="view-header__title">
          <h2 id="audit-title">Audit log</h2>
        </div>
      </header>
      <p className="audit-view__intro">
        Every data access (browse, export, produce, offset reset, policy change) is logged with who did it and under
        which role. Entries are append-only and hash-chained: each row&apos;s hash covers the row before it, so a row
        changed or removed outside the app breaks the chain.
      </p>
      {info === undefined ? (
        <Spinner label="Loading…" />
      ) : canViewAudit(info.role) ? (
        <AuditLog dataDir={info.dataDir} />
      ) : (
        <p className="empty-state" data-testid="audit-not-allowed">
          The audit log is for admins; the app is viewed as {ROLE_LABELS[info.role]}.
        </p>
      )}
    </section>
  );
}
