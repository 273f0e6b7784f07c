//! Interface languages and their messages (Fluent files in `locales/`).
//!
//! Every visible string comes from here; code names messages by id through
//! [`Localizer::t`] / [`Localizer::t_args`] (or [`msg`] where an id is chosen
//! without being formatted), which is what the completeness test scans for.

use crate::ftl::{Catalog, Value};
use crate::validate::{FeedError, Problem};

/// The languages Citycal's interface is written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Es,
    Ro,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::Ro];

    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Ro => "ro",
        }
    }

    /// `es-MX` → Es, `ro-MD` → Ro; `None` for languages we do not speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| crate::feed::same_language(tag, l.tag()))
    }

    /// The language's name in itself ("Español"), as its `language-self-name`
    /// message says: a language picker names every language without loading
    /// every catalog.
    pub fn self_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
            Lang::Ro => "Română",
        }
    }

    /// The Fluent source for this language: every message (`main.ftl`,
    /// then `more.ftl`, which the app fetches apart with the parts that use it).
    pub fn source(self) -> &'static str {
        match self {
            Lang::En => {
                concat!(include_str!("../../../locales/en/main.ftl"), include_str!("../../../locales/en/more.ftl"))
            }
            Lang::Es => {
                concat!(include_str!("../../../locales/es/main.ftl"), include_str!("../../../locales/es/more.ftl"))
            }
            Lang::Ro => {
                concat!(include_str!("../../../locales/ro/main.ftl"), include_str!("../../../locales/ro/more.ftl"))
            }
        }
    }
}

/// The first candidate we speak, in order of preference; `None` if none.
pub fn negotiate<'a>(candidates: impl IntoIterator<Item = &'a str>) -> Option<Lang> {
    candidates.into_iter().find_map(Lang::from_tag)
}

/// The tag to format dates with: the visitor's own regional variant of `lang`
/// when they list one (`en-GB` writes "4 Dec", `en-US` "Dec 4"), else `lang`.
pub fn formatting_locale<'a>(lang: Lang, candidates: impl IntoIterator<Item = &'a str>) -> String {
    candidates.into_iter().find(|c| Lang::from_tag(c) == Some(lang)).unwrap_or(lang.tag()).to_owned()
}

/// Marks a string literal as a message id (for the completeness test).
pub const fn msg(id: &'static str) -> &'static str {
    id
}

/// A value for a message variable.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Str(String),
    /// Numbers select plural forms ("20 de evenimente").
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Num(n as f64)
    }
}

/// Formats messages in one language, falling back to English for any message
/// a translation lacks (the tests keep that from happening).
pub struct Localizer {
    lang: Lang,
    catalog: Catalog,
    /// Words fetched apart (the app's `more.ftl`).
    more: Option<Catalog>,
    english: Option<Catalog>,
}

impl Localizer {
    pub fn new(lang: Lang) -> Self {
        let english = (lang != Lang::En).then(|| Catalog::parse(Lang::En.source()));
        Localizer { lang, catalog: Catalog::parse(lang.source()), more: None, english }
    }

    /// A localizer over `source`, the language's Fluent file, without the
    /// English fallback: the app fetches one language's file only, and the
    /// tests (`tests/i18n.rs`) keep every message in every language.
    pub fn from_source(lang: Lang, source: &'static str) -> Self {
        Localizer { lang, catalog: Catalog::parse(source), more: None, english: None }
    }

    /// This localizer with the messages of `more` too, the words of a part
    /// of the app fetched apart (`more.ftl`).
    pub fn with_more(self, more: &'static str) -> Self {
        Localizer { more: Some(Catalog::parse(more)), ..self }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn t(&self, id: &str) -> String {
        self.t_args(id, &[])
    }

    pub fn t_args(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let values: Vec<(&str, Value)> = args
            .iter()
            .map(|(name, arg)| {
                let value = match arg {
                    Arg::Str(s) => Value::Str(s),
                    Arg::Num(n) => Value::Num(*n),
                };
                (*name, value)
            })
            .collect();
        let plural = |n| plural_category(self.lang, n);
        let own = self.catalog.format(id, &values, plural).or_else(|| self.more.as_ref()?.format(id, &values, plural));
        // English plural rules for English words.
        own.or_else(|| self.english.as_ref()?.format(id, &values, |n| plural_category(Lang::En, n)))
            .unwrap_or_else(|| id.to_owned())
    }

    /// Words for a feed-level failure.
    pub fn feed_error(&self, error: &FeedError) -> String {
        match error {
            FeedError::TooLarge { bytes } => {
                self.t_args("feed-error-too-large", &[("megabytes", Arg::Num((*bytes as f64 / 1_048_576.0).ceil()))])
            }
            FeedError::NotJson { line, column } => {
                self.t_args("feed-error-not-json", &[("line", (*line).into()), ("column", (*column).into())])
            }
            FeedError::NotAFeed { path } => {
                let path = if path.is_empty() { "/".to_owned() } else { path.clone() };
                self.t_args("feed-error-not-a-feed", &[("path", path.into())])
            }
            FeedError::UnsupportedVersion { found } => {
                self.t_args("feed-error-version", &[("found", found.as_str().into())])
            }
        }
    }

    /// Words for one problem in one event.
    pub fn problem(&self, problem: &Problem) -> String {
        let (id, args): (&str, Vec<(&str, Arg)>) = match problem {
            Problem::Missing { field } => (msg("problem-missing"), vec![("field", (*field).into())]),
            Problem::WrongType => (msg("problem-wrong-type"), vec![]),
            Problem::Empty => (msg("problem-empty"), vec![]),
            Problem::BadId => (msg("problem-bad-id"), vec![]),
            Problem::DuplicateId { id } => (msg("problem-duplicate-id"), vec![("id", id.as_str().into())]),
            Problem::BadDate { value } => (msg("problem-bad-date"), vec![("value", value.as_str().into())]),
            Problem::UnknownZone { zone } => (msg("problem-unknown-zone"), vec![("zone", zone.as_str().into())]),
            Problem::NoZone => (msg("problem-no-zone"), vec![]),
            Problem::EndBeforeStart => (msg("problem-end-before-start"), vec![]),
            Problem::UnknownReference { kind, id } => {
                (msg("problem-unknown-reference"), vec![("kind", (*kind).into()), ("id", id.as_str().into())])
            }
            Problem::BadUrl { value } => (msg("problem-bad-url"), vec![("value", value.as_str().into())]),
            Problem::BadColour { value } => (msg("problem-bad-colour"), vec![("value", value.as_str().into())]),
            Problem::BadLanguage { value } => (msg("problem-bad-language"), vec![("value", value.as_str().into())]),
        };
        self.t_args(id, &args)
    }
}

/// The CLDR cardinal plural category of `n` in `lang` (CLDR 46 rules).
///
/// Written out rather than taken from intl_pluralrules, which (7.0.2) reads
/// Romanian `few` as `i in 2..19` instead of `n % 100 = 1..19` (102 would
/// become "102 de evenimente"). FTL files select with `PLURAL($count)`.
///
/// CLDR's operands are those of the number as written; an f64 writes no
/// trailing zeros, so `v` (the count of fraction digits) is 0 exactly when `n`
/// is whole (1.0 is 1, 1.5 has `v` = 1), and it writes no exponent (`e` = 0).
/// `tests/web.rs` holds this to the browser's `Intl.PluralRules`.
pub fn plural_category(lang: Lang, n: f64) -> &'static str {
    // Infinity and NaN have no digits: Intl says "other" in every language.
    if !n.is_finite() {
        return "other";
    }
    // The operands are of the absolute value: -1 is "one" as 1 is.
    let n = n.abs();
    let whole = n.fract() == 0.0; // v = 0
    match lang {
        // one: i = 1 and v = 0.
        Lang::En if whole && n == 1.0 => "one",
        Lang::En => "other",
        // one: n = 1.
        Lang::Es if n == 1.0 => "one",
        // many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0 (or e not in
        // 0..5, which needs compact notation: never ours).
        Lang::Es if whole && n != 0.0 && n % 1_000_000.0 == 0.0 => "many",
        Lang::Es => "other",
        // one: i = 1 and v = 0.
        Lang::Ro if whole && n == 1.0 => "one",
        // few: v != 0 or n = 0 or n != 1 and n % 100 = 1..19 (so 101..119,
        // 201..219, … are few; 1 itself was taken by `one` above).
        Lang::Ro if !whole || n == 0.0 || (1.0..=19.0).contains(&(n % 100.0)) => "few",
        Lang::Ro => "other",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_matches_primary_subtags_in_order() {
        assert_eq!(negotiate(["de-DE", "es-MX", "en"]), Some(Lang::Es));
        assert_eq!(negotiate(["ro-MD"]), Some(Lang::Ro));
        assert_eq!(negotiate(["fr", "de"]), None);
        assert_eq!(negotiate([]), None);
        assert_eq!(formatting_locale(Lang::En, ["ro", "en-GB"]), "en-GB");
        assert_eq!(formatting_locale(Lang::Es, ["en-GB"]), "es");
    }

    #[test]
    fn romanian_has_three_plural_forms() {
        let ro = Localizer::new(Lang::Ro);
        let count = |n: usize| ro.t_args("event-count", &[("count", n.into())]);
        assert_eq!(count(1), "1 eveniment");
        assert_eq!(count(3), "3 evenimente");
        assert_eq!(count(20), "20 de evenimente");
        assert_eq!(count(100), "100 de evenimente");
        assert_eq!(count(101), "101 evenimente");
        assert_eq!(count(102), "102 evenimente");
        assert_eq!(count(119), "119 evenimente");
        assert_eq!(count(120), "120 de evenimente");
        assert_eq!(count(201), "201 evenimente");
        assert_eq!(count(0), "0 evenimente");
        let es = Localizer::new(Lang::Es);
        let count = |n: usize| es.t_args("event-count", &[("count", n.into())]);
        assert_eq!(count(1), "1 evento");
        assert_eq!(count(20), "20 eventos");
        assert_eq!(count(1_000_000), "1000000 de eventos");
    }

    #[test]
    fn plural_categories_follow_cldr() {
        let cases = [
            (Lang::En, 1.0, "one"),
            (Lang::En, -1.0, "one"),
            (Lang::En, 0.0, "other"),
            (Lang::En, 2.0, "other"),
            (Lang::En, 1.5, "other"),
            (Lang::En, 0.5, "other"),
            (Lang::Es, 1.0, "one"),
            (Lang::Es, -1.0, "one"),
            (Lang::Es, 0.0, "other"),
            (Lang::Es, 1e6, "many"),
            (Lang::Es, 2e6, "many"),
            (Lang::Es, 1e12, "many"),
            (Lang::Es, 1_000_000.5, "other"),
            (Lang::Es, 1_001_000.0, "other"),
            (Lang::Es, 100_000.0, "other"),
            (Lang::Es, 21.0, "other"),
            (Lang::Es, 1.5, "other"),
            (Lang::Ro, 1.0, "one"),
            (Lang::Ro, -1.0, "one"),
            (Lang::Ro, 0.0, "few"),
            (Lang::Ro, 2.0, "few"),
            (Lang::Ro, 19.0, "few"),
            (Lang::Ro, 20.0, "other"),
            (Lang::Ro, 100.0, "other"),
            (Lang::Ro, 101.0, "few"),
            (Lang::Ro, 102.0, "few"),
            (Lang::Ro, 111.0, "few"),
            (Lang::Ro, 119.0, "few"),
            (Lang::Ro, 120.0, "other"),
            (Lang::Ro, 200.0, "other"),
            (Lang::Ro, 201.0, "few"),
            (Lang::Ro, 219.0, "few"),
            (Lang::Ro, 1001.0, "few"),
            (Lang::Ro, -101.0, "few"),
            (Lang::Ro, 1.5, "few"),
            (Lang::Ro, 20.5, "few"),
            (Lang::Ro, 0.5, "few"),
        ];
        for (lang, n, expected) in cases {
            assert_eq!(plural_category(lang, n), expected, "{lang:?} {n}");
        }
        for lang in Lang::ALL {
            for n in [f64::INFINITY, f64::NEG_INFINITY, f64::NAN] {
                assert_eq!(plural_category(lang, n), "other", "{lang:?} {n}");
            }
        }
    }

    /// The sample numbers CLDR 46 lists with each rule (`@integer`, and the
    /// `@decimal` ones an f64 can write: not 1.0 or 10.0, which are whole).
    #[test]
    fn plural_categories_take_cldr_samples() {
        let span = |from: u32, to: u32| (from..=to).map(f64::from);
        // 0.0~1.5 in tenths, less the whole 0.0 and 1.0 (whose v = 1 an f64 loses).
        let tenths = || (1..=15).filter(|t| *t != 10).map(|t| f64::from(t) / 10.0);
        let with = |fixed: &[f64], more: &mut dyn Iterator<Item = f64>| -> Vec<f64> {
            fixed.iter().copied().chain(more).collect()
        };
        let samples: [(Lang, &str, Vec<f64>); 8] = [
            (Lang::En, "one", vec![1.0]),
            (Lang::En, "other", with(&[0.0, 100.0, 1000.0, 1e4, 1e5, 1e6], &mut span(2, 16).chain(tenths()))),
            (Lang::Es, "one", vec![1.0]),
            (Lang::Es, "many", vec![1e6, 2e6, 3e6, 4e6, 5e6, 6e6]),
            (Lang::Es, "other", with(&[0.0, 1e5, 1e3, 2e3, 3e3, 4e3, 5e3, 6e3], &mut span(2, 16).chain(tenths()))),
            (Lang::Ro, "one", vec![1.0]),
            (Lang::Ro, "few", with(&[0.0, 101.0, 1001.0], &mut span(2, 16).chain(tenths()))),
            (Lang::Ro, "other", with(&[100.0, 1000.0, 1e4, 1e5, 1e6], &mut span(20, 35))),
        ];
        for (lang, category, numbers) in samples {
            for n in numbers {
                assert_eq!(plural_category(lang, n), category, "{lang:?} {n}");
            }
        }
    }

    #[test]
    fn self_names_are_the_catalogs() {
        for lang in Lang::ALL {
            assert_eq!(lang.self_name(), Localizer::new(lang).t("language-self-name"));
            assert_eq!(lang.self_name(), Localizer::from_source(lang, lang.source()).t("language-self-name"));
        }
    }

    #[test]
    fn words_fetched_apart_join_the_catalog() {
        let (a, b) = ("a", "b"); // not ids of the app's files (tests/i18n.rs reads literals)
        let l = Localizer::from_source(Lang::Ro, "a = A\n");
        assert_eq!(l.t(b), "b");
        let l = l.with_more("b = B { $n }\na = not this\n");
        assert_eq!((l.t(a), l.t_args(b, &[("n", 2.into())])), ("A".into(), "B 2".into()));
    }

    #[test]
    fn unknown_ids_come_back_as_themselves() {
        assert_eq!(Localizer::new(Lang::Es).t("no-such-message"), "no-such-message");
    }
}
