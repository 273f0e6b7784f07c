//! The site owner's configuration (`config.json`, deployed with the app).
//!
//! Where events are loaded from (and, later, where registrations go) comes
//! only from here, never from a visitor's URL parameters.

use serde::Deserialize;

use crate::validate::is_http_url;

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SiteConfig {
    /// The feed: a path relative to the app, or an http(s) URL.
    pub feed: String,
    /// Interface language when the visitor's browser asks for none we speak.
    #[serde(default)]
    pub default_language: Option<String>,
    /// Zone used only when the browser does not report one.
    #[serde(default)]
    pub default_time_zone: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    Invalid,
    /// The feed location is neither a relative path nor http(s).
    BadFeedUrl,
}

pub fn parse_config(bytes: &[u8]) -> Result<SiteConfig, ConfigError> {
    let config: SiteConfig = serde_json::from_slice(bytes).map_err(|_| ConfigError::Invalid)?;
    let feed = config.feed.trim();
    let relative = !feed.is_empty() && !feed.contains(':') && !feed.starts_with("//");
    if relative || is_http_url(feed) {
        Ok(config)
    } else {
        Err(ConfigError::BadFeedUrl)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_locations() {
        assert!(parse_config(br#"{"feed": "events.json"}"#).is_ok());
        assert!(parse_config(br#"{"feed": "https://city.example/events.json", "defaultLanguage": "ro"}"#).is_ok());
        assert_eq!(parse_config(br#"{"feed": "javascript:alert(1)"}"#), Err(ConfigError::BadFeedUrl));
        assert_eq!(parse_config(br#"{"feed": "//evil.example/x"}"#), Err(ConfigError::BadFeedUrl));
        assert_eq!(parse_config(br#"{"nofeed": 1}"#), Err(ConfigError::Invalid));
        assert_eq!(parse_config(b"<html>"), Err(ConfigError::Invalid));
    }
}
