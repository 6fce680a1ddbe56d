// fires: the struct reads camelCase keys, but the web client sends `display_name`, so `displayName` is missing and the handler never runs
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProfileUpdate {
    pub display_name: String,
    pub avatar_url: Option<String>,
    #[serde(default)]
    pub bio: String,
}
