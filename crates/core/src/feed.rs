//! The validated feed model: what the rest of Citycal works with. The wire
//! format (feed v1, `docs/feed.md`) and the checks that turn it into these
//! types live in [`crate::validate`]; nothing here can be invalid.

use chrono::{DateTime, NaiveDate, Utc};

pub use crate::validate::{parse, FeedError, FeedIssue, Problem, Severity, MAX_FEED_BYTES};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Feed {
    pub name: Text,
    pub themes: Vec<Theme>,
    pub organizations: Vec<Organization>,
    pub series: Vec<Series>,
    /// The publishers a merged feed gathers ([`crate::merge`]), in the
    /// config's order; empty in one publisher's own feed.
    pub sources: Vec<Source>,
    /// Sorted by start, then id.
    pub events: Vec<Event>,
}

impl Feed {
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }
    pub fn organization(&self, id: &str) -> Option<&Organization> {
        self.organizations.iter().find(|o| o.id == id)
    }
    pub fn series_by_id(&self, id: &str) -> Option<&Series> {
        self.series.iter().find(|s| s.id == id)
    }
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}

/// A publisher whose feed a merged feed gathers: the partner an event is
/// labelled with, and a value of the `source` filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub id: String,
    pub name: Text,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub id: String,
    pub label: Text,
    /// `#rrggbb`, as declared; see [`crate::colour`].
    pub colour: Option<String>,
    /// The colours its events are marked with in the light and the dark
    /// scheme (`#rrggbb`): the declared one, or the palette's, made readable.
    pub shades: (String, String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Organization {
    pub id: String,
    pub name: Text,
    pub url: Option<String>,
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SeriesKind {
    /// Separate events under one banner ("Learning from cities").
    #[default]
    Series,
    /// The sessions of one event (four chat sessions in one September).
    Sessions,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub id: String,
    pub title: Text,
    pub kind: SeriesKind,
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub id: String,
    pub title: Text,
    pub summary: Text,
    /// Plain text; paragraphs are separated by blank lines. Never HTML.
    pub description: Text,
    pub when: When,
    /// The event's own zone: the venue's for in-person events. Always set for
    /// timed events given as wall-clock times.
    pub zone: Option<String>,
    /// Spoken languages, BCP 47 tags, in the feed's order.
    pub languages: Vec<String>,
    pub format: Format,
    pub venue: Option<Venue>,
    pub online_url: Option<String>,
    pub themes: Vec<String>,
    pub organizers: Vec<String>,
    pub partners: Vec<String>,
    pub people: Vec<Person>,
    pub agenda: Vec<AgendaItem>,
    pub audience: Vec<Text>,
    pub series: Option<String>,
    /// 1-based position within a `sessions` series.
    pub session: Option<u32>,
    pub registration: Option<Registration>,
    pub recording_url: Option<String>,
    pub url: Option<String>,
    pub status: EventStatus,
    /// Facts the publisher chose because the source left them out
    /// (`"date"`, `"time"`, `"end"`, ...). Shown as "approximate".
    pub approximate: Vec<String>,
    /// The id of the [`Source`] that published it, in a merged feed.
    pub source: Option<String>,
    /// Other sources that listed the same event (left out as duplicates).
    pub also_in: Vec<String>,
}

impl Event {
    /// An online, scheduled event with nothing but an id, an English title and
    /// a time: the starting point for generated feeds (benchmarks, tests).
    pub fn new(id: &str, title: &str, when: When) -> Event {
        Event {
            id: id.to_owned(),
            title: Text(vec![("en".to_owned(), title.to_owned())]),
            summary: Text::default(),
            description: Text::default(),
            when,
            zone: None,
            languages: Vec::new(),
            format: Format::Online,
            venue: None,
            online_url: None,
            themes: Vec::new(),
            organizers: Vec::new(),
            partners: Vec::new(),
            people: Vec::new(),
            agenda: Vec::new(),
            audience: Vec::new(),
            series: None,
            session: None,
            registration: None,
            recording_url: None,
            url: None,
            status: EventStatus::Scheduled,
            approximate: Vec::new(),
            source: None,
            also_in: Vec::new(),
        }
    }

    pub fn start(&self) -> DateTime<Utc> {
        self.when.start()
    }
    pub fn is_approximate(&self, fact: &str) -> bool {
        self.approximate.iter().any(|f| f == fact)
    }
    /// The format to show: none when the publisher only chose it (an
    /// imported event with neither a place nor an online address is
    /// `in_person`, marked approximate): no "In person" with no place.
    pub fn shown_format(&self) -> Option<Format> {
        (!self.is_approximate("format")).then_some(self.format)
    }
}

/// When an event happens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum When {
    /// A span of instants, shown in each viewer's zone.
    Timed { start: DateTime<Utc>, end: DateTime<Utc> },
    /// Whole days, the same dates for every viewer (like iCalendar `VALUE=DATE`).
    /// `last` is inclusive.
    AllDay { first: NaiveDate, last: NaiveDate },
}

impl When {
    /// The instant used for ordering: midnight UTC for all-day events.
    pub fn start(&self) -> DateTime<Utc> {
        match self {
            When::Timed { start, .. } => *start,
            When::AllDay { first, .. } => first.and_time(chrono::NaiveTime::MIN).and_utc(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Online,
    InPerson,
    Hybrid,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EventStatus {
    #[default]
    Scheduled,
    Cancelled,
    Postponed,
    Rescheduled,
    MovedOnline,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Venue {
    pub name: Text,
    pub address: Option<String>,
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Role {
    #[default]
    Speaker,
    Moderator,
    Host,
    Keynote,
    Panelist,
    Facilitator,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub name: String,
    pub role: Role,
    /// Job title, per language ("MONUM Chief of Staff").
    pub position: Text,
    pub organization: Option<String>,
    pub country: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AgendaItem {
    pub title: Text,
    pub minutes: Option<u32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Registration {
    pub opens: Option<DateTime<Utc>>,
    pub closes: Option<DateTime<Utc>>,
    pub capacity: Option<u32>,
    /// Places taken so far, as the publisher last counted them.
    pub taken: Option<u32>,
    /// The publisher's word, which overrides what dates and counts imply.
    pub status: Option<RegistrationStatus>,
    /// An external form: Citycal links to it instead of showing its own.
    pub url: Option<String>,
    pub free: Option<bool>,
    /// Questions the organizer adds to Citycal's own form.
    pub questions: Vec<Question>,
    /// When full, people may join a waitlist (the receiver keeps it).
    pub waitlist: bool,
}

#[cfg(test)]
impl Registration {
    /// Citycal's own form, with only the places counted (unit tests).
    pub fn with_places(capacity: Option<u32>, taken: Option<u32>) -> Registration {
        Registration {
            opens: None,
            closes: None,
            capacity,
            taken,
            status: None,
            url: None,
            free: None,
            questions: Vec::new(),
            waitlist: false,
        }
    }
}

/// A question of the registration form, beyond name, email and the rest.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub id: String,
    pub label: Text,
    pub kind: QuestionKind,
    pub required: bool,
    /// For `choice`: the options, each an id and a label.
    pub options: Vec<QuestionOption>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum QuestionKind {
    /// Free text.
    #[default]
    Text,
    /// One of `options`.
    Choice,
    /// Yes or no (required: must be ticked).
    Checkbox,
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuestionOption {
    pub id: String,
    pub label: Text,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegistrationStatus {
    Open,
    Closed,
    Full,
}

/// Text in one or more languages, in the feed's order. A plain string in the
/// feed is kept under the empty tag: "language not stated".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text(pub Vec<(String, String)>);

/// The text chosen for a reader, and in which language it actually is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Picked<'a> {
    pub text: &'a str,
    /// The tag of the text shown ("" when the feed did not say).
    pub lang: &'a str,
    /// True when the text is not in the language that was asked for.
    pub fallback: bool,
}

impl Text {
    pub fn is_blank(&self) -> bool {
        self.0.iter().all(|(_, t)| t.trim().is_empty())
    }

    /// The text in `wanted`, else in one of the event's own languages, else
    /// English, else the first there is. Tags match on their primary subtag
    /// (`es-MX` matches `es`). Blank texts count as missing.
    pub fn pick<'a>(&'a self, wanted: &str, own: &[String]) -> Option<Picked<'a>> {
        let find = |tag: &str| self.0.iter().find(|(k, t)| !t.trim().is_empty() && same_language(k, tag));
        let (lang, text) = find(wanted)
            .or_else(|| own.iter().find_map(|l| find(l)))
            .or_else(|| find("en"))
            .or_else(|| self.0.iter().find(|(_, t)| !t.trim().is_empty()))?;
        Some(Picked { text, lang, fallback: !same_language(lang, wanted) })
    }
}

/// Whether two BCP 47 tags name the same language (primary subtags, any case).
pub fn same_language(a: &str, b: &str) -> bool {
    let primary = |t: &str| t.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    !a.is_empty() && primary(a) == primary(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(pairs: &[(&str, &str)]) -> Text {
        Text(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    #[test]
    fn a_chosen_format_is_not_shown() {
        let at = DateTime::UNIX_EPOCH;
        for (format, approximate, shown) in [
            (Format::InPerson, vec![], Some(Format::InPerson)),
            (Format::Online, vec!["time"], Some(Format::Online)),
            (Format::InPerson, vec!["format"], None),
            (Format::Hybrid, vec!["end", "format"], None),
        ] {
            let mut e = Event::new("e", "E", When::Timed { start: at, end: at });
            e.format = format;
            e.approximate = approximate.into_iter().map(str::to_owned).collect();
            assert_eq!(e.shown_format(), shown, "{format:?} {:?}", e.approximate);
        }
    }

    #[test]
    fn pick_prefers_wanted_then_own_then_english_then_any() {
        let t = text(&[("ro", "Bună"), ("es", "Hola"), ("en", "Hello")]);
        assert_eq!(t.pick("es-MX", &[]).unwrap(), Picked { text: "Hola", lang: "es", fallback: false });
        let t = text(&[("ro", "Bună"), ("en", "Hello"), ("es", "Hola")]);
        assert_eq!(t.pick("fr", &["es".into()]).unwrap().text, "Hola");
        assert_eq!(t.pick("fr", &["de".into()]).unwrap().text, "Hello");
        let t = text(&[("pl", "Cześć"), ("ro", "  ")]);
        assert_eq!(t.pick("ro", &[]).unwrap(), Picked { text: "Cześć", lang: "pl", fallback: true });
        assert_eq!(text(&[]).pick("en", &[]), None);
    }
}
