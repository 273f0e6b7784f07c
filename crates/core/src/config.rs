//! The site owner's configuration (`config.json`, deployed with the app).
//!
//! Where events are loaded from and where registrations go come only from
//! here (or from the embedding element's attributes, which the site owner
//! also writes), never from a visitor's URL parameters.

use crate::feed::Text;
use crate::json::{self, Json, Read, WrongType};
use crate::validate::{is_http_url, is_valid_id};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteConfig {
    /// The feed: a path relative to the app, or an http(s) URL. A config
    /// that lists only `feeds` has the first of them here, so a reader of
    /// one feed still shows something; a network reads [`Self::sources`].
    pub feed: String,
    /// Every feed to load and merge ([`crate::merge`]): `feed` first, when
    /// given, then `feeds` in order. Never empty.
    pub sources: Vec<SourceConfig>,
    /// The config lists `feeds`: the app then reads the sources with
    /// [`parse_config`] (`sources` is empty from [`parse_site`]).
    pub network: bool,
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

/// One publisher's feed in `config.json`'s `feeds` (or its `feed`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceConfig {
    /// As written, or derived from the name (else the address) and made
    /// unique: the value of the `source` filter and of an event's `source`.
    pub id: String,
    /// The partner's name as the config gives it; empty when it gives none
    /// (the feed's own name is used then).
    pub name: Text,
    /// A path relative to the app (or to the config, for `citycal merge`), or an http(s) URL.
    pub url: String,
    pub kind: SourceKind,
}

/// What a source's document is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceKind {
    /// Feed v1 (`docs/feed.md`).
    Json,
    /// iCalendar (RFC 5545), read with [`crate::ical::import`].
    Ics,
}

impl SourceKind {
    /// `"type"` when the config gives it, else by the address: a path
    /// ending `.ics` (before any `?` or `#`) is iCalendar, anything else JSON.
    fn of(declared: Option<&str>, url: &str) -> Option<SourceKind> {
        match declared {
            Some("ics") => Some(SourceKind::Ics),
            Some("json") => Some(SourceKind::Json),
            Some(_) => None,
            None => {
                let path = url.trim().split(['?', '#']).next().unwrap_or("");
                Some(if path.to_ascii_lowercase().ends_with(".ics") { SourceKind::Ics } else { SourceKind::Json })
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    Invalid,
    /// The feed location (or one of `feeds`) is neither a relative path nor http(s).
    BadFeedUrl,
    /// Two of `feeds` were given the same `id`.
    DuplicateSource(String),
    /// The registration endpoint, calendar or privacy link is neither.
    BadUrl,
}

/// A path relative to the app, or an absolute http(s) URL.
fn is_location(value: &str) -> bool {
    let value = value.trim();
    let relative = !value.is_empty() && !value.contains(':') && !value.starts_with("//");
    relative || is_http_url(value)
}

/// The config as the app's first screen needs it: the one `feed` and the
/// other fields, checked; `feeds` is not read, only noticed
/// ([`SiteConfig::network`]): the app reads it with [`parse_config`] in a
/// chunk of its own, so a one-feed site's download does not carry it.
pub fn parse_site(bytes: &[u8]) -> Result<SiteConfig, ConfigError> {
    let text = std::str::from_utf8(bytes).map_err(|_| ConfigError::Invalid)?;
    let config = json::parse(text).ok().and_then(|j| fields(&j)).ok_or(ConfigError::Invalid)?;
    if !config.feed.is_empty() && !is_location(&config.feed) {
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

/// The whole config: [`parse_site`]'s fields and every source (`feed`
/// first when given, then `feeds` in order), each with its id and kind.
pub fn parse_config(bytes: &[u8]) -> Result<SiteConfig, ConfigError> {
    let mut config = parse_site(bytes)?;
    // `parse_site` has read the same bytes as JSON.
    let text = std::str::from_utf8(bytes).map_err(|_| ConfigError::Invalid)?;
    let j = json::parse(text).map_err(|_| ConfigError::Invalid)?;
    config.sources = read_sources(&j, &config.feed).ok_or(ConfigError::Invalid)?;
    if config.sources.iter().any(|s| !is_location(&s.url)) {
        return Err(ConfigError::BadFeedUrl);
    }
    if let Some(id) = config
        .sources
        .iter()
        .enumerate()
        .find_map(|(i, s)| config.sources[..i].iter().any(|t| t.id == s.id).then(|| s.id.clone()))
    {
        return Err(ConfigError::DuplicateSource(id));
    }
    if config.feed.is_empty() {
        config.feed = config.sources.first().map(|s| s.url.clone()).ok_or(ConfigError::Invalid)?;
    }
    Ok(config)
}

/// The config's fields (camelCase, as the site owner writes them), the
/// sources not yet read; a config needs `feed` or `feeds`.
fn fields(j: &Json) -> Option<SiteConfig> {
    let text = |key: &str| j.field(key, Json::string).ok();
    let feed = text("feed")?;
    let network = j.get("feeds").ok()?.is_some();
    Some(SiteConfig {
        feed: feed.or_else(|| network.then(String::new))?,
        sources: Vec::new(),
        network,
        default_language: text("defaultLanguage")?,
        default_time_zone: text("defaultTimeZone")?,
        registration_endpoint: text("registrationEndpoint")?,
        privacy_url: text("privacyUrl")?,
        calendar: text("calendar")?,
    })
}

/// `feed` (when given) and `feeds`, with their kinds and unique ids.
fn read_sources(j: &Json, feed: &str) -> Option<Vec<SourceConfig>> {
    let listed = j.field("feeds", |f| f.array(source)).ok()?.unwrap_or_default();
    let mut sources: Vec<(Option<String>, SourceConfig)> = Vec::new();
    if !feed.is_empty() {
        let kind = SourceKind::of(None, feed)?;
        sources.push((None, SourceConfig { id: String::new(), name: Text::default(), url: feed.to_owned(), kind }));
    }
    for (id, name, url, kind) in listed {
        let kind = SourceKind::of(kind.as_deref(), &url)?;
        sources.push((id, SourceConfig { id: String::new(), name, url, kind }));
    }
    with_ids(sources)
}

fn source(j: &Json) -> Read<(Option<String>, Text, String, Option<String>)> {
    let name = j.field("name", crate::validate::text)?.unwrap_or_default();
    let url = j.field("url", Json::string)?.ok_or_else(|| WrongType("url".to_owned()))?;
    Ok((j.field("id", Json::string)?, name, url, j.field("type", Json::string)?))
}

/// The sources with their ids: as written (a valid id), else a slug of the
/// name (English first) or of the address, made unique with `-2`, `-3`.
fn with_ids(sources: Vec<(Option<String>, SourceConfig)>) -> Option<Vec<SourceConfig>> {
    let written: Vec<String> =
        sources.iter().filter_map(|(id, _)| id.as_deref().map(str::trim).map(str::to_owned)).collect();
    if written.iter().any(|id| !is_valid_id(id)) {
        return None;
    }
    let mut taken: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (id, mut config) in sources {
        config.id = match id {
            Some(id) => id.trim().to_owned(),
            None => {
                let named = config.name.pick("en", &[]).map(|p| slug(p.text)).filter(|s| !s.is_empty());
                let base = named.unwrap_or_else(|| slug_of_location(&config.url));
                let mut candidate = base.clone();
                let mut n = 2;
                while written.contains(&candidate) || taken.contains(&candidate) {
                    candidate = format!("{base}-{n}");
                    n += 1;
                }
                candidate
            }
        };
        taken.push(config.id.clone());
        out.push(config);
    }
    Some(out)
}

/// `https://www.cluj.example/feed.json` → `cluj-example`; `partners/torino.ics` → `torino`.
fn slug_of_location(url: &str) -> String {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let name = match lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")) {
        Some(rest) => {
            let host = rest.split(['/', '?', '#', ':']).next().unwrap_or("");
            host.strip_prefix("www.").unwrap_or(host).to_owned()
        }
        None => {
            let path = url.split(['?', '#']).next().unwrap_or("");
            let file = path.rsplit('/').next().unwrap_or(path);
            file.rsplit_once('.').map_or(file, |(stem, _)| stem).to_owned()
        }
    };
    Some(slug(&name)).filter(|s| !s.is_empty()).unwrap_or_else(|| "source".to_owned())
}

/// Lower-case ASCII letters and digits, runs of anything else one dash,
/// diacritics folded away (`Cluj-Napoca UIU` → `cluj-napoca-uiu`), at most 40 characters.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in crate::filter::fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out: String = out.chars().take(40).collect();
    out.trim_end_matches('-').to_owned()
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

    #[test]
    fn feeds_are_sources_with_ids_names_and_kinds() {
        use SourceKind::{Ics, Json};
        let en = |s: &str| Text(vec![("en".into(), s.into())]);
        let bare = |s: &str| Text(vec![(String::new(), s.into())]);
        let sources = |json: &str| {
            parse_config(json.as_bytes()).map(|c| {
                (c.feed.clone(), c.sources.into_iter().map(|s| (s.id, s.name, s.url, s.kind)).collect::<Vec<_>>())
            })
        };
        type Row = (String, Text, String, SourceKind);
        let row = |id: &str, name: Text, url: &str, kind| -> Row { (id.into(), name, url.into(), kind) };
        type Want = Result<(String, Vec<Row>), ConfigError>;
        let cases: Vec<(&str, Want)> = vec![
            // `feed` alone: one source, as before.
            (
                r#"{"feed": "events.json"}"#,
                Ok(("events.json".into(), vec![row("events", Text::default(), "events.json", Json)])),
            ),
            // Only `feeds`: `feed` is the first of them; names in languages or bare; ids from names.
            (
                r#"{"feeds": [{"url": "https://uiu.example/events.json", "name": {"ro": "UIU Cluj", "en": "Cluj UIU"}},
                              {"url": "partners/torino.ics", "name": "Città di Torino"}]}"#,
                Ok((
                    "https://uiu.example/events.json".into(),
                    vec![
                        row(
                            "cluj-uiu",
                            Text(vec![("ro".into(), "UIU Cluj".into()), ("en".into(), "Cluj UIU".into())]),
                            "https://uiu.example/events.json",
                            Json,
                        ),
                        row("citta-di-torino", bare("Città di Torino"), "partners/torino.ics", Ics),
                    ],
                )),
            ),
            // Both: `feed` first; ids from addresses when there is no name; repeats made unique;
            // a written id is kept and never taken by a derived one.
            (
                r#"{"feed": "events.json", "feeds": [{"url": "https://www.gdansk.example/cal.ics?key=1"},
                    {"url": "https://gdansk.example/other.json", "name": {"en": ""}}, {"url": "b.json", "id": "events", "name": {"en": "B"}}]}"#,
                Ok((
                    "events.json".into(),
                    vec![
                        row("events-2", Text::default(), "events.json", Json),
                        row("gdansk-example", Text::default(), "https://www.gdansk.example/cal.ics?key=1", Ics),
                        row("gdansk-example-2", en(""), "https://gdansk.example/other.json", Json),
                        row("events", en("B"), "b.json", Json),
                    ],
                )),
            ),
            // The type decides over the address.
            (
                r#"{"feeds": [{"url": "https://x.example/export?format=ical", "type": "ics"}, {"url": "a.ics", "type": "json", "id": "a"}]}"#,
                Ok((
                    "https://x.example/export?format=ical".into(),
                    vec![
                        row("x-example", Text::default(), "https://x.example/export?format=ical", Ics),
                        row("a", Text::default(), "a.ics", Json),
                    ],
                )),
            ),
            (
                r#"{"feeds": [{"url": "https://x.example/c.ICS#x"}]}"#,
                Ok((
                    "https://x.example/c.ICS#x".into(),
                    vec![row("x-example", Text::default(), "https://x.example/c.ICS#x", Ics)],
                )),
            ),
            (r#"{"feeds": []}"#, Err(ConfigError::Invalid)),
            (r#"{"feeds": [{"name": "no url"}]}"#, Err(ConfigError::Invalid)),
            (r#"{"feeds": [{"url": "a.json", "type": "xml"}]}"#, Err(ConfigError::Invalid)),
            (r#"{"feeds": [{"url": "a.json", "name": 5}]}"#, Err(ConfigError::Invalid)),
            (r#"{"feeds": [{"url": "a.json", "id": ""}]}"#, Err(ConfigError::Invalid)),
            (r#"{"feeds": {"url": "a.json"}}"#, Err(ConfigError::Invalid)),
            (r#"{"feed": "e.json", "feeds": [{"url": "javascript:alert(1)"}]}"#, Err(ConfigError::BadFeedUrl)),
            (r#"{"feeds": [{"url": "//evil.example/x.json"}]}"#, Err(ConfigError::BadFeedUrl)),
            (
                r#"{"feeds": [{"url": "a.json", "id": "a"}, {"url": "b.json", "id": "a"}]}"#,
                Err(ConfigError::DuplicateSource("a".into())),
            ),
        ];
        for (json, want) in cases {
            assert_eq!(sources(json), want, "{json}");
        }
    }
}
