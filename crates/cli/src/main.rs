//! `citycal`, the organizers' command (`docs/feed-check.md`).
//!
//! `citycal check FEED-OR-URL [--json] [--lang en|es|ro] [--now RFC3339]`
//! reads a feed from a file, standard input (`-`) or an http(s) address,
//! checks it with core's `check::check` against the compiled zone database,
//! and prints every problem (or, with `--json`, the machine-readable
//! report). Exit status: 0 when there are no errors (warnings allowed), 1
//! when there are errors, 2 for a usage error or a document that cannot be
//! read (no such file, an HTTP failure, not JSON, not a feed).
//!
//! `citycal import CALENDAR.ics|URL [-o FEED.json] [--categories MAP.json]
//! [--months 18] [--from YYYY-MM-DD] [--zone ZONE]` writes feed v1 from an
//! iCalendar file with core's `ical::import` (`docs/import.md`), printing
//! what it met to standard error. Exit status: 0 written, 2 usage or
//! unreadable input (no such file, an HTTP failure, not iCalendar).
//!
//! `citycal merge CONFIG [-o FEED.json]` (and `import`'s options for `.ics` sources)
//! fetches every source of a network's `config.json` in parallel (feed v1
//! or iCalendar; paths relative to the config), merges them with core's
//! `merge::merge` and writes one feed with core's `write::feed`
//! (`docs/network.md`), a line per source on standard error. Exit status:
//! 0 every source read, 1 some failed (the feed is written without them),
//! 2 usage, an unreadable config, or no source read (nothing is written).

use std::io::Read;
use std::process::ExitCode;
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use citycal_core::config::{self, SourceConfig, SourceKind};
use citycal_core::feed::{self, Source};
use citycal_core::i18n::{self, Lang};
use citycal_core::merge::{self, SourceFailure, SourcePart};
use citycal_core::time::ZoneRules;
use citycal_core::validate::MAX_FEED_BYTES;
use citycal_core::{check, ical};

const USAGE: &str = "\
Usage: citycal check FEED-OR-URL [--json] [--lang en|es|ro] [--now RFC3339]

Checks a Citycal feed (docs/feed.md) and lists every problem with the event's
id and title, its JSON path, what is wrong and how to fix it.

  FEED-OR-URL   a file, - for standard input, or an http:// or https:// address
  --json        print a machine-readable report instead of text
  --lang LANG   the report's language: en, es or ro (default: from LANG, else en)
  --now TIME    the time to check against (RFC 3339, e.g. 2027-03-01T00:00:00Z),
                instead of the system clock

Exit status: 0 no errors (warnings allowed), 1 errors, 2 usage or unreadable document.
See docs/feed-check.md.

Usage: citycal import CALENDAR.ics|URL [-o FEED.json] [--categories MAP.json]
                      [--months 18] [--from YYYY-MM-DD] [--zone ZONE]

Writes a Citycal feed (feed v1) from an iCalendar file (Google Calendar,
Outlook, Nextcloud, The Events Calendar...), expanding recurring events over
a window, and lists what it met on standard error.

  CALENDAR      a file, - for standard input, or an http(s):// or webcal:// address
  -o FEED.json  where to write the feed (default: standard output)
  --categories MAP.json  a JSON object of category → theme id; without it
                each category becomes a theme of its own
  --months N    how many months recurring events are expanded over (default 18)
  --from DATE   the window's first day (default: today)
  --zone ZONE   the zone of times written without one (default: the
                calendar's X-WR-TIMEZONE)

Exit status: 0 written, 2 usage or unreadable input. See docs/import.md.

Usage: citycal merge CONFIG [-o FEED.json] [--categories MAP.json]
                     [--months 18] [--from YYYY-MM-DD] [--zone ZONE]

Fetches every feed a network's config.json lists (its feed and feeds: Citycal
feeds or iCalendar files, addresses or paths relative to the config) in
parallel and writes them as one feed: each event labelled with its source,
the same event in two feeds once. A line per source on standard error.

  CONFIG        the config.json file, or an http(s) address
  -o FEED.json  where to write the feed (default: standard output)
  --categories, --months, --from, --zone  as for import, for iCalendar sources

Exit status: 0 every source read, 1 some failed (written without them),
2 usage, unreadable config, or no source read (nothing written).
See docs/network.md.";

/// How long fetching a feed may take in all.
const FETCH_TIMEOUT: Duration = Duration::from_secs(60);

struct Options {
    source: String,
    json: bool,
    lang: Lang,
    now: DateTime<Utc>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") || args.first().is_some_and(|a| a == "help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    if args.first().is_some_and(|a| a == "import") {
        return import(&args[1..]);
    }
    if args.first().is_some_and(|a| a == "merge") {
        return merge(&args[1..]);
    }
    let options = match options(&args) {
        Ok(options) => options,
        Err(problem) => {
            eprintln!("citycal: {problem}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let bytes = match read(&options.source) {
        Ok(bytes) => bytes,
        Err(reason) => {
            let words = check::words(options.lang);
            let source = options.source.as_str();
            eprintln!(
                "citycal: {}",
                words.t_args("check-cannot-read", &[("source", source.into()), ("reason", reason.into())])
            );
            return ExitCode::from(2);
        }
    };
    let zones: Vec<String> = citycal_core::tzdb::zone_names().map(str::to_owned).collect();
    let report = check::check(&bytes, &citycal_core::tzdb::Tzdb, &zones, options.now);
    if options.json {
        println!("{}", check::to_json(&report, options.lang));
    } else {
        print!("{}", check::text(&report, options.lang));
    }
    ExitCode::from(status(&report))
}

/// 2 when the document is not a feed at all, 1 with errors, else 0.
fn status(report: &check::Report) -> u8 {
    if report.unusable() {
        2
    } else if report.errors() > 0 {
        1
    } else {
        0
    }
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut args = args.iter();
    match args.next().map(String::as_str) {
        Some("check") => {}
        Some(other) => return Err(format!("unknown command “{other}”")),
        None => return Err("no command".to_owned()),
    }
    let (mut source, mut json, mut lang, mut now) = (None, false, None, None);
    while let Some(arg) = args.next() {
        let (flag, inline) = split_flag(arg);
        let mut value =
            |name: &str| inline.clone().or_else(|| args.next().cloned()).ok_or(format!("{name} needs a value"));
        match flag {
            "--json" => json = true,
            "--lang" => {
                let tag = value("--lang")?;
                lang = Some(Lang::from_tag(&tag).ok_or(format!("unknown language “{tag}”: en, es or ro"))?);
            }
            "--now" => {
                let text = value("--now")?;
                let time = DateTime::parse_from_rfc3339(&text).map_err(|e| format!("--now “{text}”: {e}"))?;
                now = Some(time.with_timezone(&Utc));
            }
            "-" => source = Some("-".to_owned()),
            flag if flag.starts_with('-') => return Err(format!("unknown option “{flag}”")),
            _ if source.is_some() => return Err(format!("one feed at a time (“{arg}”)")),
            _ => source = Some(arg.clone()),
        }
    }
    Ok(Options {
        source: source.ok_or("no feed given")?,
        json,
        lang: lang.unwrap_or_else(environment_language),
        now: now.unwrap_or_else(Utc::now),
    })
}

/// The language of the terminal (`LC_ALL`, `LC_MESSAGES`, `LANG`: `ro_RO.UTF-8`), else English.
fn environment_language() -> Lang {
    let values: Vec<String> = ["LC_ALL", "LC_MESSAGES", "LANG"].iter().filter_map(|v| std::env::var(v).ok()).collect();
    i18n::negotiate(values.iter().map(String::as_str).filter(|v| !v.is_empty())).unwrap_or_default()
}

/// The document's bytes, up to one more than a feed may have (so that the
/// check says it is too large), or why they cannot be had.
fn read(source: &str) -> Result<Vec<u8>, String> {
    read_as(source, "application/json")
}

fn read_as(source: &str, accept: &str) -> Result<Vec<u8>, String> {
    fetch(source, accept).map_err(|failure| match failure {
        SourceFailure::Unreachable { reason } | SourceFailure::Unreadable { reason } => reason,
        status => status.to_string(),
    })
}

fn is_http(location: &str) -> bool {
    let lower = location.to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// [`read_as`], saying an HTTP status apart from no answer (for `merge`'s outcomes).
fn fetch(source: &str, accept: &str) -> Result<Vec<u8>, SourceFailure> {
    let limit = MAX_FEED_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let unreachable = |e: std::io::Error| SourceFailure::Unreachable { reason: e.to_string() };
    if is_http(source) {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(FETCH_TIMEOUT))
            .user_agent(concat!("citycal-check/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        let response = agent.get(source).header("Accept", accept).call().map_err(|e| match e {
            ureq::Error::StatusCode(status) => SourceFailure::Status { status },
            e => SourceFailure::Unreachable { reason: e.to_string() },
        })?;
        response.into_body().into_reader().take(limit).read_to_end(&mut bytes).map_err(unreachable)?;
    } else if source == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes).map_err(unreachable)?;
    } else {
        std::fs::File::open(source).and_then(|file| file.take(limit).read_to_end(&mut bytes)).map_err(unreachable)?;
    }
    Ok(bytes)
}

/// What `import` and `merge` were asked: the input (a calendar, a
/// config), where to write, and how to read iCalendar.
struct ImportArgs {
    source: String,
    output: Option<String>,
    options: ical::ImportOptions,
}

fn import(args: &[String]) -> ExitCode {
    let parsed = match import_options(args, "calendar") {
        Ok(parsed) => parsed,
        Err(code) => return code,
    };
    // webcal:// is http(s) by another name (Google and Outlook hand these out).
    let source = match parsed.source.strip_prefix("webcal://") {
        Some(rest) => format!("https://{rest}"),
        None => parsed.source.clone(),
    };
    let bytes = match read_as(&source, "text/calendar") {
        Ok(bytes) => bytes,
        Err(reason) => {
            eprintln!("citycal: cannot read {}: {reason}", parsed.source);
            return ExitCode::from(2);
        }
    };
    let (feed, issues) = match ical::import(&bytes, &citycal_core::tzdb::Tzdb, &parsed.options) {
        Ok(done) => done,
        Err(error) => {
            eprintln!("citycal: cannot read {}: {error}", parsed.source);
            return ExitCode::from(2);
        }
    };
    for issue in &issues {
        eprintln!("{}: {issue}", parsed.source);
    }
    let events = feed["events"].as_array().map_or(0, Vec::len);
    let text = serde_json::to_string_pretty(&feed).expect("a JSON value") + "\n";
    let written = write_output(&parsed.output, &text, |path| {
        format!("{events} events written to {path}; check them with `citycal check {path}`")
    });
    written.unwrap_or(ExitCode::SUCCESS)
}

/// Writes `text` to `output` (saying what with `said`), or to standard
/// output; `Some(2)` when it cannot be written.
fn write_output(output: &Option<String>, text: &str, said: impl FnOnce(&str) -> String) -> Option<ExitCode> {
    match output {
        Some(path) => {
            if let Err(e) = std::fs::write(path, text) {
                eprintln!("citycal: cannot write {path}: {e}");
                return Some(ExitCode::from(2));
            }
            eprintln!("citycal: {}", said(path));
        }
        None => print!("{text}"),
    }
    None
}

/// `import`'s and `merge`'s arguments (`input` names what the one
/// argument is), or the usage error said (exit status 2).
fn import_options(args: &[String], input: &str) -> Result<ImportArgs, ExitCode> {
    read_import_options(args, input).map_err(|problem| {
        eprintln!("citycal: {problem}\n\n{USAGE}");
        ExitCode::from(2)
    })
}

fn read_import_options(args: &[String], input: &str) -> Result<ImportArgs, String> {
    let mut args = args.iter();
    let (mut source, mut output, mut categories, mut months, mut from, mut zone) = (None, None, None, None, None, None);
    while let Some(arg) = args.next() {
        let (flag, inline) = split_flag(arg);
        let mut value =
            |name: &str| inline.clone().or_else(|| args.next().cloned()).ok_or(format!("{name} needs a value"));
        match flag {
            "-o" | "--output" => output = Some(value("-o")?),
            "--categories" => {
                let path = value("--categories")?;
                let text = std::fs::read_to_string(&path).map_err(|e| format!("--categories {path}: {e}"))?;
                categories = Some(ical::category_map(&text).map_err(|e| format!("--categories {path}: {e}"))?);
            }
            "--months" => {
                let text = value("--months")?;
                months = Some(
                    text.parse::<u32>()
                        .ok()
                        .filter(|m| (1..=120).contains(m))
                        .ok_or(format!("--months “{text}”: a number of months, 1 to 120"))?,
                );
            }
            "--from" => {
                let text = value("--from")?;
                from = Some(NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|e| format!("--from “{text}”: {e}"))?);
            }
            "--zone" => {
                let name = value("--zone")?;
                if !citycal_core::tzdb::Tzdb.is_known(&name) && ical::windows_zone(&name).is_none() {
                    return Err(format!("--zone “{name}”: not a time zone (an IANA name such as Europe/Paris)"));
                }
                zone = Some(name);
            }
            "-" => source = Some("-".to_owned()),
            flag if flag.starts_with('-') => return Err(format!("unknown option “{flag}”")),
            _ if source.is_some() => return Err(format!("one {input} at a time (“{arg}”)")),
            _ => source = Some(arg.clone()),
        }
    }
    let mut options = ical::ImportOptions::new(from.unwrap_or_else(|| Utc::now().date_naive()));
    options.months = months.unwrap_or(ical::DEFAULT_MONTHS);
    options.zone = zone;
    options.categories = categories;
    // A mistyped TZID is read as the nearest zone name, and reported.
    options.zone_names = citycal_core::tzdb::zone_names().map(str::to_owned).collect();
    Ok(ImportArgs { source: source.ok_or(format!("no {input} given"))?, output, options })
}

/// `--flag=value` as the flag and its value; any other argument as itself.
fn split_flag(arg: &str) -> (&str, Option<String>) {
    match arg.split_once('=') {
        Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
        _ => (arg, None),
    }
}

fn merge(args: &[String]) -> ExitCode {
    let parsed = match import_options(args, "config") {
        Ok(parsed) => parsed,
        Err(code) => return code,
    };
    let site = match read(&parsed.source).map(|bytes| config::parse_config(&bytes)) {
        Ok(Ok(site)) => site,
        Ok(Err(error)) => {
            eprintln!("citycal: {} is not a usable config.json: {error:?} (see docs/network.md)", parsed.source);
            return ExitCode::from(2);
        }
        Err(reason) => {
            eprintln!("citycal: cannot read {}: {reason}", parsed.source);
            return ExitCode::from(2);
        }
    };
    // Every source at once, each on a thread of its own.
    let fetched: Vec<(SourcePart, Vec<String>)> = std::thread::scope(|scope| {
        let threads: Vec<_> = site
            .sources
            .iter()
            .map(|source| scope.spawn(|| read_source(source, &parsed.source, &parsed.options)))
            .collect();
        threads.into_iter().map(|t| t.join().expect("a source's thread does not panic")).collect()
    });
    let mut parts = Vec::new();
    for (part, notes) in fetched {
        for note in notes {
            eprintln!("{}: {note}", part.source.id);
        }
        parts.push(part);
    }
    let merged = merge::merge(parts);
    for outcome in &merged.outcomes {
        let name = outcome.name.pick("en", &[]).map_or(outcome.id.as_str(), |p| p.text);
        let line = match &outcome.failure {
            Some(failure) => format!("FAILED: {failure}"),
            None => {
                let mut line = format!("{} events", outcome.events);
                for (n, what) in [
                    (outcome.duplicates, "already listed by an earlier source"),
                    (outcome.renamed, "renamed (their id was another event's)"),
                    (outcome.skipped, "skipped (run citycal check on the source)"),
                ] {
                    if n > 0 {
                        line.push_str(&format!(", {n} {what}"));
                    }
                }
                line
            }
        };
        eprintln!("citycal: {} ({name}): {line}", outcome.id);
    }
    let failed = merged.failed().count();
    if failed == merged.outcomes.len() {
        eprintln!("citycal: no source could be read; nothing written");
        return ExitCode::from(2);
    }
    let text = citycal_core::write::feed(&merged.feed);
    let events = merged.feed.events.len();
    let sources = merged.feed.sources.len();
    let written =
        write_output(&parsed.output, &text, |path| format!("{events} events from {sources} sources written to {path}"));
    written.unwrap_or(ExitCode::from(if failed > 0 { 1 } else { 0 }))
}

/// One source fetched and parsed, and what importing it met (iCalendar).
fn read_source(source: &SourceConfig, config: &str, options: &ical::ImportOptions) -> (SourcePart, Vec<String>) {
    let location = resolve(config, &source.url);
    let accept = match source.kind {
        SourceKind::Ics => "text/calendar",
        SourceKind::Json => "application/json",
    };
    let mut notes = Vec::new();
    let unreadable = |reason: String| SourceFailure::Unreadable { reason };
    let result = fetch(&location, accept).and_then(|bytes| {
        let bytes = match source.kind {
            SourceKind::Json => bytes,
            SourceKind::Ics => {
                let (feed, issues) =
                    ical::import(&bytes, &citycal_core::tzdb::Tzdb, options).map_err(|e| unreadable(e.to_string()))?;
                notes.extend(issues.iter().map(ToString::to_string));
                serde_json::to_vec(&feed).expect("a JSON value")
            }
        };
        let words = i18n::Localizer::new(Lang::En);
        feed::parse(&bytes, &citycal_core::tzdb::Tzdb).map_err(|e| unreadable(words.feed_error(&e)))
    });
    (SourcePart { source: Source { id: source.id.clone(), name: source.name.clone() }, result }, notes)
}

/// A source's location: an address as it is; a path relative to the
/// config (its folder, or its address's).
fn resolve(config: &str, location: &str) -> String {
    if is_http(location) {
        return location.to_owned();
    }
    if is_http(config) {
        let origin_end = config.find("://").map_or(0, |i| i + 3);
        return match location.strip_prefix('/') {
            Some(path) => {
                let host_end = config[origin_end..].find('/').map_or(config.len(), |i| origin_end + i);
                format!("{}/{path}", &config[..host_end])
            }
            None => {
                let folder = config[origin_end..].rfind('/').map_or(config.len(), |i| origin_end + i);
                format!("{}/{location}", &config[..folder])
            }
        };
    }
    let folder = if config == "-" { None } else { std::path::Path::new(config).parent() };
    folder.map_or_else(|| location.to_owned(), |dir| dir.join(location).to_string_lossy().into_owned())
}
