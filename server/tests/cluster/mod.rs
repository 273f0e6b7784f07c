//! Receivers as real processes on one database, and a small HTTP/1.1 client
//! for them: shared by the capacity race (`tests/race.rs`) and the benchmark
//! (`benches/receiver.rs`, `make bench-receiver`).
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use chrono::{Duration, Utc};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The organizer's token the receivers are started with.
pub const TOKEN: &str = "organizer-token-0123456789";

/// A URL of the PostgreSQL database `url` whose tables are in a fresh schema
/// (`name` and this process's id).
pub async fn pg_schema(url: &str, name: &str) -> String {
    let schema = format!("t_{}_{}", name.replace('-', "_"), std::process::id());
    let (client, connection) =
        tokio_postgres::connect(url, tokio_postgres::NoTls).await.expect("the PostgreSQL database is reachable");
    let task = tokio::spawn(connection);
    client.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")).await.unwrap();
    drop(client);
    let _ = task.await;
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-csearch_path%3D{schema}")
}

/// An event 30 days ahead taking registrations: `capacity` places, and a
/// waitlist when full if `waitlist`.
pub fn event(id: &str, capacity: Option<u32>, waitlist: bool) -> Value {
    let at = |days: i64| (Utc::now() + Duration::days(days)).format("%Y-%m-%dT%H:%M:%SZ").to_string();
    json!({ "id": id, "title": id, "start": at(30), "end": at(31), "format": "online",
            "registration": { "capacity": capacity, "waitlist": waitlist } })
}

/// A feed of `events`, written to a file of its own in the temp directory.
pub fn write_feed(name: &str, events: &[Value]) -> PathBuf {
    let path = std::env::temp_dir().join(format!("citycal-{name}-{}.json", std::process::id()));
    std::fs::write(&path, json!({ "version": 1, "events": events }).to_string()).unwrap();
    path
}

/// A registration's body, as the form posts it.
pub fn registration(event: &str, email: &str) -> String {
    json!({
        "eventId": event, "name": "Ana Pop", "email": email, "country": "RO",
        "consent": { "processing": true, "news": false }, "language": "ro", "timeZone": "Europe/Bucharest",
        "submittedAt": "2026-11-24T10:00:00Z"
    })
    .to_string()
}

/// Receiver processes, killed when dropped (also when a test panics).
pub struct Receivers {
    children: Vec<Child>,
    pub addrs: Vec<SocketAddr>,
}

impl Receivers {
    /// Starts `n` receivers of the binary `bin` on `feed` and `db`, each on
    /// a free port, and waits until each says it listens.
    pub fn start(bin: &Path, n: usize, feed: &Path, db: &str) -> Receivers {
        let mut receivers = Receivers { children: Vec::new(), addrs: Vec::new() };
        for _ in 0..n {
            let child = Command::new(bin)
                .args(["--port", "0", "--db", db, "--feed"])
                .arg(feed)
                .env("CITYCAL_ADMIN_TOKEN", TOKEN)
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::inherit())
                .spawn()
                .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
            receivers.children.push(child);
        }
        // They start side by side; each says its address once ready.
        for child in &mut receivers.children {
            let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
            let line = lines.next().and_then(Result::ok).unwrap_or_default();
            let Some(addr) = line.strip_prefix("listening on http://").and_then(|a| a.parse().ok()) else {
                panic!("a receiver did not start (it said {line:?}; its errors are above)");
            };
            receivers.addrs.push(addr);
            // Whatever else it prints goes on ours (a full pipe would block it).
            std::thread::spawn(move || lines.map_while(Result::ok).for_each(|l| println!("receiver: {l}")));
        }
        receivers
    }
}

impl Drop for Receivers {
    fn drop(&mut self) {
        for child in &mut self.children {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// An answer: status and body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
}

/// One HTTP/1.1 connection, kept alive between requests.
pub struct Conn {
    stream: TcpStream,
    buf: Vec<u8>,
}

impl Conn {
    pub async fn open(addr: SocketAddr) -> std::io::Result<Conn> {
        let stream = TcpStream::connect(addr).await?;
        stream.set_nodelay(true)?;
        Ok(Conn { stream, buf: Vec::new() })
    }

    /// `POST /registrations` with a fresh `Idempotency-Key`.
    pub async fn register(&mut self, key: &str, body: &str) -> std::io::Result<Answer> {
        self.send("POST", "/registrations", &[("idempotency-key", key)], body.as_bytes()).await
    }

    /// A GET with the organizer's token.
    pub async fn get_private(&mut self, path: &str) -> std::io::Result<Answer> {
        self.send("GET", path, &[("authorization", &format!("Bearer {TOKEN}"))], b"").await
    }

    pub async fn send(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> std::io::Result<Answer> {
        let mut head = format!("{method} {path} HTTP/1.1\r\nhost: receiver\r\ncontent-length: {}\r\n", body.len());
        if !body.is_empty() {
            head.push_str("content-type: application/json\r\n");
        }
        for (name, value) in headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        let mut request = head.into_bytes();
        request.extend_from_slice(body);
        self.stream.write_all(&request).await?;
        self.read_answer().await
    }

    /// Reads until `n` bytes are buffered (an error at the end of the stream).
    async fn fill(&mut self, n: usize) -> std::io::Result<()> {
        let mut chunk = [0u8; 8192];
        while self.buf.len() < n {
            match self.stream.read(&mut chunk).await? {
                0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
                read => self.buf.extend_from_slice(&chunk[..read]),
            }
        }
        Ok(())
    }

    async fn read_answer(&mut self) -> std::io::Result<Answer> {
        let bad = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_owned());
        let end = loop {
            if let Some(i) = self.buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            self.fill(self.buf.len() + 1).await?;
        };
        let head = String::from_utf8_lossy(&self.buf[..end]).into_owned();
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad("no status line"))?;
        let mut length = None;
        for line in lines {
            let (name, value) = line.split_once(':').unwrap_or((line, ""));
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse::<usize>().ok();
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                return Err(bad("a chunked answer (this client reads content-length only)"));
            }
        }
        let length = length.ok_or_else(|| bad("an answer without content-length"))?;
        self.fill(end + length).await?;
        let body = self.buf[end..end + length].to_vec();
        self.buf.drain(..end + length);
        Ok(Answer { status, body })
    }
}

/// How many connections a client may hold open at once here: what the
/// open-file limit allows, less a margin, at most `wanted`.
pub fn connections_allowed(wanted: usize) -> usize {
    let limit = std::fs::read_to_string("/proc/self/limits")
        .ok()
        .and_then(|l| {
            let line = l.lines().find(|l| l.starts_with("Max open files"))?.to_owned();
            line.split_whitespace().nth(3)?.parse::<usize>().ok()
        })
        .unwrap_or(1024);
    wanted.min(limit.saturating_sub(128)).max(1)
}
