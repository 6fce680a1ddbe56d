use std::sync::Mutex;

use serde::Serialize;

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Note {
    pub id: u32,
    pub user_id: u32,
    pub body: String,
    pub archived: bool,
}

#[derive(Default)]
pub struct NoteStore {
    notes: Mutex<Vec<Note>>,
}

impl NoteStore {
    pub fn all(&self) -> Vec<Note> {
        self.notes.lock().map(|notes| notes.clone()).unwrap_or_default()
    }

    pub fn for_user(&self, user_id: u32) -> Vec<Note> {
        self.all().into_iter().filter(|note| note.user_id == user_id).collect()
    }

    pub fn find(&self, id: u32) -> Option<Note> {
        self.all().into_iter().find(|note| note.id == id)
    }

    pub fn count(&self) -> usize {
        self.notes.lock().map(|notes| notes.len()).unwrap_or(0)
    }

    pub fn update(&self, id: u32, change: impl FnOnce(&mut Note)) -> Result<(), String> {
        let mut notes = self.notes.lock().map_err(|error| error.to_string())?;
        let note = notes.iter_mut().find(|note| note.id == id).ok_or("no such note")?;
        change(note);
        Ok(())
    }

    pub fn remove(&self, id: u32) -> Result<(), String> {
        let mut notes = self.notes.lock().map_err(|error| error.to_string())?;
        notes.retain(|note| note.id != id);
        Ok(())
    }
}
