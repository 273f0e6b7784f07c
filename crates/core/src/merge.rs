//! A network of feeds (`docs/network.md`): many publishers' feeds as one,
//! each event labelled with its source, the same event shown once.
//!
//! Both the app (which fetches the config's sources in the browser) and
//! `citycal merge` (which writes one static feed) fetch and parse each
//! source themselves, then hand [`merge`] what they got: a parsed
//! [`Feed`] or the reason there is none. iCalendar sources are turned into
//! feeds before ([`crate::ical::import`], then [`crate::feed::parse`]); this
//! module never reads iCalendar, so the app can keep that reader in a chunk
//! fetched only for `.ics` sources.
//!
//! The same event in two feeds: the same id (an imported event's id comes
//! from its iCalendar `UID`, an occurrence's from the `UID` and its start,
//! so two exports of one calendar agree), or the same title (case, spaces
//! and diacritics aside, in a language both give) at the same start. The
//! first source in the config's order keeps it; the others are named in its
//! [`Event::also_in`]. Two different events with one id (two partners'
//! `kickoff`) are both kept, the later as `{source}:{id}`.

use std::collections::HashMap;
use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};

use crate::colour::{theme_colours, Rgb};
use crate::feed::{Event, Feed, FeedIssue, Source, Text, When};
use crate::filter::fold;
use crate::validate::{is_valid_id, skipped_count};

/// Why a source gave no feed. The app and `citycal merge` both fill it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceFailure {
    /// No answer: a network error, a time-out, a file that cannot be opened,
    /// a browser that may not read it (CORS).
    Unreachable { reason: String },
    /// The server answered with this HTTP status (not 2xx).
    Status { status: u16 },
    /// An answer that is not a feed (nor, for an iCalendar source, a calendar).
    Unreadable { reason: String },
}

impl fmt::Display for SourceFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceFailure::Unreachable { reason } => write!(f, "unreachable ({reason})"),
            SourceFailure::Status { status } => write!(f, "HTTP status {status}"),
            SourceFailure::Unreadable { reason } => write!(f, "unreadable ({reason})"),
        }
    }
}

/// One source as fetched and parsed, in the config's order.
#[derive(Clone, Debug, PartialEq)]
pub struct SourcePart {
    /// Its id and name (`config::SourceConfig`'s). A blank name is replaced
    /// by the feed's own name, else the id.
    pub source: Source,
    /// What [`crate::feed::parse`] gave, or why there was nothing to parse.
    pub result: Result<(Feed, Vec<FeedIssue>), SourceFailure>,
}

/// What became of one source.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub id: String,
    pub name: Text,
    /// Its events in the merged feed.
    pub events: usize,
    /// Its events left out because an earlier source listed them.
    pub duplicates: usize,
    /// Its events kept under `{source}:{id}`, their id being another event's.
    pub renamed: usize,
    /// Its events its own feed could not show (`validate::skipped_count`).
    pub skipped: usize,
    pub failure: Option<SourceFailure>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub feed: Feed,
    /// Every source's issues, each path prefixed with the source's id
    /// (`cluj:events[3].timeZone`).
    pub issues: Vec<FeedIssue>,
    /// One per part, in the same order.
    pub outcomes: Vec<Outcome>,
}

impl Merged {
    /// The sources that gave no feed, for the quiet line ("Torino's
    /// events could not be loaded").
    pub fn failed(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| o.failure.is_some())
    }
    /// The sources an organizer has something to fix in: those that gave
    /// no feed, and those with events their feed could not show (the quiet
    /// line links each to the feed check).
    pub fn to_check(&self) -> impl Iterator<Item = &Outcome> {
        self.outcomes.iter().filter(|o| o.failure.is_some() || o.skipped > 0)
    }
}

/// Merges the parts into one feed, in the order given (the first source
/// keeps a shared event, and its themes, organizations and series win over
/// later ones with the same id). Sources that failed are left out of
/// [`Feed::sources`]; their outcome says why.
pub fn merge(parts: Vec<SourcePart>) -> Merged {
    let mut feed = Feed::default();
    let mut issues = Vec::new();
    let mut outcomes = Vec::new();
    let mut kept = Kept::default();
    for SourcePart { mut source, result } in parts {
        let mut outcome = Outcome {
            id: source.id.clone(),
            name: source.name.clone(),
            events: 0,
            duplicates: 0,
            renamed: 0,
            skipped: 0,
            failure: None,
        };
        let (part, part_issues) = match result {
            Ok(parsed) => parsed,
            Err(failure) => {
                outcome.failure = Some(failure);
                outcomes.push(outcome);
                continue;
            }
        };
        if source.name.is_blank() {
            source.name = if part.name.is_blank() { Text(vec![(String::new(), source.id.clone())]) } else { part.name };
            outcome.name = source.name.clone();
        }
        outcome.skipped = skipped_count(&part_issues);
        issues.extend(part_issues.into_iter().map(|i| FeedIssue { path: format!("{}:{}", source.id, i.path), ..i }));
        union(&mut feed.themes, part.themes, |t| &t.id);
        union(&mut feed.organizations, part.organizations, |o| &o.id);
        union(&mut feed.series, part.series, |s| &s.id);
        for mut event in part.events {
            event.source = Some(source.id.clone());
            event.also_in.clear();
            match kept.find_same(&feed.events, &event) {
                Some(i) => {
                    let first = &mut feed.events[i];
                    if !first.also_in.contains(&source.id) {
                        first.also_in.push(source.id.clone());
                    }
                    outcome.duplicates += 1;
                }
                None => {
                    if kept.by_id.contains_key(&event.id) {
                        event.id = kept.free_id(&source.id, &event.id);
                        outcome.renamed += 1;
                    }
                    kept.add(&event, feed.events.len());
                    feed.events.push(event);
                    outcome.events += 1;
                }
            }
        }
        feed.sources.push(source);
        outcomes.push(outcome);
    }
    // Colours by place in the merged list, as reading the merged feed gives them.
    for (index, theme) in feed.themes.iter_mut().enumerate() {
        let (light, dark) = theme_colours(theme.colour.as_deref().and_then(Rgb::parse), index);
        theme.shades = (light.hex(), dark.hex());
    }
    crate::order::sort_by_key_then(&mut feed.events, Event::start, |a, b| a.id.cmp(&b.id));
    Merged { feed, issues, outcomes }
}

/// Appends the entries of `more` whose id `into` does not have yet.
fn union<T>(into: &mut Vec<T>, more: Vec<T>, id: impl Fn(&T) -> &String) {
    for entry in more {
        if !into.iter().any(|e| id(e) == id(&entry)) {
            into.push(entry);
        }
    }
}

/// Where an event starts, as the dedupe compares it: an instant, or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Start {
    Instant(DateTime<Utc>),
    Day(NaiveDate),
}

fn start_of(event: &Event) -> Start {
    match event.when {
        When::Timed { start, .. } => Start::Instant(start),
        When::AllDay { first, .. } => Start::Day(first),
    }
}

/// A title's texts as compared: folded (case and diacritics), spaces
/// collapsed, each with its language tag.
fn title_keys(title: &Text) -> Vec<(String, String)> {
    title
        .0
        .iter()
        .map(|(lang, text)| (lang.clone(), fold(text).split_whitespace().collect::<Vec<_>>().join(" ")))
        .filter(|(_, key)| !key.is_empty())
        .collect()
}

/// Whether two titles say the same in a language both give. A text whose
/// language is not stated is compared with every language.
fn same_title(a: &[(String, String)], b: &[(String, String)]) -> bool {
    a.iter().any(|(la, ka)| {
        b.iter().any(|(lb, kb)| ka == kb && (la.is_empty() || lb.is_empty() || crate::feed::same_language(la, lb)))
    })
}

/// The events kept so far, indexed for the dedupe (a network's feeds hold
/// thousands of events: no pairwise comparison).
#[derive(Default)]
struct Kept {
    by_id: HashMap<String, usize>,
    /// Start and one folded title text → the events with them.
    by_start_title: HashMap<(Start, String), Vec<usize>>,
}

impl Kept {
    fn add(&mut self, event: &Event, index: usize) {
        self.by_id.insert(event.id.clone(), index);
        for (_, key) in title_keys(&event.title) {
            self.by_start_title.entry((start_of(event), key)).or_default().push(index);
        }
    }

    /// The kept event of another source that `event` is the same as.
    fn find_same(&self, events: &[Event], event: &Event) -> Option<usize> {
        let keys = title_keys(&event.title);
        let other = |i: &usize| events[*i].source != event.source;
        let by_id = self.by_id.get(&event.id).filter(|i| other(i)).copied().filter(|&i| {
            let first = &events[i];
            start_of(first) == start_of(event) || same_title(&title_keys(&first.title), &keys)
        });
        by_id.or_else(|| {
            keys.iter()
                .filter_map(|(_, key)| self.by_start_title.get(&(start_of(event), key.clone())))
                .flatten()
                .copied()
                .find(|i| other(i) && same_title(&title_keys(&events[*i].title), &keys))
        })
    }

    /// `{source}:{id}`, or with `-2`, `-3` if that is taken too; cut to a
    /// valid id's length.
    fn free_id(&self, source: &str, id: &str) -> String {
        let base: String = format!("{source}:{id}").chars().take(190).collect();
        let mut candidate = base.clone();
        let mut n = 2;
        while self.by_id.contains_key(&candidate) || !is_valid_id(&candidate) {
            candidate = format!("{base}-{n}");
            n += 1;
        }
        candidate
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{parse, Problem, Severity};
    use crate::tzdb::Tzdb;

    fn text(s: &str) -> Text {
        Text(vec![("en".into(), s.into())])
    }

    fn source(id: &str) -> Source {
        Source { id: id.into(), name: text(&id.to_uppercase()) }
    }

    /// A part from feed v1 JSON whose events are `(id, title, start)`,
    /// titles as JSON text values.
    fn part(id: &str, events: &[(&str, &str, &str)]) -> SourcePart {
        let events: Vec<String> = events
            .iter()
            .map(|(id, title, start)| {
                format!(
                    r#"{{"id": "{id}", "title": {title}, "start": "{start}", "end": "{start}", "format": "online"}}"#
                )
            })
            .collect();
        let json = format!(r#"{{"version": 1, "events": [{}]}}"#, events.join(","));
        SourcePart { source: source(id), result: Ok(parse(json.as_bytes(), &Tzdb).unwrap()) }
    }

    fn failed(id: &str, failure: SourceFailure) -> SourcePart {
        SourcePart { source: source(id), result: Err(failure) }
    }

    /// The merged events as `id source [also_in]`.
    fn events(merged: &Merged) -> Vec<String> {
        merged
            .feed
            .events
            .iter()
            .map(|e| {
                let also = if e.also_in.is_empty() { String::new() } else { format!(" {:?}", e.also_in) };
                format!("{} {}{also}", e.id, e.source.as_deref().unwrap_or("-"))
            })
            .collect()
    }

    const T1: &str = "2027-03-04T16:00:00Z";
    const T2: &str = "2027-03-05T16:00:00Z";

    #[test]
    fn the_same_event_is_shown_once_and_different_events_all_kept() {
        type Case<'a> = (&'a str, Vec<SourcePart>, &'a [&'a str], [(usize, usize, usize); 2]);
        let cases: Vec<Case> = vec![
            (
                "same id, same title and start: the first source keeps it",
                vec![part("a", &[("kickoff", r#""Kickoff""#, T1)]), part("b", &[("kickoff", r#""Kickoff""#, T1)])],
                &[r#"kickoff a ["b"]"#],
                [(1, 0, 0), (0, 1, 0)],
            ),
            (
                "same id, the start moved in one feed: still one event",
                vec![part("a", &[("kickoff", r#""Kickoff""#, T1)]), part("b", &[("kickoff", r#""KICKOFF""#, T2)])],
                &[r#"kickoff a ["b"]"#],
                [(1, 0, 0), (0, 1, 0)],
            ),
            (
                "same id, same start, another title: one event",
                vec![part("a", &[("kickoff", r#""Kickoff""#, T1)]), part("b", &[("kickoff", r#""Opening""#, T1)])],
                &[r#"kickoff a ["b"]"#],
                [(1, 0, 0), (0, 1, 0)],
            ),
            (
                "same id, different title and start: both, the later re-id'd",
                vec![part("a", &[("kickoff", r#""Kickoff""#, T1)]), part("b", &[("kickoff", r#""Opening""#, T2)])],
                &["kickoff a", "b:kickoff b"],
                [(1, 0, 0), (1, 0, 1)],
            ),
            (
                "another id, the same title folded (case, spaces, diacritics) at the same start",
                vec![
                    part("a", &[("x1", r#"{"en": "Gdańsk  Urban Lab", "pl": "Laboratorium"}"#, T1)]),
                    part("b", &[("y7", r#"{"de": "Stadtlabor", "en": "GDANSK urban lab "}"#, T1)]),
                ],
                &[r#"x1 a ["b"]"#],
                [(1, 0, 0), (0, 1, 0)],
            ),
            (
                "a title whose language is not stated matches any",
                vec![part("a", &[("x1", r#"{"es": "Ciudades"}"#, T1)]), part("b", &[("y7", r#""ciudades""#, T1)])],
                &[r#"x1 a ["b"]"#],
                [(1, 0, 0), (0, 1, 0)],
            ),
            (
                "the same words in two different languages are not the same title",
                vec![
                    part("a", &[("x1", r#"{"es": "Ciudades"}"#, T1)]),
                    part("b", &[("y7", r#"{"pt": "Ciudades"}"#, T1)]),
                ],
                &["x1 a", "y7 b"],
                [(1, 0, 0), (1, 0, 0)],
            ),
            (
                "the same title at another start is another event",
                vec![part("a", &[("x1", r#""Webinar""#, T1)]), part("b", &[("y7", r#""Webinar""#, T2)])],
                &["x1 a", "y7 b"],
                [(1, 0, 0), (1, 0, 0)],
            ),
            (
                "within one source nothing is deduplicated",
                vec![part("a", &[("x1", r#""Coffee""#, T1), ("x2", r#""Coffee""#, T1)]), part("b", &[])],
                &["x1 a", "x2 a"],
                [(2, 0, 0), (0, 0, 0)],
            ),
        ];
        for (name, parts, want, counts) in cases {
            let merged = merge(parts);
            assert_eq!(events(&merged), want, "{name}");
            let got: Vec<_> = merged.outcomes.iter().map(|o| (o.events, o.duplicates, o.renamed)).collect();
            assert_eq!(got, counts, "{name}");
        }
    }

    #[test]
    fn a_third_source_is_named_too_and_ids_taken_twice_stay_unique() {
        let merged = merge(vec![
            part("a", &[("k", r#""Kickoff""#, T1), ("b:k", r#""Taken""#, T1)]),
            part("b", &[("k", r#""Other""#, T2)]),
            part("c", &[("z", r#""kickoff""#, T1)]),
        ]);
        assert_eq!(events(&merged), [r#"b:k a"#, r#"k a ["c"]"#, "b:k-2 b"]);
    }

    #[test]
    fn sorted_by_start_then_id_and_labelled() {
        let merged = merge(vec![
            part("b", &[("late", r#""Late""#, T2), ("z", r#""Z""#, T1)]),
            part("a", &[("early", r#""Early""#, "2027-03-01T10:00:00Z"), ("m", r#""M""#, T1)]),
        ]);
        assert_eq!(events(&merged), ["early a", "m a", "z b", "late b"]);
        assert_eq!(merged.feed.sources, [source("b"), source("a")]);
    }

    #[test]
    fn failures_and_issues_are_per_source() {
        let broken = r#"{"version": 1, "events": [{"id": "x", "title": "X", "start": "nope", "end": "2027-01-01T11:00Z", "format": "online"},
            {"id": "y", "title": "Y", "start": "2027-01-01T10:00Z", "end": "2027-01-01T11:00Z", "format": "online", "themes": ["ghost"]}]}"#;
        let merged = merge(vec![
            failed("down", SourceFailure::Status { status: 500 }),
            SourcePart { source: source("cluj"), result: Ok(parse(broken.as_bytes(), &Tzdb).unwrap()) },
            failed("gone", SourceFailure::Unreachable { reason: "connection refused".into() }),
        ]);
        let paths: Vec<_> = merged.issues.iter().map(|i| (i.path.as_str(), i.severity)).collect();
        assert_eq!(
            paths,
            [("cluj:events[0].start", Severity::Skipped), ("cluj:events[1].themes[0]", Severity::Ignored)]
        );
        assert_eq!(skipped_count(&merged.issues), 1);
        let outcomes: Vec<_> =
            merged.outcomes.iter().map(|o| (o.id.as_str(), o.events, o.skipped, o.failure.clone())).collect();
        assert_eq!(
            outcomes,
            [
                ("down", 0, 0, Some(SourceFailure::Status { status: 500 })),
                ("cluj", 1, 1, None),
                ("gone", 0, 0, Some(SourceFailure::Unreachable { reason: "connection refused".into() })),
            ]
        );
        assert_eq!(merged.failed().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["down", "gone"]);
        assert_eq!(merged.to_check().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["down", "cluj", "gone"]);
        let fine = merge(vec![SourcePart {
            source: source("ok"),
            result: Ok(parse(br#"{"version": 1, "events": []}"#, &Tzdb).unwrap()),
        }]);
        assert_eq!(fine.to_check().count(), 0);
        assert_eq!(merged.feed.sources, [source("cluj")]);
        assert_eq!(SourceFailure::Status { status: 500 }.to_string(), "HTTP status 500");
        assert!(matches!(merged.issues[0].problem, Problem::BadDate { .. }));
    }

    #[test]
    fn lists_are_unioned_by_id_the_first_source_winning() {
        let a = r##"{"version": 1, "name": "Cluj", "themes": [{"id": "climate", "label": "Climate"}],
            "organizations": [{"id": "uiu", "name": "UIU"}], "series": [{"id": "s", "title": "S"}], "events": []}"##;
        let b = r##"{"version": 1, "themes": [{"id": "climate", "label": "Klima"}, {"id": "housing", "label": "Housing", "color": "#0f766e"}],
            "organizations": [{"id": "uiu", "name": "Other"}, {"id": "tor", "name": "Torino"}], "events": []}"##;
        let unnamed = |id: &str, json: &str| SourcePart {
            source: Source { id: id.into(), name: Text::default() },
            result: Ok(parse(json.as_bytes(), &Tzdb).unwrap()),
        };
        let merged = merge(vec![unnamed("a", a), unnamed("b", b)]);
        let f = &merged.feed;
        let ids = |v: Vec<(&str, &Text)>| v.into_iter().map(|(i, t)| format!("{i}={}", t.0[0].1)).collect::<Vec<_>>();
        assert_eq!(
            ids(f.themes.iter().map(|t| (t.id.as_str(), &t.label)).collect()),
            ["climate=Climate", "housing=Housing"]
        );
        assert_eq!(ids(f.organizations.iter().map(|o| (o.id.as_str(), &o.name)).collect()), ["uiu=UIU", "tor=Torino"]);
        assert_eq!(f.series.len(), 1);
        // Shades follow the merged list (the second theme's from its place there).
        let (light, dark) = theme_colours(Rgb::parse("#0f766e"), 1);
        assert_eq!(f.themes[1].shades, (light.hex(), dark.hex()));
        // A blank name: the feed's own, else the id.
        let names: Vec<_> = f.sources.iter().map(|s| (s.id.as_str(), s.name.0[0].1.as_str())).collect();
        assert_eq!(names, [("a", "Cluj"), ("b", "b")]);
    }
}
