// Entry point: mounts the app.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app";
// The stylesheets, in cascade order: the base first, then building blocks, then each screen's own.
import "./styles/base.css";
import "./styles/shell.css";
import "./styles/layout-and-forms.css";
import "./styles/feedback-and-tables.css";
import "./styles/auth-and-onboarding.css";
import "./styles/knowledge.css";
import "./styles/chats.css";
import "./styles/inbox.css";
import "./styles/widget-preview.css";
import "./styles/channels-and-charts.css";
import "./styles/records.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
