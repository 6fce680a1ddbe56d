import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";

const userId = localStorage.getItem("chatlite:user") ?? "guest";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App userId={userId} />
  </StrictMode>,
);
