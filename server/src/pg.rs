//! The PostgreSQL store: a small pool of `tokio-postgres` connections (no
//! TLS: the database is expected on loopback or a private network), each
//! with its prepared statements, and [`PgTx`], the statements of
//! `store.rs` run in one of its transactions.

use std::collections::HashMap;
use std::sync::Mutex;

use tokio::sync::{Semaphore, SemaphorePermit};
use tokio_postgres::error::SqlState;
use tokio_postgres::types::{ToSql, Type};
use tokio_postgres::{Client, Config, NoTls, Statement, Transaction};

use crate::store::{schema, StoreError, Tx, INDEXES, P, V};

/// Connections per receiver process. Four processes on one database use 32.
pub const POOL_SIZE: usize = 8;

impl From<tokio_postgres::Error> for StoreError {
    fn from(e: tokio_postgres::Error) -> StoreError {
        let retry = matches!(
            e.code(),
            Some(&SqlState::T_R_SERIALIZATION_FAILURE | &SqlState::T_R_DEADLOCK_DETECTED | &SqlState::UNIQUE_VIOLATION)
        );
        let message = match e.as_db_error() {
            Some(db) => format!("postgres: {}", db.message()),
            None => format!("postgres: {e}"),
        };
        StoreError { message, retry }
    }
}

struct Connection {
    client: Client,
    statements: HashMap<String, Statement>,
}

pub struct Pool {
    config: Config,
    idle: Mutex<Vec<Connection>>,
    permits: Semaphore,
}

/// A connection taken from the pool, given back when dropped (unless it broke).
pub struct Conn<'a> {
    inner: Option<Connection>,
    pool: &'a Pool,
    _permit: SemaphorePermit<'a>,
}

impl Drop for Conn<'_> {
    fn drop(&mut self) {
        if let Some(c) = self.inner.take().filter(|c| !c.client.is_closed()) {
            self.pool.idle.lock().unwrap_or_else(|e| e.into_inner()).push(c);
        }
    }
}

impl Conn<'_> {
    pub async fn transaction(&mut self) -> Result<(Transaction<'_>, &mut HashMap<String, Statement>), StoreError> {
        let Connection { client, statements } = self.inner.as_mut().expect("a taken connection until dropped");
        Ok((client.transaction().await?, statements))
    }
}

impl Pool {
    /// Connects to `url` and creates the tables if need be (under a lock, as
    /// several receivers may start at once).
    pub async fn open(url: &str) -> Result<Pool, StoreError> {
        let mut config: Config = url.parse().map_err(|e| StoreError::new(format!("{url}: {e}")))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(std::time::Duration::from_secs(10));
        }
        let pool = Pool { config, idle: Mutex::new(Vec::new()), permits: Semaphore::new(POOL_SIZE) };
        let mut conn = pool.get().await?;
        let (t, _) = conn.transaction().await?;
        t.batch_execute("SELECT pg_advisory_xact_lock(hashtextextended('citycal-server schema', 0))").await?;
        t.batch_execute(&schema("BIGINT", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")).await?;
        t.batch_execute(INDEXES).await?;
        t.commit().await?;
        drop(conn);
        Ok(pool)
    }

    pub async fn get(&self) -> Result<Conn<'_>, StoreError> {
        let permit = self.permits.acquire().await.map_err(|_| StoreError::new("the pool is closed"))?;
        let idle = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        let inner = match idle {
            Some(c) => c,
            None => {
                let (client, connection) = self.config.connect(NoTls).await?;
                tokio::spawn(async move {
                    if let Err(e) = connection.await {
                        eprintln!("citycal-server: postgres connection: {e}");
                    }
                });
                Connection { client, statements: HashMap::new() }
            }
        };
        Ok(Conn { inner: Some(inner), pool: self, _permit: permit })
    }

    /// Statements outside a transaction (`VACUUM`).
    pub async fn batch(&self, sql: &str) -> Result<(), StoreError> {
        let conn = self.get().await?;
        conn.inner.as_ref().expect("a taken connection").client.batch_execute(sql).await?;
        Ok(())
    }
}

pub struct PgTx<'a> {
    t: Transaction<'a>,
    statements: &'a mut HashMap<String, Statement>,
}

static NULL_TEXT: Option<&'static str> = None;
static NULL_INT: Option<i64> = None;

fn params<'p>(params: &'p [P<'p>]) -> Vec<&'p (dyn ToSql + Sync)> {
    params
        .iter()
        .map(|p| -> &'p (dyn ToSql + Sync) {
            match p {
                P::Text(s) => s,
                P::Int(n) => n,
                P::NullText => &NULL_TEXT,
                P::NullInt => &NULL_INT,
            }
        })
        .collect()
}

impl<'a> PgTx<'a> {
    pub fn new(t: Transaction<'a>, statements: &'a mut HashMap<String, Statement>) -> PgTx<'a> {
        PgTx { t, statements }
    }

    pub async fn commit(self) -> Result<(), StoreError> {
        Ok(self.t.commit().await?)
    }

    async fn statement(&mut self, sql: &str) -> Result<Statement, StoreError> {
        if let Some(s) = self.statements.get(sql) {
            return Ok(s.clone());
        }
        let s = self.t.prepare(sql).await?;
        self.statements.insert(sql.to_owned(), s.clone());
        Ok(s)
    }
}

impl Tx for PgTx<'_> {
    async fn lock_event(&mut self, event: &str) -> Result<(), StoreError> {
        self.exec("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", &[P::Text(event)]).await.map(|_| ())
    }

    async fn exec(&mut self, sql: &str, ps: &[P<'_>]) -> Result<u64, StoreError> {
        let statement = self.statement(sql).await?;
        Ok(self.t.execute(&statement, &params(ps)).await?)
    }

    async fn query(&mut self, sql: &str, ps: &[P<'_>]) -> Result<Vec<Vec<V>>, StoreError> {
        let statement = self.statement(sql).await?;
        let rows = self.t.query(&statement, &params(ps)).await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let mut values = Vec::with_capacity(row.len());
            for (i, column) in row.columns().iter().enumerate() {
                let ty = column.type_();
                values.push(if *ty == Type::INT8 {
                    row.try_get::<_, Option<i64>>(i)?.map_or(V::Null, V::Int)
                } else if *ty == Type::INT4 {
                    row.try_get::<_, Option<i32>>(i)?.map_or(V::Null, |n| V::Int(n.into()))
                } else {
                    row.try_get::<_, Option<String>>(i)?.map_or(V::Null, V::Text)
                });
            }
            out.push(values);
        }
        Ok(out)
    }
}
