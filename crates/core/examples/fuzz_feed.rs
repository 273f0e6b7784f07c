//! Fuzzes the feed reader (`citycal_core::fuzz`): `make test` runs a bounded,
//! seeded number of inputs, `make fuzz` runs for as long as asked.
//!
//! ```text
//! cargo run --profile fuzz -p citycal-core --features fuzz --example fuzz_feed -- --inputs 30000 --seed 1
//! cargo run --profile fuzz -p citycal-core --features fuzz --example fuzz_feed -- --seconds 600
//! ```
//!
//! A panic or a broken promise stops the run with the input saved under
//! `target/fuzz/`; an input still running after `HANG` is a hang, saved the
//! same way. The run is deterministic for a seed and an input count, so a
//! crash that takes the process down (a stack overflow) replays with the
//! printed seed. The reader runs on a 1 MiB stack, the wasm's.

use citycal_core::fuzz::{run_one, Coverage, Mutator, Rng};
use citycal_core::tzdb::Tzdb;
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Far beyond any input's time (the slowest takes milliseconds): only a loop
/// that never ends gets here.
const HANG: Duration = Duration::from_secs(20);

struct Args {
    inputs: Option<u64>,
    seconds: Option<u64>,
    seed: u64,
}

fn args() -> Args {
    let mut args = Args { inputs: None, seconds: None, seed: 0 };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().and_then(|v| v.parse::<u64>().ok());
        match (flag.as_str(), value) {
            ("--inputs", Some(n)) => args.inputs = Some(n),
            ("--seconds", Some(n)) => args.seconds = Some(n),
            ("--seed", Some(n)) => args.seed = n,
            _ => {
                eprintln!("usage: fuzz_feed [--inputs N] [--seconds S] [--seed X]");
                std::process::exit(2);
            }
        }
    }
    if args.seed == 0 {
        args.seed =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64);
    }
    args
}

#[derive(Default)]
struct Report {
    inputs: u64,
    bytes: u64,
    largest: usize,
    outcomes: BTreeMap<String, u64>,
    coverage: Coverage,
    slowest: (Duration, usize),
    failure: Option<(String, Vec<u8>)>,
}

fn main() {
    let Args { inputs, seconds, seed } = args();
    let limit = Duration::from_secs(seconds.unwrap_or(u64::MAX / 4));
    let max_inputs = inputs.unwrap_or(if seconds.is_some() { u64::MAX } else { 30_000 });
    println!("fuzz_feed: seed {seed}, up to {max_inputs} inputs, up to {}s", limit.as_secs().min(999_999));

    let done = Arc::new(AtomicU64::new(0));
    let current = Arc::new(Mutex::new(Vec::new()));
    let (done_w, current_w) = (done.clone(), current.clone());
    // Panics are caught and reported with their input; the default hook's
    // message would only repeat it.
    std::panic::set_hook(Box::new(|_| {}));
    let worker = std::thread::Builder::new()
        .name("fuzz".into())
        .stack_size(1 << 20)
        .spawn(move || {
            let started = Instant::now();
            let mut rng = Rng::new(seed);
            let mut mutator = Mutator::default();
            let mut report = Report::default();
            while report.inputs < max_inputs && started.elapsed() < limit {
                let input = mutator.input(&mut rng);
                current_w.lock().unwrap().clone_from(&input);
                let t = Instant::now();
                let outcome = catch_unwind(AssertUnwindSafe(|| run_one(&input, &Tzdb)));
                let took = t.elapsed();
                report.inputs += 1;
                report.bytes += input.len() as u64;
                report.largest = report.largest.max(input.len());
                if took > report.slowest.0 {
                    report.slowest = (took, input.len());
                }
                done_w.fetch_add(1, Ordering::Relaxed);
                match outcome {
                    Ok(Ok(features)) => {
                        *report.outcomes.entry(features[0].clone()).or_insert(0) += 1;
                        let new = report.coverage.add(features);
                        // Something new, from an input small enough to mutate quickly.
                        if new && input.len() < 200_000 {
                            mutator.keep(input);
                        }
                    }
                    Ok(Err(broken)) => {
                        report.failure = Some((broken, input));
                        break;
                    }
                    Err(panic) => {
                        let message = panic
                            .downcast_ref::<String>()
                            .cloned()
                            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                            .unwrap_or_default();
                        report.failure = Some((format!("panicked: {message}"), input));
                        break;
                    }
                }
            }
            (report, mutator.corpus_len(), started.elapsed())
        })
        .unwrap();

    // The watchdog: an input that never finishes is a failure too.
    let mut last = (0, Instant::now());
    while !worker.is_finished() {
        std::thread::sleep(Duration::from_millis(200));
        let now = done.load(Ordering::Relaxed);
        if now != last.0 {
            last = (now, Instant::now());
        } else if last.1.elapsed() > HANG {
            let input = current.lock().unwrap().clone();
            fail(seed, &format!("hang: input {} ran for over {}s", now + 1, HANG.as_secs()), &input);
        }
    }
    let (report, corpus, elapsed) = worker.join().unwrap();
    let accepted = report.outcomes.get("ok").copied().unwrap_or(0);
    println!(
        "fuzz_feed: {} inputs ({:.1} MB, largest {} KB) in {:.1}s: {} read as feeds, {} refused as documents; \
         {} features reached, corpus {}; slowest {:.1} ms ({} KB)",
        report.inputs,
        report.bytes as f64 / 1e6,
        report.largest / 1024,
        elapsed.as_secs_f64(),
        accepted,
        report.inputs - accepted,
        report.coverage.0.len(),
        corpus,
        report.slowest.0.as_secs_f64() * 1e3,
        report.slowest.1 / 1024,
    );
    println!("fuzz_feed: outcomes {:?}", report.outcomes);
    if let Some((why, input)) = report.failure {
        fail(seed, &why, &input);
    }
    println!("fuzz_feed: no panic, no hang, every parsed feed kept its promises");
}

fn fail(seed: u64, why: &str, input: &[u8]) -> ! {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/fuzz");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("failure-{seed}.json"));
    let _ = std::fs::write(&path, input);
    eprintln!("fuzz_feed: FAILED (seed {seed}): {why}\n  input saved to {}", path.display());
    std::process::exit(1);
}
