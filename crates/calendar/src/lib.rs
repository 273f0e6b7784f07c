//! Core's iCalendar reader (`citycal_core::ical::import`) for the browser,
//! as a wasm of its own: a network whose `config.json` lists an `.ics`
//! source loads it (`src/ui/network.rs`, through `dist/calendar/load.js`);
//! the app's own download never carries it (it would not fit the size
//! budget), and a site without such a source never fetches it.
//!
//! Zone offsets come from the browser's `Intl` through the app's own file
//! for them (`src/platform/zones.rs`, included here): no zone database is
//! shipped, and the two wasms read zones with the same code.

use chrono::NaiveDate;
use citycal_core::ical::{browser_options, import, skipped_paths};
use wasm_bindgen::prelude::*;

#[path = "../../../src/platform/zones.rs"]
mod zones;
use zones::{supported_zones, IntlZones};

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
    options.zone_names = supported_zones();
    let (feed, issues) = import(ics, &IntlZones, &options).map_err(|e| e.to_string())?;
    // serde_json's compact writing has no line break.
    Ok(format!("{}\n{feed}", skipped_paths(&issues).join(",")))
}
