//! The browser's `Intl`: zone offsets, the visitor's zone and languages, and
//! locale-aware formatting of dates and language names.
//!
//! Zone offsets come from the browser's own tz database, so the app ships none
//! (the full chrono-tz database would add ≈140 KB gzip; see ARCHITECTURE.md).

use chrono::{DateTime, NaiveDate, Utc};
use citycal_core::time::{canonical_zone, RelativeUnit};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;

use super::zones::{options, DateTimeFormat};
pub use super::zones::{supported_zones, IntlZones};

#[wasm_bindgen]
extern "C" {
    // More of `Intl.DateTimeFormat` than the zones need (`zones.rs`).
    #[wasm_bindgen(method, js_name = formatToParts)]
    fn format_to_parts(this: &DateTimeFormat, epoch_ms: f64) -> js_sys::Array;
    #[wasm_bindgen(catch, method, js_name = formatRange)]
    fn format_range(this: &DateTimeFormat, from_ms: f64, to_ms: f64) -> Result<String, JsValue>;
    #[wasm_bindgen(method, js_name = resolvedOptions)]
    fn resolved_options(this: &DateTimeFormat) -> js_sys::Object;

    #[wasm_bindgen(js_namespace = Intl, js_name = DurationFormat)]
    type DurationFormat;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DurationFormat")]
    fn new(locale: &str, options: &js_sys::Object) -> Result<DurationFormat, JsValue>;
    #[wasm_bindgen(catch, method, js_name = format)]
    fn format_duration(this: &DurationFormat, duration: &js_sys::Object) -> Result<String, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = RelativeTimeFormat)]
    type RelativeTimeFormat;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "RelativeTimeFormat")]
    fn new(locale: &str, options: &js_sys::Object) -> Result<RelativeTimeFormat, JsValue>;
    #[wasm_bindgen(catch, method, js_name = format)]
    fn format_relative(this: &RelativeTimeFormat, value: f64, unit: &str) -> Result<String, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = DisplayNames)]
    type DisplayNames;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DisplayNames")]
    fn new(locale: &str, options: &js_sys::Object) -> Result<DisplayNames, JsValue>;
    #[wasm_bindgen(catch, method)]
    fn of(this: &DisplayNames, code: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = Intl, js_name = Collator)]
    type Collator;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "Collator")]
    fn new(locale: &str) -> Result<Collator, JsValue>;
    #[wasm_bindgen(method)]
    fn compare(this: &Collator, a: &str, b: &str) -> f64;
}

/// Sorts `items` by `label` the way the visitor's language orders words
/// (`Intl.Collator`: "Österreich" next to "Osttimor", "Ș" after "S" in
/// Romanian); stable for equal labels. By code point when the locale is refused.
pub fn sort_by_label<T>(locale: &str, items: &mut Vec<T>, label: impl Fn(&T) -> &str) {
    match Collator::new(locale) {
        Ok(collator) => citycal_core::order::sort_by(items, |a, b| {
            collator.compare(label(a), label(b)).partial_cmp(&0.0).unwrap_or(std::cmp::Ordering::Equal)
        }),
        Err(_) => citycal_core::order::sort_by(items, |a, b| label(a).cmp(label(b))),
    }
}

/// The visitor's zone as the browser reports it.
pub fn browser_zone() -> Option<String> {
    let formatter = DateTimeFormat::new("en-US", &js_sys::Object::new()).ok()?;
    let zone = js_sys::Reflect::get(&formatter.resolved_options(), &"timeZone".into()).ok()?.as_string()?;
    Some(canonical_zone(&zone).to_owned())
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

/// The ways Citycal writes dates and times, each one `Intl` format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Style {
    /// "Fri 4 Dec 2020, 16:00" in the viewer's zone.
    DateTime,
    /// "16:00" in the viewer's zone.
    Time,
    /// "Fri 4 Dec 2020": a calendar date (all-day events, days).
    Date,
    /// "Friday 4 December 2020": list headings, cell labels.
    DateLong,
    /// "Fri": column headers.
    Weekday,
    /// "December 2020": the month view's title.
    MonthYear,
    /// "16:00" / "4 PM" for a whole hour on a time axis.
    Hour,
    /// "09:00" / "9:00 AM": a time of day without a date (filter chips).
    Clock,
    /// "23–29 November 2026", "30 November – 6 December 2026": a week.
    DayRange,
}

impl Style {
    /// Calendar dates and axis hours are zone-free: they are formatted as UTC.
    /// `hour` is how times write the hour: "numeric" on a 12-hour clock
    /// ("4:00 PM"), "2-digit" on a 24-hour one ("09:00").
    fn options(self, zone: &str, hour: &'static str) -> Vec<(&'static str, String)> {
        let pairs: &[(&'static str, &str)] = match self {
            Style::DateTime => &[
                ("weekday", "short"),
                ("day", "numeric"),
                ("month", "short"),
                ("year", "numeric"),
                ("hour", hour),
                ("minute", "2-digit"),
            ],
            Style::Time => &[("hour", hour), ("minute", "2-digit")],
            Style::Date => &[("weekday", "short"), ("day", "numeric"), ("month", "short"), ("year", "numeric")],
            Style::DateLong => &[("weekday", "long"), ("day", "numeric"), ("month", "long"), ("year", "numeric")],
            Style::Weekday => &[("weekday", "short")],
            Style::MonthYear => &[("month", "long"), ("year", "numeric")],
            Style::Hour => &[("hour", "numeric"), ("minute", "2-digit")],
            Style::Clock => &[("hour", hour), ("minute", "2-digit")],
            Style::DayRange => &[("day", "numeric"), ("month", "long"), ("year", "numeric")],
        };
        let zone = match self {
            Style::DateTime | Style::Time => zone,
            _ => "UTC",
        };
        let mut options: Vec<(&'static str, String)> = pairs.iter().map(|(k, v)| (*k, (*v).to_owned())).collect();
        options.push(("timeZone", zone.to_owned()));
        options
    }
}

/// Formats dates and instants for one locale and viewer zone. Each style's
/// `Intl.DateTimeFormat` is built on first use and kept.
pub struct DateFormatter {
    locale: String,
    zone: String,
    /// The hour option of times (`Style::options`), found on first use.
    hour: std::cell::OnceCell<&'static str>,
    formats: RefCell<HashMap<Style, Option<DateTimeFormat>>>,
}

impl DateFormatter {
    /// `locale` is a BCP 47 tag (`en-GB`, `ro`); `zone` an IANA zone.
    pub fn new(locale: &str, zone: &str) -> Self {
        DateFormatter {
            locale: locale.to_owned(),
            zone: zone.to_owned(),
            hour: std::cell::OnceCell::new(),
            formats: RefCell::new(HashMap::new()),
        }
    }

    /// "numeric" when the locale's clock is 12-hour, else "2-digit".
    fn hour_style(&self) -> &'static str {
        self.hour.get_or_init(|| {
            let cycle = DateTimeFormat::new(&self.locale, &options(&[("hour", "numeric")]))
                .ok()
                .and_then(|f| js_sys::Reflect::get(&f.resolved_options(), &"hourCycle".into()).ok())
                .and_then(|v| v.as_string());
            match cycle.as_deref() {
                Some("h11" | "h12") => "numeric",
                _ => "2-digit",
            }
        })
    }

    fn with_format<T>(&self, style: Style, f: impl FnOnce(&Option<DateTimeFormat>) -> T) -> T {
        let mut formats = self.formats.borrow_mut();
        let format = formats.entry(style).or_insert_with(|| {
            let pairs = style.options(&self.zone, self.hour_style());
            let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
            DateTimeFormat::new(&self.locale, &options(&pairs)).ok()
        });
        f(format)
    }

    fn format(&self, style: Style, instant: DateTime<Utc>) -> String {
        self.with_format(style, |format| format_with(format, instant))
    }

    /// The days from `first` to `last` as the locale writes a range.
    pub fn day_range(&self, first: NaiveDate, last: NaiveDate) -> String {
        let ms = |d: NaiveDate| d.and_time(chrono::NaiveTime::MIN).and_utc().timestamp_millis() as f64;
        self.with_format(Style::DayRange, |format| {
            format.as_ref().and_then(|f| f.format_range(ms(first), ms(last)).ok())
        })
        .unwrap_or_else(|| format!("{} – {}", self.date(first), self.date(last)))
    }

    fn format_date(&self, style: Style, date: NaiveDate) -> String {
        self.format(style, date.and_time(chrono::NaiveTime::MIN).and_utc())
    }

    pub fn date_time(&self, instant: DateTime<Utc>) -> String {
        self.format(Style::DateTime, instant)
    }

    pub fn time(&self, instant: DateTime<Utc>) -> String {
        self.format(Style::Time, instant)
    }

    pub fn date(&self, date: NaiveDate) -> String {
        self.format_date(Style::Date, date)
    }

    pub fn date_long(&self, date: NaiveDate) -> String {
        self.format_date(Style::DateLong, date)
    }

    pub fn weekday(&self, date: NaiveDate) -> String {
        self.format_date(Style::Weekday, date)
    }

    pub fn month_year(&self, date: NaiveDate) -> String {
        self.format_date(Style::MonthYear, date)
    }

    /// A whole hour (0–23) as the locale writes it on a time axis.
    pub fn hour(&self, hour: u32) -> String {
        let at = NaiveDate::from_ymd_opt(2000, 1, 1).and_then(|d| d.and_hms_opt(hour, 0, 0));
        at.map(|t| self.format(Style::Hour, t.and_utc())).unwrap_or_default()
    }

    /// A time of day, `minutes` after midnight, as the locale writes it and
    /// as cards write times ("9:00 AM", "09:00"); the end of the day as its last minute, as the
    /// time fields show it.
    pub fn clock(&self, minutes: u32) -> String {
        let minutes = minutes.min(24 * 60 - 1);
        let at = NaiveDate::from_ymd_opt(2000, 1, 1).and_then(|d| d.and_hms_opt(minutes / 60, minutes % 60, 0));
        at.map(|t| self.format(Style::Clock, t.and_utc())).unwrap_or_default()
    }
}

fn format_with(formatter: &Option<DateTimeFormat>, instant: DateTime<Utc>) -> String {
    match formatter {
        Some(f) => f.format(instant.timestamp_millis() as f64),
        None => citycal_core::time::iso_utc(instant),
    }
}

/// The generic name `locale` gives `zone` ("Central European Time", "hora de
/// Europa central", "Ora Europei Centrale"): `Intl`'s `longGeneric` zone
/// name at `instant`. `None` when the browser has only an offset for it
/// ("GMT+01:00") or no such zone.
pub fn zone_generic_name(locale: &str, zone: &str, instant: DateTime<Utc>) -> Option<String> {
    let format = DateTimeFormat::new(locale, &options(&[("timeZone", zone), ("timeZoneName", "longGeneric")])).ok()?;
    let parts = format.format_to_parts(instant.timestamp_millis() as f64);
    let name = parts.iter().find_map(|part| {
        let get = |key: &str| js_sys::Reflect::get(&part, &key.into()).ok().and_then(|v| v.as_string());
        (get("type").as_deref() == Some("timeZoneName")).then(|| get("value")).flatten()
    })?;
    (!name.starts_with("GMT") && !name.starts_with("UTC")).then_some(name)
}

/// The name of a language in `locale` ("es" in Romanian: "spaniolă"); the tag itself if unknown.
pub fn language_name(locale: &str, tag: &str) -> String {
    display_name(locale, "language", tag)
}

/// The name of a country in `locale` ("RO" in Spanish: "Rumanía"); the code itself if unknown.
pub fn region_name(locale: &str, code: &str) -> String {
    display_name(locale, "region", code)
}

thread_local! {
    /// Names already looked up, by (locale, kind, code): lists and cards ask
    /// for the same few languages and countries over and over.
    static DISPLAY_NAMES: RefCell<HashMap<(String, &'static str, String), String>> = RefCell::new(HashMap::new());
}

fn display_name(locale: &str, kind: &'static str, code: &str) -> String {
    let key = (locale.to_owned(), kind, code.to_owned());
    if let Some(name) = DISPLAY_NAMES.with(|names| names.borrow().get(&key).cloned()) {
        return name;
    }
    let name = DisplayNames::new(locale, &options(&[("type", kind)]))
        .and_then(|names| names.of(code))
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_else(|| code.to_owned());
    DISPLAY_NAMES.with(|names| names.borrow_mut().insert(key, name.clone()));
    name
}

/// A duration as the locale writes it ("2 hours, 30 minutes", "2 ore și 30 de
/// minute"), from `Intl.DurationFormat`; "2 h 30 min" where it is missing.
pub fn duration(locale: &str, days: i64, hours: i64, minutes: i64) -> String {
    let parts: Vec<(&str, i64)> =
        [("days", days), ("hours", hours), ("minutes", minutes)].into_iter().filter(|(_, n)| *n > 0).collect();
    let object = js_sys::Object::new();
    for (unit, n) in &parts {
        let _ = js_sys::Reflect::set(&object, &(*unit).into(), &(*n as f64).into());
    }
    DurationFormat::new(locale, &options(&[("style", "long")])).and_then(|f| f.format_duration(&object)).unwrap_or_else(
        |_| {
            let short = |(unit, n): &(&str, i64)| format!("{n} {}", &unit[..1]);
            parts.iter().map(short).collect::<Vec<_>>().join(" ")
        },
    )
}

thread_local! {
    static RELATIVE_FORMATS: RefCell<HashMap<String, Option<RelativeTimeFormat>>> = RefCell::new(HashMap::new());
}

/// A relative phrase as the locale says it, with words where it has them
/// (`numeric: "auto"`): "tomorrow", "in 3 days", "hace 2 semanas", "peste 5 ore".
pub fn relative_time(locale: &str, value: i64, unit: RelativeUnit) -> String {
    RELATIVE_FORMATS.with(|cache| {
        let mut cache = cache.borrow_mut();
        let format = cache
            .entry(locale.to_owned())
            .or_insert_with(|| RelativeTimeFormat::new(locale, &options(&[("numeric", "auto")])).ok());
        format
            .as_ref()
            .and_then(|f| f.format_relative(value as f64, unit.name()).ok())
            .unwrap_or_else(|| format!("{value:+} {}", unit.name()))
    })
}
