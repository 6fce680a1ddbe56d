import { archiveInbox } from "../api/projects";

export class Wizard {
  constructor(onArchived) {
    this.onArchived = onArchived;
  }

  finish() {
    archiveInbox(this.onArchived);
  }
}
