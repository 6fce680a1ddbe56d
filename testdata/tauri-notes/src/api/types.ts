export interface Note {
  id: number;
  userId: number;
  body: string;
  archived: boolean;
}

export interface Settings {
  theme: string;
  syncEnabled: boolean;
}

export interface SyncStatus {
  lastSync: number | null;
  pending: number;
}

export interface ExportProgress {
  done: number;
  total: number;
}
