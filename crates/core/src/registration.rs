//! Whether a visitor can still register, from the feed and the clock. The
//! sending contract comes with the registration form (issue 6).

use chrono::{DateTime, Duration, Utc};

use crate::feed::{Event, EventStatus, RegistrationStatus, When};

/// Under this long before the deadline, registration is "closing soon".
pub const CLOSING_SOON: Duration = Duration::days(3);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// The feed says nothing about registering.
    NotNeeded,
    NotYetOpen { opens: DateTime<Utc> },
    Open { closes: Option<DateTime<Utc>> },
    ClosingSoon { closes: DateTime<Utc> },
    Closed,
    Full,
}

/// The phase, and the organizer's own form when registration happens there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegistrationState<'a> {
    pub phase: Phase,
    pub external_url: Option<&'a str>,
}

pub fn state(event: &Event, now: DateTime<Utc>) -> RegistrationState<'_> {
    let Some(reg) = &event.registration else {
        return RegistrationState { phase: Phase::NotNeeded, external_url: None };
    };
    // Without a stated deadline, registration closes when the event starts.
    let closes = reg.closes.or(match event.when {
        When::Timed { start, .. } => Some(start),
        When::AllDay { .. } => None,
    });
    let full = matches!((reg.capacity, reg.taken), (Some(cap), Some(taken)) if taken >= cap);
    let phase = if matches!(event.status, EventStatus::Cancelled | EventStatus::Postponed)
        || reg.status == Some(RegistrationStatus::Closed)
        || closes.is_some_and(|c| c <= now)
    {
        Phase::Closed
    } else if reg.status == Some(RegistrationStatus::Full) || full {
        Phase::Full
    } else if let Some(opens) = reg.opens.filter(|o| *o > now) {
        Phase::NotYetOpen { opens }
    } else {
        match closes {
            Some(c) if c - now <= CLOSING_SOON => Phase::ClosingSoon { closes: c },
            closes => Phase::Open { closes },
        }
    };
    RegistrationState { phase, external_url: reg.url.as_deref() }
}
