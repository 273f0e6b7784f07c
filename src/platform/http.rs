//! Fetching the site configuration and the feed; posting registrations.

use gloo_net::http::Request;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// No answer: offline, DNS, CORS, or the request was aborted.
    Network,
    /// The server answered with a non-success status.
    Status(u16),
}

pub type Result<T> = std::result::Result<T, Error>;

/// GETs `url` (relative to the page) and returns the body bytes.
pub async fn get_bytes(url: &str) -> Result<Vec<u8>> {
    let response = Request::get(url).send().await.map_err(|_| Error::Network)?;
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

/// POSTs a JSON `body` with an `Idempotency-Key`, giving up (as a network
/// error) after `timeout_ms`. Any HTTP answer, success or not, is a `Reply`.
pub async fn post_json(url: &str, body: String, idempotency_key: &str, timeout_ms: i32) -> Result<Reply> {
    let controller = web_sys::AbortController::new().map_err(|_| Error::Network)?;
    let abort = controller.clone();
    let timer = leptos::prelude::set_timeout_with_handle(
        move || abort.abort(),
        std::time::Duration::from_millis(timeout_ms as u64),
    )
    .ok();
    let request = Request::post(url)
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotency_key)
        .abort_signal(Some(&controller.signal()))
        .body(body)
        .map_err(|_| Error::Network)?;
    let result = request.send().await;
    if let Some(timer) = timer {
        timer.clear();
    }
    let response = result.map_err(|_| Error::Network)?;
    let retry_after = response.headers().get("retry-after").and_then(|v| v.trim().parse().ok());
    let status = response.status();
    // An answer cut off mid-body is no answer: the outcome is unknown.
    let body = response.text().await.map_err(|_| Error::Network)?;
    Ok(Reply { status, retry_after, body })
}
