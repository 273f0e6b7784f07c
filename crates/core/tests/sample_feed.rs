//! The sample feed (`public/events.json`) encodes the five seed documents; these
//! tests pin the facts the documents state, and the coverage the issue asks of
//! the illustrative upcoming events.

use chrono::{DateTime, NaiveDate, Utc};
use citycal_core::feed::{parse, Event, Format, Role, When};
use citycal_core::registration::{self, Phase};
use citycal_core::time::iso_in_zone;
use citycal_core::tzdb::Tzdb;
use std::collections::HashSet;

fn sample() -> citycal_core::feed::Feed {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/events.json")).unwrap();
    let (feed, issues) = parse(&bytes, &Tzdb).expect("sample feed parses");
    assert!(issues.is_empty(), "sample feed has issues: {issues:#?}");
    feed
}

fn timed(e: &Event) -> (DateTime<Utc>, DateTime<Utc>) {
    match e.when {
        When::Timed { start, end } => (start, end),
        When::AllDay { .. } => panic!("{} is all-day", e.id),
    }
}

fn utc(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

#[test]
fn e_urban_dialogues_2020() {
    let feed = sample();
    let e = feed.event("e-urban-dialogues-2020").unwrap();
    // 4 December 2020, 16:00–18:00 Bucharest time (EET, UTC+2).
    assert_eq!(timed(e), (utc("2020-12-04T14:00:00Z"), utc("2020-12-04T16:00:00Z")));
    assert_eq!(iso_in_zone(&Tzdb, "Europe/Bucharest", e.start()).unwrap(), "2020-12-04T16:00:00+02:00");
    assert_eq!(e.languages, ["en"]);
    assert_eq!(e.format, Format::Online);
    assert_eq!(e.people.len(), 5);
    assert_eq!(e.audience.len(), 3);
    assert_eq!(e.organizers, ["uiu-cluj"]);
    // Registration until 3 December: the end of that day in Bucharest.
    let reg = e.registration.as_ref().unwrap();
    assert_eq!(reg.closes, Some(utc("2020-12-03T21:59:00Z")));
    assert!(e.is_approximate("registration.closes"));
    for lang in ["en", "es", "ro"] {
        assert!(e.title.pick(lang, &[]).is_some_and(|p| !p.fallback), "title in {lang}");
        assert!(e.summary.pick(lang, &[]).is_some_and(|p| !p.fallback), "summary in {lang}");
    }
}

#[test]
fn lse_cities_report_launch_is_in_person_with_recording() {
    let feed = sample();
    let e = feed.event("lse-cities-city-government-innovation-report-launch").unwrap();
    assert_eq!(e.format, Format::InPerson);
    let venue = e.venue.as_ref().unwrap();
    assert_eq!(venue.name.pick("en", &[]).unwrap().text, "European Parliament");
    assert_eq!(venue.city.as_deref(), Some("Brussels"));
    assert!(e.recording_url.is_some());
    assert_eq!(e.organizers, ["lse-cities"]);
    assert_eq!(e.partners, ["bloomberg-philanthropies", "eurocities"]);
    let names: Vec<_> = e.people.iter().map(|p| p.name.as_str()).collect();
    for name in ["Pierfrancesco Maran", "Gaia Romani", "Judit Rozsa", "James Anderson", "André Sobczak", "Ben Rogers"]
    {
        assert!(names.contains(&name), "{name}");
    }
    // The document gives no date: the one chosen is marked.
    assert!(e.is_approximate("date"));
}

#[test]
fn co4cities_spans_march_2021_to_september_2022() {
    let feed = sample();
    let e = feed.event("co4cities-urbact-transfer-network").unwrap();
    let first = NaiveDate::from_ymd_opt(2021, 3, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(2022, 9, 30).unwrap();
    assert_eq!(e.when, When::AllDay { first, last });
    assert_eq!(e.organizers, ["cluj-napoca"]);
    assert_eq!(e.partners, ["torino", "gdansk", "budapest", "urbact"]);
    assert_eq!(e.themes.first().map(String::as_str), Some("social-inclusion"));
}

#[test]
fn four_urbact_chat_sessions_in_september() {
    let feed = sample();
    let sessions: Vec<&Event> =
        feed.events.iter().filter(|e| e.series.as_deref() == Some("urbact-social-innovation-chats")).collect();
    assert_eq!(sessions.len(), 4);
    for (i, e) in sessions.iter().enumerate() {
        assert_eq!(e.session, Some(i as u32 + 1));
        let (start, end) = timed(e);
        assert_eq!(end - start, chrono::Duration::hours(2), "2-hour chat sessions");
        assert_eq!(start.format("%m").to_string(), "09");
        assert!(e.is_approximate("date"), "the document gives no dates");
    }
    assert_eq!(
        feed.series_by_id("urbact-social-innovation-chats").unwrap().kind,
        citycal_core::feed::SeriesKind::Sessions
    );
}

#[test]
fn learning_from_cities_webinar_in_spanish() {
    let feed = sample();
    let e = feed.event("learning-from-cities-innovation-in-covid-times").unwrap();
    let (start, end) = timed(e);
    assert_eq!(start.date_naive(), NaiveDate::from_ymd_opt(2021, 6, 29).unwrap());
    assert_eq!(end - start, chrono::Duration::minutes(60));
    assert_eq!(e.languages, ["es"]);
    assert_eq!(e.series.as_deref(), Some("learning-from-cities"));
    assert_eq!(e.organizers, ["undp", "metropolis"]);
    let moderator = e.people.iter().find(|p| p.role == Role::Moderator).unwrap();
    assert_eq!(moderator.name, "Diana Lopez");
    let minutes: Vec<_> = e.agenda.iter().filter_map(|a| a.minutes).collect();
    assert_eq!(minutes, [10, 10, 5]);
}

#[test]
fn upcoming_events_cover_zones_continents_themes_formats_languages_and_registration_states() {
    let feed = sample();
    let from = utc("2026-12-01T00:00:00Z");
    let to = utc("2028-01-01T00:00:00Z");
    let upcoming: Vec<&Event> = feed.events.iter().filter(|e| e.start() >= from && e.start() < to).collect();
    assert!(upcoming.len() >= 25, "{} upcoming", upcoming.len());
    let zones: HashSet<_> = upcoming.iter().filter_map(|e| e.zone.as_deref()).collect();
    assert!(zones.len() >= 8, "{zones:?}");
    let continents: HashSet<_> = zones.iter().map(|z| z.split('/').next().unwrap()).collect();
    assert!(continents.len() >= 3, "{continents:?}");
    let themes: HashSet<_> = upcoming.iter().flat_map(|e| e.themes.iter().map(String::as_str)).collect();
    for theme in &feed.themes {
        assert!(themes.contains(theme.id.as_str()), "theme {} has no upcoming event", theme.id);
    }
    let formats: HashSet<_> = upcoming.iter().map(|e| format!("{:?}", e.format)).collect();
    assert_eq!(formats.len(), 3);
    let spoken: HashSet<_> = feed.events.iter().flat_map(|e| e.languages.iter()).collect();
    let spoken_upcoming: HashSet<_> = upcoming.iter().flat_map(|e| e.languages.iter()).collect();
    assert_eq!(spoken, spoken_upcoming);
    for lang in ["en", "es", "ro"] {
        for e in &upcoming {
            assert!(e.title.pick(lang, &[]).is_some_and(|p| !p.fallback), "{} title in {lang}", e.id);
            assert!(e.summary.pick(lang, &[]).is_some_and(|p| !p.fallback), "{} summary in {lang}", e.id);
        }
    }
    // As seen on the day the sample was written (23 November 2026).
    let now = utc("2026-11-23T12:00:00Z");
    let phases: Vec<Phase> = upcoming.iter().map(|e| registration::state(e, now).phase).collect();
    assert!(phases.iter().any(|p| matches!(p, Phase::Open { .. })));
    assert!(phases.iter().any(|p| matches!(p, Phase::ClosingSoon { .. })));
    assert!(phases.iter().any(|p| matches!(p, Phase::Closed)));
    assert!(phases.iter().any(|p| matches!(p, Phase::Full)));
    assert!(phases.iter().any(|p| matches!(p, Phase::NotYetOpen { .. })));
    assert!(upcoming.iter().any(|e| registration::state(e, now).external_url.is_some()));
}

#[test]
fn romanian_text_uses_comma_below_letters() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/events.json")).unwrap();
    for cedilla in ['ş', 'ţ', 'Ş', 'Ţ'] {
        assert!(!text.contains(cedilla), "cedilla form {cedilla} in the sample feed");
    }
    assert!(text.contains('ș') && text.contains('ț'));
}

/// Issue 22: `?city=Torino` and `?city=Budapest` showed nothing, although
/// CO4CITIES names both cities as partners. A city (or country) matches an
/// event whose venue, organizers or partners are there, and the facet
/// counts say so.
#[test]
fn partner_cities_list_co4cities() {
    use chrono::Weekday;
    use citycal_core::filter::{apply, facet_counts, Facet, SearchIndex, Viewer};
    use citycal_core::query::ViewState;
    let feed = sample();
    let index = SearchIndex::new(&feed);
    let viewer =
        Viewer { now: utc("2026-12-06T12:00:00Z"), rules: &Tzdb, zone: "Europe/Rome", week_starts: Weekday::Mon };
    let listed = |query: &str| -> Vec<String> {
        let (state, issues) = ViewState::from_query(query, &Tzdb);
        assert!(issues.is_empty(), "{query}: {issues:?}");
        apply(&feed, &index, &state.filters, &viewer)
            .iter()
            .zip(&feed.events)
            .filter(|(m, _)| **m)
            .map(|(_, e)| e.id.clone())
            .collect()
    };
    let co4cities = ["co4cities-urbact-transfer-network".to_owned(), "co4cities-follow-up-gdansk".to_owned()];
    for query in ["city=Torino", "city=torino", "city=Budapest", "country=IT", "country=hu"] {
        assert_eq!(listed(query), co4cities, "{query}");
    }
    // Gdańsk is a partner of the first and the venue of the second.
    for id in &co4cities {
        assert!(listed("city=gdansk").contains(id), "{id}");
    }
    let cities = facet_counts(&feed, &index, &Default::default(), Facet::City, &viewer);
    for city in ["Torino", "Budapest"] {
        assert!(cities.contains(&(city.to_owned(), 2)), "{city}: {cities:?}");
    }
}
