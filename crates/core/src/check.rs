//! The feed check for organizers (`citycal check`, `docs/feed-check.md`):
//! every problem a publisher should fix in a feed, each with the event's id
//! and title, its JSON path, a machine-readable [`Code`] with the data to
//! word it, and a [`Severity`].
//!
//! It builds on the app's reader, [`validate::parse`]: the reader's
//! [`Problem`]s are this check's errors (what the app leaves out), made more
//! precise from the raw JSON (an unknown value with the allowed ones instead
//! of a wrong type, a date without a time with the `allDay` fix, the nearest
//! zone names...). An event the reader skips at its first wrong type is read
//! again without that member, so one run lists all of its problems. On top,
//! the checks the app does not need (warnings: shown, but probably wrong):
//! HTML in text, country names instead of codes, times in a daylight-saving
//! gap, events of no length or over [`MAX_TIMED_DAYS`], past events whose
//! registration still says open.
//!
//! Organizers only: the app never calls this module, so none of it is in
//! the app's wasm. Pure like the rest of core: zones through [`ZoneRules`]
//! and a list of known zone names (natively `tzdb::zone_names`, in a browser
//! `Intl.supportedValuesOf("timeZone")`), "now" as an argument.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveDateTime, Timelike, Utc};
use serde::Serialize;

use crate::feed::{EventStatus, Feed, RegistrationStatus, Text, When};
use crate::i18n::{msg, Arg, Lang, Localizer};
use crate::ical::IssueCode;
use crate::json::{self, Json, Member};
use crate::registration::{self, Phase, COUNTRY_CODES};
use crate::time::{resolve_local, Resolution, ZoneRules};
use crate::validate::{self, FeedError, FeedIssue, Problem, MAX_FEED_BYTES};
use crate::zone_search::nearest;
pub use crate::zone_search::nearest_zones;

/// Timed events longer than this many days are reported ([`Code::TooLong`]):
/// a conference lasts days, not weeks, so a longer one is usually a wrong
/// end (month or year). Whole-day events are never reported: a project's
/// period ("March 2021 – September 2022") is written as one; a run of
/// meetings is a `sessions` series of separate events.
pub const MAX_TIMED_DAYS: i64 = 14;

/// How many times an event the reader skipped at a wrong type is read again
/// without the offending member, to find its other problems.
const MAX_REREADS: usize = 8;

/// Longest value quoted in a finding, in characters.
const MAX_QUOTE_CHARS: usize = 80;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The app leaves the event, or this part of it, out (or, for a
    /// duplicate id, will once the other event is fixed); or the document
    /// cannot be read at all.
    Error,
    /// Shown, but probably not as meant.
    Warning,
}

/// What is wrong, with what is needed to say it and how to fix it. Its
/// name (`code` in `--json`, kebab-case) and data are stable: publishers'
/// scripts may read them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "code", content = "data", rename_all = "kebab-case")]
pub enum Code {
    // The whole document (exit status 2 in `citycal check`).
    /// Nothing in it (or only spaces).
    EmptyDocument,
    /// A web page (HTML): an address that leads to a page, not the file.
    WebPage,
    TooLarge {
        bytes: usize,
        max: usize,
    },
    NotUtf8,
    NotJson {
        line: usize,
        column: usize,
    },
    /// JSON, but `path` (empty: the document) is not what a feed has there.
    NotAFeed,
    UnsupportedVersion {
        found: String,
    },

    // The reader's problems (errors).
    Missing {
        field: String,
    },
    /// `value` (as written, shortened) is not of the `expected` kind:
    /// `string`, `text`, `boolean`, `whole-number`, `strings`, `list`, `object`.
    WrongType {
        field: String,
        expected: &'static str,
        value: String,
    },
    /// An enumeration's value the reader does not know.
    UnknownValue {
        field: String,
        value: String,
        allowed: &'static [&'static str],
        suggestion: Option<&'static str>,
    },
    Empty {
        field: String,
    },
    BadId {
        value: String,
    },
    /// `first`: the path of the entry that has the id already.
    DuplicateId {
        id: String,
        first: String,
    },
    /// `suggestion`: the same written as the reader reads it, if we see how.
    BadDate {
        value: String,
        suggestion: Option<String>,
    },
    /// A `start`/`end` with a date only, in an event not marked `allDay`.
    DateWithoutTime {
        value: String,
    },
    /// A registration's `opens`/`closes` with a date only.
    DeadlineWithoutTime {
        value: String,
        suggestion: String,
    },
    /// A date and time in an `allDay` event, which takes dates.
    TimeOnAllDay {
        value: String,
        date: String,
    },
    /// `suggestions`: the nearest names the zone list has (at most three).
    UnknownZone {
        zone: String,
        suggestions: Vec<String>,
    },
    NoZone {
        value: String,
    },
    EndBeforeStart {
        start: String,
        end: String,
    },
    /// `kind`: `theme`, `organization` or `series`; `list`: where it must be declared.
    UnknownReference {
        kind: &'static str,
        list: &'static str,
        id: String,
        suggestion: Option<String>,
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

    // The organizers' own checks (warnings).
    /// Tags (`<p>`) and entities (`&nbsp;`) found, each once, in order.
    Html {
        tags: Vec<String>,
    },
    /// A country's name (or a code in lower case) where its ISO 3166-1 alpha-2 code belongs.
    CountryName {
        value: String,
        code: &'static str,
    },
    UnknownCountry {
        value: String,
    },
    /// A wall-clock time that does not exist in `zone`: the clocks jump
    /// `minutes` forward there, and the app shows `becomes`.
    TimeInGap {
        value: String,
        zone: String,
        minutes: i64,
        becomes: String,
    },
    ZeroLength {
        start: String,
    },
    TooLong {
        days: i64,
        max: i64,
    },
    /// Over (it ended `end`), yet the registration says or shows open.
    PastRegistrationOpen {
        end: String,
    },

    /// What reading an iCalendar file met (`ical::IssueCode`, its name in
    /// `issue`): at `line` of the file, in the event titled `event`, about
    /// `detail` (a zone, a rule, a line); `suggestion`: for an unknown zone,
    /// the nearest name.
    Calendar {
        issue: &'static str,
        line: Option<usize>,
        event: Option<String>,
        detail: String,
        suggestion: Option<String>,
    },
}

impl Code {
    /// The machine-readable name: `unknown-value`, `time-in-gap`...; an
    /// iCalendar file's, `ics-` and the import's (`ics-no-start`).
    pub fn name(&self) -> String {
        if let Code::Calendar { issue, .. } = self {
            return format!("ics-{issue}");
        }
        match serde_json::to_value(self) {
            Ok(serde_json::Value::Object(map)) => map.get("code").and_then(|c| c.as_str()).unwrap_or("").to_owned(),
            _ => String::new(),
        }
    }

    /// A whole-document failure: nothing else could be checked.
    pub fn is_fatal(&self) -> bool {
        matches!(
            self,
            Code::EmptyDocument
                | Code::WebPage
                | Code::TooLarge { .. }
                | Code::NotUtf8
                | Code::NotJson { .. }
                | Code::NotAFeed
                | Code::UnsupportedVersion { .. }
        )
    }
}

/// The event a finding is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventRef {
    /// Its position in `events`, from 0 (as in the path).
    pub index: usize,
    /// Its id as written (trimmed), when it has a string one.
    pub id: Option<String>,
    /// Its title in every language it has (empty when none).
    pub title: Text,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// JSON path, as the reader writes it: `events[2].format`, `organizations[0].country`.
    pub path: String,
    /// Set when the path is inside an event.
    pub event: Option<EventRef>,
    pub code: Code,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// In document order: the feed's own members, themes, organizations,
    /// series, then events by position, each event's in the reader's order
    /// and then the organizers' checks.
    pub findings: Vec<Finding>,
    /// Entries in the feed's `events` list.
    pub events: usize,
    /// Events the app shows.
    pub shown: usize,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::Error).count()
    }
    pub fn warnings(&self) -> usize {
        self.findings.iter().filter(|f| f.severity == Severity::Warning).count()
    }
    /// The document could not be read as a feed at all.
    pub fn unusable(&self) -> bool {
        self.findings.iter().any(|f| f.code.is_fatal())
    }

    fn failed(error: FeedError) -> Report {
        let (path, code) = match error {
            FeedError::TooLarge { bytes } => (String::new(), Code::TooLarge { bytes, max: MAX_FEED_BYTES }),
            FeedError::NotJson { line: 0, .. } => (String::new(), Code::NotUtf8),
            FeedError::NotJson { line, column } => (String::new(), Code::NotJson { line, column }),
            FeedError::NotAFeed { path } => (path, Code::NotAFeed),
            FeedError::UnsupportedVersion { found } => ("version".to_owned(), Code::UnsupportedVersion { found }),
        };
        Report { findings: vec![Finding { severity: Severity::Error, path, event: None, code }], events: 0, shown: 0 }
    }

    /// A document that is not a feed at all.
    fn fatal(code: Code) -> Report {
        Report {
            findings: vec![Finding { severity: Severity::Error, path: String::new(), event: None, code }],
            events: 0,
            shown: 0,
        }
    }
}

/// Checks the feed `input`. `rules` places wall-clock times and says which
/// zones exist; `zones` lists the zone names to suggest from; `now` decides
/// which events are over.
///
/// An iCalendar file is read as `citycal import` and a network's calendar
/// read it ([`check_calendar`]); an empty file and a web page are said to be
/// what they are, not "not valid JSON".
pub fn check(input: &[u8], rules: &dyn ZoneRules, zones: &[String], now: DateTime<Utc>) -> Report {
    let text = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let text = &text[text.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(text.len())..];
    if text.is_empty() {
        return Report::fatal(Code::EmptyDocument);
    }
    if crate::ical::looks_like_calendar(text) {
        return check_calendar(input, rules, zones, now);
    }
    if is_web_page(text) {
        return Report::fatal(Code::WebPage);
    }
    check_feed(input, rules, zones, now)
}

/// `<!doctype html>`, `<html`, or a `<head>`/`<body>` near the start.
fn is_web_page(text: &[u8]) -> bool {
    let start = String::from_utf8_lossy(&text[..text.len().min(1024)]).to_ascii_lowercase();
    start.starts_with('<') && ["<!doctype html", "<html", "<head", "<body"].iter().any(|tag| start.contains(tag))
}

/// An iCalendar file: what importing it met (with the nearest zone name for
/// an unknown `TZID`), then the check of the feed it becomes, recurrences
/// expanded from `now`'s day as `citycal import` does by default.
pub fn check_calendar(input: &[u8], rules: &dyn ZoneRules, zones: &[String], now: DateTime<Utc>) -> Report {
    let mut options = crate::ical::ImportOptions::new(now.date_naive());
    options.zone_names = zones.to_vec();
    let Ok((feed, issues)) = crate::ical::import(input, rules, &options) else {
        return Report::fatal(Code::NotJson { line: 1, column: 1 });
    };
    let json = serde_json::to_vec(&feed).unwrap_or_default();
    let mut report = check_feed(&json, rules, zones, now);
    // A recurring event's sessions share its text: one finding says it.
    let mut said = HashSet::new();
    report.findings.retain(|f| {
        let title = f.event.as_ref().and_then(|e| e.title.pick("en", &[]).map(|p| p.text.to_owned()));
        said.insert((serde_json::to_string(&f.code).unwrap_or_default(), title))
    });
    let lost = issues.iter().filter(|i| i.code.loses_event()).count();
    let read = issues.into_iter().map(|i| {
        let suggestion = matches!(i.code, IssueCode::UnknownZone | IssueCode::GuessedZone)
            .then(|| crate::ical::nearest_zone(&i.detail, zones))
            .flatten();
        Finding {
            severity: if i.code.loses_event() { Severity::Error } else { Severity::Warning },
            path: String::new(),
            event: None,
            code: Code::Calendar { issue: i.code.name(), line: i.line, event: i.event, detail: i.detail, suggestion },
        }
    });
    report.findings = read.chain(report.findings).collect();
    report.events += lost;
    report
}

fn check_feed(input: &[u8], rules: &dyn ZoneRules, zones: &[String], now: DateTime<Utc>) -> Report {
    let (feed, issues) = match validate::parse(input, rules) {
        Ok(read) => read,
        Err(error) => return Report::failed(error),
    };
    // `parse` has checked that the input is UTF-8 and JSON with these members.
    let source = std::str::from_utf8(input).unwrap_or_default();
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let top = json::split_object(source).ok().flatten().unwrap_or_default();
    let raw_events: Vec<&str> = member(&top, "events").and_then(|m| m.items.clone()).unwrap_or_default();
    // The whole tree, for what the reader's problems leave unsaid; `None`
    // only when it nests deeper than the reader's limit (the reader's
    // problems are then reported as they are).
    let doc = json::parse(source).ok();
    let mut c = Checker { doc: doc.as_ref(), rules, zones, now, feed: &feed, findings: Vec::new() };

    for issue in &issues {
        c.reader_issue(issue);
    }
    // Every problem of an event the reader stopped reading at a wrong type.
    let skipped_at_type: Vec<(usize, String)> = issues
        .iter()
        .filter(|i| i.problem == Problem::WrongType && i.severity == validate::Severity::Skipped)
        .filter_map(|i| Some((event_index(&i.path)?, member_key(&i.path)?.to_owned())))
        .collect();
    for (index, key) in skipped_at_type {
        if let Some(raw) = raw_events.get(index) {
            for issue in reread(&top, raw, index, key, rules) {
                c.reader_issue(&issue);
            }
        }
    }
    let reported: HashSet<String> =
        c.findings.iter().filter(|f| matches!(f.code, Code::DuplicateId { .. })).map(|f| f.path.clone()).collect();
    c.duplicate_ids(&reported);
    if let Some(doc) = c.doc {
        let (mut path, mut pattern) = (String::new(), String::new());
        c.walk(doc, &mut path, &mut pattern);
        c.gaps();
    }
    c.timing(&kept_indices(&issues, &raw_events, &feed));

    let mut findings = c.findings;
    for finding in &mut findings {
        finding.event = event_index(&finding.path).map(|index| event_ref(doc.as_ref(), index));
    }
    findings.sort_by_key(|f| order(&f.path));
    Report { findings, events: raw_events.len(), shown: feed.events.len() }
}

fn member<'m, 'a>(top: &'m [Member<'a>], key: &str) -> Option<&'m Member<'a>> {
    top.iter().rev().find(|m| m.key == key).filter(|m| m.raw != "null")
}

/// Where a path sorts: the document's own members, themes, organizations,
/// series, events; then by position.
fn order(path: &str) -> (u8, usize) {
    let section = match path.split(['.', '[']).next().unwrap_or("") {
        "themes" => 1,
        "organizations" => 2,
        "series" => 3,
        "events" => 4,
        _ => 0,
    };
    let index = path.find('[').and_then(|at| path[at + 1..].split(']').next()?.parse().ok()).unwrap_or(0);
    (section, index)
}

/// `events[3].x` → 3.
fn event_index(path: &str) -> Option<usize> {
    path.strip_prefix("events[")?.split(']').next()?.parse().ok()
}

/// `events[3].people[1].role` → `people`: the event's member a path is in.
fn member_key(path: &str) -> Option<&str> {
    let rest = path.split_once("].")?.1;
    Some(rest.split(['.', '[']).next().unwrap_or(rest)).filter(|k| !k.is_empty())
}

/// The event at `index` re-read, each time without one more member the
/// reader stopped at (`key` first); the problems found under other members.
fn reread(top: &[Member], raw: &str, index: usize, key: String, rules: &dyn ZoneRules) -> Vec<FeedIssue> {
    let list = |name: &str| member(top, name).map_or("[]", |m| m.raw);
    let mut removed = vec![key];
    let mut found = Vec::new();
    let Ok(Some(members)) = json::split_object(raw) else { return found };
    for _ in 0..MAX_REREADS {
        let kept: Vec<String> = members
            .iter()
            .filter(|m| !removed.iter().any(|r| *r == m.key))
            .map(|m| format!("{}:{}", serde_json::Value::String(m.key.to_string()), m.raw))
            .collect();
        let doc = format!(
            r#"{{"version":1,"themes":{},"organizations":{},"series":{},"sources":{},"events":[{{{}}}]}}"#,
            list("themes"),
            list("organizations"),
            list("series"),
            list("sources"),
            kept.join(",")
        );
        let Ok((_, issues)) = validate::parse(doc.as_bytes(), rules) else { break };
        let mut next = None;
        for issue in issues {
            let Some(rest) = issue.path.strip_prefix("events[0]") else { continue };
            let path = format!("events[{index}]{rest}");
            let Some(key) = member_key(&path).map(str::to_owned) else { continue };
            // What is missing because it was taken out is not news.
            if removed.contains(&key) {
                continue;
            }
            if issue.problem == Problem::WrongType && next.is_none() {
                next = Some(key);
            }
            found.push(FeedIssue { path, ..issue });
        }
        match next {
            Some(key) => removed.push(key),
            None => break,
        }
    }
    found
}

/// Event id → its position, for the events the app shows (the first
/// unskipped entry with that id).
fn kept_indices(issues: &[FeedIssue], raw_events: &[&str], feed: &Feed) -> HashMap<String, usize> {
    let skipped: HashSet<usize> = issues
        .iter()
        .filter(|i| i.severity == validate::Severity::Skipped)
        .filter_map(|i| event_index(&i.path))
        .collect();
    let shown: HashSet<&str> = feed.events.iter().map(|e| e.id.as_str()).collect();
    let mut out = HashMap::new();
    for (index, raw) in raw_events.iter().enumerate().filter(|(i, _)| !skipped.contains(i)) {
        let Ok(j) = json::parse(raw) else { continue };
        if let Some(Json::Str(id)) = j.get("id").ok().flatten() {
            let id = id.trim();
            if shown.contains(id) {
                out.entry(id.to_owned()).or_insert(index);
            }
        }
    }
    out
}

fn event_ref(doc: Option<&Json>, index: usize) -> EventRef {
    let event = doc.and_then(|d| d.get("events").ok().flatten()).and_then(|events| match events {
        Json::Array(items) => items.get(index),
        _ => None,
    });
    let field = |key: &str| event.and_then(|e| e.get(key).ok().flatten());
    let id = match field("id") {
        Some(Json::Str(s)) => Some(s.trim().to_owned()),
        _ => None,
    };
    let title = match field("title") {
        Some(Json::Str(s)) => Text(vec![(String::new(), s.to_string())]),
        Some(Json::Object(members)) => Text(
            members
                .iter()
                .filter_map(|(lang, v)| match v {
                    Json::Str(s) => Some((lang.to_string(), s.to_string())),
                    _ => None,
                })
                .collect(),
        ),
        _ => Text::default(),
    };
    EventRef { index, id, title }
}

struct Checker<'a, 'j> {
    doc: Option<&'a Json<'j>>,
    rules: &'a dyn ZoneRules,
    zones: &'a [String],
    now: DateTime<Utc>,
    feed: &'a Feed,
    findings: Vec<Finding>,
}

/// One step of a path: a member or an element.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step<'p> {
    Key(&'p str),
    Index(usize),
}

/// `events[2].people[1].name` → events, 2, people, 1, name.
fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let mut pieces = part.split('[');
        if let Some(key) = pieces.next().filter(|k| !k.is_empty()) {
            out.push(Step::Key(key));
        }
        for index in pieces {
            if let Ok(i) = index.trim_end_matches(']').parse() {
                out.push(Step::Index(i));
            }
        }
    }
    out
}

/// `events[].people[].name`: a path with its positions left out.
fn pattern(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(_) => out.push_str("[]"),
        }
    }
    out
}

fn value_at<'v, 'j>(doc: &'v Json<'j>, steps: &[Step]) -> Option<&'v Json<'j>> {
    let mut at = doc;
    for step in steps {
        at = match (step, at) {
            (Step::Key(k), Json::Object(_)) => at.get(k).ok().flatten()?,
            (Step::Index(i), Json::Array(items)) => items.get(*i)?,
            _ => return None,
        };
    }
    Some(at)
}

/// The last member name of a path (`languages` for `languages[1]`).
fn field_name(steps: &[Step]) -> String {
    steps
        .iter()
        .rev()
        .find_map(|s| match s {
            Step::Key(k) => Some((*k).to_owned()),
            Step::Index(_) => None,
        })
        .unwrap_or_default()
}

/// What feed v1 has at each place (`docs/feed.md`): `string`, `text` (a
/// string, or language tags to strings), `boolean`, `whole-number`,
/// `strings` (a list of strings), `list`, `object`.
const TYPES: &[(&str, &str)] = &[
    ("name", "text"),
    ("themes", "list"),
    ("themes[]", "object"),
    ("themes[].id", "string"),
    ("themes[].label", "text"),
    ("themes[].color", "string"),
    ("organizations", "list"),
    ("organizations[]", "object"),
    ("organizations[].id", "string"),
    ("organizations[].name", "text"),
    ("organizations[].url", "string"),
    ("organizations[].city", "string"),
    ("organizations[].country", "string"),
    ("series", "list"),
    ("series[]", "object"),
    ("series[].id", "string"),
    ("series[].title", "text"),
    ("series[].kind", "string"),
    ("series[].url", "string"),
    ("sources", "list"),
    ("sources[]", "object"),
    ("sources[].id", "string"),
    ("sources[].name", "text"),
    ("events", "list"),
    ("events[]", "object"),
    ("events[].id", "string"),
    ("events[].title", "text"),
    ("events[].summary", "text"),
    ("events[].description", "text"),
    ("events[].start", "string"),
    ("events[].end", "string"),
    ("events[].timeZone", "string"),
    ("events[].allDay", "boolean"),
    ("events[].languages", "strings"),
    ("events[].languages[]", "string"),
    ("events[].format", "string"),
    ("events[].venue", "object"),
    ("events[].venue.name", "text"),
    ("events[].venue.address", "string"),
    ("events[].venue.city", "string"),
    ("events[].venue.country", "string"),
    ("events[].onlineUrl", "string"),
    ("events[].themes", "strings"),
    ("events[].themes[]", "string"),
    ("events[].organizers", "strings"),
    ("events[].organizers[]", "string"),
    ("events[].partners", "strings"),
    ("events[].partners[]", "string"),
    ("events[].people", "list"),
    ("events[].people[]", "object"),
    ("events[].people[].name", "string"),
    ("events[].people[].role", "string"),
    ("events[].people[].position", "text"),
    ("events[].people[].organization", "string"),
    ("events[].people[].country", "string"),
    ("events[].agenda", "list"),
    ("events[].agenda[]", "object"),
    ("events[].agenda[].title", "text"),
    ("events[].agenda[].minutes", "whole-number"),
    ("events[].audience", "list"),
    ("events[].audience[]", "text"),
    ("events[].series", "string"),
    ("events[].session", "whole-number"),
    ("events[].registration", "object"),
    ("events[].registration.opens", "string"),
    ("events[].registration.closes", "string"),
    ("events[].registration.capacity", "whole-number"),
    ("events[].registration.taken", "whole-number"),
    ("events[].registration.status", "string"),
    ("events[].registration.url", "string"),
    ("events[].registration.free", "boolean"),
    ("events[].registration.waitlist", "boolean"),
    ("events[].registration.questions", "list"),
    ("events[].registration.questions[]", "object"),
    ("events[].registration.questions[].id", "string"),
    ("events[].registration.questions[].label", "text"),
    ("events[].registration.questions[].kind", "string"),
    ("events[].registration.questions[].required", "boolean"),
    ("events[].registration.questions[].options", "list"),
    ("events[].registration.questions[].options[]", "object"),
    ("events[].registration.questions[].options[].id", "string"),
    ("events[].registration.questions[].options[].label", "text"),
    ("events[].recordingUrl", "string"),
    ("events[].url", "string"),
    ("events[].status", "string"),
    ("events[].approximate", "strings"),
    ("events[].approximate[]", "string"),
    ("events[].source", "string"),
    ("events[].alsoIn", "strings"),
    ("events[].alsoIn[]", "string"),
];

/// Strings people read that are not `text` in the format: names and places.
const READ_AS_TEXT: &[&str] = &[
    "events[].people[].name",
    "events[].people[].organization",
    "events[].venue.address",
    "events[].venue.city",
    "organizations[].city",
];

const COUNTRY_FIELDS: &[&str] = &["organizations[].country", "events[].venue.country", "events[].people[].country"];

const ENUMS: &[(&str, &[&str])] = &[
    ("events[].format", &validate::FORMATS),
    ("events[].status", &validate::EVENT_STATUSES),
    ("events[].people[].role", &validate::ROLES),
    ("events[].registration.status", &validate::REGISTRATION_STATUSES),
    ("events[].registration.questions[].kind", &validate::QUESTION_KINDS),
    ("series[].kind", &validate::SERIES_KINDS),
];

/// Words people write for an event's format.
const FORMAT_WORDS: &[(&str, &str)] = &[
    ("webinar", "online"),
    ("virtual", "online"),
    ("remote", "online"),
    ("zoom", "online"),
    ("web", "online"),
    ("livestream", "online"),
    ("streaming", "online"),
    ("inperson", "in_person"),
    ("presencial", "in_person"),
    ("presential", "in_person"),
    ("onsite", "in_person"),
    ("on_site", "in_person"),
    ("offline", "in_person"),
    ("physical", "in_person"),
    ("face_to_face", "in_person"),
    ("fizic", "in_person"),
    ("blended", "hybrid"),
    ("mixed", "hybrid"),
    ("hibrid", "hybrid"),
    ("hibrido", "hybrid"),
    ("híbrido", "hybrid"),
];

fn type_at(pattern: &str) -> Option<&'static str> {
    TYPES.iter().find(|(p, _)| *p == pattern).map(|(_, t)| *t)
}

/// A language's member of a `text` (`events[].title.es`).
fn in_text(pattern: &str) -> bool {
    pattern.rsplit_once('.').is_some_and(|(parent, _)| type_at(parent) == Some("text"))
}

fn expected(pattern: &str) -> &'static str {
    type_at(pattern).unwrap_or(if in_text(pattern) { "string" } else { "other" })
}

/// A value as written, shortened: `"webinar"`, `5`, `[…]`.
fn show(value: &Json) -> String {
    match value {
        Json::Null => "null".to_owned(),
        Json::Bool(b) => b.to_string(),
        Json::Int(n) => n.to_string(),
        Json::Float(f) => quote(f),
        Json::Str(s) => format!("\"{}\"", quote(s)),
        Json::Array(_) => "[…]".to_owned(),
        Json::Object(_) => "{…}".to_owned(),
    }
}

fn quote(s: &str) -> String {
    if s.chars().count() <= MAX_QUOTE_CHARS {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(MAX_QUOTE_CHARS).collect::<String>())
    }
}

impl Checker<'_, '_> {
    fn push(&mut self, severity: Severity, path: String, code: Code) {
        self.findings.push(Finding { severity, path, event: None, code });
    }

    fn at(&self, path: &str) -> Option<&Json<'_>> {
        value_at(self.doc?, &steps(path))
    }

    fn string_at(&self, path: &str) -> Option<String> {
        match self.at(path)? {
            Json::Str(s) => Some(s.to_string()),
            _ => None,
        }
    }

    /// One of the reader's problems, said as precisely as the raw JSON allows.
    fn reader_issue(&mut self, issue: &FeedIssue) {
        let path = issue.path.clone();
        let steps = steps(&path);
        let pattern = pattern(&steps);
        let field = field_name(&steps);
        let code = match &issue.problem {
            Problem::Missing { field: "end" } => {
                // "start": "2027-03-20" alone: the end is missing only because allDay is.
                let event = path.strip_suffix(".end").unwrap_or(&path);
                match self.string_at(&format!("{event}.start")) {
                    Some(start) if validate::parse_date(&start).is_some() => {
                        return self.push(
                            Severity::Error,
                            format!("{event}.start"),
                            Code::DateWithoutTime { value: start },
                        )
                    }
                    _ => Code::Missing { field: "end".to_owned() },
                }
            }
            Problem::Missing { field } => Code::Missing { field: (*field).to_owned() },
            Problem::WrongType => self.wrong_type(&path, &pattern, field),
            Problem::Empty => Code::Empty { field },
            Problem::BadId => Code::BadId { value: self.string_at(&path).map(|s| quote(&s)).unwrap_or_default() },
            Problem::DuplicateId { id } => Code::DuplicateId { id: id.clone(), first: self.first_with_id(&path, id) },
            Problem::BadDate { value } => self.bad_date(&path, &field, value),
            Problem::UnknownZone { zone } => {
                Code::UnknownZone { zone: zone.clone(), suggestions: nearest_zones(zone, self.zones) }
            }
            Problem::NoZone => {
                // An unknown zone leaves the times without one: said once, at the zone.
                let event = path.split_once("].").map_or(path.as_str(), |(e, _)| e);
                if self.at(&format!("{event}].timeZone")).is_some() {
                    return;
                }
                Code::NoZone { value: self.string_at(&path).unwrap_or_default() }
            }
            Problem::EndBeforeStart => {
                let event = path.rsplit_once('.').map_or(path.as_str(), |(e, _)| e);
                Code::EndBeforeStart {
                    start: self.string_at(&format!("{event}.start")).unwrap_or_default(),
                    end: self.string_at(&format!("{event}.end")).unwrap_or_default(),
                }
            }
            Problem::UnknownReference { kind, id } => {
                let (list, declared): (&'static str, Vec<&str>) = match *kind {
                    "theme" => ("themes", self.feed.themes.iter().map(|t| t.id.as_str()).collect()),
                    "organization" => {
                        ("organizations", self.feed.organizations.iter().map(|o| o.id.as_str()).collect())
                    }
                    "source" => ("sources", self.feed.sources.iter().map(|s| s.id.as_str()).collect()),
                    _ => ("series", self.feed.series.iter().map(|s| s.id.as_str()).collect()),
                };
                let suggestion = nearest(id, declared.into_iter(), 2).into_iter().next().map(str::to_owned);
                Code::UnknownReference { kind, list, id: id.clone(), suggestion }
            }
            Problem::BadUrl { value } => Code::BadUrl { value: quote(value) },
            Problem::BadLanguage { value } => Code::BadLanguage { value: quote(value) },
            Problem::BadColour { value } => Code::BadColour { value: quote(value) },
        };
        self.push(Severity::Error, path, code);
    }

    fn wrong_type(&self, path: &str, pattern: &str, field: String) -> Code {
        let Some(doc) = self.doc else {
            return Code::WrongType { field, expected: expected(pattern), value: String::new() };
        };
        let Some(value) = value_at(doc, &steps(path)) else {
            // The reader's `required`: a member an entry must have.
            return Code::Missing { field };
        };
        if let (Some((_, allowed)), Json::Str(s)) = (ENUMS.iter().find(|(p, _)| *p == pattern), value) {
            return Code::UnknownValue {
                field,
                value: quote(s),
                allowed,
                suggestion: nearest_value(s, allowed, pattern == "events[].format"),
            };
        }
        Code::WrongType { field, expected: expected(pattern), value: show(value) }
    }

    fn bad_date(&self, path: &str, field: &str, value: &str) -> Code {
        let event = path.split_once("].").map_or(path, |(e, _)| e);
        let event = format!("{event}]");
        let all_day = matches!(self.at(&format!("{event}.allDay")), Some(Json::Bool(true)));
        let date_only = validate::parse_date(value).is_some();
        match field {
            "start" | "end" if date_only && !all_day => return Code::DateWithoutTime { value: value.to_owned() },
            "start" | "end" if all_day && validate::parse_date_time(value).is_some() => {
                return Code::TimeOnAllDay { value: value.to_owned(), date: value[..10].to_owned() }
            }
            "opens" | "closes" if date_only => {
                let time = if field == "opens" { "T00:00" } else { "T23:59" };
                return Code::DeadlineWithoutTime { value: value.to_owned(), suggestion: format!("{value}{time}") };
            }
            _ => {}
        }
        // "2027-03-20 18:30": the space where the T goes.
        let mended = value.trim().replacen(' ', "T", 1);
        let reads = if all_day && matches!(field, "start" | "end") {
            validate::parse_date(&mended).is_some()
        } else {
            validate::parse_date_time(&mended).is_some()
        };
        Code::BadDate { value: quote(value), suggestion: (reads && mended != value).then_some(mended) }
    }

    /// The path of the entry of the same list that has `id` first.
    fn first_with_id(&self, path: &str, id: &str) -> String {
        let list = path.split('[').next().unwrap_or("");
        let Some(Json::Array(items)) = self.doc.and_then(|d| d.get(list).ok().flatten()) else { return String::new() };
        items
            .iter()
            .position(|item| matches!(item.get("id"), Ok(Some(Json::Str(s))) if s.trim() == id))
            .map(|i| format!("{list}[{i}]"))
            .filter(|first| !path.starts_with(&format!("{first}.")))
            .unwrap_or_default()
    }

    /// Events that repeat an earlier entry's id where the reader did not say
    /// so (because it had skipped the earlier one for another problem).
    fn duplicate_ids(&mut self, reported: &HashSet<String>) {
        let Some(Json::Array(events)) = self.doc.and_then(|d| d.get("events").ok().flatten()) else { return };
        let mut first: HashMap<String, usize> = HashMap::new();
        let mut found = Vec::new();
        for (index, event) in events.iter().enumerate() {
            let Ok(Some(Json::Str(id))) = event.get("id") else { continue };
            let id = id.trim();
            if id.is_empty() {
                continue;
            }
            match first.get(id) {
                None => {
                    first.insert(id.to_owned(), index);
                }
                Some(&earlier) => {
                    let path = format!("events[{index}].id");
                    if !reported.contains(&path) {
                        found.push((path, id.to_owned(), format!("events[{earlier}]")));
                    }
                }
            }
        }
        for (path, id, first) in found {
            self.push(Severity::Error, path, Code::DuplicateId { id, first });
        }
    }

    /// HTML in what people read, and countries not written as codes.
    fn walk(&mut self, value: &Json, path: &mut String, pattern: &mut String) {
        match value {
            Json::Str(s) => {
                let read = type_at(pattern) == Some("text") || in_text(pattern) || READ_AS_TEXT.contains(&&**pattern);
                if read {
                    let tags = html_tags(s);
                    if !tags.is_empty() {
                        self.push(Severity::Warning, path.clone(), Code::Html { tags });
                    }
                }
                if COUNTRY_FIELDS.contains(&&**pattern) {
                    if let Some(code) = country_problem(s) {
                        self.push(Severity::Warning, path.clone(), code);
                    }
                }
            }
            Json::Object(members) => {
                for (i, (key, v)) in members.iter().enumerate() {
                    // The last of repeated keys counts, as for the reader.
                    if members[i + 1..].iter().any(|(later, _)| later == key) {
                        continue;
                    }
                    let (path_len, pattern_len) = (path.len(), pattern.len());
                    if !path.is_empty() {
                        path.push('.');
                        pattern.push('.');
                    }
                    path.push_str(key);
                    pattern.push_str(key);
                    self.walk(v, path, pattern);
                    path.truncate(path_len);
                    pattern.truncate(pattern_len);
                }
            }
            Json::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    let (path_len, pattern_len) = (path.len(), pattern.len());
                    path.push_str(&format!("[{i}]"));
                    pattern.push_str("[]");
                    self.walk(v, path, pattern);
                    path.truncate(path_len);
                    pattern.truncate(pattern_len);
                }
            }
            _ => {}
        }
    }

    /// Wall-clock times that fall in a daylight-saving gap of the event's zone.
    fn gaps(&mut self) {
        let Some(Json::Array(events)) = self.doc.and_then(|d| d.get("events").ok().flatten()) else { return };
        let mut found = Vec::new();
        for (index, event) in events.iter().enumerate() {
            let Ok(Some(Json::Str(zone))) = event.get("timeZone") else { continue };
            if !self.rules.is_known(zone) {
                continue;
            }
            let all_day = matches!(event.get("allDay"), Ok(Some(Json::Bool(true))));
            let registration = event.get("registration").ok().flatten();
            let times = [
                ("start", (!all_day).then_some(event).and_then(|e| e.get("start").ok().flatten())),
                ("end", (!all_day).then_some(event).and_then(|e| e.get("end").ok().flatten())),
                ("registration.opens", registration.and_then(|r| r.get("opens").ok().flatten())),
                ("registration.closes", registration.and_then(|r| r.get("closes").ok().flatten())),
            ];
            for (field, value) in times {
                let Some(Json::Str(value)) = value else { continue };
                let Some((local, None)) = validate::parse_date_time(value) else { continue };
                if let Some((_, Resolution::Gap { shift_secs })) = resolve_local(self.rules, zone, local) {
                    let becomes = local + Duration::seconds(shift_secs.into());
                    found.push((
                        format!("events[{index}].{field}"),
                        Code::TimeInGap {
                            value: value.to_string(),
                            zone: zone.to_string(),
                            minutes: i64::from(shift_secs) / 60,
                            becomes: wall(becomes),
                        },
                    ));
                }
            }
        }
        for (path, code) in found {
            self.push(Severity::Warning, path, code);
        }
    }

    /// Lengths and registration of the events the app shows.
    fn timing(&mut self, indices: &HashMap<String, usize>) {
        let mut found = Vec::new();
        for event in &self.feed.events {
            let Some(&index) = indices.get(&event.id) else { continue };
            let raw = |field: &str| self.string_at(&format!("events[{index}].{field}")).unwrap_or_default();
            let ended = match event.when {
                When::Timed { start, end } => {
                    if end == start {
                        found.push((format!("events[{index}].end"), Code::ZeroLength { start: raw("start") }));
                    } else if end - start > Duration::days(MAX_TIMED_DAYS) {
                        let days = (end - start).num_hours().div_euclid(24);
                        found.push((format!("events[{index}].end"), Code::TooLong { days, max: MAX_TIMED_DAYS }));
                    }
                    end
                }
                // Over everywhere: its last day has ended at UTC-12.
                When::AllDay { last, .. } => {
                    (last + Duration::days(1)).and_hms_opt(12, 0, 0).unwrap_or_default().and_utc()
                }
            };
            let Some(reg) = &event.registration else { continue };
            if ended > self.now || matches!(event.status, EventStatus::Cancelled | EventStatus::Postponed) {
                continue;
            }
            let says_open = reg.status == Some(RegistrationStatus::Open);
            let shows_open = matches!(
                registration::state(event, self.now).phase,
                Phase::Open { .. } | Phase::ClosingSoon { .. } | Phase::NotYetOpen { .. }
            );
            if says_open || shows_open {
                let end = if raw("end").is_empty() { raw("start") } else { raw("end") };
                let path = if says_open { "registration.status" } else { "registration" };
                found.push((format!("events[{index}].{path}"), Code::PastRegistrationOpen { end }));
            }
        }
        for (path, code) in found {
            self.push(Severity::Warning, path, code);
        }
    }
}

/// `2027-09-05T01:30`, seconds only when there are some.
fn wall(t: NaiveDateTime) -> String {
    let full = crate::time::iso_local(t);
    if t.second() == 0 && t.nanosecond() == 0 {
        full[..16].to_owned()
    } else {
        full
    }
}

/// The tags (`<p>`, `</a>` as `<a>`) and character references (`&nbsp;`)
/// in `text`, each once, in order of appearance.
pub fn html_tags(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let bytes = text.as_bytes();
    let mut add = |tag: String| {
        if !found.contains(&tag) {
            found.push(tag);
        }
    };
    for (at, _) in text.match_indices('<') {
        let rest = &bytes[at + 1..];
        let name_from = usize::from(rest.first() == Some(&b'/'));
        let name_len = rest[name_from..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        let name = &rest[name_from..name_from + name_len];
        let after = rest.get(name_from + name_len).copied();
        let closes = rest[name_from + name_len..].contains(&b'>');
        if name.first().is_some_and(u8::is_ascii_alphabetic)
            && matches!(after, Some(b'>' | b' ' | b'/' | b'\n' | b'\t'))
            && closes
        {
            add(format!("<{}>", String::from_utf8_lossy(name).to_ascii_lowercase()));
        }
    }
    for (at, _) in text.match_indices('&') {
        let rest = &bytes[at + 1..];
        let numeric = rest.first() == Some(&b'#');
        let body = &rest[usize::from(numeric)..];
        let len = body.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        // Named ones in lower case (`&amp;`, `&eacute;`), not "R&D;".
        let named = len >= 2 && body[..len].iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        if len <= 10 && body.get(len) == Some(&b';') && (if numeric { len >= 1 } else { named }) {
            add(format!("&{}{};", if numeric { "#" } else { "" }, String::from_utf8_lossy(&body[..len])));
        }
    }
    found
}

/// Countries, in English and as they call themselves (and in Spanish and
/// Romanian, the interface's other languages, where they differ): the EU
/// and EEA, the United Kingdom and Switzerland, their neighbours, and the
/// countries of the sample feed and its zones.
const COUNTRY_NAMES: &[(&str, &[&str])] = &[
    ("AT", &["Austria", "Österreich"]),
    ("BE", &["Belgium", "Belgique", "België", "Belgien", "Bélgica", "Belgia"]),
    ("BG", &["Bulgaria", "България", "Bulgarie"]),
    ("HR", &["Croatia", "Hrvatska", "Croacia", "Croația"]),
    ("CY", &["Cyprus", "Κύπρος", "Kıbrıs", "Chipre", "Cipru"]),
    ("CZ", &["Czechia", "Czech Republic", "Česko", "Česká republika", "Chequia", "República Checa", "Cehia"]),
    ("DK", &["Denmark", "Danmark", "Dinamarca", "Danemarca"]),
    ("EE", &["Estonia", "Eesti"]),
    ("FI", &["Finland", "Suomi", "Finlandia", "Finlanda"]),
    ("FR", &["France", "Francia", "Franța"]),
    ("DE", &["Germany", "Deutschland", "Alemania", "Germania", "Allemagne"]),
    ("GR", &["Greece", "Ελλάδα", "Hellas", "EL", "Grecia", "Grèce"]),
    ("HU", &["Hungary", "Magyarország", "Hungría", "Ungaria"]),
    ("IE", &["Ireland", "Éire", "Irlanda"]),
    ("IT", &["Italy", "Italia", "Italie"]),
    ("LV", &["Latvia", "Latvija", "Letonia"]),
    ("LT", &["Lithuania", "Lietuva", "Lituania"]),
    ("LU", &["Luxembourg", "Lëtzebuerg", "Luxemburg", "Luxemburgo"]),
    ("MT", &["Malta"]),
    ("NL", &["Netherlands", "The Netherlands", "Nederland", "Holland", "Países Bajos", "Olanda", "Țările de Jos"]),
    ("PL", &["Poland", "Polska", "Polonia", "Pologne"]),
    ("PT", &["Portugal", "Portugalia"]),
    ("RO", &["Romania", "România", "Rumanía", "Rumania", "Roumanie", "Rumänien"]),
    ("SK", &["Slovakia", "Slovensko", "Eslovaquia", "Slovacia"]),
    ("SI", &["Slovenia", "Slovenija", "Eslovenia"]),
    ("ES", &["Spain", "España", "Espanya", "Espagne", "Spania", "Spanien"]),
    ("SE", &["Sweden", "Sverige", "Suecia", "Suedia"]),
    ("IS", &["Iceland", "Ísland", "Islandia", "Islanda"]),
    ("LI", &["Liechtenstein"]),
    ("NO", &["Norway", "Norge", "Noreg", "Noruega", "Norvegia"]),
    (
        "GB",
        &[
            "United Kingdom",
            "UK",
            "U.K.",
            "Great Britain",
            "Britain",
            "England",
            "Scotland",
            "Wales",
            "Northern Ireland",
            "Reino Unido",
            "Regatul Unit",
            "Marea Britanie",
            "Inglaterra",
            "Anglia",
        ],
    ),
    ("CH", &["Switzerland", "Schweiz", "Suisse", "Svizzera", "Suiza", "Elveția"]),
    ("MD", &["Moldova", "Republic of Moldova", "Republica Moldova"]),
    ("UA", &["Ukraine", "Україна", "Ucrania", "Ucraina"]),
    ("RS", &["Serbia", "Србија", "Srbija"]),
    ("BA", &["Bosnia and Herzegovina", "Bosna i Hercegovina", "Bosnia y Herzegovina", "Bosnia și Herțegovina"]),
    ("ME", &["Montenegro", "Crna Gora", "Црна Гора", "Muntenegru"]),
    ("MK", &["North Macedonia", "Северна Македонија", "Macedonia del Norte", "Macedonia de Nord"]),
    ("AL", &["Albania", "Shqipëria"]),
    ("XK", &["Kosovo"]),
    ("TR", &["Turkey", "Türkiye", "Turquía", "Turcia"]),
    ("BR", &["Brazil", "Brasil", "Brazilia"]),
    ("CA", &["Canada", "Canadá"]),
    ("CO", &["Colombia", "Columbia"]),
    ("MX", &["Mexico", "México", "Mexic"]),
    (
        "US",
        &[
            "United States",
            "United States of America",
            "USA",
            "U.S.A.",
            "U.S.",
            "Estados Unidos",
            "EE. UU.",
            "EEUU",
            "Statele Unite",
            "Statele Unite ale Americii",
            "SUA",
        ],
    ),
    ("UY", &["Uruguay"]),
    ("AR", &["Argentina"]),
    ("CL", &["Chile"]),
    ("PE", &["Peru", "Perú"]),
    ("EC", &["Ecuador"]),
    ("ZA", &["South Africa", "Sudáfrica", "Africa de Sud"]),
    ("KE", &["Kenya", "Kenia"]),
    ("IN", &["India", "भारत"]),
    ("KR", &["South Korea", "Korea", "Republic of Korea", "대한민국", "Corea del Sur", "Coreea de Sud"]),
    ("AU", &["Australia"]),
    ("NZ", &["New Zealand", "Aotearoa", "Nueva Zelanda", "Noua Zeelandă"]),
    ("JP", &["Japan", "日本", "Japón", "Japonia"]),
];

/// A name folded for comparison: case and diacritics away, letters only.
fn country_key(name: &str) -> String {
    let folded = crate::filter::fold(name);
    let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let words = match words.first() {
        Some(&"the") if words.len() > 1 => &words[1..],
        _ => &words[..],
    };
    words.concat()
}

/// The ISO 3166-1 alpha-2 code of a country named `name`, in any case and
/// with or without diacritics ("romania", "România" → RO; "uk" → GB).
pub fn country_code(name: &str) -> Option<&'static str> {
    let wanted = country_key(name);
    if wanted.is_empty() {
        return None;
    }
    let is_code = |c: &&str| c.len() == 2 && c.eq_ignore_ascii_case(name.trim());
    COUNTRY_CODES.split(' ').find(is_code).or_else(|| {
        COUNTRY_NAMES.iter().find(|(_, names)| names.iter().any(|n| country_key(n) == wanted)).map(|(c, _)| *c)
    })
}

/// A country value that is not an upper-case ISO 3166-1 alpha-2 code.
fn country_problem(value: &str) -> Option<Code> {
    if value.len() == 2 && value.bytes().all(|b| b.is_ascii_uppercase()) && COUNTRY_CODES.split(' ').any(|c| c == value)
    {
        return None;
    }
    Some(match country_code(value) {
        Some(code) => Code::CountryName { value: quote(value), code },
        None => Code::UnknownCountry { value: quote(value) },
    })
}

/// The allowed value someone who wrote `typed` meant: the same in other
/// case or spacing ("In person"), a near spelling ("canceled"), or, for a
/// format, a word for it ("webinar").
fn nearest_value(typed: &str, allowed: &'static [&'static str], format: bool) -> Option<&'static str> {
    let key: String = typed.trim().to_lowercase().chars().map(|c| if c == ' ' || c == '-' { '_' } else { c }).collect();
    if let Some(same) = allowed.iter().find(|a| **a == key) {
        return Some(same);
    }
    if format {
        if let Some((_, meant)) = FORMAT_WORDS.iter().find(|(word, _)| *word == key) {
            return allowed.iter().find(|a| *a == meant).copied();
        }
    }
    nearest(&key, allowed.iter().copied(), 2).into_iter().next()
}

// Words.

/// The Fluent source of the check's words (`locales/*/check.ftl`).
pub fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../../../locales/en/check.ftl"),
        Lang::Es => include_str!("../../../locales/es/check.ftl"),
        Lang::Ro => include_str!("../../../locales/ro/check.ftl"),
    }
}

/// A localizer over the check's words in `lang`.
pub fn words(lang: Lang) -> Localizer {
    Localizer::from_source(lang, source(lang))
}

/// One finding in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub severity: Severity,
    /// The code's name (`unknown-value`).
    pub code: String,
    pub path: String,
    /// "event urban-talk “Urban talk”", when the finding is in an event.
    pub event: Option<String>,
    /// What is wrong.
    pub what: String,
    /// How to fix it.
    pub fix: String,
}

/// Quoted list: `"online", "in_person", "hybrid"`.
fn listed<S: AsRef<str>>(values: &[S]) -> String {
    values.iter().map(|v| format!("\"{}\"", v.as_ref())).collect::<Vec<_>>().join(", ")
}

/// The message ids (what is wrong, how to fix it) and their variables.
/// What is wrong and its fix, the fix naming the nearest known value when
/// there is one: `[what, fix, fix naming it]`.
fn or_nearest(
    [what, fix, nearest_fix]: [&'static str; 3],
    mut args: Vec<(&'static str, Arg)>,
    suggestion: Option<&str>,
) -> (&'static str, &'static str, Vec<(&'static str, Arg)>) {
    match suggestion {
        Some(meant) => {
            args.push(("suggestion", Arg::Str(meant.to_owned())));
            (what, nearest_fix, args)
        }
        None => (what, fix, args),
    }
}

fn message(code: &Code) -> (&'static str, &'static str, Vec<(&'static str, Arg)>) {
    let s = |v: &str| Arg::Str(v.to_owned());
    match code {
        Code::TooLarge { bytes, max } => (
            msg("check-too-large"),
            msg("check-too-large-fix"),
            vec![
                ("megabytes", Arg::Num((*bytes as f64 / 1_048_576.0).ceil())),
                ("max", Arg::Num((*max / 1_048_576) as f64)),
            ],
        ),
        Code::EmptyDocument => (msg("check-empty-document"), msg("check-empty-document-fix"), vec![]),
        Code::WebPage => (msg("check-web-page"), msg("check-web-page-fix"), vec![]),
        Code::NotUtf8 => (msg("check-not-utf8"), msg("check-not-utf8-fix"), vec![]),
        Code::NotJson { line, column } => (
            msg("check-not-json"),
            msg("check-not-json-fix"),
            vec![("line", (*line).into()), ("column", (*column).into())],
        ),
        Code::NotAFeed => (msg("check-not-a-feed"), msg("check-not-a-feed-fix"), vec![]),
        Code::UnsupportedVersion { found } => {
            (msg("check-unsupported-version"), msg("check-unsupported-version-fix"), vec![("found", s(found))])
        }
        Code::Missing { field } => (msg("check-missing"), msg("check-missing-fix"), vec![("field", s(field))]),
        Code::WrongType { field, expected, value } => (
            msg("check-wrong-type"),
            msg("check-wrong-type-fix"),
            vec![("field", s(field)), ("expected", s(expected)), ("value", s(value))],
        ),
        Code::UnknownValue { field, value, allowed, suggestion } => or_nearest(
            [msg("check-unknown-value"), msg("check-unknown-value-fix"), msg("check-unknown-value-fix-nearest")],
            vec![("field", s(field)), ("value", s(value)), ("allowed", s(&listed(allowed)))],
            suggestion.as_deref(),
        ),
        Code::Empty { field } => (msg("check-empty"), msg("check-empty-fix"), vec![("field", s(field))]),
        Code::BadId { value } => (msg("check-bad-id"), msg("check-bad-id-fix"), vec![("value", s(value))]),
        Code::DuplicateId { id, first } => {
            (msg("check-duplicate-id"), msg("check-duplicate-id-fix"), vec![("id", s(id)), ("first", s(first))])
        }
        Code::BadDate { value, suggestion } => or_nearest(
            [msg("check-bad-date"), msg("check-bad-date-fix"), msg("check-bad-date-fix-nearest")],
            vec![("value", s(value))],
            suggestion.as_deref(),
        ),
        Code::DateWithoutTime { value } => {
            (msg("check-date-without-time"), msg("check-date-without-time-fix"), vec![("value", s(value))])
        }
        Code::DeadlineWithoutTime { value, suggestion } => (
            msg("check-deadline-without-time"),
            msg("check-deadline-without-time-fix"),
            vec![("value", s(value)), ("suggestion", s(suggestion))],
        ),
        Code::TimeOnAllDay { value, date } => (
            msg("check-time-on-all-day"),
            msg("check-time-on-all-day-fix"),
            vec![("value", s(value)), ("date", s(date))],
        ),
        Code::UnknownZone { zone, suggestions } if suggestions.is_empty() => {
            (msg("check-unknown-zone"), msg("check-unknown-zone-fix"), vec![("zone", s(zone))])
        }
        Code::UnknownZone { zone, suggestions } => (
            msg("check-unknown-zone"),
            msg("check-unknown-zone-fix-nearest"),
            vec![("zone", s(zone)), ("suggestions", s(&listed(suggestions)))],
        ),
        Code::NoZone { value } => (msg("check-no-zone"), msg("check-no-zone-fix"), vec![("value", s(value))]),
        Code::EndBeforeStart { start, end } => (
            msg("check-end-before-start"),
            msg("check-end-before-start-fix"),
            vec![("start", s(start)), ("end", s(end))],
        ),
        Code::UnknownReference { kind, list, id, suggestion } => or_nearest(
            [
                msg("check-unknown-reference"),
                msg("check-unknown-reference-fix"),
                msg("check-unknown-reference-fix-nearest"),
            ],
            vec![("kind", s(kind)), ("list", s(list)), ("id", s(id))],
            suggestion.as_deref(),
        ),
        Code::BadUrl { value } => (msg("check-bad-url"), msg("check-bad-url-fix"), vec![("value", s(value))]),
        Code::BadLanguage { value } => {
            (msg("check-bad-language"), msg("check-bad-language-fix"), vec![("value", s(value))])
        }
        Code::BadColour { value } => (msg("check-bad-colour"), msg("check-bad-colour-fix"), vec![("value", s(value))]),
        Code::Html { tags } => (msg("check-html"), msg("check-html-fix"), vec![("tags", s(&tags.join(", ")))]),
        Code::CountryName { value, code } => {
            (msg("check-country-name"), msg("check-country-name-fix"), vec![("value", s(value)), ("code", s(code))])
        }
        Code::UnknownCountry { value } => {
            (msg("check-unknown-country"), msg("check-unknown-country-fix"), vec![("value", s(value))])
        }
        Code::TimeInGap { value, zone, minutes, becomes } => (
            msg("check-time-in-gap"),
            msg("check-time-in-gap-fix"),
            vec![
                ("value", s(value)),
                ("zone", s(zone)),
                ("minutes", Arg::Num(*minutes as f64)),
                ("becomes", s(becomes)),
            ],
        ),
        Code::ZeroLength { start } => {
            (msg("check-zero-length"), msg("check-zero-length-fix"), vec![("start", s(start))])
        }
        Code::TooLong { days, max } => (
            msg("check-too-long"),
            msg("check-too-long-fix"),
            vec![("days", Arg::Num(*days as f64)), ("max", Arg::Num(*max as f64))],
        ),
        Code::PastRegistrationOpen { end } => {
            (msg("check-past-registration-open"), msg("check-past-registration-open-fix"), vec![("end", s(end))])
        }
        Code::Calendar { issue, detail, suggestion, .. } => {
            let (what, fix) = calendar_message(issue, suggestion.is_some());
            let mut args = vec![("detail", s(detail))];
            args.extend(suggestion.as_deref().map(|n| ("suggestion", s(n))));
            (what, fix, args)
        }
    }
}

/// The words for an iCalendar issue (`ical::IssueCode::name`).
fn calendar_message(issue: &str, suggestion: bool) -> (&'static str, &'static str) {
    match issue {
        "bad-line" => (msg("check-ics-bad-line"), msg("check-ics-bad-line-fix")),
        "unknown-zone" if suggestion => (msg("check-ics-unknown-zone"), msg("check-ics-unknown-zone-fix-nearest")),
        "unknown-zone" => (msg("check-ics-unknown-zone"), msg("check-ics-unknown-zone-fix")),
        "guessed-zone" => (msg("check-ics-guessed-zone"), msg("check-ics-guessed-zone-fix")),
        "floating-time" => (msg("check-ics-floating-time"), msg("check-ics-floating-time-fix")),
        "no-start" => (msg("check-ics-no-start"), msg("check-ics-no-start-fix")),
        "bad-value" => (msg("check-ics-bad-value"), msg("check-ics-bad-value-fix")),
        "no-end" => (msg("check-ics-no-end"), msg("check-ics-no-end-fix")),
        "unsupported-rule" => (msg("check-ics-unsupported-rule"), msg("check-ics-unsupported-rule-fix")),
        "time-in-gap" => (msg("check-ics-time-in-gap"), msg("check-ics-time-in-gap-fix")),
        "private" => (msg("check-ics-private"), msg("check-ics-private-fix")),
        "unmapped-category" => (msg("check-ics-unmapped-category"), msg("check-ics-unmapped-category-fix")),
        "bad-url" => (msg("check-ics-bad-url"), msg("check-ics-bad-url-fix")),
        "orphan-override" => (msg("check-ics-orphan-override"), msg("check-ics-orphan-override-fix")),
        "this-and-future" => (msg("check-ics-this-and-future"), msg("check-ics-this-and-future-fix")),
        "no-title" => (msg("check-ics-no-title"), msg("check-ics-no-title-fix")),
        "too-many-occurrences" => (msg("check-ics-too-many-occurrences"), msg("check-ics-too-many-occurrences-fix")),
        "not-utf8" => (msg("check-ics-not-utf8"), msg("check-ics-not-utf8-fix")),
        "unknown-property" => (msg("check-ics-unknown-property"), msg("check-ics-unknown-property-fix")),
        // Every code is listed (a test holds `ical::IssueCode::ALL` to it).
        _ => (msg("check-ics-bad-line"), msg("check-ics-bad-line-fix")),
    }
}

/// "event urban-talk “Urban talk”" in `lang`.
fn event_words(words: &Localizer, event: &EventRef) -> String {
    let title = event.title.pick(words.lang().tag(), &[]).map(|p| p.text.trim().to_owned());
    let number = Arg::from(event.index + 1);
    match (&event.id, title) {
        (Some(id), Some(title)) => words.t_args("check-event", &[("id", id.as_str().into()), ("title", title.into())]),
        (Some(id), None) => words.t_args("check-event-untitled", &[("id", id.as_str().into())]),
        (None, Some(title)) => words.t_args("check-event-no-id", &[("number", number), ("title", title.into())]),
        (None, None) => words.t_args("check-event-unnamed", &[("number", number)]),
    }
}

/// Every finding of `report` in `lang`.
pub fn lines(report: &Report, lang: Lang) -> Vec<Line> {
    let words = words(lang);
    report
        .findings
        .iter()
        .map(|f| {
            let (what, fix, args) = message(&f.code);
            // An iCalendar file's place is a line, and its event a title.
            let (path, event) = match &f.code {
                Code::Calendar { line, event, .. } => (
                    line.map(|n| words.t_args("check-line", &[("line", n.into())])).unwrap_or_default(),
                    event.as_ref().map(|title| words.t_args("check-ics-event", &[("title", title.as_str().into())])),
                ),
                _ => (f.path.clone(), f.event.as_ref().map(|e| event_words(&words, e))),
            };
            Line {
                severity: f.severity,
                code: f.code.name(),
                path,
                event,
                what: words.t_args(what, &args),
                fix: words.t_args(fix, &args),
            }
        })
        .collect()
}

/// The counts in words: "2 errors, 1 warning; 5 events read, 4 shown."
pub fn summary(report: &Report, lang: Lang) -> String {
    let words = words(lang);
    if report.unusable() {
        return words.t("check-unusable");
    }
    if report.findings.is_empty() {
        return words.t_args("check-no-problems", &[("events", report.events.into())]);
    }
    format!(
        "{}, {}. {}",
        words.t_args("check-errors", &[("count", report.errors().into())]),
        words.t_args("check-warnings", &[("count", report.warnings().into())]),
        words.t_args("check-events-read", &[("count", report.events.into()), ("shown", report.shown.into())]),
    )
}

/// The report as text for a terminal: per finding, the place, what is
/// wrong and how to fix it; then the counts.
pub fn text(report: &Report, lang: Lang) -> String {
    let words = words(lang);
    let mut out = String::new();
    for line in lines(report, lang) {
        let severity = match line.severity {
            Severity::Error => words.t("check-error"),
            Severity::Warning => words.t("check-warning"),
        };
        let path = if line.path.is_empty() { "/" } else { &line.path };
        out.push_str(&format!("{severity} [{}] {path}", line.code));
        if let Some(event) = &line.event {
            out.push_str(&format!(" — {event}"));
        }
        out.push('\n');
        out.push_str(&format!("  {}\n  {}: {}\n\n", line.what, words.t("check-fix"), line.fix));
    }
    out.push_str(&summary(report, lang));
    out.push('\n');
    out
}

/// The report as JSON, for scripts: `{"errors", "warnings", "events",
/// "shown", "problems": [{"severity", "code", "path", "event": {"index",
/// "id", "title"} | null, "data", "message", "fix"}]}`, words in `lang`.
pub fn to_json(report: &Report, lang: Lang) -> String {
    let lines = lines(report, lang);
    let problems: Vec<serde_json::Value> = report
        .findings
        .iter()
        .zip(lines)
        .map(|(f, line)| {
            let tagged = serde_json::to_value(&f.code).unwrap_or_default();
            let event = f.event.as_ref().map(|e| {
                serde_json::json!({
                    "index": e.index,
                    "id": e.id,
                    "title": e.title.pick(lang.tag(), &[]).map(|p| p.text.trim().to_owned()),
                })
            });
            serde_json::json!({
                "severity": f.severity,
                "code": f.code.name(),
                "path": f.path,
                "event": event,
                "data": tagged.get("data").cloned().unwrap_or(serde_json::json!({})),
                "message": line.what,
                "fix": line.fix,
            })
        })
        .collect();
    let out = serde_json::json!({
        "errors": report.errors(),
        "warnings": report.warnings(),
        "events": report.events,
        "shown": report.shown,
        "problems": problems,
    });
    serde_json::to_string_pretty(&out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tzdb::{zone_names, Tzdb};

    fn zones() -> Vec<String> {
        zone_names().map(str::to_owned).collect()
    }

    fn now() -> DateTime<Utc> {
        "2027-06-01T00:00:00Z".parse().unwrap()
    }

    const GOOD: &str = r#"{"id": "good", "title": {"en": "Good"}, "start": "2027-09-01T16:00", "end": "2027-09-01T18:00",
        "timeZone": "Europe/Bucharest", "format": "online", "themes": ["innovation"]}"#;

    fn feed_with(events: &str) -> String {
        format!(
            r#"{{"version": 1,
                "themes": [{{"id": "innovation", "label": {{"en": "Innovation"}}}}],
                "organizations": [{{"id": "uiu", "name": "Urban Innovation Unit", "country": "RO"}}],
                "events": [{GOOD}, {events}]}}"#
        )
    }

    /// The findings of one event (after the good one), as (severity, path, code).
    fn findings(event: &str) -> Vec<(Severity, String, Code)> {
        let report = check(feed_with(event).as_bytes(), &Tzdb, &zones(), now());
        report.findings.into_iter().map(|f| (f.severity, f.path, f.code)).collect()
    }

    fn event(fields: &str) -> String {
        format!(r#"{{"id": "x", "title": {{"en": "X", "es": "Equis"}}, {fields}}}"#)
    }

    const TIMED: &str = r#""start": "2027-09-02T10:00", "end": "2027-09-02T12:00", "timeZone": "Europe/Madrid""#;

    use Severity::{Error, Warning};

    #[test]
    fn every_icalendar_issue_has_its_own_words() {
        for code in crate::ical::IssueCode::ALL {
            let (what, fix) = calendar_message(code.name(), false);
            assert_eq!(
                (what, fix),
                (&*format!("check-ics-{}", code.name()), &*format!("check-ics-{}-fix", code.name()))
            );
            for lang in [Lang::En, Lang::Es, Lang::Ro] {
                let words = words(lang);
                let said = words.t_args(what, &[("detail", Arg::Str("x".into()))]);
                assert!(!said.starts_with("check-"), "{lang:?} {what}: {said}");
                assert!(!words.t(fix).starts_with("check-"), "{lang:?} {fix}");
            }
        }
    }

    #[test]
    fn what_is_not_a_feed_is_named() {
        for (input, code) in [
            (&b""[..], Code::EmptyDocument),
            (&b"\xEF\xBB\xBF \r\n\t"[..], Code::EmptyDocument),
            (&b"<!DOCTYPE html>\n<html><head><title>Sign in</title>"[..], Code::WebPage),
            (&b"\n  <html lang=\"en\"><body>404</body></html>"[..], Code::WebPage),
            (&b"<events><event/></events>"[..], Code::NotJson { line: 1, column: 1 }),
            (&b"version: 1"[..], Code::NotJson { line: 1, column: 1 }),
        ] {
            let report = check(input, &Tzdb, &zones(), now());
            let codes: Vec<_> = report.findings.iter().map(|f| f.code.clone()).collect();
            assert_eq!(codes, std::slice::from_ref(&code), "{}", String::from_utf8_lossy(input));
            assert!(report.unusable());
            let line = &lines(&report, Lang::Es)[0];
            assert!(!line.what.contains("check-") && !line.fix.contains("check-"), "{line:?}");
        }
    }

    #[test]
    fn an_icalendar_file_is_read_as_the_calendar_reads_it_then_checked() {
        let ics = "BEGIN:VCALENDAR\r\nX-WR-TIMEZONE:Europe/Bucharest\r\n\
            BEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Mobility lab\r\nDTSTART;TZID=Europe/Bucuresti:20270910T180000\r\nDTEND;TZID=Europe/Bucuresti:20270910T190000\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Lost start\r\nEND:VEVENT\r\n\
            BEGIN:VEVENT\r\nUID:c\r\nSUMMARY:<b>Open</b> day\r\nDTSTART:20270911T100000Z\r\nEND:VEVENT\r\n\
            END:VCALENDAR\r\n";
        let report = check(ics.as_bytes(), &Tzdb, &zones(), now());
        let found: Vec<_> = report.findings.iter().map(|f| (f.severity, f.code.name(), f.code.clone())).collect();
        let calendar = |issue, line, event: &str, detail: &str, suggestion: Option<&str>| Code::Calendar {
            issue,
            line: Some(line),
            event: Some(event.to_owned()),
            detail: detail.to_owned(),
            suggestion: suggestion.map(str::to_owned),
        };
        assert_eq!(
            found,
            [
                (
                    Severity::Warning,
                    "ics-guessed-zone".to_owned(),
                    calendar("guessed-zone", 6, "Mobility lab", "Europe/Bucuresti", Some("Europe/Bucharest"))
                ),
                (Severity::Error, "ics-no-start".to_owned(), calendar("no-start", 9, "Lost start", "", None)),
                (Severity::Warning, "ics-no-end".to_owned(), calendar("no-end", 13, "<b>Open</b> day", "", None)),
                // Then the feed it becomes: HTML in the title.
                (Severity::Warning, "html".to_owned(), Code::Html { tags: vec!["<b>".to_owned()] }),
            ]
        );
        // Three events in the file, two shown.
        assert_eq!((report.events, report.shown), (3, 2));
        let ro = lines(&report, Lang::Ro);
        assert_eq!(ro[0].path, "linia 6");
        assert_eq!(ro[0].event.as_deref(), Some("„Mobility lab”"));
        assert!(ro[0].fix.contains("Europe/Bucharest"), "{}", ro[0].fix);
        assert!(lines(&report, Lang::En)[1].what.contains("no start"));

        // Outlook's zone names, mistyped; a weekly event's HTML title said once.
        let ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:w\r\nSUMMARY:Lab <br>weekly\r\n\
            DTSTART;TZID=Romance Standard Tme:20270910T180000\r\nDURATION:PT1H\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\n\
            END:VEVENT\r\nEND:VCALENDAR\r\n";
        let report = check(ics.as_bytes(), &Tzdb, &zones(), now());
        let codes: Vec<_> = report.findings.iter().map(|f| f.code.name()).collect();
        assert_eq!(codes, ["ics-guessed-zone", "html", "html"], "{:?}", report.findings);
        assert!(
            matches!(&report.findings[0].code, Code::Calendar { suggestion: Some(s), .. } if s == "Romance Standard Time")
        );
    }

    #[test]
    fn a_good_feed_has_no_findings() {
        let report =
            check(feed_with(&event(&format!(r#"{TIMED}, "format": "hybrid""#))).as_bytes(), &Tzdb, &zones(), now());
        assert_eq!(report.findings, []);
        assert_eq!((report.events, report.shown, report.errors(), report.warnings()), (2, 2, 0, 0));
    }

    #[test]
    fn each_ordinary_mistake_is_named_with_its_fix() {
        let s = |v: &str| v.to_owned();
        type Case = (String, Vec<(Severity, &'static str, Code)>);
        let cases: Vec<Case> = vec![
            // Unknown enumeration values, with the allowed ones and the likely one.
            (
                event(&format!(r#"{TIMED}, "format": "webinar""#)),
                vec![(
                    Error,
                    "events[1].format",
                    Code::UnknownValue {
                        field: s("format"),
                        value: s("webinar"),
                        allowed: &validate::FORMATS,
                        suggestion: Some("online"),
                    },
                )],
            ),
            (
                event(&format!(r#"{TIMED}, "format": "online", "status": "canceled""#)),
                vec![(
                    Error,
                    "events[1].status",
                    Code::UnknownValue {
                        field: s("status"),
                        value: s("canceled"),
                        allowed: &validate::EVENT_STATUSES,
                        suggestion: Some("cancelled"),
                    },
                )],
            ),
            (
                event(&format!(r#"{TIMED}, "format": "online", "people": [{{"name": "Ana", "role": "chair"}}]"#)),
                vec![(
                    Error,
                    "events[1].people[0].role",
                    Code::UnknownValue { field: s("role"), value: s("chair"), allowed: &validate::ROLES, suggestion: None },
                )],
            ),
            // A date without a time: allDay.
            (
                event(r#""start": "2027-03-20", "end": "2027-03-21", "format": "online""#),
                vec![
                    (Error, "events[1].start", Code::DateWithoutTime { value: s("2027-03-20") }),
                    (Error, "events[1].end", Code::DateWithoutTime { value: s("2027-03-21") }),
                ],
            ),
            (
                event(r#""start": "2027-03-20", "format": "online""#),
                vec![(Error, "events[1].start", Code::DateWithoutTime { value: s("2027-03-20") })],
            ),
            (
                event(r#""allDay": true, "start": "2027-03-20T10:00", "format": "online""#),
                vec![(
                    Error,
                    "events[1].start",
                    Code::TimeOnAllDay { value: s("2027-03-20T10:00"), date: s("2027-03-20") },
                )],
            ),
            (
                event(&format!(r#"{TIMED}, "format": "online", "registration": {{"closes": "2027-09-01"}}"#)),
                vec![(
                    Error,
                    "events[1].registration.closes",
                    Code::DeadlineWithoutTime { value: s("2027-09-01"), suggestion: s("2027-09-01T23:59") },
                )],
            ),
            (
                event(r#""start": "2027-09-02 10:00", "end": "2027-09-02T12:00", "timeZone": "Europe/Madrid", "format": "online""#),
                vec![(
                    Error,
                    "events[1].start",
                    Code::BadDate { value: s("2027-09-02 10:00"), suggestion: Some(s("2027-09-02T10:00")) },
                )],
            ),
            // HTML in text: the tags named.
            (
                event(&format!(
                    r#"{TIMED}, "format": "online", "description": {{"en": "<p>Join us</p><br/><a href='x'>here</a>&nbsp;!"}}"#
                )),
                vec![(
                    Warning,
                    "events[1].description.en",
                    Code::Html { tags: vec![s("<p>"), s("<br>"), s("<a>"), s("&nbsp;")] },
                )],
            ),
            (
                event(&format!(r#"{TIMED}, "format": "online", "people": [{{"name": "<b>Ana</b>", "position": "Mayor < 2020"}}]"#)),
                vec![(Warning, "events[1].people[0].name", Code::Html { tags: vec![s("<b>")] })],
            ),
            // Countries by name.
            (
                event(&format!(r#"{TIMED}, "format": "in_person", "venue": {{"name": "Hall", "country": "România"}}"#)),
                vec![(Warning, "events[1].venue.country", Code::CountryName { value: s("România"), code: "RO" })],
            ),
            (
                event(&format!(
                    r#"{TIMED}, "format": "online", "people": [{{"name": "Ana", "country": "españa"}}, {{"name": "Bo", "country": "UK"}}, {{"name": "Cy", "country": "de"}}, {{"name": "Di", "country": "Atlantis"}}]"#
                )),
                vec![
                    (Warning, "events[1].people[0].country", Code::CountryName { value: s("españa"), code: "ES" }),
                    (Warning, "events[1].people[1].country", Code::CountryName { value: s("UK"), code: "GB" }),
                    (Warning, "events[1].people[2].country", Code::CountryName { value: s("de"), code: "DE" }),
                    (Warning, "events[1].people[3].country", Code::UnknownCountry { value: s("Atlantis") }),
                ],
            ),
            // A start in a daylight-saving gap: Santiago skips 00:00–01:00 on 5 September 2027.
            (
                event(r#""start": "2027-09-05T00:30", "end": "2027-09-05T01:30", "timeZone": "America/Santiago", "format": "online""#),
                vec![
                    (
                        Warning,
                        "events[1].start",
                        Code::TimeInGap {
                            value: s("2027-09-05T00:30"),
                            zone: s("America/Santiago"),
                            minutes: 60,
                            becomes: s("2027-09-05T01:30"),
                        },
                    ),
                    (Warning, "events[1].end", Code::ZeroLength { start: s("2027-09-05T00:30") }),
                ],
            ),
            // Zero-length and over-long events.
            (
                event(r#""start": "2027-09-02T10:00", "end": "2027-09-02T10:00", "timeZone": "Europe/Madrid", "format": "online""#),
                vec![(Warning, "events[1].end", Code::ZeroLength { start: s("2027-09-02T10:00") })],
            ),
            (
                event(r#""start": "2027-09-02T10:00", "end": "2027-10-02T12:00", "timeZone": "Europe/Madrid", "format": "online""#),
                vec![(Warning, "events[1].end", Code::TooLong { days: 30, max: 14 })],
            ),
            (
                event(r#""allDay": true, "start": "2027-01-01", "end": "2028-06-30", "format": "online""#),
                vec![],
            ),
            // Unknown zones, with the nearest names.
            (
                event(r#""start": "2027-09-02T10:00", "end": "2027-09-02T12:00", "timeZone": "Europe/Bucuresti", "format": "online""#),
                vec![(
                    Error,
                    "events[1].timeZone",
                    Code::UnknownZone { zone: s("Europe/Bucuresti"), suggestions: vec![s("Europe/Bucharest")] },
                )],
            ),
            (
                event(r#""start": "2027-09-02T10:00", "end": "2027-09-02T12:00", "timeZone": "bogotá", "format": "online""#),
                vec![(
                    Error,
                    "events[1].timeZone",
                    Code::UnknownZone { zone: s("bogotá"), suggestions: vec![s("America/Bogota")] },
                )],
            ),
            (
                event(r#""start": "2027-09-02T10:00", "end": "2027-09-02T12:00", "timeZone": "UTC+2", "format": "online""#),
                vec![(Error, "events[1].timeZone", Code::UnknownZone { zone: s("UTC+2"), suggestions: vec![] })],
            ),
            // Duplicate ids.
            (
                r#"{"id": "good", "title": "Again", "start": "2027-09-02T10:00Z", "end": "2027-09-02T12:00Z", "format": "online"}"#
                    .to_owned(),
                vec![(Error, "events[1].id", Code::DuplicateId { id: s("good"), first: s("events[0]") })],
            ),
            // Over, with registration open.
            (
                event(
                    r#""start": "2027-03-02T10:00", "end": "2027-03-02T12:00", "timeZone": "Europe/Madrid", "format": "online", "registration": {"status": "open"}"#,
                ),
                vec![(Warning, "events[1].registration.status", Code::PastRegistrationOpen { end: s("2027-03-02T12:00") })],
            ),
            (
                event(r#""allDay": true, "start": "2027-03-02", "format": "online", "registration": {"free": true}"#),
                vec![(Warning, "events[1].registration", Code::PastRegistrationOpen { end: s("2027-03-02") })],
            ),
            // Over, registration closed by its deadline: nothing to say.
            (
                event(
                    r#""start": "2027-03-02T10:00", "end": "2027-03-02T12:00", "timeZone": "Europe/Madrid", "format": "online", "registration": {"closes": "2027-03-01T12:00"}"#,
                ),
                vec![],
            ),
            // The reader's other problems, said precisely.
            (
                event(r#""start": "2027-09-02T10:00", "end": "2027-09-02T12:00", "format": "online""#),
                vec![
                    (Error, "events[1].start", Code::NoZone { value: s("2027-09-02T10:00") }),
                    (Error, "events[1].end", Code::NoZone { value: s("2027-09-02T12:00") }),
                ],
            ),
            (
                event(&format!(r#"{TIMED}, "format": "online", "allDay": "yes""#)),
                vec![(
                    Error,
                    "events[1].allDay",
                    Code::WrongType { field: s("allDay"), expected: "boolean", value: s("\"yes\"") },
                )],
            ),
            (
                event(&format!(r#"{TIMED}, "format": "online", "people": [{{"role": "host"}}]"#)),
                vec![(Error, "events[1].people[0].name", Code::Missing { field: s("name") })],
            ),
            (
                event(&format!(r#"{TIMED}, "format": "online", "themes": ["inovation"]"#)),
                vec![(
                    Error,
                    "events[1].themes[0]",
                    Code::UnknownReference {
                        kind: "theme",
                        list: "themes",
                        id: s("inovation"),
                        suggestion: Some(s("innovation")),
                    },
                )],
            ),
        ];
        for (event, expected) in cases {
            let expected: Vec<(Severity, String, Code)> =
                expected.into_iter().map(|(sev, path, code)| (sev, path.to_owned(), code)).collect();
            assert_eq!(findings(&event), expected, "{event}");
        }
    }

    /// An event the reader stops reading at its first wrong type is read
    /// on, so all of its problems are listed at once.
    #[test]
    fn every_problem_of_a_skipped_event_is_listed() {
        let found = findings(&event(
            r#""format": "webinar", "start": "2027-03-20", "end": "2027-03-21", "timeZone": "Europe/Bucuresti", "session": -1, "description": "<p>Hi</p>""#,
        ));
        let codes: Vec<(&str, String)> = found.iter().map(|(_, p, c)| (p.as_str(), c.name())).collect();
        assert_eq!(
            codes,
            [
                ("events[1].format", s("unknown-value")),
                ("events[1].session", s("wrong-type")),
                ("events[1].timeZone", s("unknown-zone")),
                ("events[1].start", s("date-without-time")),
                ("events[1].end", s("date-without-time")),
                ("events[1].description", s("html")),
            ]
        );
        fn s(v: &str) -> String {
            v.to_owned()
        }
    }

    #[test]
    fn findings_name_their_event() {
        let report = check(feed_with(&event(r#""format": "webinar""#)).as_bytes(), &Tzdb, &zones(), now());
        let first = &report.findings[0];
        let event = first.event.as_ref().unwrap();
        assert_eq!((event.index, event.id.as_deref()), (1, Some("x")));
        let lines = lines(&report, Lang::Es);
        assert_eq!(lines[0].event.as_deref(), Some("evento x «Equis»"));
        assert_eq!(lines[0].code, "unknown-value");
    }

    #[test]
    fn the_feeds_own_lists_are_checked_too() {
        let doc = r#"{"version": 1, "name": {"en": "<b>Net</b>"}, "events": [],
            "organizations": [{"id": "a", "name": "A", "country": "Romania"}, {"id": "a", "name": "B"}],
            "series": [{"id": "s", "title": "S", "kind": "sesions"}]}"#;
        let report = check(doc.as_bytes(), &Tzdb, &zones(), now());
        let found: Vec<(&str, Code)> = report.findings.iter().map(|f| (f.path.as_str(), f.code.clone())).collect();
        assert_eq!(
            found,
            [
                ("name.en", Code::Html { tags: vec!["<b>".into()] }),
                ("organizations[0].country", Code::CountryName { value: "Romania".into(), code: "RO" }),
                ("organizations[1].id", Code::DuplicateId { id: "a".into(), first: "organizations[0]".into() }),
                (
                    "series[0].kind",
                    Code::UnknownValue {
                        field: "kind".into(),
                        value: "sesions".into(),
                        allowed: &validate::SERIES_KINDS,
                        suggestion: Some("sessions")
                    }
                ),
            ]
        );
        assert!(report.findings.iter().all(|f| f.event.is_none()));
    }

    #[test]
    fn a_duplicate_of_a_skipped_event_is_still_a_duplicate() {
        let bad =
            r#"{"id": "x", "title": "", "start": "2027-09-02T10:00Z", "end": "2027-09-02T12:00Z", "format": "online"}"#;
        let again = r#"{"id": "x", "title": "X", "start": "2027-09-02T10:00Z", "end": "2027-09-02T12:00Z", "format": "online"}"#;
        let found = findings(&format!("{bad}, {again}"));
        assert_eq!(
            found,
            [
                (Error, "events[1].title".to_owned(), Code::Missing { field: "title".into() }),
                (Error, "events[2].id".to_owned(), Code::DuplicateId { id: "x".into(), first: "events[1]".into() }),
            ]
        );
    }

    #[test]
    fn whole_document_failures_are_one_fatal_finding() {
        for (input, code) in [
            (&b"{\"version\": 1,\n \"events\": [}"[..], Code::NotJson { line: 2, column: 13 }),
            (&[0xff, 0xfe][..], Code::NotUtf8),
            (br#"{"version": 2, "events": []}"#, Code::UnsupportedVersion { found: "2".into() }),
            (br#"{"version": 1, "events": {}}"#, Code::NotAFeed),
        ] {
            let report = check(input, &Tzdb, &zones(), now());
            assert_eq!(report.findings.len(), 1);
            assert_eq!(report.findings[0].code, code);
            assert!(report.unusable());
        }
    }

    /// No input makes the check panic or crawl: the sample feed and a feed
    /// of mistakes, cut and with bytes changed, and values far too long.
    #[test]
    fn mangled_feeds_are_checked_without_panicking() {
        let sample = include_str!("../../../public/events.json");
        let mistakes = feed_with(&event(
            r#""format": "webinar", "start": "2027-03-20", "timeZone": "Europe/Bucuresti", "description": "<p>x</p>", "venue": {"country": "Romania"}"#,
        ));
        let zones = zones();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for base in [sample.as_bytes(), mistakes.as_bytes()] {
            for _ in 0..150 {
                let mut bytes = base.to_vec();
                for _ in 0..(next() % 4 + 1) {
                    if bytes.is_empty() {
                        break;
                    }
                    let at = (next() % bytes.len() as u64) as usize;
                    match next() % 3 {
                        0 => {
                            let pick = b"{}[]\",:0a-T <&";
                            bytes[at] = pick[(next() % pick.len() as u64) as usize];
                        }
                        1 => bytes.truncate(at.max(1)),
                        _ => {
                            bytes.remove(at);
                        }
                    }
                }
                let report = check(&bytes, &Tzdb, &zones, now());
                let _ = (text(&report, Lang::Ro), to_json(&report, Lang::Es));
            }
        }
        let long = "x".repeat(200_000);
        let doc = feed_with(&event(&format!(
            r#""format": "{long}", "timeZone": "{long}", "start": "{long}", "themes": ["{long}"], "venue": {{"country": "{long}"}}"#
        )));
        let started = std::time::Instant::now();
        let report = check(doc.as_bytes(), &Tzdb, &zones, now());
        assert!(report.errors() >= 3 && started.elapsed().as_secs() < 10);
    }

    #[test]
    fn zone_suggestions() {
        let zones = zones();
        assert_eq!(nearest_zones("Europe/Bucuresti", &zones), ["Europe/Bucharest"]);
        assert_eq!(nearest_zones("europe/madrid", &zones), ["Europe/Madrid"]);
        assert_eq!(nearest_zones("Europe/Lisboa", &zones), ["Europe/Lisbon"]);
        assert_eq!(nearest_zones("America/Sao Paulo", &zones), ["America/Sao_Paulo"]);
        assert!(nearest_zones("Mars/Olympus", &zones).is_empty());
        assert!(nearest_zones("GMT+02:00", &zones).is_empty());
    }

    #[test]
    fn countries_by_name_in_their_languages() {
        for (name, code) in [
            ("Romania", "RO"),
            ("ROMÂNIA", "RO"),
            ("Deutschland", "DE"),
            ("España", "ES"),
            ("Espana", "ES"),
            ("the Netherlands", "NL"),
            ("Polska", "PL"),
            ("Magyarország", "HU"),
            ("United States", "US"),
            ("Brasil", "BR"),
            ("México", "MX"),
            ("Ελλάδα", "GR"),
            ("ro", "RO"),
        ] {
            assert_eq!(country_code(name), Some(code), "{name}");
        }
        assert_eq!(country_code("Narnia"), None);
        // Every code in the table is a code.
        for (code, _) in COUNTRY_NAMES {
            assert!(COUNTRY_CODES.split(' ').any(|c| c == *code), "{code}");
        }
    }

    #[test]
    fn html_is_told_from_text() {
        assert!(html_tags("3 < 4 and 5 > 2, <3, a<b").is_empty());
        assert!(html_tags("R&D; Q&A").is_empty());
        assert_eq!(html_tags("<P>x</P><br>"), ["<p>", "<br>"]);
        assert_eq!(html_tags("&amp; &#39;"), ["&amp;", "&#39;"]);
    }

    #[test]
    fn every_code_has_words_in_every_language() {
        let s = |v: &str| v.to_owned();
        let codes = [
            Code::TooLarge { bytes: 40 << 20, max: MAX_FEED_BYTES },
            Code::NotUtf8,
            Code::NotJson { line: 1, column: 2 },
            Code::NotAFeed,
            Code::UnsupportedVersion { found: s("2") },
            Code::Missing { field: s("title") },
            Code::WrongType { field: s("allDay"), expected: "boolean", value: s("\"yes\"") },
            Code::UnknownValue { field: s("format"), value: s("x"), allowed: &validate::FORMATS, suggestion: None },
            Code::UnknownValue {
                field: s("format"),
                value: s("x"),
                allowed: &validate::FORMATS,
                suggestion: Some("online"),
            },
            Code::Empty { field: s("x") },
            Code::BadId { value: s("") },
            Code::DuplicateId { id: s("a"), first: s("events[0]") },
            Code::BadDate { value: s("x"), suggestion: None },
            Code::BadDate { value: s("x"), suggestion: Some(s("y")) },
            Code::DateWithoutTime { value: s("2027-03-20") },
            Code::DeadlineWithoutTime { value: s("2027-03-20"), suggestion: s("2027-03-20T23:59") },
            Code::TimeOnAllDay { value: s("2027-03-20T10:00"), date: s("2027-03-20") },
            Code::UnknownZone { zone: s("x"), suggestions: vec![] },
            Code::UnknownZone { zone: s("x"), suggestions: vec![s("Europe/Madrid")] },
            Code::NoZone { value: s("x") },
            Code::EndBeforeStart { start: s("a"), end: s("b") },
            Code::UnknownReference { kind: "theme", list: "themes", id: s("x"), suggestion: None },
            Code::UnknownReference { kind: "series", list: "series", id: s("x"), suggestion: Some(s("y")) },
            Code::BadUrl { value: s("x") },
            Code::BadLanguage { value: s("x") },
            Code::BadColour { value: s("x") },
            Code::Html { tags: vec![s("<p>")] },
            Code::CountryName { value: s("Romania"), code: "RO" },
            Code::UnknownCountry { value: s("x") },
            Code::TimeInGap { value: s("a"), zone: s("z"), minutes: 60, becomes: s("b") },
            Code::ZeroLength { start: s("a") },
            Code::TooLong { days: 30, max: 14 },
            Code::PastRegistrationOpen { end: s("a") },
        ];
        for lang in Lang::ALL {
            let words = words(lang);
            for code in &codes {
                let (what, fix, args) = message(code);
                for id in [what, fix] {
                    let said = words.t_args(id, &args);
                    assert!(said != id && !said.contains("{$"), "{lang:?} {id}: {said}");
                }
                assert!(!code.name().is_empty());
            }
        }
    }

    #[test]
    fn json_carries_codes_and_data() {
        let report =
            check(feed_with(&event(&format!(r#"{TIMED}, "format": "webinar""#))).as_bytes(), &Tzdb, &zones(), now());
        let json: serde_json::Value = serde_json::from_str(&to_json(&report, Lang::En)).unwrap();
        let problem = &json["problems"][0];
        assert_eq!(problem["code"], "unknown-value");
        assert_eq!(problem["severity"], "error");
        assert_eq!(problem["path"], "events[1].format");
        assert_eq!(problem["event"]["id"], "x");
        assert_eq!(problem["event"]["title"], "X");
        assert_eq!(problem["data"]["allowed"], serde_json::json!(["online", "in_person", "hybrid"]));
        assert_eq!(problem["data"]["suggestion"], "online");
        assert_eq!(json["errors"], 1);
    }
}
