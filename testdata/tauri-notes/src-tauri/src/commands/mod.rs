pub mod export;
pub mod notes;
pub mod settings;
pub mod theme;
