// Vitest setup: DOM matchers, a clean DOM between tests, and the same frozen
// Object.prototype the app gets in the window (tauri.conf.json: freezePrototype), so a
// library that patches built-in prototypes fails here rather than only in the real app.
import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach } from "vitest";

Object.freeze(Object.prototype);

afterEach(() => {
  cleanup();
});
