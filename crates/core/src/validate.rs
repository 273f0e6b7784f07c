//! Feed v1 on the wire, and the checks that turn it into [`crate::feed`] types.
//!
//! Tolerant by design: one bad event never blanks the calendar. [`parse`] fails
//! only when the document as a whole is unusable ([`FeedError`]); otherwise it
//! returns every good event plus a [`FeedIssue`] for each problem, with the JSON
//! path and a [`Problem`] code that `i18n` turns into words. An event with a
//! problem that makes it unplaceable (no title, no valid time, unknown zone,
//! duplicate id) is skipped; a problem confined to one part (an unknown theme,
//! a `javascript:` link) drops only that part.

use std::borrow::Cow;
use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use crate::colour::{theme_colours, Rgb};
use crate::feed::*;
use crate::json::{self, Json, Read, WrongType};
use crate::time::{resolve_local, ZoneRules};

/// Larger feeds are refused before parsing: 10,000 rich events fit in ~15 MB.
pub const MAX_FEED_BYTES: usize = 32 * 1024 * 1024;
/// Longest id accepted; ids travel in URLs.
const MAX_ID_CHARS: usize = 200;

/// An id as feed v1 allows it: 1 to `MAX_ID_CHARS` characters, none of them control characters.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.chars().count() <= MAX_ID_CHARS && !id.chars().any(char::is_control)
}
/// The values of feed v1's enumerations, in the order of their Rust
/// variants: the reader's and the organizers' check's (`check.rs`) one list.
pub const FORMATS: [&str; 3] = ["online", "in_person", "hybrid"];
pub const EVENT_STATUSES: [&str; 5] = ["scheduled", "cancelled", "postponed", "rescheduled", "moved_online"];
pub const ROLES: [&str; 6] = ["speaker", "moderator", "host", "keynote", "panelist", "facilitator"];
pub const REGISTRATION_STATUSES: [&str; 3] = ["open", "closed", "full"];
pub const QUESTION_KINDS: [&str; 3] = ["text", "choice", "checkbox"];
pub const SERIES_KINDS: [&str; 2] = ["series", "sessions"];

/// Years outside this range are surely typos, and keep date arithmetic safe.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// Why the document as a whole cannot be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedError {
    TooLarge {
        bytes: usize,
    },
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON, but not shaped like a feed (e.g. `events` is not an array).
    NotAFeed {
        path: String,
    },
    UnsupportedVersion {
        found: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The whole event was left out.
    Skipped,
    /// Only the offending part was left out; the event is shown.
    Ignored,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedIssue {
    /// JSON path, e.g. `events[3].timeZone`.
    pub path: String,
    pub severity: Severity,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Missing {
        field: &'static str,
    },
    /// A value of the wrong JSON type or an unknown enum value.
    WrongType,
    Empty,
    BadId,
    DuplicateId {
        id: String,
    },
    BadDate {
        value: String,
    },
    UnknownZone {
        zone: String,
    },
    /// A wall-clock time with no zone to place it.
    NoZone,
    EndBeforeStart,
    UnknownReference {
        kind: &'static str,
        id: String,
    },
    BadUrl {
        value: String,
    },
    BadLanguage {
        value: String,
    },
    BadColour {
        value: String,
    },
}

/// Parses and validates a feed. `rules` decides which zones exist and places
/// wall-clock times; `Severity::Skipped` issues count the events left out.
pub fn parse(input: &[u8], rules: &dyn ZoneRules) -> Result<(Feed, Vec<FeedIssue>), FeedError> {
    if input.len() > MAX_FEED_BYTES {
        return Err(FeedError::TooLarge { bytes: input.len() });
    }
    let source = std::str::from_utf8(input).map_err(|_| FeedError::NotJson { line: 0, column: 0 })?;
    // A byte order mark, as Windows' Notepad saves UTF-8, is not part of the JSON.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    // One pass checks the syntax and splits the top-level object.
    let top = json::split_object(source)
        .map_err(|e| {
            let (line, column) = e.line_column(source);
            FeedError::NotJson { line, column }
        })?
        .ok_or(FeedError::NotAFeed { path: String::new() })?;
    let member = |key: &str| top.iter().rev().find(|m| m.key == key).filter(|m| m.raw != "null");
    match member("version").map(|m| m.raw) {
        Some("1") => {}
        other => return Err(FeedError::UnsupportedVersion { found: other.unwrap_or("none").to_owned() }),
    }
    let not_a_feed = |path: &str| FeedError::NotAFeed { path: path.to_owned() };
    // The lists stay unparsed raw JSON per entry, so a large feed is never held
    // twice, and one bad entry costs only itself.
    let list = |key: &str| -> Result<Vec<&str>, FeedError> {
        member(key).map_or(Ok(Vec::new()), |m| m.items.clone().ok_or_else(|| not_a_feed(key)))
    };
    let Some(events_member) = member("events") else {
        return Err(not_a_feed("events"));
    };
    let raw_events: &[&str] = events_member.items.as_deref().ok_or_else(|| not_a_feed("events"))?;
    let name = match member("name").map(|m| m.raw) {
        None => Text::default(),
        Some(raw) => json::parse(raw).ok().and_then(|j| text(&j).ok()).ok_or_else(|| not_a_feed("name"))?,
    };

    let mut issues = Vec::new();
    let mut themes: Vec<Theme> = entries(list("themes")?, "themes", theme, &mut issues);
    for (index, theme) in themes.iter_mut().enumerate() {
        let (light, dark) = theme_colours(theme.colour.as_deref().and_then(Rgb::parse), index);
        theme.shades = (light.hex(), dark.hex());
    }
    let organizations: Vec<Organization> = entries(list("organizations")?, "organizations", organization, &mut issues);
    let series: Vec<Series> = entries(list("series")?, "series", one_series, &mut issues);
    let sources: Vec<Source> = entries(list("sources")?, "sources", one_source, &mut issues);
    let known = Known {
        themes: themes.iter().map(|t| t.id.as_str()).collect(),
        organizations: organizations.iter().map(|o| o.id.as_str()).collect(),
        series: series.iter().map(|s| s.id.as_str()).collect(),
        sources: sources.iter().map(|s| s.id.as_str()).collect(),
    };

    let mut seen_ids = HashSet::new();
    let mut events = Vec::with_capacity(raw_events.len());
    for (idx, raw) in raw_events.iter().enumerate() {
        let mut check = Check { index: idx, issues: Vec::new(), fatal: false };
        // serde would read a struct from an array too; an event must be an object.
        if !raw.starts_with('{') {
            check.skip("", Problem::WrongType);
            issues.append(&mut check.issues);
            continue;
        }
        let wire: WireEvent = match read_at(raw, wire_event) {
            Ok(w) => w,
            Err(path) => {
                check.skip(&path, Problem::WrongType);
                issues.append(&mut check.issues);
                continue;
            }
        };
        let event = check.event(wire, rules, &known);
        if let Some(event) = event.filter(|_| !check.fatal) {
            if !seen_ids.insert(event.id.clone()) {
                check.skip("id", Problem::DuplicateId { id: event.id.clone() });
            } else {
                events.push(event);
            }
        }
        issues.append(&mut check.issues);
    }
    crate::order::sort_by_key_then(&mut events, Event::start, |a, b| a.id.cmp(&b.id));
    Ok((Feed { name, themes, organizations, series, sources, events }, issues))
}

/// How many events were left out.
pub fn skipped_count(issues: &[FeedIssue]) -> usize {
    // One Skipped issue per skipped event: `Check::skip` marks the event fatal,
    // and later fatal problems of the same event are reported as Skipped too,
    // so count distinct event indices.
    let mut events: Vec<&str> =
        issues.iter().filter(|i| i.severity == Severity::Skipped).map(|i| event_prefix(&i.path)).collect();
    events.dedup();
    events.len()
}

fn event_prefix(path: &str) -> &str {
    path.find(']').map_or(path, |end| &path[..=end])
}

/// An event as written. Everything is optional here so that a missing field is
/// reported as `Problem::Missing` with its name, not as a type error.
#[derive(Default)]
/// Text kept as `Cow`s is only checked or parsed, or trimmed before it is kept.
struct WireEvent<'a> {
    id: Option<Cow<'a, str>>,
    title: Option<Text>,
    summary: Option<Text>,
    description: Option<Text>,
    start: Option<Cow<'a, str>>,
    end: Option<Cow<'a, str>>,
    time_zone: Option<Cow<'a, str>>,
    all_day: Option<bool>,
    languages: Option<Vec<String>>,
    format: Option<Format>,
    venue: Option<Venue>,
    online_url: Option<Cow<'a, str>>,
    themes: Option<Vec<String>>,
    organizers: Option<Vec<String>>,
    partners: Option<Vec<String>>,
    people: Option<Vec<Person>>,
    agenda: Option<Vec<AgendaItem>>,
    audience: Option<Vec<Text>>,
    series: Option<String>,
    session: Option<u32>,
    registration: Option<WireRegistration>,
    recording_url: Option<Cow<'a, str>>,
    url: Option<Cow<'a, str>>,
    status: Option<EventStatus>,
    approximate: Option<Vec<String>>,
    source: Option<String>,
    also_in: Option<Vec<String>>,
}

struct WireRegistration {
    opens: Option<String>,
    closes: Option<String>,
    capacity: Option<u32>,
    taken: Option<u32>,
    status: Option<RegistrationStatus>,
    url: Option<String>,
    free: Option<bool>,
    questions: Option<Vec<Question>>,
    waitlist: Option<bool>,
}

trait HasId {
    fn id(&self) -> &str;
    /// The entry's link, which must be http(s) like an event's.
    fn url(&mut self) -> Option<&mut Option<String>> {
        None
    }
    /// The entry's colour, which must be `#rgb` or `#rrggbb`.
    fn colour(&mut self) -> Option<&mut Option<String>> {
        None
    }
}
impl HasId for Theme {
    fn id(&self) -> &str {
        &self.id
    }
    fn colour(&mut self) -> Option<&mut Option<String>> {
        Some(&mut self.colour)
    }
}
impl HasId for Organization {
    fn id(&self) -> &str {
        &self.id
    }
    fn url(&mut self) -> Option<&mut Option<String>> {
        Some(&mut self.url)
    }
}
impl HasId for Series {
    fn id(&self) -> &str {
        &self.id
    }
    fn url(&mut self) -> Option<&mut Option<String>> {
        Some(&mut self.url)
    }
}
impl HasId for Source {
    fn id(&self) -> &str {
        &self.id
    }
}

/// Parses a feed-level list (themes, organizations, series), leaving out and
/// reporting the entries that do not parse or repeat an id.
fn entries<T: HasId>(raw: Vec<&str>, name: &str, read: fn(&Json) -> Read<T>, issues: &mut Vec<FeedIssue>) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for (idx, raw) in raw.iter().enumerate() {
        let base = format!("{name}[{idx}]");
        match read_at(raw, read) {
            Err(path) => issues.push(FeedIssue {
                path: join(&base, &path),
                severity: Severity::Ignored,
                problem: Problem::WrongType,
            }),
            Ok(entry) if out.iter().any(|o| o.id() == entry.id()) => issues.push(FeedIssue {
                path: format!("{base}.id"),
                severity: Severity::Ignored,
                problem: Problem::DuplicateId { id: entry.id().to_owned() },
            }),
            Ok(mut entry) => {
                if let Some(url) = entry.url() {
                    match url.take() {
                        Some(u) if is_http_url(&u) => *url = Some(u.trim().to_owned()),
                        Some(u) => issues.push(FeedIssue {
                            path: format!("{base}.url"),
                            severity: Severity::Ignored,
                            problem: Problem::BadUrl { value: u },
                        }),
                        None => {}
                    }
                }
                if let Some(colour) = entry.colour() {
                    match colour.take().map(|c| (Rgb::parse(&c), c)) {
                        Some((Some(rgb), _)) => *colour = Some(rgb.hex()),
                        Some((None, value)) => issues.push(FeedIssue {
                            path: format!("{base}.color"),
                            severity: Severity::Ignored,
                            problem: Problem::BadColour { value },
                        }),
                        None => {}
                    }
                }
                out.push(entry)
            }
        }
    }
    out
}

struct Known<'a> {
    themes: HashSet<&'a str>,
    organizations: HashSet<&'a str>,
    series: HashSet<&'a str>,
    sources: HashSet<&'a str>,
}

/// Collects the issues of one event.
struct Check {
    /// The event's index in `events` (its path is made only for an issue).
    index: usize,
    issues: Vec<FeedIssue>,
    fatal: bool,
}

impl Check {
    fn skip(&mut self, field: &str, problem: Problem) {
        self.fatal = true;
        self.report(field, Severity::Skipped, problem);
    }
    fn ignore(&mut self, field: &str, problem: Problem) {
        self.report(field, Severity::Ignored, problem);
    }
    fn report(&mut self, field: &str, severity: Severity, problem: Problem) {
        let base = format!("events[{}]", self.index);
        self.issues.push(FeedIssue { path: join(&base, field), severity, problem });
    }

    fn event(&mut self, w: WireEvent<'_>, rules: &dyn ZoneRules, known: &Known) -> Option<Event> {
        let id = match w.id.map(|s| s.trim().to_owned()) {
            None => {
                self.skip("id", Problem::Missing { field: "id" });
                String::new()
            }
            Some(id) if !is_valid_id(&id) => {
                self.skip("id", Problem::BadId);
                id
            }
            Some(id) => id,
        };
        let title = w.title.unwrap_or_default();
        if title.is_blank() {
            self.skip("title", Problem::Missing { field: "title" });
        }
        let zone = w.time_zone.filter(|z| {
            let known = rules.is_known(z);
            if !known {
                self.skip("timeZone", Problem::UnknownZone { zone: z.to_string() });
            }
            known
        });
        let when = self.when(w.start, w.end, w.all_day.unwrap_or(false), zone.as_deref(), rules);
        let format = w.format.or_else(|| {
            self.skip("format", Problem::Missing { field: "format" });
            None
        });
        let languages = w
            .languages
            .unwrap_or_default()
            .into_iter()
            .enumerate()
            .filter(|(i, tag)| {
                let ok = is_language_tag(tag);
                if !ok {
                    self.ignore(&format!("languages[{i}]"), Problem::BadLanguage { value: tag.clone() });
                }
                ok
            })
            .map(|(_, t)| t)
            .collect();
        let registration = w.registration.map(|r| Registration {
            opens: r
                .opens
                .and_then(|s| self.instant(Severity::Ignored, "registration.opens", &s, zone.as_deref(), rules)),
            closes: r
                .closes
                .and_then(|s| self.instant(Severity::Ignored, "registration.closes", &s, zone.as_deref(), rules)),
            capacity: r.capacity,
            taken: r.taken,
            status: r.status,
            url: self.http_url("registration.url", r.url.map(Cow::Owned)),
            free: r.free,
            questions: r.questions.unwrap_or_default(),
            waitlist: r.waitlist.unwrap_or(false),
        });
        let event = Event {
            id,
            title,
            summary: w.summary.unwrap_or_default(),
            description: w.description.unwrap_or_default(),
            when: when?,
            zone: zone.map(Cow::into_owned),
            languages,
            format: format?,
            venue: w.venue,
            online_url: self.http_url("onlineUrl", w.online_url),
            themes: self.references("themes", "theme", w.themes, &known.themes),
            organizers: self.references("organizers", "organization", w.organizers, &known.organizations),
            partners: self.references("partners", "organization", w.partners, &known.organizations),
            people: w.people.unwrap_or_default(),
            agenda: w.agenda.unwrap_or_default(),
            audience: w.audience.unwrap_or_default(),
            series: self.reference("series", "series", w.series, &known.series),
            session: w.session,
            registration,
            recording_url: self.http_url("recordingUrl", w.recording_url),
            url: self.http_url("url", w.url),
            status: w.status.unwrap_or_default(),
            approximate: w.approximate.unwrap_or_default(),
            source: self.reference("source", "source", w.source, &known.sources),
            also_in: self.references("alsoIn", "source", w.also_in, &known.sources),
        };
        Some(event)
    }

    fn when(
        &mut self,
        start: Option<Cow<'_, str>>,
        end: Option<Cow<'_, str>>,
        all_day: bool,
        zone: Option<&str>,
        rules: &dyn ZoneRules,
    ) -> Option<When> {
        let Some(start) = start else {
            self.skip("start", Problem::Missing { field: "start" });
            return None;
        };
        if all_day {
            let first = self.date("start", &start)?;
            let last = match end {
                None => first,
                Some(end) => self.date("end", &end)?,
            };
            if last < first {
                self.skip("end", Problem::EndBeforeStart);
                return None;
            }
            return Some(When::AllDay { first, last });
        }
        let Some(end) = end else {
            self.skip("end", Problem::Missing { field: "end" });
            return None;
        };
        let start = self.instant(Severity::Skipped, "start", &start, zone, rules);
        let end = self.instant(Severity::Skipped, "end", &end, zone, rules);
        let (start, end) = (start?, end?);
        if end < start {
            self.skip("end", Problem::EndBeforeStart);
            return None;
        }
        Some(When::Timed { start, end })
    }

    fn date(&mut self, field: &str, value: &str) -> Option<NaiveDate> {
        let date = parse_date(value);
        if date.is_none() {
            self.skip(field, Problem::BadDate { value: value.to_owned() });
        }
        date
    }

    /// An RFC 3339 instant, or a wall-clock time in `zone`. A problem skips
    /// the event, or for optional facts (`Severity::Ignored`) only drops the fact.
    fn instant(
        &mut self,
        severity: Severity,
        field: &str,
        value: &str,
        zone: Option<&str>,
        rules: &dyn ZoneRules,
    ) -> Option<DateTime<Utc>> {
        match read_instant(value, zone, rules) {
            Ok(t) => Some(t),
            Err(problem) if severity == Severity::Skipped => {
                self.skip(field, problem);
                None
            }
            Err(problem) => {
                self.ignore(field, problem);
                None
            }
        }
    }

    /// Keeps http(s) URLs only: anything else (`javascript:`, `data:`) is dropped.
    fn http_url(&mut self, field: &str, url: Option<Cow<'_, str>>) -> Option<String> {
        let url = url?;
        if is_http_url(&url) {
            Some(url.trim().to_owned())
        } else {
            self.ignore(field, Problem::BadUrl { value: url.into_owned() });
            None
        }
    }

    /// One declared id, or nothing (reported) when it is not declared.
    fn reference(
        &mut self,
        field: &str,
        kind: &'static str,
        id: Option<String>,
        known: &HashSet<&str>,
    ) -> Option<String> {
        let id = id?;
        if known.contains(id.as_str()) {
            return Some(id);
        }
        self.ignore(field, Problem::UnknownReference { kind, id });
        None
    }

    fn references(
        &mut self,
        field: &str,
        kind: &'static str,
        ids: Option<Vec<String>>,
        known: &HashSet<&str>,
    ) -> Vec<String> {
        let mut kept = Vec::new();
        for (i, id) in ids.unwrap_or_default().into_iter().enumerate() {
            if known.contains(id.as_str()) {
                kept.push(id);
            } else {
                self.ignore(&format!("{field}[{i}]"), Problem::UnknownReference { kind, id });
            }
        }
        kept
    }
}

fn read_instant(value: &str, zone: Option<&str>, rules: &dyn ZoneRules) -> Result<DateTime<Utc>, Problem> {
    let bad = || Problem::BadDate { value: value.to_owned() };
    let (local, offset) = parse_date_time(value).filter(|(t, _)| in_years(&t.date())).ok_or_else(bad)?;
    if let Some(offset) = offset {
        return Ok(local.and_utc() - chrono::Duration::seconds(offset.into()));
    }
    let zone = zone.ok_or(Problem::NoZone)?;
    resolve_local(rules, zone, local).map(|(t, _)| t).ok_or_else(|| Problem::UnknownZone { zone: zone.to_owned() })
}

/// A `YYYY-MM-DD` date within the years a feed may use.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    date_part(value.as_bytes()).filter(in_years)
}

/// The feed's date-time syntax (the schema's `dateTime` pattern):
/// `YYYY-MM-DDTHH:MM`, then optionally `:SS` with a fraction, then optionally
/// `Z` or `±HH:MM`, whose offset (seconds east of UTC) is returned. Written
/// by hand: chrono's format-string parser was the slowest step of reading a
/// large feed, and a tenth of its code size.
pub fn parse_date_time(value: &str) -> Option<(NaiveDateTime, Option<i32>)> {
    let s = value.as_bytes();
    if s.len() < 16 || s[10] != b'T' || s[13] != b':' {
        return None;
    }
    let date = date_part(&s[..10])?;
    let (hour, minute) = (digits(&s[11..13])?, digits(&s[14..16])?);
    let mut rest = &s[16..];
    let (mut second, mut nanos) = (0, 0);
    if let [b':', a, b, tail @ ..] = rest {
        second = digits(&[*a, *b])?;
        rest = tail;
        if let [b'.', tail @ ..] = rest {
            let n = tail.iter().take_while(|b| b.is_ascii_digit()).count();
            if n == 0 {
                return None;
            }
            // Nanoseconds: the first nine digits, padded.
            nanos = tail[..n]
                .iter()
                .chain(std::iter::repeat(&b'0'))
                .take(9)
                .try_fold(0, |v, &d| Some(v * 10 + u32::from(d - b'0')))?;
            rest = &tail[n..];
        }
    }
    let offset = match rest {
        [] => None,
        [b'Z' | b'z'] => Some(0),
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let (h, m) = (digits(&[*h1, *h2])?, digits(&[*m1, *m2])?);
            if h > 23 || m > 59 {
                return None;
            }
            let secs = (h * 3600 + m * 60) as i32;
            Some(if *sign == b'-' { -secs } else { secs })
        }
        _ => return None,
    };
    let time = chrono::NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    Some((date.and_time(time), offset))
}

/// `YYYY-MM-DD` exactly.
fn date_part(s: &[u8]) -> Option<NaiveDate> {
    if s.len() != 10 || s[4] != b'-' || s[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(&s[..4])? as i32, digits(&s[5..7])?, digits(&s[8..10])?)
}

/// A run of ASCII digits as a number; `None` if any byte is not a digit.
fn digits(s: &[u8]) -> Option<u32> {
    s.iter().try_fold(0u32, |n, &b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))
}

fn in_years(d: &NaiveDate) -> bool {
    use chrono::Datelike;
    YEARS.contains(&d.year())
}

pub fn is_http_url(url: &str) -> bool {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return false;
    };
    !rest.is_empty() && !rest.starts_with('/') && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// A plausible BCP 47 tag: a 2–3 letter language, then alphanumeric subtags.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Reads `json` with `read`; on failure, the path of the offending value in
/// our notation (`registration.capacity`, `people[2].name`). When the JSON
/// itself cannot be read (nesting too deep), the path is found by [`path_at`]
/// from the error's position.
fn read_at<'a, T>(json: &'a str, read: fn(&Json<'a>) -> Read<T>) -> Result<T, String> {
    match json::parse(json) {
        Ok(value) => read(&value).map_err(|WrongType(path)| path),
        Err(e) => Err(path_at(json, e.offset + 1)),
    }
}

// Readers of the wire format: one per type, field names as in feed v1.
// A missing required field is a wrong type at that field.

fn required<'a, T>(j: &Json<'a>, key: &str, read: impl FnOnce(&Json<'a>) -> Read<T>) -> Read<T> {
    j.field(key, read)?.ok_or_else(|| WrongType(key.to_owned()))
}

pub(crate) fn text(j: &Json) -> Read<Text> {
    match j {
        Json::Str(s) => Ok(Text(vec![(String::new(), s.clone().into_owned())])),
        Json::Object(members) => members
            .iter()
            .map(|(lang, v)| Ok((lang.clone().into_owned(), v.string().map_err(|_| WrongType(lang.to_string()))?)))
            .collect::<Read<Vec<_>>>()
            .map(Text),
        _ => Err(WrongType(String::new())),
    }
}

fn strings(j: &Json) -> Read<Vec<String>> {
    j.array(Json::string)
}

fn texts(j: &Json) -> Read<Vec<Text>> {
    j.array(text)
}

fn theme(j: &Json) -> Read<Theme> {
    Ok(Theme {
        id: required(j, "id", Json::string)?,
        label: required(j, "label", text)?,
        colour: j.field("color", Json::string)?,
        shades: Default::default(),
    })
}

fn organization(j: &Json) -> Read<Organization> {
    Ok(Organization {
        id: required(j, "id", Json::string)?,
        name: required(j, "name", text)?,
        url: j.field("url", Json::string)?,
        city: j.field("city", Json::string)?,
        country: j.field("country", Json::string)?,
    })
}

fn one_series(j: &Json) -> Read<Series> {
    let kind = j.field("kind", |k| k.one_of(&SERIES_KINDS))?;
    Ok(Series {
        id: required(j, "id", Json::string)?,
        title: required(j, "title", text)?,
        kind: if kind == Some(1) { SeriesKind::Sessions } else { SeriesKind::Series },
        url: j.field("url", Json::string)?,
    })
}

fn one_source(j: &Json) -> Read<Source> {
    Ok(Source { id: required(j, "id", Json::string)?, name: required(j, "name", text)? })
}

fn format(j: &Json) -> Read<Format> {
    Ok([Format::Online, Format::InPerson, Format::Hybrid][j.one_of(&FORMATS)?])
}

fn event_status(j: &Json) -> Read<EventStatus> {
    use EventStatus::*;
    Ok([Scheduled, Cancelled, Postponed, Rescheduled, MovedOnline][j.one_of(&EVENT_STATUSES)?])
}

fn venue(j: &Json) -> Read<Venue> {
    Ok(Venue {
        name: j.field("name", text)?.unwrap_or_default(),
        address: j.field("address", Json::string)?,
        city: j.field("city", Json::string)?,
        country: j.field("country", Json::string)?,
    })
}

fn person(j: &Json) -> Read<Person> {
    use Role::*;
    let role = j.field("role", |r| r.one_of(&ROLES))?;
    Ok(Person {
        name: required(j, "name", Json::string)?,
        role: role.map_or(Speaker, |i| [Speaker, Moderator, Host, Keynote, Panelist, Facilitator][i]),
        position: j.field("position", text)?.unwrap_or_default(),
        organization: j.field("organization", Json::string)?,
        country: j.field("country", Json::string)?,
    })
}

fn agenda_item(j: &Json) -> Read<AgendaItem> {
    Ok(AgendaItem { title: required(j, "title", text)?, minutes: j.field("minutes", Json::uint)? })
}

fn question(j: &Json) -> Read<Question> {
    use QuestionKind::*;
    let kind = j.field("kind", |k| k.one_of(&QUESTION_KINDS))?;
    let option =
        |o: &Json| Ok(QuestionOption { id: required(o, "id", Json::string)?, label: required(o, "label", text)? });
    Ok(Question {
        id: required(j, "id", Json::string)?,
        label: required(j, "label", text)?,
        kind: kind.map_or(Text, |i| [Text, Choice, Checkbox][i]),
        required: j.field("required", Json::boolean)?.unwrap_or(false),
        options: j.field("options", |o| o.array(option))?.unwrap_or_default(),
    })
}

fn wire_registration(j: &Json) -> Read<WireRegistration> {
    let status = j.field("status", |s| s.one_of(&REGISTRATION_STATUSES))?;
    Ok(WireRegistration {
        opens: j.field("opens", Json::string)?,
        closes: j.field("closes", Json::string)?,
        capacity: j.field("capacity", Json::uint)?,
        taken: j.field("taken", Json::uint)?,
        status: status.map(|i| [RegistrationStatus::Open, RegistrationStatus::Closed, RegistrationStatus::Full][i]),
        url: j.field("url", Json::string)?,
        free: j.field("free", Json::boolean)?,
        questions: j.field("questions", |q| q.array(question))?,
        waitlist: j.field("waitlist", Json::boolean)?,
    })
}

/// One pass over the event's members: with 25 fields, looking each up by
/// name made reading a 10,000-event feed a third slower.
fn wire_event<'a>(j: &Json<'a>) -> Read<WireEvent<'a>> {
    let Json::Object(members) = j else { return Err(WrongType(String::new())) };
    let mut w = WireEvent::default();
    for (key, value) in members {
        if matches!(value, Json::Null) {
            continue;
        }
        let at = |e: WrongType| e.under(key);
        match key.as_ref() {
            "id" => w.id = Some(value.str().map_err(at)?),
            "title" => w.title = Some(text(value).map_err(at)?),
            "summary" => w.summary = Some(text(value).map_err(at)?),
            "description" => w.description = Some(text(value).map_err(at)?),
            "start" => w.start = Some(value.str().map_err(at)?),
            "end" => w.end = Some(value.str().map_err(at)?),
            "timeZone" => w.time_zone = Some(value.str().map_err(at)?),
            "allDay" => w.all_day = Some(value.boolean().map_err(at)?),
            "languages" => w.languages = Some(strings(value).map_err(at)?),
            "format" => w.format = Some(format(value).map_err(at)?),
            "venue" => w.venue = Some(venue(value).map_err(at)?),
            "onlineUrl" => w.online_url = Some(value.str().map_err(at)?),
            "themes" => w.themes = Some(strings(value).map_err(at)?),
            "organizers" => w.organizers = Some(strings(value).map_err(at)?),
            "partners" => w.partners = Some(strings(value).map_err(at)?),
            "people" => w.people = Some(value.array(person).map_err(at)?),
            "agenda" => w.agenda = Some(value.array(agenda_item).map_err(at)?),
            "audience" => w.audience = Some(texts(value).map_err(at)?),
            "series" => w.series = Some(value.string().map_err(at)?),
            "session" => w.session = Some(value.uint().map_err(at)?),
            "registration" => w.registration = Some(wire_registration(value).map_err(at)?),
            "recordingUrl" => w.recording_url = Some(value.str().map_err(at)?),
            "url" => w.url = Some(value.str().map_err(at)?),
            "status" => w.status = Some(event_status(value).map_err(at)?),
            "approximate" => w.approximate = Some(strings(value).map_err(at)?),
            "source" => w.source = Some(value.string().map_err(at)?),
            "alsoIn" => w.also_in = Some(strings(value).map_err(at)?),
            _ => {} // unknown fields are for later versions
        }
    }
    Ok(w)
}

/// The path of the value being read at byte `offset` of `json`: the keys of
/// the objects and the indexes of the arrays still open there.
fn path_at(json: &str, offset: usize) -> String {
    enum Open<'a> {
        Object(Option<&'a str>),
        Array(usize),
    }
    let bytes = json.as_bytes();
    let end = offset.min(bytes.len());
    let mut open: Vec<Open> = Vec::new();
    let mut expecting_key = false;
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => {
                open.push(Open::Object(None));
                expecting_key = true;
            }
            b'[' => {
                open.push(Open::Array(0));
                expecting_key = false;
            }
            b'}' | b']' => {
                open.pop();
                expecting_key = false;
            }
            b',' => match open.last_mut() {
                Some(Open::Array(n)) => *n += 1,
                Some(Open::Object(key)) => {
                    *key = None;
                    expecting_key = true;
                }
                None => {}
            },
            b':' => expecting_key = false,
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if let (true, Some(Open::Object(key))) = (expecting_key, open.last_mut()) {
                    *key = json.get(start..i.min(bytes.len()));
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut out = String::new();
    for step in &open {
        match step {
            Open::Object(Some(key)) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Open::Object(None) => {}
            Open::Array(n) => out.push_str(&format!("[{n}]")),
        }
    }
    out
}

fn join(base: &str, field: &str) -> String {
    match field {
        "" | "?" => base.to_owned(),
        f if f.starts_with('[') => format!("{base}{f}"),
        f => format!("{base}.{f}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tzdb::Tzdb;

    /// The hand-written reader accepts what the schema's pattern accepts and
    /// agrees with chrono's RFC 3339 parser on the instant.
    #[test]
    fn date_times_read_like_the_schema_says() {
        let instant =
            |v: &str| parse_date_time(v).map(|(t, o)| t.and_utc() - chrono::Duration::seconds(o.unwrap().into()));
        for v in [
            "2026-12-03T16:00:00Z",
            "2026-12-03T16:00:00+02:00",
            "2026-12-03T16:00:00.250-05:30",
            "2026-02-28T23:59:59z",
        ] {
            assert_eq!(instant(v), Some(DateTime::parse_from_rfc3339(v).unwrap().with_timezone(&Utc)), "{v}");
        }
        assert_eq!(instant("2026-12-03T16:00Z"), instant("2026-12-03T16:00:00Z"));
        let local = parse_date_time("2026-12-03T16:05").unwrap();
        assert_eq!((local.0.to_string(), local.1), ("2026-12-03 16:05:00".to_owned(), None));
        assert_eq!(parse_date_time("2026-12-03T16:05:07.5").unwrap().0.to_string(), "2026-12-03 16:05:07.500");
        for bad in [
            "",
            "2026-12-03",
            "2026-12-03 16:00",
            "2026-13-03T16:00",
            "2026-02-30T16:00",
            "2026-12-03T24:00",
            "2026-12-03T16:60",
            "2026-12-3T16:00",
            "2026-12-03T16:00:00.",
            "2026-12-03T16:00+2:00",
            "2026-12-03T16:00+24:00",
            "2026-12-03T16:00Zjunk",
            "+2026-12-03T16:00",
            "２026-12-03T16:00",
            "2026-12-03T16:0٣",
        ] {
            assert_eq!(parse_date_time(bad), None, "{bad}");
        }
        assert_eq!(parse_date("2026-12-03"), NaiveDate::from_ymd_opt(2026, 12, 3));
        for bad in ["2026-12-3", "2026/12/03", "2026-12-03T", "20261203", "1066-10-14"] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    /// Where a type error is, from the reader's position alone.
    #[test]
    fn type_errors_name_their_path() {
        fn doc(j: &Json) -> Read<()> {
            required(j, "title", Json::string)?;
            required(j, "people", |p| p.array(|person| required(person, "name", Json::string)))?;
            j.field("nested", |n| n.array(|row| row.array(Json::uint)))?;
            Ok(())
        }
        let err = |json: &str| read_at(json, doc).unwrap_err();
        assert_eq!(err(r#"{"title": 5, "people": []}"#), "title");
        assert_eq!(err(r#"{"title": "a \" , { [ \\", "people": [{"name": "x"}, {"name": 7}]}"#), "people[1].name");
        assert_eq!(err(r#"{"title": "a", "people": [{"name": "x"}, {}]}"#), "people[1].name");
        assert_eq!(
            err("{\n  \"title\": \"x\",\n  \"people\": [],\n  \"nested\": [[1, 2], [3, \"four\"]]\n}"),
            "nested[1][1]"
        );
        assert_eq!(err(r#"{"title": "x", "people": {"name": "y"}}"#), "people");
        // JSON too deep to read: the path comes from the error's position.
        let deep = format!(r#"{{"title": "x", "people": [{}{}]}}"#, "[".repeat(200), "]".repeat(200));
        assert!(err(&deep).starts_with("people[0]"), "{}", err(&deep));
    }

    fn feed_with(events: &str) -> String {
        format!(
            r#"{{"version": 1,
                "themes": [{{"id": "innovation", "label": {{"en": "Innovation"}}}}],
                "organizations": [{{"id": "uiu", "name": "Urban Innovation Unit"}}],
                "events": [{events}]}}"#
        )
    }

    const GOOD: &str = r#"{"id": "a", "title": {"en": "A"}, "start": "2020-12-04T16:00", "end": "2020-12-04T18:00",
        "timeZone": "Europe/Bucharest", "format": "online", "themes": ["innovation"]}"#;

    fn check(events: &str) -> (Vec<String>, Vec<(String, Severity, Problem)>) {
        let (feed, issues) = parse(feed_with(events).as_bytes(), &Tzdb).expect("feed parses");
        (
            feed.events.iter().map(|e| e.id.clone()).collect(),
            issues.into_iter().map(|i| (i.path, i.severity, i.problem)).collect(),
        )
    }

    #[test]
    fn good_event_is_placed_in_time() {
        let (feed, issues) = parse(feed_with(GOOD).as_bytes(), &Tzdb).unwrap();
        assert!(issues.is_empty(), "{issues:?}");
        let start: DateTime<Utc> = "2020-12-04T14:00:00Z".parse().unwrap();
        assert_eq!(feed.events[0].when, When::Timed { start, end: start + chrono::Duration::hours(2) });
    }

    #[test]
    fn each_bad_event_is_skipped_with_its_path_and_the_good_ones_kept() {
        let bad = [
            (
                r#"{"id": "b", "title": {"en": "B"}, "start": "2020-12-04T16:00", "end": "2020-12-04T18:00", "timeZone": "Europe/Bucharestt", "format": "online"}"#,
                "events[1].timeZone",
                Problem::UnknownZone { zone: "Europe/Bucharestt".into() },
            ),
            (
                r#"{"id": "b", "title": {"en": "B"}, "start": "2020-12-04T16:00", "end": "2020-12-04T15:00", "timeZone": "Europe/Bucharest", "format": "online"}"#,
                "events[1].end",
                Problem::EndBeforeStart,
            ),
            (
                r#"{"id": "b", "title": {"en": " ", "ro": ""}, "start": "2020-12-04T16:00", "end": "2020-12-04T18:00", "timeZone": "Europe/Bucharest", "format": "online"}"#,
                "events[1].title",
                Problem::Missing { field: "title" },
            ),
            (
                r#"{"id": "b", "title": "B", "start": "2020-02-30T16:00", "end": "2020-12-04T18:00", "timeZone": "Europe/Bucharest", "format": "online"}"#,
                "events[1].start",
                Problem::BadDate { value: "2020-02-30T16:00".into() },
            ),
            (
                r#"{"id": "a", "title": "B", "start": "2020-12-04T16:00", "end": "2020-12-04T18:00", "timeZone": "Europe/Bucharest", "format": "online"}"#,
                "events[1].id",
                Problem::DuplicateId { id: "a".into() },
            ),
            (
                r#"{"id": "b", "title": "B", "start": "2020-12-04T16:00", "end": "2020-12-04T18:00", "format": "online"}"#,
                "events[1].start",
                Problem::NoZone,
            ),
            (
                r#"{"id": "b", "title": "B", "start": "2020-12-04T16:00Z", "end": "2020-12-04T18:00Z", "format": "online", "registration": {"capacity": "ten"}}"#,
                "events[1].registration.capacity",
                Problem::WrongType,
            ),
            (
                r#"{"id": "b", "title": {"en": "B", "es": 5}, "start": "2020-12-04T16:00Z", "end": "2020-12-04T18:00Z", "format": "online"}"#,
                "events[1].title.es",
                Problem::WrongType,
            ),
            (
                r#"{"id": "b", "title": "B", "start": "2020-12-04T16:00Z", "end": "2020-12-04T18:00Z", "format": "online", "people": [{"name": "Ana"}, {"role": "host"}]}"#,
                "events[1].people[1].name",
                Problem::WrongType,
            ),
            (
                r#"{"id": "b", "title": "B", "start": "2020-12-04T16:00Z", "end": "2020-12-04T18:00Z", "format": "online", "session": -1}"#,
                "events[1].session",
                Problem::WrongType,
            ),
            (
                r#"{"id": "b", "title": "B", "start": "2020-12-04T16:00Z", "end": "2020-12-04T18:00Z", "format": "on_mars"}"#,
                "events[1].format",
                Problem::WrongType,
            ),
            (
                r#"{"title": "B", "start": "2020-12-04T16:00Z", "end": "2020-12-04T18:00Z", "format": "online"}"#,
                "events[1].id",
                Problem::Missing { field: "id" },
            ),
            (
                r#"{"id": "b", "title": "B", "start": "12/04/2020", "allDay": true, "format": "online"}"#,
                "events[1].start",
                Problem::BadDate { value: "12/04/2020".into() },
            ),
            (
                r#"{"id": "b", "title": "B", "start": "9999-12-04T16:00Z", "end": "9999-12-04T18:00Z", "format": "online"}"#,
                "events[1].start",
                Problem::BadDate { value: "9999-12-04T16:00Z".into() },
            ),
            (r#"[1, 2]"#, "events[1]", Problem::WrongType),
        ];
        for (event, path, problem) in bad {
            let (ids, issues) = check(&format!("{GOOD}, {event}, {}", GOOD.replace(r#""id": "a""#, r#""id": "c""#)));
            assert_eq!(ids, ["a", "c"], "{event}");
            assert_eq!(issues.first(), Some(&(path.to_owned(), Severity::Skipped, problem)), "{event}");
        }
    }

    #[test]
    fn bad_parts_are_dropped_and_the_event_kept() {
        let event = r#"{"id": "a", "title": "A", "start": "2020-12-04T16:00Z", "end": "2020-12-04T18:00Z", "format": "online",
            "themes": ["innovation", "nope"], "organizers": ["uiu", "ghost"], "onlineUrl": "javascript:alert(1)",
            "recordingUrl": "https://example.org/v", "languages": ["en", "english!"], "series": "missing"}"#;
        let (feed, issues) = parse(feed_with(event).as_bytes(), &Tzdb).unwrap();
        let e = &feed.events[0];
        assert_eq!(e.themes, ["innovation"]);
        assert_eq!(e.organizers, ["uiu"]);
        assert_eq!(e.online_url, None);
        assert_eq!(e.recording_url.as_deref(), Some("https://example.org/v"));
        assert_eq!(e.languages, ["en"]);
        let paths: Vec<_> = issues.iter().map(|i| (i.path.as_str(), i.severity)).collect();
        assert_eq!(
            paths,
            [
                ("events[0].languages[1]", Severity::Ignored),
                ("events[0].onlineUrl", Severity::Ignored),
                ("events[0].themes[1]", Severity::Ignored),
                ("events[0].organizers[1]", Severity::Ignored),
                ("events[0].series", Severity::Ignored),
            ]
        );
        assert_eq!(skipped_count(&issues), 0);
    }

    #[test]
    fn whole_document_failures() {
        assert!(matches!(parse(b"<html>", &Tzdb), Err(FeedError::NotJson { line: 1, column: 1 })));
        assert!(matches!(parse(&[0xff, 0xfe], &Tzdb), Err(FeedError::NotJson { .. })));
        // A byte order mark is read past, and positions count from after it.
        assert!(parse("\u{feff}{\"version\": 1, \"events\": []}".as_bytes(), &Tzdb).is_ok());
        assert!(matches!(parse("\u{feff}{,".as_bytes(), &Tzdb), Err(FeedError::NotJson { line: 1, column: 2 })));
        assert_eq!(
            parse(br#"{"version": 2, "events": []}"#, &Tzdb),
            Err(FeedError::UnsupportedVersion { found: "2".into() })
        );
        assert_eq!(parse(br#"{"events": []}"#, &Tzdb), Err(FeedError::UnsupportedVersion { found: "none".into() }));
        assert_eq!(
            parse(br#"{"version": 1, "events": {}}"#, &Tzdb),
            Err(FeedError::NotAFeed { path: "events".into() })
        );
        assert_eq!(parse(br#"{"version": 1}"#, &Tzdb), Err(FeedError::NotAFeed { path: "events".into() }));
        assert_eq!(parse(br#"[]"#, &Tzdb), Err(FeedError::NotAFeed { path: "".into() }));
        let huge = vec![b' '; MAX_FEED_BYTES + 1];
        assert_eq!(parse(&huge, &Tzdb), Err(FeedError::TooLarge { bytes: MAX_FEED_BYTES + 1 }));
        // Deep nesting is refused, never a stack overflow: as a whole document...
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse(deep.as_bytes(), &Tzdb).is_err());
        // ...and inside one event, which alone is skipped.
        let deep = format!(r#"{GOOD}, {{"id": {}{}}}"#, "[".repeat(100_000), "]".repeat(100_000));
        let (ids, issues) = check(&deep);
        assert_eq!((ids.len(), issues[0].1), (1, Severity::Skipped));
    }

    #[test]
    fn all_day_events_keep_their_dates() {
        let event = r#"{"id": "a", "title": "A", "allDay": true, "start": "2021-03-01", "end": "2022-09-30", "format": "hybrid"}"#;
        let (ids, issues) = check(event);
        assert_eq!((ids.len(), issues.len()), (1, 0));
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let event = GOOD.replace(r#""format""#, r#""futureField": {"x": [1]}, "format""#);
        let (ids, issues) = check(&event);
        assert_eq!((ids.len(), issues.len()), (1, 0));
    }

    #[test]
    fn organization_and_series_links_must_be_http() {
        let doc = r#"{"version": 1, "events": [],
            "organizations": [{"id": "a", "name": "A", "url": "javascript:alert(1)"}, {"id": "b", "name": "B", "url": " https://b.eu "}],
            "series": [{"id": "s", "title": "S", "url": "data:text/html,x"}]}"#;
        let (feed, issues) = parse(doc.as_bytes(), &Tzdb).unwrap();
        assert_eq!(feed.organizations[0].url, None);
        assert_eq!(feed.organizations[1].url.as_deref(), Some("https://b.eu"));
        assert_eq!(feed.series[0].url, None);
        let paths: Vec<_> = issues.iter().map(|i| (i.path.as_str(), i.severity, i.problem.clone())).collect();
        assert_eq!(
            paths,
            [
                ("organizations[0].url", Severity::Ignored, Problem::BadUrl { value: "javascript:alert(1)".into() }),
                ("series[0].url", Severity::Ignored, Problem::BadUrl { value: "data:text/html,x".into() }),
            ]
        );
    }

    #[test]
    fn a_theme_colour_is_hex_or_left_out() {
        let doc = r##"{"version": 1, "events": [], "themes": [
            {"id": "a", "label": "A", "color": "#0F766E"}, {"id": "b", "label": "B", "color": "#abc"},
            {"id": "c", "label": "C", "color": "teal"}, {"id": "d", "label": "D"}, {"id": "e", "label": "E", "color": 7}]}"##;
        let (feed, issues) = parse(doc.as_bytes(), &Tzdb).unwrap();
        let colours: Vec<_> = feed.themes.iter().map(|t| (t.id.as_str(), t.colour.as_deref())).collect();
        // A colour of the wrong type drops its theme, as any wrong type does; a bad text only the colour.
        assert_eq!(colours, [("a", Some("#0f766e")), ("b", Some("#aabbcc")), ("c", None), ("d", None)]);
        let paths: Vec<_> = issues.iter().map(|i| (i.path.as_str(), i.severity, i.problem.clone())).collect();
        assert_eq!(
            paths,
            [
                ("themes[2].color", Severity::Ignored, Problem::BadColour { value: "teal".into() }),
                ("themes[4].color", Severity::Ignored, Problem::WrongType),
            ]
        );
    }

    #[test]
    fn urls() {
        for ok in ["https://urbact.eu/x", "HTTP://example.org", " https://a.b/c?d=e "] {
            assert!(is_http_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "https://",
            "https:///x",
            "ftp://a",
            "//a.b",
            "https://a b",
            "ﬀ",
        ] {
            assert!(!is_http_url(bad), "{bad}");
        }
    }
}
