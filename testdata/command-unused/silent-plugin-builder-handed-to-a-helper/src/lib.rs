// silent: the plugin's builder is made in `build` and handed to a helper that installs the commands, so they are `plugin:vault|...`, which the guest code invokes.
use tauri::{
    plugin::{Builder as PluginBuilder, TauriPlugin},
    Runtime,
};

#[tauri::command]
fn unlock(password: String) -> bool {
    !password.is_empty()
}

#[tauri::command]
fn lock() {}

pub struct Builder {
    timeout_secs: u64,
}

impl Builder {
    pub fn new(timeout_secs: u64) -> Self {
        Self { timeout_secs }
    }

    pub fn build<R: Runtime>(self) -> TauriPlugin<R> {
        let timeout_secs = self.timeout_secs;
        let plugin_builder = PluginBuilder::new("vault").setup(move |_app, _api| {
            let _ = timeout_secs;
            Ok(())
        });
        Builder::install_commands(plugin_builder)
    }

    fn install_commands<R: Runtime>(builder: PluginBuilder<R>) -> TauriPlugin<R> {
        builder
            .invoke_handler(tauri::generate_handler![unlock, lock])
            .build()
    }
}
