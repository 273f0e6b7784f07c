//! `citycal check` as a publisher's CI runs it: on a feed with the ordinary
//! mistakes of issue 23 (fixtures/mistakes.json), on the sample feed, from a
//! file, standard input and an http address (a one-shot server on loopback),
//! and its exit status: 0 no errors, 1 errors, 2 usage or unreadable.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const NOW: &str = "2027-06-01T00:00:00Z";

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mistakes.json")
}

fn sample_feed() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/events.json")
}

fn citycal(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_citycal"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .output()
        .expect("citycal runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

/// (code, path, event id, severity) of every problem the mistakes fixture has, in order.
const MISTAKES: [(&str, &str, Option<&str>, &str); 10] = [
    ("country-name", "organizations[0].country", None, "warning"),
    ("unknown-value", "events[0].format", Some("mobility-webinar"), "error"),
    ("date-without-time", "events[1].start", Some("housing-day"), "error"),
    ("html", "events[2].description.en", Some("open-data-talk"), "warning"),
    ("time-in-gap", "events[3].start", Some("santiago-night"), "warning"),
    ("zero-length", "events[3].end", Some("santiago-night"), "warning"),
    ("too-long", "events[4].end", Some("summer-school"), "warning"),
    ("unknown-zone", "events[5].timeZone", Some("bucharest-forum"), "error"),
    ("duplicate-id", "events[6].id", Some("mobility-webinar"), "error"),
    ("past-registration-open", "events[7].registration.status", Some("spring-lab"), "warning"),
];

#[test]
fn the_ordinary_mistakes_are_listed_as_json_with_their_fixes() {
    let fixture = fixture();
    let out = citycal(&["check", fixture.to_str().unwrap(), "--json", "--now", NOW]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let report = json(&out);
    let problems = report["problems"].as_array().unwrap();
    let found: Vec<(&str, &str, Option<&str>, &str)> = problems
        .iter()
        .map(|p| {
            (
                p["code"].as_str().unwrap(),
                p["path"].as_str().unwrap(),
                p["event"]["id"].as_str(),
                p["severity"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(found, MISTAKES);
    assert_eq!((report["errors"].as_u64(), report["warnings"].as_u64()), (Some(4), Some(6)));
    assert_eq!((report["events"].as_u64(), report["shown"].as_u64()), (Some(9), Some(6)));

    let data = |code: &str| &problems.iter().find(|p| p["code"] == code).unwrap()["data"];
    assert_eq!(data("unknown-value")["value"], "webinar");
    assert_eq!(data("unknown-value")["allowed"], serde_json::json!(["online", "in_person", "hybrid"]));
    assert_eq!(data("unknown-value")["suggestion"], "online");
    assert_eq!(data("date-without-time")["value"], "2027-03-20");
    assert_eq!(data("html")["tags"], serde_json::json!(["<p>", "<b>", "<a>", "<br>"]));
    assert_eq!(data("country-name")["code"], "RO");
    assert_eq!(data("time-in-gap")["becomes"], "2027-09-05T01:30");
    assert_eq!(data("time-in-gap")["minutes"], 60);
    assert_eq!(data("too-long")["days"], 60);
    assert_eq!(data("unknown-zone")["suggestions"], serde_json::json!(["Europe/Bucharest"]));
    assert_eq!(data("duplicate-id")["first"], "events[0]");
    for p in problems {
        assert!(!p["message"].as_str().unwrap().is_empty() && !p["fix"].as_str().unwrap().is_empty(), "{p}");
    }
    // The event's title in the report's language when it has one.
    let out = citycal(&["check", fixture.to_str().unwrap(), "--json", "--now", NOW, "--lang", "es"]);
    assert_eq!(json(&out)["problems"][1]["event"]["title"], "Webinario de movilidad");
}

#[test]
fn the_text_names_each_event_says_what_is_wrong_and_how_to_fix_it() {
    let fixture = fixture();
    let out = citycal(&["check", fixture.to_str().unwrap(), "--now", NOW]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    for (code, path, id, severity) in MISTAKES {
        let head = format!("{severity} [{code}] {path}");
        let line = text.lines().find(|l| l.starts_with(&head)).unwrap_or_else(|| panic!("no {head} in\n{text}"));
        if let Some(id) = id {
            assert!(line.contains(&format!("event {id} “")), "{line}");
        }
    }
    for words in [
        "format is “webinar”, which is not one of the values Citycal knows.",
        "How to fix: Write \"online\" (the values are \"online\", \"in_person\", \"hybrid\").",
        "add \"allDay\": true",
        "This text contains HTML (<p>, <b>, <a>, <br>).",
        "How to fix: Write \"RO\".",
        "the clocks jump 60 min forward then, so the calendar shows 2027-09-05T01:30.",
        "The event ends when it starts (2027-09-05T00:30).",
        "The event lasts 60 days at set times",
        "Did you mean \"Europe/Bucharest\"?",
        "The id “mobility-webinar” is already used by events[0].",
        "but its registration says it is open.",
        "4 errors, 6 warnings. 9 events in the feed, 6 shown.",
    ] {
        assert!(text.contains(words), "no «{words}» in\n{text}");
    }
    // Spanish and Romanian, by flag and by the terminal's language.
    let es = stdout(&citycal(&["check", fixture.to_str().unwrap(), "--now", NOW, "--lang", "es"]));
    assert!(es.contains("Cómo corregirlo: Escriba \"online\"") && es.contains("4 errores, 6 avisos."), "{es}");
    let ro = Command::new(env!("CARGO_BIN_EXE_citycal"))
        .args(["check", fixture.to_str().unwrap(), "--now", NOW])
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "ro_RO.UTF-8")
        .output()
        .unwrap();
    let ro = stdout(&ro);
    assert!(ro.contains("Cum se corectează: Scrieți \"online\"") && ro.contains("4 erori, 6 avertismente."), "{ro}");
}

#[test]
fn the_sample_feed_passes() {
    let sample = sample_feed();
    for now in ["2026-12-01T00:00:00Z", "2030-01-01T00:00:00+02:00"] {
        let out = citycal(&["check", sample.to_str().unwrap(), "--now", now]);
        assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
        assert!(stdout(&out).starts_with("No problems: "), "{}", stdout(&out));
    }
    // And against the system clock, as a CI job runs it.
    assert_eq!(citycal(&["check", sample.to_str().unwrap(), "--json"]).status.code(), Some(0));
}

#[test]
fn warnings_alone_pass() {
    let feed = r#"{"version": 1, "events": [{"id": "a", "title": "<b>A</b>", "start": "2027-09-02T10:00Z",
        "end": "2027-09-02T12:00Z", "format": "online"}]}"#;
    let mut child = Command::new(env!("CARGO_BIN_EXE_citycal"))
        .args(["check", "-", "--json", "--now", NOW])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(feed.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let report = json(&out);
    assert_eq!((report["errors"].as_u64(), report["warnings"].as_u64()), (Some(0), Some(1)));
}

#[test]
fn usage_and_unreadable_documents_exit_2() {
    for args in [
        &[][..],
        &["lint", "feed.json"],
        &["check"],
        &["check", "a.json", "b.json"],
        &["check", "a.json", "--frobnicate"],
        &["check", "a.json", "--lang", "fr"],
        &["check", "a.json", "--now", "yesterday"],
    ] {
        let out = citycal(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("Usage: citycal check"), "{args:?}");
    }
    let out = citycal(&["check", "/no/such/feed.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("citycal: Cannot read /no/such/feed.json: "));
    // Not JSON: the place of the first problem, as a finding.
    let dir = std::env::temp_dir().join(format!("citycal-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\"version\": 1,\n  \"events\": [\n    {\"id\": \"a\",}\n  ]\n}").unwrap();
    let out = citycal(&["check", broken.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(2));
    let report = json(&out);
    assert_eq!(report["problems"][0]["code"], "not-json");
    assert_eq!(report["problems"][0]["data"], serde_json::json!({"line": 3, "column": 16}));
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(citycal(&["--help"]).status.code(), Some(0));
}

/// Serves one answer to one request on loopback; the address to ask.
fn serve_once(status: &'static str, body: Vec<u8>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}/events.json", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        let mut request = Vec::new();
        let mut buffer = [0; 1024];
        while !request.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = stream.read(&mut buffer).unwrap();
            if n == 0 {
                break;
            }
            request.extend_from_slice(&buffer[..n]);
        }
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(&body).unwrap();
    });
    address
}

#[test]
fn a_feed_is_fetched_from_its_address() {
    let address = serve_once("200 OK", std::fs::read(fixture()).unwrap());
    let out = citycal(&["check", &address, "--json", "--now", NOW]);
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json(&out)["problems"].as_array().unwrap().len(), MISTAKES.len());

    let address = serve_once("500 Internal Server Error", b"oops".to_vec());
    let out = citycal(&["check", &address]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Cannot read http://127.0.0.1:") && stderr.contains("500"), "{stderr}");
}
