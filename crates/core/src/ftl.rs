//! The subset of Fluent (FTL) our locale files are written in, read and
//! formatted by a few hundred lines instead of the `fluent` crates, which
//! cost the wasm about 30 KB before compression (issue 8).
//!
//! Supported, as Fluent defines them: comments (`#`, `##`, `###`); messages
//! `id = pattern`; text with `{ $variable }` placeables; select expressions
//! `{ $variable -> … }` and `{ PLURAL($count) -> … }` with `[key]` variants and
//! one `*[default]`, each variant on its own line; indented continuation
//! lines of a plain message (joined with a newline). Anything else is a bug
//! in our own files: `tests/i18n.rs` parses them with `fluent-syntax` and
//! checks that every message formats exactly as the `fluent` crate would.

/// One piece of a pattern.
#[derive(Clone, Debug, PartialEq)]
enum Piece {
    Text(&'static str),
    /// A line break joining continuation lines.
    Newline,
    Var(&'static str),
    Select {
        selector: Selector,
        variants: Vec<(&'static str, Pattern)>,
        default: usize,
    },
}

#[derive(Clone, Debug, PartialEq)]
enum Selector {
    Var(&'static str),
    /// `PLURAL($name)`: the plural category of a number.
    Plural(&'static str),
}

type Pattern = Vec<Piece>;

/// A value for a variable.
#[derive(Clone, Debug, PartialEq)]
pub enum Value<'a> {
    Str(&'a str),
    Num(f64),
}

/// The messages of one FTL file.
#[derive(Debug, Default)]
pub struct Catalog {
    /// Sorted by id, for binary search (no hash map code for 230 messages).
    messages: Vec<(&'static str, Pattern)>,
}

impl Catalog {
    /// Reads `source`; lines outside the subset are skipped (tests keep our
    /// files inside it).
    pub fn parse(source: &'static str) -> Catalog {
        let mut messages = Vec::new();
        let mut lines = source.lines().peekable();
        while let Some(line) = lines.next() {
            if line.starts_with('#') || line.trim().is_empty() || line.starts_with(' ') {
                continue;
            }
            let Some((id, value)) = line.split_once('=') else { continue };
            let (id, value) = (id.trim(), value.trim());
            let pattern = if let Some(selector) = select_header(value) {
                let mut variants = Vec::new();
                let mut default = 0;
                for line in lines.by_ref() {
                    let line = line.trim();
                    if line == "}" {
                        break;
                    }
                    let (is_default, rest) = match line.strip_prefix('*') {
                        Some(rest) => (true, rest),
                        None => (false, line),
                    };
                    let Some((key, text)) = rest.strip_prefix('[').and_then(|r| r.split_once(']')) else { continue };
                    if is_default {
                        default = variants.len();
                    }
                    variants.push((key.trim(), inline(text.trim())));
                }
                vec![Piece::Select { selector, variants, default }]
            } else {
                let mut pattern = inline(value);
                // Continuation lines: indented, not the start of a new entry.
                while let Some(next) = lines.next_if(|l| l.starts_with(' ') && !l.trim().is_empty()) {
                    if !pattern.is_empty() {
                        pattern.push(Piece::Newline);
                    }
                    pattern.extend(inline(next.trim()));
                }
                pattern
            };
            messages.push((id, pattern));
        }
        // Stable, then the last of repeated ids kept, as Fluent does.
        crate::order::sort_by(&mut messages, |a, b| a.0.cmp(b.0));
        messages.reverse();
        messages.dedup_by(|later, earlier| later.0 == earlier.0);
        messages.reverse();
        Catalog { messages }
    }

    fn pattern(&self, id: &str) -> Option<&Pattern> {
        self.messages.binary_search_by(|(m, _)| (*m).cmp(id)).ok().map(|i| &self.messages[i].1)
    }

    pub fn has(&self, id: &str) -> bool {
        self.pattern(id).is_some()
    }

    /// The message `id` with `args`, or `None` if this catalog lacks it.
    /// `plural` names the plural category of a number in the catalog's language.
    pub fn format(&self, id: &str, args: &[(&str, Value)], plural: impl Fn(f64) -> &'static str) -> Option<String> {
        let mut out = String::new();
        write(self.pattern(id)?, args, &plural, &mut out);
        Some(out)
    }
}

/// `{ $kind ->` or `{ PLURAL($count) ->`.
fn select_header(value: &'static str) -> Option<Selector> {
    let inner = value.strip_prefix('{')?.strip_suffix("->")?.trim();
    if let Some(name) = inner.strip_prefix("PLURAL(").and_then(|r| r.strip_suffix(')')) {
        return Some(Selector::Plural(name.trim().strip_prefix('$')?));
    }
    Some(Selector::Var(inner.strip_prefix('$')?))
}

/// Text with `{ $name }` placeables.
fn inline(mut text: &'static str) -> Pattern {
    let mut pattern = Vec::new();
    while let Some(open) = text.find('{') {
        let Some(close) = text[open..].find('}').map(|c| open + c) else { break };
        if open > 0 {
            pattern.push(Piece::Text(&text[..open]));
        }
        let inner = text[open + 1..close].trim();
        match inner.strip_prefix('$') {
            Some(name) => pattern.push(Piece::Var(name)),
            None => pattern.push(Piece::Text(&text[open..=close])),
        }
        text = &text[close + 1..];
    }
    if !text.is_empty() {
        pattern.push(Piece::Text(text));
    }
    pattern
}

fn write(pattern: &[Piece], args: &[(&str, Value)], plural: &dyn Fn(f64) -> &'static str, out: &mut String) {
    let arg = |name: &str| args.iter().find(|(n, _)| *n == name).map(|(_, v)| v);
    for piece in pattern {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Newline => out.push('\n'),
            // A missing variable shows its name, as Fluent does.
            Piece::Var(name) => match arg(name) {
                Some(Value::Str(s)) => out.push_str(s),
                Some(Value::Num(n)) => out.push_str(&number(*n)),
                None => {
                    out.push_str("{$");
                    out.push_str(name);
                    out.push('}');
                }
            },
            Piece::Select { selector, variants, default } => {
                let key = match selector {
                    Selector::Var(name) => match arg(name) {
                        Some(Value::Str(s)) => Some(s.to_string()),
                        Some(Value::Num(n)) => Some(number(*n)),
                        None => None,
                    },
                    Selector::Plural(name) => match arg(name) {
                        Some(Value::Num(n)) => Some(plural(*n).to_owned()),
                        _ => Some("other".to_owned()),
                    },
                };
                let chosen = key.and_then(|k| variants.iter().find(|(v, _)| *v == k)).or(variants.get(*default));
                if let Some((_, p)) = chosen {
                    write(p, args, plural, out);
                }
            }
        }
    }
}

/// A number as Fluent writes it without options (`3`, `1.5`, `-0.25`), for
/// up to six decimals, without Rust's float formatting (10 KB of wasm).
fn number(n: f64) -> String {
    if n.is_nan() || n.is_infinite() {
        return if n.is_nan() {
            "NaN".into()
        } else if n > 0.0 {
            "∞".into()
        } else {
            "-∞".into()
        };
    }
    // Whole numbers (all we pass) and anything too large for six decimals.
    if n.fract() == 0.0 || n.abs() >= 1e12 {
        return (n.round() as i64).to_string();
    }
    let millionths = (n.abs() * 1e6).round() as u64;
    let sign = if n < 0.0 && millionths != 0 { "-" } else { "" };
    let (whole, fraction) = (millionths / 1_000_000, millionths % 1_000_000);
    if fraction == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{fraction:06}");
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    #[test]
    fn stripped_files_read_the_same() {
        use crate::i18n::Lang;
        for lang in Lang::ALL {
            let source = lang.source();
            let stripped: &'static str = Box::leak(crate::ftl_strip::strip(source).into_boxed_str());
            assert!(stripped.len() < source.len() && !stripped.contains("\n#"), "{lang:?}");
            assert_eq!(Catalog::parse(stripped).messages, Catalog::parse(source).messages, "{lang:?}");
        }
    }

    use super::*;

    const SOURCE: &str = "\
# comment
## section
plain = Hello, world
with-var = Hi { $name }, twice: {$name}!
count = { PLURAL($n) ->
    [one] one thing
   *[other] { $n } things
}
kind = { $kind ->
    [a] Alpha { $id }
   *[b] Beta
}
multi = first line
    second line
after = ok
";

    fn fmt(id: &str, args: &[(&str, Value)]) -> Option<String> {
        Catalog::parse(SOURCE).format(id, args, |n| if n == 1.0 { "one" } else { "other" })
    }

    #[test]
    fn formats_the_subset() {
        assert_eq!(fmt("plain", &[]).unwrap(), "Hello, world");
        assert_eq!(fmt("with-var", &[("name", Value::Str("Ana"))]).unwrap(), "Hi Ana, twice: Ana!");
        assert_eq!(fmt("with-var", &[]).unwrap(), "Hi {$name}, twice: {$name}!");
        assert_eq!(fmt("count", &[("n", Value::Num(1.0))]).unwrap(), "one thing");
        assert_eq!(fmt("count", &[("n", Value::Num(3.0))]).unwrap(), "3 things");
        assert_eq!(fmt("count", &[("n", Value::Num(2.5))]).unwrap(), "2.5 things");
        assert_eq!(fmt("count", &[]).unwrap(), "{$n} things");
        assert_eq!(fmt("kind", &[("kind", Value::Str("a")), ("id", Value::Str("x"))]).unwrap(), "Alpha x");
        assert_eq!(fmt("kind", &[("kind", Value::Str("zzz"))]).unwrap(), "Beta");
        assert_eq!(fmt("multi", &[]).unwrap(), "first line\nsecond line");
        assert_eq!(fmt("after", &[]).unwrap(), "ok");
        assert_eq!(fmt("absent", &[]), None);
        let twice = Catalog::parse("a = first\nb = bee\na = second\n");
        assert_eq!(twice.format("a", &[], |_| "other").as_deref(), Some("second"));
        assert_eq!(twice.format("b", &[], |_| "other").as_deref(), Some("bee"));
    }

    #[test]
    fn numbers_read_as_rust_writes_them() {
        for n in [0.0, 1.0, -1.0, 2.5, 1.5, 0.25, -0.125, 1e6, 123456789.0, 0.000001, 99.999999, 1e14] {
            assert_eq!(number(n), n.to_string(), "{n}");
        }
    }
}
