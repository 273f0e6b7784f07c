//! Reading and validating a feed, natively (`make bench` runs it on the
//! 10,000-event feed of bench/gen-feed.mjs): the part of the app's load that
//! is ours, apart from the wasm's compile and the first render.
//!
//!   cargo run --release -p citycal-core --example parse_timing -- feed.json

use std::time::Instant;

use citycal_core::tzdb::Tzdb;
use citycal_core::validate::parse;

fn main() {
    let path = std::env::args().nth(1).expect("usage: parse_timing FEED.json");
    let bytes = std::fs::read(&path).expect("readable feed");
    let mut times = Vec::new();
    let mut events = 0;
    for _ in 0..7 {
        let started = Instant::now();
        let (feed, _) = parse(&bytes, &Tzdb).expect("a valid feed");
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        events = feed.events.len();
    }
    times.sort_by(f64::total_cmp);
    println!("read and validate {events} events ({} KB): {:.1} ms (median of 7)", bytes.len() / 1024, times[3]);
}
