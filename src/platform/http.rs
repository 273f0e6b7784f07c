//! Fetching the site configuration and the feed.

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
