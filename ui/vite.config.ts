// Vite build + dev server for the Tauri window, and the Vitest setup for unit tests.
// The dev port (1420) is the one tauri.conf.json's devUrl points at; keep them in step.
/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs so the bundle loads from Tauri's custom protocol.
  base: "./",
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    watch: { ignored: ["**/src-tauri/**"] },
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
  },
});
