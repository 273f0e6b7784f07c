//! Drops what a Fluent file carries for its translators only, comment lines
//! and blank lines, before the app embeds it (`build.rs` includes this file
//! as it is, so it uses nothing but std); `ftl.rs` tests that every message
//! reads the same.

/// `source` without its comment lines (`#`, `##`, `###`) and blank lines.
pub fn strip(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for line in source.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        out.push_str(line);
        out.push('\n');
    }
    out
}
