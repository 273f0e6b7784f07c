//! `citycal merge` on a network's config (fixtures/network/): a feed v1
//! partner (cluj.json) and a Google Calendar export (fixtures/ics/google.ics)
//! sharing two events (one by id, one by title and start), then the same
//! with a source that answers 500 and one that does not exist.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use citycal_core::{feed, tzdb::Tzdb};
use serde_json::Value;

fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path)
}

fn citycal(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_citycal")).args(args).output().expect("citycal runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A folder of its own under the system's temporary one.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("citycal-merge-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn merge(config: &Path, output: &Path) -> Output {
    citycal(&["merge", config.to_str().unwrap(), "--from", "2027-01-01", "-o", output.to_str().unwrap()])
}

/// Answers every request with `status` and an empty body; the address to ask.
fn serve_status(status: &'static str) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}/events.json", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut request = Vec::new();
            let mut buffer = [0; 1024];
            while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                match stream.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buffer[..n]),
                }
            }
            let head = format!("HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            let _ = stream.write_all(head.as_bytes());
        }
    });
    address
}

#[test]
fn a_network_becomes_one_feed_labelled_by_source_that_the_check_passes() {
    let dir = temp_dir("ok");
    let output = dir.join("events.json");
    let out = merge(&fixture("network/config.json"), &output);
    let log = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{log}");
    assert!(log.contains("cluj (Cluj Urban Innovation Unit): 3 events\n"), "{log}");
    assert!(
        log.contains(
            "urban-innovation-network (Urban Innovation Network): 9 events, 2 already listed by an earlier source"
        ),
        "{log}"
    );

    let bytes = std::fs::read(&output).unwrap();
    let (merged, issues) = feed::parse(&bytes, &Tzdb).unwrap();
    assert!(issues.is_empty(), "{issues:?}");
    let sources: Vec<&str> = merged.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sources, ["cluj", "urban-innovation-network"]);
    assert_eq!(merged.events.len(), 12);
    let by_source = |id: &str| merged.events.iter().filter(|e| e.source.as_deref() == Some(id)).count();
    assert_eq!((by_source("cluj"), by_source("urban-innovation-network")), (3, 9));
    // Shared by title and start (13:00 UTC; "Open Data  Webinar" / "Open data webinar"), and by
    // id (the partner's feed was imported from the same calendar): once each, the first source's.
    for (id, title) in
        [("open-data-webinar-2027", "webinar"), ("3c4d5e6f7g8h9i0j1k2l3m4n5o-google-com", "Mobility roundtable")]
    {
        let event = merged.event(id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(event.source.as_deref(), Some("cluj"));
        assert_eq!(event.also_in, ["urban-innovation-network"]);
        let shown = merged
            .events
            .iter()
            .filter(|e| e.title.0.iter().any(|(_, t)| t.to_lowercase().contains(&title.to_lowercase())));
        assert_eq!(shown.count(), 1, "{title}");
    }
    let sorted = merged.events.windows(2).all(|w| (w[0].start(), &w[0].id) <= (w[1].start(), &w[1].id));
    assert!(sorted);
    // Written again from what it reads, the file is the same: nothing lost on the way.
    assert_eq!(citycal_core::write::feed(&merged), String::from_utf8(bytes).unwrap());

    // Clean for the organizers' check.
    let out = citycal(&["check", output.to_str().unwrap(), "--json", "--now", "2027-01-01T00:00:00Z"]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{report:#}");
    assert_eq!((report["errors"].as_u64(), report["warnings"].as_u64()), (Some(0), Some(0)), "{report:#}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn failing_sources_are_named_and_the_others_written() {
    let dir = temp_dir("failing");
    let down = serve_status("500 Internal Server Error");
    let config = serde_json::json!({"feeds": [
        {"url": fixture("network/cluj.json"), "name": "Cluj", "id": "cluj"},
        {"url": down, "name": "Torino"},
        {"url": fixture("ics/google.ics"), "name": {"en": "Network"}},
        {"url": "missing.json", "name": "Gdańsk"},
        {"url": fixture("ics/google.ics"), "name": "Not a feed", "type": "json"},
    ]});
    std::fs::write(dir.join("config.json"), config.to_string()).unwrap();
    let output = dir.join("events.json");
    let out = merge(&dir.join("config.json"), &output);
    let log = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{log}");
    assert!(log.contains("cluj (Cluj): 3 events\n"), "{log}");
    assert!(log.contains("torino (Torino): FAILED: HTTP status 500\n"), "{log}");
    assert!(log.contains("network (Network): 9 events, 2 already listed"), "{log}");
    assert!(log.contains("gdansk (Gdańsk): FAILED: unreachable ("), "{log}");
    assert!(log.contains("not-a-feed (Not a feed): FAILED: unreadable ("), "{log}");
    let (merged, _) = feed::parse(&std::fs::read(&output).unwrap(), &Tzdb).unwrap();
    assert_eq!(merged.events.len(), 12);
    let sources: Vec<&str> = merged.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(sources, ["cluj", "network"]);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn nothing_is_written_when_no_source_works_or_the_config_is_unusable() {
    let dir = temp_dir("none");
    let output = dir.join("events.json");
    let write = |name: &str, json: &str| {
        let path = dir.join(name);
        std::fs::write(&path, json).unwrap();
        path
    };
    let down = serve_status("503 Service Unavailable");
    for (config, says) in [
        (
            write("down.json", &format!(r#"{{"feeds": [{{"url": "{down}"}}, {{"url": "gone.ics"}}]}}"#)),
            "no source could be read",
        ),
        (write("bad.json", r#"{"feeds": [{"url": "javascript:alert(1)"}]}"#), "not a usable config.json"),
        (
            write("twice.json", r#"{"feeds": [{"url": "a.json", "id": "a"}, {"url": "b.json", "id": "a"}]}"#),
            "DuplicateSource",
        ),
        (dir.join("no-such-config.json"), "cannot read"),
    ] {
        let out = merge(&config, &output);
        assert_eq!(out.status.code(), Some(2), "{config:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{config:?}: {}", stderr(&out));
        assert!(!output.exists());
    }
    for args in [&["merge"][..], &["merge", "a.json", "b.json"], &["merge", "a.json", "--zone", "Mars/Olympus"]] {
        let out = citycal(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("Usage: citycal merge"), "{args:?}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
