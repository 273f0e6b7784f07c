//! The organizer's side (docs/registration.md, "For organizers"): reads
//! only with the token, exports with answers as columns, erasure that
//! leaves nothing of the person, retention on an injected clock, the
//! places left as the receiver counts them, and the waitlist. Each runs on
//! SQLite and, with `CITYCAL_TEST_PG`, on PostgreSQL.

mod common;

use std::collections::HashSet;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{DateTime, Duration, Utc};
use citycal_server::Receiver;
use common::{call, dbs, feed, get_json, get_with_token, post, ORIGIN, TOKEN};
use serde_json::{json, Value};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

const NOW: &str = "2026-12-01T12:00:00Z";

/// Open events on a fixed clock: one with questions, one with 2 places and
/// a waitlist, one with 2 places and none, one not open yet, one closed.
fn feed_json() -> Value {
    json!({
        "version": 1,
        "events": [
            { "id": "forum", "title": "Forum", "start": "2027-01-10T10:00:00Z", "end": "2027-01-10T12:00:00Z", "format": "online",
              "registration": { "questions": [
                  { "id": "role", "label": "Role", "kind": "choice", "options": [{ "id": "staff", "label": "Staff" }, { "id": "other", "label": "Other" }] },
                  { "id": "note", "label": "Note" }] } },
            { "id": "lab", "title": "Lab", "start": "2027-01-20T10:00:00Z", "end": "2027-01-20T12:00:00Z", "format": "online",
              "registration": { "capacity": 3, "taken": 1, "waitlist": true } },
            { "id": "small", "title": "Small", "start": "2027-02-01T10:00:00Z", "end": "2027-02-01T12:00:00Z", "format": "online",
              "registration": { "capacity": 2 } },
            { "id": "later", "title": "Later", "start": "2027-03-01T10:00:00Z", "end": "2027-03-01T12:00:00Z", "format": "online",
              "registration": { "opens": "2027-02-01T00:00:00Z" } },
            { "id": "past", "title": "Past", "start": "2026-11-01T10:00:00Z", "end": "2026-11-01T12:00:00Z", "format": "online",
              "registration": {} }
        ]
    })
}

async fn receiver(db: &str, token: Option<&str>, now: DateTime<Utc>) -> Arc<Receiver> {
    let receiver = Receiver::open(db, feed(&feed_json()), HashSet::from([ORIGIN.to_owned()]), None).await.unwrap();
    Arc::new(
        receiver.with_token(token.map(str::to_owned)).with_clock(Arc::new(move || now)).with_retention_days(Some(30)),
    )
}

fn person(event: &str, name: &str, email: &str) -> Value {
    json!({
        "eventId": event, "name": name, "email": email, "organization": "Primăria, \"Cluj\"", "city": "Cluj-Napoca",
        "country": "RO", "answers": if event == "forum" { json!({ "role": "staff", "note": "=HYPERLINK(\"http://evil\")" }) } else { json!({}) },
        "consent": { "processing": true, "news": false }, "language": "ro", "timeZone": "Europe/Bucharest",
        "submittedAt": "2026-11-24T10:00:00Z"
    })
}

const ROUTES: [(&str, &str); 4] = [
    ("GET", "/registrations.json"),
    ("GET", "/registrations.csv?event=forum"),
    ("GET", "/registrations/counts"),
    ("POST", "/registrations/erase"),
];

fn request(method: &str, uri: &str, auth: Option<&str>) -> Request<Body> {
    let mut r = Request::builder().method(method).uri(uri);
    if let Some(auth) = auth {
        r = r.header("authorization", auth);
    }
    r.body(Body::from(r#"{"email": "ana@example.ro"}"#)).unwrap()
}

async fn count_of(app: &Arc<Receiver>, event: &str) -> Value {
    let counts = get_json(app, "/registrations/counts").await;
    counts["events"].as_array().unwrap().iter().find(|e| e["eventId"] == event).unwrap().clone()
}

#[tokio::test]
async fn without_the_token_nothing_personal_is_answered() {
    for db in dbs("token").await {
        let app = receiver(&db, Some(TOKEN), at(NOW)).await;
        assert_eq!(
            post(&app, "key-ana-0001", &person("forum", "Ana Pop", "ana@example.ro")).await.0,
            StatusCode::CREATED
        );
        let wrong = format!("Bearer {}x", TOKEN);
        for (method, uri) in ROUTES {
            for auth in
                [None, Some("Bearer"), Some(wrong.as_str()), Some("Basic b3JnYW5pemVyOnNlY3JldA=="), Some(&TOKEN[..20])]
            {
                let (status, headers, body) = call(&app, request(method, uri, auth)).await;
                assert_eq!(status, StatusCode::UNAUTHORIZED, "{method} {uri} {auth:?}");
                assert!(headers["www-authenticate"].to_str().unwrap().starts_with("Bearer"), "{uri}");
                for personal in ["ana@example.ro", "Ana Pop", "Primăria", "forum"] {
                    assert!(!body.contains(personal), "{uri}: {body}");
                }
                assert_eq!(
                    serde_json::from_str::<Value>(&body).unwrap(),
                    json!({ "error": "the organizer's token is required" })
                );
            }
        }
        // Still there: the wrong tokens erased nothing.
        assert_eq!(count_of(&app, "forum").await["stored"], 1);
        // No token configured: the routes are off.
        let off = receiver(&db, None, at(NOW)).await;
        for (method, uri) in ROUTES {
            let (status, _, body) = call(&off, request(method, uri, Some(&format!("Bearer {TOKEN}")))).await;
            assert_eq!((status, body.as_str()), (StatusCode::NOT_FOUND, ""), "{uri}");
        }
        // The old listing is gone.
        let (status, _, _) = call(&app, Request::get("/registrations").body(Body::empty()).unwrap()).await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    }
}

#[tokio::test]
async fn exports_have_each_answer_in_its_own_column_and_defuse_formulas() {
    for db in dbs("export").await {
        let app = receiver(&db, Some(TOKEN), at(NOW)).await;
        assert_eq!(
            post(&app, "key-ana-0001", &person("forum", "Ana Pop", "ana@example.ro")).await.0,
            StatusCode::CREATED
        );
        let mut ion = person("forum", "-Ion, \"the\" Popescu", "ion@example.ro");
        ion["answers"] = json!({ "role": "other" });
        assert_eq!(post(&app, "key-ion-0001", &ion).await.0, StatusCode::CREATED);
        assert_eq!(post(&app, "key-eva-0001", &person("lab", "Eva", "eva@example.ro")).await.0, StatusCode::CREATED);

        let all = get_json(&app, "/registrations.json").await;
        assert_eq!(all["questions"], json!(["role", "note"]));
        let rows = all["registrations"].as_array().unwrap();
        assert_eq!(rows.len(), 3);
        let ana = rows.iter().find(|r| r["email"] == "ana@example.ro").unwrap();
        assert_eq!(ana["answers"], json!({ "role": "staff", "note": "=HYPERLINK(\"http://evil\")" }));
        assert_eq!(
            (ana["status"].as_str(), ana["eventId"].as_str(), ana["name"].as_str()),
            (Some("registered"), Some("forum"), Some("Ana Pop"))
        );
        assert_eq!(ana["consent"], json!({ "processing": true, "news": false }));
        let ion = rows.iter().find(|r| r["email"] == "ion@example.ro").unwrap();
        assert_eq!(ion["answers"], json!({ "role": "other", "note": null }));
        assert_eq!(get_json(&app, "/registrations.json?event=lab").await["registrations"].as_array().unwrap().len(), 1);

        let (status, headers, csv) = get_with_token(&app, "/registrations.csv?event=forum").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(headers["content-type"], "text/csv; charset=utf-8");
        assert_eq!(headers["content-disposition"], "attachment; filename=\"registrations-forum.csv\"");
        assert_eq!(headers["cache-control"], "no-store");
        let csv = csv.strip_prefix('\u{feff}').expect("a byte order mark");
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines.len(), 4, "{csv}"); // header, two rows, and the last line's end
        assert_eq!(lines[0], "id,eventId,status,position,receivedAt,name,email,organization,city,country,language,timeZone,submittedAt,consentProcessing,consentNews,answers.role,answers.note");
        let ana_line = lines.iter().find(|l| l.contains("ana@example.ro")).unwrap();
        assert!(ana_line.contains(",Ana Pop,ana@example.ro,\"Primăria, \"\"Cluj\"\"\",Cluj-Napoca,RO,ro,Europe/Bucharest,2026-11-24T10:00:00Z,true,false,staff,\"'=HYPERLINK(\"\"http://evil\"\")\""), "{ana_line}");
        let ion_line = lines.iter().find(|l| l.contains("ion@example.ro")).unwrap();
        assert!(ion_line.contains(",\"'-Ion, \"\"the\"\" Popescu\",ion@example.ro,"), "{ion_line}");
        assert!(ion_line.ends_with(",other,"), "{ion_line}");

        assert_eq!(
            count_of(&app, "lab").await,
            json!({ "eventId": "lab", "stored": 1, "takenInFeed": 1, "capacity": 3, "placesLeft": 1, "waitlisted": 0 })
        );
    }
}

/// Every row of every table, and (SQLite) the bytes of the file and its
/// log, as lowercase text.
async fn everything(app: &Receiver, db: &str) -> Vec<String> {
    let mut all: Vec<String> = app.store().dump().await.unwrap().into_iter().map(|r| r.to_lowercase()).collect();
    if !db.starts_with("postgres") {
        for suffix in ["", "-wal"] {
            if let Ok(bytes) = std::fs::read(format!("{db}{suffix}")) {
                all.push(String::from_utf8_lossy(&bytes).to_lowercase());
            }
        }
    }
    all
}

#[tokio::test]
async fn erasure_leaves_nothing_of_the_person_and_records_only_that_it_happened() {
    for db in dbs("erase").await {
        let app = receiver(&db, Some(TOKEN), at(NOW)).await;
        // Ana: two events and a waitlist place; Ion stays.
        assert_eq!(
            post(&app, "key-ana-0001", &person("forum", "Ana Zamfirescu", "Ana.Z@Example.ro")).await.0,
            StatusCode::CREATED
        );
        assert_eq!(post(&app, "key-ion-0002", &person("lab", "Ion", "ion@example.ro")).await.0, StatusCode::CREATED);
        assert_eq!(post(&app, "key-eva-0003", &person("lab", "Eva", "eva@example.ro")).await.0, StatusCode::CREATED);
        assert_eq!(
            post(&app, "key-ana-0004", &person("lab", "Ana Zamfirescu", "ana.z@example.ro")).await.0,
            StatusCode::ACCEPTED
        );
        assert_eq!(
            post(&app, "key-ana-0005", &person("small", "Ana Zamfirescu", "ana.z@example.ro")).await.0,
            StatusCode::CREATED
        );
        assert!(everything(&app, &db).await.iter().any(|t| t.contains("ana.z@example.ro")));

        let erase = Request::post("/registrations/erase")
            .header("authorization", format!("Bearer {TOKEN}"))
            .body(Body::from(r#"{"email": " ANA.z@example.RO "}"#))
            .unwrap();
        let (status, _, body) = call(&app, erase).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(
            serde_json::from_str::<Value>(&body).unwrap(),
            json!({ "erased": 3, "events": ["forum", "lab", "small"] })
        );

        let after = everything(&app, &db).await;
        for trace in ["ana.z@example.ro", "zamfirescu", "key-ana-000"] {
            assert!(!after.iter().any(|t| t.contains(trace)), "{trace} left after the erasure ({db})");
        }
        assert!(after.iter().any(|t| t.contains("ion@example.ro")), "others are kept");
        let erasures: Vec<&String> = after.iter().filter(|r| r.starts_with("erasures:")).collect();
        assert_eq!(erasures.len(), 1, "{erasures:?}");
        assert!(erasures[0].contains("request | 3 | forum lab small"), "{}", erasures[0]);
        assert!(erasures[0].contains("2026-12-01t12:00:00"), "{}", erasures[0]);
        // Places and the waitlist moved on; erasing again finds nothing.
        assert_eq!(count_of(&app, "lab").await["waitlisted"], 0);
        assert_eq!(app.erase("ana.z@example.ro").await.unwrap().count, 0);
    }
}

#[tokio::test]
async fn the_erase_command_erases_from_the_store() {
    let db = &dbs("erase-command").await[0];
    let app = receiver(db, Some(TOKEN), at(NOW)).await;
    assert_eq!(post(&app, "key-ana-0001", &person("forum", "Ana", "ana@example.ro")).await.0, StatusCode::CREATED);
    drop(app);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_citycal-server"))
        .args(["erase", "--db", db, "--email", "ANA@example.ro"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "erased 1 registrations (events: forum)\n");
    let app = receiver(db, Some(TOKEN), at(NOW)).await;
    assert!(!everything(&app, db).await.iter().any(|t| t.contains("ana@example.ro")));
}

#[tokio::test]
async fn retention_deletes_registrations_n_days_after_their_event() {
    for db in dbs("retention").await {
        let app = receiver(&db, Some(TOKEN), at(NOW)).await;
        assert_eq!(post(&app, "key-ana-0001", &person("forum", "Ana", "ana@example.ro")).await.0, StatusCode::CREATED);
        assert_eq!(post(&app, "key-ion-0002", &person("lab", "Ion", "ion@example.ro")).await.0, StatusCode::CREATED);
        // The forum ends 2027-01-10T12:00Z; kept 30 days: until 2027-02-09T12:00Z.
        let forum_end = at("2027-01-10T12:00:00Z");
        assert_eq!(app.sweep(forum_end).await.unwrap().count, 0);
        assert_eq!(app.sweep(forum_end + Duration::days(30) - Duration::seconds(1)).await.unwrap().count, 0);
        let removed = app.sweep(forum_end + Duration::days(30) + Duration::seconds(1)).await.unwrap();
        assert_eq!((removed.count, removed.events.clone()), (1, vec!["forum".to_owned()]));
        let left = get_json(&app, "/registrations.json").await;
        assert_eq!(left["registrations"].as_array().unwrap().len(), 1);
        assert_eq!(left["registrations"][0]["eventId"], "lab");
        let all = everything(&app, &db).await;
        assert!(!all.iter().any(|t| t.contains("ana@example.ro")), "{db}");
        assert!(all.iter().any(|t| t.starts_with("erasures:") && t.contains("retention | 1 | forum")));
        // The lab (ends 2027-01-20) goes ten days later.
        assert_eq!(app.sweep(at("2027-02-19T12:00:01Z")).await.unwrap().events, vec!["lab".to_owned()]);
        // Idempotency keys go after 48 hours, whatever the retention.
        assert!(!everything(&app, &db).await.iter().any(|t| t.contains("key-ion-0002")));
    }
}

async fn availability(app: &Arc<Receiver>, id: &str) -> Value {
    let (status, headers, body) =
        call(app, Request::get(format!("/events/{id}/availability")).body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(headers["access-control-allow-origin"], "*");
    assert_eq!(headers["cache-control"], "no-store");
    serde_json::from_str(&body).unwrap()
}

#[tokio::test]
async fn availability_follows_what_the_receiver_stored() {
    for db in dbs("availability").await {
        let app = receiver(&db, Some(TOKEN), at(NOW)).await;
        let small = |status: &str, left: u32| json!({ "eventId": "small", "status": status, "capacity": 2, "placesLeft": left, "waitlist": { "enabled": false, "length": 0 } });
        assert_eq!(availability(&app, "small").await, small("open", 2));
        assert_eq!(post(&app, "key-small-01", &person("small", "A", "a@example.ro")).await.0, StatusCode::CREATED);
        assert_eq!(availability(&app, "small").await, small("open", 1));
        assert_eq!(post(&app, "key-small-02", &person("small", "B", "b@example.ro")).await.0, StatusCode::CREATED);
        assert_eq!(availability(&app, "small").await, small("full", 0));
        let (status, full) = post(&app, "key-small-03", &person("small", "C", "c@example.ro")).await;
        assert_eq!((status, full["code"].as_str()), (StatusCode::GONE, Some("full")));
        // Capacity 3, 1 taken in the feed, then the waitlist.
        let lab = availability(&app, "lab").await;
        assert_eq!(
            lab,
            json!({ "eventId": "lab", "status": "open", "capacity": 3, "placesLeft": 2, "waitlist": { "enabled": true, "length": 0 } })
        );
        for (i, email) in ["d@example.ro", "e@example.ro"].iter().enumerate() {
            assert_eq!(post(&app, &format!("key-lab-{i:04}"), &person("lab", "D", email)).await.0, StatusCode::CREATED);
        }
        let (status, waiting) = post(&app, "key-lab-0009", &person("lab", "F", "f@example.ro")).await;
        assert_eq!(status, StatusCode::ACCEPTED);
        assert_eq!((waiting["status"].as_str(), waiting["position"].as_u64()), (Some("waitlisted"), Some(1)));
        assert!(waiting["registrationId"].as_str().unwrap().starts_with("reg-"));
        // A replay of the same attempt: the same answer; the same person again: 409.
        assert_eq!(
            post(&app, "key-lab-0009", &person("lab", "F", "f@example.ro")).await,
            (StatusCode::ACCEPTED, waiting)
        );
        assert_eq!(post(&app, "key-lab-0010", &person("lab", "F", "F@example.ro")).await.0, StatusCode::CONFLICT);
        let lab = availability(&app, "lab").await;
        assert_eq!(
            lab,
            json!({ "eventId": "lab", "status": "waitlist", "capacity": 3, "placesLeft": 0, "waitlist": { "enabled": true, "length": 1 } })
        );
        assert_eq!(availability(&app, "later").await["status"], "not_open");
        assert_eq!(availability(&app, "past").await["status"], "closed");
        assert_eq!(
            availability(&app, "forum").await,
            json!({ "eventId": "forum", "status": "open", "capacity": null, "placesLeft": null, "waitlist": { "enabled": false, "length": 0 } })
        );
        let (status, _, _) = call(&app, Request::get("/events/nope/availability").body(Body::empty()).unwrap()).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn waitlist_positions_are_exact_under_concurrency() {
    for db in dbs("waitlist").await {
        let app = receiver(&db, Some(TOKEN), at(NOW)).await;
        // Capacity 3, 1 taken: 2 places, then 58 on the waitlist.
        let tasks: Vec<_> = (0..60)
            .map(|i| {
                let app = app.clone();
                tokio::spawn(async move {
                    post(&app, &format!("key-wait-{i:04}"), &person("lab", "P", &format!("p{i}@example.ro"))).await
                })
            })
            .collect();
        let mut positions = Vec::new();
        let mut created = 0;
        for task in tasks {
            match task.await.unwrap() {
                (StatusCode::CREATED, _) => created += 1,
                (StatusCode::ACCEPTED, body) => positions.push(body["position"].as_u64().unwrap()),
                other => panic!("{other:?}"),
            }
        }
        positions.sort_unstable();
        assert_eq!(created, 2);
        assert_eq!(positions, (1..=58).collect::<Vec<u64>>(), "{db}");
        // The export agrees: each answered position is the stored one.
        let rows = get_json(&app, "/registrations.json?event=lab").await;
        let mut stored: Vec<u64> =
            rows["registrations"].as_array().unwrap().iter().filter_map(|r| r["position"].as_u64()).collect();
        stored.sort_unstable();
        assert_eq!(stored, positions);
    }
}
