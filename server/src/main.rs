//! `citycal-server`: the reference registration receiver, and the calendar
//! subscriptions (`GET /calendar.ics`).
//!
//! ```text
//! citycal-server --feed public/events.json --db registrations.sqlite \
//!     --port 8081 --allow-origin http://127.0.0.1:8080 [--admin] [--faults SEED] \
//!     [--app-url https://calendar.example.org/] [--now 2026-12-06T12:00:00Z]
//! citycal-server --feed public/events.json [--db …] [--app-url …] --write-ics dist
//! ```
//! Prints `listening on http://127.0.0.1:<port>` once ready (`--port 0`
//! picks a free port). `--write-ics DIR` writes a static deployment's
//! calendars (`calendar.ics`, `calendar-<theme>.ics`) into DIR and exits.
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
    port: u16,
    origins: HashSet<String>,
    admin: bool,
    faults: Option<Faults>,
    app_url: Option<String>,
    now: Option<DateTime<Utc>>,
    write_ics: Option<String>,
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        feed: "public/events.json".into(),
        db: "registrations.sqlite".into(),
        port: 8081,
        origins: HashSet::new(),
        admin: false,
        faults: None,
        app_url: None,
        now: None,
        write_ics: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--feed" => a.feed = value()?,
            "--db" => a.db = value()?,
            "--port" => a.port = value()?.parse().map_err(|_| "--port needs a number")?,
            "--allow-origin" => {
                a.origins.insert(value()?);
            }
            "--admin" => a.admin = true,
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
    Ok(a)
}

#[tokio::main]
async fn main() {
    let args = args().unwrap_or_else(|e| {
        eprintln!("citycal-server: {e}");
        std::process::exit(2);
    });
    let bytes = std::fs::read(&args.feed).unwrap_or_else(|e| {
        eprintln!("citycal-server: cannot read the feed {}: {e}", args.feed);
        std::process::exit(1);
    });
    let (feed, issues) = parse(&bytes, &Tzdb).unwrap_or_else(|e| {
        eprintln!("citycal-server: the feed {} is unusable: {e:?}", args.feed);
        std::process::exit(1);
    });
    if !issues.is_empty() {
        eprintln!("citycal-server: {} problems in the feed (see the app's notice)", issues.len());
    }
    let mut receiver = Receiver::open(&args.db, feed, args.origins, args.admin, args.faults)
        .unwrap_or_else(|e| {
            eprintln!("citycal-server: cannot open the database {}: {e}", args.db);
            std::process::exit(1);
        })
        .with_app_url(args.app_url);
    if let Some(now) = args.now {
        receiver = receiver.with_clock(Arc::new(move || now));
    }
    if let Some(dir) = args.write_ics {
        match receiver.write_static_calendars(std::path::Path::new(&dir)) {
            Ok(names) => println!("wrote {} calendars into {dir}: {}", names.len(), names.join(", ")),
            Err(e) => {
                eprintln!("citycal-server: cannot write the calendars into {dir}: {e}");
                std::process::exit(1);
            }
        }
        return;
    }
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", args.port)).await.unwrap_or_else(|e| {
        eprintln!("citycal-server: cannot listen on port {}: {e}", args.port);
        std::process::exit(1);
    });
    let address = listener.local_addr().expect("a bound listener has an address");
    println!("listening on http://{address}");
    axum::serve(listener, router(Arc::new(receiver))).await.expect("the server runs until killed");
}
