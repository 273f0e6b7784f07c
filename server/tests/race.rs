//! The capacity race across processes (issue 24, item 5): four receiver
//! processes on one PostgreSQL database, 1,000 registrations at once for
//! 100 places, spread round-robin over them. Exactly 100 stored, 900 told
//! "full" (or put on the waitlist at positions 1 to 900), no email twice,
//! no error answer. Needs `CITYCAL_TEST_PG` (`make test` sets it); without
//! it the test says so and passes. Nothing here depends on timing: every
//! wait is a generous guard against a hang, never a measure.

mod common;

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::cluster::{connections_allowed, event, pg_schema, registration, write_feed, Answer, Conn, Receivers};
use common::pg_url;
use serde_json::Value;
use tokio::sync::{Barrier, Semaphore};

const PLACES: u32 = 100;
const PEOPLE: usize = 1000;
const RECEIVERS: usize = 4;
/// Longer than any answer can take on a loaded machine: only a hang trips it.
const PATIENCE: Duration = Duration::from_secs(180);

/// Posts `bodies` (Idempotency-Key, body) all at once, the i-th to receiver
/// i mod n, each on a connection of its own (as many open at once as the
/// open-file limit allows), and gives each answer in the same order.
/// With `together`, every request waits until all are connected, so they
/// reach the receivers at the same moment.
async fn post_all(addrs: &[SocketAddr], bodies: Vec<(String, String)>, together: bool) -> Vec<Answer> {
    let in_flight = Arc::new(Semaphore::new(connections_allowed(bodies.len())));
    let barrier = Arc::new(Barrier::new(if together { bodies.len() } else { 1 }));
    let tasks: Vec<_> = bodies
        .into_iter()
        .enumerate()
        .map(|(i, (key, body))| {
            let (addr, in_flight, barrier) = (addrs[i % addrs.len()], in_flight.clone(), barrier.clone());
            tokio::spawn(async move {
                let _permit = in_flight.acquire_owned().await.unwrap();
                let exchange = async {
                    let mut conn = Conn::open(addr).await?;
                    barrier.wait().await;
                    conn.register(&key, &body).await
                };
                match tokio::time::timeout(PATIENCE, exchange).await {
                    Ok(Ok(answer)) => answer,
                    Ok(Err(e)) => panic!("request {i} to {addr}: no answer: {e}"),
                    Err(_) => panic!("request {i} to {addr}: no answer in {PATIENCE:?}"),
                }
            })
        })
        .collect();
    let mut answers = Vec::with_capacity(tasks.len());
    for task in tasks {
        answers.push(task.await.unwrap());
    }
    answers
}

/// What is stored for `event` (all events when `None`), read through the
/// organizer's export of the first receiver.
async fn stored(addr: SocketAddr, event: Option<&str>) -> Vec<Value> {
    let path = event.map_or("/registrations.json".into(), |e| format!("/registrations.json?event={e}"));
    let answer = Conn::open(addr).await.unwrap().get_private(&path).await.unwrap();
    assert_eq!(answer.status, 200, "{path}: {}", String::from_utf8_lossy(&answer.body));
    answer.json()["registrations"].as_array().unwrap().clone()
}

fn email(i: usize, event: &str) -> String {
    format!("person{i:04}@{event}.example")
}

/// 1,000 people, one registration attempt each, for `event`.
async fn rush(addrs: &[SocketAddr], event: &str) -> Vec<(String, Answer)> {
    let emails: Vec<String> = (0..PEOPLE).map(|i| email(i, event)).collect();
    let bodies = emails.iter().enumerate().map(|(i, e)| (format!("{event}-{i:04}-key"), registration(event, e)));
    let started = Instant::now();
    let answers = post_all(addrs, bodies.collect(), false).await;
    println!("{event}: {PEOPLE} registrations over {} receivers answered in {:.1?}", addrs.len(), started.elapsed());
    emails.into_iter().zip(answers).collect()
}

/// The answers by status, and any that is not one of `allowed`.
fn by_status<'a>(answers: &'a [(String, Answer)], allowed: &[u16]) -> HashMap<u16, Vec<&'a (String, Answer)>> {
    let mut out: HashMap<u16, Vec<_>> = HashMap::new();
    for a in answers {
        out.entry(a.1.status).or_default().push(a);
    }
    let unexpected: Vec<String> = out
        .iter()
        .filter(|(s, _)| !allowed.contains(s))
        .flat_map(|(_, v)| v.iter().map(|(e, a)| format!("{e}: {} {}", a.status, String::from_utf8_lossy(&a.body))))
        .collect();
    assert!(unexpected.is_empty(), "answers other than {allowed:?}: {unexpected:#?}");
    out
}

fn count(statuses: &HashMap<u16, Vec<&(String, Answer)>>, status: u16) -> usize {
    statuses.get(&status).map_or(0, Vec::len)
}

fn field<'a>(record: &'a Value, name: &str) -> &'a str {
    record[name].as_str().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_registrations_for_a_hundred_places_over_four_receivers_on_one_postgres() {
    let Some(url) = pg_url() else {
        // Straight to stderr, which the test harness does not capture: seen even when it passes.
        let note = "the capacity race across processes: skipped (it needs CITYCAL_TEST_PG; make test sets it)";
        let _ = writeln!(std::io::stderr(), "{note}");
        return;
    };
    let db = pg_schema(&url, "race").await;
    let feed = write_feed(
        "race",
        &[
            event("race", Some(PLACES), false),
            event("race-waitlist", Some(PLACES), true),
            event("duplicates", None, false),
        ],
    );
    let receivers = Receivers::start(Path::new(env!("CARGO_BIN_EXE_citycal-server")), RECEIVERS, &feed, &db);
    let addrs = &receivers.addrs;
    println!("{RECEIVERS} receivers on {db}; at most {} connections open at once", connections_allowed(PEOPLE));

    // Round 1: no waitlist. 100 × 201, 900 × 410 full.
    let answers = rush(addrs, "race").await;
    let statuses = by_status(&answers, &[201, 410]);
    assert_eq!(count(&statuses, 201), PLACES as usize, "told 201 (places given)");
    for (email, answer) in &statuses[&410] {
        assert_eq!(answer.json()["code"], "full", "{email}");
    }
    let stored_race = stored(addrs[0], Some("race")).await;
    let ids: HashSet<&str> = stored_race.iter().map(|r| field(r, "id")).collect();
    let emails: HashSet<&str> = stored_race.iter().map(|r| field(r, "email")).collect();
    assert_eq!((stored_race.len(), ids.len(), emails.len()), (100, 100, 100), "stored, distinct ids, distinct emails");
    let answered: HashSet<&str> = statuses[&201].iter().map(|(e, _)| e.as_str()).collect();
    assert_eq!(emails, answered, "the people stored are the people told 201");
    let answered_ids: HashSet<String> =
        statuses[&201].iter().map(|(_, a)| a.json()["registrationId"].as_str().unwrap().to_owned()).collect();
    assert_eq!(ids, answered_ids.iter().map(String::as_str).collect(), "the ids stored are the ids answered");

    // Round 2: with a waitlist. 100 × 201, then 900 × 202 at positions 1..=900.
    let answers = rush(addrs, "race-waitlist").await;
    let statuses = by_status(&answers, &[201, 202]);
    assert_eq!((count(&statuses, 201), count(&statuses, 202)), (100, 900), "told 201, told 202");
    let mut positions: HashMap<&str, u64> = HashMap::new();
    for (email, answer) in &statuses[&202] {
        let body = answer.json();
        assert_eq!(body["status"], "waitlisted", "{email}");
        positions.insert(email, body["position"].as_u64().unwrap());
    }
    let mut sorted: Vec<u64> = positions.values().copied().collect();
    sorted.sort_unstable();
    assert_eq!(sorted, (1..=900).collect::<Vec<u64>>(), "waitlist positions: no gap, no repeat");
    let stored_wait = stored(addrs[0], Some("race-waitlist")).await;
    assert_eq!(stored_wait.len(), PEOPLE);
    for record in &stored_wait {
        let email = field(record, "email");
        match field(record, "status") {
            "registered" => assert!(!positions.contains_key(email), "{email} registered but told waitlisted"),
            "waitlisted" => assert_eq!(record["position"].as_u64(), positions.get(email).copied(), "{email}"),
            other => panic!("{email}: status {other}"),
        }
    }

    // The same person from four tabs at once, two on each receiver, with
    // their email in different cases: one 201, seven 409.
    let bodies = ["Dup@Example.org", "dup@example.org", "DUP@EXAMPLE.ORG", " dup@example.org "]
        .iter()
        .cycle()
        .take(8)
        .enumerate()
        .map(|(i, e)| (format!("duplicate-{i}-key"), registration("duplicates", e)))
        .collect();
    let answers: Vec<(String, Answer)> =
        post_all(addrs, bodies, true).await.into_iter().map(|a| ("dup@example.org".to_owned(), a)).collect();
    let statuses = by_status(&answers, &[201, 409]);
    assert_eq!((count(&statuses, 201), count(&statuses, 409)), (1, 7), "told 201, told 409");
    for (_, answer) in &statuses[&409] {
        assert_eq!(answer.json()["code"], "already_registered");
    }
    // One attempt retried on every receiver at once (same key, same body):
    // one 201, three 200, one id.
    let body = registration("duplicates", "retry@example.org");
    let retries = (0..RECEIVERS).map(|_| ("retry-0001-key".to_owned(), body.clone())).collect();
    let answers: Vec<(String, Answer)> =
        post_all(addrs, retries, true).await.into_iter().map(|a| ("retry@example.org".to_owned(), a)).collect();
    let statuses = by_status(&answers, &[200, 201]);
    assert_eq!((count(&statuses, 201), count(&statuses, 200)), (1, 3), "told 201, told 200");
    let ids: HashSet<Value> = answers.iter().map(|(_, a)| a.json()["registrationId"].clone()).collect();
    assert_eq!(ids.len(), 1, "{ids:?}");

    // Over everything stored: no email twice for one event.
    let all = stored(addrs[0], None).await;
    assert_eq!(all.len(), 100 + PEOPLE + 2);
    let mut seen = HashSet::new();
    for record in &all {
        let pair = (field(record, "eventId").to_owned(), field(record, "email").trim().to_lowercase());
        assert!(seen.insert(pair.clone()), "stored twice: {pair:?}");
    }
    drop(receivers);
    let _ = std::fs::remove_file(feed);
}
