//! The time model: instants, wall-clock times and the zones between them.
//!
//! Zone *data* is not here. Everything goes through [`ZoneRules`], which only
//! answers "what is the UTC offset of zone Z at instant T". Natively that is the
//! compiled tz database ([`crate::tzdb::Tzdb`]); in the browser it is `Intl`
//! (`platform::intl`), so the wasm bundle carries no zone database.
//!
//! Policy for wall-clock times that do not map to exactly one instant
//! (documented in `docs/feed.md`):
//! - a time in a spring-forward **gap** (03:30 in Europe/Bucharest on the last
//!   Sunday of March) is read with the offset in force *before* the gap, which
//!   shifts it forward by the gap's length (04:30 EEST) — RFC 5545 §3.3.5;
//! - a time in an autumn **fold** (03:30 on the last Sunday of October happens
//!   twice) is the *earlier* of the two instants (03:30 EEST).

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, Utc};

/// Offsets of named IANA zones. Implementations: `tzdb::Tzdb` (native),
/// `platform::intl::IntlZones` (browser).
pub trait ZoneRules {
    /// Seconds east of UTC in force in `zone` at `instant`; `None` when the zone
    /// is unknown.
    fn offset_at(&self, zone: &str, instant: DateTime<Utc>) -> Option<i32>;

    fn is_known(&self, zone: &str) -> bool {
        self.offset_at(zone, DateTime::UNIX_EPOCH).is_some()
    }
}

/// How a wall-clock time was mapped to an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// The wall-clock time happens exactly once.
    Exact,
    /// It does not exist; it was moved forward by `shift_secs` (the gap's length).
    Gap { shift_secs: i32 },
    /// It happens twice; the earlier instant was taken.
    Fold,
}

/// Maps a wall-clock time in `zone` to an instant, applying the gap and fold
/// policy above. `None` only when the zone is unknown.
pub fn resolve_local(rules: &dyn ZoneRules, zone: &str, local: NaiveDateTime) -> Option<(DateTime<Utc>, Resolution)> {
    // Offsets a day either side bracket any single transition, so they are the
    // only candidates; a candidate is right when it is in force at the instant it gives.
    let as_if_utc = local.and_utc();
    let before = rules.offset_at(zone, as_if_utc - Duration::days(1))?;
    let after = rules.offset_at(zone, as_if_utc + Duration::days(1))?;
    let fits = |offset: i32| {
        let instant = as_if_utc - Duration::seconds(offset.into());
        (rules.offset_at(zone, instant) == Some(offset)).then_some(instant)
    };
    // Mostly no transition is near: one candidate, asked about once.
    let fits_before = fits(before);
    let fits_after = if after == before { fits_before } else { fits(after) };
    match (fits_before, fits_after) {
        (Some(a), Some(b)) if a != b => Some((a.min(b), Resolution::Fold)),
        (Some(a), _) | (None, Some(a)) => Some((a, Resolution::Exact)),
        (None, None) => {
            Some((as_if_utc - Duration::seconds(before.into()), Resolution::Gap { shift_secs: after - before }))
        }
    }
}

/// The wall-clock time in `zone` at `instant`, with its offset.
pub fn to_local(rules: &dyn ZoneRules, zone: &str, instant: DateTime<Utc>) -> Option<DateTime<FixedOffset>> {
    let offset = FixedOffset::east_opt(rules.offset_at(zone, instant)?)?;
    Some(instant.with_timezone(&offset))
}

/// The calendar date in `zone` at `instant`.
pub fn local_date(rules: &dyn ZoneRules, zone: &str, instant: DateTime<Utc>) -> Option<NaiveDate> {
    to_local(rules, zone, instant).map(|t| t.date_naive())
}

/// RFC 3339 with the zone's offset and whole seconds, e.g. `2020-12-04T16:00:00+02:00`:
/// the value of a `<time datetime>` attribute.
pub fn iso_in_zone(rules: &dyn ZoneRules, zone: &str, instant: DateTime<Utc>) -> Option<String> {
    let t = to_local(rules, zone, instant)?;
    let offset = t.offset().local_minus_utc();
    let (sign, abs) = if offset < 0 { ('-', -offset) } else { ('+', offset) };
    Some(format!("{}{sign}{:02}:{:02}", iso_local(t.naive_local()), abs / 3600, abs % 3600 / 60))
}

/// `2020-12-04T16:00:00`. These writers stand in for chrono's `format("%Y…")`,
/// whose format-string machinery would otherwise ship in the wasm.
pub fn iso_local(t: NaiveDateTime) -> String {
    use chrono::Timelike;
    format!("{}T{:02}:{:02}:{:02}", t.date(), t.hour(), t.minute(), t.second())
}

/// `2020-12-04T14:00:00Z`.
pub fn iso_utc(t: DateTime<Utc>) -> String {
    format!("{}Z", iso_local(t.naive_utc()))
}

/// `20201204T160000`, the basic form iCalendar uses.
pub fn basic_local(t: NaiveDateTime) -> String {
    iso_local(t).replace(['-', ':'], "")
}

/// Units of a relative phrase ("in 3 days", "hace 2 semanas"), as
/// `Intl.RelativeTimeFormat` names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelativeUnit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl RelativeUnit {
    pub fn name(self) -> &'static str {
        match self {
            RelativeUnit::Minute => "minute",
            RelativeUnit::Hour => "hour",
            RelativeUnit::Day => "day",
            RelativeUnit::Week => "week",
            RelativeUnit::Month => "month",
            RelativeUnit::Year => "year",
        }
    }
}

/// How far `then` is from `now`, both wall-clock times in the viewer's zone,
/// as one signed value and unit for a relative phrase. Within the same day
/// it counts minutes or hours; beyond, calendar days (so 23:00 → 09:00 the
/// next morning is "tomorrow", not "in 10 hours"), then weeks, months, years.
pub fn relative(now: NaiveDateTime, then: NaiveDateTime) -> (i64, RelativeUnit) {
    let days = (then.date() - now.date()).num_days();
    if days == 0 {
        // Rounded, not cut: 2 h 59 min 59 s away is "in 3 hours", 40 s "in 1 minute".
        let nearest = |n: i64, unit: i64| (n + n.signum() * unit / 2) / unit;
        let minutes = nearest((then - now).num_seconds(), 60);
        return if minutes.abs() < 60 {
            (minutes, RelativeUnit::Minute)
        } else {
            (nearest(minutes, 60), RelativeUnit::Hour)
        };
    }
    let months = {
        use chrono::Datelike;
        let m = (then.year() - now.year()) * 12 + then.month() as i32 - now.month() as i32;
        i64::from(m)
    };
    match days.abs() {
        1..=6 => (days, RelativeUnit::Day),
        7..=27 => (days / 7, RelativeUnit::Week),
        _ if months.abs() < 12 => (
            if months == 0 { days / 7 } else { months },
            if months == 0 { RelativeUnit::Week } else { RelativeUnit::Month },
        ),
        _ => (months / 12, RelativeUnit::Year),
    }
}

/// "GMT+2", "GMT+5:30", "GMT-3", "GMT": an offset as people read it.
pub fn gmt_offset(secs: i32) -> String {
    if secs == 0 {
        return "GMT".to_owned();
    }
    let sign = if secs < 0 { '-' } else { '+' };
    let minutes = secs.unsigned_abs() / 60;
    match minutes % 60 {
        0 => format!("GMT{sign}{}", minutes / 60),
        m => format!("GMT{sign}{}:{m:02}", minutes / 60),
    }
}

/// Seconds east of UTC in a time ending "…GMT+05:30", as `Intl.DateTimeFormat`
/// writes it with `timeZoneName: "longOffset"` ("…GMT" alone is UTC): the
/// inverse of [`gmt_offset`], for the [`ZoneRules`] that ask the browser.
pub fn parse_gmt_offset(text: &str) -> Option<i32> {
    let offset = &text[text.rfind("GMT")? + 3..];
    if offset.is_empty() {
        return Some(0);
    }
    let sign = match offset.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let mut parts = offset[1..].split(':').map(|n| n.parse::<i32>().ok());
    let hours = parts.next()??;
    let minutes = parts.next().unwrap_or(Some(0))?;
    let seconds = parts.next().unwrap_or(Some(0))?;
    Some(sign * (hours * 3600 + minutes * 60 + seconds))
}

/// The current IANA name for a zone a browser may report by an older one
/// (Chromium's ICU still says "Asia/Calcutta" for Asia/Kolkata); other names
/// unchanged.
pub fn canonical_zone(zone: &str) -> &str {
    const RENAMED: [(&str, &str); 16] = [
        ("Asia/Calcutta", "Asia/Kolkata"),
        ("Asia/Katmandu", "Asia/Kathmandu"),
        ("Asia/Saigon", "Asia/Ho_Chi_Minh"),
        ("Asia/Rangoon", "Asia/Yangon"),
        ("Europe/Kiev", "Europe/Kyiv"),
        ("America/Godthab", "America/Nuuk"),
        ("Atlantic/Faeroe", "Atlantic/Faroe"),
        ("Pacific/Enderbury", "Pacific/Kanton"),
        ("Pacific/Truk", "Pacific/Chuuk"),
        ("Pacific/Ponape", "Pacific/Pohnpei"),
        ("America/Buenos_Aires", "America/Argentina/Buenos_Aires"),
        ("America/Catamarca", "America/Argentina/Catamarca"),
        ("America/Cordoba", "America/Argentina/Cordoba"),
        ("America/Jujuy", "America/Argentina/Jujuy"),
        ("America/Mendoza", "America/Argentina/Mendoza"),
        ("America/Indianapolis", "America/Indiana/Indianapolis"),
    ];
    RENAMED.iter().find(|(old, _)| *old == zone).map_or(zone, |(_, new)| new)
}

/// "Bucharest", "Port of Spain", "Argentina/Buenos Aires" → its last part:
/// a zone's city as its IANA name spells it.
pub fn zone_city(zone: &str) -> String {
    zone.rsplit('/').next().unwrap_or(zone).replace('_', " ")
}

/// A zone given as a fixed offset, for tests and for feeds that carry only offsets.
pub struct FixedZone(pub i32);

impl ZoneRules for FixedZone {
    fn offset_at(&self, _zone: &str, _instant: DateTime<Utc>) -> Option<i32> {
        Some(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tzdb::Tzdb;

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
    }

    fn check(zone: &str, wall: &str, expect_utc: &str, expect: Resolution) {
        let (instant, how) = resolve_local(&Tzdb, zone, local(wall)).unwrap();
        assert_eq!(instant.format("%Y-%m-%dT%H:%MZ").to_string(), expect_utc, "{zone} {wall}");
        assert_eq!(how, expect, "{zone} {wall}");
    }

    #[test]
    fn ordinary_times_are_exact() {
        check("Europe/Bucharest", "2020-12-04T16:00", "2020-12-04T14:00Z", Resolution::Exact);
        check("Europe/Bucharest", "2021-06-29T16:00", "2021-06-29T13:00Z", Resolution::Exact);
        check("America/Bogota", "2027-03-10T09:00", "2027-03-10T14:00Z", Resolution::Exact);
    }

    #[test]
    fn spring_gap_shifts_forward_by_the_gap() {
        // 29 March 2026: Bucharest jumps from 03:00 EET to 04:00 EEST.
        check("Europe/Bucharest", "2026-03-29T03:30", "2026-03-29T01:30Z", Resolution::Gap { shift_secs: 3600 });
        let shown = to_local(
            &Tzdb,
            "Europe/Bucharest",
            resolve_local(&Tzdb, "Europe/Bucharest", local("2026-03-29T03:30")).unwrap().0,
        )
        .unwrap();
        assert_eq!(shown.format("%H:%M%:z").to_string(), "04:30+03:00");
        // Lord Howe moves by half an hour (02:00 -> 02:30 on 4 October 2026).
        check("Australia/Lord_Howe", "2026-10-04T02:15", "2026-10-03T15:45Z", Resolution::Gap { shift_secs: 1800 });
    }

    #[test]
    fn autumn_fold_takes_the_earlier_instant() {
        // 25 October 2026: 04:00 EEST falls back to 03:00 EET, so 03:30 happens twice.
        check("Europe/Bucharest", "2026-10-25T03:30", "2026-10-25T00:30Z", Resolution::Fold);
        check("Europe/Bucharest", "2026-10-25T04:30", "2026-10-25T02:30Z", Resolution::Exact);
    }

    #[test]
    fn unknown_zone_is_none() {
        assert!(resolve_local(&Tzdb, "Mars/Olympus_Mons", local("2026-01-01T00:00")).is_none());
        assert!(!Tzdb.is_known("Europe/Bucharestt"));
    }

    #[test]
    fn relative_phrases_round_to_the_nearest_unit() {
        let now = local("2026-12-01T08:00") + chrono::Duration::milliseconds(20);
        let at = |s: &str| local(s);
        for (then, expected) in [
            ("2026-12-01T11:00", (3, RelativeUnit::Hour)),
            ("2026-12-01T10:29", (2, RelativeUnit::Hour)),
            ("2026-12-01T10:30", (3, RelativeUnit::Hour)),
            ("2026-12-01T09:00", (1, RelativeUnit::Hour)),
            ("2026-12-01T08:59", (59, RelativeUnit::Minute)),
            ("2026-12-01T08:01", (1, RelativeUnit::Minute)),
            ("2026-12-01T07:00", (-1, RelativeUnit::Hour)),
        ] {
            assert_eq!(relative(now, at(then)), expected, "{then}");
        }
        // Forty seconds before the start: "in 1 minute", not "this minute".
        assert_eq!(
            relative(at("2026-12-01T10:59") + chrono::Duration::seconds(20), at("2026-12-01T11:00")),
            (1, RelativeUnit::Minute)
        );
    }

    #[test]
    fn relative_phrases_count_calendar_days() {
        let at = |s: &str| local(s);
        let now = at("2026-11-24T23:00");
        for (then, expected) in [
            ("2026-11-24T23:40", (40, RelativeUnit::Minute)),
            ("2026-11-24T22:30", (-30, RelativeUnit::Minute)),
            ("2026-11-24T08:00", (-15, RelativeUnit::Hour)),
            ("2026-11-24T08:31", (-14, RelativeUnit::Hour)),
            ("2026-11-24T08:30", (-15, RelativeUnit::Hour)),
            ("2026-11-25T09:00", (1, RelativeUnit::Day)),
            ("2026-11-23T23:59", (-1, RelativeUnit::Day)),
            ("2026-11-30T10:00", (6, RelativeUnit::Day)),
            ("2026-12-01T10:00", (1, RelativeUnit::Week)),
            ("2026-12-21T10:00", (3, RelativeUnit::Week)),
            ("2027-01-20T10:00", (2, RelativeUnit::Month)),
            ("2026-10-01T10:00", (-1, RelativeUnit::Month)),
            ("2028-01-01T10:00", (1, RelativeUnit::Year)),
            ("2020-12-04T16:00", (-5, RelativeUnit::Year)),
        ] {
            assert_eq!(relative(now, at(then)), expected, "{then}");
        }
    }

    #[test]
    fn offsets_and_cities_read_naturally() {
        assert_eq!(gmt_offset(7200), "GMT+2");
        assert_eq!(gmt_offset(19_800), "GMT+5:30");
        assert_eq!(gmt_offset(-10_800), "GMT-3");
        assert_eq!(gmt_offset(-34_200), "GMT-9:30");
        assert_eq!(gmt_offset(0), "GMT");
    }

    #[test]
    fn offsets_as_intl_writes_them() {
        for (text, secs) in [
            ("11/24/2026, GMT+02:00", Some(7200)),
            ("3/29/2026, GMT+05:30", Some(19_800)),
            ("1/1/2027, GMT-03:00", Some(-10_800)),
            ("1/1/2027, GMT-09:30", Some(-34_200)),
            ("1/1/1900, GMT+00:19:32", Some(1172)),
            ("6/1/2026, GMT", Some(0)),
            ("6/1/2026, UTC", None),
            ("6/1/2026, GMT?03", None),
            ("6/1/2026, GMT+x", None),
        ] {
            assert_eq!(parse_gmt_offset(text), secs, "{text}");
        }
        assert_eq!(zone_city("America/Port_of_Spain"), "Port of Spain");
        assert_eq!(zone_city("America/Argentina/Buenos_Aires"), "Buenos Aires");
        assert_eq!(zone_city("UTC"), "UTC");
        assert_eq!(canonical_zone("Asia/Calcutta"), "Asia/Kolkata");
        assert_eq!(canonical_zone("Europe/Bucharest"), "Europe/Bucharest");
    }

    #[test]
    fn iso_carries_the_viewer_offset() {
        let instant = "2020-12-04T14:00:00Z".parse().unwrap();
        assert_eq!(iso_in_zone(&Tzdb, "Pacific/Auckland", instant).unwrap(), "2020-12-05T03:00:00+13:00");
        assert_eq!(iso_in_zone(&Tzdb, "America/Bogota", instant).unwrap(), "2020-12-04T09:00:00-05:00");
        assert_eq!(iso_in_zone(&Tzdb, "Etc/UTC", instant).unwrap(), "2020-12-04T14:00:00+00:00");
    }
}

/// Length of the windows [`OffsetCache`] splits time into: about three days,
/// shorter than the gap between any two transitions of a real zone.
const WINDOW_SECS: i64 = 1 << 18;

/// What a window of one zone holds: one offset throughout, or one change.
#[derive(Clone, Copy)]
enum Window {
    Steady(Option<i32>),
    /// `before` until `at` (seconds since the epoch, exclusive), `after` from it.
    Change {
        at: i64,
        before: Option<i32>,
        after: Option<i32>,
    },
}

/// Memoizes a slow offset lookup (the browser's `Intl`, where each answer
/// is a round trip through JS) per zone and ~3-day window: the offsets at a
/// window's two ends (each shared with a neighbour) tell whether it is
/// steady; a window with a transition finds its second once by bisection.
/// Assumes at most one transition per window, which holds for every zone of
/// the IANA database from 1970 to 2060: the closest pairs are 7 days apart
/// (Recife and Noronha in October 2000, Gaza's predicted Ramadan changes in
/// 2040; measured hour by hour through chrono-tz).
#[derive(Default)]
pub struct OffsetCache {
    zones: std::cell::RefCell<FastMap<String, ZoneCache>>,
}

/// Keyed by window number (seconds / `WINDOW_SECS`).
#[derive(Default)]
struct ZoneCache {
    windows: FastMap<i64, Window>,
    /// Offsets at window boundaries, so neighbours ask once.
    ends: FastMap<i64, Option<i32>>,
}

/// The cache's maps hash with a multiply and a rotate (rustc's "Fx") instead
/// of std's SipHash, a tenth of reading a 10,000-event feed in the browser:
/// their keys are known zone names and window numbers within the years a
/// feed may use, not text a publisher can pick to collide.
type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

#[derive(Default)]
struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl OffsetCache {
    /// The offset of `zone` at `instant`, from `exact` (seconds since the
    /// epoch → offset) on the first question about its window.
    pub fn offset_at(&self, zone: &str, instant: DateTime<Utc>, exact: impl Fn(i64) -> Option<i32>) -> Option<i32> {
        let secs = instant.timestamp();
        let number = secs.div_euclid(WINDOW_SECS);
        let known = self.zones.borrow().get(zone).and_then(|z| z.windows.get(&number).copied());
        let window = match known {
            Some(window) => window,
            None => {
                let mut zones = self.zones.borrow_mut();
                let cache = zones.entry(zone.to_owned()).or_default();
                let window = cache.survey(number, &exact);
                cache.windows.insert(number, window);
                window
            }
        };
        match window {
            Window::Steady(offset) => offset,
            Window::Change { at, before, after } => {
                if secs < at {
                    before
                } else {
                    after
                }
            }
        }
    }
}

impl ZoneCache {
    fn survey(&mut self, number: i64, exact: &impl Fn(i64) -> Option<i32>) -> Window {
        let start = number * WINDOW_SECS;
        let before = *self.ends.entry(number).or_insert_with(|| exact(start));
        let after = *self.ends.entry(number + 1).or_insert_with(|| exact(start + WINDOW_SECS));
        if before == after {
            return Window::Steady(before);
        }
        // The first second with the new offset lies in (lo, hi].
        let (mut lo, mut hi) = (start, start + WINDOW_SECS);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if exact(mid) == before {
                lo = mid
            } else {
                hi = mid
            }
        }
        Window::Change { at: hi, before, after }
    }
}
