import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "rrweb/dist/style.css";
import "./styles.css";
import { App } from "./app";

const rootElement = document.getElementById("root");
if (rootElement === null) {
  throw new Error("index.html has no #root element");
}
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
