import { archiveProject } from "../api/projects";

export function archiveInbox(team) {
  archiveProject(`${team}:inbox`);
}
