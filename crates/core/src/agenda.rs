//! The agenda (list) of events: which are still to come and which are past,
//! as seen by a viewer in a given zone.

use chrono::{DateTime, Duration, NaiveTime, Utc};

use crate::feed::{Event, When};
use crate::time::{resolve_local, ZoneRules};

/// When an event is over for a viewer in `zone`. All-day events end at the
/// viewer's midnight after their last day.
pub fn end_instant(event: &Event, rules: &dyn ZoneRules, zone: &str) -> DateTime<Utc> {
    match &event.when {
        When::Timed { end, .. } => *end,
        When::AllDay { last, .. } => {
            let midnight = last.succ_opt().unwrap_or(*last).and_time(NaiveTime::MIN);
            resolve_local(rules, zone, midnight).map(|(t, _)| t).unwrap_or_else(|| midnight.and_utc())
        }
    }
}

/// Events not over at `from` (ongoing ones included), soonest first, with
/// their index in `events`.
/// `events` must be sorted by start (as `feed::parse` leaves them) and
/// `longest` be `layout::longest` of them: the search starts where the
/// first candidate can be, so a page costs the same in any size of feed.
pub fn upcoming<'a>(
    events: &'a [Event],
    longest: Duration,
    from: DateTime<Utc>,
    rules: &'a dyn ZoneRules,
    zone: &'a str,
) -> impl Iterator<Item = (usize, &'a Event)> + 'a {
    // A day of slack: all-day events sort at UTC midnight but end at the viewer's.
    let begin = events.partition_point(|e| e.start() < from - longest - Duration::days(1));
    events[begin..]
        .iter()
        .enumerate()
        .map(move |(i, e)| (begin + i, e))
        .filter(move |(_, e)| end_instant(e, rules, zone) > from)
}

/// Events over by `now`, most recent start first, with their index; same
/// requirements as [`upcoming`].
pub fn past<'a>(
    events: &'a [Event],
    now: DateTime<Utc>,
    rules: &'a dyn ZoneRules,
    zone: &'a str,
) -> impl Iterator<Item = (usize, &'a Event)> + 'a {
    let end = events.partition_point(|e| e.start() <= now + Duration::days(1));
    events[..end].iter().enumerate().rev().filter(move |(_, e)| end_instant(e, rules, zone) <= now)
}

/// How many of the events `keeps` lets through are still to come at `now`
/// (ongoing ones included, as in [`upcoming`]) and how many are over.
pub fn count_upcoming(
    events: &[Event],
    now: DateTime<Utc>,
    rules: &dyn ZoneRules,
    zone: &str,
    keeps: &dyn Fn(usize) -> bool,
) -> (usize, usize) {
    let kept = (0..events.len()).filter(|i| keeps(*i));
    let to_come = kept.clone().filter(|i| end_instant(&events[*i], rules, zone) > now).count();
    (to_come, kept.count() - to_come)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::Event;
    use crate::layout::longest;
    use crate::time::FixedZone;

    #[test]
    fn upcoming_and_past_partition_the_feed() {
        let at = |h: i64| "2026-12-01T00:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::hours(h);
        let mut events: Vec<Event> = (0..50)
            .map(|i| Event::new(&format!("e{i}"), "t", When::Timed { start: at(i * 5), end: at(i * 5 + (i % 7) * 9) }))
            .collect();
        events.push(Event::new(
            "day",
            "t",
            When::AllDay { first: "2026-12-03".parse().unwrap(), last: "2026-12-04".parse().unwrap() },
        ));
        events.sort_by_key(|e| e.start());
        let rules = FixedZone(3600);
        for now in [at(-10), at(0), at(47), at(100), at(300)] {
            let up: Vec<&str> = upcoming(&events, longest(&events), now, &rules, "X")
                .map(|(i, e)| {
                    assert_eq!(events[i].id, e.id);
                    e.id.as_str()
                })
                .collect();
            let down: Vec<&str> = past(&events, now, &rules, "X").map(|(_, e)| e.id.as_str()).collect();
            let expected_up: Vec<&str> =
                events.iter().filter(|e| end_instant(e, &rules, "X") > now).map(|e| e.id.as_str()).collect();
            let mut expected_down: Vec<&str> =
                events.iter().filter(|e| end_instant(e, &rules, "X") <= now).map(|e| e.id.as_str()).collect();
            expected_down.reverse();
            let even = |i: usize| i.is_multiple_of(2);
            let counted = count_upcoming(&events, now, &rules, "X", &even);
            let kept_up = upcoming(&events, longest(&events), now, &rules, "X").filter(|(i, _)| even(*i)).count();
            let kept_down = past(&events, now, &rules, "X").filter(|(i, _)| even(*i)).count();
            assert_eq!(counted, (kept_up, kept_down), "{now}");
            assert_eq!((up, down), (expected_up, expected_down), "{now}");
        }
    }
}
