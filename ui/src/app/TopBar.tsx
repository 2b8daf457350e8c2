// The strip above the main area: what the user is looking at, the app version and
// the role the backend says this user has (the backend enforces it; this only shows it).
import type { Role } from "../bindings/Role";
import { useAppInfo } from "./appInfo";

const ROLE_LABELS: Record<Role, string> = {
  developer: "Developer",
  support: "Support",
  troubleshooter: "Troubleshooter",
  admin: "Admin",
};

export function TopBar({ title }: { title: string }) {
  const { data: info } = useAppInfo();
  return (
    <header className="top-bar">
      <h1 className="top-bar__title">{title}</h1>
      <div className="top-bar__meta">
        {info ? (
          <>
            <span className="role-chip" title={`Data: ${info.dataDir}\nLog: ${info.logFile}`}>
              Role: <strong>{ROLE_LABELS[info.role]}</strong>
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
