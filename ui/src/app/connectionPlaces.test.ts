// The place per connection: which views are places, remembering (same map when nothing
// changes, the oldest forgotten past the limit), where picking a connection goes, dropping
// deleted connections, and reading places back from JSON.
import { describe, expect, it } from "vitest";
import {
  connectionTarget,
  keepPlaces,
  NO_PLACES,
  parsePlaces,
  placesToJson,
  rememberPlace,
  type Places,
} from "./connectionPlaces";
import type { View } from "./navigation";

const TOPIC: View = { kind: "topic", id: "a", topic: "demo.orders", topicTab: "partitions" };
const JOB: View = { kind: "job", id: "b", jobId: "3d30" };

function through(...views: View[]): Places {
  return views.reduce((places, view) => rememberPlace(places, view), NO_PLACES);
}

describe("rememberPlace", () => {
  it("keeps the last view inside each connection", () => {
    const places = through({ kind: "connection", id: "a", tab: "groups" }, TOPIC, { kind: "home" }, JOB, { kind: "settings" });
    expect(places.get("a")).toEqual(TOPIC);
    expect(places.get("b")).toEqual(JOB);
    expect(places.size).toBe(2);
  });

  it("ignores views outside a connection, the connection editor included", () => {
    const places = through(TOPIC);
    for (const view of [{ kind: "home" }, { kind: "edit-connection", id: "a" }, { kind: "recording", path: "/r" }] as View[]) {
      expect(rememberPlace(places, view)).toBe(places);
    }
  });

  it("returns the same map for the place it already holds, whatever the key order", () => {
    const places = through(TOPIC);
    expect(rememberPlace(places, { topicTab: "partitions", topic: "demo.orders", id: "a", kind: "topic" })).toBe(places);
  });

  it("forgets the least recently changed connection past the limit", () => {
    let places = NO_PLACES;
    for (const id of ["a", "b", "c"]) places = rememberPlace(places, { kind: "connection", id }, 2);
    expect([...places.keys()]).toEqual(["b", "c"]);
    places = rememberPlace(places, { kind: "connection", id: "b", tab: "cluster" }, 2);
    places = rememberPlace(places, { kind: "connection", id: "d" }, 2);
    expect([...places.keys()]).toEqual(["b", "d"]);
  });
});

describe("connectionTarget", () => {
  it("goes to another connection's place, or its first tab when it has none", () => {
    const places = through(TOPIC, JOB);
    expect(connectionTarget(places, JOB, "a")).toEqual(TOPIC);
    expect(connectionTarget(places, { kind: "home" }, "b")).toEqual(JOB);
    expect(connectionTarget(places, JOB, "never-opened")).toEqual({ kind: "connection", id: "never-opened" });
  });

  it("goes to the first tab of the connection already on screen", () => {
    expect(connectionTarget(through(TOPIC), TOPIC, "a")).toEqual({ kind: "connection", id: "a" });
  });
});

describe("keepPlaces", () => {
  it("drops deleted connections and returns the same map when none are", () => {
    const places = through(TOPIC, JOB);
    expect(keepPlaces(places, new Set(["a", "b", "c"]))).toBe(places);
    expect([...keepPlaces(places, new Set(["b"])).keys()]).toEqual(["b"]);
  });
});

describe("parsePlaces", () => {
  it("round-trips through JSON", () => {
    const places = through(TOPIC, JOB);
    expect(parsePlaces(JSON.parse(JSON.stringify(placesToJson(places))))).toEqual(places);
  });

  it("leaves out what is not a place and survives anything", () => {
    const parsed = parsePlaces([TOPIC, { kind: "home" }, { kind: "topic", id: "x" }, null, "junk", JOB, { kind: "connection", id: "a" }]);
    expect(parsed.get("a")).toEqual({ kind: "connection", id: "a" });
    expect(parsed.get("b")).toEqual(JOB);
    expect(parsed.size).toBe(2);
    for (const value of [null, {}, "[]", 3, { a: TOPIC }]) expect(parsePlaces(value)).toBe(NO_PLACES);
  });
});
