//! The site owner's configuration (`config.json`, deployed with the app).
//!
//! Where events are loaded from and where registrations go come only from
//! here (or from the embedding element's attributes, which the site owner
//! also writes), never from a visitor's URL parameters.

use crate::json::{self, Json};
use crate::validate::is_http_url;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteConfig {
    /// The feed: a path relative to the app, or an http(s) URL.
    pub feed: String,
    /// Interface language when the visitor's browser asks for none we speak.
    pub default_language: Option<String>,
    /// Zone used only when the browser does not report one.
    pub default_time_zone: Option<String>,
    /// Where Citycal's own registration form posts (`docs/registration.md`):
    /// a path relative to the app or an http(s) URL. Without it, only events
    /// with the organizer's own form (`registration.url`) can be registered for.
    pub registration_endpoint: Option<String>,
    /// The privacy notice the consent checkbox links to (http(s)).
    pub privacy_url: Option<String>,
    /// The reference server's `calendar.ics` (`docs/links.md`,
    /// "Subscriptions"): a path relative to the app or an http(s) URL, which
    /// "Subscribe" gives with the view's filters
    /// ([`crate::subscription::subscription_url`]). Without it, "Subscribe"
    /// offers the files a static build writes next to the app.
    pub calendar: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    Invalid,
    /// The feed location is neither a relative path nor http(s).
    BadFeedUrl,
    /// The registration endpoint, calendar or privacy link is neither.
    BadUrl,
}

/// A path relative to the app, or an absolute http(s) URL.
fn is_location(value: &str) -> bool {
    let value = value.trim();
    let relative = !value.is_empty() && !value.contains(':') && !value.starts_with("//");
    relative || is_http_url(value)
}

pub fn parse_config(bytes: &[u8]) -> Result<SiteConfig, ConfigError> {
    let text = std::str::from_utf8(bytes).map_err(|_| ConfigError::Invalid)?;
    let config = json::parse(text).ok().and_then(|j| read(&j)).ok_or(ConfigError::Invalid)?;
    if !is_location(&config.feed) {
        return Err(ConfigError::BadFeedUrl);
    }
    if config.registration_endpoint.as_deref().is_some_and(|e| !is_location(e))
        || config.calendar.as_deref().is_some_and(|c| !is_location(c))
        || config.privacy_url.as_deref().is_some_and(|u| !is_http_url(u))
    {
        return Err(ConfigError::BadUrl);
    }
    Ok(config)
}

/// The config's fields (camelCase, as the site owner writes them).
fn read(j: &Json) -> Option<SiteConfig> {
    let text = |key: &str| j.field(key, Json::string).ok();
    Some(SiteConfig {
        feed: text("feed")??,
        default_language: text("defaultLanguage")?,
        default_time_zone: text("defaultTimeZone")?,
        registration_endpoint: text("registrationEndpoint")?,
        privacy_url: text("privacyUrl")?,
        calendar: text("calendar")?,
    })
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
        assert_eq!(parse_config(br#"{"feed": 5}"#), Err(ConfigError::Invalid));
        assert_eq!(parse_config(br#"{"feed": "e.json", "defaultLanguage": ["ro"]}"#), Err(ConfigError::Invalid));
        assert_eq!(parse_config(br#"["feed"]"#), Err(ConfigError::Invalid));
        let all = br#"{"feed": "e.json", "defaultLanguage": "ro", "defaultTimeZone": "Europe/Bucharest", "extra": 1}"#;
        assert_eq!(
            parse_config(all).map(|c| (c.default_language, c.default_time_zone)),
            Ok((Some("ro".into()), Some("Europe/Bucharest".into())))
        );
        let with_endpoint = br#"{"feed": "events.json", "registrationEndpoint": "http://127.0.0.1:8081/registrations", "privacyUrl": "https://city.example/privacy"}"#;
        assert!(parse_config(with_endpoint).is_ok());
        assert_eq!(parse_config(br#"{"feed": "e.json", "registrationEndpoint": "data:x"}"#), Err(ConfigError::BadUrl));
        assert_eq!(parse_config(br#"{"feed": "e.json", "privacyUrl": "privacy.html"}"#), Err(ConfigError::BadUrl));
    }

    #[test]
    fn calendar_locations() {
        let calendar = |json: &str| parse_config(json.as_bytes()).map(|c| c.calendar);
        let cases: [(&str, Result<Option<String>, ConfigError>); 7] = [
            (r#"{"feed": "e.json"}"#, Ok(None)),
            (r#"{"feed": "e.json", "calendar": "calendar.ics"}"#, Ok(Some("calendar.ics".into()))),
            (r#"{"feed": "e.json", "calendar": "/api/calendar.ics"}"#, Ok(Some("/api/calendar.ics".into()))),
            (
                r#"{"feed": "e.json", "calendar": "http://127.0.0.1:8081/calendar.ics"}"#,
                Ok(Some("http://127.0.0.1:8081/calendar.ics".into())),
            ),
            (r#"{"feed": "e.json", "calendar": "webcal://x.example/c.ics"}"#, Err(ConfigError::BadUrl)),
            (r#"{"feed": "e.json", "calendar": "//x.example/c.ics"}"#, Err(ConfigError::BadUrl)),
            (r#"{"feed": "e.json", "calendar": 1}"#, Err(ConfigError::Invalid)),
        ];
        for (json, want) in cases {
            assert_eq!(calendar(json), want, "{json}");
        }
    }
}
