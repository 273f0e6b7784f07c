//! The event page's figures: how long an event lasts, how many places are
//! left, and the sessions of its series. The page words them (`ui/event_page.rs`).

use chrono::{DateTime, Utc};

use crate::feed::{Event, Feed, When};
use crate::registration::{state, Phase};

/// A length of time as the page says it: "2 days 3 hours 15 minutes".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Length {
    pub days: i64,
    pub hours: i64,
    pub minutes: i64,
}

impl Length {
    /// `minutes` in days, hours and minutes (a negative count is no length).
    pub fn of_minutes(minutes: i64) -> Length {
        let m = minutes.max(0);
        Length { days: m / 1440, hours: m % 1440 / 60, minutes: m % 60 }
    }
}

/// How long the event lasts: elapsed time for a timed event (a night across
/// a clock change is its real length), whole days counted inclusively for an
/// all-day one. `None` when there is nothing to say: an event without
/// length, under a minute, or a single day (the date says it).
pub fn length(when: &When) -> Option<Length> {
    match *when {
        When::Timed { start, end } => {
            let minutes = (end - start).num_minutes();
            (minutes > 0).then(|| Length::of_minutes(minutes))
        }
        When::AllDay { first, last } => {
            let days = (last - first).num_days() + 1;
            (days > 1).then_some(Length { days, hours: 0, minutes: 0 })
        }
    }
}

/// What of an event's schedule the publisher has not confirmed yet, as a
/// card says it ("date to be confirmed"). Only of an event still to come: a
/// past event happened when it happened, and saying its date may change
/// would mislead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unconfirmed {
    Date,
    Time,
}

/// [`Unconfirmed`] for `event`, `ended` saying whether it is over for the
/// viewer (`agenda::end_instant` at or before now). The date before the time:
/// an unconfirmed date leaves the time unconfirmed too.
pub fn unconfirmed(event: &Event, ended: bool) -> Option<Unconfirmed> {
    if ended {
        None
    } else if event.is_approximate("date") {
        Some(Unconfirmed::Date)
    } else if event.is_approximate("time") {
        Some(Unconfirmed::Time)
    } else {
        None
    }
}

/// The places still free, when the publisher counts them and a visitor
/// could take one: not when registration is closed, full or not needed
/// (a past event with places "left" would mislead).
pub fn places_left(event: &Event, now: DateTime<Utc>) -> Option<u32> {
    let reg = event.registration.as_ref()?;
    let takeable =
        matches!(state(event, now).phase, Phase::Open { .. } | Phase::ClosingSoon { .. } | Phase::NotYetOpen { .. });
    match (reg.capacity, reg.taken) {
        (Some(capacity), Some(taken)) if takeable && taken < capacity => Some(capacity - taken),
        _ => None,
    }
}

/// The events of `event`'s series in the feed, in order (the feed's: by
/// start, then id); empty when it belongs to none, or its series has no
/// other event in the feed.
pub fn sessions<'f>(feed: &'f Feed, event: &Event) -> Vec<&'f Event> {
    let Some(series) = event.series.as_deref() else { return Vec::new() };
    let all: Vec<&Event> = feed.events.iter().filter(|e| e.series.as_deref() == Some(series)).collect();
    if all.len() > 1 {
        all
    } else {
        Vec::new()
    }
}

/// "Session `n` of `total`": the number the feed gives the event (else its
/// place among the sessions), and a total never below it (a feed may list
/// only some sessions). `None` without other sessions to count.
pub fn session_of(feed: &Feed, event: &Event) -> Option<(u32, u32)> {
    let all = sessions(feed, event);
    if all.is_empty() {
        return None;
    }
    let place = all.iter().position(|e| e.id == event.id).map(|i| i as u32 + 1);
    let n = event.session.filter(|n| *n > 0).or(place)?;
    let total = u32::try_from(all.len()).unwrap_or(u32::MAX).max(n);
    Some((n, total))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{EventStatus, Registration, RegistrationStatus};
    use chrono::{Duration, NaiveDate, TimeZone};

    fn at(h: u32, m: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 3, 10, h, m, 0).unwrap()
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
    }

    #[test]
    fn lengths() {
        let l = |days, hours, minutes| Some(Length { days, hours, minutes });
        let timed = |start, end| length(&When::Timed { start, end });
        assert_eq!(timed(at(9, 0), at(10, 30)), l(0, 1, 30));
        assert_eq!(timed(at(9, 0), at(9, 1)), l(0, 0, 1));
        assert_eq!(timed(at(9, 0), at(9, 0)), None);
        assert_eq!(timed(at(9, 0), at(8, 0)), None); // an end before the start says nothing
        assert_eq!(timed(at(9, 0), at(9, 0) + Duration::seconds(59)), None);
        assert_eq!(timed(at(9, 0), at(9, 0) + Duration::days(2) + Duration::minutes(195)), l(2, 3, 15));
        assert_eq!(timed(at(0, 0), at(0, 0) + Duration::days(1)), l(1, 0, 0));
        let all_day = |first, last| length(&When::AllDay { first, last });
        assert_eq!(all_day(day(10), day(10)), None);
        assert_eq!(all_day(day(10), day(11)), l(2, 0, 0));
        assert_eq!(all_day(day(10), day(12)), l(3, 0, 0));
        assert_eq!(all_day(day(12), day(10)), None);
        assert_eq!(Length::of_minutes(-5), Length { days: 0, hours: 0, minutes: 0 });
        assert_eq!(Length::of_minutes(1441), Length { days: 1, hours: 0, minutes: 1 });
    }

    fn with_places(capacity: Option<u32>, taken: Option<u32>) -> Event {
        let mut e = Event::new("e", "E", When::Timed { start: at(12, 0), end: at(13, 0) });
        e.registration = Some(Registration::with_places(capacity, taken));
        e
    }

    #[test]
    fn only_what_is_still_to_come_is_to_be_confirmed() {
        let e = Event::new("e", "E", When::Timed { start: at(12, 0), end: at(13, 0) });
        let with = |e: &Event, facts: &[&str]| {
            let mut e = e.clone();
            e.approximate = facts.iter().map(|f| f.to_string()).collect();
            e
        };
        let cases: &[(&[&str], bool, Option<Unconfirmed>)] = &[
            (&[], false, None),
            (&["date"], false, Some(Unconfirmed::Date)),
            (&["time"], false, Some(Unconfirmed::Time)),
            (&["time", "date"], false, Some(Unconfirmed::Date)),
            (&["registration.closes"], false, None),
            (&["date"], true, None),
            (&["time"], true, None),
        ];
        for (facts, ended, want) in cases {
            assert_eq!(unconfirmed(&with(&e, facts), *ended), *want, "{facts:?} ended {ended}");
        }
    }

    #[test]
    fn places() {
        let before = at(9, 0);
        let left = |capacity, taken| places_left(&with_places(capacity, taken), before);
        assert_eq!(left(Some(30), Some(12)), Some(18));
        assert_eq!(left(Some(30), Some(29)), Some(1));
        assert_eq!(left(Some(30), Some(0)), Some(30));
        assert_eq!(left(Some(30), Some(30)), None); // full
        assert_eq!(left(Some(30), Some(31)), None);
        assert_eq!(left(Some(30), None), None); // uncounted
        assert_eq!(left(None, Some(3)), None);
        assert_eq!(left(Some(0), Some(0)), None);
        // Only while a place can be taken.
        let e = with_places(Some(30), Some(12));
        assert_eq!(places_left(&e, at(12, 0)), None); // started: closed
        let mut cancelled = e.clone();
        cancelled.status = EventStatus::Cancelled;
        assert_eq!(places_left(&cancelled, before), None);
        let mut closed = e.clone();
        closed.registration.as_mut().unwrap().status = Some(RegistrationStatus::Closed);
        assert_eq!(places_left(&closed, before), None);
        let mut later = e.clone();
        later.registration.as_mut().unwrap().opens = Some(at(10, 0));
        assert_eq!(places_left(&later, before), Some(18)); // not yet open: there will be
        assert_eq!(places_left(&Event::new("x", "X", When::Timed { start: at(12, 0), end: at(13, 0) }), before), None);
    }

    fn session(id: &str, series: Option<&str>, number: Option<u32>, hour: u32) -> Event {
        let mut e = Event::new(id, id, When::Timed { start: at(hour, 0), end: at(hour, 30) });
        e.series = series.map(str::to_owned);
        e.session = number;
        e
    }

    #[test]
    fn sessions_of_a_series() {
        let feed = Feed {
            events: vec![
                session("a", Some("s"), Some(1), 9),
                session("b", Some("t"), None, 10),
                session("c", Some("s"), None, 11),
                session("d", None, None, 12),
                session("e", Some("s"), Some(7), 13),
                session("f", Some("u"), Some(2), 14),
            ],
            ..Feed::default()
        };
        let ids = |id: &str| sessions(&feed, feed.event(id).unwrap()).iter().map(|e| e.id.as_str()).collect::<Vec<_>>();
        assert_eq!(ids("a"), ["a", "c", "e"]);
        assert_eq!(ids("c"), ["a", "c", "e"]);
        assert!(ids("b").is_empty()); // alone in its series
        assert!(ids("d").is_empty());
        let of = |id: &str| session_of(&feed, feed.event(id).unwrap());
        assert_eq!(of("a"), Some((1, 3)));
        assert_eq!(of("c"), Some((2, 3))); // unnumbered: its place
        assert_eq!(of("e"), Some((7, 7))); // a number past the sessions listed
        assert_eq!(of("b"), None);
        assert_eq!(of("d"), None);
        assert_eq!(of("f"), None); // numbered, but no other session to show
    }
}
