//! The receiver against a real SQLite file (and PostgreSQL, with
//! `CITYCAL_TEST_PG`): the contract of docs/registration.md, answer by answer.

mod common;

use std::collections::HashSet;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{Duration, Utc};
use citycal_server::{router, Receiver};
use common::{dbs, feed, get_json, post_from as post, ORIGIN, TOKEN};
use serde_json::{json, Value};
use tower::ServiceExt;

/// A feed whose dates follow the clock: one open event with a question,
/// one with two places, one closed, one with an external form.
fn feed_json() -> String {
    let at = |days: i64| (Utc::now() + Duration::days(days)).format("%Y-%m-%dT%H:%M:%SZ").to_string();
    json!({
        "version": 1,
        "events": [
            { "id": "open", "title": "Open", "start": at(30), "end": at(31), "format": "online",
              "registration": { "questions": [{ "id": "role", "label": "Role", "kind": "choice", "required": true,
                  "options": [{ "id": "staff", "label": "City staff" }, { "id": "other", "label": "Other" }] }] } },
            { "id": "small", "title": "Small", "start": at(30), "end": at(31), "format": "online",
              "registration": { "capacity": 3, "taken": 1 } },
            { "id": "closed", "title": "Closed", "start": at(30), "end": at(31), "format": "online",
              "registration": { "closes": at(-1) } },
            { "id": "external", "title": "External", "start": at(30), "end": at(31), "format": "online",
              "registration": { "url": "https://organizer.example/form" } }
        ]
    })
    .to_string()
}

async fn receiver(db: &str) -> Arc<Receiver> {
    let feed = feed(&serde_json::from_str(&feed_json()).unwrap());
    let receiver = Receiver::open(db, feed, HashSet::from([ORIGIN.to_owned()]), None).await.unwrap();
    Arc::new(receiver.with_token(Some(TOKEN.into())))
}

fn body(event: &str, email: &str) -> Value {
    json!({
        "eventId": event, "name": "Ana Pop", "email": email, "organization": "Primăria Cluj-Napoca",
        "city": "Cluj-Napoca", "country": "RO", "answers": if event == "open" { json!({ "role": "staff" }) } else { json!({}) },
        "consent": { "processing": true, "news": false }, "language": "ro", "timeZone": "Europe/Bucharest",
        "submittedAt": "2026-11-24T10:00:00Z"
    })
}

#[tokio::test]
async fn a_registration_is_stored_once_and_a_replay_gets_the_same_answer() {
    for db in dbs("once").await {
        stored_once(&db).await;
    }
}

async fn stored_once(db: &str) {
    let app = receiver(db).await;
    let (status, first, headers) = post(&app, "key-0001-aaaa", &body("open", "ana@example.ro"), ORIGIN).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    assert_eq!(headers["access-control-allow-origin"], ORIGIN);
    let id = first["registrationId"].as_str().unwrap().to_owned();
    // The same attempt again (its answer was lost): 200, same id, nothing new stored.
    let (status, replay, _) = post(&app, "key-0001-aaaa", &body("open", "ana@example.ro"), ORIGIN).await;
    assert_eq!((status, replay["registrationId"].as_str()), (StatusCode::OK, Some(id.as_str())));
    // Another attempt for the same person: 409.
    let (status, conflict, _) = post(&app, "key-0002-bbbb", &body("open", "ANA@example.ro"), ORIGIN).await;
    assert_eq!((status, conflict["code"].as_str()), (StatusCode::CONFLICT, Some("already_registered")));
    // A key reused for a different request is refused.
    let (status, _, _) = post(&app, "key-0001-aaaa", &body("open", "other@example.ro"), ORIGIN).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // The file holds it after a restart.
    drop(app);
    let app = receiver(db).await;
    let list = get_json(&app, "/registrations.json?event=open").await;
    assert_eq!(list["registrations"].as_array().unwrap().len(), 1);
    assert_eq!(list["registrations"][0]["id"], id.as_str());
    let (status, replay, _) = post(&app, "key-0001-aaaa", &body("open", "ana@example.ro"), ORIGIN).await;
    assert_eq!((status, replay["registrationId"].as_str()), (StatusCode::OK, Some(id.as_str())));
}

#[tokio::test]
async fn invalid_fields_are_named_and_closed_full_or_external_events_refuse() {
    for db in dbs("refusals").await {
        refusals(&db).await;
    }
}

async fn refusals(db: &str) {
    let app = receiver(db).await;
    let mut bad = body("open", "not-an-email");
    bad["answers"] = json!({ "role": "mayor" });
    bad["consent"]["processing"] = json!(false);
    let (status, errors, _) = post(&app, "key-0003-cccc", &bad, ORIGIN).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = errors["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, vec!["email", "answers.role", "consent.processing"]);
    let (status, closed, _) = post(&app, "key-0004-dddd", &body("closed", "a@b.co"), ORIGIN).await;
    assert_eq!((status, closed["code"].as_str()), (StatusCode::GONE, Some("closed")));
    let (status, _, _) = post(&app, "key-0005-eeee", &body("external", "a@b.co"), ORIGIN).await;
    assert_eq!(status, StatusCode::GONE);
    // Capacity 3, 1 taken in the feed: two more fit.
    for (i, email) in ["a@b.co", "c@d.co"].iter().enumerate() {
        let (status, _, _) = post(&app, &format!("key-small-{i}"), &body("small", email), ORIGIN).await;
        assert_eq!(status, StatusCode::CREATED);
    }
    let (status, full, _) = post(&app, "key-small-9", &body("small", "e@f.co"), ORIGIN).await;
    assert_eq!((status, full["code"].as_str()), (StatusCode::GONE, Some("full")));
    // Unknown event, missing key, broken body.
    assert_eq!(post(&app, "key-0006-ffff", &body("nope", "a@b.co"), ORIGIN).await.0, StatusCode::NOT_FOUND);
    assert_eq!(post(&app, "short", &body("open", "a@b.co"), ORIGIN).await.0, StatusCode::BAD_REQUEST);
    assert_eq!(post(&app, "key-0007-gggg", &json!({ "x": 1 }), ORIGIN).await.0, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn only_allow_listed_origins_may_post() {
    let app = receiver(&dbs("cors").await[0]).await;
    let (status, _, headers) = post(&app, "key-0008-hhhh", &body("open", "x@y.co"), "https://evil.example").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(!headers.contains_key("access-control-allow-origin"));
    let preflight = Request::options("/registrations").header("origin", ORIGIN).body(Body::empty()).unwrap();
    let response = router(app.clone()).oneshot(preflight).await.unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(response.headers()["access-control-allow-headers"], "content-type, idempotency-key");
    assert_eq!(response.headers()["access-control-expose-headers"], "Retry-After");
}
