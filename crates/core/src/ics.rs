//! "Add to calendar": an iCalendar file (RFC 5545) and a Google Calendar link
//! for one event.
//!
//! Timed events with a zone are written in that zone (`DTSTART;TZID=…`) with a
//! `VTIMEZONE` built from the zone's actual transitions around the event, so a
//! calendar app shows the venue's time and converts it correctly; events
//! without a zone are written in UTC. All-day events are `VALUE=DATE`.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};

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
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//Citycal//Citycal calendar//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    let (dtstart, dtend) = match (event.when.clone(), event.zone.as_deref()) {
        (When::AllDay { first, last }, _) => {
            let exclusive_end = last.succ_opt().unwrap_or(last);
            (format!("DTSTART;VALUE=DATE:{}", ics_date(first)), format!("DTEND;VALUE=DATE:{}", ics_date(exclusive_end)))
        }
        (When::Timed { start, end }, Some(zone)) if rules.is_known(zone) => {
            lines.extend(vtimezone(rules, zone, start, end));
            let local = |t: DateTime<Utc>| {
                let offset = rules.offset_at(zone, t).unwrap_or(0);
                ics_local(t.naive_utc() + Duration::seconds(offset.into()))
            };
            (format!("DTSTART;TZID={zone}:{}", local(start)), format!("DTEND;TZID={zone}:{}", local(end)))
        }
        (When::Timed { start, end }, _) => (format!("DTSTART:{}", ics_utc(start)), format!("DTEND:{}", ics_utc(end))),
    };
    lines.push("BEGIN:VEVENT".into());
    lines.push(format!("UID:{}@{}", text_value(&event.id), export.uid_domain));
    lines.push(format!("DTSTAMP:{}", ics_utc(export.now)));
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
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold(l)).collect()
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
}
