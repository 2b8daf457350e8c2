// Entry point: mounts this window of the app (the main one, or a view opened in a window of
// its own) inside its providers.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppWindow } from "./app/AppWindow";
import { MAIN_WINDOW } from "./app/windowSession";
import { currentWindowLabel } from "./platform";
import "./styles/theme.css";
import "./styles/controls.css";
import "./styles/data.css";

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");

function windowLabel(): string {
  try {
    return currentWindowLabel();
  } catch {
    // Outside Tauri (a browser on the dev server) there is only this window.
    return MAIN_WINDOW;
  }
}

createRoot(root).render(
  <StrictMode>
    <AppWindow label={windowLabel()} search={window.location.search} />
  </StrictMode>,
);
