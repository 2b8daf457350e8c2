// The strip above the main area: Back and Forward, what the user is looking at, the way into
// the command palette, the app version and the role commands run under, which the user may
// switch to a lower one ("view as"). The backend enforces the role; this only shows and
// switches it.
import { paletteShortcut } from "../features/palette/usePaletteShortcut";
import { useAppInfo } from "./appInfo";
import { useNavigation } from "./navigation";
import { ViewAsSelect } from "./ViewAsSelect";

function HistoryButtons() {
  const { back, forward, canGoBack, canGoForward } = useNavigation();
  return (
    <div className="history-buttons">
      <HistoryButton label="Back" arrow="←" keys="Alt+ArrowLeft" enabled={canGoBack} onClick={back} />
      <HistoryButton label="Forward" arrow="→" keys="Alt+ArrowRight" enabled={canGoForward} onClick={forward} />
    </div>
  );
}

function HistoryButton(props: { label: "Back" | "Forward"; arrow: string; keys: string; enabled: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className="button button--ghost history-button"
      data-testid={`nav-${props.label.toLowerCase()}`}
      aria-label={props.label}
      aria-keyshortcuts={props.keys}
      title={`${props.label} (Alt+${props.arrow})`}
      disabled={!props.enabled}
      onClick={props.onClick}
    >
      <span aria-hidden="true">{props.arrow}</span>
    </button>
  );
}

export function TopBar({ title, onOpenPalette }: { title: string; onOpenPalette: () => void }) {
  const { data: info } = useAppInfo();
  const shortcut = paletteShortcut();
  return (
    <header className="top-bar">
      <div className="top-bar__start">
        <HistoryButtons />
        <h1 className="top-bar__title">{title}</h1>
      </div>
      <div className="top-bar__meta">
        <button
          type="button"
          className="button palette-button"
          data-testid="open-palette"
          aria-keyshortcuts={shortcut.aria}
          onClick={onOpenPalette}
        >
          Go to…
          <kbd className="palette-button__shortcut">{shortcut.label}</kbd>
        </button>
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
