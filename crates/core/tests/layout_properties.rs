//! Property tests for what the calendar views rely on: the visible-period
//! search finds exactly the events a full scan would, time-grid columns never
//! put two overlapping events on top of each other, links round-trip, and
//! every `.ics` line stays within 75 octets.

use chrono::{Duration, NaiveDate, Weekday};
use citycal_core::feed::{Event, Feed, When};
use citycal_core::i18n::Lang;
use citycal_core::ics::{ics, Export};
use citycal_core::layout::{day_spans, longest, month_weeks, span, spans_between, time_grid, DAY_MINUTES, MIN_MINUTES};
use citycal_core::query::{View, ViewState};
use citycal_core::tzdb::{zone_names, Tzdb};
use proptest::prelude::*;

const ZONES: [&str; 6] =
    ["UTC", "Europe/Bucharest", "America/Santiago", "Australia/Lord_Howe", "Pacific/Kiritimati", "America/Havana"];

/// Events as (start minute offset from 2026-01-01, length in minutes, all-day flag).
fn events_strategy() -> impl Strategy<Value = Vec<Event>> {
    proptest::collection::vec((0i64..60 * 24 * 120, 0i64..60 * 24 * 5, any::<bool>()), 0..80).prop_map(|specs| {
        let base: chrono::DateTime<chrono::Utc> = "2026-01-01T00:00:00Z".parse().unwrap();
        let mut events: Vec<Event> = specs
            .into_iter()
            .enumerate()
            .map(|(i, (start, len, all_day))| {
                let start = base + Duration::minutes(start);
                let when = if all_day {
                    let first = start.date_naive();
                    When::AllDay { first, last: first + Duration::days(len / (60 * 24)) }
                } else {
                    When::Timed { start, end: start + Duration::minutes(len) }
                };
                Event::new(&format!("e{i}"), "t", when)
            })
            .collect();
        events.sort_by(|a, b| a.start().cmp(&b.start()).then_with(|| a.id.cmp(&b.id)));
        events
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn visible_period_search_matches_a_full_scan(
        events in events_strategy(),
        zone in proptest::sample::select(ZONES.to_vec()),
        from_day in 0i64..130,
        days in 0i64..45,
    ) {
        let from = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(from_day);
        let to = from + Duration::days(days);
        let found: Vec<&str> = spans_between(&events, longest(&events), from, to, &Tzdb, zone, &|i| i % 3 != 1)
            .iter().map(|s| s.event.id.as_str()).collect();
        let expected: Vec<&str> = events.iter().enumerate()
            .filter(|(i, _)| i % 3 != 1)
            .map(|(_, e)| span(e, &Tzdb, zone))
            .filter(|s| s.first <= to && s.last >= from)
            .map(|s| s.event.id.as_str()).collect();
        prop_assert_eq!(found, expected);
    }

    #[test]
    fn time_grid_columns_never_overlap(
        events in events_strategy(),
        zone in proptest::sample::select(ZONES.to_vec()),
        day in 0i64..120,
    ) {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(day);
        let spans = spans_between(&events, longest(&events), day, day, &Tzdb, zone, &|_| true);
        let grid = time_grid(&spans, day);
        // Every timed span of the day is placed exactly once.
        let timed = spans.iter().filter(|s| s.touches(day) && !s.is_all_day_row()).count();
        prop_assert_eq!(grid.len(), timed);
        for a in &grid {
            // Every block is tall enough for its title line.
            prop_assert!(a.top + MIN_MINUTES <= a.bottom && a.bottom <= DAY_MINUTES);
            prop_assert!(a.column < a.columns);
            for b in &grid {
                let overlap = a.top < b.bottom && b.top < a.bottom;
                if a.span != b.span && overlap {
                    prop_assert_ne!(a.column, b.column, "{:?} {:?}", a, b);
                    prop_assert_eq!(a.columns, b.columns);
                }
            }
        }
        // Reading order puts the all-day row first.
        let ordered = day_spans(&spans, day);
        let first_timed = ordered.iter().position(|s| !s.is_all_day_row()).unwrap_or(ordered.len());
        prop_assert!(ordered[first_timed..].iter().all(|s| !s.is_all_day_row()));
    }

    #[test]
    fn month_grids_hold_every_day_of_the_month_once(
        year in 1990i32..2100, month in 1u32..=12, first in proptest::sample::select(vec![Weekday::Mon, Weekday::Sun, Weekday::Sat]),
    ) {
        let date = NaiveDate::from_ymd_opt(year, month, 1).unwrap();
        let weeks = month_weeks(date, first);
        prop_assert!((4..=6).contains(&weeks.len()));
        let days: Vec<NaiveDate> = weeks.iter().flatten().copied().collect();
        prop_assert!(days.windows(2).all(|w| w[1] - w[0] == Duration::days(1)));
        prop_assert_eq!(days[0].weekday_from(first), 0);
        let in_month = days.iter().filter(|d| chrono::Datelike::month(*d) == month).count();
        let next = date.checked_add_months(chrono::Months::new(1)).unwrap();
        prop_assert_eq!(in_month as i64, (next - date).num_days());
    }

    #[test]
    fn links_round_trip(
        view in proptest::option::of(proptest::sample::select(View::ALL.to_vec())),
        day in proptest::option::of(0i64..100_000),
        event in proptest::option::of("[a-zA-Z0-9 &=?#%+ăș-]{1,30}"),
        past in any::<bool>(),
        lang in proptest::option::of(proptest::sample::select(Lang::ALL.to_vec())),
        zone_idx in proptest::option::of(any::<prop::sample::Index>()),
        accent in proptest::option::of(any::<[u8; 3]>()),
        other in proptest::collection::vec(("[a-z_]{1,8}", "[ -~]{0,12}"), 0..3),
    ) {
        let zones: Vec<&str> = zone_names().collect();
        let state = ViewState {
            view,
            date: day.map(|d| NaiveDate::from_ymd_opt(1900, 1, 1).unwrap() + Duration::days(d)),
            event: event.map(|e| e.trim().to_owned()).filter(|e| !e.is_empty()),
            past,
            lang,
            tz: zone_idx.map(|i| i.get(&zones).to_string()),
            accent: accent.map(citycal_core::colour::Rgb),
            filters: Default::default(),
            other: other.into_iter()
                .filter(|(k, _)| !citycal_core::query::PARAMS.contains(&k.as_str()))
                .collect(),
        };
        let (back, issues) = ViewState::from_query(&state.to_query(), &Tzdb);
        prop_assert!(issues.is_empty(), "{:?}", issues);
        prop_assert_eq!(back, state);
    }

    #[test]
    fn any_query_string_is_read_without_panicking(query in "[ -~]{0,80}") {
        let (state, _) = ViewState::from_query(&query, &Tzdb);
        // What was understood is written back in a form that reads the same.
        let (again, issues) = ViewState::from_query(&state.to_query(), &Tzdb);
        prop_assert!(issues.is_empty());
        prop_assert_eq!(again, state);
    }

    #[test]
    fn ics_lines_stay_within_75_octets(
        title in "\\PC{0,200}", zone in proptest::sample::select(ZONES.to_vec()), start in 0i64..10_000_000,
    ) {
        let start = chrono::DateTime::UNIX_EPOCH + Duration::minutes(start);
        let mut event = Event::new("id,;\\", &title, When::Timed { start, end: start + Duration::hours(2) });
        event.zone = Some(zone.to_owned());
        let export = Export { lang: "en", page_url: "https://x.example/?event=1", uid_domain: "x.example", now: start };
        let text = ics(&event, &Feed::default(), &Tzdb, &export);
        prop_assert!(text.ends_with("\r\n"));
        for line in text.split("\r\n") {
            prop_assert!(line.len() <= 75, "{:?}", line);
            prop_assert!(!line.contains('\n') && !line.contains('\r'));
        }
    }
}

trait WeekdayFrom {
    fn weekday_from(&self, first: Weekday) -> u32;
}

impl WeekdayFrom for NaiveDate {
    fn weekday_from(&self, first: Weekday) -> u32 {
        chrono::Datelike::weekday(self).days_since(first)
    }
}
