//! The agenda (list) of events: which are still to come and which are past,
//! as seen by a viewer in a given zone.

use chrono::{DateTime, NaiveTime, Utc};

use crate::feed::{Event, When};
use crate::time::{resolve_local, ZoneRules};

/// When an event is over for a viewer in `zone`. All-day events end at the
/// viewer's midnight after their last day.
pub fn end_instant(event: &Event, rules: &dyn ZoneRules, zone: &str) -> DateTime<Utc> {
    match &event.when {
        When::Timed { end, .. } => *end,
        When::AllDay { last, .. } => {
            let midnight = last.succ_opt().unwrap_or(*last).and_time(NaiveTime::MIN);
            resolve_local(rules, zone, midnight)
                .map(|(t, _)| t)
                .unwrap_or_else(|| midnight.and_utc())
        }
    }
}

/// Events not yet over (ongoing ones included), soonest first; and past
/// events, most recent first. `events` must be sorted by start, as
/// `feed::parse` leaves them.
pub fn split<'a>(
    events: &'a [Event],
    now: DateTime<Utc>,
    rules: &dyn ZoneRules,
    zone: &str,
) -> (Vec<&'a Event>, Vec<&'a Event>) {
    let (upcoming, mut past): (Vec<&Event>, Vec<&Event>) =
        events.iter().partition(|e| end_instant(e, rules, zone) > now);
    past.reverse();
    (upcoming, past)
}
