// Bringing a window back as it was when the app last closed: its view and its places per
// connection, from its saved session (windowSession.ts). A view that no longer makes sense —
// its connection was deleted, its recording no longer opens — becomes Home, quietly: the
// user did not ask for it this time. Never rejects; lookups that fail count as "gone".
import { keepPlaces, NO_PLACES, type Places } from "./connectionPlaces";
import { selectedConnectionId, type View } from "./navigation";
import { viewFromQuery } from "./viewCodec";
import { MAIN_WINDOW, readSession, webStorage } from "./windowSession";

export interface RestoreLookups {
  /** The ids of the saved connections. */
  connectionIds: () => Promise<ReadonlySet<string>>;
  /** Whether the recording at `path` opens. */
  recordingOpens: (path: string) => Promise<boolean>;
}

export interface RestoredWindow {
  view: View;
  places: Places;
  /** A secondary window's name (its topic's or job's), as saved. */
  name: string | null;
}

const HOME: View = { kind: "home" };

/** `view` while it still makes sense — its connection exists, its recording opens — else Home. */
export async function checkView(view: View, lookups: RestoreLookups): Promise<View> {
  try {
    const id = selectedConnectionId(view);
    if (id !== null) return (await lookups.connectionIds()).has(id) ? view : HOME;
    if (view.kind === "recording") return (await lookups.recordingOpens(view.path)) ? view : HOME;
    return view;
  } catch {
    return HOME;
  }
}

/**
 * Window `label` as it was. The main window comes back from its saved session; a secondary one
 * from its saved session too (the latest view it showed), else from the view its URL names
 * (`search`: the page's location.search). Places of deleted connections are dropped.
 */
export async function restoreWindow(
  label: string,
  search: string,
  lookups: RestoreLookups,
  store = webStorage(),
): Promise<RestoredWindow> {
  const saved = readSession(label, store);
  const wanted = saved?.view ?? (label === MAIN_WINDOW ? null : viewFromQuery(search)) ?? HOME;
  const view = await checkView(wanted, lookups);
  let places = saved?.places ?? NO_PLACES;
  if (places.size > 0) {
    try {
      places = keepPlaces(places, await lookups.connectionIds());
    } catch {
      places = NO_PLACES;
    }
  }
  return { view, places, name: saved?.title ?? null };
}
