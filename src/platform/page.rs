//! The hosting page: its URL and its document.

use web_sys::UrlSearchParams;

/// A query-string parameter of the current page, if present.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// Sets `<html lang>` and the document title.
pub fn set_language_and_title(lang: &str, title: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang);
    }
    document.set_title(title);
}
