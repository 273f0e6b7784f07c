//! `GET /calendar.ics`: a view's subscription, served from the feed with
//! core's filters and `.ics` writer, on a fixed clock.

use std::collections::HashSet;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{DateTime, Utc};
use citycal_core::feed::parse;
use citycal_core::tzdb::Tzdb;
use citycal_server::{router, Receiver};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use tower::ServiceExt;

const ORIGIN: &str = "http://127.0.0.1:8080";

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// Two themes, two cities (one only as a partner's), one cancelled event,
/// one long over, one in Spanish.
fn feed_json(gdansk_title: &str) -> Value {
    json!({
        "version": 1,
        "name": { "en": "Test feed", "ro": "Flux de test" },
        "themes": [{ "id": "climate", "label": { "en": "Climate", "ro": "Climă" } },
                   { "id": "housing", "label": { "en": "Housing", "ro": "Locuire" } }],
        "organizations": [{ "id": "torino", "name": "Città di Torino", "city": "Torino", "country": "IT" }],
        "events": [
            { "id": "old", "title": "Long over", "start": "2026-09-01T10:00", "end": "2026-09-01T12:00",
              "timeZone": "Europe/Bucharest", "format": "online", "themes": ["climate"] },
            { "id": "gdansk", "title": gdansk_title, "start": "2026-12-09T10:00", "end": "2026-12-09T12:00",
              "timeZone": "Europe/Warsaw", "format": "in_person", "themes": ["climate"],
              "venue": { "name": "Hall", "city": "Gdańsk", "country": "PL" }, "partners": ["torino"] },
            { "id": "cancelled", "title": "Called off", "start": "2027-01-20T13:30", "end": "2027-01-20T15:00",
              "timeZone": "Asia/Kolkata", "format": "online", "themes": ["climate"], "status": "cancelled" },
            { "id": "fair", "title": "Fair", "allDay": true, "start": "2027-03-10", "end": "2027-03-11",
              "timeZone": "Europe/Madrid", "format": "in_person", "themes": ["housing"],
              "venue": { "name": "Recinto", "city": "Madrid", "country": "ES" } },
            { "id": "taller", "title": { "es": "Taller" }, "languages": ["es"], "start": "2027-04-01T10:00",
              "end": "2027-04-01T11:00", "timeZone": "America/Bogota", "format": "online", "themes": ["housing"] }
        ]
    })
}

fn temp_db(name: &str) -> String {
    let path = std::env::temp_dir().join(format!("citycal-cal-{name}-{}.sqlite", std::process::id()));
    let _ = std::fs::remove_file(&path);
    path.to_string_lossy().into_owned()
}

async fn receiver(db: &str, feed: &Value, now: DateTime<Utc>) -> Arc<Receiver> {
    let (feed, issues) = parse(feed.to_string().as_bytes(), &Tzdb).unwrap();
    assert!(issues.is_empty(), "{issues:?}");
    let receiver = Receiver::open(db, feed, HashSet::from([ORIGIN.to_owned()]), None)
        .await
        .unwrap()
        .with_clock(Arc::new(move || now))
        .with_app_url(Some("https://cal.example/app/".into()));
    Arc::new(receiver)
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    /// The content lines, unfolded.
    lines: Vec<String>,
}

impl Answer {
    fn has(&self, line: &str) -> bool {
        self.lines.iter().any(|l| l == line)
    }

    fn uids(&self) -> Vec<&str> {
        self.lines.iter().filter_map(|l| l.strip_prefix("UID:")).collect()
    }

    /// The value of `property` in the VEVENT with this UID.
    fn of(&self, uid: &str, property: &str) -> Option<&str> {
        let start = self.lines.iter().position(|l| l == &format!("UID:{uid}"))?;
        self.lines[start..]
            .iter()
            .take_while(|l| *l != "END:VEVENT")
            .find_map(|l| l.strip_prefix(property).and_then(|rest| rest.strip_prefix(':')))
    }
}

async fn get(app: &Arc<Receiver>, uri: &str, origin: Option<&str>) -> Answer {
    let mut request = Request::get(uri);
    if let Some(origin) = origin {
        request = request.header("origin", origin);
    }
    let response = router(app.clone()).oneshot(request.body(Body::empty()).unwrap()).await.unwrap();
    let (parts, body) = response.into_parts();
    let text = String::from_utf8(body.collect().await.unwrap().to_bytes().to_vec()).unwrap();
    let mut lines: Vec<String> = Vec::new();
    for physical in text.split("\r\n").filter(|l| !l.is_empty()) {
        assert!(physical.len() <= 75, "{physical}");
        match physical.strip_prefix(' ') {
            Some(rest) => lines.last_mut().unwrap().push_str(rest),
            None => lines.push(physical.to_owned()),
        }
    }
    Answer { status: parts.status, headers: parts.headers, lines }
}

#[tokio::test]
async fn a_filtered_view_is_a_calendar_of_exactly_its_events() {
    let app = receiver(&temp_db("filtered"), &feed_json("Commons"), at("2026-12-06T12:00:00Z")).await;
    let cases: [(&str, &[&str]); 8] = [
        ("/calendar.ics", &["gdansk", "cancelled", "fair", "taller"]),
        ("/calendar.ics?theme=climate", &["gdansk", "cancelled"]),
        ("/calendar.ics?theme=climate&format=online", &["cancelled"]),
        // A partner's city counts (issue 22).
        ("/calendar.ics?city=torino", &["gdansk"]),
        ("/calendar.ics?country=es&country=pl", &["gdansk", "fair"]),
        ("/calendar.ics?spoken=es", &["taller"]),
        ("/calendar.ics?q=CALLED", &["cancelled"]),
        // The view's other parameters change nothing.
        (
            "/calendar.ics?view=week&date=2020-01-01&when=recorded&hours=09:00-10:00&tz=Asia/Tokyo&theme=housing",
            &["fair", "taller"],
        ),
    ];
    for (uri, want) in cases {
        let answer = get(&app, uri, None).await;
        assert_eq!(answer.status, StatusCode::OK, "{uri}");
        let want: Vec<String> = want.iter().map(|id| format!("{id}@cal.example")).collect();
        assert_eq!(answer.uids(), want, "{uri}");
    }
    let answer = get(&app, "/calendar.ics?theme=climate&lang=ro", None).await;
    assert_eq!(answer.headers["content-type"], "text/calendar; charset=utf-8");
    assert_eq!(answer.headers["access-control-allow-origin"], "*");
    for line in [
        "METHOD:PUBLISH",
        "NAME:Flux de test — Climă",
        "X-WR-CALNAME:Flux de test — Climă",
        "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "X-PUBLISHED-TTL:PT6H",
        "TZID:Europe/Warsaw",
        "TZID:Asia/Kolkata",
        "DTSTAMP:20261206T120000Z",
    ] {
        assert!(answer.has(line), "{line}: {:#?}", answer.lines);
    }
    assert_eq!(answer.lines.iter().filter(|l| l.starts_with("TZID:")).count(), 2);
    assert_eq!(answer.of("gdansk@cal.example", "DTSTART;TZID=Europe/Warsaw"), Some("20261209T100000"));
    assert_eq!(answer.of("cancelled@cal.example", "DTSTART;TZID=Asia/Kolkata"), Some("20270120T133000"));
    assert_eq!(answer.of("cancelled@cal.example", "STATUS"), Some("CANCELLED"));
    assert_eq!(answer.of("gdansk@cal.example", "STATUS"), Some("CONFIRMED"));
    assert_eq!(answer.of("gdansk@cal.example", "URL"), Some("https://cal.example/app/?event=gdansk&lang=ro"));
    assert_eq!(answer.of("gdansk@cal.example", "CATEGORIES"), Some("Climă"));
    let fair = get(&app, "/calendar.ics?theme=housing", None).await;
    assert_eq!(fair.of("fair@cal.example", "DTSTART;VALUE=DATE"), Some("20270310"));
    assert_eq!(fair.of("fair@cal.example", "DTEND;VALUE=DATE"), Some("20270312"));
    assert!(fair.has("NAME:Test feed — Housing"), "{:#?}", fair.lines);
}

#[tokio::test]
async fn any_page_may_read_a_calendar_but_registrations_keep_their_allow_list() {
    let app = receiver(&temp_db("public"), &feed_json("Commons"), at("2026-12-06T12:00:00Z")).await;
    let answer = get(&app, "/calendar.ics?theme=climate", Some("https://partner.example")).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.headers["access-control-allow-origin"], "*");
    let registrations = router(app.clone())
        .oneshot(
            Request::post("/registrations")
                .header("origin", "https://partner.example")
                .header("content-type", "application/json")
                .body(Body::from("{}"))
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(registrations.status(), StatusCode::FORBIDDEN);
    assert!(registrations.headers().get("access-control-allow-origin").is_none());
}

#[tokio::test]
async fn sequence_and_last_modified_change_only_with_the_event() {
    let db = temp_db("revisions");
    let first = at("2026-12-06T12:00:00Z");
    let app = receiver(&db, &feed_json("Commons"), first).await;
    let before = get(&app, "/calendar.ics", None).await;
    for uid in ["gdansk@cal.example", "fair@cal.example"] {
        assert_eq!(before.of(uid, "SEQUENCE"), Some("0"), "{uid}");
        assert_eq!(before.of(uid, "LAST-MODIFIED"), Some("20261206T120000Z"), "{uid}");
    }
    // Restarted a day later on the same feed: nothing changed.
    drop(app);
    let app = receiver(&db, &feed_json("Commons"), at("2026-12-07T09:30:00Z")).await;
    let same = get(&app, "/calendar.ics", None).await;
    assert_eq!(same.of("gdansk@cal.example", "SEQUENCE"), Some("0"));
    assert_eq!(same.of("gdansk@cal.example", "LAST-MODIFIED"), Some("20261206T120000Z"));
    assert_eq!(same.of("gdansk@cal.example", "DTSTAMP"), Some("20261207T093000Z"));
    // Then the publisher renames one event: it alone moves on.
    drop(app);
    let app = receiver(&db, &feed_json("Urban commons"), at("2026-12-08T08:00:00Z")).await;
    let after = get(&app, "/calendar.ics", None).await;
    assert_eq!(after.of("gdansk@cal.example", "SEQUENCE"), Some("1"));
    assert_eq!(after.of("gdansk@cal.example", "LAST-MODIFIED"), Some("20261208T080000Z"));
    assert_eq!(after.of("fair@cal.example", "SEQUENCE"), Some("0"));
    assert_eq!(after.of("fair@cal.example", "LAST-MODIFIED"), Some("20261206T120000Z"));
    // Read again (same start): the same revisions.
    let again = get(&app, "/calendar.ics?theme=climate", None).await;
    assert_eq!(again.of("gdansk@cal.example", "SEQUENCE"), Some("1"));
}

#[tokio::test]
async fn a_static_build_writes_one_calendar_for_all_and_one_per_theme() {
    let app = receiver(&temp_db("static"), &feed_json("Commons"), at("2026-12-06T12:00:00Z")).await;
    let dir = std::env::temp_dir().join(format!("citycal-static-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let names = app.write_static_calendars(&dir).await.unwrap();
    assert_eq!(names, ["calendar.ics", "calendar-climate.ics", "calendar-housing.ics"]);
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    // The same calendars the server gives (a static file has no `lang`).
    assert_eq!(read("calendar.ics"), app.calendar("").await);
    assert_eq!(read("calendar-climate.ics"), app.calendar("theme=climate").await);
    assert!(read("calendar-housing.ics").contains("X-WR-CALNAME:Test feed — Housing\r\n"));
    std::fs::remove_dir_all(&dir).unwrap();
}
