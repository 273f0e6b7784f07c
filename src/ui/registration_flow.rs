//! Sending a registration so that it is never lost and never doubled: the
//! draft lives in local storage from the first keystroke until the receiver
//! confirms; one idempotency key per attempt, kept with the draft; automatic
//! retries with back-off (`citycal_core::registration::retry_delay`); an
//! attempt under way when the page died resumes after a reload.

use citycal_core::json::{self, Json};
use citycal_core::registration::{answer_member, retry_delay, FieldError, FieldErrors, RegistrationRequest};
use leptos::prelude::*;
use serde::Serialize;

use crate::platform::{dom, http, now, storage};

/// Seconds before an attempt counts as lost.
const TIMEOUT_MS: i32 = 15_000;

/// What the visitor filled in, and the attempt it belongs to.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Draft {
    pub request: RegistrationRequest,
    /// Set when "register" is pressed; kept until the attempt has a final answer.
    pub key: Option<String>,
    /// An attempt was under way (resumed after a reload).
    pub sending: bool,
}

/// Where a registration stands, as the form shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum Sending {
    Idle,
    /// Attempt `n` is in flight.
    Attempt(u32),
    /// Waiting `secs` before attempt `n`.
    Waiting {
        next: u32,
        secs: u64,
    },
    /// Confirmed, with the receiver's registration id.
    Done(String),
    AlreadyRegistered,
    /// Closed, full, not open yet, or external (`410`'s code).
    Gone(String),
    /// The receiver named fields to fix.
    Invalid(Vec<FieldError>),
    /// Gave up for now; "try again" resends with the same key.
    Failed {
        status: Option<u16>,
    },
}

fn draft_key(event_id: &str) -> String {
    format!("draft.{event_id}")
}

fn done_key(event_id: &str) -> String {
    format!("registered.{event_id}")
}

pub fn load_draft(event_id: &str) -> Option<Draft> {
    let saved = storage::get(&draft_key(event_id))?;
    let j = json::parse(&saved).ok()?;
    Some(Draft {
        request: RegistrationRequest::read(j.get("request").ok()??)?,
        key: j.field("key", Json::string).ok()?,
        sending: j.field("sending", Json::boolean).ok()?.unwrap_or(false),
    })
}

pub fn save_draft(event_id: &str, draft: &Draft) {
    if let Ok(text) = serde_json::to_string(draft) {
        storage::set(&draft_key(event_id), &text);
    }
}

/// The registration id this browser already got for the event.
pub fn confirmed(event_id: &str) -> Option<String> {
    storage::get(&done_key(event_id))
}

/// Sends the draft until a final answer (or [`MAX_ATTEMPTS`] tries), updating
/// `status` as it goes. `draft.key` must be set. The draft is dropped from
/// storage only once the receiver confirmed or finally refused.
pub async fn send(endpoint: String, draft: RwSignal<Draft>, status: RwSignal<Sending>) {
    let (event_id, key) = draft.with_untracked(|d| (d.request.event_id.clone(), d.key.clone()));
    let Some(key) = key else { return };
    let body = draft.with_untracked(|d| serde_json::to_string(&d.request).unwrap_or_default());
    let mut attempt = 1;
    loop {
        status.set(Sending::Attempt(attempt));
        let reply = http::post_json(&endpoint, body.clone(), &key, TIMEOUT_MS).await;
        let retry_after = match &reply {
            Ok(r) if r.status == 200 || r.status == 201 => {
                let id = answer_member(&r.body, "registrationId").unwrap_or_else(|| key.clone());
                storage::set(&done_key(&event_id), &id);
                storage::remove(&draft_key(&event_id));
                status.set(Sending::Done(id));
                return;
            }
            Ok(r) if r.status == 409 => return finish(&event_id, draft, status, Sending::AlreadyRegistered),
            Ok(r) if r.status == 410 => {
                let code = answer_member(&r.body, "code").unwrap_or_else(|| "closed".into());
                return finish(&event_id, draft, status, Sending::Gone(code));
            }
            Ok(r) if r.status == 422 => {
                // A final answer for this attempt: the next one gets a new key.
                let errors = FieldErrors::from_json(&r.body).map(|e| e.errors).unwrap_or_default();
                draft.update(|d| {
                    d.key = None;
                    d.sending = false;
                });
                save_draft(&event_id, &draft.get_untracked());
                status.set(if errors.is_empty() {
                    Sending::Failed { status: Some(422) }
                } else {
                    Sending::Invalid(errors)
                });
                return;
            }
            Ok(r) if r.status == 429 || r.status == 503 => r.retry_after,
            Ok(r) if r.status >= 500 => None,
            Ok(r) => {
                // Another 4xx: retrying will not help; keep everything for "try again".
                stop(&event_id, draft, status, Some(r.status));
                return;
            }
            Err(_) => None,
        };
        match retry_delay(attempt, retry_after) {
            Some(delay) => {
                attempt += 1;
                status.set(Sending::Waiting { next: attempt, secs: delay.as_secs().max(1) });
                dom::sleep(delay.as_millis() as u64).await;
            }
            None => {
                stop(&event_id, draft, status, reply.ok().map(|r| r.status));
                return;
            }
        }
    }
}

/// A final refusal: the draft's attempt is over (a new one gets a new key).
fn finish(event_id: &str, draft: RwSignal<Draft>, status: RwSignal<Sending>, outcome: Sending) {
    draft.update(|d| {
        d.key = None;
        d.sending = false;
    });
    save_draft(event_id, &draft.get_untracked());
    status.set(outcome);
}

/// Out of automatic attempts: keep the key, so "try again" is the same attempt.
fn stop(event_id: &str, draft: RwSignal<Draft>, status: RwSignal<Sending>, code: Option<u16>) {
    draft.update(|d| d.sending = false);
    save_draft(event_id, &draft.get_untracked());
    status.set(Sending::Failed { status: code });
}

/// Starts an attempt: a key (if this attempt has none yet), the time, saved first.
pub fn begin(draft: RwSignal<Draft>, language: &str, zone: &str) {
    draft.update(|d| {
        // "Try again" repeats the attempt byte for byte; only a new one is stamped.
        if d.key.is_none() {
            d.key = Some(dom::random_uuid());
            d.request.submitted_at = citycal_core::time::iso_utc(now());
            d.request.language = language.to_owned();
            d.request.time_zone = zone.to_owned();
        }
        d.sending = true;
    });
    let event_id = draft.with_untracked(|d| d.request.event_id.clone());
    save_draft(&event_id, &draft.get_untracked());
}
