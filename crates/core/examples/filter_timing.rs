//! How long filtering takes on a 10,000-event feed (`make bench`). Prints
//! the median of repeated runs for a few typical filters; asserts nothing.

use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Duration, Utc, Weekday};
use citycal_core::feed::{Event, Feed, Format, Text, When};
use citycal_core::filter::{apply, facet_counts, Facet, Filters, Hours, Period, SearchIndex, Viewer};
use citycal_core::tzdb::Tzdb;

const EVENTS: usize = 10_000;
const RUNS: usize = 21;

fn feed() -> Feed {
    let zones = ["Europe/Bucharest", "America/Bogota", "Asia/Kolkata", "Europe/Madrid"];
    let themes = ["climate", "housing", "mobility", "digital", "participation"];
    let cities = ["Cluj-Napoca", "Gdańsk", "Lisboa", "Bogotá", "Iași"];
    let start: DateTime<Utc> = "2026-01-01T00:00:00Z".parse().unwrap();
    let events = (0..EVENTS)
        .map(|i| {
            let at = start + Duration::minutes(i as i64 * 53);
            let mut e = Event::new(
                &format!("e{i}"),
                &format!("Event {i} about cities"),
                When::Timed { start: at, end: at + Duration::minutes(90) },
            );
            e.title.0.push(("ro".into(), format!("Evenimentul {i} în {}", cities[i % 5])));
            e.summary = Text(vec![("en".into(), format!("A session in {} on {}", cities[i % 5], themes[i % 5]))]);
            e.zone = Some(zones[i % 4].into());
            e.languages = vec![["en", "es", "ro"][i % 3].into()];
            e.format = [Format::Online, Format::InPerson, Format::Hybrid][i % 3];
            e.themes = vec![themes[i % 5].into(), themes[(i / 5) % 5].into()];
            e
        })
        .collect();
    Feed { events, ..Feed::default() }
}

fn median(mut f: impl FnMut()) -> StdDuration {
    let mut times: Vec<StdDuration> = (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn main() {
    let feed = feed();
    let t = Instant::now();
    let index = SearchIndex::new(&feed);
    println!("search index for {EVENTS} events: {:.1} ms (once per feed)", t.elapsed().as_secs_f64() * 1e3);
    let viewer = Viewer {
        now: "2026-06-01T10:00:00Z".parse().unwrap(),
        rules: &Tzdb,
        zone: "Europe/Bucharest",
        week_starts: Weekday::Mon,
    };
    let mut theme = Filters::default();
    theme.set_values(Facet::Theme, vec!["climate".into(), "housing".into()]);
    let cases = [
        ("no filter", Filters::default()),
        ("two themes", theme.clone()),
        ("search \"iasi\"", Filters { text: "iasi".into(), ..Filters::default() }),
        (
            "upcoming + 09:00-18:00",
            Filters { period: Some(Period::Upcoming), hours: Hours::parse("09:00-18:00"), ..Filters::default() },
        ),
        ("themes + search + hours", Filters { text: "gdansk".into(), hours: Hours::parse("09:00-18:00"), ..theme }),
    ];
    for (name, filters) in &cases {
        let mut n = 0;
        let d = median(|| n = apply(&feed, &index, filters, &viewer).iter().filter(|m| **m).count());
        println!("apply {name:<26} {:>7.2} ms  ({n} events)", d.as_secs_f64() * 1e3);
    }
    let (_, filters) = &cases[4];
    let d = median(|| {
        for facet in Facet::ALL {
            facet_counts(&feed, &index, filters, facet, &viewer);
        }
    });
    println!("facet counts, all 7 facets   {:>7.2} ms", d.as_secs_f64() * 1e3);
}
