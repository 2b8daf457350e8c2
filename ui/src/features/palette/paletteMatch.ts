// How the palette ranks what the user typed against a name: the whole name beats a prefix,
// which beats a match at a word's start, which beats one inside a word, which beats the
// letters merely in order ("ordpay" finds "orders.payments", tighter first). Within a tier
// the caller's order stands (names sorted, a connection's tabs in tab order). Pure and
// allocation-light: it runs over every topic of a cluster (thousands) on each key press.

// Tiers far enough apart that the letters-in-order bonus (at most 999) stays in its own.
const EXACT = 5_000;
const PREFIX = 4_000;
const WORD_START = 3_000;
const INSIDE = 2_000;
const IN_ORDER = 1_000;

function isWordStart(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.charAt(at - 1);
  const here = text.charAt(at);
  if (!/[\p{L}\p{N}]/u.test(before)) return true;
  // camelCase: "OrdersPipeline" has a word at "Pipeline".
  return before === before.toLowerCase() && here !== here.toLowerCase();
}

/** The tightest window holding `needle`'s letters in order, or null when they are not there. */
function inOrderSpan(haystack: string, needle: string): { start: number; length: number } | null {
  let at = 0;
  for (const char of needle) {
    const found = haystack.indexOf(char, at);
    if (found === -1) return null;
    at = found + 1;
  }
  // Walk back from the end of the first complete match to its latest possible start.
  const end = at - 1;
  let start = end;
  for (let i = needle.length - 1, j = end; i >= 0; i -= 1) {
    const found = haystack.lastIndexOf(needle.charAt(i), j);
    start = found;
    j = found - 1;
  }
  return { start, length: end - start + 1 };
}

/**
 * How well `query` matches `text`: null for no match, higher is better; an empty query
 * matches everything equally. Case is ignored; spaces in the query match anything.
 */
export function matchScore(text: string, query: string): number | null {
  const needle = query.trim().toLowerCase();
  if (needle === "") return 0;
  const haystack = text.toLowerCase();
  const at = haystack.indexOf(needle);
  if (at === 0) return haystack.length === needle.length ? EXACT : PREFIX;
  if (at > 0) {
    // A later occurrence may start a word even when the first does not.
    for (let from = at; from !== -1; from = haystack.indexOf(needle, from + 1)) {
      if (isWordStart(text, from)) return WORD_START;
    }
    return INSIDE;
  }
  const letters = needle.replace(/\s+/g, "");
  const span = inOrderSpan(haystack, letters);
  if (span === null) return null;
  // Tighter and earlier windows first.
  return IN_ORDER - Math.min(999, (span.length - letters.length) * 8 + span.start);
}

export interface Ranked<T> {
  /** The best `limit` matches, best first (ties keep the input's order). */
  shown: T[];
  /** How many matched in all. */
  total: number;
}

/** Ranks `items` by `matchScore` of their text; an empty query keeps the input's order. */
export function rankMatches<T>(items: readonly T[], textOf: (item: T) => string, query: string, limit: number): Ranked<T> {
  if (query.trim() === "") return { shown: items.slice(0, limit), total: items.length };
  const scored: { item: T; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    const score = matchScore(textOf(item), query);
    if (score !== null) scored.push({ item, score, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return { shown: scored.slice(0, limit).map(({ item }) => item), total: scored.length };
}
