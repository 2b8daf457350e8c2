// The stylesheets' colours against the theme: every colour token has a dark value, and no
// feature stylesheet writes a colour of its own where a token belongs (a hard-coded white
// on a status fill was unreadable in the dark theme).
/// <reference types="node" />
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(__dirname, "..");
const THEME = readFileSync(join(__dirname, "theme.css"), "utf8");

/** The custom properties declared in the first rule whose selector is exactly `selector`. */
function tokensOf(selector: string): Map<string, string> {
  const start = THEME.indexOf(`${selector} {`);
  if (start === -1) throw new Error(`theme.css has no ${selector} rule`);
  const body = THEME.slice(start, THEME.indexOf("}", start));
  return new Map(Array.from(body.matchAll(/(--[a-z-]+):\s*([^;]+);/g), (m) => [m[1] ?? "", m[2] ?? ""]));
}

/** Colours meant to be the same in both themes: the logo's gradient. */
const SAME_IN_BOTH = ["linear-gradient(135deg, var(--accent), #21b1a4)"];

function cssFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return cssFiles(path);
    return name.endsWith(".css") ? [path] : [];
  });
}

describe("theme.css", () => {
  it("gives every colour token a dark value", () => {
    const light = tokensOf(":root");
    const dark = tokensOf(':root[data-theme="dark"]');
    const colours = [...light].filter(([, value]) => /#[0-9a-f]{3,8}\b|rgb\(/i.test(value)).map(([name]) => name);
    expect(colours.length).toBeGreaterThan(20);
    expect(colours.filter((name) => !dark.has(name))).toEqual([]);
    // And nothing dark that light lacks (a typo would go unnoticed).
    expect([...dark.keys()].filter((name) => !light.has(name))).toEqual([]);
  });

  it("is the only stylesheet that sets text or fill colours by value", () => {
    const offenders = cssFiles(SRC)
      .filter((path) => !path.endsWith("theme.css"))
      .flatMap((path) =>
        readFileSync(path, "utf8")
          .split("\n")
          .filter((line) => /^\s*(color|background(-color)?|border(-color)?)\s*:.*(#[0-9a-f]{3,8}\b|\b(white|black)\b)/i.test(line))
          .filter((line) => !SAME_IN_BOTH.some((allowed) => line.includes(allowed)))
          .map((line) => `${path.slice(SRC.length)}: ${line.trim()}`),
      );
    expect(offenders).toEqual([]);
  });
});
