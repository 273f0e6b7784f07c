//! Locale completeness: every message English has exists in Spanish and
//! Romanian with the same variables, every message id the code names exists
//! in English, and the Romanian files use comma-below ș/ț. The same for the
//! feed check's words (`check.ftl`, named by `check.rs` and the CLI only).

use citycal_core::i18n::Lang;
use fluent_syntax::ast;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Messages = BTreeMap<String, BTreeSet<String>>;

fn messages(lang: Lang) -> Messages {
    messages_in(lang.source(), lang.tag())
}

fn messages_in(source: &str, name: &str) -> Messages {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{name} has syntax errors: {errors:?}"));
    let mut out = Messages::new();
    for entry in resource.body {
        if let ast::Entry::Message(m) = entry {
            let mut vars = BTreeSet::new();
            if let Some(p) = &m.value {
                pattern_vars(p, &mut vars);
            }
            for attr in &m.attributes {
                pattern_vars(&attr.value, &mut vars);
            }
            out.insert(m.id.name.to_owned(), vars);
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => inline_vars(i, vars),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn every_locale_has_every_english_message_with_the_same_variables() {
    let english = messages(Lang::En);
    assert!(english.len() > 50, "{} messages", english.len());
    for lang in [Lang::Es, Lang::Ro] {
        let other = messages(lang);
        for (id, vars) in &english {
            let theirs = other.get(id).unwrap_or_else(|| panic!("{} lacks message {id}", lang.tag()));
            assert_eq!(theirs, vars, "{} message {id} has other variables", lang.tag());
        }
        for id in other.keys() {
            assert!(english.contains_key(id), "{} has {id}, which English lacks", lang.tag());
        }
    }
}

/// Message ids named in code: the string literal right after `t(`, `t_args(` or `msg(`.
fn ids_used_in_file(path: &Path, out: &mut BTreeSet<String>) {
    {
        {
            let src = std::fs::read_to_string(path).unwrap();
            for call in ["t(\"", "t_args(\"", "msg(\""] {
                for (at, _) in src.match_indices(call) {
                    let before = src[..at].chars().next_back().unwrap_or(' ');
                    if before.is_alphanumeric() || before == '_' {
                        continue;
                    }
                    let rest = &src[at + call.len()..];
                    let id = &rest[..rest.find('"').unwrap()];
                    if id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') && !id.is_empty() {
                        out.insert(id.to_owned());
                    }
                }
            }
        }
    }
}

/// The words in `more.ftl` arrive with the chunks that use them (the event
/// page, a feed's problems; the embed builder has its own wasm): only their
/// files may name them, and no id is in both files. (core's i18n.rs words a
/// feed's problems, and its whole-feed failures, which stay in main.ftl.)
#[test]
fn the_event_pages_words_are_used_by_it_alone() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let own = [
        "event_page.rs",
        "registration_form.rs",
        "registration_flow.rs",
        "embed_builder.rs",
        "status.rs",
        "subscribe.rs",
        "i18n.rs",
    ];
    let defined = |file: &str| -> BTreeSet<String> {
        let src = std::fs::read_to_string(root.join("locales/en").join(file)).unwrap();
        src.lines()
            .filter_map(|l| l.split_once(" = "))
            .map(|(id, _)| id.to_owned())
            .filter(|id| !id.starts_with(' '))
            .collect()
    };
    let (main, event) = (defined("main.ftl"), defined("more.ftl"));
    assert!(event.len() > 40 && main.len() > 100, "{} and {} ids: is the scan broken?", event.len(), main.len());
    assert!(main.is_disjoint(&event), "in both files: {:?}", main.intersection(&event).collect::<Vec<_>>());
    let mut elsewhere = BTreeSet::new();
    for dir in ["src", "crates/core/src"] {
        let mut files = Vec::new();
        rs_files(&root.join(dir), &mut files);
        for file in files.iter().filter(|f| !own.iter().any(|o| f.ends_with(o))) {
            let mut used = BTreeSet::new();
            ids_used_in_file(file, &mut used);
            elsewhere.extend(
                used.into_iter().filter(|id| event.contains(id)).map(|id| format!("{id} ({})", file.display())),
            );
        }
    }
    assert!(elsewhere.is_empty(), "more.ftl ids named outside the parts in chunks: {elsewhere:?}");
}

fn rs_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rs_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The feed check's files: its words are its own (`check.ftl`).
fn is_check_code(path: &Path) -> bool {
    path.ends_with("check.rs") || path.components().any(|c| c.as_os_str() == "cli")
}

#[test]
fn every_message_id_in_code_exists_in_english() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut used = BTreeSet::new();
    for dir in ["src", "crates/core/src"] {
        let mut files = Vec::new();
        rs_files(&root.join(dir), &mut files);
        for file in files.iter().filter(|f| !is_check_code(f)) {
            ids_used_in_file(file, &mut used);
        }
    }
    used.remove("no-such-message"); // the unit test of the fallback itself
    assert!(used.len() > 20, "found only {} ids: is the scan broken?", used.len());
    let english = messages(Lang::En);
    let missing: Vec<_> = used.iter().filter(|id| !english.contains_key(*id)).collect();
    assert!(missing.is_empty(), "ids used in code but missing from locales/en: {missing:?}");
}

#[test]
fn romanian_uses_comma_below_letters() {
    for ro in [Lang::Ro.source(), citycal_core::check::source(Lang::Ro)] {
        for cedilla in ['ş', 'ţ', 'Ş', 'Ţ'] {
            assert!(!ro.contains(cedilla), "cedilla form {cedilla} in locales/ro");
        }
    }
}

/// `check.ftl`: the same messages with the same variables in every
/// language, none of them an id of the app's files, each named by the
/// check's code (core's `check.rs`, the CLI), and every id that code names
/// defined.
#[test]
fn the_checks_words_are_complete_and_used() {
    use citycal_core::check;
    let english = messages_in(check::source(Lang::En), "en/check.ftl");
    assert!(english.len() > 60, "{} messages", english.len());
    for lang in [Lang::Es, Lang::Ro] {
        let other = messages_in(check::source(lang), &format!("{}/check.ftl", lang.tag()));
        let (ours, theirs): (BTreeSet<_>, BTreeSet<_>) = (english.keys().collect(), other.keys().collect());
        assert_eq!(ours, theirs, "{} check.ftl defines other ids", lang.tag());
        for (id, vars) in &english {
            assert_eq!(&other[id], vars, "{} check.ftl message {id} has other variables", lang.tag());
        }
    }
    for lang in Lang::ALL {
        let app = messages(lang);
        let shared: Vec<_> = english.keys().filter(|id| app.contains_key(*id)).collect();
        assert!(shared.is_empty(), "ids in both check.ftl and the app's files: {shared:?}");
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    rs_files(&root.join("crates"), &mut files);
    rs_files(&root.join("src"), &mut files); // the check page, src/ui/check.rs
    let mut used = BTreeSet::new();
    for file in files.iter().filter(|f| is_check_code(f) && !f.components().any(|c| c.as_os_str() == "tests")) {
        ids_used_in_file(file, &mut used);
    }
    let missing: Vec<_> = used.iter().filter(|id| !english.contains_key(*id)).collect();
    assert!(missing.is_empty(), "ids used by the check but missing from locales/en/check.ftl: {missing:?}");
    let unused: Vec<_> = english.keys().filter(|id| !used.contains(*id)).collect();
    assert!(unused.is_empty(), "check.ftl messages no code names: {unused:?}");
}

/// Variant keys of `$name ->` selectors (not `PLURAL(…)`), to try each.
fn string_selector_keys(p: &ast::Pattern<&str>, out: &mut BTreeMap<String, Vec<String>>) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression: ast::Expression::Select { selector, variants } } = el {
            if let ast::InlineExpression::VariableReference { id } = selector {
                let keys = out.entry(id.name.to_owned()).or_default();
                for v in variants {
                    if let ast::VariantKey::Identifier { name } = &v.key {
                        keys.push(name.to_string());
                    }
                }
                keys.push("not-a-key".to_owned());
            }
            for v in variants {
                string_selector_keys(&v.value, out);
            }
        }
    }
}

/// Our FTL reader (src/ftl.rs) against the `fluent` crate, for every message of
/// every language, with numbers across all plural forms, text, every key of
/// every string selector, and a missing variable.
#[test]
fn our_ftl_reader_formats_every_message_as_fluent_does() {
    use citycal_core::i18n::{plural_category, Arg, Localizer};
    use fluent::{FluentArgs, FluentBundle, FluentResource, FluentValue};

    let mut compared = 0;
    let sources = Lang::ALL.into_iter().flat_map(|lang| {
        [(lang, lang.source(), Localizer::new(lang)), {
            let check = citycal_core::check::source(lang);
            (lang, check, Localizer::from_source(lang, check))
        }]
    });
    for (lang, source, ours) in sources {
        let mut bundle = FluentBundle::new(vec![lang.tag().parse::<unic_langid::LanguageIdentifier>().unwrap()]);
        bundle
            .add_function("PLURAL", move |positional, _| match positional.first() {
                Some(FluentValue::Number(n)) => FluentValue::from(plural_category(lang, n.value)),
                _ => FluentValue::from("other"),
            })
            .unwrap();
        bundle.set_use_isolating(false);
        bundle.add_resource(FluentResource::try_new(source.to_owned()).unwrap()).unwrap();
        let resource = fluent_syntax::parser::parse(source).unwrap();
        for entry in &resource.body {
            let ast::Entry::Message(m) = entry else { continue };
            let (id, value) = (m.id.name, m.value.as_ref().unwrap());
            let mut vars = BTreeSet::new();
            pattern_vars(value, &mut vars);
            let mut selector_keys = BTreeMap::new();
            string_selector_keys(value, &mut selector_keys);
            let mut cases: Vec<Vec<(String, Arg)>> = vec![vec![]];
            for n in [0.0, 1.0, 2.0, 5.0, 19.0, 20.0, 21.0, 101.0, 102.0, 1e6, 1.5] {
                cases.push(vars.iter().map(|v| (v.clone(), Arg::Num(n))).collect());
            }
            cases.push(vars.iter().map(|v| (v.clone(), Arg::Str(format!("«{v}» <b>&")))).collect());
            for (selector, keys) in &selector_keys {
                for key in keys {
                    let args = vars
                        .iter()
                        .map(|v| (v.clone(), Arg::Str(if v == selector { key.clone() } else { format!("«{v}»") })));
                    cases.push(args.collect());
                }
            }
            for case in cases {
                let mut fluent_args = FluentArgs::new();
                for (name, value) in &case {
                    match value {
                        Arg::Str(s) => fluent_args.set(name.clone(), FluentValue::from(s.clone())),
                        Arg::Num(n) => fluent_args.set(name.clone(), FluentValue::from(*n)),
                    }
                }
                let message = bundle.get_message(id).unwrap();
                let mut errors = vec![];
                let expected = bundle.format_pattern(message.value().unwrap(), Some(&fluent_args), &mut errors);
                let args: Vec<(&str, Arg)> = case.iter().map(|(n, v)| (n.as_str(), v.clone())).collect();
                assert_eq!(ours.t_args(id, &args), expected, "{} {id} {case:?}", lang.tag());
                compared += 1;
            }
        }
    }
    assert!(compared > 2000, "compared only {compared} formattings");
}
