// Ranking what was typed: whole name over prefix over word start over inside over letters
// in order, the input's order within a tier, no match at all left out, the shown/total split.
import { describe, expect, it } from "vitest";
import { matchScore, rankMatches } from "./paletteMatch";

const rank = (items: string[], query: string, limit = 50) => rankMatches(items, (s) => s, query, limit);

describe("matchScore", () => {
  it("matches everything equally for an empty query, and nothing without the letters", () => {
    expect(matchScore("demo.orders", "  ")).toBe(0);
    expect(matchScore("demo.orders", "xyz")).toBeNull();
    expect(matchScore("demo.orders", "sredro")).toBeNull();
  });

  it("ranks the whole name over a prefix over a word start over a match inside a word over letters in order", () => {
    expect(matchScore("ORD", "ord")).toBeGreaterThan(matchScore("orders.v2", "ord") ?? Infinity);
    const prefix = matchScore("orders.v2", "ord");
    const wordStart = matchScore("demo.orders", "ord");
    const camel = matchScore("NightlyOrders", "ord");
    const inside = matchScore("recordset", "ord");
    const inOrder = matchScore("o-r-d", "ord");
    expect(prefix).toBeGreaterThan(wordStart ?? Infinity);
    expect(camel).toBe(wordStart);
    expect(wordStart).toBeGreaterThan(inside ?? Infinity);
    expect(inside).toBeGreaterThan(inOrder ?? Infinity);
    expect(inOrder).toBeGreaterThan(0);
  });

  it("ignores case and lets spaces in the query stand for anything", () => {
    expect(matchScore("Local › Consumer groups", "local groups")).not.toBeNull();
    expect(matchScore("DEMO.ORDERS", "demo.orders")).toBe(matchScore("demo.orders", "DEMO.orders"));
  });

  it("prefers the tighter window among letters in order", () => {
    expect(matchScore("orders.payments", "ordpay")).toBeGreaterThan(matchScore("o.r.d.e.r.s.payments", "ordpay") ?? Infinity);
  });
});

describe("rankMatches", () => {
  it("keeps the input's order for an empty query, cut at the limit, with the total", () => {
    expect(rank(["c", "a", "b"], "", 2)).toEqual({ shown: ["c", "a"], total: 3 });
  });

  it("orders by tier, the input's order within one, and counts every match", () => {
    const items = ["payments.orders.dlq", "audit", "orders.v2", "recorder", "demo.orders", "orders", "o.r.d"];
    expect(rank(items, "orders")).toEqual({
      shown: ["orders", "orders.v2", "payments.orders.dlq", "demo.orders"],
      total: 4,
    });
    expect(rank(items, "ord", 3)).toEqual({ shown: ["orders.v2", "orders", "payments.orders.dlq"], total: 6 });
    expect(rank(items, "ord").shown.slice(-2)).toEqual(["recorder", "o.r.d"]);
  });

  it("ranks ten thousand names, showing only the limit", () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `team-${String(i % 37)}.events.v${String(i)}`);
    const { shown, total } = rank(names, "t5ev", 50);
    expect(shown).toHaveLength(50);
    expect(total).toBeGreaterThan(50);
  });
});
