//! The URL query string: Citycal's public link interface (`docs/links.md`).
//!
//! Partners link to `?view=week&date=2027-03-10&lang=es`, so every parameter
//! here is a promise. [`ViewState::from_query`] is tolerant: a value it cannot
//! use is dropped and reported as a [`QueryIssue`]; [`ViewState::to_query`]
//! writes the canonical form back. Parameters that are not Citycal's (a host
//! page's own) are kept as they were, in order.

use chrono::NaiveDate;

use crate::colour::Rgb;
use crate::filter::{format_from_name, format_name, Facet, Filters, Hours, Period};
use crate::i18n::Lang;
use crate::time::ZoneRules;
use crate::validate::{is_valid_id, parse_date};

/// How the calendar shows a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum View {
    Month,
    Week,
    Day,
    List,
}

impl View {
    pub const ALL: [View; 4] = [View::Month, View::Week, View::Day, View::List];

    pub fn name(self) -> &'static str {
        match self {
            View::Month => "month",
            View::Week => "week",
            View::Day => "day",
            View::List => "list",
        }
    }

    pub fn from_name(name: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.name() == name)
    }
}

/// Everything a link can fix. `None` means "the default for this visitor":
/// the view suited to the screen, today, their own language and zone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub view: Option<View>,
    pub date: Option<NaiveDate>,
    /// The event whose page is open.
    pub event: Option<String>,
    /// The list shows past events (newest first) instead of upcoming ones.
    pub past: bool,
    pub lang: Option<Lang>,
    pub tz: Option<String>,
    /// An embedding site's accent colour (`accent=8a1538`, the builder's
    /// iframe snippet): buttons, links and the selection take it.
    pub accent: Option<Rgb>,
    /// What the visitor (or the embedding site) narrowed the calendar to.
    pub filters: Filters,
    /// Parameters that are not Citycal's, kept in order.
    pub other: Vec<(String, String)>,
}

/// A parameter whose value was not understood and was ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryIssue {
    pub param: String,
    pub value: String,
}

/// Citycal's parameter names, in the order `to_query` writes them. Facet
/// parameters may repeat (`theme=a&theme=b`); the others are read once.
pub const PARAMS: [&str; 20] = [
    "view", "date", "event", "past", "lang", "tz", "accent", "theme", "spoken", "format", "country", "city", "org",
    "series", "source", "when", "from", "to", "hours", "q",
];

/// Longest bad value a notice repeats: a link can carry megabytes.
const MAX_SHOWN_VALUE_CHARS: usize = 60;

/// A bad value as the notice shows it: cut to `MAX_SHOWN_VALUE_CHARS`.
fn shown_value(value: &str) -> String {
    match value.char_indices().nth(MAX_SHOWN_VALUE_CHARS) {
        Some((cut, _)) => format!("{}…", &value[..cut]),
        None => value.to_owned(),
    }
}

/// Longest search text kept from a link.
const MAX_SEARCH_CHARS: usize = 200;

impl ViewState {
    /// Reads a query string (with or without the leading `?`). The first
    /// occurrence of a parameter wins; later ones are reported.
    pub fn from_query(query: &str, zones: &dyn ZoneRules) -> (ViewState, Vec<QueryIssue>) {
        let mut state = ViewState::default();
        let mut issues = Vec::new();
        let mut seen: Vec<&str> = Vec::new();
        let query = query.strip_prefix('?').unwrap_or(query);
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            let Some(param) = PARAMS.into_iter().find(|p| *p == key) else {
                state.other.push((key.into_owned(), value.into_owned()));
                continue;
            };
            let value = value.trim().to_owned();
            if let Some(facet) = Facet::ALL.into_iter().find(|f| f.param() == param) {
                if !add_facet_value(&mut state.filters, facet, &value) {
                    issues.push(QueryIssue { param: param.to_owned(), value: shown_value(&value) });
                }
                continue;
            }
            let filters = &mut state.filters;
            let accepted = !seen.contains(&param)
                && match param {
                    "view" => View::from_name(&value).map(|v| state.view = Some(v)).is_some(),
                    "date" => parse_date(&value).map(|d| state.date = Some(d)).is_some(),
                    "event" => is_valid_id(&value).then(|| state.event = Some(value.clone())).is_some(),
                    "past" => match value.as_str() {
                        "1" | "true" => {
                            state.past = true;
                            true
                        }
                        "0" | "false" => true,
                        _ => false,
                    },
                    "lang" => Lang::from_tag(&value).map(|l| state.lang = Some(l)).is_some(),
                    "tz" => zones.is_known(&value).then(|| state.tz = Some(value.clone())).is_some(),
                    "accent" => Rgb::parse(&value)
                        .or_else(|| Rgb::parse(&format!("#{value}")))
                        .map(|c| state.accent = Some(c))
                        .is_some(),
                    "when" => Period::from_name(&value).map(|p| filters.period = Some(p)).is_some(),
                    "from" => parse_date(&value).map(|d| filters.from = Some(d)).is_some(),
                    "to" => parse_date(&value).map(|d| filters.to = Some(d)).is_some(),
                    "hours" => Hours::parse(&value).map(|h| filters.hours = Some(h)).is_some(),
                    _ => {
                        filters.text = value.chars().take(MAX_SEARCH_CHARS).collect();
                        true
                    }
                };
            seen.push(param);
            if !accepted {
                issues.push(QueryIssue { param: param.to_owned(), value: shown_value(&value) });
            }
        }
        // A `to` before `from` is refused wherever it stands in the link
        // (the panel refuses the same range: `DateRange::is_ordered`).
        if !state.filters.dates().is_ordered() {
            if let Some(to) = state.filters.to.take() {
                issues.push(QueryIssue { param: "to".to_owned(), value: to.to_string() });
            }
        }
        (state, issues)
    }

    /// The canonical query string, without `?`; empty when everything is default.
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if let Some(view) = self.view {
            out.append_pair("view", view.name());
        }
        if let Some(date) = self.date {
            out.append_pair("date", &date.to_string());
        }
        if let Some(event) = &self.event {
            out.append_pair("event", event);
        }
        if self.past {
            out.append_pair("past", "1");
        }
        if let Some(lang) = self.lang {
            out.append_pair("lang", lang.tag());
        }
        if let Some(tz) = &self.tz {
            out.append_pair("tz", tz);
        }
        if let Some(accent) = self.accent {
            out.append_pair("accent", &accent.hex()[1..]);
        }
        let f = &self.filters;
        for facet in Facet::ALL {
            for value in f.values(facet) {
                out.append_pair(facet.param(), &value);
            }
        }
        if let Some(period) = f.period {
            out.append_pair("when", period.name());
        }
        if let Some(from) = f.from {
            out.append_pair("from", &from.to_string());
        }
        if let Some(to) = f.to {
            out.append_pair("to", &to.to_string());
        }
        if let Some(hours) = f.hours {
            out.append_pair("hours", &hours.to_text());
        }
        if !f.text.trim().is_empty() {
            out.append_pair("q", f.text.trim());
        }
        for (key, value) in &self.other {
            out.append_pair(key, value);
        }
        out.finish()
    }

    /// This state with other filters.
    pub fn with_filters(&self, filters: Filters) -> ViewState {
        ViewState { filters, ..self.clone() }
    }
}

/// Adds a facet value from a link; `false` when it cannot be one.
fn add_facet_value(filters: &mut Filters, facet: Facet, value: &str) -> bool {
    let value = match facet {
        Facet::Format => match format_from_name(&value.replace('-', "_")) {
            Some(f) => format_name(f).to_owned(),
            None => return false,
        },
        Facet::Country if value.len() == 2 && value.chars().all(|c| c.is_ascii_alphabetic()) => {
            value.to_ascii_uppercase()
        }
        Facet::Country => return false,
        Facet::Spoken if is_language_tag(value) => value.to_ascii_lowercase(),
        Facet::Spoken => return false,
        _ if is_valid_id(value) => value.to_owned(),
        _ => return false,
    };
    let mut values = filters.values(facet);
    if !values.contains(&value) {
        values.push(value);
        filters.set_values(facet, values);
    }
    true
}

/// A plausible BCP 47 tag: a 2–3 letter primary subtag, then subtags.
fn is_language_tag(value: &str) -> bool {
    let primary = value.split('-').next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::FixedZone;

    fn check(query: &str, expected: ViewState, bad: &[(&str, &str)]) {
        let (state, issues) = ViewState::from_query(query, &FixedZone(0));
        assert_eq!(state, expected, "{query}");
        let issues: Vec<(&str, &str)> = issues.iter().map(|i| (i.param.as_str(), i.value.as_str())).collect();
        assert_eq!(issues, bad, "{query}");
    }

    #[test]
    fn reads_an_accent_colour_with_or_without_its_hash() {
        let accent = Some(crate::colour::Rgb([0x8a, 0x15, 0x38]));
        for query in ["accent=8a1538", "accent=%238A1538", "accent=%23a00&accent=8a1538"] {
            let (state, _) = ViewState::from_query(query, &FixedZone(0));
            if query.contains("a00") {
                assert_eq!(state.accent, Some(crate::colour::Rgb([0xaa, 0, 0])), "{query}");
                continue;
            }
            assert_eq!(state.accent, accent, "{query}");
            assert_eq!(state.to_query(), "accent=8a1538");
        }
        check("accent=red", ViewState::default(), &[("accent", "red")]);
        check("accent=%23ggg", ViewState::default(), &[("accent", "#ggg")]);
    }

    #[test]
    fn reads_every_parameter() {
        check(
            "?view=week&date=2027-03-10&event=e-urban-dialogues-2020&past=1&lang=es-MX&tz=America/Bogota",
            ViewState {
                view: Some(View::Week),
                date: NaiveDate::from_ymd_opt(2027, 3, 10),
                event: Some("e-urban-dialogues-2020".into()),
                past: true,
                lang: Some(Lang::Es),
                tz: Some("America/Bogota".into()),
                accent: None,
                filters: Filters::default(),
                other: vec![],
            },
            &[],
        );
        check("", ViewState::default(), &[]);
    }

    #[test]
    fn bad_values_are_dropped_and_reported() {
        check(
            "view=year&date=2027-02-30&event=%0A&past=maybe&lang=de",
            ViewState::default(),
            &[("view", "year"), ("date", "2027-02-30"), ("event", ""), ("past", "maybe"), ("lang", "de")],
        );
        check("date=27-3-1", ViewState::default(), &[("date", "27-3-1")]);
        check("view=list&view=month", ViewState { view: Some(View::List), ..Default::default() }, &[("view", "month")]);
    }

    #[test]
    fn huge_bad_values_are_reported_cut_short() {
        let huge = "9".repeat(100_000);
        let (state, issues) = ViewState::from_query(&format!("date={huge}&view=ü{huge}"), &FixedZone(0));
        assert_eq!(state.date, None);
        assert_eq!(state.view, None);
        assert_eq!(issues[0].value, format!("{}…", "9".repeat(60)));
        assert_eq!(issues[1].value.chars().count(), 61);
        assert!(issues[1].value.starts_with('ü'));
    }

    #[test]
    fn filters_read_from_repeated_parameters() {
        let (state, issues) = ViewState::from_query(
            "theme=climate&theme=mobility&format=in-person&format=webinar&country=ro&city=Gda%C5%84sk&spoken=es\
             &when=recorded&from=2027-01-01&to=2026-01-01&hours=09:00-18:00&q=+Ia%C8%99i+",
            &FixedZone(0),
        );
        let f = &state.filters;
        assert_eq!(f.themes, vec!["climate", "mobility"]);
        assert_eq!(f.formats, vec![crate::feed::Format::InPerson]);
        assert_eq!(
            (f.countries.clone(), f.cities.clone(), f.spoken.clone()),
            (vec!["RO".into()], vec!["Gdańsk".into()], vec!["es".into()])
        );
        assert_eq!(
            (f.period, f.from, f.to),
            (Some(Period::PastWithRecording), NaiveDate::from_ymd_opt(2027, 1, 1), None)
        );
        assert_eq!(f.hours, Hours::parse("09:00-18:00"));
        assert_eq!(f.text, "Iași");
        let bad: Vec<&str> = issues.iter().map(|i| i.param.as_str()).collect();
        assert_eq!(bad, vec!["format", "to"]);
        assert_eq!(
            state.to_query(),
            "theme=climate&theme=mobility&spoken=es&format=in_person&country=RO&city=Gda%C5%84sk&when=recorded&from=2027-01-01&hours=09%3A00-18%3A00&q=Ia%C8%99i"
        );
    }

    #[test]
    fn the_source_facet_repeats_like_the_others() {
        let (state, issues) =
            ViewState::from_query("source=cluj&theme=climate&source=torino&source=cluj&source=%0A", &FixedZone(0));
        assert_eq!(state.filters.sources, ["cluj", "torino"]);
        let bad: Vec<(&str, &str)> = issues.iter().map(|i| (i.param.as_str(), i.value.as_str())).collect();
        assert_eq!(bad, [("source", "")]);
        assert_eq!(state.to_query(), "theme=climate&source=cluj&source=torino");
        // `utm_source` is a host page's own, kept as it was.
        let (state, _) = ViewState::from_query("utm_source=x&source=a", &FixedZone(0));
        assert_eq!(
            (state.filters.sources, state.other),
            (vec!["a".to_owned()], vec![("utm_source".into(), "x".into())])
        );
    }

    #[test]
    fn a_to_before_from_is_refused_in_either_order() {
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let range = |from: &str, to: &str| ViewState {
            filters: Filters { from: day(from), to: day(to), ..Filters::default() },
            ..ViewState::default()
        };
        for query in ["from=2027-01-01&to=2026-01-01", "to=2026-01-01&from=2027-01-01"] {
            check(query, range("2027-01-01", ""), &[("to", "2026-01-01")]);
        }
        check("to=2027-01-01&from=2027-01-01", range("2027-01-01", "2027-01-01"), &[]);
        check("to=2027-01-01&from=2026-12-31", range("2026-12-31", "2027-01-01"), &[]);
        check("to=2027-01-01", range("", "2027-01-01"), &[]);
    }

    #[test]
    fn foreign_parameters_survive_a_round_trip() {
        let query = "page_id=42&view=day&utm_source=news+letter&date=2026-11-23";
        let (state, _) = ViewState::from_query(query, &FixedZone(0));
        assert_eq!(state.other, vec![("page_id".into(), "42".into()), ("utm_source".into(), "news letter".into())]);
        assert_eq!(state.to_query(), "view=day&date=2026-11-23&page_id=42&utm_source=news+letter");
    }
}
