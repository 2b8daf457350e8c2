// Where the user last was inside each connection — its tab, the topic, group, subject or job
// open there and that one's tab — so that picking another connection and coming back returns
// to the same place instead of the connection's first tab. Plain data, kept beside the
// Back/Forward history and saved with the window's session; knows nothing of React or storage.
import type { View } from "./navigation";
import { parseView } from "./viewCodec";
import { sameView } from "./viewHistory";

/** A view inside one connection: the kinds a place can be. */
export type PlaceView = Extract<View, { kind: "connection" | "topic" | "group" | "subject" | "job" }>;

/** Connection id → the last view inside it, least recently changed first. */
export type Places = ReadonlyMap<string, PlaceView>;

/** Places kept at most, forgetting the least recently changed first. */
export const PLACES_LIMIT = 50;

export const NO_PLACES: Places = new Map();

/** `view` when it is inside a connection (the connection editor is not a place). */
export function asPlace(view: View): PlaceView | null {
  switch (view.kind) {
    case "connection":
    case "topic":
    case "group":
    case "subject":
    case "job":
      return view;
    case "home":
    case "new-connection":
    case "edit-connection":
    case "audit":
    case "policy":
    case "settings":
    case "recording":
      return null;
  }
}

/** `places` with `view` as its connection's place; the same map when nothing changes. */
export function rememberPlace(places: Places, view: View, limit = PLACES_LIMIT): Places {
  const place = asPlace(view);
  if (place === null) return places;
  const known = places.get(place.id);
  if (known !== undefined && sameView(known, place)) return places;
  const next = new Map(places);
  next.delete(place.id);
  next.set(place.id, place);
  for (const id of next.keys()) {
    if (next.size <= limit) break;
    next.delete(id);
  }
  return next;
}

/**
 * Where picking connection `id` goes from `current`: its place, or its first tab when it has
 * none. Picking the connection already shown goes to its first tab, as before places existed:
 * the way back to its start.
 */
export function connectionTarget(places: Places, current: View, id: string): View {
  if (asPlace(current)?.id === id) return { kind: "connection", id };
  return places.get(id) ?? { kind: "connection", id };
}

/** `places` without the connections not in `ids` (deleted ones); the same map when none go. */
export function keepPlaces(places: Places, ids: ReadonlySet<string>): Places {
  if ([...places.keys()].every((id) => ids.has(id))) return places;
  return new Map([...places].filter(([id]) => ids.has(id)));
}

/** For JSON: the places as a list of views (each names its connection). */
export function placesToJson(places: Places): PlaceView[] {
  return [...places.values()];
}

/** Places read back from JSON; whatever is not a valid place is left out. */
export function parsePlaces(value: unknown, limit = PLACES_LIMIT): Places {
  if (!Array.isArray(value)) return NO_PLACES;
  let places: Places = NO_PLACES;
  for (const item of value as unknown[]) {
    const view = parseView(item);
    if (view !== null) places = rememberPlace(places, view, limit);
  }
  return places;
}
