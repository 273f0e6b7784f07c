//! Sending a registration so that it is never lost and never doubled: the
//! draft lives in local storage from the first keystroke until the receiver
//! confirms; one idempotency key per attempt, kept with the draft; an
//! attempt under way when the page died resumes after a reload.
//!
//! The rules are `citycal_core::registration::send` (a state machine);
//! this file only carries out what it says. There is one [`Sender`] per
//! event, kept here rather than in the form: the event page re-renders its
//! form on a language or zone switch, and a rebuilt form finds the sender
//! already running instead of starting another. Leaving the event page
//! stops it ([`leave`]); showing the page again resumes it.

use std::cell::RefCell;
use std::collections::HashMap;

use citycal_core::json::{self, Json};
use citycal_core::registration::send::{Do, Input, Sending};
use citycal_core::registration::RegistrationRequest;
use leptos::prelude::*;
use serde::Serialize;

use crate::platform::{dom, http, now, storage};

/// Milliseconds before a request counts as lost (then retried with the same key).
const TIMEOUT_MS: u32 = 15_000;

/// What the visitor filled in, and the attempt it belongs to.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Draft {
    pub request: RegistrationRequest,
    /// Set when "register" is pressed; kept until the attempt has a final answer.
    pub key: Option<String>,
    /// An attempt was under way (resumed after a reload).
    pub sending: bool,
}

fn draft_key(event_id: &str) -> String {
    format!("draft.{event_id}")
}

fn done_key(event_id: &str) -> String {
    format!("registered.{event_id}")
}

/// This browser's place on the event's waitlist: `"<position> <id>"` (0: no position given).
fn waitlisted_key(event_id: &str) -> String {
    format!("waitlisted.{event_id}")
}

fn load_draft(event_id: &str) -> Option<Draft> {
    let saved = storage::get(&draft_key(event_id))?;
    let j = json::parse(&saved).ok()?;
    let request = RegistrationRequest::read(j.get("request").ok()??)?;
    // A draft saved for another event (edited storage) is not this one's.
    (request.event_id == event_id).then_some(())?;
    Some(Draft {
        request,
        key: j.field("key", Json::string).ok()?,
        sending: j.field("sending", Json::boolean).ok()?.unwrap_or(false),
    })
}

pub fn save_draft(event_id: &str, draft: &Draft) {
    if let Ok(text) = serde_json::to_string(draft) {
        storage::set(&draft_key(event_id), &text);
    }
}

/// One event's registration: the draft the form edits and where its attempt
/// stands. Both outlive any form that shows them.
#[derive(Clone)]
pub struct Sender {
    event_id: String,
    pub draft: ArcRwSignal<Draft>,
    pub status: ArcRwSignal<Sending>,
}

/// What only the running sender needs: the request or timer under way.
struct Running {
    sender: Sender,
    endpoint: String,
    /// Bumped by every `Send`, `Wait` and `Stop`: an answer or a timer of an
    /// earlier one is ignored.
    generation: u64,
    abort: Option<http::Abort>,
    timer: Option<TimeoutHandle>,
}

thread_local! {
    static SENDERS: RefCell<HashMap<String, Running>> = RefCell::new(HashMap::new());
}

/// The sender of `event_id`'s registration, made on first use from what
/// storage holds (a draft, or this browser's confirmation).
pub fn sender(event_id: &str, endpoint: &str) -> Sender {
    if let Some(found) = SENDERS.with_borrow(|all| all.get(event_id).map(|r| r.sender.clone())) {
        return found;
    }
    let draft = load_draft(event_id).unwrap_or_else(|| {
        let mut d = Draft::default();
        d.request.event_id = event_id.to_owned();
        d
    });
    let waitlisted = storage::get(&waitlisted_key(event_id)).and_then(|saved| {
        let (position, id) = saved.split_once(' ')?;
        Some(Sending::Waitlisted { id: id.to_owned(), position: position.parse().ok().filter(|p| *p > 0) })
    });
    let status = match storage::get(&done_key(event_id)) {
        Some(id) => Sending::Done { id },
        None => waitlisted.unwrap_or(Sending::Idle),
    };
    let sender =
        Sender { event_id: event_id.to_owned(), draft: ArcRwSignal::new(draft), status: ArcRwSignal::new(status) };
    let running =
        Running { sender: sender.clone(), endpoint: endpoint.to_owned(), generation: 0, abort: None, timer: None };
    SENDERS.with_borrow_mut(|all| all.insert(event_id.to_owned(), running));
    sender
}

/// The event page of `event_id` was left: its attempt stops (and resumes
/// when the page is shown again, or after a reload).
pub fn leave(event_id: &str) {
    if let Some(sender) = SENDERS.with_borrow(|all| all.get(event_id).map(|r| r.sender.clone())) {
        sender.feed(Input::Left, 0);
    }
}

impl Sender {
    /// The form was built (opened, or rebuilt by a re-render).
    pub fn shown(&self) {
        let under_way = self.draft.with_untracked(|d| d.sending && d.key.is_some());
        self.feed(Input::Shown { under_way }, 0);
    }

    /// "Register" or "try again" on fields that passed the check: a key (if
    /// this attempt has none yet) and the time are stamped and saved first.
    pub fn submit(&self, language: &str, zone: &str) {
        if self.status.with_untracked(Sending::busy) {
            return; // a double click sends once
        }
        self.draft.update(|d| {
            // "Try again" repeats the attempt byte for byte; only a new one is stamped.
            if d.key.is_none() {
                d.key = Some(dom::random_uuid());
                d.request.submitted_at = citycal_core::time::iso_utc(now());
                d.request.language = language.to_owned();
                d.request.time_zone = zone.to_owned();
            }
        });
        self.feed(Input::Submitted, 0);
    }

    /// An edit of the draft: saved at once; a change after a failed or
    /// refused attempt makes the next press a new attempt (a new key).
    pub fn edit(&self, change: impl FnOnce(&mut Draft)) {
        let under_way = self.status.with_untracked(Sending::under_way);
        self.draft.update(|d| {
            change(d);
            if !under_way {
                d.key = None;
            }
        });
        save_draft(&self.event_id, &self.draft.get_untracked());
    }

    /// One step of the state machine, and what it says to do. `generation`
    /// is the request or timer an answer comes from (0: not from one).
    fn feed(&self, input: Input, generation: u64) {
        let current = SENDERS.with_borrow(|all| all.get(&self.event_id).map(|r| r.generation));
        if generation != 0 && current != Some(generation) {
            return; // from a request or timer that was stopped or replaced
        }
        let (next, todo) = self.status.with_untracked(|s| s.next(input));
        if todo == Do::Nothing {
            return;
        }
        self.keep(&next);
        self.status.set(next);
        match todo {
            Do::Send => self.post(),
            Do::Wait { millis } => self.wait(millis),
            Do::Stop => {
                self.replace(None, None);
            }
            Do::Show | Do::Nothing => {}
        }
    }

    /// What storage keeps of the new state: the confirmation, or the draft
    /// with its key only while the attempt still needs it.
    fn keep(&self, next: &Sending) {
        let event_id = &self.event_id;
        let kept = match next {
            Sending::Done { id } => Some((done_key(event_id), id.clone())),
            Sending::Waitlisted { id, position } => {
                Some((waitlisted_key(event_id), format!("{} {id}", position.unwrap_or(0))))
            }
            _ => None,
        };
        if let Some((key, value)) = kept {
            storage::set(&key, &value);
            storage::remove(&draft_key(event_id));
            return;
        }
        self.draft.update(|d| {
            d.sending = next.under_way();
            if !next.keeps_key() {
                d.key = None;
            }
        });
        save_draft(event_id, &self.draft.get_untracked());
    }

    /// A new generation with this request or timer; whatever ran before is cancelled.
    fn replace(&self, abort: Option<http::Abort>, timer: Option<TimeoutHandle>) -> u64 {
        let old = SENDERS.with_borrow_mut(|all| {
            let running = all.get_mut(&self.event_id)?;
            running.generation += 1;
            let old = (running.abort.take(), running.timer.take());
            running.abort = abort;
            running.timer = timer;
            Some((running.generation, old))
        });
        let Some((generation, (old_abort, old_timer))) = old else { return 0 };
        if let Some(a) = old_abort {
            a.abort();
        }
        if let Some(t) = old_timer {
            t.clear();
        }
        generation
    }

    fn post(&self) {
        let (body, key) = self.draft.with_untracked(|d| {
            (serde_json::to_string(&d.request).unwrap_or_default(), d.key.clone().unwrap_or_default())
        });
        let Some(endpoint) = SENDERS.with_borrow(|all| all.get(&self.event_id).map(|r| r.endpoint.clone())) else {
            return;
        };
        let Ok(abort) = http::Abort::new() else {
            // Without an AbortController there is no request: a lost connection.
            let generation = self.replace(None, None);
            return self.feed(Input::ConnectionLost, generation);
        };
        let signal = abort.clone();
        let generation = self.replace(Some(abort), None);
        let me = self.clone();
        leptos::task::spawn_local(async move {
            let reply = http::post_json(&endpoint, body, &key, TIMEOUT_MS, &signal).await;
            match &reply {
                Ok(r) => {
                    me.feed(Input::Answered { status: r.status, retry_after: r.retry_after, body: &r.body }, generation)
                }
                Err(http::Error::TimedOut) => me.feed(Input::TimedOut, generation),
                Err(_) => me.feed(Input::ConnectionLost, generation),
            }
        });
    }

    fn wait(&self, millis: u64) {
        // The timer's generation is the one `replace` gives it, known once set.
        let next = SENDERS.with_borrow(|all| all.get(&self.event_id).map_or(0, |r| r.generation + 1));
        let me = self.clone();
        let timer =
            set_timeout_with_handle(move || me.feed(Input::WaitOver, next), std::time::Duration::from_millis(millis))
                .ok();
        self.replace(None, timer);
    }
}
