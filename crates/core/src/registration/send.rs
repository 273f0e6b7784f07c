//! Sending one registration attempt, as a pure state machine: what happened
//! ([`Input`]) and where the attempt stood ([`Sending`]) give where it
//! stands now and the one thing to do ([`Do`]). The form's sender
//! (`ui::registration_flow`) only carries out the `Do`s: it holds no rule
//! of its own, and cannot start a second request while one is in flight,
//! because only an attempt that is not in flight is ever told to send.
//!
//! One attempt is one `Idempotency-Key`: it is kept while the attempt is
//! under way or failed (so "try again" and a resumed send repeat it byte
//! for byte, and the receiver answers a repeat with its first answer), and
//! dropped on a final answer ([`Sending::keeps_key`]).

use super::{answer_member, retry_delay, FieldError, FieldErrors};
use crate::json::{self, Json};

/// Where a registration attempt stands, as the form shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sending {
    /// Nothing sent yet (or a final refusal's attempt is over and a new one may start).
    Idle,
    /// Request `attempt` (1-based) is in flight.
    InFlight { attempt: u32 },
    /// Attempt `attempt` failed; the next starts after `millis`.
    Waiting { attempt: u32, millis: u64 },
    /// The page was left while the attempt was under way: nothing is in
    /// flight; it goes on when the page is shown again.
    Paused,
    /// Confirmed, with the receiver's registration id.
    Done { id: String },
    /// 202: the event was full and the person is on its waitlist, at
    /// `position` (1-based) when the receiver says it.
    Waitlisted { id: String, position: Option<u32> },
    /// 409: this email is already registered for the event.
    AlreadyRegistered,
    /// 410: closed, full, not open yet (the receiver's `code`).
    Gone { code: String },
    /// 422 naming the fields to fix; the next press is a new attempt.
    Invalid { errors: Vec<FieldError> },
    /// Gave up for now: out of automatic attempts, or a status that retrying
    /// does not mend. "Try again" resends with the same key.
    Failed { status: Option<u16> },
}

/// What happened to the attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input<'a> {
    /// "Register" (or "try again") was pressed on a form whose fields pass `check`.
    Submitted,
    /// The receiver answered the request in flight.
    Answered { status: u16, retry_after: Option<u64>, body: &'a str },
    /// The request in flight had no answer in time (the sender aborted it).
    TimedOut,
    /// The request in flight failed without an answer (offline, CORS, an
    /// answer cut off mid-body): the receiver may or may not have stored it.
    ConnectionLost,
    /// The wait asked for by [`Do::Wait`] is over.
    WaitOver,
    /// The event page was shown: opened, re-rendered (a language or zone
    /// switch) or reloaded. `under_way`: the saved draft says an attempt
    /// was under way when the page went away (a reload mid-send).
    Shown { under_way: bool },
    /// The event page was left (another view, another event).
    Left,
}

/// The one thing the sender does after a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Do {
    /// Nothing: the input changes nothing (a second press while in flight,
    /// a stale answer or timer, a re-render).
    Nothing,
    /// POST the draft now, with its key.
    Send,
    /// Wait this long, then feed [`Input::WaitOver`].
    Wait { millis: u64 },
    /// Show the new state; nothing more to send.
    Show,
    /// Cancel what is in flight or pending (abort the request, clear the
    /// timer); an answer that still arrives is ignored.
    Stop,
}

impl Sending {
    /// An attempt is under way: saved with the draft, so that a reload resumes it.
    pub fn under_way(&self) -> bool {
        matches!(self, Sending::InFlight { .. } | Sending::Waiting { .. } | Sending::Paused)
    }

    /// The attempt's idempotency key is still needed (under way, or
    /// failed and waiting for "try again").
    pub fn keeps_key(&self) -> bool {
        self.under_way() || matches!(self, Sending::Failed { .. })
    }

    /// The form's fields and button are busy: a press sends nothing.
    pub fn busy(&self) -> bool {
        matches!(self, Sending::InFlight { .. } | Sending::Waiting { .. })
    }

    /// The next state and what to do, after `input`.
    pub fn next(&self, input: Input) -> (Sending, Do) {
        use Sending::*;
        let same = (self.clone(), Do::Nothing);
        match (self, input) {
            // A press while an attempt is in flight or waiting sends nothing more.
            (InFlight { .. } | Waiting { .. }, Input::Submitted) => same,
            // Confirmed: nothing to resend (the form is hidden, but a stale press must not post).
            (Done { .. } | Waitlisted { .. }, Input::Submitted) => same,
            (_, Input::Submitted) => (InFlight { attempt: 1 }, Do::Send),

            (InFlight { attempt }, Input::Answered { status, retry_after, body }) => {
                answered(*attempt, status, retry_after, body)
            }
            (InFlight { attempt }, Input::TimedOut | Input::ConnectionLost) => retry(*attempt, None, None),
            // An answer, a time-out or a failure for a request no longer in flight: stale.
            (_, Input::Answered { .. } | Input::TimedOut | Input::ConnectionLost) => same,

            (Waiting { attempt, .. }, Input::WaitOver) => (InFlight { attempt: attempt + 1 }, Do::Send),
            (_, Input::WaitOver) => same,

            // Shown again (a re-render) while under way: the sender already runs.
            (InFlight { .. } | Waiting { .. }, Input::Shown { .. }) => same,
            (Paused, Input::Shown { .. }) => (InFlight { attempt: 1 }, Do::Send),
            // After a reload: the saved attempt goes on with its key.
            (Idle, Input::Shown { under_way: true }) => (InFlight { attempt: 1 }, Do::Send),
            (_, Input::Shown { .. }) => same,

            (InFlight { .. } | Waiting { .. }, Input::Left) => (Paused, Do::Stop),
            (_, Input::Left) => same,
        }
    }
}

/// The receiver's answer to attempt `attempt`.
fn answered(attempt: u32, status: u16, retry_after: Option<u64>, body: &str) -> (Sending, Do) {
    match status {
        200 | 201 => {
            // A receiver that confirms without an id is still a confirmation;
            // the form then shows no number rather than a made-up one.
            let id = answer_member(body, "registrationId").unwrap_or_default();
            (Sending::Done { id }, Do::Show)
        }
        // On the waitlist (a replay of the key answers the same).
        202 => {
            let read = json::parse(body).ok();
            let member = |key| read.as_ref().and_then(|j| j.field(key, Json::uint).ok().flatten());
            let id = answer_member(body, "registrationId").unwrap_or_default();
            (Sending::Waitlisted { id, position: member("position").filter(|p| *p > 0) }, Do::Show)
        }
        409 => (Sending::AlreadyRegistered, Do::Show),
        410 => {
            let code = answer_member(body, "code").unwrap_or_else(|| "closed".to_owned());
            (Sending::Gone { code }, Do::Show)
        }
        422 => match FieldErrors::from_json(body) {
            Some(FieldErrors { errors }) if !errors.is_empty() => (Sending::Invalid { errors }, Do::Show),
            // A 422 that names no field cannot be mended by the visitor here.
            _ => (Sending::Failed { status: Some(422) }, Do::Show),
        },
        // Busy or rate-limited: wait as long as the receiver asks.
        429 | 503 => retry(attempt, Some(status), retry_after),
        500..=599 => retry(attempt, Some(status), None),
        // Any other answer (400, 403, 404, a 3xx the browser did not follow):
        // retrying will not help.
        _ => (Sending::Failed { status: Some(status) }, Do::Show),
    }
}

/// After a failed attempt: wait and retry, or give up for now.
fn retry(attempt: u32, status: Option<u16>, retry_after: Option<u64>) -> (Sending, Do) {
    match retry_delay(attempt, retry_after) {
        Some(delay) => {
            let millis = delay.as_millis() as u64;
            (Sending::Waiting { attempt, millis }, Do::Wait { millis })
        }
        None => (Sending::Failed { status }, Do::Show),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registration::{FieldProblem, MAX_ATTEMPTS};
    use Input::*;
    use Sending::*;

    /// Feeds `inputs` from `Idle`; returns each step's (state, do).
    fn run(start: Sending, inputs: &[Input]) -> Vec<(Sending, Do)> {
        let mut state = start;
        inputs
            .iter()
            .map(|&input| {
                let (next, todo) = state.next(input);
                state = next.clone();
                (next, todo)
            })
            .collect()
    }

    fn answer(status: u16, body: &str) -> Input<'_> {
        Answered { status, retry_after: None, body }
    }

    const CREATED: &str = r#"{"registrationId":"r-42"}"#;

    /// How many requests were in flight at once, at most, and in all.
    fn requests(steps: &[(Sending, Do)]) -> (usize, usize) {
        let (mut in_flight, mut most, mut sent) = (0usize, 0usize, 0usize);
        for (state, todo) in steps {
            if *todo == Do::Send {
                in_flight += 1;
                sent += 1;
            }
            most = most.max(in_flight);
            if !matches!(state, InFlight { .. }) {
                in_flight = 0;
            }
        }
        (most, sent)
    }

    #[test]
    fn a_language_or_zone_switch_mid_send_sends_nothing_more() {
        let steps = run(
            Idle,
            &[
                Submitted,
                Shown { under_way: true },
                Shown { under_way: true },
                Shown { under_way: false },
                Submitted,
                answer(201, CREATED),
            ],
        );
        let todo: Vec<Do> = steps.iter().map(|s| s.1).collect();
        assert_eq!(todo, [Do::Send, Do::Nothing, Do::Nothing, Do::Nothing, Do::Nothing, Do::Show]);
        assert_eq!(steps.last().unwrap().0, Done { id: "r-42".into() });
        assert_eq!(requests(&steps), (1, 1));
    }

    #[test]
    fn a_switch_while_waiting_does_not_cut_the_wait_short() {
        let busy = Answered { status: 503, retry_after: Some(2), body: "" };
        let steps = run(Idle, &[Submitted, busy, Shown { under_way: true }, Submitted, WaitOver, answer(201, CREATED)]);
        let todo: Vec<Do> = steps.iter().map(|s| s.1).collect();
        assert_eq!(todo, [Do::Send, Do::Wait { millis: 2000 }, Do::Nothing, Do::Nothing, Do::Send, Do::Show]);
        assert_eq!(requests(&steps), (1, 2));
    }

    #[test]
    fn a_reload_mid_send_resumes_the_attempt_once() {
        // The new page starts Idle, with a draft saved as under way.
        let steps = run(Idle, &[Shown { under_way: true }, Shown { under_way: true }, answer(200, CREATED)]);
        assert_eq!(steps[0], (InFlight { attempt: 1 }, Do::Send));
        assert_eq!(steps[1].1, Do::Nothing);
        assert_eq!(steps[2].0, Done { id: "r-42".into() });
        // A draft not under way is not sent by showing the page.
        assert_eq!(Idle.next(Shown { under_way: false }), (Idle, Do::Nothing));
    }

    #[test]
    fn busy_503_with_retry_after_then_created() {
        let busy = Answered { status: 503, retry_after: Some(2), body: "" };
        let steps = run(Idle, &[Submitted, busy, WaitOver, answer(201, CREATED)]);
        assert_eq!(
            steps,
            [
                (InFlight { attempt: 1 }, Do::Send),
                (Waiting { attempt: 1, millis: 2000 }, Do::Wait { millis: 2000 }),
                (InFlight { attempt: 2 }, Do::Send),
                (Done { id: "r-42".into() }, Do::Show),
            ]
        );
        // Retry-After is capped at a minute; 429 is read the same way.
        let slow = Answered { status: 429, retry_after: Some(3600), body: "" };
        assert_eq!(InFlight { attempt: 1 }.next(slow).1, Do::Wait { millis: 60_000 });
    }

    #[test]
    fn a_dropped_answer_then_the_replayed_200() {
        let steps = run(Idle, &[Submitted, ConnectionLost, WaitOver, answer(200, CREATED)]);
        assert_eq!(steps[1], (Waiting { attempt: 1, millis: 500 }, Do::Wait { millis: 500 }));
        assert_eq!(steps[3], (Done { id: "r-42".into() }, Do::Show));
        let timed_out = run(Idle, &[Submitted, TimedOut]);
        assert_eq!(timed_out[1].1, Do::Wait { millis: 500 });
    }

    #[test]
    fn final_answers() {
        let gone = r#"{"code":"full"}"#;
        let invalid = r#"{"errors":[{"field":"email","problem":"invalid_email"}]}"#;
        let email = FieldError { field: "email".into(), problem: FieldProblem::InvalidEmail };
        let cases: &[(u16, &str, Sending)] = &[
            (201, CREATED, Done { id: "r-42".into() }),
            (200, "not json", Done { id: String::new() }),
            (409, "", AlreadyRegistered),
            (410, gone, Gone { code: "full".into() }),
            (410, "", Gone { code: "closed".into() }),
            (422, invalid, Invalid { errors: vec![email] }),
            (422, r#"{"errors":[]}"#, Failed { status: Some(422) }),
            (422, "<html>", Failed { status: Some(422) }),
            (
                202,
                r#"{"registrationId":"r-7","status":"waitlisted","position":3}"#,
                Waitlisted { id: "r-7".into(), position: Some(3) },
            ),
            // A waitlist answer without a (sensible) position: on the list, no number rather than a wrong one.
            (202, r#"{"registrationId":"r-7","position":0}"#, Waitlisted { id: "r-7".into(), position: None }),
            (202, "", Waitlisted { id: String::new(), position: None }),
            (400, "", Failed { status: Some(400) }),
            (404, "", Failed { status: Some(404) }),
        ];
        for (status, body, expected) in cases {
            let (state, todo) = InFlight { attempt: 1 }.next(answer(*status, body));
            assert_eq!((&state, todo), (expected, Do::Show), "{status} {body}");
        }
    }

    #[test]
    fn five_failures_then_try_again_with_the_same_attempt() {
        let mut inputs = vec![Submitted];
        for _ in 1..MAX_ATTEMPTS {
            inputs.extend([answer(500, ""), WaitOver]);
        }
        inputs.push(answer(500, ""));
        let steps = run(Idle, &inputs);
        assert_eq!(steps.iter().filter(|s| s.1 == Do::Send).count(), MAX_ATTEMPTS as usize);
        let delays: Vec<Do> = steps.iter().map(|s| s.1).filter(|d| matches!(d, Do::Wait { .. })).collect();
        assert_eq!(delays, [500, 1000, 2000, 4000].map(|millis| Do::Wait { millis }));
        let failed = steps.last().unwrap().0.clone();
        assert_eq!(failed, Failed { status: Some(500) });
        assert!(failed.keeps_key() && !failed.under_way() && !failed.busy());
        // "Try again" is a new round of the same attempt (the key is kept).
        assert_eq!(failed.next(Submitted), (InFlight { attempt: 1 }, Do::Send));
        // Five lost connections give up the same way, with no status.
        let mut lost = vec![Submitted];
        for _ in 1..MAX_ATTEMPTS {
            lost.extend([ConnectionLost, WaitOver]);
        }
        lost.push(ConnectionLost);
        assert_eq!(run(Idle, &lost).last().unwrap().0, Failed { status: None });
    }

    #[test]
    fn leaving_stops_and_showing_again_resumes() {
        let steps = run(
            Idle,
            &[Submitted, Left, answer(201, CREATED), WaitOver, Shown { under_way: true }, answer(200, CREATED)],
        );
        let todo: Vec<Do> = steps.iter().map(|s| s.1).collect();
        assert_eq!(todo, [Do::Send, Do::Stop, Do::Nothing, Do::Nothing, Do::Send, Do::Show]);
        assert!(Paused.under_way() && Paused.keeps_key() && !Paused.busy());
        // Leaving while waiting cancels the timer; its firing later is stale.
        let busy = Answered { status: 503, retry_after: Some(2), body: "" };
        let waited = run(Idle, &[Submitted, busy, Left, WaitOver]);
        assert_eq!(waited[2], (Paused, Do::Stop));
        assert_eq!(waited[3], (Paused, Do::Nothing));
        // Leaving when nothing is under way does nothing.
        for state in [
            Idle,
            Done { id: "x".into() },
            Waitlisted { id: "x".into(), position: Some(1) },
            Failed { status: None },
            AlreadyRegistered,
        ] {
            assert_eq!(state.next(Left), (state.clone(), Do::Nothing));
        }
    }

    #[test]
    fn stale_inputs_change_nothing() {
        let settled = [
            Idle,
            Paused,
            Done { id: "r".into() },
            Waitlisted { id: "r".into(), position: Some(2) },
            AlreadyRegistered,
            Gone { code: "closed".into() },
            Invalid { errors: vec![] },
            Failed { status: None },
        ];
        for state in settled {
            for input in [answer(201, CREATED), answer(503, ""), TimedOut, ConnectionLost, WaitOver] {
                assert_eq!(state.next(input), (state.clone(), Do::Nothing), "{state:?} {input:?}");
            }
        }
        // A timer for a request in flight is stale too.
        assert_eq!(InFlight { attempt: 2 }.next(WaitOver).1, Do::Nothing);
    }

    #[test]
    fn final_refusals_drop_the_key_and_a_new_press_is_a_new_attempt() {
        let invalid = Invalid { errors: vec![] };
        for state in [AlreadyRegistered, Gone { code: "full".into() }, invalid, Done { id: "r".into() }, Idle] {
            assert!(!state.keeps_key() && !state.under_way(), "{state:?}");
        }
        assert_eq!(AlreadyRegistered.next(Submitted), (InFlight { attempt: 1 }, Do::Send));
        assert_eq!(Done { id: "r".into() }.next(Submitted).1, Do::Nothing);
        let waitlisted = Waitlisted { id: "r".into(), position: Some(2) };
        assert!(!waitlisted.keeps_key() && !waitlisted.under_way());
        assert_eq!(waitlisted.next(Submitted).1, Do::Nothing);
    }

    /// Any sequence of inputs: never a second request while one is in
    /// flight, and never more than `MAX_ATTEMPTS` sends per press.
    #[test]
    fn never_two_in_flight_for_any_sequence() {
        let inputs = [
            Submitted,
            answer(201, CREATED),
            answer(503, ""),
            answer(500, ""),
            answer(422, "{}"),
            TimedOut,
            ConnectionLost,
            WaitOver,
            Shown { under_way: true },
            Shown { under_way: false },
            Left,
        ];
        // Every sequence of 6 inputs (11^6 ≈ 1.8 M would be slow): a seeded walk instead.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            let mut state = Idle;
            let mut in_flight = false;
            for _ in 0..12 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let input = inputs[(seed % inputs.len() as u64) as usize];
                let (next, todo) = state.next(input);
                if todo == Do::Send {
                    assert!(!in_flight, "a second request from {state:?} on {input:?}");
                    assert!(matches!(next, InFlight { .. }));
                }
                // A request is in flight exactly while the state says so.
                in_flight = matches!(next, InFlight { .. });
                if let InFlight { attempt } = next {
                    assert!(attempt <= MAX_ATTEMPTS);
                }
                state = next;
            }
        }
    }
}
