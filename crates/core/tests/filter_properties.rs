//! Filters on the sample feed (and a generated 10,000-event one): adding a
//! filter never adds results, clearing all gives the whole feed, facet counts
//! say what a click would give, and filters survive a link round trip. The
//! panel's date and time fields: what each text reads as, and what typing
//! into a pair of them does to the filters.

use chrono::{DateTime, Duration, NaiveDate, Utc, Weekday};
use citycal_core::feed::{parse, Feed};
use citycal_core::filter::Active::Value;
use citycal_core::filter::{
    active, apply, clock_minutes, clock_text, facet_counts, remove, DateRange, End, Facet, FieldPair, Filters, Hours,
    PairError, PairValue, Period, SearchIndex, Viewer,
};
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

// The panel's time and date fields.

use End::{From, To};
use PairError::{Crossed, Malformed};

#[test]
fn time_field_texts() {
    let check = |text: &str, expected: Option<u32>| assert_eq!(clock_minutes(text), expected, "{text:?}");
    for (text, minutes) in [
        ("00:00", 0),
        ("09:00", 540),
        ("9:00", 540),
        ("12:30", 750),
        ("23:59", 1439),
        ("24:00", 1440),
        (" 09:15 ", 555),
        ("\t18:45\n", 1125),
        ("\u{a0}07:05\u{3000}", 425),
        ("09:00:00", 540),
        ("09:00:59", 540),
        ("09:00:30.5", 540),
        ("09:00:30.123", 540),
        ("24:00:00", 1440),
        ("24:00:00.000", 1440),
    ] {
        check(text, Some(minutes));
    }
    for text in [
        "",
        " ",
        "abc",
        "25:00",
        "24:01",
        "24:00:01",
        "24:00:00.001",
        "9:5",
        "09:5",
        "09:60",
        "09:00:60",
        "09:00:00.",
        "09:00:00.1234",
        "09:00:00:00",
        "0900",
        "9",
        "09:",
        ":00",
        ":",
        "009:00",
        "+9:00",
        "09:+5",
        "-1:00",
        "09 :00",
        "09: 00",
        "09h00",
        "09.00",
        "9am",
        "9:00 PM",
        "٠٩:٠٠",
        "۰۹:۰۰",
        "०९:००",
        "０９:００",
        "09:٠٠",
        "𝟘𝟡:𝟘𝟘",
        "99999999999:00",
        "4294967295:00",
    ] {
        check(text, None);
    }
    check("9:05 ", Some(545)); // whitespace around is ignored
}

#[test]
fn time_window_from_two_fields() {
    let w = |from: u32, to: u32| Ok(Some(Hours { from, to }));
    let check = |from: &str, to: &str, expected: Result<Option<Hours>, PairError>| {
        assert_eq!(Hours::from_inputs(from, to), expected, "{from:?} {to:?}");
    };
    // No window: the whole day, however it is said.
    for (from, to) in [("", ""), ("  ", "\t"), ("00:00", ""), ("", "24:00"), ("00:00", "24:00"), ("00:00", "23:59")] {
        check(from, to, Ok(None));
    }
    check("", "00:00", Ok(None)); // midnight as an end is the end of the day
    check("09:00", "", w(540, 1440));
    check("", "18:00", w(0, 1080));
    check("09:00", "18:00", w(540, 1080));
    check("9:00", "17:30", w(540, 1050));
    check(" 09:00 ", " 18:00 ", w(540, 1080));
    check("09:00:00", "18:00:00.000", w(540, 1080));
    check("09:00", "24:00", w(540, 1440));
    check("18:00", "00:00", w(1080, 1440));
    check("18:00", "23:59", w(1080, 1440)); // 23:59 is what the field shows for the day's end
    check("18:00", "23:58", w(1080, 1438));
    check("23:59", "", w(1439, 1440));
    check("23:59", "23:59", w(1439, 1440));
    check("00:00", "00:15", w(0, 15));
    check("00:01", "", w(1, 1440));
    // An end that is not after the start is refused, not swapped or dropped.
    check("09:00", "09:00", Err(Crossed));
    check("18:00", "09:00", Err(Crossed));
    check("09:00", "08:59", Err(Crossed));
    check("23:59", "23:58", Err(Crossed));
    // A malformed text is its own field's fault (the start's first).
    check("24:00", "", Err(Malformed(From)));
    check("25:00", "18:00", Err(Malformed(From)));
    check("9:5", "18:00", Err(Malformed(From)));
    check("٠٩:٠٠", "", Err(Malformed(From)));
    check("abc", "xyz", Err(Malformed(From)));
    check("09:00", "25:00", Err(Malformed(To)));
    check("09:00", "09:60", Err(Malformed(To)));
    check("", "24:01", Err(Malformed(To)));
    check("18:00", "abc", Err(Malformed(To)));
    check("", "０９:００", Err(Malformed(To)));
}

#[test]
fn time_fields_show_a_window() {
    let check = |window: Option<Hours>, from: &str, to: &str| {
        assert_eq!((Hours::input_value(window, From), Hours::input_value(window, To)), (from.into(), to.into()));
    };
    check(None, "", "");
    check(Some(Hours { from: 540, to: 1080 }), "09:00", "18:00");
    check(Some(Hours { from: 540, to: 1440 }), "09:00", "23:59");
    check(Some(Hours { from: 0, to: 60 }), "00:00", "01:00");
    check(Some(Hours { from: 5000, to: u32::MAX }), "23:59", "23:59"); // out of range: no panic, a valid field value
    assert_eq!(clock_text(1440), "24:00");
    assert_eq!(clock_text(545), "09:05");
}

#[test]
fn every_window_the_fields_give_reads_back_and_survives_a_link() {
    for from in 0..1440 {
        for to in (from + 1..=1440).filter(|to| *to != 1439) {
            let window = Hours::from_inputs(&clock_text(from), &clock_text(to)).unwrap();
            let expected = (from != 0 || to != 1440).then_some(Hours { from, to });
            assert_eq!(window, expected, "{from} {to}");
            let shown = (Hours::input_value(window, From), Hours::input_value(window, To));
            assert_eq!(Hours::from_inputs(&shown.0, &shown.1), Ok(window), "{shown:?}");
            if let Some(h) = window {
                assert_eq!(Hours::parse(&h.to_text()), Some(h));
            }
        }
    }
}

#[test]
fn links_read_hours_strictly() {
    for bad in ["+9:00-18:00", "09:+5-10:00", "9:00-18:00", "09:00:00-18:00", "٠٩:٠٠-18:00", "24:00-24:00"] {
        assert_eq!(Hours::parse(bad), None, "{bad}");
    }
    assert_eq!(Hours::parse(" 09:00 - 24:00 "), Some(Hours { from: 540, to: 1440 }));
}

fn day(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

fn range(from: &str, to: &str) -> DateRange {
    DateRange { from: day(from), to: day(to) }
}

#[test]
fn date_range_from_two_fields() {
    let check = |from: &str, to: &str, expected: Result<DateRange, PairError>| {
        assert_eq!(DateRange::from_inputs(from, to), expected, "{from:?} {to:?}");
    };
    check("", "", Ok(DateRange::default()));
    check(" ", "\t", Ok(DateRange::default()));
    check("2027-03-10", "", Ok(range("2027-03-10", "")));
    check("", "2027-03-10", Ok(range("", "2027-03-10")));
    check("2027-03-10", "2027-03-10", Ok(range("2027-03-10", "2027-03-10")));
    check("2027-03-10", "2027-03-20", Ok(range("2027-03-10", "2027-03-20")));
    check(" 2027-03-10 ", "2027-03-20\n", Ok(range("2027-03-10", "2027-03-20")));
    check("1900-01-01", "2200-12-31", Ok(range("1900-01-01", "2200-12-31")));
    check("2024-02-29", "", Ok(range("2024-02-29", "")));
    check("2027-03-20", "2027-03-10", Err(Crossed));
    check("2027-03-11", "2027-03-10", Err(Crossed));
    for bad in [
        "2027-02-30",
        "2025-02-29",
        "2027-13-01",
        "2027-00-10",
        "0002-03-10",
        "0020-03-10",
        "0202-03-10",
        "1899-12-31",
        "2201-01-01",
        "275760-09-13",
        "27-3-1",
        "2027-3-1",
        "2027/03/10",
        "10.03.2027",
        "2027-03-10T10:00",
        "+2027-03-10",
        "abc",
        "٢٠٢٧-٠٣-١٠",
        "２０２７-０３-１０",
    ] {
        check(bad, "", Err(Malformed(From)));
        check("", bad, Err(Malformed(To)));
        check(bad, "2027-03-10", Err(Malformed(From)));
        check("2027-03-10", bad, Err(Malformed(To)));
    }
    check("2027-03-20", "abc", Err(Malformed(To))); // malformed before crossed
    assert_eq!(range("2027-03-10", "").input_value(From), "2027-03-10");
    assert_eq!(range("2027-03-10", "").input_value(To), "");
}

#[test]
fn the_panel_and_a_link_agree_on_a_date_range() {
    let pairs = [
        ("", ""),
        ("2027-03-10", ""),
        ("", "2027-03-10"),
        ("2027-03-10", "2027-03-10"),
        ("2027-03-10", "2027-03-20"),
        ("2027-03-20", "2027-03-10"),
    ];
    for (from, to) in pairs {
        let query: Vec<String> = [("from", from), ("to", to)]
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        let (state, issues) = ViewState::from_query(&query.join("&"), &Tzdb);
        match DateRange::from_inputs(from, to) {
            Ok(r) => {
                assert_eq!((state.filters.dates(), issues.len()), (r, 0), "{from} {to}");
                let back = ViewState { filters: Filters { from: r.from, to: r.to, ..Filters::default() }, ..state };
                assert_eq!(ViewState::from_query(&back.to_query(), &Tzdb).0, back);
            }
            // Crossed: the panel applies nothing; a link keeps `from` and refuses `to`.
            Err(e) => {
                assert_eq!(e, Crossed);
                assert_eq!(state.filters.dates(), range(from, ""));
                assert_eq!(issues.iter().map(|i| i.param.as_str()).collect::<Vec<_>>(), ["to"]);
            }
        }
    }
}

/// The visitor types `steps` into a pair of fields over filters holding
/// `start`: the filters' value after, and the pair.
fn typing<T: PairValue>(start: T, steps: &[(End, &str)]) -> (T, FieldPair<T>) {
    let mut current = start;
    let mut pair = FieldPair::showing(current.clone());
    for (end, text) in steps {
        let (next, changed) = pair.set(&current, *end, text);
        if let Some(value) = changed {
            assert!(value != current);
            current = value;
        }
        pair = next;
    }
    (current, pair)
}

/// After typing, the filters hold `value`, the fields show `texts` and
/// `fault` is the one field marked.
fn check_typing<T: PairValue + std::fmt::Debug>(
    start: T,
    steps: &[(End, &str)],
    value: T,
    texts: (&str, &str),
    fault: Option<End>,
) {
    let (current, pair) = typing(start, steps);
    assert_eq!(current, value, "{steps:?}");
    assert_eq!((pair.text(&current, From), pair.text(&current, To)), (texts.0.into(), texts.1.into()), "{steps:?}");
    let marked: Vec<End> = [From, To].into_iter().filter(|end| pair.is_fault(&current, *end)).collect();
    assert_eq!(marked, fault.into_iter().collect::<Vec<_>>(), "{steps:?}");
    // A marked field always comes with the reason shown under the pair.
    assert_eq!(pair.problem(&current).is_some(), fault.is_some(), "{steps:?}");
}

fn hours(from: u32, to: u32) -> Option<Hours> {
    Some(Hours { from, to })
}

#[test]
fn typing_into_the_time_fields() {
    let nine_to_six = hours(540, 1080);
    // One end at a time: the other stays open.
    check_typing(None, &[(From, "09:00")], hours(540, 1440), ("09:00", ""), None);
    check_typing(None, &[(From, "09:00"), (To, "18:00")], nine_to_six, ("09:00", "18:00"), None);
    check_typing(None, &[(To, "18:00")], hours(0, 1080), ("", "18:00"), None);
    // Clearing the end opens it, and the field stays empty (not "23:59").
    check_typing(nine_to_six, &[(To, "")], hours(540, 1440), ("09:00", ""), None);
    // Clearing both, or saying the whole day, drops the window.
    check_typing(nine_to_six, &[(From, ""), (To, "")], None, ("", ""), None);
    check_typing(nine_to_six, &[(From, "00:00"), (To, "23:59")], None, ("00:00", "23:59"), None);
    // An end before the start is refused, not lost: both fields keep what
    // was typed, the end is marked, the filters keep their window...
    check_typing(hours(1080, 1440), &[(To, "09:00")], hours(1080, 1440), ("18:00", "09:00"), Some(To));
    // ...and fixing the start applies both.
    check_typing(hours(1080, 1440), &[(To, "09:00"), (From, "08:00")], hours(480, 540), ("08:00", "09:00"), None);
    // A start past the end, then a later end: the start typed is kept.
    let late = [(From, "14:00"), (To, "18:00")];
    check_typing(hours(540, 720), &late[..1], hours(540, 720), ("14:00", "12:00"), Some(From));
    check_typing(hours(540, 720), &late, hours(840, 1080), ("14:00", "18:00"), None);
    // An hour typed digit by digit passes through 02:00: the start survives it.
    check_typing(nine_to_six, &[(To, "02:00"), (To, "20:00")], hours(540, 1200), ("09:00", "20:00"), None);
    // A malformed text (a browser without time fields) is marked, the window kept.
    check_typing(nine_to_six, &[(From, "9am")], nine_to_six, ("9am", "18:00"), Some(From));
    check_typing(nine_to_six, &[(From, "9am"), (To, "17:00")], nine_to_six, ("9am", "17:00"), Some(From));
    check_typing(nine_to_six, &[(From, "9am"), (From, "10:00")], hours(600, 1080), ("10:00", "18:00"), None);
    check_typing(None, &[(To, "25:00")], None, ("", "25:00"), Some(To));
    // The reason: the end before the start, or the field that does not read.
    let (current, pair) = typing(hours(1080, 1440), &[(To, "09:00")]);
    assert_eq!(pair.problem(&current), Some((To, PairError::Crossed)));
    let (current, pair) = typing(hours(540, 720), &[(From, "14:00")]);
    assert_eq!(pair.problem(&current), Some((From, PairError::Crossed)));
    let (current, pair) = typing(nine_to_six, &[(From, "9am")]);
    assert_eq!(pair.problem(&current), Some((From, PairError::Malformed(From))));
    assert_eq!(pair.problem(&None), None, "once the filters changed elsewhere, no message");
    // Typing what is already there changes nothing (no history entry).
    let (pair, changed) = FieldPair::showing(nine_to_six).set(&nine_to_six, From, "09:00");
    assert_eq!((changed, pair.is_fault(&nine_to_six, From)), (None, false));
}

#[test]
fn the_fields_follow_the_filters_changed_elsewhere() {
    // A refused end, then the window's chip is removed: the fields show the
    // filters again, nothing marked, and the next change starts from them.
    let (_, pair) = typing(hours(1080, 1440), &[(To, "09:00")]);
    assert!(pair.is_fault(&hours(1080, 1440), To));
    assert_eq!((pair.text(&None, From), pair.text(&None, To), pair.is_fault(&None, To)), ("".into(), "".into(), false));
    let (pair, changed) = pair.set(&None, From, "10:00");
    assert_eq!(changed, Some(hours(600, 1440)));
    assert_eq!(pair.text(&hours(600, 1440), To), "");
    // Back to a window from a link: shown as the fields show it.
    let (_, pair) = typing(None, &[(From, "09:00")]);
    assert_eq!(pair.text(&hours(0, 1440), From), "00:00");
    assert_eq!(pair.text(&hours(0, 1440), To), "23:59");
}

#[test]
fn typing_into_the_date_fields() {
    let march = range("2027-03-10", "2027-03-20");
    check_typing(DateRange::default(), &[(From, "2027-03-10")], range("2027-03-10", ""), ("2027-03-10", ""), None);
    check_typing(march, &[(To, "")], range("2027-03-10", ""), ("2027-03-10", ""), None);
    check_typing(march, &[(To, "2027-03-10")], range("2027-03-10", "2027-03-10"), ("2027-03-10", "2027-03-10"), None);
    // A year typed digit by digit: the browser reports 0002, 0020, 0202 on
    // the way; none of them touches the filters or the other field.
    let year: Vec<(End, &str)> =
        ["0002-03-20", "0020-03-20", "0202-03-20", "2028-03-20"].into_iter().map(|t| (To, t)).collect();
    check_typing(march, &year[..1], march, ("2027-03-10", "0002-03-20"), Some(To));
    check_typing(march, &year[..3], march, ("2027-03-10", "0202-03-20"), Some(To));
    check_typing(march, &year, range("2027-03-10", "2028-03-20"), ("2027-03-10", "2028-03-20"), None);
    // A `to` before `from` is refused and kept, and so is a `from` after `to`.
    check_typing(march, &[(To, "2027-03-05")], march, ("2027-03-10", "2027-03-05"), Some(To));
    check_typing(march, &[(From, "2027-03-25")], march, ("2027-03-25", "2027-03-20"), Some(From));
    // Fixing either end applies both as typed.
    let fixed = [(From, "2027-03-25"), (To, "2027-03-30")];
    check_typing(march, &fixed, range("2027-03-25", "2027-03-30"), ("2027-03-25", "2027-03-30"), None);
    let fixed = [(To, "2027-03-05"), (From, "2027-03-01")];
    check_typing(march, &fixed, range("2027-03-01", "2027-03-05"), ("2027-03-01", "2027-03-05"), None);
    // An invalid date drops neither end.
    check_typing(march, &[(From, "2027-02-30")], march, ("2027-02-30", "2027-03-20"), Some(From));
    check_typing(march, &[(To, "garbage")], march, ("2027-03-10", "garbage"), Some(To));
}

/// Texts like a field's, and near misses.
fn field_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,4})?)?",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}",
        "[ 0-9:.+\\-٠-٩０-９]{0,12}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn no_field_text_panics_or_applies_a_bad_value(
        steps in proptest::collection::vec((any::<bool>(), field_text()), 0..8),
    ) {
        let steps: Vec<(End, &str)> = steps.iter().map(|(to, t)| (if *to { To } else { From }, t.as_str())).collect();
        for (_, text) in &steps {
            if let Some(m) = clock_minutes(text) {
                prop_assert!(m <= 1440);
            }
        }
        let (window, pair) = typing(None, &steps);
        if let Some(h) = window {
            prop_assert!(h.from < h.to && h.to <= 1440 && (h.from, h.to) != (0, 1440), "{:?}", h);
            prop_assert_eq!(Hours::parse(&h.to_text()), Some(h));
        }
        if let Some((end, text)) = steps.last() {
            prop_assert_eq!(&pair.text(&window, *end), text); // what was typed last is shown
        }
        let (dates, _) = typing(DateRange::default(), &steps);
        prop_assert!(dates.is_ordered());
        let state = ViewState { filters: Filters { from: dates.from, to: dates.to, ..Filters::default() }, ..ViewState::default() };
        let (back, issues) = ViewState::from_query(&state.to_query(), &Tzdb);
        prop_assert!(issues.is_empty());
        prop_assert_eq!(back, state);
    }
}

/// A city chosen in another spelling than the feed's ("gdansk" from a link,
/// "Gdańsk" in the feed) is one row, named as chosen, counting what it gives
/// (the case proptest once found: a 0 row beside the feed's).
#[test]
fn a_value_chosen_in_another_spelling_is_one_row() {
    let feed = sample();
    let index = SearchIndex::new(&feed);
    let viewer = viewer("Europe/Bucharest", 0);
    let mut filters = Filters::default();
    let counts = |f: &Filters, facet: Facet| facet_counts(&feed, &index, f, facet, &viewer);
    let feed_gdansk = counts(&filters, Facet::City).into_iter().find(|(v, _)| v == "Gdańsk").expect("sample city");
    assert!(feed_gdansk.1 > 0);
    for (facet, chosen, feed_spelling) in
        [(Facet::City, "gdansk", "Gdańsk"), (Facet::City, "GDAŃSK", "Gdańsk"), (Facet::Country, "ro", "RO")]
    {
        filters.set_values(facet, vec![chosen.to_owned()]);
        let rows = counts(&filters, facet);
        let n = count(&apply(&feed, &index, &filters, &viewer));
        assert!(n > 0, "{chosen}");
        assert_eq!(rows.iter().filter(|(v, _)| v == chosen).map(|(_, n)| *n).collect::<Vec<_>>(), [n], "{chosen}");
        assert!(rows.iter().all(|(v, _)| v != feed_spelling), "{chosen}: {rows:?}");
        filters = Filters::default();
    }
    // A value no event has still shows (chosen, nothing to give).
    filters.set_values(Facet::City, vec!["Atlantis".into()]);
    assert!(counts(&filters, Facet::City).contains(&("Atlantis".into(), 0)));
}
