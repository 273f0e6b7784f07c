//! Where registrations are kept: one SQLite file, or a PostgreSQL database
//! shared by several receivers. Both run the same statements (written in the
//! SQL both understand, parameters `$1`, `$2`, … numbered in order of first
//! appearance, which is how SQLite numbers them too) through [`Tx`], so what
//! is stored and answered is decided once, here, for both.
//!
//! Races: a registration's transaction first takes its event's lock
//! ([`Tx::lock_event`]): SQLite's write lock (`BEGIN IMMEDIATE`, one writer
//! per file, across processes), or a PostgreSQL advisory lock on the event
//! id held until commit; so the count of places taken and the insert that
//! follows cannot interleave with another registration for the same event,
//! in this process or another.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use rusqlite::{Connection, TransactionBehavior};
use serde_json::{json, Value};

use crate::pg;

/// How long idempotency keys are kept (the contract promises at least 24 h).
pub const KEEP_KEYS: Duration = Duration::hours(48);

/// A statement's parameter.
#[derive(Clone, Copy, Debug)]
pub enum P<'a> {
    Text(&'a str),
    Int(i64),
    NullText,
    NullInt,
}

/// A column of a row read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum V {
    Text(String),
    Int(i64),
    Null,
}

impl V {
    fn text(&self) -> String {
        match self {
            V::Text(s) => s.clone(),
            V::Int(i) => i.to_string(),
            V::Null => String::new(),
        }
    }
    fn int(&self) -> i64 {
        match self {
            V::Int(i) => *i,
            V::Text(s) => s.parse().unwrap_or(0),
            V::Null => 0,
        }
    }
    fn opt_int(&self) -> Option<i64> {
        (*self != V::Null).then(|| self.int())
    }
}

#[derive(Debug)]
pub struct StoreError {
    pub message: String,
    /// A conflict with another transaction (PostgreSQL): running it again succeeds.
    pub retry: bool,
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for StoreError {}

impl StoreError {
    pub fn new(message: impl Into<String>) -> StoreError {
        StoreError { message: message.into(), retry: false }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::new(format!("sqlite: {e}"))
    }
}

/// Times as text, one fixed width, so they compare as they sort.
pub fn stamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// One transaction of either store.
pub(crate) trait Tx {
    /// Serializes deciding on `event` and writing the decision with any other
    /// transaction that does the same, in any process.
    async fn lock_event(&mut self, event: &str) -> Result<(), StoreError>;
    async fn exec(&mut self, sql: &str, params: &[P<'_>]) -> Result<u64, StoreError>;
    async fn query(&mut self, sql: &str, params: &[P<'_>]) -> Result<Vec<Vec<V>>, StoreError>;
}

struct SqliteTx<'a>(&'a rusqlite::Transaction<'a>);

impl SqliteTx<'_> {
    fn prepare(&self, sql: &str, params: &[P<'_>]) -> Result<rusqlite::CachedStatement<'_>, StoreError> {
        let mut st = self.0.prepare_cached(sql)?;
        if st.parameter_count() != params.len() {
            return Err(StoreError::new(format!("{sql}: {} parameters given", params.len())));
        }
        for (i, p) in params.iter().enumerate() {
            if st.parameter_name(i + 1) != Some(format!("${}", i + 1).as_str()) {
                return Err(StoreError::new(format!("{sql}: parameters must first appear as $1, $2, …")));
            }
            match *p {
                P::Text(s) => st.raw_bind_parameter(i + 1, s)?,
                P::Int(n) => st.raw_bind_parameter(i + 1, n)?,
                P::NullText | P::NullInt => st.raw_bind_parameter(i + 1, rusqlite::types::Null)?,
            }
        }
        Ok(st)
    }
}

impl Tx for SqliteTx<'_> {
    async fn lock_event(&mut self, _event: &str) -> Result<(), StoreError> {
        Ok(()) // The transaction began IMMEDIATE: it holds the file's write lock.
    }

    async fn exec(&mut self, sql: &str, params: &[P<'_>]) -> Result<u64, StoreError> {
        Ok(self.prepare(sql, params)?.raw_execute()? as u64)
    }

    async fn query(&mut self, sql: &str, params: &[P<'_>]) -> Result<Vec<Vec<V>>, StoreError> {
        use rusqlite::types::ValueRef;
        let mut st = self.prepare(sql, params)?;
        let columns = st.column_count();
        let mut rows = st.raw_query();
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let mut values = Vec::with_capacity(columns);
            for i in 0..columns {
                values.push(match row.get_ref(i)? {
                    ValueRef::Integer(n) => V::Int(n),
                    ValueRef::Text(t) | ValueRef::Blob(t) => V::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Real(r) => V::Int(r as i64),
                    ValueRef::Null => V::Null,
                });
            }
            out.push(values);
        }
        Ok(out)
    }
}

/// Both stores' tables, with their integer and row-number column types.
pub(crate) fn schema(int: &str, serial: &str) -> String {
    format!(
        "CREATE TABLE IF NOT EXISTS registrations (
            id TEXT PRIMARY KEY,
            event_id TEXT NOT NULL,
            email_key TEXT NOT NULL,
            request TEXT NOT NULL,
            received_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'registered',
            waitlist_seq {int},
            event_end TEXT,
            UNIQUE (event_id, email_key)
        );
        CREATE TABLE IF NOT EXISTS idempotency (
            key TEXT PRIMARY KEY,
            body_hash TEXT NOT NULL,
            status {int} NOT NULL,
            response TEXT NOT NULL,
            created_at TEXT NOT NULL,
            registration_id TEXT
        );
        CREATE TABLE IF NOT EXISTS calendar_revisions (
            event_id TEXT PRIMARY KEY,
            content_hash TEXT NOT NULL,
            sequence {int} NOT NULL,
            modified TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS erasures (
            id {serial},
            at TEXT NOT NULL,
            reason TEXT NOT NULL,
            count {int} NOT NULL,
            events TEXT NOT NULL
        );"
    )
}

/// Columns added since the first release, added to an older SQLite file on open.
const SQLITE_ADDED: [(&str, &str, &str); 4] = [
    ("registrations", "status", "TEXT NOT NULL DEFAULT 'registered'"),
    ("registrations", "waitlist_seq", "INTEGER"),
    ("registrations", "event_end", "TEXT"),
    ("idempotency", "registration_id", "TEXT"),
];

/// Both stores' indexes (on columns both have).
pub(crate) const INDEXES: &str = "
    CREATE INDEX IF NOT EXISTS registrations_email ON registrations (email_key);
    CREATE INDEX IF NOT EXISTS registrations_end ON registrations (event_end);
    CREATE INDEX IF NOT EXISTS idempotency_created ON idempotency (created_at);
    CREATE INDEX IF NOT EXISTS idempotency_registration ON idempotency (registration_id);";

pub enum Store {
    Sqlite(Mutex<Connection>),
    Postgres(Box<pg::Pool>),
}

/// Runs `$body` (an expression using `$tx: &mut impl Tx`) in one transaction
/// of `$store`, committed if it returns `Ok`. SQLite: under the process's
/// lock, `BEGIN IMMEDIATE` when `$write` (the body never waits, so it is
/// driven to completion at once); PostgreSQL: on a pooled connection, run
/// again when it conflicted with another transaction.
macro_rules! in_tx {
    ($store:expr, $write:expr, |$tx:ident| $body:expr) => {
        match $store {
            Store::Sqlite(db) => {
                let mut db = db.lock().unwrap_or_else(|e| e.into_inner());
                let behavior = if $write { TransactionBehavior::Immediate } else { TransactionBehavior::Deferred };
                let t = db.transaction_with_behavior(behavior)?;
                let result = {
                    let mut $tx = SqliteTx(&t);
                    futures_util::FutureExt::now_or_never(async { $body })
                        .unwrap_or_else(|| Err(StoreError::new("a SQLite transaction waited")))
                };
                if result.is_ok() {
                    t.commit()?;
                }
                result
            }
            Store::Postgres(pool) => {
                let mut attempt = 0;
                loop {
                    let mut conn = pool.get().await?;
                    let (t, cache) = conn.transaction().await?;
                    let mut $tx = pg::PgTx::new(t, cache);
                    let result = async { $body }.await;
                    let result = match result {
                        Ok(r) => $tx.commit().await.map(|()| r),
                        Err(e) => Err(e),
                    };
                    match result {
                        Err(e) if e.retry && attempt < 20 => attempt += 1,
                        result => break result,
                    }
                }
            }
        }
    };
}

/// What a registration's decision is made from, read under its event's lock.
#[derive(Clone, Copy, Debug, Default)]
pub struct Facts {
    /// This email is already stored for this event (registered or waitlisted).
    pub exists: bool,
    pub registered: u32,
    pub waitlisted: u32,
}

/// A registration to store.
pub struct Insert {
    pub id: String,
    pub waitlisted: bool,
    pub event_end: Option<DateTime<Utc>>,
    pub request: String,
}

pub struct Decision {
    pub status: u16,
    pub body: Value,
    pub insert: Option<Insert>,
}

/// A stored registration, as the organizer reads it.
#[derive(Clone, Debug)]
pub struct Stored {
    pub id: String,
    pub event_id: String,
    pub waitlisted: bool,
    /// The waitlist's order (smaller first); `None` for a registration.
    pub waitlist_seq: Option<i64>,
    /// The request as received (JSON).
    pub request: String,
    pub received_at: String,
}

/// Registered and waitlisted, per event.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub registered: u32,
    pub waitlisted: u32,
}

/// What an erasure or a retention sweep removed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Removed {
    pub count: u64,
    /// The events they were for, sorted, each once.
    pub events: Vec<String>,
}

const COUNT_EVENT: &str = "SELECT status, COUNT(*) FROM registrations WHERE event_id = $1 GROUP BY status";

fn add_count(counts: &mut Count, status: &V, n: &V) {
    let n = u32::try_from(n.int()).unwrap_or(u32::MAX);
    if status.text() == "waitlisted" {
        counts.waitlisted += n;
    } else {
        counts.registered += n;
    }
}

async fn count_event<T: Tx>(tx: &mut T, event: &str) -> Result<Count, StoreError> {
    let mut count = Count::default();
    for row in tx.query(COUNT_EVENT, &[P::Text(event)]).await? {
        add_count(&mut count, &row[0], &row[1]);
    }
    Ok(count)
}

/// One registration request as the store sees it: its idempotency key and
/// body hash, the event, the email as stored (lower case), and the time.
#[derive(Clone, Copy, Debug)]
pub struct Attempt<'a> {
    pub key: &'a str,
    pub body_hash: &'a str,
    pub event: &'a str,
    pub email_key: &'a str,
    pub now: DateTime<Utc>,
}

async fn receive_in<T: Tx>(
    tx: &mut T,
    attempt: Attempt<'_>,
    decide: impl FnOnce(Facts) -> Decision,
) -> Result<(u16, Value), StoreError> {
    let Attempt { key, body_hash, event, email_key, now } = attempt;
    tx.lock_event(event).await?;
    let (now_text, expired) = (stamp(now), stamp(now - KEEP_KEYS));
    tx.exec("DELETE FROM idempotency WHERE key = $1 AND created_at < $2", &[P::Text(key), P::Text(&expired)]).await?;
    let seen = tx.query("SELECT body_hash, status, response FROM idempotency WHERE key = $1", &[P::Text(key)]).await?;
    if let Some(row) = seen.first() {
        if row[0].text() != body_hash {
            return Ok((422, json!({ "error": "this Idempotency-Key was used for another request" })));
        }
        // A replay: the same answer, with 200 instead of 201.
        let status = match row[1].int() {
            201 => 200,
            s => u16::try_from(s).unwrap_or(200),
        };
        return Ok((status, serde_json::from_str(&row[2].text()).unwrap_or_default()));
    }
    let exists = !tx
        .query(
            "SELECT 1 FROM registrations WHERE event_id = $1 AND email_key = $2",
            &[P::Text(event), P::Text(email_key)],
        )
        .await?
        .is_empty();
    let count = count_event(tx, event).await?;
    let decision = decide(Facts { exists, registered: count.registered, waitlisted: count.waitlisted });
    let mut registration_id = None;
    if let Some(insert) = &decision.insert {
        let seq = if insert.waitlisted {
            let next = tx
                .query(
                    "SELECT COALESCE(MAX(waitlist_seq), 0) + 1 FROM registrations WHERE event_id = $1",
                    &[P::Text(event)],
                )
                .await?;
            P::Int(next.first().map_or(1, |r| r[0].int()))
        } else {
            P::NullInt
        };
        let end = insert.event_end.map(stamp);
        tx.exec(
            "INSERT INTO registrations (id, event_id, email_key, request, received_at, status, waitlist_seq, event_end)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            &[
                P::Text(&insert.id),
                P::Text(event),
                P::Text(email_key),
                P::Text(&insert.request),
                P::Text(&now_text),
                P::Text(if insert.waitlisted { "waitlisted" } else { "registered" }),
                seq,
                end.as_deref().map_or(P::NullText, P::Text),
            ],
        )
        .await?;
        registration_id = Some(insert.id.as_str());
    }
    // Only final answers are remembered; a 4xx about the request is final too.
    let body = decision.body.to_string();
    tx.exec(
        "INSERT INTO idempotency (key, body_hash, status, response, created_at, registration_id)
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            P::Text(key),
            P::Text(body_hash),
            P::Int(i64::from(decision.status)),
            P::Text(&body),
            P::Text(&now_text),
            registration_id.map_or(P::NullText, P::Text),
        ],
    )
    .await?;
    Ok((decision.status, decision.body))
}

/// Deletes the registrations `selected` picks (a `WHERE` on `registrations`
/// with one parameter, `$1`), the idempotency records that point to them,
/// and records that it happened: when, why, how many, for which events;
/// nothing about whom.
async fn remove_in<T: Tx>(
    tx: &mut T,
    selected: &str,
    param: &str,
    reason: &str,
    now: DateTime<Utc>,
) -> Result<Removed, StoreError> {
    let mut events: Vec<String> = tx
        .query(&format!("SELECT DISTINCT event_id FROM registrations WHERE {selected}"), &[P::Text(param)])
        .await?
        .iter()
        .map(|r| r[0].text())
        .collect();
    events.sort();
    tx.exec(
        &format!("DELETE FROM idempotency WHERE registration_id IN (SELECT id FROM registrations WHERE {selected})"),
        &[P::Text(param)],
    )
    .await?;
    let count = tx.exec(&format!("DELETE FROM registrations WHERE {selected}"), &[P::Text(param)]).await?;
    if count > 0 {
        tx.exec(
            "INSERT INTO erasures (at, reason, count, events) VALUES ($1, $2, $3, $4)",
            &[P::Text(&stamp(now)), P::Text(reason), P::Int(count as i64), P::Text(&events.join(" "))],
        )
        .await?;
    }
    Ok(Removed { count, events })
}

impl Store {
    /// A PostgreSQL database for `postgres://…` (or `postgresql://…`), else
    /// the SQLite file at that path (created if need be).
    pub async fn open(db: &str) -> Result<Store, StoreError> {
        if db.starts_with("postgres://") || db.starts_with("postgresql://") {
            return Ok(Store::Postgres(Box::new(pg::Pool::open(db).await?)));
        }
        let conn = Connection::open(db)?;
        // Erased rows are overwritten in the file, not only unlinked.
        conn.execute_batch("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 10000; PRAGMA secure_delete = ON;")?;
        conn.execute_batch(&schema("INTEGER", "INTEGER PRIMARY KEY AUTOINCREMENT"))?;
        for (table, column, kind) in SQLITE_ADDED {
            let has: bool = conn
                .prepare(&format!("SELECT 1 FROM pragma_table_info('{table}') WHERE name = ?1"))?
                .exists([column])?;
            if !has {
                conn.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {column} {kind}"))?;
            }
        }
        conn.execute_batch(INDEXES)?;
        Ok(Store::Sqlite(Mutex::new(conn)))
    }

    /// One registration attempt, in one transaction: a replay of `key` is
    /// answered as before; otherwise `decide` rules on the facts read under
    /// the event's lock, and its registration (if any) is stored with the
    /// key and the answer.
    pub async fn receive(
        &self,
        attempt: Attempt<'_>,
        decide: impl Fn(Facts) -> Decision,
    ) -> Result<(u16, Value), StoreError> {
        in_tx!(self, true, |tx| receive_in(&mut tx, attempt, &decide).await)
    }

    /// What is stored, for one event or all, in the order received.
    pub async fn registrations(&self, event: Option<&str>) -> Result<Vec<Stored>, StoreError> {
        let param = event.map_or(P::NullText, P::Text);
        let rows = in_tx!(self, false, |tx| {
            tx.query(
                "SELECT id, event_id, status, waitlist_seq, request, received_at FROM registrations
                 WHERE CAST($1 AS TEXT) IS NULL OR event_id = $1 ORDER BY received_at, id",
                &[param],
            )
            .await
        })?;
        Ok(rows
            .into_iter()
            .map(|r| Stored {
                id: r[0].text(),
                event_id: r[1].text(),
                waitlisted: r[2].text() == "waitlisted",
                waitlist_seq: r[3].opt_int(),
                request: r[4].text(),
                received_at: r[5].text(),
            })
            .collect())
    }

    /// Registered and waitlisted per event (events with none are absent).
    pub async fn counts(&self) -> Result<HashMap<String, Count>, StoreError> {
        let rows = in_tx!(self, false, |tx| {
            tx.query("SELECT event_id, status, COUNT(*) FROM registrations GROUP BY event_id, status", &[]).await
        })?;
        let mut out: HashMap<String, Count> = HashMap::new();
        for r in rows {
            add_count(out.entry(r[0].text()).or_default(), &r[1], &r[2]);
        }
        Ok(out)
    }

    pub async fn count(&self, event: &str) -> Result<Count, StoreError> {
        in_tx!(self, false, |tx| count_event(&mut tx, event).await)
    }

    /// Erases everything stored about the person with `email_key` (GDPR
    /// art. 17): their registrations and waitlist places for every event and
    /// the idempotency records of those registrations; records the erasure
    /// (time, count, events).
    pub async fn erase(&self, email_key: &str, now: DateTime<Utc>) -> Result<Removed, StoreError> {
        let removed = in_tx!(self, true, |tx| remove_in(&mut tx, "email_key = $1", email_key, "request", now).await)?;
        self.scrub().await;
        Ok(removed)
    }

    /// Forgets idempotency keys older than [`KEEP_KEYS`] and, with a
    /// retention `cutoff`, the registrations of events that ended before it.
    pub async fn sweep(&self, now: DateTime<Utc>, cutoff: Option<DateTime<Utc>>) -> Result<Removed, StoreError> {
        let expired = stamp(now - KEEP_KEYS);
        let removed = in_tx!(self, true, |tx| {
            tx.exec("DELETE FROM idempotency WHERE created_at < $1", &[P::Text(&expired)]).await?;
            match cutoff {
                Some(cutoff) => remove_in(&mut tx, "event_end < $1", &stamp(cutoff), "retention", now).await,
                None => Ok(Removed::default()),
            }
        })?;
        if removed.count > 0 {
            self.scrub().await;
        }
        Ok(removed)
    }

    /// Sets the end of stored registrations' events where it is not yet
    /// known (rows written before the receiver kept it), from `ends`.
    pub async fn fill_event_ends(&self, ends: &[(String, DateTime<Utc>)]) -> Result<(), StoreError> {
        in_tx!(self, true, |tx| {
            for (event, end) in ends {
                tx.exec(
                    "UPDATE registrations SET event_end = $1 WHERE event_id = $2 AND event_end IS NULL",
                    &[P::Text(&stamp(*end)), P::Text(event)],
                )
                .await?;
            }
            Ok(())
        })
    }

    /// After deleting personal data: SQLite moves the write-ahead log into
    /// the file (whose deleted cells `secure_delete` zeroed) and empties it;
    /// PostgreSQL vacuums the tables, so dead rows are reclaimed.
    async fn scrub(&self) {
        let result = match self {
            Store::Sqlite(db) => {
                let db = db.lock().unwrap_or_else(|e| e.into_inner());
                db.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);").map_err(StoreError::from)
            }
            Store::Postgres(pool) => pool.batch("VACUUM registrations, idempotency").await,
        };
        if let Err(e) = result {
            eprintln!("citycal-server: after an erasure: {e}");
        }
    }

    /// The calendar revisions stored: event id → (content hash, sequence, modified).
    pub async fn revisions(&self) -> Result<HashMap<String, (String, u32, String)>, StoreError> {
        let rows = in_tx!(self, false, |tx| {
            tx.query("SELECT event_id, content_hash, sequence, modified FROM calendar_revisions", &[]).await
        })?;
        Ok(rows
            .into_iter()
            .map(|r| (r[0].text(), (r[1].text(), u32::try_from(r[2].int()).unwrap_or(0), r[3].text())))
            .collect())
    }

    /// Stores revisions: (event id, content hash, sequence, modified).
    pub async fn set_revisions(&self, changed: &[(String, String, u32, String)]) -> Result<(), StoreError> {
        in_tx!(self, true, |tx| {
            for (event, hash, sequence, modified) in changed {
                tx.exec(
                    "INSERT INTO calendar_revisions (event_id, content_hash, sequence, modified) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (event_id) DO UPDATE SET content_hash = excluded.content_hash,
                         sequence = excluded.sequence, modified = excluded.modified",
                    &[P::Text(event), P::Text(hash), P::Int(i64::from(*sequence)), P::Text(modified)],
                )
                .await?;
            }
            Ok(())
        })
    }

    /// Every row of every table, each as text (`table: col | col | …`): for
    /// audits and for tests that look for what an erasure must have removed.
    pub async fn dump(&self) -> Result<Vec<String>, StoreError> {
        let tables = in_tx!(self, false, |tx| {
            tx.query(
                match self {
                    Store::Sqlite(_) => "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
                    Store::Postgres(_) => {
                        "SELECT tablename::TEXT FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
                    }
                },
                &[],
            )
            .await
        })?;
        let mut out = Vec::new();
        for table in tables.iter().map(|r| r[0].text()) {
            let select = format!("SELECT * FROM \"{table}\"");
            let rows = in_tx!(self, false, |tx| tx.query(&select, &[]).await)?;
            for row in rows {
                let cells: Vec<String> = row.iter().map(V::text).collect();
                out.push(format!("{table}: {}", cells.join(" | ")));
            }
        }
        Ok(out)
    }
}
