//! The URL query string: Citycal's public link interface (`docs/links.md`).
//!
//! Partners link to `?view=week&date=2027-03-10&lang=es`, so every parameter
//! here is a promise. [`ViewState::from_query`] is tolerant: a value it cannot
//! use is dropped and reported as a [`QueryIssue`]; [`ViewState::to_query`]
//! writes the canonical form back. Parameters that are not Citycal's (a host
//! page's own) are kept as they were, in order.

use chrono::NaiveDate;

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
    /// Parameters that are not Citycal's, kept in order.
    pub other: Vec<(String, String)>,
}

/// A parameter whose value was not understood and was ignored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryIssue {
    pub param: String,
    pub value: String,
}

/// Citycal's parameter names, in the order `to_query` writes them.
pub const PARAMS: [&str; 6] = ["view", "date", "event", "past", "lang", "tz"];

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
                    _ => zones.is_known(&value).then(|| state.tz = Some(value.clone())).is_some(),
                };
            seen.push(param);
            if !accepted {
                issues.push(QueryIssue { param: param.to_owned(), value });
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
            out.append_pair("date", &date.format("%Y-%m-%d").to_string());
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
        for (key, value) in &self.other {
            out.append_pair(key, value);
        }
        out.finish()
    }

    /// This state with the event page closed.
    pub fn without_event(&self) -> ViewState {
        ViewState { event: None, ..self.clone() }
    }
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
    fn foreign_parameters_survive_a_round_trip() {
        let query = "page_id=42&view=day&utm_source=news+letter&date=2026-11-23";
        let (state, _) = ViewState::from_query(query, &FixedZone(0));
        assert_eq!(state.other, vec![("page_id".into(), "42".into()), ("utm_source".into(), "news letter".into())]);
        assert_eq!(state.to_query(), "view=day&date=2026-11-23&page_id=42&utm_source=news+letter");
    }
}
