//! The browser's zone rules: [`IntlZones`] (`ZoneRules` from
//! `Intl.DateTimeFormat`) and the zones it knows. Shared, as this one file,
//! by the app (`intl.rs` builds on it) and the iCalendar reader's wasm
//! (`crates/calendar`, `#[path]`): so it uses nothing of the app's crate,
//! only core, js-sys and wasm-bindgen.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use citycal_core::time::{canonical_zone, parse_gmt_offset, OffsetCache, ZoneRules};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    pub type DateTimeFormat;
    // `catch`: an unknown zone or locale throws a RangeError.
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    pub fn new(locale: &str, options: &js_sys::Object) -> Result<DateTimeFormat, JsValue>;
    #[wasm_bindgen(method)]
    pub fn format(this: &DateTimeFormat, epoch_ms: f64) -> String;
}

pub fn options(pairs: &[(&str, &str)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object
}

thread_local! {
    /// One formatter per zone: constructing them is the slow part.
    static OFFSET_FORMATTERS: RefCell<HashMap<String, Option<DateTimeFormat>>> = RefCell::new(HashMap::new());
    /// Offsets already asked: a 10,000-event feed needs a few thousand
    /// `formatToParts` calls instead of 40,000.
    static OFFSETS: OffsetCache = OffsetCache::default();
}

/// [`ZoneRules`] answered by the browser's `Intl.DateTimeFormat`.
pub struct IntlZones;

impl ZoneRules for IntlZones {
    fn offset_at(&self, zone: &str, instant: DateTime<Utc>) -> Option<i32> {
        OFFSETS.with(|offsets| offsets.offset_at(zone, instant, |secs| intl_offset(zone, secs)))
    }
}

/// The offset of `zone` `secs` after the epoch, straight from `Intl`: the
/// date formatted with `timeZoneName: "longOffset"` ("11/24/2026, GMT+02:00"),
/// one string across instead of a `formatToParts` array.
fn intl_offset(zone: &str, secs: i64) -> Option<i32> {
    OFFSET_FORMATTERS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let formatter = cache.entry(zone.to_owned()).or_insert_with(|| {
            DateTimeFormat::new("en-US", &options(&[("timeZone", zone), ("timeZoneName", "longOffset")])).ok()
        });
        parse_gmt_offset(&formatter.as_ref()?.format(secs as f64 * 1000.0))
    })
}

#[wasm_bindgen]
extern "C" {
    // `catch`: older browsers lack `supportedValuesOf`.
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = supportedValuesOf)]
    fn supported_values_of(key: &str) -> Result<js_sys::Array, JsValue>;
}

/// Every IANA zone the browser knows (its canonical names), sorted; empty
/// when the browser cannot list them.
pub fn supported_zones() -> Vec<String> {
    let listed = supported_values_of("timeZone").map(|a| a.iter().filter_map(|z| z.as_string()).collect::<Vec<_>>());
    let mut zones: Vec<String> = listed.unwrap_or_default().iter().map(|z| canonical_zone(z).to_owned()).collect();
    citycal_core::order::sort_by_key(&mut zones, |z| z.clone());
    zones
}
