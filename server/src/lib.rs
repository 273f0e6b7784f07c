//! Citycal's reference registration receiver: the contract of
//! `docs/registration.md` over SQLite, and the calendar subscriptions of
//! `docs/links.md`.
//!
//! `POST /registrations`: a request is checked with the same
//! `citycal_core::registration::check` the form uses, then against the feed
//! (deadline, capacity) and the store (one registration per email and
//! event), all inside one SQLite transaction together with its idempotency
//! key, so a retried request is answered, never stored twice.
//!
//! `GET /calendar.ics?<link parameters>`: the iCalendar feed of a view's
//! filters (`citycal_core::subscription`), public (`Access-Control-Allow-Origin: *`).
//! Each event's revision (`SEQUENCE`, `LAST-MODIFIED`) is kept in the same
//! SQLite file (`calendar_revisions`), worked out once per feed load.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use axum::body::Bytes;
use axum::extract::{Query, RawQuery, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::{DateTime, Duration, Utc};
use citycal_core::feed::Feed;
use citycal_core::filter::SearchIndex;
use citycal_core::ics::{content_hash, Revision};
use citycal_core::query::ViewState;
use citycal_core::registration::{check, state, FieldErrors, Phase, Registered, RegistrationRequest};
use citycal_core::subscription::{self, Publish};
use citycal_core::tzdb::Tzdb;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

/// How long idempotency keys are kept (the contract promises at least 24 h).
pub const KEEP_KEYS: Duration = Duration::hours(48);

/// Fault injection, for resilience tests only: each request draws one fate.
#[derive(Clone, Copy, Debug)]
pub struct Faults {
    pub seed: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fate {
    Normal,
    /// 500 before doing anything.
    Fail,
    /// 503 with `Retry-After: 1` before doing anything.
    Busy,
    /// The connection drops before anything is stored.
    DropBefore,
    /// The registration is stored, then the connection drops: the answer is lost.
    DropAfter,
}

/// The server's clock: the only place "now" is read (tests fix it).
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

pub struct Receiver {
    pub feed: Feed,
    pub allowed_origins: HashSet<String>,
    /// Whether `GET /registrations` lists what was stored (local use only).
    pub admin: bool,
    /// The app's public address (http(s)): calendar events link to their
    /// page there, and their UIDs are at its host
    /// (`subscription::uid_domain`). `None`: no links, UIDs at `citycal.invalid`.
    pub app_url: Option<String>,
    clock: Clock,
    /// The feed's search index, built on the first calendar asked for.
    index: OnceLock<SearchIndex>,
    /// Each event's revision, worked out once per feed (see `revisions`).
    revisions: OnceLock<HashMap<String, Revision>>,
    db: Mutex<Connection>,
    faults: Option<Mutex<u64>>,
    /// How many of each injected fault were served: fail, busy, drop before, drop after.
    injected: [std::sync::atomic::AtomicU64; 4],
}

impl Receiver {
    /// Opens (or creates) the SQLite file at `path`.
    pub fn open(
        path: &str,
        feed: Feed,
        allowed_origins: HashSet<String>,
        admin: bool,
        faults: Option<Faults>,
    ) -> rusqlite::Result<Receiver> {
        let db = Connection::open(path)?;
        db.execute_batch(
            "PRAGMA journal_mode = WAL;
             PRAGMA busy_timeout = 5000;
             CREATE TABLE IF NOT EXISTS registrations (
                 id TEXT PRIMARY KEY,
                 event_id TEXT NOT NULL,
                 email_key TEXT NOT NULL,
                 request TEXT NOT NULL,
                 received_at TEXT NOT NULL,
                 UNIQUE (event_id, email_key)
             );
             CREATE TABLE IF NOT EXISTS idempotency (
                 key TEXT PRIMARY KEY,
                 body_hash TEXT NOT NULL,
                 status INTEGER NOT NULL,
                 response TEXT NOT NULL,
                 created_at TEXT NOT NULL
             );
             CREATE TABLE IF NOT EXISTS calendar_revisions (
                 event_id TEXT PRIMARY KEY,
                 content_hash TEXT NOT NULL,
                 sequence INTEGER NOT NULL,
                 modified TEXT NOT NULL
             );",
        )?;
        Ok(Receiver {
            feed,
            allowed_origins,
            admin,
            app_url: None,
            clock: Arc::new(Utc::now),
            index: OnceLock::new(),
            revisions: OnceLock::new(),
            db: Mutex::new(db),
            faults: faults.map(|f| Mutex::new(f.seed.max(1))),
            injected: Default::default(),
        })
    }

    /// This receiver reading `clock` instead of the system's.
    pub fn with_clock(self, clock: Clock) -> Receiver {
        Receiver { clock, ..self }
    }

    /// This receiver with the app's public address (see `app_url`).
    pub fn with_app_url(self, app_url: Option<String>) -> Receiver {
        Receiver { app_url, ..self }
    }

    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    fn index(&self) -> &SearchIndex {
        self.index.get_or_init(|| SearchIndex::new(&self.feed))
    }

    /// Each event's revision: what the store remembers of it (its content
    /// hash, sequence and time of change) moved on by
    /// `Revision::next` for the feed as loaded, and stored, in one
    /// transaction, on the first calendar asked for. The feed is loaded once,
    /// so that is once per start; a store that fails leaves the calendar
    /// without revisions (`SEQUENCE:0`) rather than without events.
    pub fn revisions(&self) -> &HashMap<String, Revision> {
        self.revisions.get_or_init(|| {
            self.record_revisions(self.now()).unwrap_or_else(|e| {
                eprintln!("citycal-server: calendar revisions not stored: {e}");
                HashMap::new()
            })
        })
    }

    fn record_revisions(&self, now: DateTime<Utc>) -> rusqlite::Result<HashMap<String, Revision>> {
        let mut db = self.db.lock().unwrap_or_else(|e| e.into_inner());
        let tx = db.transaction()?;
        let mut out = HashMap::with_capacity(self.feed.events.len());
        for event in &self.feed.events {
            let hash = content_hash(event, &self.feed);
            let seen: Option<(String, u32, String)> = tx
                .query_row(
                    "SELECT content_hash, sequence, modified FROM calendar_revisions WHERE event_id = ?1",
                    params![event.id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            let previous = seen.and_then(|(hash, sequence, modified)| {
                let hash = u64::from_str_radix(&hash, 16).ok()?;
                let modified = DateTime::parse_from_rfc3339(&modified).ok()?.with_timezone(&Utc);
                Some((hash, Revision { sequence, modified }))
            });
            let revision = Revision::next(previous, hash, now);
            if previous != Some((hash, revision)) {
                tx.execute(
                    "INSERT INTO calendar_revisions (event_id, content_hash, sequence, modified) VALUES (?1, ?2, ?3, ?4)
                     ON CONFLICT (event_id) DO UPDATE SET content_hash = ?2, sequence = ?3, modified = ?4",
                    params![event.id, format!("{hash:016x}"), revision.sequence, revision.modified.to_rfc3339()],
                )?;
            }
            out.insert(event.id.clone(), revision);
        }
        tx.commit()?;
        Ok(out)
    }

    /// The calendar a subscription with `query` (the link parameters of
    /// `docs/links.md`, without `?`) reads now: the events of its filters,
    /// named in its `lang` (`citycal_core::subscription`).
    pub fn calendar(&self, query: &str) -> String {
        let (link, _) = ViewState::from_query(query, &Tzdb);
        self.write_calendar(&link.filters, link.lang)
    }

    fn write_calendar(
        &self,
        filters: &citycal_core::filter::Filters,
        lang: Option<citycal_core::i18n::Lang>,
    ) -> String {
        let revisions = self.revisions();
        let uid_domain = subscription::uid_domain(self.app_url.as_deref());
        let publish = Publish { app_url: self.app_url.as_deref(), uid_domain: &uid_domain, now: self.now() };
        subscription::write(&self.feed, self.index(), &Tzdb, filters, lang, &publish, &|e| {
            revisions.get(&e.id).copied()
        })
    }

    /// A static deployment's calendars (`subscription::static_files`:
    /// `calendar.ics` and one per theme) written into `dir`, which is
    /// created if need be; their names, in order.
    pub fn write_static_calendars(&self, dir: &std::path::Path) -> std::io::Result<Vec<String>> {
        std::fs::create_dir_all(dir)?;
        let mut written = Vec::new();
        for (name, filters) in subscription::static_files(&self.feed) {
            std::fs::write(dir.join(&name), self.write_calendar(&filters, None))?;
            written.push(name);
        }
        Ok(written)
    }

    fn fate(&self) -> Fate {
        let Some(state) = &self.faults else { return Fate::Normal };
        let mut x = state.lock().unwrap_or_else(|e| e.into_inner());
        *x ^= *x << 13;
        *x ^= *x >> 7;
        *x ^= *x << 17;
        let (fate, slot) = match *x % 100 {
            0..=11 => (Fate::Fail, 0),
            12..=21 => (Fate::Busy, 1),
            22..=31 => (Fate::DropBefore, 2),
            32..=41 => (Fate::DropAfter, 3),
            _ => return Fate::Normal,
        };
        self.injected[slot].fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        fate
    }
}

pub fn router(receiver: Arc<Receiver>) -> Router {
    // The allow-list guards registrations only: a calendar is public.
    let registrations = Router::new()
        .route("/registrations", post(register).get(list).options(preflight))
        .layer(middleware::from_fn_with_state(receiver.clone(), cors));
    Router::new().route("/calendar.ics", get(calendar_ics)).merge(registrations).with_state(receiver)
}

/// `GET /calendar.ics?…`: a subscription (see `Receiver::calendar`). Public,
/// read-only and the same for everyone, so any page may read it.
async fn calendar_ics(State(receiver): State<Arc<Receiver>>, RawQuery(query): RawQuery) -> Response {
    let body = receiver.calendar(query.as_deref().unwrap_or(""));
    let headers = [
        (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
        (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        (header::CACHE_CONTROL, "public, max-age=600"),
    ];
    (headers, body).into_response()
}

/// CORS for the allow-listed origins only; others get no CORS headers (the
/// browser then refuses the answer) and a 403 for anything but a preflight.
async fn cors(State(receiver): State<Arc<Receiver>>, request: Request, next: Next) -> Response {
    let origin = request.headers().get(header::ORIGIN).and_then(|o| o.to_str().ok()).map(str::to_owned);
    let allowed = origin.as_ref().filter(|o| receiver.allowed_origins.contains(*o)).cloned();
    if origin.is_some() && allowed.is_none() && request.method() != Method::OPTIONS {
        return (StatusCode::FORBIDDEN, axum::Json(json!({ "error": "origin not allowed" }))).into_response();
    }
    let mut response = next.run(request).await;
    if let Some(origin) = allowed.and_then(|o| HeaderValue::from_str(&o).ok()) {
        let headers = response.headers_mut();
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        headers.insert(header::VARY, HeaderValue::from_static("Origin"));
        headers.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static("Retry-After"));
        headers.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("POST, OPTIONS"));
        headers.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("content-type, idempotency-key"));
        headers.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static("600"));
    }
    response
}

async fn preflight() -> StatusCode {
    StatusCode::NO_CONTENT
}

fn answer(status: StatusCode, body: serde_json::Value) -> Response {
    (status, axum::Json(body)).into_response()
}

/// FNV-1a: a stable hash of the body, to tell a replay from a reused key.
fn body_hash(body: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in body {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// A registration id: the clock in nanoseconds and a per-process counter
/// (ids are made under the store's lock, so they never collide).
fn new_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = Utc::now().timestamp_nanos_opt().unwrap_or_default();
    format!("reg-{nanos:x}-{n:x}")
}

async fn register(State(receiver): State<Arc<Receiver>>, headers: HeaderMap, body: Bytes) -> Response {
    let fate = receiver.fate();
    match fate {
        Fate::Fail => return answer(StatusCode::INTERNAL_SERVER_ERROR, json!({ "error": "injected failure" })),
        Fate::Busy => {
            let mut r = answer(StatusCode::SERVICE_UNAVAILABLE, json!({ "error": "busy" }));
            r.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            return r;
        }
        Fate::DropBefore => return dropped(),
        _ => {}
    }
    let Some(key) =
        headers.get("idempotency-key").and_then(|k| k.to_str().ok()).filter(|k| (8..=100).contains(&k.len()))
    else {
        return answer(
            StatusCode::BAD_REQUEST,
            json!({ "error": "an Idempotency-Key header (8 to 100 characters) is required" }),
        );
    };
    let Some(request) = std::str::from_utf8(&body).ok().and_then(RegistrationRequest::from_json) else {
        return answer(
            StatusCode::BAD_REQUEST,
            json!({ "error": "the body is not a registration (docs/registration.md)" }),
        );
    };
    let response = receive(&receiver, key, &body, &request, receiver.now());
    if fate == Fate::DropAfter {
        return dropped();
    }
    response
}

/// A connection that breaks mid-answer: a success status, then the body
/// fails and the connection is cut. A client must treat an answer it could
/// not read in full as no answer (and retry with the same key).
fn dropped() -> Response {
    let broken = futures_util::stream::once(async {
        Err::<Bytes, std::io::Error>(std::io::Error::other("injected: connection dropped"))
    });
    (StatusCode::OK, axum::body::Body::from_stream(broken)).into_response()
}

/// The decision for one request, with the store updated in one transaction.
pub fn receive(
    receiver: &Receiver,
    key: &str,
    body: &[u8],
    request: &RegistrationRequest,
    now: DateTime<Utc>,
) -> Response {
    let mut db = receiver.db.lock().unwrap_or_else(|e| e.into_inner());
    let result = (|| -> rusqlite::Result<Response> {
        let tx = db.transaction()?;
        tx.execute("DELETE FROM idempotency WHERE created_at < ?1", params![(now - KEEP_KEYS).to_rfc3339()])?;
        let hash = body_hash(body);
        let seen: Option<(String, u16, String)> = tx
            .query_row("SELECT body_hash, status, response FROM idempotency WHERE key = ?1", params![key], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        if let Some((seen_hash, status, response)) = seen {
            if seen_hash != hash {
                return Ok(answer(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    json!({ "error": "this Idempotency-Key was used for another request" }),
                ));
            }
            // A replay: the same answer, with 200 instead of 201.
            let status =
                if status == 201 { StatusCode::OK } else { StatusCode::from_u16(status).unwrap_or(StatusCode::OK) };
            return Ok(answer(status, serde_json::from_str(&response).unwrap_or_default()));
        }
        let (status, response) = decide(receiver, &tx, request, now)?;
        // Only final answers are remembered; a 4xx about the request is final too.
        tx.execute(
            "INSERT INTO idempotency (key, body_hash, status, response, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![key, hash, status.as_u16(), response.to_string(), now.to_rfc3339()],
        )?;
        tx.commit()?;
        Ok(answer(status, response))
    })();
    result.unwrap_or_else(|e| answer(StatusCode::SERVICE_UNAVAILABLE, json!({ "error": format!("storage: {e}") })))
}

fn decide(
    receiver: &Receiver,
    tx: &rusqlite::Transaction,
    request: &RegistrationRequest,
    now: DateTime<Utc>,
) -> rusqlite::Result<(StatusCode, serde_json::Value)> {
    let Some(event) = receiver.feed.event(&request.event_id) else {
        return Ok((StatusCode::NOT_FOUND, json!({ "error": "no such event" })));
    };
    if event.registration.as_ref().is_some_and(|r| r.url.is_some()) {
        return Ok((StatusCode::GONE, json!({ "error": "external", "code": "external" })));
    }
    match state(event, now).phase {
        Phase::Closed => return Ok((StatusCode::GONE, json!({ "error": "registration is closed", "code": "closed" }))),
        Phase::Full => return Ok((StatusCode::GONE, json!({ "error": "the event is full", "code": "full" }))),
        Phase::NotYetOpen { .. } => {
            return Ok((StatusCode::GONE, json!({ "error": "registration is not open yet", "code": "not_open" })))
        }
        Phase::NotNeeded => {
            return Ok((StatusCode::GONE, json!({ "error": "this event takes no registrations", "code": "closed" })))
        }
        Phase::Open { .. } | Phase::ClosingSoon { .. } => {}
    }
    let errors = check(request, event);
    if !errors.is_empty() {
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            serde_json::to_value(FieldErrors { errors }).unwrap_or_default(),
        ));
    }
    let email_key = request.email.trim().to_lowercase();
    let exists: bool = tx
        .query_row(
            "SELECT 1 FROM registrations WHERE event_id = ?1 AND email_key = ?2",
            params![event.id, email_key],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    if exists {
        return Ok((StatusCode::CONFLICT, json!({ "error": "already registered", "code": "already_registered" })));
    }
    if let Some(capacity) = event.registration.as_ref().and_then(|r| r.capacity) {
        let stored: u32 =
            tx.query_row("SELECT COUNT(*) FROM registrations WHERE event_id = ?1", params![event.id], |r| r.get(0))?;
        let taken = event.registration.as_ref().and_then(|r| r.taken).unwrap_or(0);
        if taken + stored >= capacity {
            return Ok((StatusCode::GONE, json!({ "error": "the event is full", "code": "full" })));
        }
    }
    let id = new_id();
    tx.execute(
        "INSERT INTO registrations (id, event_id, email_key, request, received_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, event.id, email_key, serde_json::to_string(request).unwrap_or_default(), now.to_rfc3339()],
    )?;
    Ok((StatusCode::CREATED, serde_json::to_value(Registered { registration_id: id }).unwrap_or_default()))
}

#[derive(serde::Deserialize)]
struct ListQuery {
    event: Option<String>,
}

/// What was stored (only with `--admin`, for local checks and tests).
async fn list(State(receiver): State<Arc<Receiver>>, Query(q): Query<ListQuery>) -> Response {
    if !receiver.admin {
        return StatusCode::NOT_FOUND.into_response();
    }
    let db = receiver.db.lock().unwrap_or_else(|e| e.into_inner());
    let rows = (|| -> rusqlite::Result<Vec<serde_json::Value>> {
        let mut stmt = db.prepare("SELECT id, event_id, request, received_at FROM registrations WHERE ?1 IS NULL OR event_id = ?1 ORDER BY received_at")?;
        let rows = stmt.query_map(params![q.event], |r| {
            let request: String = r.get(2)?;
            Ok(json!({
                "id": r.get::<_, String>(0)?,
                "eventId": r.get::<_, String>(1)?,
                "request": serde_json::from_str::<serde_json::Value>(&request).unwrap_or_default(),
                "receivedAt": r.get::<_, String>(3)?,
            }))
        })?;
        rows.collect()
    })();
    let injected = |i: usize| receiver.injected[i].load(std::sync::atomic::Ordering::Relaxed);
    let faults = json!({ "failed": injected(0), "busy": injected(1), "droppedBefore": injected(2), "droppedAfterStoring": injected(3) });
    match rows {
        Ok(rows) => answer(StatusCode::OK, json!({ "registrations": rows, "injectedFaults": faults })),
        Err(e) => answer(StatusCode::SERVICE_UNAVAILABLE, json!({ "error": e.to_string() })),
    }
}
