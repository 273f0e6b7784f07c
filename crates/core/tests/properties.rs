//! Property tests: no input makes the parser panic, and the time model's
//! round trips hold in every zone.

use chrono::{DateTime, Duration, Utc};
use citycal_core::feed::parse;
use citycal_core::time::{resolve_local, to_local, Resolution, ZoneRules};
use citycal_core::tzdb::{zone_names, Tzdb};
use proptest::prelude::*;

const SAMPLE: &str = include_str!("../../../public/events.json");

fn zones() -> Vec<&'static str> {
    zone_names().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = parse(&bytes, &Tzdb);
    }

    #[test]
    fn arbitrary_json_shaped_text_never_panics(text in r#"[\[\]{}",:0-9a-zA-Z\-T:Z. ]{0,300}"#) {
        let _ = parse(format!(r#"{{"version": 1, "events": [{text}]}}"#).as_bytes(), &Tzdb);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Mutations of the real sample feed: cut it, flip bytes, splice pieces.
    #[test]
    fn mutated_sample_feed_never_panics(
        cut in 0..SAMPLE.len(),
        flips in proptest::collection::vec((0..SAMPLE.len(), any::<u8>()), 0..8),
        splice in (0..SAMPLE.len(), 0..SAMPLE.len(), 0..200usize),
    ) {
        let mut bytes = SAMPLE.as_bytes().to_vec();
        for (at, b) in flips {
            bytes[at] = b;
        }
        let _ = parse(&bytes, &Tzdb);
        let _ = parse(&bytes[..cut], &Tzdb);
        let (from, to, len) = splice;
        let piece = bytes[from..(from + len).min(bytes.len())].to_vec();
        bytes.splice(to..to, piece);
        let _ = parse(&bytes, &Tzdb);
    }

    /// Mutations at the value level: every string in an event replaced by
    /// something hostile still leaves a parse that keeps the other events.
    #[test]
    fn hostile_values_skip_only_their_event(idx in 0usize..37, value in prop_oneof![
        Just(serde_json::json!(null)), Just(serde_json::json!(-1)), Just(serde_json::json!("")),
        Just(serde_json::json!("2020-13-45T99:99")), Just(serde_json::json!([[[]]])), Just(serde_json::json!({"x": 1})),
        Just(serde_json::json!(1e308)), Just(serde_json::json!("Mars/Olympus")),
    ], field in prop_oneof![Just("id"), Just("title"), Just("start"), Just("end"), Just("timeZone"), Just("format"),
        Just("themes"), Just("registration"), Just("people"), Just("allDay"), Just("languages")]) {
        let mut doc: serde_json::Value = serde_json::from_str(SAMPLE).unwrap();
        let events = doc["events"].as_array_mut().unwrap();
        let idx = idx % events.len();
        events[idx][field] = value;
        let total = events.len();
        let (feed, _issues) = parse(doc.to_string().as_bytes(), &Tzdb).unwrap();
        prop_assert!(feed.events.len() >= total - 1);
    }

    /// Local time -> instant -> local time gives the same wall clock, and in a
    /// fold the instant chosen is the earlier one.
    #[test]
    fn wall_clock_round_trips(zone_idx in any::<prop::sample::Index>(), secs in 631_152_000i64..2_240_524_800) {
        let zones = zones();
        let zone = zones[zone_idx.index(zones.len())];
        let instant = DateTime::<Utc>::from_timestamp(secs, 0).unwrap();
        let local = to_local(&Tzdb, zone, instant).unwrap().naive_local();
        let (back, how) = resolve_local(&Tzdb, zone, local).unwrap();
        prop_assert_eq!(to_local(&Tzdb, zone, back).unwrap().naive_local(), local);
        match how {
            Resolution::Exact => prop_assert_eq!(back, instant),
            Resolution::Fold => prop_assert!(back <= instant),
            Resolution::Gap { .. } => prop_assert!(false, "a wall clock that was shown cannot be in a gap"),
        }
    }

    /// A wall clock in a gap moves forward by exactly the gap.
    #[test]
    fn gaps_shift_forward_by_their_length(zone_idx in any::<prop::sample::Index>(), secs in 631_152_000i64..2_240_524_800) {
        let zones = zones();
        let zone = zones[zone_idx.index(zones.len())];
        let instant = DateTime::<Utc>::from_timestamp(secs, 0).unwrap();
        let local = to_local(&Tzdb, zone, instant).unwrap().naive_local() + Duration::minutes(30);
        if let Some((back, Resolution::Gap { shift_secs })) = resolve_local(&Tzdb, zone, local) {
            let shown = to_local(&Tzdb, zone, back).unwrap().naive_local();
            prop_assert_eq!(shown, local + Duration::seconds(shift_secs.into()));
            prop_assert!(shift_secs > 0);
        }
    }
}

/// Every spring-forward gap and autumn fold in the issue's four zones between
/// 1990 and 2040: the policy holds at each one.
#[test]
fn every_transition_in_four_zones_follows_the_policy() {
    let mut checked = 0;
    for zone in ["Europe/Bucharest", "America/Santiago", "Australia/Lord_Howe", "America/Havana"] {
        let mut t = DateTime::<Utc>::from_timestamp(631_152_000, 0).unwrap();
        let end = DateTime::<Utc>::from_timestamp(2_240_524_800, 0).unwrap();
        let mut offset = Tzdb.offset_at(zone, t).unwrap();
        while t < end {
            let next = t + Duration::minutes(15);
            let next_offset = Tzdb.offset_at(zone, next).unwrap();
            if next_offset != offset {
                // Find the transition to the minute.
                let mut at = t;
                while Tzdb.offset_at(zone, at).unwrap() == offset {
                    at += Duration::minutes(1);
                }
                // The gap is [at + old offset, at + new offset) in wall-clock time;
                // the fold is [at + new offset, at + old offset).
                let half = Duration::seconds(((next_offset - offset).abs() / 2).into());
                let middle = at.naive_utc() + Duration::seconds(offset.min(next_offset).into()) + half;
                let (instant, how) = resolve_local(&Tzdb, zone, middle).unwrap();
                if next_offset > offset {
                    assert_eq!(how, Resolution::Gap { shift_secs: next_offset - offset }, "{zone} {at}");
                    assert_eq!(instant, middle.and_utc() - Duration::seconds(offset.into()));
                } else {
                    assert_eq!(how, Resolution::Fold, "{zone} {at}");
                    assert_eq!(instant, middle.and_utc() - Duration::seconds(offset.into()), "earlier instant");
                }
                checked += 1;
                offset = next_offset;
            }
            t = next;
        }
    }
    assert!(checked > 200, "only {checked} transitions");
}

mod offset_cache {
    use chrono::{DateTime, Utc};
    use citycal_core::time::{OffsetCache, ZoneRules};
    use citycal_core::tzdb::Tzdb;
    use proptest::prelude::*;

    const ZONES: [&str; 8] = [
        "Europe/Bucharest",
        "America/Bogota",
        "Australia/Lord_Howe",
        "Asia/Kolkata",
        "America/St_Johns",
        "Pacific/Chatham",
        "Europe/London",
        "Nowhere/Unknown",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The cache answers exactly what the database answers, transitions
        /// included (instants cluster around 2020–2030 with second precision).
        #[test]
        fn cached_offsets_equal_the_database(zone in 0usize..ZONES.len(), secs in 1_577_836_800i64..1_893_456_000) {
            let cache = OffsetCache::default();
            let zone = ZONES[zone];
            let exact = |s: i64| Tzdb.offset_at(zone, DateTime::<Utc>::from_timestamp(s, 0).unwrap());
            // Warm the window from a neighbour first, as a real feed would.
            let _ = cache.offset_at(zone, DateTime::from_timestamp(secs - 3600, 0).unwrap(), exact);
            let instant = DateTime::from_timestamp(secs, 0).unwrap();
            prop_assert_eq!(cache.offset_at(zone, instant, exact), Tzdb.offset_at(zone, instant));
        }
    }

    /// Every second around a real transition (Bucharest, 2026-10-25 04:00 EEST).
    #[test]
    fn the_transition_second_is_exact() {
        let cache = OffsetCache::default();
        let zone = "Europe/Bucharest";
        let exact = |s: i64| Tzdb.offset_at(zone, DateTime::<Utc>::from_timestamp(s, 0).unwrap());
        let change = DateTime::parse_from_rfc3339("2026-10-25T01:00:00Z").unwrap().timestamp();
        for s in change - 5..change + 5 {
            let instant = DateTime::from_timestamp(s, 0).unwrap();
            assert_eq!(cache.offset_at(zone, instant, exact), Some(if s < change { 3 * 3600 } else { 2 * 3600 }));
        }
    }
}
