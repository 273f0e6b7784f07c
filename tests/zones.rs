//! The browser zone engine (`IntlZones`, offsets read from
//! `Intl.DateTimeFormat.formatToParts`) agrees with Chromium's own `Intl`
//! offsets and with the IANA database (chrono-tz): on 10,000 random
//! (instant, zone) pairs from 1990 to 2040, and at every DST gap and fold in
//! Europe/Bucharest, America/Santiago, Australia/Lord_Howe and America/Havana.

use chrono::{DateTime, Duration, Offset, TimeZone, Utc};
use citycal::platform::intl::{supported_zones, IntlZones};
use citycal_core::time::{resolve_local, Resolution, ZoneRules};
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const FROM: i64 = 631_152_000; // 1990-01-01T00:00:00Z
const TO: i64 = 2_208_988_800; // 2040-01-01T00:00:00Z

/// The IANA database compiled in (test only).
struct ChronoTz;

impl ZoneRules for ChronoTz {
    fn offset_at(&self, zone: &str, instant: DateTime<Utc>) -> Option<i32> {
        let tz: chrono_tz::Tz = zone.parse().ok()?;
        Some(tz.offset_from_utc_datetime(&instant.naive_utc()).fix().local_minus_utc())
    }
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type Dtf;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locale: &str, options: &JsValue) -> Dtf;
    #[wasm_bindgen(method)]
    fn format(this: &Dtf, epoch_ms: f64) -> String;
}

/// Chromium's own statement of the offset: `timeZoneName: "longOffset"`
/// ("GMT+05:30", "GMT" for zero), independent of how `IntlZones` reads it.
struct LongOffsets(HashMap<String, Dtf>);

impl LongOffsets {
    fn offset(&mut self, zone: &str, instant: DateTime<Utc>) -> i32 {
        let format = self.0.entry(zone.to_owned()).or_insert_with(|| {
            let options = js_sys::Object::new();
            js_sys::Reflect::set(&options, &"timeZone".into(), &zone.into()).unwrap();
            js_sys::Reflect::set(&options, &"timeZoneName".into(), &"longOffset".into()).unwrap();
            Dtf::new("en-US", &options)
        });
        let text = format.format(instant.timestamp_millis() as f64);
        let gmt = text.rsplit(' ').next().unwrap();
        let offset = gmt.strip_prefix("GMT").unwrap();
        if offset.is_empty() {
            return 0;
        }
        let sign = if offset.starts_with('-') { -1 } else { 1 };
        let mut parts = offset[1..].split(':').map(|p| p.parse::<i32>().unwrap());
        let (h, m, s) = (parts.next().unwrap(), parts.next().unwrap_or(0), parts.next().unwrap_or(0));
        sign * (h * 3600 + m * 60 + s)
    }
}

/// A small deterministic generator (xorshift64*), so failures reproduce.
struct Random(u64);

impl Random {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) % n
    }
}

#[wasm_bindgen_test]
fn intl_zones_agree_with_chromium_and_the_tz_database_on_10000_random_pairs() {
    let zones = supported_zones();
    assert!(zones.len() > 400, "Intl lists {} zones", zones.len());
    let mut long = LongOffsets(HashMap::new());
    let mut random = Random(0x5EED_CAFE_F00D_1234);
    let mut database_disagrees: Vec<String> = Vec::new();
    for _ in 0..10_000 {
        let zone = &zones[random.below(zones.len() as u64) as usize];
        let instant = DateTime::from_timestamp(FROM + random.below((TO - FROM) as u64) as i64, 0).unwrap();
        let ours = IntlZones.offset_at(zone, instant).unwrap_or_else(|| panic!("{zone} unknown to IntlZones"));
        assert_eq!(ours, long.offset(zone, instant), "{zone} at {instant}");
        if ChronoTz.offset_at(zone, instant) != Some(ours) {
            database_disagrees
                .push(format!("{zone} {instant}: Intl {ours}, tzdb {:?}", ChronoTz.offset_at(zone, instant)));
        }
    }
    // Chromium's tz data and chrono-tz's may be a release apart; they must
    // still agree almost everywhere.
    assert!(database_disagrees.len() <= 20, "{} disagreements: {database_disagrees:#?}", database_disagrees.len());
}

#[wasm_bindgen_test]
fn every_gap_and_fold_in_four_zones_resolves_the_same_in_the_browser() {
    let mut long = LongOffsets(HashMap::new());
    let mut transitions = 0;
    for zone in ["Europe/Bucharest", "America/Santiago", "Australia/Lord_Howe", "America/Havana"] {
        let mut t = DateTime::<Utc>::from_timestamp(FROM, 0).unwrap();
        let end = DateTime::<Utc>::from_timestamp(TO, 0).unwrap();
        let mut offset = ChronoTz.offset_at(zone, t).unwrap();
        while t < end {
            let next = t + Duration::days(1);
            let next_offset = ChronoTz.offset_at(zone, next).unwrap();
            if next_offset != offset {
                // The transition to the second, from the database.
                let (mut lo, mut hi) = (t, next);
                while hi - lo > Duration::seconds(1) {
                    let mid = lo + (hi - lo) / 2;
                    if ChronoTz.offset_at(zone, mid) == Some(offset) {
                        lo = mid
                    } else {
                        hi = mid
                    }
                }
                for instant in [lo, hi] {
                    assert_eq!(
                        IntlZones.offset_at(zone, instant),
                        ChronoTz.offset_at(zone, instant),
                        "{zone} {instant}"
                    );
                    assert_eq!(
                        IntlZones.offset_at(zone, instant),
                        Some(long.offset(zone, instant)),
                        "{zone} {instant}"
                    );
                }
                // A wall-clock time inside the gap or fold resolves the same on both engines.
                let half = Duration::seconds(((next_offset - offset).abs() / 2).into());
                let wall = hi.naive_utc() + Duration::seconds(offset.min(next_offset).into()) + half;
                let browser = resolve_local(&IntlZones, zone, wall).unwrap();
                assert_eq!(browser, resolve_local(&ChronoTz, zone, wall).unwrap(), "{zone} {wall}");
                let expected = if next_offset > offset {
                    Resolution::Gap { shift_secs: next_offset - offset }
                } else {
                    Resolution::Fold
                };
                assert_eq!(browser.1, expected, "{zone} {wall}");
                transitions += 1;
                offset = next_offset;
            }
            t = next;
        }
    }
    assert!(transitions > 200, "only {transitions} transitions");
}
