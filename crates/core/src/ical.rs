//! Reading iCalendar (RFC 5545) into feed v1: `citycal import`
//! (`docs/import.md`).
//!
//! [`read`] is the reader (unfolding, parameters, escaped text, nested
//! components); [`import`] turns a calendar's `VEVENT`s into a feed v1 JSON
//! document that [`crate::validate::parse`] reads and [`crate::check::check`]
//! finds no errors in. Zones come in through [`ZoneRules`] (a `TZID` is an
//! IANA name, a Windows name as Outlook writes it, or named by its
//! `VTIMEZONE`'s `X-LIC-LOCATION`); the window recurring events are expanded
//! over is an argument, never the clock. Recurrences are expanded in the
//! event's **local** wall-clock time and each occurrence placed with
//! [`time::resolve_local`], so a weekly 18:00 stays 18:00 across a DST change.

use std::fmt;

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};
use serde_json::{json, Map, Value};

use crate::time::{self, Resolution, ZoneRules};

// ---------------------------------------------------------------- the reader

/// One content line: `NAME;PARAM=value:value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Property {
    /// Upper case.
    pub name: String,
    /// Names upper case; values unquoted (a list's values stay comma-joined).
    pub params: Vec<(String, String)>,
    /// As written (still escaped, for TEXT values: see [`Property::text`]).
    pub value: String,
    /// 1-based line of the (unfolded) content line in the input.
    pub line: usize,
}

impl Property {
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    /// The value as TEXT (RFC 5545 §3.3.11), unescaped.
    pub fn text(&self) -> String {
        unescape(&self.value)
    }

    /// A TEXT list (`CATEGORIES:a,b\,c`), split at unescaped commas, each unescaped and trimmed.
    pub fn texts(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut current = String::new();
        let mut chars = self.value.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    current.push('\\');
                    if let Some(next) = chars.next() {
                        current.push(next);
                    }
                }
                ',' => out.push(std::mem::take(&mut current)),
                c => current.push(c),
            }
        }
        out.push(current);
        out.iter().map(|s| unescape(s).trim().to_owned()).filter(|s| !s.is_empty()).collect()
    }
}

/// `BEGIN:NAME` … `END:NAME`, with its properties and inner components.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Component {
    /// Upper case: `VCALENDAR`, `VEVENT`, `VTIMEZONE`, `STANDARD`...
    pub name: String,
    pub properties: Vec<Property>,
    pub components: Vec<Component>,
    /// Line of its `BEGIN`.
    pub line: usize,
}

impl Component {
    pub fn get(&self, name: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.name == name)
    }
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Property> + 'a {
        self.properties.iter().filter(move |p| p.name == name)
    }
    pub fn children<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Component> + 'a {
        self.components.iter().filter(move |c| c.name == name)
    }
}

/// Joins folded lines (a line break followed by a space or a tab continues
/// the line, §3.1), on bytes, so a fold inside a UTF-8 character is mended,
/// then decodes (invalid UTF-8 replaced). Each returned line carries its
/// 1-based number in the input.
pub fn unfold(input: &[u8]) -> Vec<(usize, String)> {
    let input = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let mut lines: Vec<(usize, Vec<u8>)> = Vec::new();
    let mut number = 0;
    for raw in input.split(|&b| b == b'\n') {
        number += 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        match raw.first() {
            Some(b' ' | b'\t') if !lines.is_empty() => lines.last_mut().unwrap().1.extend_from_slice(&raw[1..]),
            _ => lines.push((number, raw.to_vec())),
        }
    }
    lines
        .into_iter()
        .filter(|(_, l)| !l.iter().all(u8::is_ascii_whitespace))
        .map(|(n, l)| (n, String::from_utf8(l).unwrap_or_else(|e| windows_1252(e.as_bytes()))))
        .collect()
}

/// A line that is not UTF-8 read as Windows-1252, what older Outlook and
/// Windows tools write ("Caf\xE9" → "Café"): Latin-1, with 0x80–0x9F as
/// Windows has them (€, quotes, dashes, Š, Ž, Œ…).
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    bytes.iter().map(|&b| if (0x80..0xa0).contains(&b) { HIGH[usize::from(b - 0x80)] } else { char::from(b) }).collect()
}

/// One unfolded content line, or `None` when it has no `:` after a name.
pub fn parse_line(line: &str, number: usize) -> Option<Property> {
    let bytes = line.as_bytes();
    let name_end = bytes.iter().position(|&b| b == b';' || b == b':')?;
    let name = line[..name_end].trim().to_ascii_uppercase();
    if name.is_empty() {
        return None;
    }
    let mut params = Vec::new();
    let mut at = name_end;
    while bytes.get(at) == Some(&b';') {
        at += 1;
        let eq = at + bytes[at..].iter().position(|&b| b == b'=' || b == b':' || b == b';')?;
        let param = line[at..eq].trim().to_ascii_uppercase();
        let mut value = String::new();
        if bytes[eq] == b'=' {
            at = eq + 1;
            // Values, comma-separated, each maybe "quoted" (a quoted one may hold ; : ,).
            loop {
                if bytes.get(at) == Some(&b'"') {
                    let close = at + 1 + bytes[at + 1..].iter().position(|&b| b == b'"')?;
                    value.push_str(&line[at + 1..close]);
                    at = close + 1;
                } else {
                    let end = at + bytes[at..].iter().position(|&b| b == b',' || b == b';' || b == b':')?;
                    value.push_str(&line[at..end]);
                    at = end;
                }
                if bytes.get(at) == Some(&b',') {
                    value.push(',');
                    at += 1;
                } else {
                    break;
                }
            }
        } else {
            at = eq;
        }
        params.push((param, value));
    }
    if bytes.get(at) != Some(&b':') {
        return None;
    }
    Some(Property { name, params, value: line[at + 1..].to_owned(), line: number })
}

/// RFC 5545 TEXT unescaping: `\\`, `\;`, `\,`, `\n`/`\N`; a lone backslash
/// before anything else is dropped.
pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// Why a document is not a calendar at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// No `BEGIN:VCALENDAR` line.
    NotICalendar,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::NotICalendar => f.write_str("not an iCalendar file (no BEGIN:VCALENDAR)"),
        }
    }
}

/// The document's `VCALENDAR`s. Tolerant: a line that is not a content line
/// is reported and skipped, an `END` that closes nothing open is ignored,
/// components left open at the end are closed.
pub fn read(input: &[u8]) -> Result<(Vec<Component>, Vec<ImportIssue>), ImportError> {
    let mut issues = Vec::new();
    if std::str::from_utf8(input).is_err() {
        issues.push(ImportIssue::new(None, None, IssueCode::NotUtf8, String::new()));
    }
    let mut stack: Vec<Component> = Vec::new();
    let mut calendars = Vec::new();
    for (number, line) in unfold(input) {
        let Some(property) = parse_line(&line, number) else {
            if !stack.is_empty() {
                issues.push(ImportIssue::new(Some(number), None, IssueCode::BadLine, shorten(&line)));
            }
            continue;
        };
        match property.name.as_str() {
            "BEGIN" => stack.push(Component {
                name: property.value.trim().to_ascii_uppercase(),
                line: number,
                ..Component::default()
            }),
            "END" => {
                let name = property.value.trim().to_ascii_uppercase();
                // Close up to the matching BEGIN (components left open inside are closed too).
                if let Some(depth) = stack.iter().rposition(|c| c.name == name) {
                    while stack.len() > depth {
                        close(&mut stack, &mut calendars);
                    }
                }
            }
            _ => {
                if let Some(current) = stack.last_mut() {
                    if !is_known_property(&property.name) {
                        let label = current.get("SUMMARY").map(|p| shorten(&p.text()));
                        issues.push(ImportIssue::new(Some(number), label, IssueCode::UnknownProperty, shorten(&line)));
                    }
                    current.properties.push(property);
                }
            }
        }
    }
    while !stack.is_empty() {
        close(&mut stack, &mut calendars);
    }
    if calendars.is_empty() {
        return Err(ImportError::NotICalendar);
    }
    Ok((calendars, issues))
}

/// The properties of RFC 5545 (with RFC 7986's and RFC 9074's), and any
/// `X-` or `IANA`-registered-looking vendor name: anything else inside a
/// component is reported ([`IssueCode::UnknownProperty`]).
fn is_known_property(name: &str) -> bool {
    const KNOWN: &[&str] = &[
        "ACTION",
        "ACKNOWLEDGED",
        "ATTACH",
        "ATTENDEE",
        "CALSCALE",
        "CATEGORIES",
        "CLASS",
        "COLOR",
        "COMMENT",
        "COMPLETED",
        "CONFERENCE",
        "CONTACT",
        "CREATED",
        "DESCRIPTION",
        "DTEND",
        "DTSTAMP",
        "DTSTART",
        "DUE",
        "DURATION",
        "EXDATE",
        "EXRULE",
        "FREEBUSY",
        "GEO",
        "IMAGE",
        "LAST-MODIFIED",
        "LOCATION",
        "METHOD",
        "NAME",
        "ORGANIZER",
        "PERCENT-COMPLETE",
        "PRIORITY",
        "PRODID",
        "PROXIMITY",
        "RDATE",
        "RECURRENCE-ID",
        "REFRESH-INTERVAL",
        "RELATED-TO",
        "REPEAT",
        "REQUEST-STATUS",
        "RESOURCES",
        "RRULE",
        "SEQUENCE",
        "SOURCE",
        "STATUS",
        "SUMMARY",
        "TRANSP",
        "TRIGGER",
        "TZID",
        "TZNAME",
        "TZOFFSETFROM",
        "TZOFFSETTO",
        "TZURL",
        "UID",
        "URL",
        "VERSION",
    ];
    name.starts_with("X-") || KNOWN.contains(&name)
}

fn close(stack: &mut Vec<Component>, calendars: &mut Vec<Component>) {
    let done = stack.pop().expect("an open component");
    match stack.last_mut() {
        Some(parent) => parent.components.push(done),
        None if done.name == "VCALENDAR" => calendars.push(done),
        None => {}
    }
}

// ----------------------------------------------------------------- issues

/// What `import` met and how it dealt with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IssueCode {
    /// A line that is not `NAME:value`; skipped.
    BadLine,
    /// A `TZID` no zone could be found for; the calendar's zone (or UTC) was used.
    UnknownZone,
    /// A `TZID` no zone has, read as the nearest name
    /// ([`ImportOptions::zone_names`]): "Europe/Bucuresti" as Europe/Bucharest.
    GuessedZone,
    /// A floating time with no calendar zone (`X-WR-TIMEZONE`, `--zone`): read as UTC.
    FloatingTime,
    /// A `VEVENT` without a readable `DTSTART`; skipped.
    NoStart,
    /// A date or time value that cannot be read; that value was ignored.
    BadValue,
    /// A timed event with neither `DTEND` nor `DURATION`: one hour, marked approximate.
    NoEnd,
    /// A recurrence rule (or a part of one) this importer does not expand;
    /// only `DTSTART` and `RDATE`s were imported.
    UnsupportedRule,
    /// An occurrence at a wall-clock time that does not exist (DST gap): moved forward.
    TimeInGap,
    /// `CLASS:PRIVATE` or `CONFIDENTIAL`: not published.
    Private,
    /// A category the mapping has no theme for; left out.
    UnmappedCategory,
    /// A `URL` (or online address) that is not http(s); left out.
    BadUrl,
    /// A `RECURRENCE-ID` whose series is not in the file: imported as a single event.
    OrphanOverride,
    /// `RANGE=THISANDFUTURE`: only that one occurrence was changed.
    ThisAndFuture,
    /// No `SUMMARY`: titled "Untitled event".
    NoTitle,
    /// More occurrences in the window than [`MAX_OCCURRENCES`]; the rest left out.
    TooManyOccurrences,
    /// Text that is not UTF-8: read as Windows-1252.
    NotUtf8,
    /// A property no standard names (and not `X-`): most often the rest of
    /// a long line a mail program broke ("register: https://…"); ignored.
    UnknownProperty,
}

impl IssueCode {
    /// Every code, for the tables that word them (`check`).
    pub const ALL: [IssueCode; 18] = [
        IssueCode::BadLine,
        IssueCode::UnknownZone,
        IssueCode::GuessedZone,
        IssueCode::FloatingTime,
        IssueCode::NoStart,
        IssueCode::BadValue,
        IssueCode::NoEnd,
        IssueCode::UnsupportedRule,
        IssueCode::TimeInGap,
        IssueCode::Private,
        IssueCode::UnmappedCategory,
        IssueCode::BadUrl,
        IssueCode::OrphanOverride,
        IssueCode::ThisAndFuture,
        IssueCode::NoTitle,
        IssueCode::TooManyOccurrences,
        IssueCode::NotUtf8,
        IssueCode::UnknownProperty,
    ];

    pub fn name(self) -> &'static str {
        match self {
            IssueCode::BadLine => "bad-line",
            IssueCode::UnknownZone => "unknown-zone",
            IssueCode::GuessedZone => "guessed-zone",
            IssueCode::FloatingTime => "floating-time",
            IssueCode::NoStart => "no-start",
            IssueCode::BadValue => "bad-value",
            IssueCode::NoEnd => "no-end",
            IssueCode::UnsupportedRule => "unsupported-rule",
            IssueCode::TimeInGap => "time-in-gap",
            IssueCode::Private => "private",
            IssueCode::UnmappedCategory => "unmapped-category",
            IssueCode::BadUrl => "bad-url",
            IssueCode::OrphanOverride => "orphan-override",
            IssueCode::ThisAndFuture => "this-and-future",
            IssueCode::NoTitle => "no-title",
            IssueCode::TooManyOccurrences => "too-many-occurrences",
            IssueCode::NotUtf8 => "not-utf8",
            IssueCode::UnknownProperty => "unknown-property",
        }
    }

    /// The event was left out (the feed check reports it as an error).
    pub fn loses_event(self) -> bool {
        self == IssueCode::NoStart
    }

    fn says(self) -> &'static str {
        match self {
            IssueCode::BadLine => "not an iCalendar content line; skipped",
            IssueCode::UnknownZone => "unknown time zone; the calendar's zone (else UTC) was used",
            IssueCode::GuessedZone => "unknown time zone; read as the nearest name (check it)",
            IssueCode::FloatingTime => "a time without zone and no calendar zone (give --zone); read as UTC",
            IssueCode::NoStart => "no readable DTSTART; the event was skipped",
            IssueCode::BadValue => "a value that cannot be read; ignored",
            IssueCode::NoEnd => "no DTEND or DURATION; one hour assumed and marked approximate",
            IssueCode::UnsupportedRule => "a recurrence rule not supported; only DTSTART and RDATEs imported",
            IssueCode::TimeInGap => "a time that does not exist (clocks go forward); moved forward",
            IssueCode::Private => "a private event; not imported",
            IssueCode::UnmappedCategory => "a category the mapping has no theme for; left out",
            IssueCode::BadUrl => "not an http(s) address; left out",
            IssueCode::OrphanOverride => "a changed occurrence of a series not in the file; imported alone",
            IssueCode::ThisAndFuture => "RANGE=THISANDFUTURE is not supported; only this occurrence changed",
            IssueCode::NoTitle => "no SUMMARY; titled \"Untitled event\"",
            IssueCode::TooManyOccurrences => "more occurrences than the importer keeps; the rest left out",
            IssueCode::NotUtf8 => "the file is not UTF-8; read as Windows-1252 (export it as UTF-8 to be sure)",
            IssueCode::UnknownProperty => "not a property iCalendar has: the rest of a broken line? ignored",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportIssue {
    /// Line in the input (of the property, or of the event's `BEGIN`).
    pub line: Option<usize>,
    /// The event's `SUMMARY` (else `UID`), when the issue is in one.
    pub event: Option<String>,
    pub code: IssueCode,
    /// The value concerned (a zone name, a rule, a category).
    pub detail: String,
}

impl ImportIssue {
    fn new(line: Option<usize>, event: Option<String>, code: IssueCode, detail: String) -> ImportIssue {
        ImportIssue { line, event, code, detail }
    }
}

impl fmt::Display for ImportIssue {
    /// `line 12, “Mobility lab”: unknown time zone; … (“Mars Standard Time”) [unknown-zone]`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}")?;
            if self.event.is_some() {
                f.write_str(", ")?;
            }
        }
        if let Some(event) = &self.event {
            write!(f, "“{event}”")?;
        }
        if self.line.is_some() || self.event.is_some() {
            f.write_str(": ")?;
        }
        f.write_str(self.code.says())?;
        if !self.detail.is_empty() {
            write!(f, " (“{}”)", self.detail)?;
        }
        write!(f, " [{}]", self.code.name())
    }
}

/// Where the events `import` left out (no readable `DTSTART`) were, as
/// skipped-event paths ("VEVENT[line 12]"): the app counts them with a
/// feed's skipped events ([`skipped_issues`]).
pub fn skipped_paths(issues: &[ImportIssue]) -> Vec<String> {
    issues.iter().filter(|i| i.code.loses_event()).map(|i| format!("VEVENT[line {}]", i.line.unwrap_or(0))).collect()
}

/// One skipped-event issue for each path of [`skipped_paths`], so that a
/// network's quiet line counts an `.ics` partner's lost events as it counts
/// a feed's ("2 events could not be shown").
pub fn skipped_issues<'a>(paths: impl IntoIterator<Item = &'a str>) -> Vec<crate::validate::FeedIssue> {
    paths
        .into_iter()
        .map(|path| crate::validate::FeedIssue {
            path: path.to_owned(),
            severity: crate::validate::Severity::Skipped,
            problem: crate::validate::Problem::Missing { field: "DTSTART" },
        })
        .collect()
}

fn shorten(s: &str) -> String {
    if s.chars().count() <= 60 {
        s.to_owned()
    } else {
        s.chars().take(59).chain(['…']).collect()
    }
}

// ---------------------------------------------------------------- options

/// How many months recurring events are expanded over by default.
pub const DEFAULT_MONTHS: u32 = 18;
/// At most this many occurrences of one recurring event are imported.
pub const MAX_OCCURRENCES: usize = 1000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportOptions {
    /// First day of the window recurring events are expanded over (in each
    /// event's own zone); single events are imported whatever their date.
    pub from: NaiveDate,
    /// The window's length in months.
    pub months: u32,
    /// The zone of floating times (overrides the calendar's `X-WR-TIMEZONE`),
    /// and the `timeZone` given to events written in UTC.
    pub zone: Option<String>,
    /// Category → theme id (matched ignoring case). `None`: each category
    /// becomes a theme of its own (its name, lower case, as id).
    pub categories: Option<Vec<(String, String)>>,
    /// The zone names a mistyped `TZID` may be read as ([`nearest_zone`]):
    /// "Europe/Bucuresti" as Europe/Bucharest, "Romance Standard Tme" as
    /// Europe/Paris, reported ([`IssueCode::GuessedZone`]). Empty: no guess.
    pub zone_names: Vec<String>,
}

impl ImportOptions {
    pub fn new(from: NaiveDate) -> ImportOptions {
        ImportOptions { from, months: DEFAULT_MONTHS, zone: None, categories: None, zone_names: Vec::new() }
    }
}

/// The options a visitor's browser reads a network's iCalendar source with
/// (`crates/calendar`) on `today`: recurrences from the first day of the
/// month a year back, so a visitor who browses back finds the sessions of
/// recurring events as they find single events (imported whatever their
/// date), up to [`DEFAULT_MONTHS`] ahead of this month.
pub fn browser_options(today: NaiveDate) -> ImportOptions {
    let first = today.with_day(1).unwrap_or(today);
    let mut options = ImportOptions::new(first.checked_sub_months(Months::new(BROWSER_MONTHS_BACK)).unwrap_or(first));
    options.months = DEFAULT_MONTHS + BROWSER_MONTHS_BACK;
    options
}

/// How far back [`browser_options`] expands recurrences, in months.
pub const BROWSER_MONTHS_BACK: u32 = 12;

/// Reads a category mapping, a JSON object `{"Category": "theme-id"}`.
pub fn category_map(json: &str) -> Result<Vec<(String, String)>, String> {
    let value: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let Value::Object(map) = value else {
        return Err("a category mapping is a JSON object {\"Category\": \"theme-id\"}".to_owned());
    };
    map.into_iter()
        .map(|(k, v)| match v {
            Value::String(id) if !id.trim().is_empty() => Ok((k, id.trim().to_owned())),
            other => Err(format!("“{k}”: a theme id is a non-empty string, not {other}")),
        })
        .collect()
}

// ------------------------------------------------------------------- zones

/// Windows zone names (as Outlook and Exchange write `TZID`) → IANA, from
/// CLDR's `windowsZones.xml` (territory "001"); older IANA names are made
/// current with [`time::canonical_zone`].
pub const WINDOWS_ZONES: &[(&str, &str)] = &[
    ("Dateline Standard Time", "Etc/GMT+12"),
    ("UTC-11", "Etc/GMT+11"),
    ("Aleutian Standard Time", "America/Adak"),
    ("Hawaiian Standard Time", "Pacific/Honolulu"),
    ("Marquesas Standard Time", "Pacific/Marquesas"),
    ("Alaskan Standard Time", "America/Anchorage"),
    ("UTC-09", "Etc/GMT+9"),
    ("Pacific Standard Time (Mexico)", "America/Tijuana"),
    ("UTC-08", "Etc/GMT+8"),
    ("Pacific Standard Time", "America/Los_Angeles"),
    ("US Mountain Standard Time", "America/Phoenix"),
    ("Mountain Standard Time (Mexico)", "America/Mazatlan"),
    ("Mountain Standard Time", "America/Denver"),
    ("Yukon Standard Time", "America/Whitehorse"),
    ("Central America Standard Time", "America/Guatemala"),
    ("Central Standard Time", "America/Chicago"),
    ("Easter Island Standard Time", "Pacific/Easter"),
    ("Central Standard Time (Mexico)", "America/Mexico_City"),
    ("Mexico Standard Time", "America/Mexico_City"),
    ("Canada Central Standard Time", "America/Regina"),
    ("SA Pacific Standard Time", "America/Bogota"),
    ("Eastern Standard Time (Mexico)", "America/Cancun"),
    ("Eastern Standard Time", "America/New_York"),
    ("Haiti Standard Time", "America/Port-au-Prince"),
    ("Cuba Standard Time", "America/Havana"),
    ("US Eastern Standard Time", "America/Indianapolis"),
    ("Turks And Caicos Standard Time", "America/Grand_Turk"),
    ("Paraguay Standard Time", "America/Asuncion"),
    ("Atlantic Standard Time", "America/Halifax"),
    ("Venezuela Standard Time", "America/Caracas"),
    ("Central Brazilian Standard Time", "America/Cuiaba"),
    ("SA Western Standard Time", "America/La_Paz"),
    ("Pacific SA Standard Time", "America/Santiago"),
    ("Newfoundland Standard Time", "America/St_Johns"),
    ("Tocantins Standard Time", "America/Araguaina"),
    ("E. South America Standard Time", "America/Sao_Paulo"),
    ("SA Eastern Standard Time", "America/Cayenne"),
    ("Argentina Standard Time", "America/Buenos_Aires"),
    ("Greenland Standard Time", "America/Godthab"),
    ("Montevideo Standard Time", "America/Montevideo"),
    ("Magallanes Standard Time", "America/Punta_Arenas"),
    ("Saint Pierre Standard Time", "America/Miquelon"),
    ("Bahia Standard Time", "America/Bahia"),
    ("UTC-02", "Etc/GMT+2"),
    ("Azores Standard Time", "Atlantic/Azores"),
    ("Cape Verde Standard Time", "Atlantic/Cape_Verde"),
    ("UTC", "Etc/UTC"),
    ("Coordinated Universal Time", "Etc/UTC"),
    ("GMT Standard Time", "Europe/London"),
    ("Greenwich Standard Time", "Atlantic/Reykjavik"),
    ("Sao Tome Standard Time", "Africa/Sao_Tome"),
    ("Morocco Standard Time", "Africa/Casablanca"),
    ("W. Europe Standard Time", "Europe/Berlin"),
    ("Central Europe Standard Time", "Europe/Budapest"),
    ("Romance Standard Time", "Europe/Paris"),
    ("Central European Standard Time", "Europe/Warsaw"),
    ("W. Central Africa Standard Time", "Africa/Lagos"),
    ("Jordan Standard Time", "Asia/Amman"),
    ("GTB Standard Time", "Europe/Bucharest"),
    ("Middle East Standard Time", "Asia/Beirut"),
    ("Egypt Standard Time", "Africa/Cairo"),
    ("E. Europe Standard Time", "Europe/Chisinau"),
    ("Syria Standard Time", "Asia/Damascus"),
    ("West Bank Standard Time", "Asia/Hebron"),
    ("South Africa Standard Time", "Africa/Johannesburg"),
    ("FLE Standard Time", "Europe/Kiev"),
    ("Israel Standard Time", "Asia/Jerusalem"),
    ("South Sudan Standard Time", "Africa/Juba"),
    ("Kaliningrad Standard Time", "Europe/Kaliningrad"),
    ("Sudan Standard Time", "Africa/Khartoum"),
    ("Libya Standard Time", "Africa/Tripoli"),
    ("Namibia Standard Time", "Africa/Windhoek"),
    ("Arabic Standard Time", "Asia/Baghdad"),
    ("Turkey Standard Time", "Europe/Istanbul"),
    ("Arab Standard Time", "Asia/Riyadh"),
    ("Belarus Standard Time", "Europe/Minsk"),
    ("Russian Standard Time", "Europe/Moscow"),
    ("E. Africa Standard Time", "Africa/Nairobi"),
    ("Volgograd Standard Time", "Europe/Volgograd"),
    ("Iran Standard Time", "Asia/Tehran"),
    ("Arabian Standard Time", "Asia/Dubai"),
    ("Astrakhan Standard Time", "Europe/Astrakhan"),
    ("Azerbaijan Standard Time", "Asia/Baku"),
    ("Russia Time Zone 3", "Europe/Samara"),
    ("Mauritius Standard Time", "Indian/Mauritius"),
    ("Saratov Standard Time", "Europe/Saratov"),
    ("Georgian Standard Time", "Asia/Tbilisi"),
    ("Caucasus Standard Time", "Asia/Yerevan"),
    ("Afghanistan Standard Time", "Asia/Kabul"),
    ("West Asia Standard Time", "Asia/Tashkent"),
    ("Ekaterinburg Standard Time", "Asia/Yekaterinburg"),
    ("Pakistan Standard Time", "Asia/Karachi"),
    ("Qyzylorda Standard Time", "Asia/Qyzylorda"),
    ("India Standard Time", "Asia/Calcutta"),
    ("Sri Lanka Standard Time", "Asia/Colombo"),
    ("Nepal Standard Time", "Asia/Katmandu"),
    ("Central Asia Standard Time", "Asia/Bishkek"),
    ("Bangladesh Standard Time", "Asia/Dhaka"),
    ("Omsk Standard Time", "Asia/Omsk"),
    ("Myanmar Standard Time", "Asia/Rangoon"),
    ("SE Asia Standard Time", "Asia/Bangkok"),
    ("Altai Standard Time", "Asia/Barnaul"),
    ("W. Mongolia Standard Time", "Asia/Hovd"),
    ("North Asia Standard Time", "Asia/Krasnoyarsk"),
    ("N. Central Asia Standard Time", "Asia/Novosibirsk"),
    ("Tomsk Standard Time", "Asia/Tomsk"),
    ("China Standard Time", "Asia/Shanghai"),
    ("North Asia East Standard Time", "Asia/Irkutsk"),
    ("Singapore Standard Time", "Asia/Singapore"),
    ("W. Australia Standard Time", "Australia/Perth"),
    ("Taipei Standard Time", "Asia/Taipei"),
    ("Ulaanbaatar Standard Time", "Asia/Ulaanbaatar"),
    ("Aus Central W. Standard Time", "Australia/Eucla"),
    ("Transbaikal Standard Time", "Asia/Chita"),
    ("Tokyo Standard Time", "Asia/Tokyo"),
    ("North Korea Standard Time", "Asia/Pyongyang"),
    ("Korea Standard Time", "Asia/Seoul"),
    ("Yakutsk Standard Time", "Asia/Yakutsk"),
    ("Cen. Australia Standard Time", "Australia/Adelaide"),
    ("AUS Central Standard Time", "Australia/Darwin"),
    ("E. Australia Standard Time", "Australia/Brisbane"),
    ("AUS Eastern Standard Time", "Australia/Sydney"),
    ("West Pacific Standard Time", "Pacific/Port_Moresby"),
    ("Tasmania Standard Time", "Australia/Hobart"),
    ("Vladivostok Standard Time", "Asia/Vladivostok"),
    ("Lord Howe Standard Time", "Australia/Lord_Howe"),
    ("Bougainville Standard Time", "Pacific/Bougainville"),
    ("Russia Time Zone 10", "Asia/Srednekolymsk"),
    ("Magadan Standard Time", "Asia/Magadan"),
    ("Norfolk Standard Time", "Pacific/Norfolk"),
    ("Sakhalin Standard Time", "Asia/Sakhalin"),
    ("Central Pacific Standard Time", "Pacific/Guadalcanal"),
    ("Russia Time Zone 11", "Asia/Kamchatka"),
    ("New Zealand Standard Time", "Pacific/Auckland"),
    ("UTC+12", "Etc/GMT-12"),
    ("Fiji Standard Time", "Pacific/Fiji"),
    ("Chatham Islands Standard Time", "Pacific/Chatham"),
    ("UTC+13", "Etc/GMT-13"),
    ("Tonga Standard Time", "Pacific/Tongatapu"),
    ("Samoa Standard Time", "Pacific/Apia"),
    ("Line Islands Standard Time", "Pacific/Kiritimati"),
];

/// The IANA zone a Windows zone name stands for (ignoring case).
/// The zone name a mistyped `tzid` most likely meant: one of `zones` (IANA,
/// `zone_search::nearest_zones`), else a Windows name as Outlook writes
/// them, within two edits ("Romance Standard Tme"; they all end alike, so
/// three would read "Mars Standard Time" as Arab).
pub fn nearest_zone(tzid: &str, zones: &[String]) -> Option<String> {
    crate::zone_search::nearest_zones(tzid, zones).into_iter().next().or_else(|| {
        let windows = WINDOWS_ZONES.iter().map(|(name, _)| *name);
        crate::zone_search::nearest(tzid.trim(), windows, 2).first().map(|name| (*name).to_owned())
    })
}

pub fn windows_zone(name: &str) -> Option<&'static str> {
    let name = name.trim();
    WINDOWS_ZONES.iter().find(|(w, _)| w.eq_ignore_ascii_case(name)).map(|(_, iana)| time::canonical_zone(iana))
}

struct Zones<'a> {
    rules: &'a dyn ZoneRules,
    /// `VTIMEZONE` TZID → its `X-LIC-LOCATION`.
    locations: Vec<(String, String)>,
    /// For floating times and as the fallback: `--zone`, else `X-WR-TIMEZONE`.
    default: Option<String>,
    /// Names a mistyped `TZID` may be read as (`ImportOptions::zone_names`).
    names: &'a [String],
}

impl Zones<'_> {
    /// An IANA name for a `TZID`: itself, a Windows name, the end of a path
    /// (`/mozilla.org/20050126_1/Europe/Berlin`), or its `VTIMEZONE`'s `X-LIC-LOCATION`.
    fn resolve(&self, tzid: &str) -> Option<String> {
        let tzid = tzid.trim().trim_matches('"');
        let known = |z: &str| self.rules.is_known(z).then(|| time::canonical_zone(z).to_owned());
        if let Some(zone) = known(tzid) {
            return Some(zone);
        }
        if let Some(zone) = windows_zone(tzid) {
            return known(zone);
        }
        let mut rest = tzid;
        while let Some((_, tail)) = rest.split_once('/') {
            if let Some(zone) = known(tail) {
                return Some(zone);
            }
            rest = tail;
        }
        let location = self.locations.iter().find(|(id, _)| id == tzid).map(|(_, l)| l.as_str())?;
        known(location).or_else(|| windows_zone(location).and_then(known))
    }

    /// The zone a `TZID` that [`Zones::resolve`] does not know was likely
    /// meant as (`nearest_zone`), when names to guess from were given.
    fn guess(&self, tzid: &str) -> Option<String> {
        if self.names.is_empty() {
            return None;
        }
        let name = nearest_zone(tzid.trim().trim_matches('"'), self.names)?;
        self.resolve(&name)
    }
}

// ------------------------------------------------------------- times

/// A start, end or exception as read, its zone resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Time {
    Date(NaiveDate),
    Utc(NaiveDateTime),
    /// A wall-clock time in an IANA zone (a `TZID` one, or a floating one in the calendar's zone).
    Local(NaiveDateTime, String),
}

impl Time {
    fn instant(&self, rules: &dyn ZoneRules) -> Option<DateTime<Utc>> {
        match self {
            Time::Date(d) => Some(d.and_time(NaiveTime::MIN).and_utc()),
            Time::Utc(t) => Some(t.and_utc()),
            Time::Local(t, zone) => time::resolve_local(rules, zone, *t).map(|(i, _)| i),
        }
    }
}

/// How an event's times are written, which its recurrences follow: whole
/// days, UTC, or wall-clock times in a zone.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Frame {
    Date,
    Utc,
    Zone(String),
}

impl Frame {
    fn of(t: &Time) -> Frame {
        match t {
            Time::Date(_) => Frame::Date,
            Time::Utc(_) => Frame::Utc,
            Time::Local(_, zone) => Frame::Zone(zone.clone()),
        }
    }

    /// `t` as a wall-clock time of this frame (a date at midnight for `Date`).
    fn local(&self, t: &Time, rules: &dyn ZoneRules) -> Option<NaiveDateTime> {
        match (self, t) {
            (_, Time::Date(d)) => Some(d.and_time(NaiveTime::MIN)),
            (Frame::Date, Time::Utc(l) | Time::Local(l, _)) => Some(*l),
            (Frame::Utc, _) => t.instant(rules).map(|i| i.naive_utc()),
            (Frame::Zone(zone), Time::Local(l, z)) if z == zone => Some(*l),
            (Frame::Zone(zone), _) => time::to_local(rules, zone, t.instant(rules)?).map(|l| l.naive_local()),
        }
    }

    fn time(&self, local: NaiveDateTime) -> Time {
        match self {
            Frame::Date => Time::Date(local.date()),
            Frame::Utc => Time::Utc(local),
            Frame::Zone(zone) => Time::Local(local, zone.clone()),
        }
    }
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    NaiveDate::from_ymd_opt(s[..4].parse().ok()?, s[4..6].parse().ok()?, s[6..8].parse().ok()?)
}

/// `YYYYMMDDTHHMMSS` with an optional `Z` → (wall-clock time, is UTC).
fn parse_date_time(s: &str) -> Option<(NaiveDateTime, bool)> {
    let s = s.trim();
    let (body, utc) = match s.strip_suffix(['Z', 'z']) {
        Some(body) => (body, true),
        None => (s, false),
    };
    let (date, clock) = body.split_once(['T', 't'])?;
    if clock.len() < 4 || !clock.bytes().all(|b| b.is_ascii_digit()) || clock.len() % 2 != 0 || clock.len() > 6 {
        return None;
    }
    let seconds = if clock.len() == 6 { clock[4..6].parse().ok()? } else { 0 };
    // A leap second (60) is read as 59.
    let time = NaiveTime::from_hms_opt(clock[..2].parse().ok()?, clock[2..4].parse().ok()?, u32::min(seconds, 59))?;
    Some((parse_date(date)?.and_time(time), utc))
}

// ------------------------------------------------------------ the events

/// How long each occurrence lasts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Length {
    /// Whole days (all-day events), at least 1.
    Days(i64),
    /// Wall-clock time added in the event's zone, then elapsed time.
    Timed { wall: Duration, exact: Duration },
}

/// One `VEVENT`, read.
struct Source<'a> {
    comp: &'a Component,
    uid: Option<String>,
    summary: Option<String>,
    start: Time,
    length: Length,
    /// No end was given: one hour chosen.
    end_chosen: bool,
    rule: Option<Rule>,
    rdates: Vec<Time>,
    exdates: Vec<Time>,
    recurrence_id: Option<Time>,
}

impl Source<'_> {
    fn label(&self) -> Option<String> {
        self.summary.clone().or_else(|| self.uid.clone())
    }
}

struct Importer<'a> {
    rules: &'a dyn ZoneRules,
    zones: Zones<'a>,
    options: &'a ImportOptions,
    issues: Vec<ImportIssue>,
    /// Themes declared, in order of first use: (id, label).
    themes: Vec<(String, String)>,
    used_ids: Vec<String>,
}

impl<'a> Importer<'a> {
    fn issue(&mut self, line: Option<usize>, event: Option<String>, code: IssueCode, detail: impl Into<String>) {
        self.issues.push(ImportIssue::new(line, event, code, detail.into()));
    }

    /// A date or date-time property of an event named `label`.
    fn time(&mut self, p: &Property, label: &Option<String>) -> Vec<Time> {
        let is_date = p.param("VALUE").is_some_and(|v| v.eq_ignore_ascii_case("DATE"));
        let tzid = p.param("TZID");
        let mut out = Vec::new();
        for value in p.value.split(',') {
            // RDATE;VALUE=PERIOD: start/end or start/duration; the start is what counts.
            let value = value.split('/').next().unwrap_or(value).trim();
            if value.is_empty() {
                continue;
            }
            let read = if is_date || (value.len() == 8 && !value.contains(['T', 't'])) {
                parse_date(value).map(Time::Date)
            } else {
                parse_date_time(value).map(|(local, utc)| self.place(local, utc, tzid, p.line, label))
            };
            match read {
                Some(t) => out.push(t),
                None => self.issue(Some(p.line), label.clone(), IssueCode::BadValue, format!("{}:{}", p.name, value)),
            }
        }
        out
    }

    fn place(
        &mut self,
        local: NaiveDateTime,
        utc: bool,
        tzid: Option<&str>,
        line: usize,
        label: &Option<String>,
    ) -> Time {
        if utc {
            return Time::Utc(local);
        }
        if let Some(tzid) = tzid {
            if let Some(zone) = self.zones.resolve(tzid) {
                return Time::Local(local, zone);
            }
            let guess = self.zones.guess(tzid);
            let code = if guess.is_some() { IssueCode::GuessedZone } else { IssueCode::UnknownZone };
            if !self.issues.iter().any(|i| i.code == code && i.detail == tzid) {
                self.issue(Some(line), label.clone(), code, tzid);
            }
            if let Some(zone) = guess {
                return Time::Local(local, zone);
            }
        }
        match &self.zones.default {
            Some(zone) => Time::Local(local, zone.clone()),
            None => {
                if tzid.is_none() && !self.issues.iter().any(|i| i.code == IssueCode::FloatingTime) {
                    self.issue(Some(line), label.clone(), IssueCode::FloatingTime, "");
                }
                Time::Utc(local)
            }
        }
    }

    fn source(&mut self, comp: &'a Component) -> Option<Source<'a>> {
        let uid = comp.get("UID").map(|p| p.text().trim().to_owned()).filter(|u| !u.is_empty());
        let summary = comp.get("SUMMARY").map(|p| p.text().trim().to_owned()).filter(|s| !s.is_empty());
        let label = summary.clone().or_else(|| uid.clone());
        if let Some(class) = comp.get("CLASS").map(|p| p.value.trim().to_ascii_uppercase()) {
            if class == "PRIVATE" || class == "CONFIDENTIAL" {
                self.issue(Some(comp.line), label, IssueCode::Private, class);
                return None;
            }
        }
        let Some(start) = comp.get("DTSTART").and_then(|p| self.time(p, &label).into_iter().next()) else {
            self.issue(Some(comp.line), label, IssueCode::NoStart, "");
            return None;
        };
        let frame = Frame::of(&start);
        let end = comp.get("DTEND").and_then(|p| self.time(p, &label).into_iter().next());
        let duration = comp.get("DURATION").and_then(|p| {
            let d = parse_duration(&p.value);
            if d.is_none() {
                self.issue(Some(p.line), label.clone(), IssueCode::BadValue, format!("DURATION:{}", p.value));
            }
            d
        });
        let mut end_chosen = false;
        let length = match (&start, end, duration) {
            (Time::Date(s), Some(Time::Date(e)), _) => Length::Days((e - *s).num_days().max(1)),
            (Time::Date(_), None, Some((wall, exact))) => {
                Length::Days(((wall + exact).num_seconds() as f64 / 86400.0).ceil().max(1.0) as i64)
            }
            (Time::Date(_), _, _) => Length::Days(1),
            (_, Some(end), _) => {
                let same_zone = matches!((&start, &end), (Time::Local(_, a), Time::Local(_, b)) if a == b)
                    || matches!((&start, &end), (Time::Utc(_), Time::Utc(_)));
                let wall = match (same_zone, frame.local(&start, self.rules), frame.local(&end, self.rules)) {
                    (true, Some(s), Some(e)) => Some(e - s),
                    _ => None,
                };
                match wall {
                    Some(wall) => Length::Timed { wall: wall.max(Duration::zero()), exact: Duration::zero() },
                    None => {
                        let exact = match (start.instant(self.rules), end.instant(self.rules)) {
                            (Some(s), Some(e)) => (e - s).max(Duration::zero()),
                            _ => Duration::zero(),
                        };
                        Length::Timed { wall: Duration::zero(), exact }
                    }
                }
            }
            (_, None, Some((wall, exact))) => Length::Timed { wall, exact },
            (_, None, None) => {
                end_chosen = true;
                self.issue(Some(comp.line), label.clone(), IssueCode::NoEnd, "");
                Length::Timed { wall: Duration::hours(1), exact: Duration::zero() }
            }
        };
        let recurrence_id = comp.get("RECURRENCE-ID").and_then(|p| {
            if p.param("RANGE").is_some_and(|r| r.eq_ignore_ascii_case("THISANDFUTURE")) {
                self.issue(Some(p.line), label.clone(), IssueCode::ThisAndFuture, "");
            }
            self.time(p, &label).into_iter().next()
        });
        let rule = comp.get("RRULE").and_then(|p| match Rule::parse(&p.value) {
            Ok(rule) => Some(rule),
            Err(part) => {
                self.issue(Some(p.line), label.clone(), IssueCode::UnsupportedRule, part);
                None
            }
        });
        let rdates = comp.all("RDATE").flat_map(|p| self.time(p, &label)).collect();
        let exdates = comp.all("EXDATE").flat_map(|p| self.time(p, &label)).collect();
        Some(Source { comp, uid, summary, start, length, end_chosen, rule, rdates, exdates, recurrence_id })
    }
}

/// `P1DT2H30M`, `PT90M`, `P2W` → (days and weeks as wall-clock time, the rest as elapsed time).
fn parse_duration(s: &str) -> Option<(Duration, Duration)> {
    let s = s.trim();
    let (negative, s) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let s = s.strip_prefix(['P', 'p'])?;
    let (mut wall, mut exact) = (Duration::zero(), Duration::zero());
    let mut in_time = false;
    let mut number = String::new();
    let mut any = false;
    for c in s.chars() {
        match c.to_ascii_uppercase() {
            'T' => in_time = true,
            d if d.is_ascii_digit() => number.push(d),
            unit => {
                let n: i64 = number.parse().ok()?;
                number.clear();
                any = true;
                match (unit, in_time) {
                    ('W', false) => wall += Duration::weeks(n),
                    ('D', false) => wall += Duration::days(n),
                    ('H', true) => exact += Duration::hours(n),
                    ('M', true) => exact += Duration::minutes(n),
                    ('S', true) => exact += Duration::seconds(n),
                    _ => return None,
                }
            }
        }
    }
    if !any || !number.is_empty() || negative {
        return None;
    }
    Some((wall, exact))
}

// ------------------------------------------------------------ recurrence

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Freq {
    Daily,
    Weekly,
    Monthly,
    Yearly,
}

/// An `RRULE` of the parts this importer expands.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Rule {
    freq: Freq,
    interval: u32,
    count: Option<u32>,
    /// Raw, read against the event's frame when expanding.
    until: Option<String>,
    /// (ordinal, 0 for every, weekday).
    by_day: Vec<(i32, Weekday)>,
    by_month_day: Vec<i32>,
    by_month: Vec<u32>,
    by_set_pos: Vec<i32>,
    week_start: Weekday,
}

fn weekday(s: &str) -> Option<Weekday> {
    Some(match s.to_ascii_uppercase().as_str() {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    })
}

impl Rule {
    /// The rule, or the part it cannot expand.
    fn parse(value: &str) -> Result<Rule, String> {
        let mut rule = Rule {
            freq: Freq::Daily,
            interval: 1,
            count: None,
            until: None,
            by_day: Vec::new(),
            by_month_day: Vec::new(),
            by_month: Vec::new(),
            by_set_pos: Vec::new(),
            week_start: Weekday::Mon,
        };
        let mut freq = None;
        let numbers = |v: &str| -> Option<Vec<i32>> { v.split(',').map(|n| n.trim().parse().ok()).collect() };
        for part in value.trim().split(';').filter(|p| !p.is_empty()) {
            let (key, v) = part.split_once('=').ok_or_else(|| part.to_owned())?;
            let bad = || part.to_owned();
            match key.trim().to_ascii_uppercase().as_str() {
                "FREQ" => {
                    freq = Some(match v.trim().to_ascii_uppercase().as_str() {
                        "DAILY" => Freq::Daily,
                        "WEEKLY" => Freq::Weekly,
                        "MONTHLY" => Freq::Monthly,
                        "YEARLY" => Freq::Yearly,
                        _ => return Err(bad()),
                    })
                }
                "INTERVAL" => rule.interval = v.trim().parse().ok().filter(|&n| n >= 1).ok_or_else(bad)?,
                "COUNT" => rule.count = Some(v.trim().parse().map_err(|_| bad())?),
                "UNTIL" => rule.until = Some(v.trim().to_owned()),
                "WKST" => rule.week_start = weekday(v.trim()).ok_or_else(bad)?,
                "BYDAY" => {
                    for day in v.split(',') {
                        let day = day.trim();
                        let split = day.len().checked_sub(2).ok_or_else(bad)?;
                        let wd = weekday(&day[split..]).ok_or_else(bad)?;
                        let ordinal = match &day[..split] {
                            "" => 0,
                            n => n.trim_start_matches('+').parse().ok().filter(|n: &i32| *n != 0).ok_or_else(bad)?,
                        };
                        rule.by_day.push((ordinal, wd));
                    }
                }
                "BYMONTHDAY" => {
                    rule.by_month_day =
                        numbers(v).filter(|ns| ns.iter().all(|n| *n != 0 && n.abs() <= 31)).ok_or_else(bad)?
                }
                "BYMONTH" => {
                    rule.by_month = numbers(v)
                        .filter(|ns| ns.iter().all(|n| (1..=12).contains(n)))
                        .ok_or_else(bad)?
                        .into_iter()
                        .map(|n| n as u32)
                        .collect()
                }
                "BYSETPOS" => rule.by_set_pos = numbers(v).filter(|ns| !ns.contains(&0)).ok_or_else(bad)?,
                _ => return Err(part.to_owned()),
            }
        }
        rule.freq = freq.ok_or_else(|| value.trim().to_owned())?;
        Ok(rule)
    }

    /// Occurrence starts (wall-clock in the event's frame), from `start`
    /// (always the first), those before `before` only, at most `max`;
    /// `until_ok` says whether a start is within `UNTIL`.
    fn expand(
        &self,
        start: NaiveDateTime,
        before: NaiveDate,
        max: usize,
        until_ok: impl Fn(NaiveDateTime) -> bool,
    ) -> Vec<NaiveDateTime> {
        let mut out = vec![start];
        let first = start.date();
        let clock = start.time();
        let interval = i64::from(self.interval);
        let week_origin = first - Duration::days(days_from(self.week_start, first.weekday()));
        for k in 0i64..100_000 {
            let (period_start, mut candidates): (NaiveDate, Vec<NaiveDate>) = match self.freq {
                Freq::Daily => {
                    let day = first + Duration::days(k * interval);
                    (day, vec![day])
                }
                Freq::Weekly => {
                    let week = week_origin + Duration::weeks(k * interval);
                    let days: Vec<Weekday> = if self.by_day.is_empty() {
                        vec![first.weekday()]
                    } else {
                        self.by_day.iter().map(|(_, d)| *d).collect()
                    };
                    (week, days.into_iter().map(|d| week + Duration::days(days_from(self.week_start, d))).collect())
                }
                Freq::Monthly => {
                    let Some(month) = month_start(first, k * interval) else { break };
                    (month, self.month_days(month, first))
                }
                Freq::Yearly => {
                    let Some(year) = NaiveDate::from_ymd_opt(first.year() + (k * interval) as i32, 1, 1) else {
                        break;
                    };
                    (year, self.year_days(year, first))
                }
            };
            if period_start >= before {
                break;
            }
            // Filters that narrow (BYMONTH everywhere; BYMONTHDAY and BYDAY in DAILY).
            candidates.retain(|d| self.by_month.is_empty() || self.by_month.contains(&d.month()));
            if self.freq == Freq::Daily {
                candidates.retain(|d| {
                    (self.by_month_day.is_empty() || self.by_month_day.iter().any(|&n| month_day(*d, n) == Some(*d)))
                        && (self.by_day.is_empty() || self.by_day.iter().any(|(_, wd)| *wd == d.weekday()))
                });
            }
            candidates.sort();
            candidates.dedup();
            if !self.by_set_pos.is_empty() {
                let n = candidates.len() as i32;
                let mut picked: Vec<NaiveDate> = self
                    .by_set_pos
                    .iter()
                    .filter_map(|&p| {
                        let i = if p > 0 { p - 1 } else { n + p };
                        (0..n).contains(&i).then(|| candidates[i as usize])
                    })
                    .collect();
                picked.sort();
                picked.dedup();
                candidates = picked;
            }
            for day in candidates {
                let at = day.and_time(clock);
                if at <= start {
                    continue;
                }
                if day >= before || !until_ok(at) || self.count.is_some_and(|c| out.len() >= c as usize) {
                    return out;
                }
                out.push(at);
                if out.len() >= max {
                    return out;
                }
            }
            if self.count.is_some_and(|c| out.len() >= c as usize) {
                break;
            }
        }
        out
    }

    /// The days of `month` (its first day) the rule picks (MONTHLY, or a month of YEARLY).
    fn month_days(&self, month: NaiveDate, first: NaiveDate) -> Vec<NaiveDate> {
        let by_month_day: Vec<NaiveDate> = self.by_month_day.iter().filter_map(|&n| month_day(month, n)).collect();
        let days = days_in_month(month);
        let by_day: Vec<NaiveDate> = self
            .by_day
            .iter()
            .flat_map(|&(ordinal, wd)| {
                let all: Vec<NaiveDate> =
                    (0..days).map(|i| month + Duration::days(i)).filter(|d| d.weekday() == wd).collect();
                nth(all, ordinal)
            })
            .collect();
        match (self.by_month_day.is_empty(), self.by_day.is_empty()) {
            (false, false) => by_month_day.into_iter().filter(|d| by_day.contains(d)).collect(),
            (false, true) => by_month_day,
            (true, false) => by_day,
            (true, true) => month_day(month, first.day() as i32).into_iter().collect(),
        }
    }

    /// The days of the year starting `year` the rule picks.
    fn year_days(&self, year: NaiveDate, first: NaiveDate) -> Vec<NaiveDate> {
        let month_of = |m: u32| NaiveDate::from_ymd_opt(year.year(), m, 1);
        if self.by_month.is_empty() && !self.by_day.is_empty() && self.by_month_day.is_empty() {
            // BYDAY relative to the year (FREQ=YEARLY;BYDAY=20MO).
            let next = NaiveDate::from_ymd_opt(year.year() + 1, 1, 1).unwrap_or(year);
            return self
                .by_day
                .iter()
                .flat_map(|&(ordinal, wd)| {
                    let all: Vec<NaiveDate> =
                        year.iter_days().take_while(|d| *d < next).filter(|d| d.weekday() == wd).collect();
                    nth(all, ordinal)
                })
                .collect();
        }
        let months: Vec<u32> = if !self.by_month.is_empty() {
            self.by_month.clone()
        } else if !self.by_month_day.is_empty() {
            (1..=12).collect()
        } else {
            vec![first.month()]
        };
        months.into_iter().filter_map(month_of).flat_map(|m| self.month_days(m, first)).collect()
    }
}

/// Days from weekday `from` forward to `to` (0..=6).
fn days_from(from: Weekday, to: Weekday) -> i64 {
    i64::from((to.num_days_from_monday() + 7 - from.num_days_from_monday()) % 7)
}

fn nth(all: Vec<NaiveDate>, ordinal: i32) -> Vec<NaiveDate> {
    match ordinal {
        0 => all,
        n if n > 0 => all.get(n as usize - 1).copied().into_iter().collect(),
        n => all.len().checked_sub(n.unsigned_abs() as usize).and_then(|i| all.get(i).copied()).into_iter().collect(),
    }
}

/// The first day of the month `months` after the month of `d`.
fn month_start(d: NaiveDate, months: i64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1)?.checked_add_months(Months::new(u32::try_from(months).ok()?))
}

fn days_in_month(month: NaiveDate) -> i64 {
    let next = month.checked_add_months(Months::new(1)).unwrap_or(month);
    (next - month).num_days()
}

/// Day `n` of the month of `d` (negative: from its end), if it has one.
fn month_day(d: NaiveDate, n: i32) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(d.year(), d.month(), 1)?;
    let days = days_in_month(first) as i32;
    let day = if n > 0 { n } else { days + n + 1 };
    (1..=days).contains(&day).then(|| first + Duration::days(i64::from(day - 1)))
}

// ------------------------------------------------------------- import

/// Whether `input` is an iCalendar document (it starts `BEGIN:VCALENDAR`,
/// after a byte order mark or blank lines), not a feed.
pub fn looks_like_calendar(input: &[u8]) -> bool {
    let start = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let start = &start[start.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(start.len())..];
    start.len() >= 15 && start[..15].eq_ignore_ascii_case(b"BEGIN:VCALENDAR")
}

/// Reads an iCalendar document into a feed v1 JSON document, with what it
/// met on the way. Only a document with no `VCALENDAR` at all is an error.
pub fn import(
    input: &[u8],
    rules: &dyn ZoneRules,
    options: &ImportOptions,
) -> Result<(Value, Vec<ImportIssue>), ImportError> {
    let (calendars, read_issues) = read(input)?;
    let calendar_zone = calendars
        .iter()
        .find_map(|c| c.get("X-WR-TIMEZONE"))
        .map(|p| p.text().trim().to_owned())
        .filter(|z| !z.is_empty());
    let locations = calendars
        .iter()
        .flat_map(|c| c.children("VTIMEZONE"))
        .filter_map(|tz| {
            let id = tz.get("TZID")?.text().trim().to_owned();
            let location = tz.get("X-LIC-LOCATION").map(|p| p.text().trim().to_owned()).unwrap_or_default();
            Some((id, location))
        })
        .collect();
    let mut importer = Importer {
        rules,
        zones: Zones { rules, locations, default: None, names: &options.zone_names },
        options,
        issues: read_issues,
        themes: Vec::new(),
        used_ids: Vec::new(),
    };
    // The calendar's zone: --zone, else X-WR-TIMEZONE (which may be a Windows name too).
    let default = options.zone.clone().or(calendar_zone);
    importer.zones.default = match default {
        Some(zone) => match importer.zones.resolve(&zone) {
            Some(zone) => Some(zone),
            None => {
                let guess = importer.zones.guess(&zone);
                let code = if guess.is_some() { IssueCode::GuessedZone } else { IssueCode::UnknownZone };
                importer.issue(None, None, code, zone);
                guess
            }
        },
        None => None,
    };

    let components: Vec<&Component> = calendars.iter().flat_map(|c| c.children("VEVENT")).collect();
    let sources: Vec<Source> = components.into_iter().filter_map(|c| importer.source(c)).collect();
    let (overrides, masters): (Vec<&Source>, Vec<&Source>) = sources.iter().partition(|s| s.recurrence_id.is_some());
    let mut used_overrides = vec![false; overrides.len()];
    let mut events = Vec::new();
    let mut series = Vec::new();

    for master in &masters {
        let recurring = master.rule.is_some() || !master.rdates.is_empty();
        let base = importer.base_id(master);
        if !recurring {
            let id = importer.unique(base);
            events.push(importer.event(master, &master.start, id, None));
            continue;
        }
        let frame = Frame::of(&master.start);
        let Some(start_local) = frame.local(&master.start, rules) else { continue };
        let end = options.from.checked_add_months(Months::new(options.months)).unwrap_or(NaiveDate::MAX);
        let mut starts = match &master.rule {
            Some(rule) => {
                let until = rule.until.as_deref().and_then(|u| {
                    let t = if u.len() == 8 {
                        parse_date(u).map(Time::Date)
                    } else {
                        parse_date_time(u).map(|(l, utc)| if utc { Time::Utc(l) } else { frame.time(l) })
                    };
                    if t.is_none() {
                        importer.issue(None, master.label(), IssueCode::BadValue, format!("UNTIL={u}"));
                    }
                    t
                });
                let until_ok = |at: NaiveDateTime| match &until {
                    None => true,
                    Some(Time::Date(d)) => at.date() <= *d,
                    Some(u @ Time::Utc(_)) => match (frame.time(at).instant(rules), u.instant(rules)) {
                        (Some(a), Some(u)) => a <= u,
                        _ => true,
                    },
                    Some(Time::Local(l, _)) => at <= *l,
                };
                let starts = rule.expand(start_local, end, MAX_OCCURRENCES + 1, until_ok);
                if starts.len() > MAX_OCCURRENCES {
                    importer.issue(
                        Some(master.comp.line),
                        master.label(),
                        IssueCode::TooManyOccurrences,
                        MAX_OCCURRENCES.to_string(),
                    );
                }
                starts
            }
            None => vec![start_local],
        };
        starts.truncate(MAX_OCCURRENCES);
        starts.extend(master.rdates.iter().filter_map(|t| frame.local(t, rules)));
        let excluded = |at: &NaiveDateTime| {
            master.exdates.iter().any(|x| match x {
                Time::Date(d) => at.date() == *d,
                other => frame.local(other, rules) == Some(*at),
            })
        };
        starts.retain(|at| !excluded(at) && at.date() >= options.from && at.date() < end);
        starts.sort();
        starts.dedup();

        // Each occurrence, or the override that replaces it.
        let mut occurrences: Vec<(NaiveDateTime, &Source)> = Vec::new();
        for at in starts {
            let replaced = overrides.iter().position(|o| {
                o.uid.is_some()
                    && o.uid == master.uid
                    && o.recurrence_id.as_ref().and_then(|r| frame.local(r, rules)).is_some_and(|r| match r {
                        _ if frame == Frame::Date => r.date() == at.date(),
                        r => r == at,
                    })
            });
            match replaced {
                Some(i) => {
                    used_overrides[i] = true;
                    occurrences.push((at, overrides[i]));
                }
                None => occurrences.push((at, master)),
            }
        }
        let many = occurrences.len() > 1;
        if many {
            let title = master.summary.clone().unwrap_or_else(|| "Untitled event".to_owned());
            let id = base.clone();
            series.push(json!({"id": id, "title": title, "kind": "sessions"}));
        }
        for (n, (at, source)) in occurrences.iter().enumerate() {
            let suffix = if frame == Frame::Date {
                at.format("%Y%m%d").to_string()
            } else {
                at.format("%Y%m%dt%H%M").to_string()
            };
            let id = importer.unique(format!("{base}-{suffix}"));
            let start = if std::ptr::eq(*source, *master) { frame.time(*at) } else { source.start.clone() };
            let session = many.then(|| (base.clone(), n as u32 + 1));
            events.push(importer.event(source, &start, id, session));
        }
    }
    // Overrides no series in the file claimed: changed occurrences of a series
    // that is not here (or outside the window: those are dropped).
    for (i, o) in overrides.iter().enumerate() {
        if used_overrides[i] {
            continue;
        }
        let has_master = masters.iter().any(|m| m.uid.is_some() && m.uid == o.uid);
        if has_master {
            continue;
        }
        importer.issue(Some(o.comp.line), o.label(), IssueCode::OrphanOverride, "");
        let id = importer.base_id(o);
        let id = importer.unique(id);
        events.push(importer.event(o, &o.start, id, None));
    }

    let mut feed = Map::new();
    feed.insert("version".into(), json!(1));
    if let Some(name) = calendars.iter().find_map(|c| c.get("X-WR-CALNAME")).map(|p| p.text().trim().to_owned()) {
        if !name.is_empty() {
            feed.insert("name".into(), json!(name));
        }
    }
    if !importer.themes.is_empty() {
        let themes: Vec<Value> = importer.themes.iter().map(|(id, label)| json!({"id": id, "label": label})).collect();
        feed.insert("themes".into(), Value::Array(themes));
    }
    if !series.is_empty() {
        feed.insert("series".into(), Value::Array(series));
    }
    feed.insert("events".into(), Value::Array(events));
    Ok((Value::Object(feed), importer.issues))
}

/// A feed id from a `UID`: lower case letters, digits and dashes, at most
/// 64 characters; a longer one (Outlook's are 100+ hex digits) keeps its
/// first 31 and a hash of the whole, so it stays stable and distinct.
pub fn id_from_uid(uid: &str) -> String {
    let slug = slug(uid);
    if slug.len() <= 64 && !slug.is_empty() && slug.len() * 2 >= uid.len() {
        slug
    } else {
        let hash = uid.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
        let head: String = slug.chars().take(31).collect();
        let head = head.trim_end_matches('-');
        if head.is_empty() {
            format!("{hash:016x}")
        } else {
            format!("{head}-{hash:016x}")
        }
    }
}

fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

impl Importer<'_> {
    fn base_id(&self, source: &Source) -> String {
        match &source.uid {
            Some(uid) => id_from_uid(uid),
            None => {
                let title = slug(source.summary.as_deref().unwrap_or("event"));
                let title: String = title.chars().take(40).collect();
                let date = match &source.start {
                    Time::Date(d) => d.and_time(NaiveTime::MIN),
                    Time::Utc(t) | Time::Local(t, _) => *t,
                };
                format!("{}-{}", title.trim_end_matches('-'), date.format("%Y%m%d"))
            }
        }
    }

    fn unique(&mut self, id: String) -> String {
        let mut candidate = id.clone();
        let mut n = 2;
        while self.used_ids.contains(&candidate) {
            candidate = format!("{id}-{n}");
            n += 1;
        }
        self.used_ids.push(candidate.clone());
        candidate
    }

    /// One feed event: `source`'s fields, starting at `start`.
    fn event(&mut self, source: &Source, start: &Time, id: String, session: Option<(String, u32)>) -> Value {
        let comp = source.comp;
        let label = source.label();
        let mut e = Map::new();
        e.insert("id".into(), json!(id));
        let title = source.summary.clone().unwrap_or_else(|| {
            self.issue(Some(comp.line), label.clone(), IssueCode::NoTitle, "");
            "Untitled event".to_owned()
        });
        e.insert("title".into(), json!(title));
        let mut approximate = Vec::new();
        match (start, source.length) {
            (Time::Date(d), length) => {
                let days = match length {
                    Length::Days(n) => n,
                    Length::Timed { .. } => 1,
                };
                e.insert("allDay".into(), json!(true));
                e.insert("start".into(), json!(d.to_string()));
                e.insert("end".into(), json!((*d + Duration::days(days - 1)).to_string()));
            }
            (timed, length) => {
                let (wall, exact) = match length {
                    Length::Timed { wall, exact } => (wall, exact),
                    Length::Days(n) => (Duration::days(n), Duration::zero()),
                };
                self.timed(&mut e, timed, wall, exact, &label, comp.line);
                if source.end_chosen {
                    approximate.push("end");
                }
            }
        }
        let description = comp
            .get("X-ALT-DESC")
            .filter(|p| p.param("FMTTYPE").is_some_and(|t| t.eq_ignore_ascii_case("text/html")))
            .map(|p| html_to_text(&p.text()))
            .filter(|t| !t.is_empty())
            .or_else(|| {
                let text = comp.get("DESCRIPTION")?.text();
                let text = if crate::check::html_tags(&text).is_empty() { tidy(&text) } else { html_to_text(&text) };
                (!text.is_empty()).then_some(text)
            });
        if let Some(description) = description {
            e.insert("description".into(), json!(description));
        }
        // Where: a place, an online address, or both.
        let location = comp.get("LOCATION").map(|p| p.text().trim().to_owned()).filter(|l| !l.is_empty());
        let conference =
            ["X-GOOGLE-CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL", "X-MICROSOFT-ONLINEMEETINGCONFLINK"]
                .iter()
                .find_map(|name| comp.get(name))
                .map(|p| p.text().trim().to_owned())
                .filter(|u| crate::validate::is_http_url(u));
        let (venue, online) = match location {
            Some(l) if crate::validate::is_http_url(&l) => (None, Some(l)),
            Some(l) if conference.is_some() && is_meeting_label(&l) => (None, conference),
            Some(l) => (Some(l), conference),
            None => (None, conference),
        };
        let format = match (&venue, &online) {
            (Some(_), Some(_)) => "hybrid",
            (None, Some(_)) => "online",
            (Some(_), None) => "in_person",
            (None, None) => {
                approximate.push("format");
                "in_person"
            }
        };
        e.insert("format".into(), json!(format));
        if let Some(venue) = venue {
            e.insert("venue".into(), json!({"name": venue}));
        }
        if let Some(online) = online {
            e.insert("onlineUrl".into(), json!(online));
        }
        if let Some(p) = comp.get("URL") {
            let url = p.text().trim().to_owned();
            if crate::validate::is_http_url(&url) {
                e.insert("url".into(), json!(url));
            } else if !url.is_empty() {
                self.issue(Some(p.line), label.clone(), IssueCode::BadUrl, url);
            }
        }
        let themes = self.themes_of(comp, &label);
        if !themes.is_empty() {
            e.insert("themes".into(), json!(themes));
        }
        if comp.get("STATUS").is_some_and(|p| p.value.trim().eq_ignore_ascii_case("CANCELLED")) {
            e.insert("status".into(), json!("cancelled"));
        }
        if let Some((series, n)) = session {
            e.insert("series".into(), json!(series));
            e.insert("session".into(), json!(n));
        }
        if !approximate.is_empty() {
            e.insert("approximate".into(), json!(approximate));
        }
        Value::Object(e)
    }

    /// `start`, `end` and `timeZone` of a timed occurrence.
    fn timed(
        &mut self,
        e: &mut Map<String, Value>,
        start: &Time,
        wall: Duration,
        exact: Duration,
        label: &Option<String>,
        line: usize,
    ) {
        match start {
            Time::Local(local, zone) => {
                let resolve = |t: NaiveDateTime| time::resolve_local(self.rules, zone, t);
                let Some((begin, how)) = resolve(*local) else { return };
                if let Resolution::Gap { .. } = how {
                    self.issue(Some(line), label.clone(), IssueCode::TimeInGap, time::iso_local(*local));
                }
                let finish = resolve(*local + wall).map_or(begin, |(i, _)| i) + exact;
                let shown = |i| time::to_local(self.rules, zone, i).map(|l| time::iso_local(l.naive_local()));
                e.insert("start".into(), json!(shown(begin)));
                e.insert("end".into(), json!(shown(finish.max(begin))));
                e.insert("timeZone".into(), json!(zone));
            }
            Time::Utc(t) => {
                let begin = t.and_utc();
                let finish = begin + wall + exact;
                e.insert("start".into(), json!(time::iso_utc(begin)));
                e.insert("end".into(), json!(time::iso_utc(finish)));
                if let Some(zone) = &self.zones.default {
                    e.insert("timeZone".into(), json!(zone));
                }
            }
            Time::Date(_) => {}
        }
    }

    fn themes_of(&mut self, comp: &Component, label: &Option<String>) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for p in comp.all("CATEGORIES") {
            for category in p.texts() {
                let id = match &self.options.categories {
                    None => Some(slug(&category)).filter(|s| !s.is_empty()),
                    Some(map) => {
                        let found = map.iter().find(|(c, _)| c.trim().eq_ignore_ascii_case(&category));
                        if found.is_none()
                            && !self
                                .issues
                                .iter()
                                .any(|i| i.code == IssueCode::UnmappedCategory && i.detail == category)
                        {
                            self.issue(Some(p.line), label.clone(), IssueCode::UnmappedCategory, category.clone());
                        }
                        found.map(|(_, id)| id.clone())
                    }
                };
                if let Some(id) = id {
                    if !self.themes.iter().any(|(t, _)| *t == id) {
                        self.themes.push((id.clone(), category.clone()));
                    }
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
            }
        }
        ids
    }
}

/// Outlook's and Google's placeholders for an online meeting's place.
fn is_meeting_label(location: &str) -> bool {
    let l = location.to_lowercase();
    ["teams", "zoom", "google meet", "skype", "webex", "online"].iter().any(|w| l.contains(w))
}

/// Plain text as typed: line ends made `\n`, spaces at line ends and
/// runs of more than one blank line removed, trimmed.
fn tidy(text: &str) -> String {
    let mut out = String::new();
    let mut blank = 0;
    for line in text.replace("\r\n", "\n").replace('\r', "\n").lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

// ------------------------------------------------------------ HTML → text

/// HTML (Outlook's `X-ALT-DESC`, Google's descriptions) as plain text:
/// paragraphs and blocks become blank lines, `<br>` a line break, tags
/// removed (a link's address kept after its words, in parentheses, when
/// they differ), entities decoded, `<head>`, `<style>`, `<script>` and
/// comments dropped, white space collapsed as a browser would.
pub fn html_to_text(html: &str) -> String {
    #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
    enum Gap {
        None,
        Space,
        Line,
        Para,
    }
    let mut out = String::new();
    let mut gap = Gap::None;
    let mut skip: Option<String> = None;
    let mut link: Option<(String, usize)> = None;
    let mut rest = html;
    let push = |out: &mut String, gap: &mut Gap, s: &str| {
        if !out.is_empty() {
            out.push_str(match *gap {
                Gap::None => "",
                Gap::Space => " ",
                Gap::Line => "\n",
                Gap::Para => "\n\n",
            });
        }
        *gap = Gap::None;
        out.push_str(s);
    };
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let tag_start =
            c == '<' && rest[1..].starts_with(|n: char| n.is_ascii_alphabetic() || n == '/' || n == '!' || n == '?');
        if tag_start {
            let end = tag_end(rest);
            let tag = &rest[1..end.saturating_sub(1).max(1)];
            rest = &rest[end..];
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == ':')
                .collect::<String>()
                .to_ascii_lowercase();
            if let Some(skipping) = &skip {
                if closing && *skipping == name {
                    skip = None;
                }
                continue;
            }
            match name.as_str() {
                "head" | "style" | "script" | "title" if !closing && !tag.ends_with('/') => skip = Some(name),
                // Two line breaks in a row (Google's paragraphs) make a paragraph.
                "br" => gap = if gap >= Gap::Line { Gap::Para } else { Gap::Line },
                "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "ol" | "table" | "blockquote"
                | "pre" | "section" | "article" | "header" | "footer" | "hr" | "body" => gap = gap.max(Gap::Para),
                "li" | "tr" | "dt" | "dd" => gap = gap.max(Gap::Line),
                "td" | "th" => gap = gap.max(Gap::Space),
                "a" if !closing => link = attribute(tag, "href").map(|h| (h, out.len())),
                "a" => {
                    if let Some((href, from)) = link.take() {
                        let words = out.get(from..).unwrap_or("");
                        if crate::validate::is_http_url(&href) && !words.contains(href.as_str()) && !words.is_empty() {
                            gap = gap.max(Gap::Space);
                            push(&mut out, &mut gap, &format!("({href})"));
                        }
                    }
                }
                _ => {}
            }
            continue;
        }
        if skip.is_some() {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        if c == '&' {
            if let Some((decoded, len)) = entity(rest) {
                rest = &rest[len..];
                if decoded.chars().all(|d| d.is_whitespace()) {
                    gap = gap.max(Gap::Space);
                } else {
                    push(&mut out, &mut gap, &decoded);
                }
                continue;
            }
        }
        rest = &rest[c.len_utf8()..];
        if c.is_whitespace() {
            gap = gap.max(Gap::Space);
        } else {
            let mut buf = [0; 4];
            push(&mut out, &mut gap, c.encode_utf8(&mut buf));
        }
    }
    out
}

/// Where the tag starting `s` (at `<`) ends: after its `>`, outside quotes.
fn tag_end(s: &str) -> usize {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let value = &tag[at..];
    let value = match value.chars().next()? {
        q @ ('"' | '\'') => value[1..].split(q).next()?,
        _ => value.split(|c: char| c.is_whitespace() || c == '>').next()?,
    };
    Some(value.replace("&amp;", "&"))
}

/// The entity at the start of `s` (`&amp;`, `&#233;`, `&#xE9;`), decoded, and its length.
fn entity(s: &str) -> Option<(String, usize)> {
    let end = s[1..].find(';').map(|i| i + 1).filter(|&i| i <= 12)?;
    let body = &s[1..end];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code).filter(|c| !c.is_control() || *c == '\n')?
    } else {
        named_entity(body)?
    };
    let c = if c == '\u{a0}' { ' ' } else { c };
    Some((c.to_string(), end + 1))
}

fn named_entity(name: &str) -> Option<char> {
    const NAMED: &[(&str, char)] = &[
        ("amp", '&'),
        ("lt", '<'),
        ("gt", '>'),
        ("quot", '"'),
        ("apos", '\''),
        ("nbsp", '\u{a0}'),
        ("ndash", '–'),
        ("mdash", '—'),
        ("hellip", '…'),
        ("lsquo", '‘'),
        ("rsquo", '’'),
        ("ldquo", '“'),
        ("rdquo", '”'),
        ("laquo", '«'),
        ("raquo", '»'),
        ("bull", '•'),
        ("middot", '·'),
        ("copy", '©'),
        ("reg", '®'),
        ("trade", '™'),
        ("euro", '€'),
        ("pound", '£'),
        ("deg", '°'),
        ("szlig", 'ß'),
        ("aacute", 'á'),
        ("eacute", 'é'),
        ("iacute", 'í'),
        ("oacute", 'ó'),
        ("uacute", 'ú'),
        ("Aacute", 'Á'),
        ("Eacute", 'É'),
        ("Iacute", 'Í'),
        ("Oacute", 'Ó'),
        ("Uacute", 'Ú'),
        ("agrave", 'à'),
        ("egrave", 'è'),
        ("igrave", 'ì'),
        ("ograve", 'ò'),
        ("ugrave", 'ù'),
        ("acirc", 'â'),
        ("ecirc", 'ê'),
        ("icirc", 'î'),
        ("ocirc", 'ô'),
        ("ucirc", 'û'),
        ("Icirc", 'Î'),
        ("Acirc", 'Â'),
        ("auml", 'ä'),
        ("euml", 'ë'),
        ("iuml", 'ï'),
        ("ouml", 'ö'),
        ("uuml", 'ü'),
        ("Auml", 'Ä'),
        ("Ouml", 'Ö'),
        ("Uuml", 'Ü'),
        ("atilde", 'ã'),
        ("otilde", 'õ'),
        ("ntilde", 'ñ'),
        ("Ntilde", 'Ñ'),
        ("ccedil", 'ç'),
        ("Ccedil", 'Ç'),
        ("iexcl", '¡'),
        ("iquest", '¿'),
    ];
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tzdb::Tzdb;

    fn options() -> ImportOptions {
        ImportOptions::new(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap())
    }

    fn calendar(body: &str) -> String {
        format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{}\r\nEND:VCALENDAR\r\n", body.trim().replace('\n', "\r\n"))
    }

    fn import_ok(body: &str) -> (Value, Vec<ImportIssue>) {
        let text = calendar(body);
        let (feed, issues) = import(text.as_bytes(), &Tzdb, &options()).unwrap();
        // Always a feed the app reads and the check finds no errors in.
        let bytes = serde_json::to_vec(&feed).unwrap();
        let report = crate::check::check(&bytes, &Tzdb, &[], "2027-01-01T00:00:00Z".parse().unwrap());
        assert_eq!(report.errors(), 0, "{report:?}\n{feed:#}");
        (feed, issues)
    }

    fn starts(feed: &Value) -> Vec<String> {
        feed["events"].as_array().unwrap().iter().map(|e| e["start"].as_str().unwrap().to_owned()).collect()
    }

    #[test]
    fn lines_unfold_params_unquote_and_text_unescapes() {
        let lines = unfold(b"SUMMARY:Caf\xC3\r\n \xA9 talk\r\nDESCRIPTION:a\r\n\tb\n");
        assert_eq!(lines, vec![(1, "SUMMARY:Café talk".to_owned()), (3, "DESCRIPTION:ab".to_owned())]);
        // Windows-1252, as older Outlook writes it.
        let lines = unfold(b"SUMMARY:Caf\xE9 urbain \x96 Gda\xF1sk \x80 5\r\nLOCATION:\x93Rynek\x94 \x8Aibenik\r\n");
        assert_eq!(
            lines,
            vec![(1, "SUMMARY:Café urbain – Gdañsk € 5".to_owned()), (2, "LOCATION:“Rynek” Šibenik".to_owned())]
        );
        let (_, issues) = read(b"BEGIN:VCALENDAR\r\nX-WR-CALNAME:Caf\xE9\r\nEND:VCALENDAR\r\n").unwrap();
        assert_eq!(issues.iter().map(|i| i.code).collect::<Vec<_>>(), [IssueCode::NotUtf8]);
        let p = parse_line(r#"DTSTART;TZID="W. Europe Standard Time";X-A=1,"b:c":20270309T143000"#, 1).unwrap();
        assert_eq!(p.name, "DTSTART");
        assert_eq!(p.param("tzid"), Some("W. Europe Standard Time"));
        assert_eq!(p.param("X-A"), Some("1,b:c"));
        assert_eq!(p.value, "20270309T143000");
        let p = parse_line(r"LOCATION:Casa Llotja\, Barcelona\; Spain\nfloor 1 \\ hall", 1).unwrap();
        assert_eq!(p.text(), "Casa Llotja, Barcelona; Spain\nfloor 1 \\ hall");
        let p = parse_line(r"CATEGORIES:Housing,Learning\, cities, ", 1).unwrap();
        assert_eq!(p.texts(), vec!["Housing", "Learning, cities"]);
        assert!(parse_line("no colon here", 1).is_none());
        assert_eq!(import(b"<html></html>", &Tzdb, &options()).unwrap_err(), ImportError::NotICalendar);
    }

    #[test]
    fn events_without_a_start_are_counted_as_skipped() {
        let ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:No start\r\nEND:VEVENT\r\n\
                   BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Fine\r\nDTSTART:20270101T100000Z\r\nDTEND:20270101T110000Z\r\nEND:VEVENT\r\n\
                   BEGIN:VEVENT\r\nUID:c\r\nDTSTART:soon\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let (_, issues) =
            import(ics.as_bytes(), &Tzdb, &ImportOptions::new(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap())).unwrap();
        let paths = skipped_paths(&issues);
        assert_eq!(paths, ["VEVENT[line 2]", "VEVENT[line 12]"]);
        let skipped = skipped_issues(paths.iter().map(String::as_str));
        assert_eq!(crate::validate::skipped_count(&skipped), 2);
        assert_eq!(skipped[1].problem, crate::validate::Problem::Missing { field: "DTSTART" });
    }

    #[test]
    fn a_mistyped_zone_is_read_as_the_nearest_name_given() {
        let ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Lab\r\n\
                   DTSTART;TZID=Europe/Bucuresti:20270910T180000\r\nDTEND;TZID=Romance Standard Tme:20270910T190000\r\n\
                   END:VEVENT\r\nEND:VCALENDAR\r\n";
        let from = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
        // Without names to guess from: UTC, as before.
        let (feed, issues) = import(ics.as_bytes(), &Tzdb, &ImportOptions::new(from)).unwrap();
        assert_eq!(feed["events"][0]["start"], "2027-09-10T18:00:00Z");
        assert!(issues.iter().all(|i| i.code == IssueCode::UnknownZone), "{issues:?}");
        let mut options = ImportOptions::new(from);
        options.zone_names = crate::tzdb::zone_names().map(str::to_owned).collect();
        let (feed, issues) = import(ics.as_bytes(), &Tzdb, &options).unwrap();
        assert_eq!(
            (&feed["events"][0]["start"], &feed["events"][0]["timeZone"]),
            (&json!("2027-09-10T18:00:00"), &json!("Europe/Bucharest"))
        );
        // The end, in Paris's zone: 19:00 there is 20:00 in Bucharest.
        assert_eq!(feed["events"][0]["end"], "2027-09-10T20:00:00");
        let found: Vec<_> = issues.iter().map(|i| (i.code, i.detail.as_str())).collect();
        assert_eq!(
            found,
            [(IssueCode::GuessedZone, "Europe/Bucuresti"), (IssueCode::GuessedZone, "Romance Standard Tme")]
        );
        assert_eq!(nearest_zone("Europe/Bucuresti", &options.zone_names).as_deref(), Some("Europe/Bucharest"));
        assert_eq!(nearest_zone("Mars Standard Time", &options.zone_names), None);
    }

    #[test]
    fn the_rest_of_a_broken_line_is_reported() {
        // A mail program broke DESCRIPTION's line without the leading space.
        let ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Lab\r\nDTSTART:20270101T100000Z\r\n\
                   DESCRIPTION:Bring a laptop and\r\nregister: https://example.org/lab\r\nX-VENDOR:kept quiet\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let (_, issues) = read(ics.as_bytes()).unwrap();
        let found: Vec<_> = issues.iter().map(|i| (i.line, i.event.as_deref(), i.code)).collect();
        assert_eq!(found, [(Some(7), Some("Lab"), IssueCode::UnknownProperty)]);
    }

    #[test]
    fn the_browser_expands_recurrences_from_a_year_back() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        for (today, from) in [
            ("2026-12-06", "2025-12-01"),
            ("2026-12-01", "2025-12-01"),
            ("2027-01-31", "2026-01-01"),
            ("2028-02-29", "2027-02-01"),
            ("2028-03-01", "2027-03-01"),
        ] {
            let options = browser_options(day(today));
            assert_eq!((options.from, options.months), (day(from), 30), "{today}");
        }
    }

    #[test]
    fn windows_and_path_zones_resolve_to_iana() {
        for (windows, iana) in [
            ("W. Europe Standard Time", "Europe/Berlin"),
            ("Romance Standard Time", "Europe/Paris"),
            ("GTB Standard Time", "Europe/Bucharest"),
            ("Pacific SA Standard Time", "America/Santiago"),
            ("Eastern Standard Time", "America/New_York"),
            ("GMT Standard Time", "Europe/London"),
            ("India Standard Time", "Asia/Kolkata"),
            ("FLE Standard Time", "Europe/Kyiv"),
        ] {
            assert_eq!(windows_zone(windows), Some(iana), "{windows}");
        }
        for (_, iana) in WINDOWS_ZONES {
            assert!(Tzdb.is_known(time::canonical_zone(iana)), "{iana}");
        }
        let zones = Zones {
            rules: &Tzdb,
            locations: vec![("Custom".into(), "Europe/Madrid".into())],
            default: None,
            names: &[],
        };
        assert_eq!(zones.resolve("/mozilla.org/20050126_1/Europe/Berlin").as_deref(), Some("Europe/Berlin"));
        assert_eq!(zones.resolve("\"Europe/Paris\"").as_deref(), Some("Europe/Paris"));
        assert_eq!(zones.resolve("Custom").as_deref(), Some("Europe/Madrid"));
        assert_eq!(zones.resolve("Mars Standard Time"), None);
    }

    #[test]
    fn weekly_keeps_local_time_across_dst_with_exdate_and_override() {
        let (feed, _) = import_ok(
            "BEGIN:VEVENT\nUID:w@x\nSUMMARY:Evening\nDTSTART;TZID=Europe/Bucharest:20270318T180000\n\
             DTEND;TZID=Europe/Bucharest:20270318T190000\nRRULE:FREQ=WEEKLY;COUNT=4\n\
             EXDATE;TZID=Europe/Bucharest:20270325T180000\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:w@x\nSUMMARY:Evening (later)\nRECURRENCE-ID:20270401T150000Z\n\
             DTSTART;TZID=Europe/Bucharest:20270401T200000\nDTEND;TZID=Europe/Bucharest:20270401T210000\nEND:VEVENT",
        );
        assert_eq!(starts(&feed), ["2027-03-18T18:00:00", "2027-04-01T20:00:00", "2027-04-08T18:00:00"]);
        let events = feed["events"].as_array().unwrap();
        assert_eq!(events[1]["title"], "Evening (later)");
        assert_eq!(events[2]["session"], 3);
        assert_eq!(feed["series"][0]["kind"], "sessions");
        assert_eq!(events[0]["id"], "w-x-20270318t1800");
    }

    #[test]
    fn rules_expand_monthly_yearly_daily() {
        let expand = |rule: &str, start: &str| {
            let rule = Rule::parse(rule).unwrap();
            let start = NaiveDateTime::parse_from_str(start, "%Y-%m-%dT%H:%M").unwrap();
            let end = NaiveDate::from_ymd_opt(2030, 1, 1).unwrap();
            rule.expand(start, end, 100, |_| true).iter().map(|t| t.date().to_string()).collect::<Vec<_>>()
        };
        assert_eq!(
            expand("FREQ=MONTHLY;BYDAY=2TU;COUNT=3", "2027-03-09T10:00"),
            ["2027-03-09", "2027-04-13", "2027-05-11"]
        );
        assert_eq!(expand("FREQ=MONTHLY;BYDAY=-1FR;COUNT=2", "2027-01-29T10:00"), ["2027-01-29", "2027-02-26"]);
        assert_eq!(
            expand("FREQ=MONTHLY;BYMONTHDAY=31;COUNT=3", "2027-01-31T10:00"),
            ["2027-01-31", "2027-03-31", "2027-05-31"]
        );
        assert_eq!(
            expand("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1,15;COUNT=4", "2027-01-01T10:00"),
            ["2027-01-01", "2027-01-15", "2027-03-01", "2027-03-15"]
        );
        assert_eq!(expand("FREQ=YEARLY;COUNT=2", "2024-02-29T10:00"), ["2024-02-29", "2028-02-29"]);
        assert_eq!(
            expand("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU;COUNT=2", "2027-03-28T03:00"),
            ["2027-03-28", "2028-03-26"]
        );
        assert_eq!(
            expand("FREQ=DAILY;INTERVAL=3;COUNT=4", "2027-01-01T09:00"),
            ["2027-01-01", "2027-01-04", "2027-01-07", "2027-01-10"]
        );
        assert_eq!(
            expand("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=4", "2027-01-04T09:00"),
            ["2027-01-04", "2027-01-06", "2027-01-18", "2027-01-20"]
        );
        assert_eq!(
            expand("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=2", "2027-01-29T09:00"),
            ["2027-01-29", "2027-02-26"]
        );
        assert!(Rule::parse("FREQ=HOURLY").is_err());
        assert!(Rule::parse("FREQ=YEARLY;BYWEEKNO=20").is_err());
    }

    #[test]
    fn all_day_end_is_inclusive_and_utc_floating_and_gaps_are_placed() {
        let (feed, issues) = import_ok(
            "X-WR-TIMEZONE:America/Santiago\n\
             BEGIN:VEVENT\nUID:a\nSUMMARY:Fair\nDTSTART;VALUE=DATE:20270512\nDTEND;VALUE=DATE:20270515\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:b\nSUMMARY:Talk\nDTSTART:20270602T150000Z\nDURATION:PT90M\nSTATUS:CANCELLED\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:c\nSUMMARY:Night\nDTSTART:20270905T003000\nDTEND:20270905T013000\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:d\nSUMMARY:No end\nDTSTART;TZID=Pacific SA Standard Time:20270110T100000\nEND:VEVENT",
        );
        let events = feed["events"].as_array().unwrap();
        assert_eq!(
            (&events[0]["start"], &events[0]["end"], &events[0]["allDay"]),
            (&json!("2027-05-12"), &json!("2027-05-14"), &json!(true))
        );
        assert_eq!(
            (&events[1]["end"], &events[1]["status"], &events[1]["timeZone"]),
            (&json!("2027-06-02T16:30:00Z"), &json!("cancelled"), &json!("America/Santiago"))
        );
        // 00:30 does not exist in Santiago on 5 September 2027: read as 01:30 (offset before the gap).
        assert_eq!(
            (&events[2]["start"], &events[2]["end"]),
            (&json!("2027-09-05T01:30:00"), &json!("2027-09-05T01:30:00"))
        );
        assert_eq!(
            (&events[3]["timeZone"], &events[3]["end"], &events[3]["approximate"]),
            (&json!("America/Santiago"), &json!("2027-01-10T11:00:00"), &json!(["end", "format"]))
        );
        let codes: Vec<_> = issues.iter().map(|i| i.code).collect();
        assert_eq!(codes, [IssueCode::NoEnd, IssueCode::TimeInGap]);
    }

    #[test]
    fn html_becomes_plain_text() {
        assert_eq!(
            html_to_text("<html><head><style>p {x}</style></head><body><p class=MsoNormal>Dear all,<o:p></o:p></p><p><o:p>&nbsp;</o:p></p><p>Caf&eacute; &amp; talk &#8211; <b>bring</b>\n data.</p></body></html>"),
            "Dear all,\n\nCafé & talk – bring data."
        );
        assert_eq!(
            html_to_text("One<br>two<br><br>three <a href=\"https://x.org/a\">here</a>"),
            "One\ntwo\n\nthree here (https://x.org/a)"
        );
        assert_eq!(html_to_text("<ul><li>a</li><li>b</li></ul><!-- gone -->c"), "a\nb\n\nc");
    }

    #[test]
    fn categories_map_to_themes_and_private_events_stay_out() {
        let text = calendar(
            "BEGIN:VEVENT\nUID:a\nSUMMARY:A\nDTSTART:20270101T100000Z\nDTEND:20270101T110000Z\nCATEGORIES:Housing,Sport\nEND:VEVENT\n\
             BEGIN:VEVENT\nUID:b\nCLASS:PRIVATE\nSUMMARY:B\nDTSTART:20270101T100000Z\nEND:VEVENT",
        );
        let mut options = options();
        options.categories = Some(category_map(r#"{"housing": "urban-housing"}"#).unwrap());
        let (feed, issues) = import(text.as_bytes(), &Tzdb, &options).unwrap();
        assert_eq!(feed["themes"], json!([{"id": "urban-housing", "label": "Housing"}]));
        assert_eq!(feed["events"][0]["themes"], json!(["urban-housing"]));
        assert_eq!(feed["events"].as_array().unwrap().len(), 1);
        let codes: Vec<_> = issues.iter().map(|i| i.code).collect();
        assert_eq!(codes, [IssueCode::Private, IssueCode::UnmappedCategory]);
        assert!(category_map("[1]").is_err());
    }

    #[test]
    fn ids_from_uids_are_stable_and_short() {
        assert_eq!(id_from_uid("7kukuqrfedlm2f9t3fj0ojtmsp@google.com"), "7kukuqrfedlm2f9t3fj0ojtmsp-google-com");
        let long = "040000008200E00074C5B7101A82E00800000000D0A1B2C3D4E5F601000000000000000010000000A1B2C3D4E5F60718293A4B5C6D7E8F90";
        assert_eq!(id_from_uid(long), id_from_uid(long));
        assert!(id_from_uid(long).len() <= 48);
        assert_ne!(id_from_uid(long), id_from_uid(&long.replace("F90", "F91")));
    }

    /// `merge` finds the same event in two feeds by id: an event's id depends
    /// only on its `UID` (an occurrence's on the `UID` and its start), not on
    /// what else the calendar holds or in which order.
    #[test]
    fn the_same_uid_gives_the_same_ids_in_any_calendar() {
        let weekly = "BEGIN:VEVENT\nUID:w@x\nSUMMARY:Evening\nDTSTART;TZID=Europe/Bucharest:20270318T180000\n\
                      DTEND;TZID=Europe/Bucharest:20270318T190000\nRRULE:FREQ=WEEKLY;COUNT=3\nEND:VEVENT\n";
        let single =
            "BEGIN:VEVENT\nUID:one@y\nSUMMARY:Fair\nDTSTART:20270601T100000Z\nDTEND:20270601T120000Z\nEND:VEVENT\n";
        let other =
            "BEGIN:VEVENT\nUID:zz@q\nSUMMARY:Other\nDTSTART:20270318T160000Z\nDTEND:20270318T170000Z\nEND:VEVENT\n";
        let ids = |body: String| {
            let (feed, _) = import_ok(&body);
            let mut ids: Vec<String> = feed["events"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["id"].as_str().unwrap().to_owned())
                .filter(|id| !id.starts_with("zz"))
                .collect();
            ids.sort();
            ids
        };
        let first = ids(format!("{weekly}{single}"));
        assert_eq!(first, ["one-y", "w-x-20270318t1800", "w-x-20270325t1800", "w-x-20270401t1800"]);
        assert_eq!(ids(format!("{other}{single}{weekly}")), first);
    }
}
