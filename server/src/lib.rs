//! Citycal's reference registration receiver: the contract of
//! `docs/registration.md` over SQLite or PostgreSQL (`store`), and the
//! calendar subscriptions of `docs/links.md`.
//!
//! `POST /registrations`: a request is checked with the same
//! `citycal_core::registration::check` the form uses, then against the feed
//! (deadline, capacity, waitlist) and the store (one registration per email
//! and event), all inside one transaction together with its idempotency
//! key, so a retried request is answered, never stored twice.
//!
//! `GET /events/{id}/availability` (public): the places left now.
//! The organizer's routes (`Authorization: Bearer <token>`):
//! `GET /registrations.json`, `GET /registrations.csv`,
//! `GET /registrations/counts`, `POST /registrations/erase`.
//!
//! `GET /calendar.ics?<link parameters>`: the iCalendar feed of a view's
//! filters (`citycal_core::subscription`), public (`Access-Control-Allow-Origin: *`).
//! Each event's revision (`SEQUENCE`, `LAST-MODIFIED`) is kept in the same
//! store (`calendar_revisions`), worked out once per feed load.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use axum::body::Bytes;
use axum::extract::{Path, Query, RawQuery, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::{DateTime, Duration, Utc};
use citycal_core::feed::{Event, Feed, When};
use citycal_core::filter::SearchIndex;
use citycal_core::ics::{content_hash, Revision};
use citycal_core::query::ViewState;
use citycal_core::registration::{check, state, FieldErrors, Phase, Registered, RegistrationRequest};
use citycal_core::subscription::{self, Publish};
use citycal_core::tzdb::Tzdb;
use serde_json::json;
use subtle::ConstantTimeEq;

mod export;
mod pg;
pub mod store;

use store::{Attempt, Decision, Facts, Insert, Removed, Store};
pub use store::{StoreError, KEEP_KEYS};

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
    /// The app's public address (http(s)): calendar events link to their
    /// page there, and their UIDs are at its host
    /// (`subscription::uid_domain`). `None`: no links, UIDs at `citycal.invalid`.
    pub app_url: Option<String>,
    /// The organizer's token: without one, the organizer's routes are off (404).
    token: Option<String>,
    /// Registrations are deleted this long after their event ended.
    retention: Option<Duration>,
    clock: Clock,
    /// The feed's search index, built on the first calendar asked for.
    index: OnceLock<SearchIndex>,
    /// Each event's revision, worked out once per feed (see `revisions`).
    revisions: tokio::sync::OnceCell<HashMap<String, Revision>>,
    store: Store,
    faults: Option<Mutex<u64>>,
    /// How many of each injected fault were served: fail, busy, drop before, drop after.
    injected: [std::sync::atomic::AtomicU64; 4],
}

/// When an event is over: its end, or for all-day events the end of its
/// last day wherever on Earth that is latest (noon UTC the day after).
pub fn event_end(event: &Event) -> DateTime<Utc> {
    match event.when {
        When::Timed { end, .. } => end,
        When::AllDay { last, .. } => {
            (last + Duration::days(1)).and_time(chrono::NaiveTime::MIN).and_utc() + Duration::hours(12)
        }
    }
}

impl Receiver {
    /// Opens the store `db` (a SQLite path, or a `postgres://` URL; see
    /// `Store::open`), creating its tables if need be.
    pub async fn open(
        db: &str,
        feed: Feed,
        allowed_origins: HashSet<String>,
        faults: Option<Faults>,
    ) -> Result<Receiver, StoreError> {
        let store = Store::open(db).await?;
        let ends: Vec<(String, DateTime<Utc>)> =
            feed.events.iter().filter(|e| e.registration.is_some()).map(|e| (e.id.clone(), event_end(e))).collect();
        store.fill_event_ends(&ends).await?;
        Ok(Receiver {
            feed,
            allowed_origins,
            app_url: None,
            token: None,
            retention: None,
            clock: Arc::new(Utc::now),
            index: OnceLock::new(),
            revisions: tokio::sync::OnceCell::new(),
            store,
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

    /// This receiver answering the organizer's routes for `token` (none: off).
    pub fn with_token(self, token: Option<String>) -> Receiver {
        Receiver { token, ..self }
    }

    /// This receiver deleting registrations `days` after their event ended
    /// (when `sweep` runs).
    pub fn with_retention_days(self, days: Option<u32>) -> Receiver {
        Receiver { retention: days.map(|d| Duration::days(d.into())), ..self }
    }

    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    fn index(&self) -> &SearchIndex {
        self.index.get_or_init(|| SearchIndex::new(&self.feed))
    }

    /// Housekeeping at `now` (at start, then hourly): idempotency keys older
    /// than `KEEP_KEYS` are forgotten and, with a retention period, the
    /// registrations and waitlist places of events that ended longer ago
    /// than that are deleted (and the deletion recorded in `erasures`).
    pub async fn sweep(&self, now: DateTime<Utc>) -> Result<Removed, StoreError> {
        self.store.sweep(now, self.retention.map(|r| now - r)).await
    }

    /// Erases the person with `email` (matched as registrations are: trimmed,
    /// in any case) from every event (see `Store::erase`).
    pub async fn erase(&self, email: &str) -> Result<Removed, StoreError> {
        self.store.erase(&email_key(email), self.now()).await
    }

    /// Each event's revision: what the store remembers of it (its content
    /// hash, sequence and time of change) moved on by
    /// `Revision::next` for the feed as loaded, and stored,
    /// on the first calendar asked for. The feed is loaded once,
    /// so that is once per start; a store that fails leaves the calendar
    /// without revisions (`SEQUENCE:0`) rather than without events.
    pub async fn revisions(&self) -> &HashMap<String, Revision> {
        self.revisions
            .get_or_init(|| async {
                self.record_revisions(self.now()).await.unwrap_or_else(|e| {
                    eprintln!("citycal-server: calendar revisions not stored: {e}");
                    HashMap::new()
                })
            })
            .await
    }

    async fn record_revisions(&self, now: DateTime<Utc>) -> Result<HashMap<String, Revision>, StoreError> {
        let seen = self.store.revisions().await?;
        let mut out = HashMap::with_capacity(self.feed.events.len());
        let mut changed = Vec::new();
        for event in &self.feed.events {
            let hash = content_hash(event, &self.feed);
            let previous = seen.get(&event.id).and_then(|(hash, sequence, modified)| {
                let hash = u64::from_str_radix(hash, 16).ok()?;
                let modified = DateTime::parse_from_rfc3339(modified).ok()?.with_timezone(&Utc);
                Some((hash, Revision { sequence: *sequence, modified }))
            });
            let revision = Revision::next(previous, hash, now);
            if previous != Some((hash, revision)) {
                changed.push((
                    event.id.clone(),
                    format!("{hash:016x}"),
                    revision.sequence,
                    revision.modified.to_rfc3339(),
                ));
            }
            out.insert(event.id.clone(), revision);
        }
        self.store.set_revisions(&changed).await?;
        Ok(out)
    }

    /// The calendar a subscription with `query` (the link parameters of
    /// `docs/links.md`, without `?`) reads now: the events of its filters,
    /// named in its `lang` (`citycal_core::subscription`).
    pub async fn calendar(&self, query: &str) -> String {
        let (link, _) = ViewState::from_query(query, &Tzdb);
        self.write_calendar(&link.filters, link.lang).await
    }

    async fn write_calendar(
        &self,
        filters: &citycal_core::filter::Filters,
        lang: Option<citycal_core::i18n::Lang>,
    ) -> String {
        let revisions = self.revisions().await;
        let uid_domain = subscription::uid_domain(self.app_url.as_deref());
        let publish = Publish { app_url: self.app_url.as_deref(), uid_domain: &uid_domain, now: self.now() };
        subscription::write(&self.feed, self.index(), &Tzdb, filters, lang, &publish, &|e| {
            revisions.get(&e.id).copied()
        })
    }

    /// A static deployment's calendars (`subscription::static_files`:
    /// `calendar.ics` and one per theme) written into `dir`, which is
    /// created if need be; their names, in order.
    pub async fn write_static_calendars(&self, dir: &std::path::Path) -> std::io::Result<Vec<String>> {
        std::fs::create_dir_all(dir)?;
        let mut written = Vec::new();
        for (name, filters) in subscription::static_files(&self.feed) {
            std::fs::write(dir.join(&name), self.write_calendar(&filters, None).await)?;
            written.push(name);
        }
        Ok(written)
    }

    /// `GET /events/{id}/availability`'s answer for the event `id` now, from
    /// the feed and what is stored; `None` for an event the feed lacks.
    pub async fn availability(&self, id: &str) -> Option<Result<serde_json::Value, StoreError>> {
        let event = self.feed.event(id)?;
        let count = match self.store.count(id).await {
            Ok(count) => count,
            Err(e) => return Some(Err(e)),
        };
        let reg = event.registration.as_ref();
        let capacity = reg.and_then(|r| r.capacity);
        let left = capacity.map(|c| c.saturating_sub(reg.and_then(|r| r.taken).unwrap_or(0) + count.registered));
        let waitlist = reg.is_some_and(|r| r.waitlist);
        let status = match (reg.and_then(|r| r.url.as_ref()), state(event, self.now()).phase) {
            (Some(_), _) | (_, Phase::Closed | Phase::NotNeeded) => "closed",
            (_, Phase::NotYetOpen { .. }) => "not_open",
            (_, Phase::Full) => {
                if waitlist {
                    "waitlist"
                } else {
                    "full"
                }
            }
            (_, Phase::Open { .. } | Phase::ClosingSoon { .. }) => match left {
                Some(0) if waitlist => "waitlist",
                Some(0) => "full",
                _ => "open",
            },
        };
        let left = if matches!(status, "full" | "waitlist") { capacity.map(|_| 0) } else { left };
        Some(Ok(json!({
            "eventId": event.id,
            "status": status,
            "capacity": capacity,
            "placesLeft": left,
            "waitlist": { "enabled": waitlist, "length": count.waitlisted },
        })))
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
    // The allow-list guards registrations only: a calendar and the places
    // left are public, the organizer's routes need the token.
    let registrations = Router::new()
        .route("/registrations", post(register).options(preflight))
        .layer(middleware::from_fn_with_state(receiver.clone(), cors));
    Router::new()
        .route("/calendar.ics", get(calendar_ics))
        .route("/events/{id}/availability", get(availability))
        .route("/registrations.json", get(|State(r), h, Query(q)| export(r, h, q, Format::Json)))
        .route("/registrations.csv", get(|State(r), h, Query(q)| export(r, h, q, Format::Csv)))
        .route("/registrations/counts", get(counts))
        .route("/registrations/erase", post(erase))
        .merge(registrations)
        .with_state(receiver)
}

/// `GET /calendar.ics?…`: a subscription (see `Receiver::calendar`). Public,
/// read-only and the same for everyone, so any page may read it.
async fn calendar_ics(State(receiver): State<Arc<Receiver>>, RawQuery(query): RawQuery) -> Response {
    let body = receiver.calendar(query.as_deref().unwrap_or("")).await;
    let headers = [
        (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
        (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        (header::CACHE_CONTROL, "public, max-age=600"),
    ];
    (headers, body).into_response()
}

/// `GET /events/{id}/availability`: the places left and whether one can
/// register or join the waitlist, now. Nothing personal, the same for
/// everyone: any page may read it (`*`), never from a cache.
async fn availability(State(receiver): State<Arc<Receiver>>, Path(id): Path<String>) -> Response {
    let mut response = match receiver.availability(&id).await {
        None => answer(StatusCode::NOT_FOUND, json!({ "error": "no such event" })),
        Some(Ok(body)) => answer(StatusCode::OK, body),
        Some(Err(e)) => storage_error(&e),
    };
    let headers = response.headers_mut();
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

fn storage_error(e: &StoreError) -> Response {
    eprintln!("citycal-server: {e}");
    let mut r = answer(StatusCode::SERVICE_UNAVAILABLE, json!({ "error": "storage unavailable" }));
    r.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
    r
}

/// The organizer's routes answer only a request with `Authorization: Bearer
/// <token>`, the token compared in constant time; otherwise 401 saying only
/// that (or 404 when this receiver has no token: the routes are off): the
/// refusal, if any.
fn refusal(receiver: &Receiver, headers: &HeaderMap) -> Option<Response> {
    let Some(token) = &receiver.token else { return Some(StatusCode::NOT_FOUND.into_response()) };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, t)| t.trim());
    match given {
        Some(given) if bool::from(given.as_bytes().ct_eq(token.as_bytes())) => None,
        _ => {
            let mut r = answer(StatusCode::UNAUTHORIZED, json!({ "error": "the organizer's token is required" }));
            let challenge = if given.is_some() { "Bearer error=\"invalid_token\"" } else { "Bearer" };
            r.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static(challenge));
            Some(r)
        }
    }
}

#[derive(serde::Deserialize)]
struct ExportQuery {
    event: Option<String>,
}

fn private(mut response: Response) -> Response {
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

#[derive(Clone, Copy)]
enum Format {
    Json,
    Csv,
}

/// `GET /registrations.json[?event=ID]` and `GET /registrations.csv[?event=ID]`
/// (token): what is stored, for one event or all, as records with the
/// questions their answers are for, or as a spreadsheet download.
async fn export(receiver: Arc<Receiver>, headers: HeaderMap, q: ExportQuery, format: Format) -> Response {
    if let Some(refused) = refusal(&receiver, &headers) {
        return refused;
    }
    let rows = match receiver.store.registrations(q.event.as_deref()).await {
        Ok(rows) => rows,
        Err(e) => return storage_error(&e),
    };
    let (questions, records) = export::records(&receiver.feed, &rows);
    if let Format::Csv = format {
        let name: String = q.event.as_deref().map_or("all".into(), |e| {
            e.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect()
        });
        let disposition = HeaderValue::from_str(&format!("attachment; filename=\"registrations-{name}.csv\""))
            .unwrap_or(HeaderValue::from_static("attachment"));
        let content_type = HeaderValue::from_static("text/csv; charset=utf-8");
        let headers = [(header::CONTENT_TYPE, content_type), (header::CONTENT_DISPOSITION, disposition)];
        return private((headers, export::csv(&questions, &records)).into_response());
    }
    let mut body = json!({ "questions": questions, "registrations": records });
    if receiver.faults.is_some() {
        let injected = |i: usize| receiver.injected[i].load(std::sync::atomic::Ordering::Relaxed);
        body["injectedFaults"] = json!({ "failed": injected(0), "busy": injected(1), "droppedBefore": injected(2), "droppedAfterStoring": injected(3) });
    }
    private(answer(StatusCode::OK, body))
}

/// `GET /registrations/counts` (token): per event, what is stored, the
/// capacity, the places left and the waitlist's length.
async fn counts(State(receiver): State<Arc<Receiver>>, headers: HeaderMap) -> Response {
    if let Some(refused) = refusal(&receiver, &headers) {
        return refused;
    }
    let mut counts = match receiver.store.counts().await {
        Ok(c) => c,
        Err(e) => return storage_error(&e),
    };
    let mut events = Vec::new();
    for event in &receiver.feed.events {
        let Some(reg) = event.registration.as_ref().filter(|r| r.url.is_none()) else { continue };
        let count = counts.remove(&event.id).unwrap_or_default();
        let left = reg.capacity.map(|c| c.saturating_sub(reg.taken.unwrap_or(0) + count.registered));
        events.push(json!({
            "eventId": event.id, "stored": count.registered, "takenInFeed": reg.taken, "capacity": reg.capacity,
            "placesLeft": left, "waitlisted": count.waitlisted,
        }));
    }
    // Events the feed no longer has.
    let mut rest: Vec<_> = counts.into_iter().collect();
    rest.sort_by(|a, b| a.0.cmp(&b.0));
    for (id, count) in rest {
        events.push(json!({
            "eventId": id, "stored": count.registered, "takenInFeed": null, "capacity": null,
            "placesLeft": null, "waitlisted": count.waitlisted,
        }));
    }
    private(answer(StatusCode::OK, json!({ "events": events })))
}

/// `POST /registrations/erase` (token) with `{"email": "…"}`: the person's
/// registrations and waitlist places for every event are erased.
async fn erase(State(receiver): State<Arc<Receiver>>, headers: HeaderMap, body: Bytes) -> Response {
    if let Some(refused) = refusal(&receiver, &headers) {
        return refused;
    }
    let email = serde_json::from_slice::<serde_json::Value>(&body)
        .ok()
        .and_then(|v| v["email"].as_str().map(str::to_owned))
        .filter(|e| !e.trim().is_empty());
    let Some(email) = email else {
        return answer(StatusCode::BAD_REQUEST, json!({ "error": "the body is {\"email\": \"…\"}" }));
    };
    match receiver.erase(&email).await {
        Ok(removed) => private(answer(StatusCode::OK, json!({ "erased": removed.count, "events": removed.events }))),
        Err(e) => storage_error(&e),
    }
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
    let response = receive(&receiver, key, &body, &request, receiver.now()).await;
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

/// How registrations are keyed: one per email and event, in any case.
pub fn email_key(email: &str) -> String {
    email.trim().to_lowercase()
}

/// The decision for one request, with the store updated in one transaction.
pub async fn receive(
    receiver: &Receiver,
    key: &str,
    body: &[u8],
    request: &RegistrationRequest,
    now: DateTime<Utc>,
) -> Response {
    let decide = |facts: Facts| decide(receiver, request, now, facts);
    let (hash, email) = (body_hash(body), email_key(&request.email));
    let attempt = Attempt { key, body_hash: &hash, event: &request.event_id, email_key: &email, now };
    match receiver.store.receive(attempt, decide).await {
        Ok((status, body)) => answer(StatusCode::from_u16(status).unwrap_or(StatusCode::OK), body),
        Err(e) => storage_error(&e),
    }
}

fn decide(receiver: &Receiver, request: &RegistrationRequest, now: DateTime<Utc>, facts: Facts) -> Decision {
    let refuse = |status: StatusCode, body| Decision { status: status.as_u16(), body, insert: None };
    let gone = |error: &str, code: &str| refuse(StatusCode::GONE, json!({ "error": error, "code": code }));
    let Some(event) = receiver.feed.event(&request.event_id) else {
        return refuse(StatusCode::NOT_FOUND, json!({ "error": "no such event" }));
    };
    let Some(reg) = &event.registration else { return gone("this event takes no registrations", "closed") };
    if reg.url.is_some() {
        return gone("external", "external");
    }
    let phase = state(event, now).phase;
    match phase {
        Phase::Closed | Phase::NotNeeded => return gone("registration is closed", "closed"),
        Phase::NotYetOpen { .. } => return gone("registration is not open yet", "not_open"),
        Phase::Full if !reg.waitlist => return gone("the event is full", "full"),
        Phase::Full | Phase::Open { .. } | Phase::ClosingSoon { .. } => {}
    }
    let errors = check(request, event);
    if !errors.is_empty() {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            serde_json::to_value(FieldErrors { errors }).unwrap_or_default(),
        );
    }
    if facts.exists {
        return refuse(StatusCode::CONFLICT, json!({ "error": "already registered", "code": "already_registered" }));
    }
    let full = phase == Phase::Full || reg.capacity.is_some_and(|c| reg.taken.unwrap_or(0) + facts.registered >= c);
    if full && !reg.waitlist {
        return gone("the event is full", "full");
    }
    let id = new_id();
    let (status, body) = if full {
        (
            StatusCode::ACCEPTED,
            json!({ "registrationId": id, "status": "waitlisted", "position": facts.waitlisted + 1 }),
        )
    } else {
        (StatusCode::CREATED, serde_json::to_value(Registered { registration_id: id.clone() }).unwrap_or_default())
    };
    let insert = Insert {
        id,
        waitlisted: full,
        event_end: Some(event_end(event)),
        request: serde_json::to_string(request).unwrap_or_default(),
    };
    Decision { status: status.as_u16(), body, insert: Some(insert) }
}
