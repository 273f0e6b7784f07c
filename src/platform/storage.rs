//! The visitor's saved choices (language, zone) in `localStorage`. Storage
//! can be missing or refuse (private windows, sandboxed iframes, full
//! quota): then nothing is saved and nothing fails.

const PREFIX: &str = "citycal.";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The saved value for `key`, if any.
pub fn get(key: &str) -> Option<String> {
    local_storage()?.get_item(&format!("{PREFIX}{key}")).ok()?
}

/// Saves `value` under `key`; `false` when the browser refused.
pub fn set(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(&format!("{PREFIX}{key}"), value).is_ok())
}

/// Forgets `key`.
pub fn remove(key: &str) {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(&format!("{PREFIX}{key}"));
    }
}
