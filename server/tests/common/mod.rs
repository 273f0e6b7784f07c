//! What the receiver's tests share: the stores to run against (a SQLite
//! file, and a PostgreSQL schema of its own when `CITYCAL_TEST_PG` names a
//! database: `make test` starts one with `tools/postgres.sh`), and requests.
//! `cluster` (also the benchmark's) starts receivers as processes.
#![allow(dead_code)]

use std::sync::Arc;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use citycal_core::feed::{parse, Feed};
use citycal_core::tzdb::Tzdb;
use citycal_server::{router, Receiver};
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

#[path = "../cluster/mod.rs"]
pub mod cluster;
pub use cluster::{pg_schema, TOKEN};

pub const ORIGIN: &str = "http://127.0.0.1:8080";

pub fn feed(json: &Value) -> Feed {
    let (feed, issues) = parse(json.to_string().as_bytes(), &Tzdb).unwrap();
    assert!(issues.is_empty(), "{issues:?}");
    feed
}

pub fn temp_db(name: &str) -> String {
    let path = std::env::temp_dir().join(format!("citycal-{name}-{}.sqlite", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    path.to_string_lossy().into_owned()
}

/// The PostgreSQL database of `CITYCAL_TEST_PG`, if any.
pub fn pg_url() -> Option<String> {
    std::env::var("CITYCAL_TEST_PG").ok().filter(|u| !u.is_empty())
}

/// The stores a test runs against: a fresh SQLite file, and a fresh
/// PostgreSQL schema when `CITYCAL_TEST_PG` is set.
pub async fn dbs(name: &str) -> Vec<String> {
    let mut out = vec![temp_db(name)];
    if let Some(url) = pg_url() {
        out.push(pg_schema(&url, name).await);
    } else {
        eprintln!("{name}: SQLite only (set CITYCAL_TEST_PG=postgres://… for PostgreSQL too; make test does)");
    }
    out
}

pub async fn call(app: &Arc<Receiver>, request: Request<Body>) -> (StatusCode, HeaderMap, String) {
    let response = router(app.clone()).oneshot(request).await.unwrap();
    let (parts, body) = response.into_parts();
    let bytes = body.collect().await.unwrap().to_bytes();
    (parts.status, parts.headers, String::from_utf8(bytes.to_vec()).unwrap())
}

pub async fn post(app: &Arc<Receiver>, key: &str, body: &Value) -> (StatusCode, Value) {
    let (status, body, _) = post_from(app, key, body, ORIGIN).await;
    (status, body)
}

/// A registration posted from a page at `origin`.
pub async fn post_from(app: &Arc<Receiver>, key: &str, body: &Value, origin: &str) -> (StatusCode, Value, HeaderMap) {
    let request = Request::post("/registrations")
        .header("content-type", "application/json")
        .header("idempotency-key", key)
        .header("origin", origin)
        .body(Body::from(body.to_string()))
        .unwrap();
    let (status, headers, text) = call(app, request).await;
    (status, serde_json::from_str(&text).unwrap_or(Value::Null), headers)
}

/// A GET with the organizer's token.
pub async fn get_with_token(app: &Arc<Receiver>, uri: &str) -> (StatusCode, HeaderMap, String) {
    let request = Request::get(uri).header("authorization", format!("Bearer {TOKEN}")).body(Body::empty()).unwrap();
    call(app, request).await
}

pub async fn get_json(app: &Arc<Receiver>, uri: &str) -> Value {
    let (status, _, text) = get_with_token(app, uri).await;
    assert_eq!(status, StatusCode::OK, "{uri}: {text}");
    serde_json::from_str(&text).unwrap()
}
