//! A mutation fuzzer for the feed reader (feature `fuzz`; never in the app).
//!
//! No coverage instrumentation (cargo-fuzz needs a nightly compiler): inputs
//! are mutations of seeds (the sample feed, small feeds, JSON edge cases),
//! byte-level and JSON-aware, and an input joins the corpus when it reaches a
//! new [`features`] (an error, a kind of problem in a field, a count of events),
//! so the fuzzer keeps exploring the validator's branches rather than the
//! syntax error at byte 1. Each input is also checked against what a parsed
//! feed promises ([`check_feed`]), so a wrong answer counts as much as a panic.
//! Run natively by `crates/core/examples/fuzz_feed.rs` (`make test`, `make
//! fuzz`) and inside the wasm by `tests/web.rs`.

use crate::config::parse_config;
use crate::feed::{parse, Event, Feed, FeedError, FeedIssue, Problem, When};
use crate::json;
use crate::time::ZoneRules;
use crate::validate::{is_http_url, is_valid_id};
use serde_json::Value;
use std::collections::HashSet;

/// splitmix64: small, seedable, the same sequence on every target.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SAMPLE: &str = include_str!("../../../public/events.json");

/// Small documents that reach each part of the reader quickly.
const SEEDS: &[&str] = &[
    r#"{"version": 1, "events": []}"#,
    r#"{"version": 1, "name": {"en": "N", "es": "N"}, "themes": [{"id": "t", "label": {"en": "T"}}], "events": [
        {"id": "a", "title": {"en": "A"}, "start": "2026-03-29T03:30", "end": "2026-03-29T05:00", "timeZone": "Europe/Bucharest",
         "format": "hybrid", "themes": ["t"], "languages": ["en", "ro"], "onlineUrl": "https://example.org/a",
         "venue": {"name": {"en": "Hall"}, "city": "Cluj", "country": "RO"},
         "registration": {"closes": "2026-03-20T12:00:00Z", "capacity": 10, "taken": 3,
           "questions": [{"id": "q", "label": {"en": "Q"}, "kind": "choice", "options": [{"id": "o", "label": {"en": "O"}}]}]},
         "people": [{"name": "P", "role": "host", "position": {"en": "Mayor"}}], "agenda": [{"title": {"en": "Open"}, "minutes": 15}]},
        {"id": "b", "title": {"en": "B"}, "start": "2026-10-25", "end": "2026-10-27", "allDay": true}]}"#,
    r#"{"version": 1, "events": [{"id": "x", "title": {"en": "X"}, "start": "2026-01-01T10:00:00+02:00", "end": "2026-01-01T09:00:00Z"}]}"#,
    r#"{"version": 1, "series": [{"id": "s", "title": {"en": "S"}, "kind": "sessions"}], "events": [{"id": "s1", "series": "s", "session": 1, "title": {"en": "S1"}, "start": "2026-09-01T10:00Z"}]}"#,
    r#"[1, -0.0, 1e-400, 1E400, "\u0000\ud800\udc00", true, false, null, {"": {}}]"#,
];

/// What the byte mutations insert: JSON's tokens and the feed's words.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "\\u0000",
    "\\ud800",
    "null",
    "true",
    "false",
    "0",
    "-1",
    "1e999",
    "4294967296",
    "18446744073709551616",
    "-0",
    "0.5",
    "\"id\"",
    "\"title\"",
    "\"start\"",
    "\"end\"",
    "\"timeZone\"",
    "\"allDay\"",
    "\"events\"",
    "\"version\"",
    "\"format\"",
    "\"themes\"",
    "\"registration\"",
    "\"people\"",
    "\"series\"",
    "\"session\"",
    "\"url\"",
    "\"languages\"",
    "\"capacity\"",
    "\"questions\"",
    "\"\u{feff}\"",
    "\u{0}",
    "\"2026-02-29\"",
    "\"2024-02-29T24:00\"",
    "\"0000-01-01\"",
    "\"9999-12-31T23:59:59Z\"",
    "\"+275760-09-13\"",
    "\"Europe/Bucharest\"",
    "\"America/Bogota\"",
    "\"Mars/Olympus\"",
    "\"Etc/GMT+14\"",
    "\"javascript:alert(1)\"",
];

/// Values put in place of a string or number of the document.
const VALUES: &[&str] = &[
    "\"\"",
    "\" \"",
    "\"\\u0000\"",
    "\"<script>alert(1)</script>\"",
    "\"javascript:alert(1)\"",
    "\"data:text/html,x\"",
    "\"https://\"",
    "\"http:///x\"",
    "\"HTTPS://EXAMPLE.ORG\"",
    "\"\\ud800\"",
    "\"\u{202e}\u{200b}\"",
    "\"e\u{301}\"",
    "\"2026-13-01\"",
    "\"2026-02-30T10:00\"",
    "\"1899-12-31\"",
    "\"2201-01-01\"",
    "\"2026-03-29T03:30\"",
    "\"2026-10-25T03:30\"",
    "\"2026-01-01T00:00:00+25:00\"",
    "\"T\"",
    "1e308",
    "-1e308",
    "1.5",
    "-1",
    "0",
    "4294967295",
    "4294967296",
    "99999999999999999999",
    "[]",
    "{}",
    "null",
    "true",
    "[[[[[[]]]]]]",
];

pub struct Mutator {
    corpus: Vec<Vec<u8>>,
}

impl Default for Mutator {
    fn default() -> Mutator {
        let mut corpus: Vec<Vec<u8>> = SEEDS.iter().map(|s| s.as_bytes().to_vec()).collect();
        corpus.push(SAMPLE.as_bytes().to_vec());
        Mutator { corpus }
    }
}

impl Mutator {
    pub fn corpus_len(&self) -> usize {
        self.corpus.len()
    }
    /// Keeps an input that did something new.
    pub fn keep(&mut self, input: Vec<u8>) {
        self.corpus.push(input);
    }

    /// The next input: a corpus entry with one to four mutations, of its
    /// JSON tree (so that most inputs reach the validator) or of its bytes.
    pub fn input(&self, rng: &mut Rng) -> Vec<u8> {
        let mut bytes = rng.pick(&self.corpus).clone();
        if rng.below(3) > 0 {
            if let Ok(mut tree) = serde_json::from_slice::<Value>(&bytes) {
                for _ in 0..1 + rng.below(4) {
                    mutate_tree(rng, &mut tree);
                }
                return serde_json::to_vec(&tree).unwrap_or(bytes);
            }
        }
        for _ in 0..1 + rng.below(4) {
            self.mutate(rng, &mut bytes);
        }
        bytes
    }

    fn mutate(&self, rng: &mut Rng, bytes: &mut Vec<u8>) {
        let len = bytes.len();
        let at = rng.below(len + 1);
        let to = (at + 1 + rng.below(64)).min(len);
        match rng.below(10) {
            0 if at < len => bytes[at] = rng.next_u64() as u8,
            1 if at < len => bytes[at] ^= 1 << rng.below(8),
            2 => {
                let token = rng.pick(TOKENS).as_bytes();
                bytes.splice(at..at, token.iter().copied());
            }
            3 if at < len => {
                bytes.drain(at..to);
            }
            4 if at < len => {
                let piece = bytes[at..to].to_vec();
                let into = rng.below(len + 1);
                bytes.splice(into..into, piece);
            }
            5 => {
                // A piece of another entry: structure from elsewhere.
                let other = rng.pick(&self.corpus);
                let from = rng.below(other.len() + 1);
                let piece = &other[from..(from + rng.below(256)).min(other.len())];
                bytes.splice(at..to.max(at), piece.iter().copied());
            }
            6 => bytes.truncate(at),
            7 => {
                // Deep nesting, sometimes far past json::MAX_DEPTH.
                let depth = [2, 127, 128, 129, 1000, 100_000][rng.below(6)];
                let (open, close) = if rng.below(2) == 0 { (b'[', b']') } else { (b'{', b'}') };
                let mut nest = Vec::with_capacity(depth * 6);
                for _ in 0..depth {
                    nest.push(open);
                    if open == b'{' {
                        nest.extend_from_slice(b"\"k\":");
                    }
                }
                if open == b'{' {
                    nest.extend_from_slice(b"0");
                }
                nest.extend(std::iter::repeat_n(close, if rng.below(4) == 0 { depth / 2 } else { depth }));
                bytes.splice(at..at, nest);
            }
            8 => replace_value(rng, bytes),
            _ => {
                // A long string or list: sizes a publisher might really send.
                let n = [300, 5_000, 100_000][rng.below(3)];
                let piece: Vec<u8> = match rng.below(3) {
                    0 => std::iter::once(b'"').chain(std::iter::repeat_n(b'a', n)).chain(*b"\"").collect(),
                    1 => std::iter::once(b'[').chain(b"0,".repeat(n)).chain(*b"0]").collect(),
                    _ => "é\u{1F3D9}".repeat(n / 6).into_bytes(),
                };
                bytes.splice(at..at, piece);
            }
        }
    }
}

/// The feed's field names, for members added where they do not belong.
const KEYS: &[&str] = &[
    "id",
    "title",
    "summary",
    "description",
    "start",
    "end",
    "timeZone",
    "allDay",
    "languages",
    "format",
    "venue",
    "onlineUrl",
    "themes",
    "organizers",
    "partners",
    "people",
    "agenda",
    "audience",
    "series",
    "session",
    "registration",
    "recordingUrl",
    "url",
    "status",
    "approximate",
    "opens",
    "closes",
    "capacity",
    "taken",
    "questions",
    "kind",
    "required",
    "options",
    "label",
    "name",
    "role",
    "position",
    "minutes",
    "version",
    "events",
];

/// One change to a JSON tree: a node replaced (by a hostile value or by
/// another node of the same document), removed, repeated, or a member added.
fn mutate_tree(rng: &mut Rng, tree: &mut Value) {
    let mut count = 0;
    count_nodes(tree, &mut count);
    let target = rng.below(count);
    let donor = {
        let mut nodes = Vec::new();
        collect(tree, &mut nodes);
        nodes[rng.below(nodes.len())].clone()
    };
    let op = rng.below(6);
    let mut n = target;
    let Some(node) = nth(tree, &mut n) else { return };
    match (op, node) {
        (0, node) => *node = hostile(rng),
        (1, node) => *node = donor,
        (2, Value::Array(items)) if !items.is_empty() => {
            items.remove(rng.below(items.len()));
        }
        (2, Value::Object(members)) if !members.is_empty() => {
            let key = members.keys().nth(rng.below(members.len())).cloned().unwrap_or_default();
            members.remove(&key);
        }
        (3, Value::Array(items)) if !items.is_empty() => {
            let copy = items[rng.below(items.len())].clone();
            items.insert(rng.below(items.len() + 1), copy);
        }
        (4 | 5, Value::Object(members)) => {
            let value = if op == 4 { hostile(rng) } else { donor };
            members.insert(rng.pick(KEYS).to_string(), value);
        }
        (_, node) => *node = hostile(rng),
    }
}

fn hostile(rng: &mut Rng) -> Value {
    let text: &str = VALUES[rng.below(VALUES.len())];
    serde_json::from_str(text).unwrap_or(Value::Null)
}

fn count_nodes(value: &Value, count: &mut usize) {
    *count += 1;
    match value {
        Value::Array(items) => items.iter().for_each(|v| count_nodes(v, count)),
        Value::Object(members) => members.values().for_each(|v| count_nodes(v, count)),
        _ => {}
    }
}

fn collect<'a>(value: &'a Value, nodes: &mut Vec<&'a Value>) {
    nodes.push(value);
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect(v, nodes)),
        Value::Object(members) => members.values().for_each(|v| collect(v, nodes)),
        _ => {}
    }
}

/// The `n`th node in the order `count_nodes` walks.
fn nth<'a>(value: &'a mut Value, n: &mut usize) -> Option<&'a mut Value> {
    if *n == 0 {
        return Some(value);
    }
    *n -= 1;
    match value {
        Value::Array(items) => items.iter_mut().find_map(|v| nth(v, n)),
        Value::Object(members) => members.values_mut().find_map(|v| nth(v, n)),
        _ => None,
    }
}

/// Puts one of `VALUES` in place of a string or number, wherever one starts
/// at or after a random byte: mutations that keep the JSON valid.
fn replace_value(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let from = rng.below(bytes.len() + 1);
    let Some(start) = bytes[from..].iter().position(|&b| b == b'"' || b.is_ascii_digit()).map(|p| p + from) else {
        return;
    };
    let end = if bytes[start] == b'"' {
        let mut i = start + 1;
        while i < bytes.len() && bytes[i] != b'"' {
            i += if bytes[i] == b'\\' { 2 } else { 1 };
        }
        (i + 1).min(bytes.len())
    } else {
        start + bytes[start..].iter().take_while(|b| b.is_ascii_digit() || b"+-.eE".contains(b)).count()
    };
    bytes.splice(start..end, rng.pick(VALUES).bytes());
}

/// Every feature reached so far.
#[derive(Default)]
pub struct Coverage(pub std::collections::BTreeSet<String>);

impl Coverage {
    /// Records an input's features; whether any was new.
    pub fn add(&mut self, features: Vec<String>) -> bool {
        let mut new = false;
        for feature in features {
            new |= self.0.insert(feature);
        }
        new
    }
}

/// What one input reached: the fuzzer's idea of coverage. The first is the
/// outcome (`ok`, or the document's error); then one per kind of issue, as
/// severity, problem and field, and the number of events kept (0, 1, 2, more).
pub fn features(result: &Result<(Feed, Vec<FeedIssue>), FeedError>) -> Vec<String> {
    match result {
        Err(FeedError::TooLarge { .. }) => vec!["too-large".into()],
        Err(FeedError::NotJson { .. }) => vec!["not-json".into()],
        Err(FeedError::NotAFeed { path }) => vec!["not-a-feed".into(), format!("not-a-feed:{path}")],
        Err(FeedError::UnsupportedVersion { .. }) => vec!["version".into()],
        Ok((feed, issues)) => {
            let mut out = vec!["ok".to_owned(), format!("events:{}", feed.events.len().min(3))];
            out.extend(issues.iter().map(|i| {
                let field = i.path.rsplit(['.', ']']).next().unwrap_or("");
                format!("{:?}/{}/{field}", i.severity, problem_name(&i.problem))
            }));
            out
        }
    }
}

fn problem_name(problem: &Problem) -> &'static str {
    match problem {
        Problem::Missing { .. } => "missing",
        Problem::WrongType => "type",
        Problem::Empty => "empty",
        Problem::BadId => "id",
        Problem::DuplicateId { .. } => "duplicate",
        Problem::BadDate { .. } => "date",
        Problem::UnknownZone { .. } => "zone",
        Problem::NoZone => "no-zone",
        Problem::EndBeforeStart => "end",
        Problem::UnknownReference { .. } => "reference",
        Problem::BadUrl { .. } => "url",
        Problem::BadColour { .. } => "colour",
        Problem::BadLanguage { .. } => "language",
    }
}

/// Runs every reader on one input and checks what each promises. `Err` says
/// which promise was broken; a panic is the caller's to catch.
pub fn run_one(input: &[u8], rules: &dyn ZoneRules) -> Result<Vec<String>, String> {
    let result = parse(input, rules);
    if let Ok((feed, _)) = &result {
        check_feed(feed)?;
    }
    if let Ok(text) = std::str::from_utf8(input) {
        let tree = json::parse(text);
        let split = json::split_object(text);
        if tree.is_ok() && split.is_err() {
            return Err("json::parse accepts what json::split_object refuses".into());
        }
        if let (Err(tree), Err(split)) = (&tree, &split) {
            if tree.offset != split.offset && !deeper_than_allowed(text) {
                return Err(format!(
                    "json::parse and split_object disagree on where it breaks: {} vs {}",
                    tree.offset, split.offset
                ));
            }
        }
    }
    let _ = parse_config(input);
    Ok(features(&result))
}

fn deeper_than_allowed(text: &str) -> bool {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for b in text.bytes() {
        match (in_string, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => in_string = false,
            (true, ..) => {}
            (false, _, b'"') => in_string = true,
            (false, _, b'[' | b'{') => {
                depth += 1;
                if depth > json::MAX_DEPTH {
                    return true;
                }
            }
            (false, _, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// What a parsed feed promises the rest of Citycal (`feed.rs`): ids valid
/// and unique, events sorted, ends not before starts, every link http(s),
/// every reference known, a title in some language.
pub fn check_feed(feed: &Feed) -> Result<(), String> {
    let mut ids = HashSet::new();
    for (i, event) in feed.events.iter().enumerate() {
        let fail = |what: &str| Err(format!("events[{i}] (\"{}\"): {what}", event.id));
        if !is_valid_id(&event.id) || !ids.insert(event.id.as_str()) {
            return fail("an invalid or repeated id was kept");
        }
        if i > 0 && (feed.events[i - 1].start(), &feed.events[i - 1].id) > (event.start(), &event.id) {
            return fail("events are not sorted by start, then id");
        }
        match event.when {
            When::Timed { start, end } if end < start => return fail("ends before it starts"),
            When::AllDay { first, last } if last < first => return fail("last day before the first"),
            _ => {}
        }
        if let Some(url) = event_links(event).find(|u| !is_http_url(u)) {
            return fail(&format!("kept a link that is not http(s): {url:?}"));
        }
        // Blank translations count as missing (`Text::pick`); one must be there.
        if event.title.pick("en", &[]).is_none() {
            return fail("kept an event with no title in any language");
        }
        if event.themes.iter().any(|t| feed.theme(t).is_none())
            || event.organizers.iter().chain(&event.partners).any(|o| feed.organization(o).is_none())
            || event.series.as_deref().is_some_and(|s| feed.series_by_id(s).is_none())
        {
            return fail("kept a reference to nothing");
        }
    }
    let other_links = feed.organizations.iter().filter_map(|o| o.url.as_deref());
    if let Some(url) = other_links.chain(feed.series.iter().filter_map(|s| s.url.as_deref())).find(|u| !is_http_url(u))
    {
        return Err(format!("kept an organization or series link that is not http(s): {url:?}"));
    }
    Ok(())
}

fn event_links(event: &Event) -> impl Iterator<Item = &str> {
    let registration = event.registration.as_ref().and_then(|r| r.url.as_deref());
    [event.online_url.as_deref(), event.recording_url.as_deref(), event.url.as_deref(), registration]
        .into_iter()
        .flatten()
}
