//! "Add to calendar": an iCalendar file (RFC 5545) for one event, Google
//! Calendar and Outlook links, and the calendar of many events a
//! subscription serves ([`calendar`], chosen by [`crate::subscription`]).
//!
//! Timed events with a zone are written in that zone (`DTSTART;TZID=…`) with a
//! `VTIMEZONE` built from the zone's actual transitions around the event, so a
//! calendar app shows the venue's time and converts it correctly; events
//! without a zone are written in UTC. All-day events are `VALUE=DATE`.
//!
//! **Revisions.** The feed says nothing of when an event last changed, yet a
//! subscribed calendar wants `SEQUENCE` (RFC 5545: starts at 0, only ever
//! goes up) and `LAST-MODIFIED` to change when an event does and to stay
//! put when it does not. Both are derived from [`content_hash`], a stable
//! FNV-1a hash of what an event's `VEVENT` shows, in every language. A hash
//! alone cannot be a `SEQUENCE` (it is not ordered: half the changes would
//! go down, and clients ignore a revision older than the one they hold) nor
//! a time; so whoever publishes remembers, per event, the last hash with its
//! [`Revision`], and [`Revision::next`] decides: the same hash keeps the
//! revision, another one is the next `SEQUENCE`, modified now. The
//! reference server keeps that memory in its SQLite file
//! (`calendar_revisions`); without one, every event is at `SEQUENCE:0` and
//! has no `LAST-MODIFIED`.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Timelike, Utc};

use crate::feed::{Event, EventStatus, Feed, Format, Text, When};
use crate::time::ZoneRules;

/// What the file needs besides the event.
pub struct Export<'a> {
    /// The reader's language tag: texts are picked for it.
    pub lang: &'a str,
    /// The event's page in Citycal (a deep link), written as its URL.
    pub page_url: &'a str,
    /// Makes the UID globally unique: the host serving the calendar.
    pub uid_domain: &'a str,
    pub now: DateTime<Utc>,
}

/// The `.ics` file for `event`, with CRLF line ends and lines folded at 75 octets.
pub fn ics(event: &Event, feed: &Feed, rules: &dyn ZoneRules, export: &Export) -> String {
    let mut lines = calendar_head();
    let (dtstart, dtend, zone) = times(event, rules);
    if let (Some(zone), When::Timed { start, end }) = (zone, &event.when) {
        lines.extend(vtimezone(rules, zone, *start, *end));
    }
    lines.extend(vevent(event, feed, export, (dtstart, dtend), None));
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

/// How often a subscribed calendar should be read again (RFC 7986
/// `REFRESH-INTERVAL`, and Outlook's `X-PUBLISHED-TTL`).
pub const REFRESH_INTERVAL: &str = "PT6H";

/// What a calendar of many events needs besides them.
pub struct Calendar<'a> {
    /// The calendar's name (`NAME`, `X-WR-CALNAME`), in the reader's language.
    pub name: &'a str,
    /// The reader's language tag: texts are picked for it ("" for each
    /// event's own language).
    pub lang: &'a str,
    pub uid_domain: &'a str,
    /// `DTSTAMP`: when this calendar was written.
    pub now: DateTime<Utc>,
}

/// One event of a [`calendar`].
pub struct Entry<'a> {
    pub event: &'a Event,
    /// Its page in Citycal (written as `URL` and in the description when http(s)).
    pub page_url: String,
    /// Its revision (see the module's notes); `None`: `SEQUENCE:0`, no `LAST-MODIFIED`.
    pub revision: Option<Revision>,
}

/// One iCalendar object with every entry, in order, and one `VTIMEZONE`
/// for each zone their times are written in (covering all its events): what
/// a subscription serves (`METHOD:PUBLISH`, a name, a refresh interval).
pub fn calendar(feed: &Feed, entries: &[Entry], rules: &dyn ZoneRules, calendar: &Calendar) -> String {
    let mut lines = calendar_head();
    let name = text_value(calendar.name);
    lines.push(format!("NAME:{name}"));
    lines.push(format!("X-WR-CALNAME:{name}"));
    lines.push(format!("REFRESH-INTERVAL;VALUE=DURATION:{REFRESH_INTERVAL}"));
    lines.push(format!("X-PUBLISHED-TTL:{REFRESH_INTERVAL}"));
    let written: Vec<(String, String, Option<&str>)> = entries.iter().map(|e| times(e.event, rules)).collect();
    // Each zone once, in the order first used, over all its events' times.
    let mut zones: Vec<(&str, DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    for (entry, (_, _, zone)) in entries.iter().zip(&written) {
        if let (Some(zone), When::Timed { start, end }) = (zone, &entry.event.when) {
            match zones.iter_mut().find(|(z, _, _)| z == zone) {
                Some((_, from, to)) => {
                    *from = (*from).min(*start);
                    *to = (*to).max(*end);
                }
                None => zones.push((zone, *start, *end)),
            }
        }
    }
    for (zone, from, to) in zones {
        lines.extend(vtimezone(rules, zone, from, to));
    }
    for (entry, (dtstart, dtend, _)) in entries.iter().zip(written) {
        let export = Export {
            lang: calendar.lang,
            page_url: &entry.page_url,
            uid_domain: calendar.uid_domain,
            now: calendar.now,
        };
        lines.extend(vevent(entry.event, feed, &export, (dtstart, dtend), Some(entry.revision)));
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
}

fn calendar_head() -> Vec<String> {
    vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Citycal//Citycal calendar//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ]
}

/// `DTSTART` and `DTEND`, and the zone they are written in (which then
/// needs a `VTIMEZONE`).
fn times<'e>(event: &'e Event, rules: &dyn ZoneRules) -> (String, String, Option<&'e str>) {
    match (&event.when, event.zone.as_deref()) {
        (When::AllDay { first, last }, _) => {
            let exclusive_end = last.succ_opt().unwrap_or(*last);
            (
                format!("DTSTART;VALUE=DATE:{}", ics_date(*first)),
                format!("DTEND;VALUE=DATE:{}", ics_date(exclusive_end)),
                None,
            )
        }
        (When::Timed { start, end }, Some(zone)) if rules.is_known(zone) => {
            let local = |t: DateTime<Utc>| {
                let offset = rules.offset_at(zone, t).unwrap_or(0);
                ics_local(t.naive_utc() + Duration::seconds(offset.into()))
            };
            (format!("DTSTART;TZID={zone}:{}", local(*start)), format!("DTEND;TZID={zone}:{}", local(*end)), Some(zone))
        }
        (When::Timed { start, end }, _) => {
            (format!("DTSTART:{}", ics_utc(*start)), format!("DTEND:{}", ics_utc(*end)), None)
        }
    }
}

/// The `VEVENT`. `revision` is `None` for a single event's file (no
/// `SEQUENCE` or `LAST-MODIFIED` at all), `Some(None)` in a calendar whose
/// publisher keeps no revisions.
fn vevent(
    event: &Event,
    feed: &Feed,
    export: &Export,
    (dtstart, dtend): (String, String),
    revision: Option<Option<Revision>>,
) -> Vec<String> {
    let mut lines: Vec<String> = vec!["BEGIN:VEVENT".into()];
    lines.push(format!("UID:{}@{}", text_value(&event.id), export.uid_domain));
    lines.push(format!("DTSTAMP:{}", ics_utc(export.now)));
    match revision {
        Some(Some(revision)) => {
            lines.push(format!("LAST-MODIFIED:{}", ics_utc(revision.modified)));
            lines.push(format!("SEQUENCE:{}", revision.sequence));
        }
        Some(None) => lines.push("SEQUENCE:0".into()),
        None => {}
    }
    lines.push(dtstart);
    lines.push(dtend);
    lines.extend(text_property("SUMMARY", &event.title, event, export.lang));
    let description = description(event, export);
    if !description.is_empty() {
        lines.push(format!("DESCRIPTION:{}", text_value(&description)));
    }
    if let Some(location) = location(event, export.lang) {
        lines.push(format!("LOCATION:{}", text_value(&location)));
    }
    if is_http(export.page_url) {
        lines.push(format!("URL:{}", export.page_url));
    }
    let categories: Vec<String> = event
        .themes
        .iter()
        .filter_map(|id| feed.theme(id))
        .filter_map(|t| t.label.pick(export.lang, &[]).map(|p| text_value(p.text)))
        .collect();
    if !categories.is_empty() {
        lines.push(format!("CATEGORIES:{}", categories.join(",")));
    }
    lines.push(
        match event.status {
            EventStatus::Cancelled => "STATUS:CANCELLED",
            EventStatus::Postponed => "STATUS:TENTATIVE",
            _ => "STATUS:CONFIRMED",
        }
        .into(),
    );
    lines.push("END:VEVENT".into());
    lines
}

/// An event's revision in a published calendar (see the module's notes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Revision {
    /// `SEQUENCE`: 0 when first published, one more at each change.
    pub sequence: u32,
    /// `LAST-MODIFIED`: when this version was first published (whole seconds).
    pub modified: DateTime<Utc>,
}

impl Revision {
    /// The revision of an event whose [`content_hash`] is `hash`, given the
    /// hash and revision remembered for it (`None`: never published), at
    /// `now`. The same hash keeps the revision; another is the next
    /// sequence, modified now (never before the previous time, should the
    /// clock step back).
    pub fn next(previous: Option<(u64, Revision)>, hash: u64, now: DateTime<Utc>) -> Revision {
        let now = now.with_nanosecond(0).unwrap_or(now);
        match previous {
            None => Revision { sequence: 0, modified: now },
            Some((seen, revision)) if seen == hash => revision,
            Some((_, revision)) => Revision {
                // iCalendar's INTEGER is 32-bit signed.
                sequence: revision.sequence.saturating_add(1).min(i32::MAX as u32),
                modified: now.max(revision.modified),
            },
        }
    }
}

/// A stable hash (FNV-1a, 64 bits) of everything an event's `VEVENT`
/// shows, in every language: id, texts, times and zone, spoken languages,
/// format, venue, online link, themes with their labels, status. Registration
/// counts and the rest that a calendar does not show leave it alone. Fields
/// are length-prefixed, so no two events hash alike by shifting text from
/// one field to the next. Changing what is hashed changes every hash once
/// (each event then goes up one `SEQUENCE`).
pub fn content_hash(event: &Event, feed: &Feed) -> u64 {
    let mut h = Fnv::new();
    h.str(&event.id);
    for text in [&event.title, &event.summary, &event.description] {
        h.text(text);
    }
    match &event.when {
        When::Timed { start, end } => {
            h.bytes(&[0]);
            h.bytes(&start.timestamp().to_le_bytes());
            h.bytes(&end.timestamp().to_le_bytes());
        }
        When::AllDay { first, last } => {
            h.bytes(&[1]);
            h.str(&first.to_string());
            h.str(&last.to_string());
        }
    }
    h.opt(event.zone.as_deref());
    h.count(event.languages.len());
    for lang in &event.languages {
        h.str(lang);
    }
    h.bytes(&[match event.format {
        Format::Online => 0,
        Format::InPerson => 1,
        Format::Hybrid => 2,
    }]);
    match &event.venue {
        None => h.bytes(&[0]),
        Some(venue) => {
            h.bytes(&[1]);
            h.text(&venue.name);
            h.opt(venue.address.as_deref());
            h.opt(venue.city.as_deref());
            h.opt(venue.country.as_deref());
        }
    }
    h.opt(event.online_url.as_deref());
    h.count(event.themes.len());
    for id in &event.themes {
        h.str(id);
        match feed.theme(id) {
            Some(theme) => h.text(&theme.label),
            None => h.bytes(&[0xff]),
        }
    }
    h.bytes(&[match event.status {
        EventStatus::Scheduled => 0,
        EventStatus::Cancelled => 1,
        EventStatus::Postponed => 2,
        EventStatus::Rescheduled => 3,
        EventStatus::MovedOnline => 4,
    }]);
    h.0
}

/// FNV-1a, 64 bits: tiny, stable across platforms and versions.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn count(&mut self, n: usize) {
        self.bytes(&(n as u64).to_le_bytes());
    }

    fn str(&mut self, s: &str) {
        self.count(s.len());
        self.bytes(s.as_bytes());
    }

    fn opt(&mut self, s: Option<&str>) {
        match s {
            None => self.bytes(&[0]),
            Some(s) => {
                self.bytes(&[1]);
                self.str(s);
            }
        }
    }

    fn text(&mut self, text: &Text) {
        self.count(text.0.len());
        for (lang, s) in &text.0 {
            self.str(lang);
            self.str(s);
        }
    }
}

/// A Google Calendar "create event" link prefilled with the event.
pub fn google_calendar_url(event: &Event, export: &Export) -> String {
    let dates = match event.when {
        When::Timed { start, end } => format!("{}/{}", ics_utc(start), ics_utc(end)),
        When::AllDay { first, last } => format!("{}/{}", ics_date(first), ics_date(last.succ_opt().unwrap_or(last))),
    };
    let mut query = form_urlencoded::Serializer::new(String::new());
    query.append_pair("action", "TEMPLATE");
    query.append_pair("text", event.title.pick(export.lang, &event.languages).map_or(&event.id, |p| p.text));
    query.append_pair("dates", &dates);
    query.append_pair("details", &description(event, export));
    if let Some(location) = location(event, export.lang) {
        query.append_pair("location", &location);
    }
    if let Some(zone) = &event.zone {
        query.append_pair("ctz", zone);
    }
    format!("https://calendar.google.com/calendar/render?{}", query.finish())
}

/// Microsoft's web calendars, which take the same "add event" link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Service {
    /// Outlook.com (personal Microsoft accounts).
    OutlookCom,
    /// Microsoft 365 (work or school accounts).
    Microsoft365,
}

impl Service {
    pub const ALL: [Service; 2] = [Service::OutlookCom, Service::Microsoft365];

    fn compose_url(self) -> &'static str {
        match self {
            Service::OutlookCom => "https://outlook.live.com/calendar/0/action/compose",
            Service::Microsoft365 => "https://outlook.office.com/calendar/0/action/compose",
        }
    }
}

/// An Outlook.com or Microsoft 365 "add event" link prefilled with the
/// event. Times are UTC with a trailing `Z` (`startdt=2026-12-10T14:00:00Z`):
/// without it Outlook reads them in the account's own zone. All-day events
/// are `allday=true` with dates, the end exclusive (the day after the last,
/// as in the `.ics` and Google's link). Values are percent-encoded with
/// `%20` for spaces: Outlook shows a `+` as it is.
pub fn outlook_url(event: &Event, export: &Export, service: Service) -> String {
    let (start, end, all_day) = match event.when {
        When::Timed { start, end } => (crate::time::iso_utc(start), crate::time::iso_utc(end), false),
        When::AllDay { first, last } => (first.to_string(), last.succ_opt().unwrap_or(last).to_string(), true),
    };
    let subject = event.title.pick(export.lang, &event.languages).map_or(event.id.as_str(), |p| p.text);
    // Dates and times are digits, `-`, `T`, `:` and `Z`: nothing to encode.
    let mut url =
        format!("{}?rru=addevent&subject={}&startdt={start}&enddt={end}", service.compose_url(), component(subject));
    if all_day {
        url.push_str("&allday=true");
    }
    let body = description(event, export);
    if !body.is_empty() {
        url.push_str("&body=");
        url.push_str(&component(&body));
    }
    if let Some(location) = location(event, export.lang) {
        url.push_str("&location=");
        url.push_str(&component(&location));
    }
    url
}

/// A query value percent-encoded (UTF-8), a space as `%20`, not `+`.
fn component(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect::<String>().replace('+', "%20")
}

/// Summary, description, and the link back to the event page.
fn description(event: &Event, export: &Export) -> String {
    let pick = |t: &Text| t.pick(export.lang, &event.languages).map(|p| p.text.trim().to_owned());
    let mut parts: Vec<String> = [pick(&event.summary), pick(&event.description)].into_iter().flatten().collect();
    if let Some(url) = event.online_url.as_deref().filter(|u| is_http(u)) {
        parts.push(url.to_owned());
    }
    if is_http(export.page_url) {
        parts.push(export.page_url.to_owned());
    }
    parts.join("\n\n")
}

/// Venue name, address and city; or the online link.
fn location(event: &Event, lang: &str) -> Option<String> {
    let venue = event.venue.as_ref().filter(|_| event.format != Format::Online);
    let parts: Vec<String> = venue
        .map(|v| {
            let name = v.name.pick(lang, &event.languages).map(|p| p.text.to_owned());
            name.into_iter().chain(v.address.clone()).chain(v.city.clone()).collect()
        })
        .unwrap_or_default();
    if parts.is_empty() {
        event.online_url.clone()
    } else {
        Some(parts.join(", "))
    }
}

fn text_property(name: &str, text: &Text, event: &Event, lang: &str) -> Option<String> {
    let picked = text.pick(lang, &event.languages)?;
    let param = if picked.lang.is_empty() { String::new() } else { format!(";LANGUAGE={}", picked.lang) };
    Some(format!("{name}{param}:{}", text_value(picked.text)))
}

/// RFC 5545 §3.3.11 TEXT escaping; other control characters are dropped.
pub fn text_value(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so no physical line exceeds 75 octets, with CRLF.
/// Folds never split a UTF-8 character.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

fn ics_utc(t: DateTime<Utc>) -> String {
    format!("{}Z", crate::time::basic_local(t.naive_utc()))
}

fn ics_local(t: NaiveDateTime) -> String {
    crate::time::basic_local(t)
}

fn ics_date(d: NaiveDate) -> String {
    d.to_string().replace('-', "")
}

fn is_http(url: &str) -> bool {
    crate::validate::is_http_url(url)
}

/// A `VTIMEZONE` for `zone` valid from a year before `start` to `end`: the
/// offset then, and one observance per transition in between, found from
/// the zone rules (daily samples, then bisection to the second).
fn vtimezone(rules: &dyn ZoneRules, zone: &str, start: DateTime<Utc>, end: DateTime<Utc>) -> Vec<String> {
    let from = start - Duration::days(366);
    let offset = |t: DateTime<Utc>| rules.offset_at(zone, t).unwrap_or(0);
    let mut lines = vec!["BEGIN:VTIMEZONE".to_owned(), format!("TZID:{zone}")];
    let mut observance = |onset: DateTime<Utc>, before: i32, after: i32| {
        let kind = if after > before { "DAYLIGHT" } else { "STANDARD" };
        lines.push(format!("BEGIN:{kind}"));
        lines.push(format!("DTSTART:{}", ics_local(onset.naive_utc() + Duration::seconds(before.into()))));
        lines.push(format!("TZOFFSETFROM:{}", utc_offset(before)));
        lines.push(format!("TZOFFSETTO:{}", utc_offset(after)));
        lines.push(format!("END:{kind}"));
    };
    let first = offset(from);
    observance(from, first, first);
    let mut t = from;
    let mut current = first;
    while t < end {
        let next = (t + Duration::days(1)).min(end + Duration::days(1));
        let next_offset = offset(next);
        if next_offset != current {
            // The first second with the new offset.
            let (mut lo, mut hi) = (t, next);
            while hi - lo > Duration::seconds(1) {
                let mid = lo + (hi - lo) / 2;
                if offset(mid) == current {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            observance(hi, current, next_offset);
            current = next_offset;
        }
        t = next;
    }
    lines.push("END:VTIMEZONE".to_owned());
    lines
}

/// `+0100`, `-0330`, `+0545`.
fn utc_offset(secs: i32) -> String {
    let sign = if secs < 0 { '-' } else { '+' };
    let mins = secs.unsigned_abs() / 60;
    format!("{sign}{:02}{:02}", mins / 60, mins % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tzdb::Tzdb;

    fn export() -> Export<'static> {
        Export {
            lang: "en",
            page_url: "https://example.org/calendar/?event=x",
            uid_domain: "example.org",
            now: "2026-11-23T10:00:00Z".parse().unwrap(),
        }
    }

    /// The physical lines joined back into content lines (RFC 5545 §3.1).
    fn unfold(ics: &str) -> Vec<String> {
        assert!(ics.ends_with("\r\n"));
        let mut lines: Vec<String> = Vec::new();
        for physical in ics.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "over 75 octets: {physical:?}");
            match physical.strip_prefix(' ') {
                Some(rest) => lines.last_mut().unwrap().push_str(rest),
                None => lines.push(physical.to_owned()),
            }
        }
        lines
    }

    #[test]
    fn text_is_escaped_and_long_lines_fold_between_characters() {
        assert_eq!(text_value("a;b,c\\d\ne\r"), "a\\;b\\,c\\\\d\\ne");
        let long = format!("SUMMARY:{}", "ă".repeat(80));
        let folded = fold(&long);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(unfold(&folded), vec![long]);
    }

    #[test]
    fn timed_event_is_written_in_its_zone_with_the_transitions() {
        let mut event = Event::new(
            "lse",
            "Launch; with, commas",
            When::Timed {
                start: "2020-12-04T15:00:00Z".parse().unwrap(),
                end: "2020-12-04T17:00:00Z".parse().unwrap(),
            },
        );
        event.zone = Some("Europe/Brussels".into());
        let lines = unfold(&ics(&event, &Feed::default(), &Tzdb, &export()));
        let has = |l: &str| lines.iter().any(|x| x == l);
        assert!(has("DTSTART;TZID=Europe/Brussels:20201204T160000"), "{lines:#?}");
        assert!(has("DTEND;TZID=Europe/Brussels:20201204T180000"));
        assert!(has("SUMMARY;LANGUAGE=en:Launch\\; with\\, commas"));
        assert!(has("UID:lse@example.org"));
        assert!(has("DTSTAMP:20261123T100000Z"));
        // The 2020 spring and autumn transitions, in the local time before each.
        assert!(has("DTSTART:20200329T020000") && has("DTSTART:20201025T030000"), "{lines:#?}");
        assert!(has("TZOFFSETFROM:+0100") && has("TZOFFSETTO:+0200"));
    }

    #[test]
    fn all_day_events_use_dates_with_an_exclusive_end() {
        let event = Event::new(
            "fair",
            "Fair",
            When::AllDay { first: "2027-05-10".parse().unwrap(), last: "2027-05-11".parse().unwrap() },
        );
        let lines = unfold(&ics(&event, &Feed::default(), &Tzdb, &export()));
        assert!(lines.contains(&"DTSTART;VALUE=DATE:20270510".to_owned()));
        assert!(lines.contains(&"DTEND;VALUE=DATE:20270512".to_owned()));
        let google = google_calendar_url(&event, &export());
        assert!(google.contains("dates=20270510%2F20270512"), "{google}");
    }

    fn timed(id: &str, start: &str, end: &str, zone: Option<&str>) -> Event {
        let mut event = Event::new(id, id, When::Timed { start: start.parse().unwrap(), end: end.parse().unwrap() });
        event.zone = zone.map(Into::into);
        event
    }

    #[test]
    fn outlook_links_give_utc_times_with_a_z_and_all_day_dates() {
        let mut webinar = timed("w", "2026-12-10T14:00:00Z", "2026-12-10T15:30:00Z", Some("Europe/Brussels"));
        webinar.title = Text(vec![("en".into(), "AI & city services: 50% faster?".into())]);
        webinar.summary = Text(vec![("en".into(), "Clinic + Q&A".into())]);
        webinar.online_url = Some("https://meet.example/x".into());
        let fair = Event::new(
            "fair",
            "Fair",
            When::AllDay { first: "2027-05-10".parse().unwrap(), last: "2027-05-11".parse().unwrap() },
        );
        let export = export();
        let page = "https%3A%2F%2Fexample.org%2Fcalendar%2F%3Fevent%3Dx";
        let cases = [
            (
                &webinar,
                Service::OutlookCom,
                format!(
                    "https://outlook.live.com/calendar/0/action/compose?rru=addevent\
                     &subject=AI%20%26%20city%20services%3A%2050%25%20faster%3F\
                     &startdt=2026-12-10T14:00:00Z&enddt=2026-12-10T15:30:00Z\
                     &body=Clinic%20%2B%20Q%26A%0A%0Ahttps%3A%2F%2Fmeet.example%2Fx%0A%0A{page}\
                     &location=https%3A%2F%2Fmeet.example%2Fx"
                ),
            ),
            (
                &fair,
                Service::Microsoft365,
                format!(
                    "https://outlook.office.com/calendar/0/action/compose?rru=addevent&subject=Fair\
                     &startdt=2027-05-10&enddt=2027-05-12&allday=true&body={page}"
                ),
            ),
        ];
        for (event, service, want) in cases {
            assert_eq!(outlook_url(event, &export, service), want, "{service:?}");
        }
        // The two services differ only in their host.
        let live = outlook_url(&webinar, &export, Service::OutlookCom);
        let office = outlook_url(&webinar, &export, Service::Microsoft365);
        assert_eq!(live.replace("outlook.live.com", "outlook.office.com"), office);
    }

    fn revision(sequence: u32, modified: &str) -> Revision {
        Revision { sequence, modified: modified.parse().unwrap() }
    }

    #[test]
    fn a_revision_goes_up_only_when_the_content_changes() {
        let now: DateTime<Utc> = "2026-12-06T10:00:00.750Z".parse().unwrap();
        let cases = [
            (None, 7, revision(0, "2026-12-06T10:00:00Z")),
            (Some((7, revision(3, "2026-01-01T00:00:00Z"))), 7, revision(3, "2026-01-01T00:00:00Z")),
            (Some((7, revision(3, "2026-01-01T00:00:00Z"))), 8, revision(4, "2026-12-06T10:00:00Z")),
            // A clock that stepped back does not make a change older.
            (Some((7, revision(3, "2027-01-01T00:00:00Z"))), 8, revision(4, "2027-01-01T00:00:00Z")),
            (
                Some((7, revision(i32::MAX as u32, "2026-01-01T00:00:00Z"))),
                8,
                revision(i32::MAX as u32, "2026-12-06T10:00:00Z"),
            ),
        ];
        for (previous, hash, want) in cases {
            assert_eq!(Revision::next(previous, hash, now), want, "{previous:?} {hash}");
        }
    }

    #[test]
    fn the_content_hash_follows_what_the_calendar_shows() {
        // FNV-1a's own test vectors.
        let fnv = |s: &str| {
            let mut h = Fnv::new();
            h.bytes(s.as_bytes());
            h.0
        };
        assert_eq!((fnv(""), fnv("a"), fnv("foobar")), (0xcbf29ce484222325, 0xaf63dc4c8601ec8c, 0x85944171f73967e8));
        let feed = Feed::default();
        let base = timed("e", "2026-12-10T14:00:00Z", "2026-12-10T15:00:00Z", Some("Europe/Brussels"));
        let hash = |e: &Event| content_hash(e, &feed);
        // Pinned: a hash that changed between versions or platforms would
        // put every subscribed event up one SEQUENCE.
        let pinned = hash(&base);
        assert_eq!(pinned, 0x34bd_8246_862b_553b, "{pinned:#x}");
        // What changes, and how.
        type Change = (&'static str, fn(&mut Event));
        let changes: Vec<Change> = vec![
            ("title", |e| e.title.0[0].1.push('!')),
            ("title language", |e| e.title.0[0].0 = "ro".into()),
            ("summary", |e| e.summary = Text(vec![("en".into(), "s".into())])),
            ("start", |e| {
                e.when = When::Timed {
                    start: "2026-12-10T14:30:00Z".parse().unwrap(),
                    end: e.when.start() + Duration::hours(1),
                }
            }),
            ("all day", |e| {
                e.when = When::AllDay { first: "2026-12-10".parse().unwrap(), last: "2026-12-10".parse().unwrap() }
            }),
            ("zone", |e| e.zone = Some("Europe/Paris".into())),
            ("no zone", |e| e.zone = None),
            ("languages", |e| e.languages = vec!["es".into()]),
            ("format", |e| e.format = Format::Hybrid),
            ("venue", |e| e.venue = Some(crate::feed::Venue::default())),
            ("online link", |e| e.online_url = Some("https://x.example".into())),
            ("themes", |e| e.themes = vec!["climate".into()]),
            ("status", |e| e.status = EventStatus::Cancelled),
            ("id", |e| e.id.push('2')),
        ];
        let mut seen = vec![pinned];
        for (what, change) in &changes {
            let mut event = base.clone();
            change(&mut event);
            let h = hash(&event);
            assert!(!seen.contains(&h), "{what} did not change the hash (or hit another change's)");
            seen.push(h);
        }
        // Text moved from one field to the next is a change too.
        let mut a = base.clone();
        a.title = Text(vec![("en".into(), "ab".into())]);
        let mut b = base.clone();
        b.title = Text(vec![("en".into(), "a".into())]);
        b.summary = Text(vec![("en".into(), "b".into())]);
        assert_ne!(hash(&a), hash(&b));
        // What a calendar does not show leaves it alone.
        let mut registered = base.clone();
        registered.organizers = vec!["someone".into()];
        registered.recording_url = Some("https://video.example".into());
        assert_eq!(hash(&registered), pinned);
        // A theme's label is shown (CATEGORIES): renaming it is a change.
        let mut themed = base.clone();
        themed.themes = vec!["climate".into()];
        let theme = |label: &str| crate::feed::Theme {
            id: "climate".into(),
            label: Text(vec![("en".into(), label.into())]),
            colour: None,
            shades: Default::default(),
        };
        let before = content_hash(&themed, &Feed { themes: vec![theme("Climate")], ..Feed::default() });
        let after = content_hash(&themed, &Feed { themes: vec![theme("Climate action")], ..Feed::default() });
        assert_ne!(before, after);
    }

    #[test]
    fn a_calendar_has_one_timezone_per_zone_and_each_events_revision() {
        let mut cancelled = timed("gone", "2026-12-10T14:00:00Z", "2026-12-10T15:00:00Z", Some("Europe/Brussels"));
        cancelled.status = EventStatus::Cancelled;
        let events = [
            timed("a", "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z", Some("Europe/Brussels")),
            timed("b", "2027-01-20T08:00:00Z", "2027-01-20T09:30:00Z", Some("Asia/Kolkata")),
            cancelled,
            timed("utc", "2027-02-01T12:00:00Z", "2027-02-01T13:00:00Z", None),
            Event::new(
                "day",
                "Day",
                When::AllDay { first: "2027-07-05".parse().unwrap(), last: "2027-07-09".parse().unwrap() },
            ),
        ];
        let entries: Vec<Entry> = events
            .iter()
            .enumerate()
            .map(|(i, event)| Entry {
                event,
                page_url: format!("https://example.org/?event={}", event.id),
                revision: (i != 1).then(|| revision(i as u32, "2026-11-30T08:00:00Z")),
            })
            .collect();
        let head = Calendar {
            name: "Citycal sample feed: Climate, Gdańsk",
            lang: "en",
            uid_domain: "example.org",
            now: "2026-12-06T10:00:00Z".parse().unwrap(),
        };
        let lines = unfold(&calendar(&Feed::default(), &entries, &Tzdb, &head));
        let count = |prefix: &str| lines.iter().filter(|l| l.starts_with(prefix)).count();
        let has = |l: &str| lines.iter().any(|x| x == l);
        assert_eq!(
            lines[..5],
            [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//Citycal//Citycal calendar//EN",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH"
            ]
        );
        for line in [
            "NAME:Citycal sample feed: Climate\\, Gdańsk",
            "X-WR-CALNAME:Citycal sample feed: Climate\\, Gdańsk",
            "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
            "X-PUBLISHED-TTL:PT6H",
            "TZID:Europe/Brussels",
            "TZID:Asia/Kolkata",
            "UID:gone@example.org",
            "DTSTART;TZID=Europe/Brussels:20261210T150000",
            "DTSTART;TZID=Asia/Kolkata:20270120T133000",
            "DTSTART:20270201T120000Z",
            "DTSTART;VALUE=DATE:20270705",
            "DTEND;VALUE=DATE:20270710",
            "STATUS:CANCELLED",
            "URL:https://example.org/?event=gone",
            "LAST-MODIFIED:20261130T080000Z",
            "SEQUENCE:2",
        ] {
            assert!(has(line), "{line} missing: {lines:#?}");
        }
        assert_eq!((count("BEGIN:VTIMEZONE"), count("BEGIN:VEVENT"), count("END:VEVENT")), (2, 5, 5));
        assert_eq!((count("DTSTAMP:20261206T100000Z"), count("SEQUENCE:"), count("LAST-MODIFIED:")), (5, 5, 4));
        // The event without a revision is at 0, with no time of change.
        let b = lines.iter().position(|l| l == "UID:b@example.org").unwrap();
        assert_eq!(lines[b + 2], "SEQUENCE:0");
        // Every VTIMEZONE comes before the first VEVENT, and the Brussels one
        // covers both Brussels events (a winter: no transition between them).
        let first_event = lines.iter().position(|l| l == "BEGIN:VEVENT").unwrap();
        assert!(lines.iter().rposition(|l| l == "END:VTIMEZONE").unwrap() < first_event);
        assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    }
}
