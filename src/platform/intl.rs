//! The browser's `Intl`: zone offsets, the visitor's zone and languages, and
//! locale-aware formatting of dates and language names.
//!
//! Zone offsets come from the browser's own tz database, so the app ships none
//! (the full chrono-tz database would add ≈140 KB gzip; see ARCHITECTURE.md).

use chrono::{DateTime, NaiveDate, Utc};
use citycal_core::time::ZoneRules;
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;
    // `catch`: an unknown zone or locale throws a RangeError.
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locale: &str, options: &js_sys::Object) -> Result<DateTimeFormat, JsValue>;
    #[wasm_bindgen(method, js_name = formatToParts)]
    fn format_to_parts(this: &DateTimeFormat, epoch_ms: f64) -> js_sys::Array;
    #[wasm_bindgen(method)]
    fn format(this: &DateTimeFormat, epoch_ms: f64) -> String;
    #[wasm_bindgen(method, js_name = resolvedOptions)]
    fn resolved_options(this: &DateTimeFormat) -> js_sys::Object;

    #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
    type DisplayNames;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DisplayNames")]
    fn new(locale: &str, options: &js_sys::Object) -> Result<DisplayNames, JsValue>;
    #[wasm_bindgen(catch, method)]
    fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;
}

fn options(pairs: &[(&str, &str)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
    }
    object
}

thread_local! {
    /// One formatter per zone: constructing them is the slow part.
    static OFFSET_FORMATTERS: RefCell<HashMap<String, Option<DateTimeFormat>>> = RefCell::new(HashMap::new());
}

/// [`ZoneRules`] answered by the browser's `Intl.DateTimeFormat`.
pub struct IntlZones;

impl ZoneRules for IntlZones {
    fn offset_at(&self, zone: &str, instant: DateTime<Utc>) -> Option<i32> {
        OFFSET_FORMATTERS.with(|cache| {
            let mut cache = cache.borrow_mut();
            let formatter = cache.entry(zone.to_owned()).or_insert_with(|| {
                let opts = options(&[
                    ("timeZone", zone),
                    ("hourCycle", "h23"),
                    ("year", "numeric"),
                    ("month", "numeric"),
                    ("day", "numeric"),
                    ("hour", "numeric"),
                    ("minute", "numeric"),
                    ("second", "numeric"),
                ]);
                DateTimeFormat::new("en-US", &opts).ok()
            });
            let formatter = formatter.as_ref()?;
            let secs = instant.timestamp();
            let wall = wall_clock_secs(&formatter.format_to_parts(secs as f64 * 1000.0))?;
            i32::try_from(wall - secs).ok()
        })
    }
}

/// Seconds since the epoch of the wall-clock time in `formatToParts` output.
fn wall_clock_secs(parts: &js_sys::Array) -> Option<i64> {
    let mut fields = [0u32; 6]; // year month day hour minute second
    for part in parts.iter() {
        let kind = js_sys::Reflect::get(&part, &"type".into()).ok()?.as_string()?;
        let slot = match kind.as_str() {
            "year" => 0,
            "month" => 1,
            "day" => 2,
            "hour" => 3,
            "minute" => 4,
            "second" => 5,
            _ => continue,
        };
        fields[slot] = js_sys::Reflect::get(&part, &"value".into()).ok()?.as_string()?.parse().ok()?;
    }
    let [y, mo, d, h, mi, s] = fields;
    let date = NaiveDate::from_ymd_opt(y as i32, mo, d)?;
    Some(date.and_hms_opt(h, mi, s)?.and_utc().timestamp())
}

/// The visitor's zone as the browser reports it.
pub fn browser_zone() -> Option<String> {
    let formatter = DateTimeFormat::new("en-US", &js_sys::Object::new()).ok()?;
    js_sys::Reflect::get(&formatter.resolved_options(), &"timeZone".into()).ok()?.as_string()
}

/// The visitor's preferred languages, most preferred first.
pub fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let listed: Vec<String> = navigator.languages().iter().filter_map(|l| l.as_string()).collect();
    if listed.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        listed
    }
}

/// Formats instants for one locale and viewer zone.
pub struct DateFormatter {
    date_time: Option<DateTimeFormat>,
    time: Option<DateTimeFormat>,
    date_utc: Option<DateTimeFormat>,
}

impl DateFormatter {
    /// `locale` is a BCP 47 tag (`en-GB`, `ro`); `zone` an IANA zone.
    pub fn new(locale: &str, zone: &str) -> Self {
        let make = |pairs: &[(&str, &str)]| DateTimeFormat::new(locale, &options(pairs)).ok();
        DateFormatter {
            date_time: make(&[
                ("timeZone", zone),
                ("weekday", "short"),
                ("day", "numeric"),
                ("month", "short"),
                ("year", "numeric"),
                ("hour", "2-digit"),
                ("minute", "2-digit"),
            ]),
            time: make(&[("timeZone", zone), ("hour", "2-digit"), ("minute", "2-digit")]),
            // All-day dates are the same everywhere: format them as UTC dates.
            date_utc: make(&[("timeZone", "UTC"), ("weekday", "short"), ("day", "numeric"), ("month", "short"), ("year", "numeric")]),
        }
    }

    pub fn date_time(&self, instant: DateTime<Utc>) -> String {
        format_with(&self.date_time, instant)
    }

    pub fn time(&self, instant: DateTime<Utc>) -> String {
        format_with(&self.time, instant)
    }

    pub fn date(&self, date: NaiveDate) -> String {
        format_with(&self.date_utc, date.and_time(chrono::NaiveTime::MIN).and_utc())
    }
}

fn format_with(formatter: &Option<DateTimeFormat>, instant: DateTime<Utc>) -> String {
    match formatter {
        Some(f) => f.format(instant.timestamp_millis() as f64),
        None => instant.to_rfc3339(),
    }
}

/// The name of a language in `locale` ("es" in Romanian: "spaniolă"); the tag itself if unknown.
pub fn language_name(locale: &str, tag: &str) -> String {
    DisplayNames::new(locale, &options(&[("type", "language")]))
        .and_then(|names| names.of(tag))
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_else(|| tag.to_owned())
}
