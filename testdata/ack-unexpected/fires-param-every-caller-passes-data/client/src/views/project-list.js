import { archiveProject } from "../api/projects";

export function onArchiveClick(row) {
  archiveProject(String(row.dataset.projectId));
}
