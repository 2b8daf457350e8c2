// The sidebar's Recordings section: "Open recording…", the few recordings opened last (the
// one on screen highlighted) and the bundled sample. Every role may open recordings.
import { useNavigation } from "../../../app/navigation";
import { useRecentRecordings } from "../recentRecordings";
import { OpenRecordingButton } from "./OpenRecordingButton";
import { useOpenSample } from "./useOpenSample";
import "./open.css";

/** Recent recordings listed in the sidebar (the dialog lists more). */
const IN_SIDEBAR = 4;

export function RecordingsSection() {
  const { view, navigate } = useNavigation();
  const recent = useRecentRecordings();
  const sample = useOpenSample();
  const current = view.kind === "recording" ? view.path : null;
  return (
    <div className="sidebar__section sidebar__section--recordings" data-testid="sidebar-recordings">
      <h2 className="sidebar__heading" id="recordings-heading">
        Recordings
      </h2>
      {recent.length > 0 && (
        <ul className="sidebar__recent" aria-labelledby="recordings-heading">
          {recent.slice(0, IN_SIDEBAR).map((entry) => (
            <li key={entry.path}>
              <button
                type="button"
                className="sidebar__recent-item"
                data-testid="recent-recording"
                data-path={entry.path}
                title={entry.path}
                aria-current={entry.path === current ? "page" : undefined}
                onClick={() => {
                  navigate({ kind: "recording", path: entry.path });
                }}
              >
                <span className="sidebar__recent-name">{entry.jobName}</span>
                <span className="sidebar__recent-file muted">{entry.path.split(/[\\/]/).at(-1)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="sidebar__recording-actions">
        <OpenRecordingButton className="button button--ghost sidebar__recording-action" />
        <button
          type="button"
          className="button button--ghost sidebar__recording-action"
          data-testid="sidebar-sample-recording"
          disabled={sample.pending}
          onClick={sample.open}
        >
          Sample recording
        </button>
      </div>
    </div>
  );
}
