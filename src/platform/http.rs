//! Fetching the site configuration and the feed; posting registrations.

use gloo_net::http::Request;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// No answer: offline, DNS, CORS, or the request was aborted.
    Network,
    /// No answer within the time allowed (the request was aborted).
    TimedOut,
    /// The server answered with a non-success status.
    Status(u16),
}

pub type Result<T> = std::result::Result<T, Error>;

/// GETs `url` (relative to the page) and returns the body bytes, giving up
/// after `timeout_ms` (`Error::Network`; `AbortSignal.timeout`, no timer of
/// ours): a server that never answers gets the page's "could not load" and
/// its retry, and a network's slow partner does not hold the others back.
pub async fn get_bytes(url: &str, timeout_ms: u32) -> Result<Vec<u8>> {
    let request = Request::get(url).abort_signal(Some(&web_sys::AbortSignal::timeout_with_u32(timeout_ms)));
    let response = request.send().await.map_err(|_| Error::Network)?;
    if !response.ok() {
        return Err(Error::Status(response.status()));
    }
    response.binary().await.map_err(|_| Error::Network)
}

/// An answer to a POST: its status, `Retry-After` in seconds, and body text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub status: u16,
    pub retry_after: Option<u64>,
    pub body: String,
}

/// Cancels a request in flight ([`post_json`]); dropping it does not.
#[derive(Clone)]
pub struct Abort(web_sys::AbortController);

impl Abort {
    pub fn new() -> Result<Abort> {
        web_sys::AbortController::new().map(Abort).map_err(|_| Error::Network)
    }

    pub fn abort(&self) {
        self.0.abort();
    }
}

/// POSTs a JSON `body` with an `Idempotency-Key`, giving up after
/// `timeout_ms` (`Error::TimedOut`) or when `abort` is used (`Error::Network`).
/// Any HTTP answer, success or not, is a `Reply`.
pub async fn post_json(
    url: &str,
    body: String,
    idempotency_key: &str,
    timeout_ms: u32,
    abort: &Abort,
) -> Result<Reply> {
    let controller = abort.0.clone();
    let timed_out = std::rc::Rc::new(std::cell::Cell::new(false));
    let timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        leptos::prelude::set_timeout_with_handle(
            move || {
                timed_out.set(true);
                controller.abort();
            },
            std::time::Duration::from_millis(u64::from(timeout_ms)),
        )
        .ok()
    };
    let lost = || if timed_out.get() { Error::TimedOut } else { Error::Network };
    let request = Request::post(url)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotency_key)
        .abort_signal(Some(&controller.signal()))
        .body(body)
        .map_err(|_| Error::Network)?;
    let result = request.send().await;
    let response = result.map_err(|_| lost());
    let response = match response {
        Ok(response) => response,
        Err(e) => {
            if let Some(timer) = timer {
                timer.clear();
            }
            return Err(e);
        }
    };
    let retry_after = response.headers().get("retry-after").and_then(|v| v.trim().parse().ok());
    let status = response.status();
    // An answer cut off mid-body is no answer: the outcome is unknown.
    let body = response.text().await.map_err(|_| lost());
    if let Some(timer) = timer {
        timer.clear();
    }
    Ok(Reply { status, retry_after, body: body? })
}
