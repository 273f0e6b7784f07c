//! `make bench-receiver`: registrations per second and latency of the
//! receiver (its release build) on SQLite (one process) and PostgreSQL (one
//! and four processes, the clients spread round-robin over them), printed as
//! a Markdown table. The PostgreSQL rows need `CITYCAL_BENCH_PG` (the
//! Makefile starts a throwaway cluster with `tools/postgres.sh`).
//!
//! The workload is fixed: `REGISTRATIONS` new registrations (each its own
//! email and Idempotency-Key) for `EVENTS` events with places to spare, sent
//! by `CLIENTS` clients at once, each on one kept-alive connection, sending
//! its next as soon as its last is answered; after a warm-up that opens the
//! receivers' database connections. Latency is from writing a request to
//! reading its whole answer. Each configuration runs `RUNS` times on a fresh
//! database; the table shows the run of median throughput.

#[path = "../tests/cluster/mod.rs"]
mod cluster;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use cluster::{event, pg_schema, registration, write_feed, Conn, Receivers};

const REGISTRATIONS: usize = 5000;
const CLIENTS: usize = 64;
const EVENTS: usize = 10;
const WARM_UP: usize = 200;
const RUNS: usize = 3;

struct Run {
    seconds: f64,
    /// Each registration's latency, sorted.
    latencies: Vec<Duration>,
    /// Answers other than 201 and failed requests.
    errors: Vec<String>,
}

impl Run {
    /// Registrations stored per second.
    fn rate(&self) -> f64 {
        self.latencies.len() as f64 / self.seconds
    }

    /// The nearest-rank percentile `p` (0 to 100) of the latencies.
    fn percentile(&self, p: usize) -> Duration {
        let rank = (self.latencies.len() * p).div_ceil(100).max(1);
        self.latencies[rank - 1]
    }
}

/// `total` registrations (numbered from `first`) by `CLIENTS` clients,
/// client i on receiver i mod n.
async fn load(addrs: &[SocketAddr], first: usize, total: usize) -> Run {
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let (addr, next) = (addrs[client % addrs.len()], next.clone());
            tokio::spawn(async move {
                let (mut latencies, mut errors) = (Vec::new(), Vec::new());
                let mut conn = Conn::open(addr).await.expect("the receiver takes connections");
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total {
                        break;
                    }
                    let n = first + i;
                    let body = registration(&format!("bench-{}", n % EVENTS), &format!("person{n}@bench.example"));
                    let sent = Instant::now();
                    match conn.register(&format!("bench-key-{n:08}"), &body).await {
                        Ok(answer) if answer.status == 201 => latencies.push(sent.elapsed()),
                        Ok(a) => errors.push(format!("{} {}", a.status, String::from_utf8_lossy(&a.body))),
                        Err(e) => {
                            errors.push(format!("{addr}: {e}"));
                            match Conn::open(addr).await {
                                Ok(c) => conn = c,
                                Err(_) => break,
                            }
                        }
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut run = Run { seconds: 0.0, latencies: Vec::new(), errors: Vec::new() };
    for client in clients {
        let (latencies, errors) = client.await.expect("a client ran to its end");
        run.latencies.extend(latencies);
        run.errors.extend(errors);
    }
    run.seconds = started.elapsed().as_secs_f64();
    run.latencies.sort_unstable();
    run
}

/// Starts `receivers` processes on `db`, warms them up, measures.
async fn measure(bin: &Path, feed: &Path, db: &str, receivers: usize) -> Run {
    let processes = Receivers::start(bin, receivers, feed, db);
    let warm = load(&processes.addrs, 0, WARM_UP).await;
    assert!(warm.errors.is_empty(), "warm-up: {:?}", &warm.errors[..warm.errors.len().min(5)]);
    load(&processes.addrs, WARM_UP, REGISTRATIONS).await
}

/// The SQLite file of run `n`.
fn temp_sqlite(n: usize) -> String {
    let path = std::env::temp_dir().join(format!("citycal-bench-{}-{n}.sqlite", std::process::id()));
    path.to_string_lossy().into_owned()
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

#[tokio::main]
async fn main() {
    let bin = Path::new(env!("CARGO_BIN_EXE_citycal-server"));
    let events: Vec<_> = (0..EVENTS).map(|i| event(&format!("bench-{i}"), Some(100_000), false)).collect();
    let feed = write_feed("bench", &events);
    let pg = std::env::var("CITYCAL_BENCH_PG").ok().filter(|u| !u.is_empty());
    let mut configurations = vec![("SQLite", 1)];
    match pg {
        Some(_) => configurations.extend([("PostgreSQL", 1), ("PostgreSQL", 4)]),
        None => eprintln!("PostgreSQL skipped: set CITYCAL_BENCH_PG=postgres://… (make bench-receiver does)"),
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "\n{REGISTRATIONS} registrations for {EVENTS} events, {CLIENTS} concurrent clients, release build, \
         on {cores} cores (clients, receivers and database on one machine), the median of {RUNS} runs:\n"
    );
    println!("| store | receiver processes | registrations/s | p50 latency | p99 latency |");
    println!("|---|---:|---:|---:|---:|");
    let mut failed = false;
    for (store, receivers) in configurations {
        let mut runs = Vec::new();
        for n in 0..RUNS {
            let db = match &pg {
                Some(url) if store == "PostgreSQL" => pg_schema(url, &format!("bench_{receivers}_{n}")).await,
                _ => temp_sqlite(n),
            };
            let run = measure(bin, &feed, &db, receivers).await;
            if !run.errors.is_empty() {
                failed = true;
                let (n, first) = (run.errors.len(), &run.errors[..run.errors.len().min(5)]);
                eprintln!("{store} × {receivers}: {n} failed, e.g. {first:?}");
            }
            runs.push(run);
        }
        runs.sort_by(|a, b| a.rate().total_cmp(&b.rate()));
        let run = runs.swap_remove(RUNS / 2);
        let (rate, p50, p99) = (run.rate(), ms(run.percentile(50)), ms(run.percentile(99)));
        println!("| {store} | {receivers} | {rate:.0} | {p50} | {p99} |");
    }
    for n in 0..RUNS {
        let path = temp_sqlite(n);
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{path}{suffix}"));
        }
    }
    let _ = std::fs::remove_file(feed);
    if failed {
        std::process::exit(1);
    }
}
