//! Filters on the sample feed (and a generated 10,000-event one): adding a
//! filter never adds results, clearing all gives the whole feed, facet counts
//! say what a click would give, and filters survive a link round trip.

use chrono::{DateTime, Duration, NaiveDate, Utc, Weekday};
use citycal_core::feed::{parse, Feed};
use citycal_core::filter::Active::Value;
use citycal_core::filter::{active, apply, facet_counts, remove, Facet, Filters, Hours, Period, SearchIndex, Viewer};
use citycal_core::query::ViewState;
use citycal_core::tzdb::Tzdb;
use proptest::prelude::*;

const SAMPLE: &str = include_str!("../../../public/events.json");
const ZONES: [&str; 4] = ["Europe/Bucharest", "America/Bogota", "Pacific/Auckland", "Asia/Kolkata"];

fn sample() -> Feed {
    parse(SAMPLE.as_bytes(), &Tzdb).unwrap().0
}

fn viewer(zone: &'static str, now_days: i64) -> Viewer<'static> {
    let now: DateTime<Utc> = "2026-11-24T10:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::days(now_days);
    Viewer { now, rules: &Tzdb, zone, week_starts: Weekday::Mon }
}

fn count(marks: &[bool]) -> usize {
    marks.iter().filter(|m| **m).count()
}

/// Filters built from values the sample feed has (and a few it has not).
fn filters_strategy() -> impl Strategy<Value = Filters> {
    let theme =
        proptest::sample::select(vec!["urban-innovation", "climate", "digital", "housing", "participation", "nope"]);
    let spoken = proptest::sample::select(vec!["en", "es", "ro", "fr", "pt", "pl"]);
    let format = proptest::sample::select(vec!["online", "in_person", "hybrid"]);
    let country = proptest::sample::select(vec!["RO", "BE", "ES", "US", "PL", "XX"]);
    let city = proptest::sample::select(vec!["Cluj-Napoca", "Brussels", "gdansk", "București", "Lisbon"]);
    let org = proptest::sample::select(vec!["urbact", "eurocities", "metropolis", "uiu-cluj"]);
    let text = proptest::sample::select(vec!["", "innovation", "gdansk", "IASI", "ciudad", "cluj urban", "zzz"]);
    (
        proptest::collection::vec(theme, 0..3),
        proptest::collection::vec(spoken, 0..2),
        proptest::collection::vec(format, 0..2),
        proptest::collection::vec(country, 0..2),
        proptest::collection::vec(city, 0..2),
        proptest::collection::vec(org, 0..2),
        proptest::option::of(proptest::sample::select(Period::ALL.to_vec())),
        proptest::option::of((0i64..900, 0i64..120)),
        proptest::option::of((0u32..23, 1u32..24)),
        text,
    )
        .prop_map(|(themes, spoken, formats, countries, cities, organizers, period, range, hours, text)| {
            let mut f = Filters { period, text: text.to_owned(), ..Filters::default() };
            for (facet, values) in [
                (Facet::Theme, themes),
                (Facet::Spoken, spoken),
                (Facet::Format, formats),
                (Facet::Country, countries),
                (Facet::City, cities),
                (Facet::Organizer, organizers),
            ] {
                let mut unique: Vec<String> = Vec::new();
                for v in values {
                    if !unique.iter().any(|u| u == v) {
                        unique.push(v.to_owned());
                    }
                }
                f.set_values(facet, unique);
            }
            if let Some((start, len)) = range {
                let from = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + Duration::days(start);
                f.from = Some(from);
                f.to = Some(from + Duration::days(len));
            }
            if let Some((a, len)) = hours {
                f.hours = Some(Hours { from: a * 60, to: ((a + len) * 60).min(1440) });
            }
            f
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn adding_a_filter_never_adds_results(
        filters in filters_strategy(),
        zone in proptest::sample::select(ZONES.to_vec()),
        now_days in 0i64..400,
    ) {
        let feed = sample();
        let index = SearchIndex::new(&feed);
        let viewer = viewer(zone, now_days);
        let marks = apply(&feed, &index, &filters, &viewer);
        for piece in active(&filters) {
            let without = apply(&feed, &index, &remove(&filters, &piece), &viewer);
            let subset = |a: &[bool], b: &[bool]| a.iter().zip(b).all(|(x, y)| !x || *y);
            match &piece {
                // A second value in the same facet widens it (theme A or B):
                // taking one of several away never adds an event.
                Value(facet, _) if filters.values(*facet).len() > 1 => {
                    prop_assert!(subset(&without, &marks), "{:?}", piece);
                }
                // Any other filter is a constraint: adding it never adds an event.
                _ => prop_assert!(subset(&marks, &without), "{:?}", piece),
            }
        }
        prop_assert_eq!(count(&apply(&feed, &index, &Filters::default(), &viewer)), feed.events.len());
    }

    #[test]
    fn facet_counts_say_what_a_click_gives(
        filters in filters_strategy(),
        zone in proptest::sample::select(ZONES.to_vec()),
        facet in proptest::sample::select(Facet::ALL.to_vec()),
    ) {
        let feed = sample();
        let index = SearchIndex::new(&feed);
        let viewer = viewer(zone, 0);
        for (value, n) in facet_counts(&feed, &index, &filters, facet, &viewer) {
            let mut only = filters.without(facet);
            only.set_values(facet, vec![value.clone()]);
            prop_assert_eq!(n, count(&apply(&feed, &index, &only, &viewer)), "{:?} {}", facet, value);
        }
    }

    #[test]
    fn filters_survive_a_link(filters in filters_strategy()) {
        let state = ViewState { filters: Filters { text: filters.text.trim().to_owned(), ..filters }, ..ViewState::default() };
        let (back, issues) = ViewState::from_query(&state.to_query(), &Tzdb);
        prop_assert!(issues.is_empty(), "{:?}", issues);
        prop_assert_eq!(back, state);
    }
}

#[test]
fn search_and_facets_on_the_sample() {
    let feed = sample();
    let index = SearchIndex::new(&feed);
    let viewer = viewer("Europe/Bucharest", 0);
    let ids = |f: &Filters| -> Vec<String> {
        apply(&feed, &index, f, &viewer)
            .iter()
            .zip(&feed.events)
            .filter(|(m, _)| **m)
            .map(|(_, e)| e.id.clone())
            .collect()
    };
    let text = |t: &str| Filters { text: t.into(), ..Filters::default() };
    // Diacritics and case do not matter, in either direction.
    assert_eq!(ids(&text("gdansk")), ids(&text("GDAŃSK")));
    assert!(ids(&text("gdansk")).contains(&"co4cities-follow-up-gdansk".to_owned()));
    assert_eq!(ids(&text("Bucuresti")), ids(&text("bucurești")));
    assert!(!ids(&text("Bucuresti")).is_empty());
    // Speakers and organizers are searched.
    assert_eq!(ids(&text("Youngblood")), vec!["e-urban-dialogues-2020"]);
    // Cluj-Napoca: events there and events its organizations run online.
    let mut cluj = Filters::default();
    cluj.set_values(Facet::City, vec!["cluj-napoca".into()]);
    assert!(ids(&cluj).contains(&"e-urban-dialogues-2020".to_owned()));
    // Past with recordings.
    let recorded = Filters { period: Some(Period::PastWithRecording), ..Filters::default() };
    assert!(ids(&recorded).iter().all(|id| feed.event(id).unwrap().recording_url.is_some()));
    assert!(!ids(&recorded).is_empty());
}

#[test]
fn the_working_day_depends_on_the_viewer_zone() {
    let feed = sample();
    let index = SearchIndex::new(&feed);
    let day = Filters { hours: Hours::parse("09:00-18:00"), ..Filters::default() };
    let id = "e-urban-dialogues-2026"; // 16:00–18:00 in Bucharest
    let passes = |zone: &'static str| {
        let marks = apply(&feed, &index, &day, &viewer(zone, 0));
        marks[feed.events.iter().position(|e| e.id == id).unwrap()]
    };
    assert!(passes("Europe/Bucharest"));
    assert!(passes("America/Bogota")); // 09:00–11:00
    assert!(!passes("Pacific/Auckland")); // 03:00–05:00
    assert!(!passes("Asia/Kolkata")); // 19:30–21:30
}
