//! The iCalendar reader (`crates/calendar`, core's `ical::import` as a wasm
//! of its own in `dist/calendar/`): started on first use by adding its
//! module to the page (a script element, since a strict CSP forbids
//! building code and wasm-bindgen's own glue cannot `import()` a module it
//! does not know at build time). The module leaves a promise of its
//! `ics_to_feed` in `globalThis.citycalCalendar`; every later use, and every
//! calendar embedded in the page, shares that one instance.

use chrono::NaiveDate;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const GLOBAL: &str = "citycalCalendar";

/// The feed v1 JSON of the iCalendar document `ics` as read on `today`
/// (the window its recurrences are expanded over: `ical::browser_options`),
/// and where the events it left out were (`ical::skipped_paths`). `base`: the app's address in a script embed (the module is
/// the app's, not the partner page's). Fails with a reason in English (for
/// the console of whoever debugs a source, never for visitors).
pub async fn ics_to_feed(ics: &[u8], today: NaiveDate, base: Option<&str>) -> Result<(Vec<u8>, Vec<String>), String> {
    let reader = reader(base).await.map_err(|_| "the iCalendar reader did not load".to_owned())?;
    let today = JsValue::from_str(&today.format("%Y-%m-%d").to_string());
    let feed = reader
        .call2(&JsValue::NULL, &js_sys::Uint8Array::from(ics), &today)
        .map_err(|e| e.as_string().unwrap_or_else(|| "not an iCalendar file".to_owned()))?;
    let read = feed.as_string().unwrap_or_default();
    let (skipped, feed) = read.split_once('\n').ok_or_else(|| "no feed".to_owned())?;
    let skipped = skipped.split(',').filter(|path| !path.is_empty()).map(str::to_owned).collect();
    Ok((feed.as_bytes().to_vec(), skipped))
}

/// `ics_to_feed`, once its module has run.
async fn reader(base: Option<&str>) -> Result<js_sys::Function, JsValue> {
    let global = js_sys::global();
    let key = JsValue::from_str(GLOBAL);
    if !js_sys::Reflect::has(&global, &key)? {
        let document = web_sys::window().and_then(|w| w.document()).ok_or(JsValue::NULL)?;
        let script = document.create_element("script")?;
        script.set_attribute("type", "module")?;
        script.set_attribute("src", &super::page::resolve("calendar/load.js", base))?;
        let ran = js_sys::Promise::new(&mut |resolve, reject| {
            let _ = js_sys::Reflect::set(&script, &"onload".into(), &resolve);
            let _ = js_sys::Reflect::set(&script, &"onerror".into(), &reject);
        });
        document.body().ok_or(JsValue::NULL)?.append_child(&script)?;
        JsFuture::from(ran).await?;
    }
    let started = js_sys::Reflect::get(&global, &key)?.dyn_into::<js_sys::Promise>()?;
    JsFuture::from(started).await?.dyn_into()
}
