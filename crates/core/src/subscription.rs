//! "Subscribe to this view": a live iCalendar feed of exactly a view's
//! filters, served by the reference server (`GET /calendar.ics?…`, the
//! parameters of `docs/links.md`) or, on a static deployment, written by the
//! build as files ([`CALENDAR_FILE`], one per theme: [`theme_file`]).
//!
//! **What a subscription holds.** The events the view's *facets* and
//! *search* let through (themes, spoken languages, formats, countries,
//! cities, organizers, series, `q`: [`subscription_filters`]), from
//! [`PAST_DAYS`] ago on: everything to come, and what ended in the last 30
//! days (so an event does not vanish from a calendar the moment it ends).
//! The view's time filters (`when`, `from`, `to`, `hours`) are not part of
//! it: they depend on the day and the viewer's zone, and the calendar app
//! shows time itself. Views, dates, zones and foreign parameters are
//! ignored; `lang` chooses the language of the calendar's name and texts.

use chrono::{DateTime, Duration, Utc, Weekday};

use crate::agenda::end_instant;
use crate::feed::{Event, Feed, Format};
use crate::filter::{self, Facet, Filters, SearchIndex, Viewer};
use crate::i18n::{Lang, Localizer};
use crate::ics::{self, Entry, Revision};
use crate::query::ViewState;
use crate::time::ZoneRules;
use crate::validate::is_http_url;

/// The static file of every event (a static deployment's subscription).
pub const CALENDAR_FILE: &str = "calendar.ics";

/// A theme's static file is this, the theme's id, then `.ics` ([`theme_file`]).
pub const THEME_FILE_PREFIX: &str = "calendar-";

/// How long an event stays in a subscription after it ended.
pub const PAST_DAYS: i64 = 30;

/// The static file of one theme's events, `calendar-<theme id>.ics`; `None`
/// for an id that does not make a plain file name (only ASCII letters,
/// digits, `-`, `_` and `.`, not leading, are used as they are).
pub fn theme_file(theme_id: &str) -> Option<String> {
    let plain = !theme_id.is_empty()
        && !theme_id.starts_with('.')
        && theme_id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    plain.then(|| format!("{THEME_FILE_PREFIX}{theme_id}.ics"))
}

/// The files a static build writes: [`CALENDAR_FILE`] with every event,
/// then one per theme that has a [`theme_file`], each with its filters.
pub fn static_files(feed: &Feed) -> Vec<(String, Filters)> {
    let mut files = vec![(CALENDAR_FILE.to_owned(), Filters::default())];
    for theme in &feed.themes {
        if let Some(name) = theme_file(&theme.id) {
            files.push((name, Filters { themes: vec![theme.id.clone()], ..Filters::default() }));
        }
    }
    files
}

/// The part of a view's filters a subscription follows: facets and search.
pub fn subscription_filters(filters: &Filters) -> Filters {
    Filters {
        themes: filters.themes.clone(),
        spoken: filters.spoken.clone(),
        formats: filters.formats.clone(),
        countries: filters.countries.clone(),
        cities: filters.cities.clone(),
        organizers: filters.organizers.clone(),
        series: filters.series.clone(),
        text: filters.text.trim().to_owned(),
        ..Filters::default()
    }
}

/// The query string (without `?`) of the subscription to a view: its
/// [`subscription_filters`] and `lang`, in `docs/links.md`'s canonical form.
pub fn subscription_query(filters: &Filters, lang: Option<Lang>) -> String {
    ViewState { lang, filters: subscription_filters(filters), ..ViewState::default() }.to_query()
}

/// The feed's events in the subscription to `filters` (only its
/// [`subscription_filters`] count), by index, in feed order: those the
/// filters let through that ended less than [`PAST_DAYS`] before `now` (an
/// all-day event ends at midnight after its last day in its own zone).
pub fn select(
    feed: &Feed,
    index: &SearchIndex,
    filters: &Filters,
    rules: &dyn ZoneRules,
    now: DateTime<Utc>,
) -> Vec<usize> {
    let filters = subscription_filters(filters);
    // No time filter is left: the viewer's zone and week are never read.
    let viewer = Viewer { now, rules, zone: "UTC", week_starts: Weekday::Mon };
    let since = now - Duration::days(PAST_DAYS);
    filter::apply(feed, index, &filters, &viewer)
        .into_iter()
        .zip(&feed.events)
        .enumerate()
        .filter(|(_, (kept, event))| *kept && end_instant(event, rules, event.zone.as_deref().unwrap_or("UTC")) > since)
        .map(|(i, _)| i)
        .collect()
}

/// The calendar's name: the feed's name (or "Citycal"), then what the
/// filters choose, in `lang` where the feed or the words have it: theme,
/// organizer and series names from the feed, formats in words, languages by
/// their own names, countries as codes, cities as written, the search in
/// quotes. Values of one facet are joined by " / " (any of them), facets by
/// " · " (all of them): "Citycal sample feed — Social inclusion / Climate · Torino".
/// No comma of our own: `X-WR-CALNAME` is read as escaped TEXT by some
/// clients and as it is by others (ical.js), and a comma is escaped.
pub fn calendar_name(feed: &Feed, filters: &Filters, lang: Option<Lang>) -> String {
    let tag = lang.map_or("", Lang::tag);
    let feed_name = feed.name.pick(tag, &[]).map_or("Citycal", |p| p.text.trim()).to_owned();
    let filters = subscription_filters(filters);
    let localizer = (!filters.formats.is_empty()).then(|| Localizer::new(lang.unwrap_or_default()));
    let mut parts: Vec<String> = Vec::new();
    for facet in Facet::ALL {
        let names: Vec<String> = filters
            .values(facet)
            .into_iter()
            .map(|value| {
                match facet {
                    Facet::Theme => feed.theme(&value).and_then(|t| t.label.pick(tag, &[])).map(|p| p.text.to_owned()),
                    Facet::Organizer => {
                        feed.organization(&value).and_then(|o| o.name.pick(tag, &[])).map(|p| p.text.to_owned())
                    }
                    Facet::Series => {
                        feed.series_by_id(&value).and_then(|s| s.title.pick(tag, &[])).map(|p| p.text.to_owned())
                    }
                    Facet::Source => feed.source(&value).and_then(|s| s.name.pick(tag, &[])).map(|p| p.text.to_owned()),
                    Facet::Spoken => Lang::from_tag(&value).map(|l| l.self_name().to_owned()),
                    Facet::Format => localizer.as_ref().and_then(|words| {
                        let id = match filter::format_from_name(&value)? {
                            Format::Online => words.t("format-online"),
                            Format::InPerson => words.t("format-in-person"),
                            Format::Hybrid => words.t("format-hybrid"),
                        };
                        Some(id)
                    }),
                    Facet::Country | Facet::City => None,
                }
                .unwrap_or(value)
            })
            .collect();
        if !names.is_empty() {
            parts.push(names.join(" / "));
        }
    }
    if !filters.text.is_empty() {
        let (open, close) = match lang.unwrap_or_default() {
            Lang::En => ('“', '”'),
            Lang::Es => ('«', '»'),
            Lang::Ro => ('„', '”'),
        };
        parts.push(format!("{open}{}{close}", filters.text));
    }
    if parts.is_empty() {
        feed_name
    } else {
        format!("{feed_name} — {}", parts.join(" · "))
    }
}

/// Where the calendar is published from, and when.
pub struct Publish<'a> {
    /// The app's address (http(s)): each event links to its page there.
    /// `None`: events carry no link.
    pub app_url: Option<&'a str>,
    /// Makes UIDs (`<event id>@<domain>`) globally unique; keep it fixed, or
    /// subscribers see every event twice.
    pub uid_domain: &'a str,
    pub now: DateTime<Utc>,
}

/// The subscription to `filters` in `lang` as one iCalendar object
/// ([`select`], named by [`calendar_name`], written by [`ics::calendar`]);
/// `revision` says each event's revision (see `ics`'s notes), `None` when
/// the publisher keeps none.
pub fn write(
    feed: &Feed,
    index: &SearchIndex,
    rules: &dyn ZoneRules,
    filters: &Filters,
    lang: Option<Lang>,
    publish: &Publish,
    revision: &dyn Fn(&Event) -> Option<Revision>,
) -> String {
    let entries: Vec<Entry> = select(feed, index, filters, rules, publish.now)
        .into_iter()
        .map(|i| {
            let event = &feed.events[i];
            let page_url = publish.app_url.map(|app| event_page(app, &event.id, lang)).unwrap_or_default();
            Entry { event, page_url, revision: revision(event) }
        })
        .collect();
    let name = calendar_name(feed, filters, lang);
    let head = ics::Calendar {
        name: &name,
        lang: lang.map_or("", Lang::tag),
        uid_domain: publish.uid_domain,
        now: publish.now,
    };
    ics::calendar(feed, &entries, rules, &head)
}

/// An event's page in the app at `app_url` (its query and fragment dropped).
fn event_page(app_url: &str, id: &str, lang: Option<Lang>) -> String {
    let app = app_url.split(['?', '#']).next().unwrap_or(app_url);
    let query = ViewState { event: Some(id.to_owned()), lang, ..ViewState::default() }.to_query();
    format!("{app}?{query}")
}

/// The UID domain when the app's address is not known (as the app's own
/// `.ics` download says when its page has no host).
pub const DEFAULT_UID_DOMAIN: &str = "citycal.invalid";

/// The UID domain for an app at `app_url`: its host (and port), as the
/// app's own `.ics` download writes it (`location.host`), so an event has
/// one UID wherever it comes from; [`DEFAULT_UID_DOMAIN`] without one.
pub fn uid_domain(app_url: Option<&str>) -> String {
    app_url
        .map(str::trim)
        .filter(|u| is_http_url(u))
        .and_then(|u| {
            let after = &u[u.find("://")? + 3..];
            let authority = &after[..after.find(['/', '?', '#']).unwrap_or(after.len())];
            let host = authority.rsplit('@').next().unwrap_or(authority);
            (!host.is_empty()).then(|| host.to_ascii_lowercase())
        })
        .unwrap_or_else(|| DEFAULT_UID_DOMAIN.to_owned())
}

/// A subscription's address, and whether it holds exactly the view's
/// [`subscription_filters`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Subscription {
    /// `https://…` (or `http://` when the app is served so); [`webcal`] gives the other form.
    pub url: String,
    /// False when a static deployment has no file for these filters: `url`
    /// is then [`CALENDAR_FILE`], every event, and the button should say so.
    pub exact: bool,
}

/// The subscription to a view with `filters`, for a visitor reading `lang`.
///
/// `calendar` is the config's `calendar` (the server's `calendar.ics`, a
/// path relative to the app or an http(s) URL); with it the address carries
/// [`subscription_query`]. Without it (a static deployment), the build's
/// files next to the app: the theme's file when the view chooses exactly
/// one theme and nothing else, [`CALENDAR_FILE`] otherwise (`exact` false
/// when the view chose anything). `app_url` is the app's own address (the
/// page `config.json` is relative to), against which relative locations
/// resolve; `None` when it is not http(s).
pub fn subscription_url(calendar: Option<&str>, app_url: &str, filters: &Filters, lang: Lang) -> Option<Subscription> {
    let chosen = subscription_filters(filters);
    if let Some(calendar) = calendar.map(str::trim).filter(|c| !c.is_empty()) {
        let base = resolve(app_url, calendar)?;
        let query = subscription_query(&chosen, Some(lang));
        let joiner = if base.contains('?') { '&' } else { '?' };
        return Some(Subscription { url: format!("{base}{joiner}{query}"), exact: true });
    }
    let one_theme = match chosen.themes.as_slice() {
        [theme] if chosen == (Filters { themes: vec![theme.clone()], ..Filters::default() }) => theme_file(theme),
        _ => None,
    };
    match one_theme {
        Some(file) => Some(Subscription { url: resolve(app_url, &file)?, exact: true }),
        None => Some(Subscription { url: resolve(app_url, CALENDAR_FILE)?, exact: chosen.is_empty() }),
    }
}

/// The `webcal://` form of an http(s) address, which offers the visitor's
/// calendar app to subscribe; any other text is returned as it is.
pub fn webcal(url: &str) -> String {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    if lower.starts_with("https://") {
        format!("webcal://{}", &url[8..])
    } else if lower.starts_with("http://") {
        format!("webcal://{}", &url[7..])
    } else {
        url.to_owned()
    }
}

/// Google Calendar's "add by URL" link for a subscription (its `webcal://`
/// form, as Google's own buttons write it).
pub fn google_subscribe_url(url: &str) -> String {
    format!("https://calendar.google.com/calendar/render?cid={}", query_value(&webcal(url)))
}

/// Outlook.com's "subscribe from web" link for a subscription named `name`
/// (`office`: Microsoft 365's, for work and school accounts).
pub fn outlook_subscribe_url(url: &str, name: &str, office: bool) -> String {
    let host = if office { "outlook.office.com" } else { "outlook.live.com" };
    format!("https://{host}/calendar/0/addfromweb?url={}&name={}", query_value(url), query_value(name))
}

/// `value` percent-encoded for a query string (spaces as `%20`).
fn query_value(value: &str) -> String {
    form_urlencoded::byte_serialize(value.as_bytes()).collect::<String>().replace('+', "%20")
}

/// `reference` (an http(s) URL, or a path relative to `base`, as the config
/// allows) resolved against `base`, an http(s) URL (RFC 3986 §5.2, for the
/// references a config can hold: absolute paths, relative paths with `.`
/// and `..`, a query). `None` when `base` is not http(s) or `reference` is
/// neither kind.
pub fn resolve(base: &str, reference: &str) -> Option<String> {
    let reference = reference.trim();
    if is_http_url(reference) {
        return Some(reference.to_owned());
    }
    let path_end = reference.find(['?', '#']).unwrap_or(reference.len());
    let (ref_path, ref_tail) = reference.split_at(path_end);
    let first_segment = ref_path.split('/').next().unwrap_or("");
    if first_segment.contains(':') || reference.starts_with("//") || reference.is_empty() {
        return None;
    }
    let base = base.trim();
    if !is_http_url(base) {
        return None;
    }
    let scheme_end = base.find("://")? + 3;
    let after = &base[scheme_end..];
    let authority_end = scheme_end + after.find(['/', '?', '#']).unwrap_or(after.len());
    let origin = &base[..authority_end];
    let rest = &base[authority_end..];
    let base_path = &rest[..rest.find(['?', '#']).unwrap_or(rest.len())];
    let path = if ref_path.starts_with('/') {
        ref_path.to_owned()
    } else if ref_path.is_empty() {
        if base_path.is_empty() {
            "/".to_owned()
        } else {
            base_path.to_owned()
        }
    } else {
        let directory = base_path.rfind('/').map_or("/", |at| &base_path[..=at]);
        format!("{directory}{ref_path}")
    };
    Some(format!("{origin}{}{ref_tail}", remove_dot_segments(&path)))
}

/// RFC 3986 §5.2.4 for a path starting with `/`.
fn remove_dot_segments(path: &str) -> String {
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let last = segments.len().saturating_sub(1);
    let mut out: Vec<&str> = Vec::new();
    for (i, segment) in segments.into_iter().enumerate() {
        match segment {
            "." => {}
            ".." => {
                out.pop();
            }
            s => out.push(s),
        }
        // A path ending in `.` or `..` names a directory.
        if i == last && matches!(segment, "." | "..") {
            out.push("");
        }
    }
    format!("/{}", out.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{EventStatus, Organization, Text, Theme, When};
    use crate::tzdb::Tzdb;

    fn text(s: &str) -> Text {
        Text(vec![("en".into(), s.into()), ("ro".into(), format!("{s} (ro)"))])
    }

    fn event(id: &str, start: &str, hours: i64, themes: &[&str]) -> Event {
        let start: DateTime<Utc> = start.parse().unwrap();
        let mut e = Event::new(id, id, When::Timed { start, end: start + Duration::hours(hours) });
        e.zone = Some("Europe/Bucharest".into());
        e.themes = themes.iter().map(|t| t.to_string()).collect();
        e
    }

    fn feed() -> Feed {
        let theme = |id: &str, label: &str| Theme {
            id: id.into(),
            label: text(label),
            colour: None,
            shades: Default::default(),
        };
        let mut cancelled = event("cancelled", "2026-12-20T10:00:00Z", 2, &["climate"]);
        cancelled.status = EventStatus::Cancelled;
        let mut online = event("online-es", "2027-01-10T15:00:00Z", 1, &["housing"]);
        online.languages = vec!["es".into()];
        online.organizers = vec!["torino".into()];
        let mut day = Event::new(
            "day",
            "Day",
            When::AllDay { first: "2026-11-05".parse().unwrap(), last: "2026-11-06".parse().unwrap() },
        );
        day.zone = Some("Pacific/Auckland".into());
        Feed {
            name: text("Sample"),
            themes: vec![theme("climate", "Climate"), theme("housing", "Housing"), theme("a b", "Odd id")],
            organizations: vec![Organization {
                id: "torino".into(),
                name: text("Città di Torino"),
                url: None,
                city: Some("Torino".into()),
                country: Some("IT".into()),
            }],
            events: vec![
                event("long-ago", "2026-10-01T10:00:00Z", 2, &["climate"]),
                day,
                event("recent", "2026-11-20T10:00:00Z", 2, &["climate"]),
                event("now-on", "2026-12-06T09:00:00Z", 3, &["housing"]),
                cancelled,
                online,
            ],
            ..Feed::default()
        }
    }

    fn now() -> DateTime<Utc> {
        "2026-12-06T10:00:00Z".parse().unwrap()
    }

    fn filters(query: &str) -> Filters {
        ViewState::from_query(query, &Tzdb).0.filters
    }

    #[test]
    fn a_subscription_holds_the_views_facets_from_thirty_days_ago() {
        let feed = feed();
        let index = SearchIndex::new(&feed);
        let cases: [(&str, &[&str]); 8] = [
            // "day" ended at midnight Auckland time on 7 November: 29 days ago.
            ("", &["day", "recent", "now-on", "cancelled", "online-es"]),
            ("theme=climate", &["recent", "cancelled"]),
            ("theme=climate&theme=housing", &["recent", "now-on", "cancelled", "online-es"]),
            ("city=torino", &["online-es"]),
            ("spoken=es&theme=climate", &[]),
            ("q=RECENT", &["recent"]),
            // Time filters and the view's own parameters are not the subscription's.
            (
                "when=recorded&from=2027-01-01&hours=09:00-10:00&view=week&date=2020-01-01&tz=Asia/Tokyo&theme=housing",
                &["now-on", "online-es"],
            ),
            ("unknown=1&org=torino", &["online-es"]),
        ];
        for (query, want) in cases {
            let got: Vec<&str> = select(&feed, &index, &filters(query), &Tzdb, now())
                .into_iter()
                .map(|i| feed.events[i].id.as_str())
                .collect();
            assert_eq!(got, want, "{query}");
        }
        // A day later, the all-day event is over 30 days.
        let later = now() + Duration::days(1);
        assert!(!select(&feed, &index, &Filters::default(), &Tzdb, later).contains(&1));
    }

    #[test]
    fn the_calendar_is_named_in_the_language_asked() {
        let feed = feed();
        let cases = [
            ("", None, "Sample"),
            ("", Some(Lang::Ro), "Sample (ro)"),
            ("theme=climate&theme=housing", Some(Lang::En), "Sample — Climate / Housing"),
            ("theme=climate&format=online&city=Torino", Some(Lang::Ro), "Sample (ro) — Climate (ro) · Online · Torino"),
            ("format=in_person&format=hybrid", Some(Lang::Es), "Sample — Presencial / Híbrido"),
            (
                "spoken=es&spoken=de&country=it&org=torino&org=gone",
                Some(Lang::En),
                "Sample — Español / de · IT · Città di Torino / gone",
            ),
            ("q=heat+plans&theme=nope", Some(Lang::Es), "Sample — nope · «heat plans»"),
            ("q=x", Some(Lang::Ro), "Sample (ro) — „x”"),
            ("q=x&when=upcoming", None, "Sample — “x”"),
        ];
        for (query, lang, want) in cases {
            assert_eq!(calendar_name(&feed, &filters(query), lang), want, "{query} {lang:?}");
        }
        assert_eq!(calendar_name(&Feed::default(), &Filters::default(), None), "Citycal");
    }

    #[test]
    fn the_written_calendar_links_each_event_and_keeps_uids_stable() {
        let feed = feed();
        let index = SearchIndex::new(&feed);
        let publish =
            Publish { app_url: Some("https://cal.example/app/?view=month"), uid_domain: "cal.example", now: now() };
        let revision = |e: &Event| (e.id == "cancelled").then(|| Revision { sequence: 2, modified: now() });
        let ics = write(&feed, &index, &Tzdb, &filters("theme=climate"), Some(Lang::Ro), &publish, &revision);
        let unfolded = ics.replace("\r\n ", "");
        for line in [
            "X-WR-CALNAME:Sample (ro) — Climate (ro)",
            "UID:cancelled@cal.example",
            "URL:https://cal.example/app/?event=cancelled&lang=ro",
            "STATUS:CANCELLED",
            "SEQUENCE:2",
            "SUMMARY;LANGUAGE=en:recent",
            "CATEGORIES:Climate (ro)",
        ] {
            assert!(unfolded.split("\r\n").any(|l| l == line), "{line}:\n{unfolded}");
        }
        assert_eq!(unfolded.matches("BEGIN:VEVENT").count(), 2);
        // Nothing in it depends on the language but words and links.
        let en = write(&feed, &index, &Tzdb, &filters("theme=climate"), None, &publish, &revision);
        let uids =
            |ics: &str| ics.split("\r\n").filter(|l| l.starts_with("UID:")).map(str::to_owned).collect::<Vec<_>>();
        assert_eq!(uids(&ics), uids(&en));
    }

    #[test]
    fn static_files_one_for_all_and_one_per_plain_theme() {
        let files: Vec<(String, Vec<String>)> = static_files(&feed()).into_iter().map(|(n, f)| (n, f.themes)).collect();
        assert_eq!(
            files,
            [
                ("calendar.ics".into(), vec![]),
                ("calendar-climate.ics".into(), vec!["climate".into()]),
                ("calendar-housing.ics".into(), vec!["housing".into()]),
            ]
        );
        for (id, want) in [
            ("social-inclusion", Some("calendar-social-inclusion.ics")),
            ("v2.0_x", Some("calendar-v2.0_x.ics")),
            ("../etc", None),
            (".hidden", None),
            ("a/b", None),
            ("ü", None),
            ("", None),
        ] {
            assert_eq!(theme_file(id).as_deref(), want, "{id}");
        }
    }

    #[test]
    fn subscription_urls_with_a_server_or_the_static_files() {
        let app = "https://city.example/calendar/index.html?view=week&theme=climate#top";
        // (config calendar, view query, language, expected address and exactness)
        type Case<'a> = (Option<&'a str>, &'a str, Lang, Option<(&'a str, bool)>);
        let cases: [Case; 12] = [
            (
                Some("https://api.example/calendar.ics"),
                "theme=climate&city=Gda%C5%84sk&view=week&hours=09:00-18:00",
                Lang::Ro,
                Some(("https://api.example/calendar.ics?lang=ro&theme=climate&city=Gda%C5%84sk", true)),
            ),
            (Some("/api/calendar.ics"), "", Lang::En, Some(("https://city.example/api/calendar.ics?lang=en", true))),
            (
                Some("calendar.ics"),
                "q=heat+plans",
                Lang::Es,
                Some(("https://city.example/calendar/calendar.ics?lang=es&q=heat+plans", true)),
            ),
            (
                Some("../cal/feed.ics?site=7"),
                "org=x",
                Lang::En,
                Some(("https://city.example/cal/feed.ics?site=7&lang=en&org=x", true)),
            ),
            (Some("  "), "", Lang::En, Some(("https://city.example/calendar/calendar.ics", true))),
            (None, "", Lang::En, Some(("https://city.example/calendar/calendar.ics", true))),
            (
                None,
                "theme=climate&when=upcoming",
                Lang::Ro,
                Some(("https://city.example/calendar/calendar-climate.ics", true)),
            ),
            (
                None,
                "theme=climate&format=online",
                Lang::En,
                Some(("https://city.example/calendar/calendar.ics", false)),
            ),
            (
                None,
                "theme=climate&theme=housing",
                Lang::En,
                Some(("https://city.example/calendar/calendar.ics", false)),
            ),
            (None, "theme=a%2Fb", Lang::En, Some(("https://city.example/calendar/calendar.ics", false))),
            (None, "city=Torino", Lang::En, Some(("https://city.example/calendar/calendar.ics", false))),
            (Some("javascript:alert(1)"), "", Lang::En, None),
        ];
        for (calendar, query, lang, want) in cases {
            let got = subscription_url(calendar, app, &filters(query), lang);
            let want = want.map(|(url, exact)| Subscription { url: url.into(), exact });
            assert_eq!(got, want, "{calendar:?} {query}");
        }
        assert_eq!(subscription_url(None, "file:///tmp/index.html", &Filters::default(), Lang::En), None);
        assert_eq!(webcal("https://city.example/calendar.ics?lang=ro"), "webcal://city.example/calendar.ics?lang=ro");
        assert_eq!(webcal("HTTP://127.0.0.1:8081/calendar.ics"), "webcal://127.0.0.1:8081/calendar.ics");
        assert_eq!(webcal("webcal://x"), "webcal://x");
    }

    #[test]
    fn uids_are_at_the_apps_host() {
        for (app, want) in [
            (Some("https://Cal.Example/app/?x=1"), "cal.example"),
            (Some("http://127.0.0.1:8080/"), "127.0.0.1:8080"),
            (Some("https://user@cal.example#x"), "cal.example"),
            (Some("file:///tmp/x"), "citycal.invalid"),
            (None, "citycal.invalid"),
        ] {
            assert_eq!(uid_domain(app), want, "{app:?}");
        }
    }

    #[test]
    fn relative_locations_resolve_against_the_app() {
        let cases = [
            ("https://a.example/x/y/index.html?q=1#f", "calendar.ics", Some("https://a.example/x/y/calendar.ics")),
            ("https://a.example/x/y/", "../z/c.ics", Some("https://a.example/x/z/c.ics")),
            ("https://a.example/x/y/", "./c.ics?lang=ro", Some("https://a.example/x/y/c.ics?lang=ro")),
            ("https://a.example/x/y/", "../../../../c.ics", Some("https://a.example/c.ics")),
            ("https://a.example/x/y/", "/c.ics", Some("https://a.example/c.ics")),
            ("https://a.example/x/y/", "..", Some("https://a.example/x/")),
            ("https://a.example", "c.ics", Some("https://a.example/c.ics")),
            ("http://127.0.0.1:8080/?view=list", "calendar.ics", Some("http://127.0.0.1:8080/calendar.ics")),
            ("https://a.example:8443?x", "c/./d.ics", Some("https://a.example:8443/c/d.ics")),
            ("https://a.example/x/", "https://b.example/c.ics", Some("https://b.example/c.ics")),
            ("https://a.example/x/", "//b.example/c.ics", None),
            ("https://a.example/x/", "data:text/calendar,x", None),
            ("https://a.example/x/", "", None),
            ("about:blank", "c.ics", None),
        ];
        for (base, reference, want) in cases {
            assert_eq!(resolve(base, reference).as_deref(), want, "{base} + {reference}");
        }
    }

    #[test]
    fn add_by_url_links() {
        assert!(outlook_subscribe_url("https://a.example/c.ics", "N", true)
            .starts_with("https://outlook.office.com/calendar/0/addfromweb?url=https%3A%2F%2Fa.example%2Fc.ics"));
        let url = "https://cal.example.org/calendar.ics?theme=a&lang=es";
        assert_eq!(
            google_subscribe_url(url),
            "https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Fcal.example.org%2Fcalendar.ics%3Ftheme%3Da%26lang%3Des"
        );
        assert_eq!(
            outlook_subscribe_url(url, "Red de ciudades + más", false),
            "https://outlook.live.com/calendar/0/addfromweb?url=https%3A%2F%2Fcal.example.org%2Fcalendar.ics%3Ftheme%3Da%26lang%3Des&name=Red%20de%20ciudades%20%2B%20m%C3%A1s"
        );
    }
}
