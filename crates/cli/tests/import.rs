//! `citycal import` on calendars shaped like the exports of Google Calendar,
//! Outlook/Exchange, Nextcloud and The Events Calendar (fixtures/ics/, written
//! from their documented output) and on the DST corner cases: each import is
//! read by `feed::parse` and passes `check::check` with no errors.
//! tests/ical_import.test.mjs holds the DST fixture's occurrences to ical.js.

use std::path::PathBuf;
use std::process::{Command, Output};

use citycal_core::{check, feed, tzdb::Tzdb};
use serde_json::Value;

const FIXTURES: [&str; 5] = ["google", "outlook", "nextcloud", "events-calendar", "dst"];

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/ics/{name}.ics"))
}

fn citycal(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_citycal")).args(args).output().expect("citycal runs")
}

fn import(name: &str, extra: &[&str]) -> (Value, Vec<u8>, String) {
    let path = fixture(name);
    let mut args = vec!["import", path.to_str().unwrap(), "--from", "2027-01-01"];
    args.extend_from_slice(extra);
    let out = citycal(&args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{name}: {stderr}");
    let feed: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{name}: {e}"));
    (feed, out.stdout, stderr)
}

fn events(feed: &Value) -> &Vec<Value> {
    feed["events"].as_array().unwrap()
}

fn find<'a>(feed: &'a Value, title: &str) -> &'a Value {
    events(feed).iter().find(|e| e["title"] == title).unwrap_or_else(|| panic!("no “{title}”"))
}

#[test]
fn every_fixture_imports_to_a_feed_the_check_passes() {
    let zones: Vec<String> = citycal_core::tzdb::zone_names().map(str::to_owned).collect();
    for name in FIXTURES {
        let (json, bytes, _) = import(name, &[]);
        let (parsed, issues) = feed::parse(&bytes, &Tzdb).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(issues.is_empty(), "{name}: {issues:?}");
        assert_eq!(parsed.events.len(), events(&json).len(), "{name}");
        let report = check::check(&bytes, &Tzdb, &zones, "2027-01-01T00:00:00Z".parse().unwrap());
        assert_eq!(report.errors(), 0, "{name}: {}", check::text(&report, citycal_core::i18n::Lang::En));
        assert_eq!(report.warnings(), 0, "{name}: {}", check::text(&report, citycal_core::i18n::Lang::En));
    }
}

#[test]
fn google_weekly_series_with_exdate_html_and_all_day() {
    let (feed, _, _) = import("google", &[]);
    assert_eq!(feed["name"], "Urban Innovation Network");
    let evenings: Vec<&Value> = events(&feed).iter().filter(|e| e["title"] == "Civic tech evening").collect();
    // Thursdays 4 March – 29 April 2027 (UNTIL 15:00Z = 18:00 EEST), without 1 April: 8 sessions, all at 18:00.
    assert_eq!(evenings.len(), 8);
    assert!(evenings.iter().all(|e| e["start"].as_str().unwrap().ends_with("T18:00:00")));
    assert!(!evenings.iter().any(|e| e["start"] == "2027-04-01T18:00:00"));
    assert_eq!(evenings[7]["session"], 8);
    assert_eq!(feed["series"][0]["kind"], "sessions");
    assert_eq!(evenings[0]["venue"]["name"], "Cluj Cultural Centre, Str. Memorandumului 21, Cluj-Napoca, Romania");
    let description = evenings[0]["description"].as_str().unwrap();
    assert!(description.starts_with("Bring a laptop and a question about your city.\n\nAgenda and slides: agenda ("));
    assert!(description.ends_with("Ask Ana & Radu for access."), "{description}");
    let festival = find(&feed, "Cluj street festival");
    assert_eq!(
        (&festival["allDay"], &festival["start"], &festival["end"]),
        (&Value::Bool(true), &"2027-05-12".into(), &"2027-05-14".into())
    );
    let webinar = find(&feed, "Open data webinar");
    assert_eq!(
        (&webinar["format"], &webinar["onlineUrl"]),
        (&"online".into(), &"https://meet.google.com/abc-defg-hij".into())
    );
    assert_eq!((&webinar["start"], &webinar["timeZone"]), (&"2027-06-10T13:00:00Z".into(), &"Europe/Bucharest".into()));
    assert_eq!(find(&feed, "Mobility roundtable")["status"], "cancelled");
}

#[test]
fn outlook_windows_zones_teams_html_and_private() {
    let (feed, _, stderr) = import("outlook", &[]);
    let group: Vec<&Value> = events(&feed).iter().filter(|e| e["title"] == "Mobility working group").collect();
    let starts: Vec<&str> = group.iter().map(|e| e["start"].as_str().unwrap()).collect();
    assert_eq!(
        starts,
        [
            "2027-03-09T14:30:00",
            "2027-04-13T14:30:00",
            "2027-05-11T14:30:00",
            "2027-06-08T14:30:00",
            "2027-07-13T14:30:00",
            "2027-08-10T14:30:00"
        ]
    );
    assert_eq!(group[0]["timeZone"], "Europe/Berlin");
    assert_eq!(group[0]["format"], "online");
    assert!(group[0]["onlineUrl"].as_str().unwrap().starts_with("https://teams.microsoft.com/"));
    assert_eq!(
        group[0]["description"].as_str().unwrap().split("\n\n").take(2).collect::<Vec<_>>(),
        [
            "Dear colleagues,",
            "We meet every second Tuesday to compare notes on low-traffic neighbourhoods – bring your city's data."
        ]
    );
    assert_eq!(find(&feed, "Visite d'étude : rues scolaires")["timeZone"], "Europe/Paris");
    assert_eq!(find(&feed, "Dezbatere publică: bugetul participativ")["timeZone"], "Europe/Bucharest");
    assert_eq!(find(&feed, "Cabildo abierto")["timeZone"], "America/Santiago");
    assert!(!events(&feed).iter().any(|e| e["title"] == "Dentist"));
    assert!(stderr.contains("[private]"), "{stderr}");
    let ids: Vec<&str> = events(&feed).iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert!(ids.iter().all(|id| id.len() <= 80), "{ids:?}");
}

#[test]
fn nextcloud_exdate_override_and_categories_through_a_mapping() {
    let dir = std::env::temp_dir().join(format!("citycal-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let map = dir.join("categories.json");
    std::fs::write(&map, r#"{"Housing": "housing", "Participation": "civic-participation"}"#).unwrap();
    let (feed, _, stderr) = import("nextcloud", &["--categories", map.to_str().unwrap()]);
    assert!(stderr.is_empty(), "{stderr}");
    let starts: Vec<&str> = events(&feed).iter().map(|e| e["start"].as_str().unwrap()).collect();
    // Mondays from 15 March, 10 of them, without 29 March; 12 April moved to 18:00 (after Chile's change on 4 April).
    assert_eq!(starts.len(), 9);
    assert!(!starts.contains(&"2027-03-29T19:00:00"));
    let moved = find(&feed, "Asamblea de barrio (con la alcaldesa)");
    assert_eq!(
        (&moved["start"], &moved["end"], &moved["session"]),
        (&"2027-04-12T18:00:00".into(), &"2027-04-12T20:00:00".into(), &4.into())
    );
    assert_eq!(moved["venue"]["name"], "Municipalidad de Santiago");
    assert_eq!(events(&feed)[0]["themes"], serde_json::json!(["civic-participation", "housing"]));
    assert_eq!(feed["themes"][0], serde_json::json!({"id": "civic-participation", "label": "Participation"}));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn events_calendar_utc_times_urls_escaped_commas_and_cancelled() {
    let (feed, _, _) = import("events-calendar", &["--zone", "Europe/Madrid"]);
    let housing = find(&feed, "Learning from cities: affordable housing");
    assert_eq!((&housing["start"], &housing["end"]), (&"2027-04-20T14:00:00Z".into(), &"2027-04-20T16:00:00Z".into()));
    assert_eq!(housing["timeZone"], "Europe/Madrid");
    assert_eq!(housing["venue"]["name"], "Casa Llotja de Mar, Passeig d'Isabel II, 1, Barcelona, 08003, Spain");
    assert_eq!(housing["url"], "https://metropolis.example.org/event/learning-from-cities-housing/");
    assert_eq!(housing["themes"], serde_json::json!(["housing", "learning-from-cities"]));
    let meeting = find(&feed, "Metropolis Annual Meeting");
    assert_eq!((&meeting["start"], &meeting["end"]), (&"2027-06-01".into(), &"2027-06-03".into()));
    assert_eq!(
        meeting["description"],
        "Three days of workshops and site visits.\n\nProgramme & registration on the website."
    );
    let clinic = find(&feed, "CANCELLED: Climate adaptation clinic");
    assert_eq!((&clinic["status"], &clinic["format"]), (&"cancelled".into(), &"online".into()));
}

#[test]
fn window_output_file_and_unreadable_input() {
    let dir = std::env::temp_dir().join(format!("citycal-import-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out_path = dir.join("events.json");
    let path = fixture("dst");
    let out = citycal(&[
        "import",
        path.to_str().unwrap(),
        "--from",
        "2027-06-01",
        "--months",
        "2",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let feed: Value = serde_json::from_slice(&std::fs::read(&out_path).unwrap()).unwrap();
    // Recurring events only from June to July 2027; single events whatever their date.
    for e in events(&feed).iter().filter(|e| e.get("series").is_some()) {
        let start = e["start"].as_str().unwrap();
        assert!(("2027-06-01".."2027-08-01").contains(&start), "{start}");
    }
    assert!(events(&feed).iter().any(|e| e["title"] == "Street festival"));
    std::fs::remove_dir_all(&dir).ok();

    let missing = citycal(&["import", "/no/such/calendar.ics"]);
    assert_eq!(missing.status.code(), Some(2));
    let cargo_toml = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let not_ics = citycal(&["import", cargo_toml.to_str().unwrap()]);
    assert_eq!(not_ics.status.code(), Some(2));
    assert_eq!(citycal(&["import", "--months", "zero", "x.ics"]).status.code(), Some(2));
}
