// Entry point: mounts the app frame inside its providers.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppFrame } from "./app/AppFrame";
import { AppProviders } from "./app/AppProviders";
import "./styles/theme.css";
import "./styles/controls.css";
import "./styles/data.css";

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <AppProviders>
      <AppFrame />
    </AppProviders>
  </StrictMode>,
);
