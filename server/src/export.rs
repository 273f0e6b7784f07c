//! What an organizer downloads: the stored registrations as records (JSON)
//! or a spreadsheet (CSV), each event question's answer in a column of its own.

use std::collections::HashMap;

use citycal_core::feed::Feed;
use citycal_core::registration::RegistrationRequest;
use serde_json::{json, Map, Value};

use crate::store::Stored;

/// The columns every export has, before the answers (`answers.<question id>`).
pub const FIXED: [&str; 15] = [
    "id",
    "eventId",
    "status",
    "position",
    "receivedAt",
    "name",
    "email",
    "organization",
    "city",
    "country",
    "language",
    "timeZone",
    "submittedAt",
    "consentProcessing",
    "consentNews",
];

/// The question ids of the events in `rows`: each event's questions in the
/// feed's order (events in the feed's order), then answers to questions the
/// feed no longer has, sorted.
fn questions(feed: &Feed, rows: &[Stored], requests: &[Option<RegistrationRequest>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for event in feed.events.iter().filter(|e| rows.iter().any(|r| r.event_id == e.id)) {
        for q in event.registration.iter().flat_map(|r| &r.questions) {
            if !out.contains(&q.id) {
                out.push(q.id.clone());
            }
        }
    }
    let mut extra: Vec<String> =
        requests.iter().flatten().flat_map(|r| r.answers.keys()).filter(|k| !out.contains(k)).cloned().collect();
    extra.sort();
    extra.dedup();
    out.extend(extra);
    out
}

/// One record per stored registration, in the order received; a
/// waitlisted person's `position` is their place in the event's waitlist now.
pub fn records(feed: &Feed, rows: &[Stored]) -> (Vec<String>, Vec<Value>) {
    let requests: Vec<Option<RegistrationRequest>> =
        rows.iter().map(|r| RegistrationRequest::from_json(&r.request)).collect();
    let questions = questions(feed, rows, &requests);
    let mut waitlists: HashMap<&str, Vec<(i64, &str)>> = HashMap::new();
    for r in rows.iter().filter(|r| r.waitlisted) {
        waitlists.entry(&r.event_id).or_default().push((r.waitlist_seq.unwrap_or(i64::MAX), &r.id));
    }
    for list in waitlists.values_mut() {
        list.sort();
    }
    let position = |r: &Stored| {
        waitlists.get(r.event_id.as_str()).and_then(|l| l.iter().position(|(_, id)| *id == r.id)).map(|p| p + 1)
    };
    let records = rows
        .iter()
        .zip(&requests)
        .map(|(row, request)| {
            let request = request.clone().unwrap_or_default();
            let answers: Map<String, Value> = questions
                .iter()
                .map(|q| (q.clone(), request.answers.get(q).map_or(Value::Null, |a| json!(a))))
                .collect();
            json!({
                "id": row.id,
                "eventId": row.event_id,
                "status": if row.waitlisted { "waitlisted" } else { "registered" },
                "position": position(row),
                "receivedAt": row.received_at,
                "name": request.name,
                "email": request.email,
                "organization": request.organization,
                "city": request.city,
                "country": request.country,
                "language": request.language,
                "timeZone": request.time_zone,
                "submittedAt": request.submitted_at,
                "consent": { "processing": request.consent.processing, "news": request.consent.news },
                "answers": answers,
            })
        })
        .collect();
    (questions, records)
}

/// A cell as a spreadsheet must see it: text a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return)
/// prefixed with `'`, then quoted as RFC 4180 says when it holds a comma, a
/// quote or a line break.
pub fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() };
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The records as CSV: a UTF-8 byte order mark (so spreadsheets read the
/// accents right), a header, one line per record, CRLF line ends.
pub fn csv(questions: &[String], records: &[Value]) -> String {
    let header: Vec<String> =
        FIXED.iter().map(|c| (*c).to_owned()).chain(questions.iter().map(|q| format!("answers.{q}"))).collect();
    let mut out = String::from("\u{feff}");
    out.push_str(&header.iter().map(|h| cell(h)).collect::<Vec<_>>().join(","));
    out.push_str("\r\n");
    let text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    };
    for record in records {
        let mut cells: Vec<String> = FIXED
            .iter()
            .map(|c| match *c {
                "consentProcessing" => text(&record["consent"]["processing"]),
                "consentNews" => text(&record["consent"]["news"]),
                c => text(&record[c]),
            })
            .collect();
        cells.extend(questions.iter().map(|q| text(&record["answers"][q])));
        out.push_str(&cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}
