//! Feed v1 written from a [`Feed`]: what `citycal merge` publishes. Reading
//! it back with [`crate::feed::parse`] gives the same feed (times as UTC
//! instants with the event's `timeZone`, texts in their languages' order),
//! so a merged static file keeps every event, its source and its labels.
//!
//! Written by hand rather than through `serde_json::Value`, whose objects
//! sort their keys: a text's languages keep the feed's order (the first is
//! a fallback). One entry per line, so a published file diffs well.

use chrono::{DateTime, SecondsFormat, Utc};

use crate::feed::*;
use crate::validate::{EVENT_STATUSES, FORMATS, QUESTION_KINDS, REGISTRATION_STATUSES, ROLES, SERIES_KINDS};

/// The feed as feed v1 JSON, ending with a newline.
pub fn feed(feed: &Feed) -> String {
    let mut out = String::from("{\n  \"version\": 1");
    if !feed.name.0.is_empty() {
        out.push_str(",\n  \"name\": ");
        out.push_str(&text(&feed.name));
    }
    list(&mut out, "sources", &feed.sources, |s| Obj::new().str("id", &s.id).text("name", &s.name).end());
    list(&mut out, "themes", &feed.themes, |t| {
        Obj::new().str("id", &t.id).text("label", &t.label).opt("color", &t.colour).end()
    });
    list(&mut out, "organizations", &feed.organizations, |o| {
        let named = Obj::new().str("id", &o.id).text("name", &o.name).opt("url", &o.url);
        named.opt("city", &o.city).opt("country", &o.country).end()
    });
    list(&mut out, "series", &feed.series, |s| {
        Obj::new()
            .str("id", &s.id)
            .text("title", &s.title)
            .str("kind", SERIES_KINDS[s.kind as usize])
            .opt("url", &s.url)
            .end()
    });
    list(&mut out, "events", &feed.events, event);
    out.push_str("\n}\n");
    out
}

/// `"key": [ ... ]`, one entry a line; left out when empty, but for `events`.
fn list<T>(out: &mut String, key: &str, items: &[T], write: impl Fn(&T) -> String) {
    if items.is_empty() && key != "events" {
        return;
    }
    out.push_str(&format!(",\n  {}: [", quote(key)));
    for (i, item) in items.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        out.push_str(&write(item));
    }
    out.push_str(if items.is_empty() { "]" } else { "\n  ]" });
}

fn event(event: &Event) -> String {
    // Every field named, so a field added to `Event` is not forgotten here.
    let Event {
        id,
        title,
        summary,
        description,
        when,
        zone,
        languages,
        format,
        venue,
        online_url,
        themes,
        organizers,
        partners,
        people,
        agenda,
        audience,
        series,
        session,
        registration,
        recording_url,
        url,
        status,
        approximate,
        source,
        also_in,
    } = event;
    let mut o = Obj::new().str("id", id).text("title", title).some_text("summary", summary);
    o = o.some_text("description", description);
    o = match when {
        When::Timed { start, end } => o.str("start", &instant(start)).str("end", &instant(end)),
        When::AllDay { first, last } => {
            o.raw("allDay", "true".into()).str("start", &first.to_string()).str("end", &last.to_string())
        }
    };
    o = o.opt("timeZone", zone).strs("languages", languages).str("format", FORMATS[*format as usize]);
    if let Some(v) = venue {
        let named = Obj::new().some_text("name", &v.name).opt("address", &v.address);
        o = o.raw("venue", named.opt("city", &v.city).opt("country", &v.country).end());
    }
    o = o.opt("onlineUrl", online_url).strs("themes", themes).strs("organizers", organizers);
    o = o
        .strs("partners", partners)
        .items("people", people, person)
        .items("agenda", agenda, |a| Obj::new().text("title", &a.title).num("minutes", a.minutes).end());
    o = o.items("audience", audience, text).opt("series", series).num("session", *session);
    if let Some(r) = registration {
        o = o.raw("registration", registration_json(r));
    }
    o = o.opt("recordingUrl", recording_url).opt("url", url);
    if *status != EventStatus::Scheduled {
        o = o.str("status", EVENT_STATUSES[*status as usize]);
    }
    o.strs("approximate", approximate).opt("source", source).strs("alsoIn", also_in).end()
}

fn person(p: &Person) -> String {
    Obj::new()
        .str("name", &p.name)
        .str("role", ROLES[p.role as usize])
        .some_text("position", &p.position)
        .opt("organization", &p.organization)
        .opt("country", &p.country)
        .end()
}

fn registration_json(r: &Registration) -> String {
    let Registration { opens, closes, capacity, taken, status, url, free, questions, waitlist } = r;
    let mut o = Obj::new().opt("opens", &opens.as_ref().map(instant)).opt("closes", &closes.as_ref().map(instant));
    o = o.num("capacity", *capacity).num("taken", *taken);
    o = o.opt("status", &status.map(|s| REGISTRATION_STATUSES[s as usize].to_owned())).opt("url", url);
    if let Some(free) = free {
        o = o.raw("free", free.to_string());
    }
    if *waitlist {
        o = o.raw("waitlist", "true".into());
    }
    if *waitlist {
        o = o.raw("waitlist", "true".into());
    }
    o.items("questions", questions, |q| {
        Obj::new()
            .str("id", &q.id)
            .text("label", &q.label)
            .str("kind", QUESTION_KINDS[q.kind as usize])
            .raw("required", q.required.to_string())
            .items("options", &q.options, |o| Obj::new().str("id", &o.id).text("label", &o.label).end())
            .end()
    })
    .end()
}

/// A JSON object being written, its members in the order added.
struct Obj(String);

impl Obj {
    fn new() -> Obj {
        Obj(String::from("{"))
    }
    fn raw(mut self, key: &str, value: String) -> Obj {
        if self.0.len() > 1 {
            self.0.push_str(", ");
        }
        self.0.push_str(&quote(key));
        self.0.push_str(": ");
        self.0.push_str(&value);
        self
    }
    fn str(self, key: &str, value: &str) -> Obj {
        self.raw(key, quote(value))
    }
    fn opt(self, key: &str, value: &Option<String>) -> Obj {
        match value {
            Some(v) => self.str(key, v),
            None => self,
        }
    }
    fn num(self, key: &str, value: Option<u32>) -> Obj {
        match value {
            Some(n) => self.raw(key, n.to_string()),
            None => self,
        }
    }
    fn text(self, key: &str, value: &Text) -> Obj {
        self.raw(key, text(value))
    }
    /// A text left out when it has no language at all (as reading one that is absent gives).
    fn some_text(self, key: &str, value: &Text) -> Obj {
        if value.0.is_empty() {
            self
        } else {
            self.text(key, value)
        }
    }
    fn strs(self, key: &str, values: &[String]) -> Obj {
        self.items(key, values, |s| quote(s))
    }
    /// A list, left out when empty.
    fn items<T>(self, key: &str, values: &[T], write: impl Fn(&T) -> String) -> Obj {
        if values.is_empty() {
            return self;
        }
        let items: Vec<String> = values.iter().map(write).collect();
        self.raw(key, format!("[{}]", items.join(", ")))
    }
    fn end(mut self) -> String {
        self.0.push('}');
        self.0
    }
}

fn quote(s: &str) -> String {
    serde_json::Value::String(s.to_owned()).to_string()
}

/// A bare string for "language not stated", else one member per language.
fn text(t: &Text) -> String {
    match t.0.as_slice() {
        [(lang, s)] if lang.is_empty() => quote(s),
        pairs => pairs.iter().fold(Obj::new(), |o, (lang, s)| o.str(lang, s)).end(),
    }
}

fn instant(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tzdb::Tzdb;

    fn round_trip(json: &[u8]) -> (Feed, Feed) {
        let (feed, _) = parse(json, &Tzdb).unwrap();
        let written = super::feed(&feed);
        let (again, issues) = parse(written.as_bytes(), &Tzdb).unwrap();
        assert!(issues.is_empty(), "{issues:?}\n{written}");
        (feed, again)
    }

    #[test]
    fn the_sample_feed_reads_back_the_same() {
        let sample = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/events.json")).unwrap();
        let (feed, again) = round_trip(&sample);
        assert!(feed.events.len() > 30);
        assert_eq!(again, feed);
    }

    #[test]
    fn every_field_reads_back_the_same() {
        let doc = r##"{"version": 1, "name": {"ro": "Rețea", "en": "Network"},
            "sources": [{"id": "cluj", "name": {"ro": "Cluj", "en": "Cluj UIU"}}, {"id": "tor", "name": "Torino"}],
            "themes": [{"id": "t", "label": {"": "x", "en": "T"}, "color": "#abc"}, {"id": "u", "label": {}}],
            "organizations": [{"id": "o", "name": "O \"quoted\"", "url": "https://o.eu", "city": "Iași", "country": "RO"}],
            "series": [{"id": "s", "title": "S", "kind": "sessions", "url": "https://s.eu"}, {"id": "r", "title": "R"}],
            "events": [
              {"id": "a", "title": {"es": "Á\n\tb", "en": "A"}, "summary": "sum", "description": {"en": "p1\n\np2"},
               "start": "2027-03-28T02:30:00.25", "end": "2027-03-28T05:00", "timeZone": "Europe/Bucharest",
               "languages": ["es", "en-GB"], "format": "hybrid",
               "venue": {"name": {"en": "Hall"}, "address": "Str. 1", "city": "Cluj", "country": "RO"},
               "onlineUrl": "https://meet.example/a", "themes": ["t", "u"], "organizers": ["o"], "partners": ["o"],
               "people": [{"name": "Ana", "role": "moderator", "position": {"en": "Chief"}, "organization": "o", "country": "ES"}, {"name": "Bo"}],
               "agenda": [{"title": "Intro", "minutes": 10}, {"title": {"en": "Q&A"}}], "audience": ["City staff", {"ro": "Primării"}],
               "series": "s", "session": 2,
               "registration": {"opens": "2027-03-01T09:00", "closes": "2027-03-27T12:00+02:00", "capacity": 40, "taken": 0,
                 "status": "open", "url": "https://form.example", "free": false,
                 "questions": [{"id": "q", "label": "Role", "kind": "choice", "required": true, "options": [{"id": "x", "label": "X"}]}],
                 "waitlist": true},
               "recordingUrl": "https://rec.example", "url": "https://a.example", "status": "moved_online",
               "approximate": ["time", "registration.closes"], "source": "cluj", "alsoIn": ["tor"]},
              {"id": "b", "title": "B", "allDay": true, "start": "2027-05-01", "format": "in_person", "venue": {"city": "Torino"},
               "registration": {}, "source": "tor"}
            ]}"##;
        let (feed, again) = round_trip(doc.as_bytes());
        assert_eq!(again, feed);
        assert_eq!(feed.events.len(), 2);
        assert_eq!(feed.events[0].also_in, ["tor"]);
        assert_eq!(feed.sources.len(), 2);
    }

    #[test]
    fn a_source_must_be_declared_like_other_references() {
        let doc = r#"{"version": 1, "sources": [{"id": "cluj", "name": "Cluj"}, {"id": "x"}], "events": [
            {"id": "a", "title": "A", "allDay": true, "start": "2027-05-01", "format": "online", "source": "torino", "alsoIn": ["cluj", "gone"]}]}"#;
        let (feed, issues) = parse(doc.as_bytes(), &Tzdb).unwrap();
        assert_eq!(feed.sources, [Source { id: "cluj".into(), name: Text(vec![(String::new(), "Cluj".into())]) }]);
        assert_eq!((feed.events[0].source.as_deref(), feed.events[0].also_in.clone()), (None, vec!["cluj".to_owned()]));
        let found: Vec<_> = issues.iter().map(|i| (i.path.as_str(), i.severity, i.problem.clone())).collect();
        let unknown = |id: &str| Problem::UnknownReference { kind: "source", id: id.into() };
        assert_eq!(
            found,
            [
                ("sources[1].name", Severity::Ignored, Problem::WrongType),
                ("events[0].source", Severity::Ignored, unknown("torino")),
                ("events[0].alsoIn[1]", Severity::Ignored, unknown("gone")),
            ]
        );
    }

    #[test]
    fn one_line_per_entry_and_an_empty_feed_is_a_feed() {
        assert_eq!(super::feed(&Feed::default()), "{\n  \"version\": 1,\n  \"events\": []\n}\n");
        let written = super::feed(&Feed {
            events: vec![Event::new(
                "a",
                "A",
                When::AllDay { first: "2027-01-01".parse().unwrap(), last: "2027-01-02".parse().unwrap() },
            )],
            ..Feed::default()
        });
        assert_eq!(
            written,
            "{\n  \"version\": 1,\n  \"events\": [\n    {\"id\": \"a\", \"title\": {\"en\": \"A\"}, \"allDay\": true, \
             \"start\": \"2027-01-01\", \"end\": \"2027-01-02\", \"format\": \"online\"}\n  ]\n}\n"
        );
    }
}
