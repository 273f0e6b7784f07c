//! `citycal-server`: the reference registration receiver.
//!
//! ```text
//! citycal-server --feed public/events.json --db registrations.sqlite \
//!     --port 8081 --allow-origin http://127.0.0.1:8080 [--admin] [--faults SEED]
//! ```
//! Prints `listening on http://127.0.0.1:<port>` once ready (`--port 0`
//! picks a free port).

use std::collections::HashSet;
use std::sync::Arc;

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
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        feed: "public/events.json".into(),
        db: "registrations.sqlite".into(),
        port: 8081,
        origins: HashSet::new(),
        admin: false,
        faults: None,
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
    let receiver = Receiver::open(&args.db, feed, args.origins, args.admin, args.faults).unwrap_or_else(|e| {
        eprintln!("citycal-server: cannot open the database {}: {e}", args.db);
        std::process::exit(1);
    });
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", args.port)).await.unwrap_or_else(|e| {
        eprintln!("citycal-server: cannot listen on port {}: {e}", args.port);
        std::process::exit(1);
    });
    let address = listener.local_addr().expect("a bound listener has an address");
    println!("listening on http://{address}");
    axum::serve(listener, router(Arc::new(receiver))).await.expect("the server runs until killed");
}
