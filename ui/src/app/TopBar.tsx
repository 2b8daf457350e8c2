// The strip above the main area: what the user is looking at, the app version and the
// role commands run under, which the user may switch to a lower one ("view as"). The
// backend enforces the role; this only shows and switches it.
import { useAppInfo } from "./appInfo";
import { ViewAsSelect } from "./ViewAsSelect";

export function TopBar({ title }: { title: string }) {
  const { data: info } = useAppInfo();
  return (
    <header className="top-bar">
      <h1 className="top-bar__title">{title}</h1>
      <div className="top-bar__meta">
        {info ? (
          <>
            <span
              className="role-chip"
              data-testid="role-chip"
              data-role={info.role}
              title={`Data: ${info.dataDir}\nLog: ${info.logFile}`}
            >
              Role: <ViewAsSelect role={info.role} />
            </span>
            <span className="version">
              v<span data-testid="app-version">{info.version}</span>
            </span>
          </>
        ) : (
          <span className="version version--loading">Loading…</span>
        )}
      </div>
    </header>
  );
}
