// The left column: brand, the saved connections, "Add connection", the recordings (open one,
// those opened lately, the sample), the app's settings, diagnostics and, for admins, the
// audit log.
import { OpenAuditButton } from "../features/audit/OpenAuditButton";
import { CopyDiagnosticsButton } from "../features/diagnostics/CopyDiagnosticsButton";
import { ConnectionList } from "../features/connections/ConnectionList";
import { useConnections } from "../features/connections/queries";
import { RecordingsSection } from "../features/recordings/open/RecordingsSection";
import { OpenSettingsButton } from "../features/settings/OpenSettingsButton";
import { selectedConnectionId, useNavigation } from "./navigation";

export function Sidebar() {
  const { view, navigate } = useNavigation();
  const connections = useConnections();
  return (
    <nav className="sidebar" aria-label="Connections">
      <button
        type="button"
        className="sidebar__brand"
        onClick={() => {
          navigate({ kind: "home" });
        }}
      >
        <span className="sidebar__logo" aria-hidden="true" />
        Streamlens
      </button>
      <div className="sidebar__section">
        <h2 className="sidebar__heading" id="connections-heading">
          Connections
        </h2>
        {connections.isPending ? (
          <p className="sidebar__hint">Loading…</p>
        ) : (
          <ConnectionList
            connections={connections.data ?? []}
            selectedId={selectedConnectionId(view)}
            labelledBy="connections-heading"
            onSelect={(id) => {
              navigate({ kind: "connection", id });
            }}
          />
        )}
        <button
          type="button"
          className="button button--primary sidebar__add"
          data-testid="add-connection"
          onClick={() => {
            navigate({ kind: "new-connection" });
          }}
        >
          + Add connection
        </button>
      </div>
      <RecordingsSection />
      <div className="sidebar__footer">
        <OpenAuditButton />
        <OpenSettingsButton />
        <CopyDiagnosticsButton />
      </div>
    </nav>
  );
}
