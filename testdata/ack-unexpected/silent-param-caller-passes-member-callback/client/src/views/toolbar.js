import { archiveInbox } from "../api/projects";

export function onArchiveClick(toast) {
  archiveInbox((res) => toast(res.ok ? "archived" : "failed"));
}
