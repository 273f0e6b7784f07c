//! The hosting page: its URL, its history and its document.
//!
//! The query string is Citycal's state (`docs/links.md`); this module only
//! reads and writes it. What the parameters mean is `citycal_core::query`.

use leptos::prelude::{window_event_listener, WindowListenerHandle};
use wasm_bindgen::JsValue;

/// The current query string, with its leading `?` (empty when there is none).
pub fn query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// This page's address with `query` (no `?`) in place of the current one:
/// what "copy link" copies and what feeds call the event's page.
pub fn url_with_query(query: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return String::new() };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    if query.is_empty() {
        format!("{origin}{path}{hash}")
    } else {
        format!("{origin}{path}?{query}{hash}")
    }
}

/// `url` resolved against `base` (the app's address in a script embed), or
/// left as it is (relative to the page) without one.
pub fn resolve(url: &str, base: Option<&str>) -> String {
    match base {
        Some(base) => web_sys::Url::new_with_base(url, base).map(|u| u.href()).unwrap_or_else(|_| url.to_owned()),
        None => url.to_owned(),
    }
}

/// The origin of the page embedding this one in an iframe, if any and known.
pub fn parent_origin() -> Option<String> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    if parent == window {
        return None;
    }
    // `location.ancestorOrigins` (Chromium, Safari), else the referrer's origin.
    let ancestors = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into()).ok();
    let first = ancestors.and_then(|a| js_sys::Reflect::get(&a, &0.into()).ok()).and_then(|o| o.as_string());
    let referrer = || {
        let referrer = window.document()?.referrer();
        web_sys::Url::new(&referrer).ok().map(|u| u.origin())
    };
    first.or_else(referrer).filter(|o| o != "null" && !o.is_empty())
}

/// Tells the parent page (at `origin`, never `*`) how tall the content is.
pub fn post_height(origin: &str, height: f64) {
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else { return };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &"citycal:height".into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    let _ = parent.post_message(&message, origin);
}

/// Calls `f` when the parent page at exactly `origin` asks for the height.
pub fn on_height_request(origin: &str, f: impl Fn() + 'static) {
    let origin = origin.to_owned();
    let handle = window_event_listener(leptos::ev::message, move |event| {
        let asks = js_sys::Reflect::get(&event.data(), &"type".into()).ok().and_then(|t| t.as_string());
        if event.origin() == origin && asks.as_deref() == Some("citycal:ask-height") {
            f();
        }
    });
    // One listener for the page's lifetime.
    std::mem::forget(handle);
}

/// The host serving the page (`example.org`), to make calendar UIDs unique.
pub fn host() -> String {
    web_sys::window()
        .and_then(|w| w.location().host().ok())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "citycal.invalid".into())
}

/// Makes `query` the page's query string. `push` adds a history entry (so
/// back returns to the previous state); otherwise the current one is replaced.
pub fn set_query(query: &str, push: bool) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
    let url = url_with_query(query);
    let _ = if push {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// Calls `f` when back/forward changes the URL. Remove the handle on cleanup.
pub fn on_history_change(f: impl Fn() + 'static) -> WindowListenerHandle {
    window_event_listener(leptos::ev::popstate, move |_| f())
}

/// Sets `<html lang>` and the document title.
pub fn set_language_and_title(lang: &str, title: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("lang", lang);
    }
    document.set_title(title);
}

/// The value of the query parameter `name`, when the page's URL has it.
pub fn query_param(name: &str) -> Option<String> {
    web_sys::UrlSearchParams::new_with_str(&query()).ok()?.get(name)
}

/// Sets (or, with `None`, removes) the query parameter `name` in place,
/// keeping the others: a page's own state that a reload or a shared link keeps.
pub fn replace_param(name: &str, value: Option<&str>) {
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&query()) else { return };
    match value {
        Some(value) => params.set(name, value),
        None => params.delete(name),
    }
    set_query(&String::from(params.to_string()), false);
}

/// `page` (a relative or absolute address without a query) with the query
/// parameters `params`, each value percent-encoded.
pub fn with_params(page: &str, params: &[(&str, &str)]) -> String {
    let query: Vec<String> = params
        .iter()
        .map(|(name, value)| format!("{name}={}", String::from(js_sys::encode_uri_component(value))))
        .collect();
    format!("{page}?{}", query.join("&"))
}
