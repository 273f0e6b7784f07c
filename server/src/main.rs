//! `citycal-server`: the reference registration receiver, and the calendar
//! subscriptions (`GET /calendar.ics`).
//!
//! ```text
//! citycal-server --feed public/events.json --db registrations.sqlite|postgres://… \
//!     --port 8081 [--host 127.0.0.1] --allow-origin http://127.0.0.1:8080 \
//!     [--token-file PATH] [--retention-days N] [--faults SEED] \
//!     [--app-url https://calendar.example.org/] [--now 2026-12-06T12:00:00Z]
//! citycal-server --feed public/events.json [--db …] [--app-url …] --write-ics dist
//! citycal-server erase --db registrations.sqlite|postgres://… --email ana@example.org
//! ```
//! Prints `listening on http://<host>:<port>` once ready (`--port 0`
//! picks a free port). The organizer's token comes from the environment
//! (`CITYCAL_ADMIN_TOKEN`) or a file (`--token-file`), never from the command
//! line (which other users of the machine can read); without one, the
//! organizer's routes are off. `--retention-days N` deletes registrations N
//! days after their event ended (checked at start and hourly).
//! `--write-ics DIR` writes a static deployment's calendars
//! (`calendar.ics`, `calendar-<theme>.ics`) into DIR and exits.
//! `--app-url` is the app's public address (events link to their pages, UIDs
//! are at its host); `--now` fixes the clock (tests, reproducible builds).

use std::collections::HashSet;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use citycal_core::feed::parse;
use citycal_core::tzdb::Tzdb;
use citycal_server::{router, Faults, Receiver};

struct Args {
    feed: String,
    db: String,
    host: String,
    port: u16,
    origins: HashSet<String>,
    token_file: Option<String>,
    retention_days: Option<u32>,
    faults: Option<Faults>,
    app_url: Option<String>,
    now: Option<DateTime<Utc>>,
    write_ics: Option<String>,
    /// `erase --email …`
    erase: Option<String>,
}

/// The shortest organizer's token accepted.
const MIN_TOKEN: usize = 16;

fn args() -> Result<Args, String> {
    let mut a = Args {
        feed: "public/events.json".into(),
        db: "registrations.sqlite".into(),
        host: "127.0.0.1".into(),
        port: 8081,
        origins: HashSet::new(),
        token_file: None,
        retention_days: None,
        faults: None,
        app_url: None,
        now: None,
        write_ics: None,
        erase: None,
    };
    let mut it = std::env::args().skip(1).peekable();
    let erasing = it.next_if_eq("erase").is_some();
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--db" => a.db = value()?,
            "--email" if erasing => a.erase = Some(value()?),
            _ if erasing => return Err(format!("erase takes --db and --email, not {flag}")),
            "--feed" => a.feed = value()?,
            "--host" => a.host = value()?,
            "--port" => a.port = value()?.parse().map_err(|_| "--port needs a number")?,
            "--allow-origin" => {
                a.origins.insert(value()?);
            }
            "--token-file" => a.token_file = Some(value()?),
            "--retention-days" => {
                a.retention_days = Some(value()?.parse().map_err(|_| "--retention-days needs a whole number")?)
            }
            "--admin" => {
                return Err("--admin is gone: set the organizer's token (CITYCAL_ADMIN_TOKEN or --token-file) \
                            and read GET /registrations.json with it (docs/registration.md)"
                    .into())
            }
            "--faults" => a.faults = Some(Faults { seed: value()?.parse().map_err(|_| "--faults needs a number")? }),
            "--app-url" => {
                let url = value()?;
                if !citycal_core::validate::is_http_url(&url) {
                    return Err("--app-url needs an http(s) URL".into());
                }
                a.app_url = Some(url);
            }
            "--now" => {
                let now = DateTime::parse_from_rfc3339(&value()?).map_err(|_| "--now needs an RFC 3339 time")?;
                a.now = Some(now.with_timezone(&Utc));
            }
            "--write-ics" => a.write_ics = Some(value()?),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if erasing && a.erase.is_none() {
        return Err("erase needs --email".into());
    }
    Ok(a)
}

/// The organizer's token: the file's first line, or `CITYCAL_ADMIN_TOKEN`.
fn token(file: Option<&str>) -> Result<Option<String>, String> {
    let token = match file {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read the token file {path}: {e}"))?;
            Some(text.lines().next().unwrap_or("").trim().to_owned())
        }
        None => std::env::var("CITYCAL_ADMIN_TOKEN").ok().map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()),
    };
    match token {
        Some(t) if t.chars().count() < MIN_TOKEN || t.contains(char::is_whitespace) => {
            Err(format!("the organizer's token needs at least {MIN_TOKEN} characters and no spaces"))
        }
        t => Ok(t),
    }
}

fn fail(message: impl std::fmt::Display) -> ! {
    eprintln!("citycal-server: {message}");
    std::process::exit(1);
}

#[tokio::main]
async fn main() {
    let args = args().unwrap_or_else(|e| {
        eprintln!("citycal-server: {e}");
        std::process::exit(2);
    });
    if let Some(email) = &args.erase {
        let store = citycal_server::store::Store::open(&args.db)
            .await
            .unwrap_or_else(|e| fail(format!("cannot open the database {}: {e}", args.db)));
        let removed = store
            .erase(&citycal_server::email_key(email), Utc::now())
            .await
            .unwrap_or_else(|e| fail(format!("erasure failed: {e}")));
        println!("erased {} registrations (events: {})", removed.count, removed.events.join(", "));
        return;
    }
    let token = token(args.token_file.as_deref()).unwrap_or_else(|e| fail(e));
    let bytes = std::fs::read(&args.feed).unwrap_or_else(|e| fail(format!("cannot read the feed {}: {e}", args.feed)));
    let (feed, issues) =
        parse(&bytes, &Tzdb).unwrap_or_else(|e| fail(format!("the feed {} is unusable: {e:?}", args.feed)));
    if !issues.is_empty() {
        eprintln!("citycal-server: {} problems in the feed (see the app's notice)", issues.len());
    }
    let mut receiver = Receiver::open(&args.db, feed, args.origins, args.faults)
        .await
        .unwrap_or_else(|e| fail(format!("cannot open the database {}: {e}", args.db)))
        .with_app_url(args.app_url)
        .with_token(token)
        .with_retention_days(args.retention_days);
    if let Some(now) = args.now {
        receiver = receiver.with_clock(Arc::new(move || now));
    }
    if let Some(dir) = args.write_ics {
        match receiver.write_static_calendars(std::path::Path::new(&dir)).await {
            Ok(names) => println!("wrote {} calendars into {dir}: {}", names.len(), names.join(", ")),
            Err(e) => fail(format!("cannot write the calendars into {dir}: {e}")),
        }
        return;
    }
    let receiver = Arc::new(receiver);
    // Housekeeping (expired idempotency keys, retention) now and hourly.
    let sweeper = receiver.clone();
    tokio::spawn(async move {
        let mut hourly = tokio::time::interval(std::time::Duration::from_secs(3600));
        loop {
            hourly.tick().await;
            match sweeper.sweep(sweeper.now()).await {
                Ok(removed) if removed.count > 0 => {
                    println!(
                        "retention: deleted {} registrations (events: {})",
                        removed.count,
                        removed.events.join(", ")
                    )
                }
                Ok(_) => {}
                Err(e) => eprintln!("citycal-server: the hourly sweep failed: {e}"),
            }
        }
    });
    let listener = tokio::net::TcpListener::bind((args.host.as_str(), args.port))
        .await
        .unwrap_or_else(|e| fail(format!("cannot listen on {}:{}: {e}", args.host, args.port)));
    let address = listener.local_addr().expect("a bound listener has an address");
    println!("listening on http://{address}");
    axum::serve(listener, router(receiver)).await.expect("the server runs until killed");
}
