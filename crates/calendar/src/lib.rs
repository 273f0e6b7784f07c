//! Core's iCalendar reader (`citycal_core::ical::import`) for the browser,
//! as a wasm of its own: a network whose `config.json` lists an `.ics`
//! source loads it (`src/ui/network.rs`, through `dist/calendar/load.js`);
//! the app's own download never carries it (it would not fit the size
//! budget), and a site without such a source never fetches it.
//!
//! Zone offsets come from the browser's `Intl`, as in the app
//! (`src/platform/intl.rs`): no zone database is shipped.

use chrono::{DateTime, NaiveDate, Utc};
use citycal_core::ical::{browser_options, import, skipped_paths};
use citycal_core::time::{parse_gmt_offset, OffsetCache, ZoneRules};
use wasm_bindgen::prelude::*;

/// The feed v1 JSON that `citycal import` would write for the iCalendar
/// document `ics`, read on `today` (`YYYY-MM-DD`, the visitor's): its
/// recurrences expanded over the window of `ical::browser_options`, after a
/// first line with where the events it had to leave out were
/// (`ical::skipped_paths`, comma-separated), which the quiet line counts:
/// `"VEVENT[line 12],VEVENT[line 40]\n{…}"` (one string, and no number to
/// read: the app's side stays small). The rest of what the import met is for organizers
/// (`citycal import`). Fails, with the reason in English, only for a
/// document that is not iCalendar or a `today` that is not a date.
#[wasm_bindgen]
pub fn ics_to_feed(ics: &[u8], today: &str) -> Result<String, String> {
    let today = NaiveDate::parse_from_str(today, "%Y-%m-%d").map_err(|e| format!("today: {e}"))?;
    let mut options = browser_options(today);
    // A mistyped TZID is read as the nearest zone the browser knows.
    options.zone_names = supported_values_of("timeZone")
        .map(|zones| zones.iter().filter_map(|z| z.as_string()).collect())
        .unwrap_or_default();
    let (feed, issues) = import(ics, &IntlOffsets::default(), &options).map_err(|e| e.to_string())?;
    // serde_json's compact writing has no line break.
    Ok(format!("{}\n{feed}", skipped_paths(&issues).join(",")))
}

// The same declarations as the app's (`src/platform/intl.rs`): each
// wasm binds the JS it calls; sharing them would put browser code in core.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;
    // `catch`: an unknown zone throws a RangeError.
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locale: &str, options: &js_sys::Object) -> Result<DateTimeFormat, JsValue>;
    #[wasm_bindgen(method)]
    fn format(this: &DateTimeFormat, epoch_ms: f64) -> String;
    // `catch`: older browsers lack `supportedValuesOf` (then no guess).
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = supportedValuesOf)]
    fn supported_values_of(key: &str) -> Result<js_sys::Array, JsValue>;
}

/// [`ZoneRules`] asked of `Intl.DateTimeFormat` ("…GMT+02:00"), one
/// formatter per zone, each offset asked once ([`OffsetCache`]).
#[derive(Default)]
struct IntlOffsets {
    formatters: std::cell::RefCell<std::collections::HashMap<String, Option<DateTimeFormat>>>,
    offsets: OffsetCache,
}

impl ZoneRules for IntlOffsets {
    fn offset_at(&self, zone: &str, instant: DateTime<Utc>) -> Option<i32> {
        self.offsets.offset_at(zone, instant, |secs| {
            let mut formatters = self.formatters.borrow_mut();
            let formatter = formatters.entry(zone.to_owned()).or_insert_with(|| {
                let options = js_sys::Object::new();
                js_sys::Reflect::set(&options, &"timeZone".into(), &zone.into()).ok()?;
                js_sys::Reflect::set(&options, &"timeZoneName".into(), &"longOffset".into()).ok()?;
                DateTimeFormat::new("en-US", &options).ok()
            });
            parse_gmt_offset(&formatter.as_ref()?.format(secs as f64 * 1000.0))
        })
    }
}
