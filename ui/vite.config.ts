// Vite build + dev server for the Tauri window, and the Vitest setup for unit tests.
// The dev port (1420) is the one tauri.conf.json's devUrl points at; keep them in step.
/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";

/**
 * d3-color (React Flow → d3-zoom → d3-interpolate) sets `constructor` and `toString` on
 * prototypes by assignment. The window freezes Object.prototype (tauri.conf.json:
 * freezePrototype), where those names are read-only, so the assignment throws ("Cannot
 * assign to read only property 'constructor'") and the module fails to load. Defining the
 * properties instead gives the same objects, frozen or not. Applied to the build, to the dev
 * server's dependency pre-bundling and to the unit tests (which freeze it too); fails loudly
 * if a new d3-color no longer has the code it fixes.
 */
const D3_COLOR_FIXES: readonly (readonly [string, string])[] = [
  [
    "prototype.constructor = constructor;",
    'Object.defineProperty(prototype, "constructor", { value: constructor, writable: true, enumerable: true, configurable: true });',
  ],
  [
    "for (var key in definition) prototype[key] = definition[key];",
    "for (var key in definition) Object.defineProperty(prototype, key, { value: definition[key], writable: true, enumerable: true, configurable: true });",
  ],
];

function d3ColorOnFrozenPrototype(): Plugin {
  return {
    name: "streamlens:d3-color-frozen-prototype",
    transform(code, id) {
      if (!/[\\/]d3-color[\\/].*\.m?js(\?|$)/.test(id)) return null;
      let fixed = code;
      for (const [from, to] of D3_COLOR_FIXES) {
        if (!fixed.includes(from)) throw new Error(`${id} no longer contains "${from}": review D3_COLOR_FIXES in vite.config.ts`);
        fixed = fixed.replace(from, to);
      }
      return { code: fixed, map: null };
    },
  };
}

export default defineConfig({
  plugins: [react(), d3ColorOnFrozenPrototype()],
  // Relative asset URLs so the bundle loads from Tauri's custom protocol.
  base: "./",
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    watch: { ignored: ["**/src-tauri/**"] },
  },
  optimizeDeps: {
    rolldownOptions: { plugins: [d3ColorOnFrozenPrototype()] },
  },
  envPrefix: ["VITE_", "TAURI_ENV_"],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // WebKitGTK / WKWebView / WebView2 of supported OS versions all handle ES2022.
    target: "es2022",
    sourcemap: false,
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    css: false,
    mockReset: true,
    restoreMocks: true,
    unstubGlobals: true,
    // Through Vite's transforms (not loaded by Node as-is), so the d3-color fix applies: the
    // whole chain that imports it, or Node would load the unfixed module itself.
    server: { deps: { inline: [/[\\/]@xyflow[\\/]/, /[\\/]d3-[a-z]+[\\/]/] } },
  },
});
