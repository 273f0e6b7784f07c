//! What the registration form offers, from the receiver's live answer
//! (`GET …/events/{id}/availability`, `docs/registration.md`, "Live
//! availability") when it has one, else from the feed's `capacity`/`taken`
//! (written whenever the feed was last published): register, join the
//! waitlist, or nothing, and the places left.

use chrono::{DateTime, Utc};

use super::{state, Phase};
use crate::feed::Event;
use crate::json::{self, Json};

/// The receiver's `status`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LiveStatus {
    Open,
    Full,
    /// No places; a registration joins the waitlist.
    Waitlist,
    NotOpen,
    Closed,
}

/// The receiver's answer, as far as the form needs it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Availability {
    pub status: LiveStatus,
    /// `None` when the feed sets no capacity.
    pub places_left: Option<u32>,
    /// People on the waitlist now.
    pub waitlisted: u32,
}

impl Availability {
    /// Reads the receiver's JSON; `None` for anything else (an answer that is
    /// not this contract's, which the form then ignores for the feed's numbers).
    pub fn from_json(text: &str) -> Option<Availability> {
        let j = json::parse(text).ok()?;
        let status = match j.field("status", Json::string).ok()??.as_str() {
            "open" => LiveStatus::Open,
            "full" => LiveStatus::Full,
            "waitlist" => LiveStatus::Waitlist,
            "not_open" => LiveStatus::NotOpen,
            "closed" => LiveStatus::Closed,
            _ => return None,
        };
        let places_left = j.field("placesLeft", Json::uint).ok()?;
        let waitlisted =
            j.get("waitlist").ok()?.and_then(|w| w.field("length", Json::uint).ok().flatten()).unwrap_or(0);
        Some(Availability { status, places_left, waitlisted })
    }
}

/// Where the receiver whose registrations go to `endpoint` answers for
/// `event_id`: `events/{id}/availability` next to the endpoint's last path
/// segment (`https://city.example/api/registrations` →
/// `https://city.example/api/events/{id}/availability`), the id
/// percent-encoded; the endpoint's query, if any, is dropped.
pub fn availability_url(endpoint: &str, event_id: &str) -> String {
    let path = endpoint.split(['?', '#']).next().unwrap_or_default();
    let dir = match path.rfind('/') {
        // Not the `//` of `https://`: a bare origin has no segment to replace.
        Some(i) if !path[..i].ends_with('/') && !path[..=i].ends_with("//") => &path[..=i],
        _ if path.contains("//") => {
            return format!("{}/events/{}/availability", path.trim_end_matches('/'), encode(event_id))
        }
        _ => "",
    };
    format!("{dir}events/{}/availability", encode(event_id))
}

/// A path segment percent-encoded (RFC 3986 unreserved characters kept).
fn encode(segment: &str) -> String {
    segment
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// What the form offers now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offer {
    /// The form registers; `places_left` when counted.
    Register { places_left: Option<u32> },
    /// Full, with a waitlist: the form puts the person on it.
    JoinWaitlist { waitlisted: u32 },
    /// No form: full without a waitlist, closed, not open yet, no registration
    /// or registration on the organizer's own form.
    None,
}

/// The offer for `event` at `now`: the receiver's `live` answer decides
/// when there is one (it knows what was stored since the feed was
/// published); without it, the feed's phase, with `registration.waitlist`
/// turning "full" into a waitlist.
pub fn offer(event: &Event, now: DateTime<Utc>, live: Option<&Availability>) -> Offer {
    let Some(reg) = event.registration.as_ref().filter(|r| r.url.is_none()) else { return Offer::None };
    if let Some(live) = live {
        return match live.status {
            LiveStatus::Open => Offer::Register { places_left: live.places_left },
            LiveStatus::Waitlist => Offer::JoinWaitlist { waitlisted: live.waitlisted },
            LiveStatus::Full | LiveStatus::NotOpen | LiveStatus::Closed => Offer::None,
        };
    }
    match state(event, now).phase {
        Phase::Open { .. } | Phase::ClosingSoon { .. } => Offer::Register {
            places_left: match (reg.capacity, reg.taken) {
                (Some(capacity), taken) => Some(capacity.saturating_sub(taken.unwrap_or(0))),
                (None, _) => None,
            },
        },
        // Full by the feed's own word or numbers: the waitlist, if it has one,
        // unless the deadline or the event's status closed registration (`Closed` comes first).
        Phase::Full if reg.waitlist => Offer::JoinWaitlist { waitlisted: 0 },
        _ => Offer::None,
    }
}

/// What the event page says about places.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Places {
    Left(u32),
    /// Full, and the waitlist takes names (`waiting` people on it).
    Waitlist {
        waiting: u32,
    },
}

/// The places to show for `event`: the receiver's count when it answered,
/// else the feed's (`detail::places_left`, shown also before registration opens).
pub fn places(event: &Event, now: DateTime<Utc>, live: Option<&Availability>) -> Option<Places> {
    match (live, offer(event, now, live)) {
        (None, Offer::JoinWaitlist { waitlisted }) => Some(Places::Waitlist { waiting: waitlisted }),
        (None, _) => crate::detail::places_left(event, now).map(Places::Left),
        (Some(_), Offer::Register { places_left }) => places_left.map(Places::Left),
        (Some(_), Offer::JoinWaitlist { waitlisted }) => Some(Places::Waitlist { waiting: waitlisted }),
        (Some(_), Offer::None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{EventStatus, Registration, RegistrationStatus, When};
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 3, day, hour, 0, 0).unwrap()
    }

    fn event(reg: Option<Registration>) -> Event {
        let mut e = Event::new("e 1", "E", When::Timed { start: at(20, 10), end: at(20, 12) });
        e.registration = reg;
        e
    }

    fn reg(capacity: Option<u32>, taken: Option<u32>, waitlist: bool) -> Option<Registration> {
        Some(Registration { waitlist, ..Registration::with_places(capacity, taken) })
    }

    #[test]
    fn the_receivers_answer_is_read_and_anything_else_refused() {
        let read = Availability::from_json;
        assert_eq!(
            read(
                r#"{"eventId":"e","status":"open","capacity":100,"placesLeft":12,"waitlist":{"enabled":true,"length":0}}"#
            ),
            Some(Availability { status: LiveStatus::Open, places_left: Some(12), waitlisted: 0 })
        );
        assert_eq!(
            read(r#"{"status":"waitlist","capacity":10,"placesLeft":0,"waitlist":{"enabled":true,"length":7}}"#),
            Some(Availability { status: LiveStatus::Waitlist, places_left: Some(0), waitlisted: 7 })
        );
        assert_eq!(
            read(r#"{"status":"open","capacity":null,"placesLeft":null}"#),
            Some(Availability { status: LiveStatus::Open, places_left: None, waitlisted: 0 })
        );
        for (status, expected) in
            [("full", LiveStatus::Full), ("not_open", LiveStatus::NotOpen), ("closed", LiveStatus::Closed)]
        {
            assert_eq!(read(&format!(r#"{{"status":"{status}"}}"#)).map(|a| a.status), Some(expected));
        }
        for bad in
            ["", "<html>", "[]", r#"{"status":"maybe"}"#, r#"{"status":"open","placesLeft":-1}"#, r#"{"placesLeft":3}"#]
        {
            assert_eq!(read(bad), None, "{bad}");
        }
    }

    #[test]
    fn availability_is_next_to_the_endpoint() {
        for (endpoint, id, expected) in [
            ("http://127.0.0.1:8081/registrations", "e-1", "http://127.0.0.1:8081/events/e-1/availability"),
            ("https://city.example/api/registrations", "e-1", "https://city.example/api/events/e-1/availability"),
            ("https://city.example/api/registrations?x=1#y", "e-1", "https://city.example/api/events/e-1/availability"),
            ("https://city.example/api/", "e-1", "https://city.example/api/events/e-1/availability"),
            ("https://city.example", "e-1", "https://city.example/events/e-1/availability"),
            ("registrations", "e-1", "events/e-1/availability"),
            ("/api/registrations", "e-1", "/api/events/e-1/availability"),
            (
                "http://127.0.0.1:8081/registrations",
                "día 1/2?",
                "http://127.0.0.1:8081/events/d%C3%ADa%201%2F2%3F/availability",
            ),
        ] {
            assert_eq!(availability_url(endpoint, id), expected, "{endpoint} {id}");
        }
    }

    #[test]
    fn the_live_answer_decides_and_the_feed_is_the_fallback() {
        let before = at(10, 9);
        let live = |status, places_left, waitlisted| Availability { status, places_left, waitlisted };
        let open = event(reg(Some(100), Some(40), true));
        // Without an answer: the feed's numbers.
        assert_eq!(offer(&open, before, None), Offer::Register { places_left: Some(60) });
        assert_eq!(offer(&event(reg(None, None, false)), before, None), Offer::Register { places_left: None });
        // The receiver stored more since: its numbers win, either way.
        assert_eq!(
            offer(&open, before, Some(&live(LiveStatus::Open, Some(3), 0))),
            Offer::Register { places_left: Some(3) }
        );
        assert_eq!(
            offer(&open, before, Some(&live(LiveStatus::Waitlist, Some(0), 4))),
            Offer::JoinWaitlist { waitlisted: 4 }
        );
        assert_eq!(offer(&open, before, Some(&live(LiveStatus::Full, Some(0), 0))), Offer::None);
        assert_eq!(offer(&open, before, Some(&live(LiveStatus::Closed, None, 0))), Offer::None);
        assert_eq!(offer(&open, before, Some(&live(LiveStatus::NotOpen, Some(60), 0))), Offer::None);
        // A feed that is full: a waitlist only where the feed has one.
        assert_eq!(offer(&event(reg(Some(10), Some(10), true)), before, None), Offer::JoinWaitlist { waitlisted: 0 });
        assert_eq!(offer(&event(reg(Some(10), Some(10), false)), before, None), Offer::None);
        let mut said_full = event(reg(Some(10), Some(2), true));
        said_full.registration.as_mut().unwrap().status = Some(RegistrationStatus::Full);
        assert_eq!(offer(&said_full, before, None), Offer::JoinWaitlist { waitlisted: 0 });
        // Closed beats full: after the start, cancelled, or closed by the feed.
        assert_eq!(offer(&event(reg(Some(10), Some(10), true)), at(20, 11), None), Offer::None);
        let mut cancelled = event(reg(Some(10), Some(10), true));
        cancelled.status = EventStatus::Cancelled;
        assert_eq!(offer(&cancelled, before, None), Offer::None);
        // No registration, or the organizer's own form: nothing, whatever a receiver says.
        assert_eq!(offer(&event(None), before, Some(&live(LiveStatus::Open, None, 0))), Offer::None);
        let mut external = event(reg(Some(10), Some(1), false));
        external.registration.as_mut().unwrap().url = Some("https://example.org/form".into());
        assert_eq!(offer(&external, before, Some(&live(LiveStatus::Open, None, 0))), Offer::None);
    }

    #[test]
    fn places_follow_the_receiver_and_fall_back_to_the_feed() {
        let before = at(10, 9);
        let live = |status, places_left, waitlisted| Availability { status, places_left, waitlisted };
        let e = event(reg(Some(100), Some(40), true));
        assert_eq!(places(&e, before, None), Some(Places::Left(60)));
        assert_eq!(places(&e, before, Some(&live(LiveStatus::Open, Some(3), 0))), Some(Places::Left(3)));
        assert_eq!(
            places(&e, before, Some(&live(LiveStatus::Waitlist, Some(0), 5))),
            Some(Places::Waitlist { waiting: 5 })
        );
        assert_eq!(places(&e, before, Some(&live(LiveStatus::Closed, None, 0))), None);
        assert_eq!(places(&e, before, Some(&live(LiveStatus::Open, None, 0))), None);
        assert_eq!(places(&event(reg(Some(10), Some(10), true)), before, None), Some(Places::Waitlist { waiting: 0 }));
        assert_eq!(places(&event(reg(Some(10), Some(10), false)), before, None), None);
        // After the start: nothing to take, whatever the numbers.
        assert_eq!(places(&e, at(20, 11), None), None);
    }
}
