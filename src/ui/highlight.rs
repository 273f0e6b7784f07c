//! A text with the current search words marked (`<mark>`), matched without
//! regard to case or diacritics ("gdansk" marks "Gdańsk").

use citycal_core::filter::search_words;
use leptos::prelude::With;

use crate::platform::tree::{el, Node};
use crate::ui::chunk::now;
use crate::ui::filtering::filtering;
use crate::ui::state::AppCtx;

/// The words of the link's search, read once per rendered region (tracked:
/// the region follows the search).
pub fn search_terms(ctx: &AppCtx) -> Vec<String> {
    ctx.link.with(|l| search_words(&l.filters.text))
}

/// `text` with each occurrence of `words` in a `<mark>`.
pub fn highlighted(words: &[String], text: &str) -> Node {
    if words.is_empty() {
        return Node::from(text);
    }
    // A search is a filter: the views showing it waited for the filtering chunk.
    let Some(filtering) = now(filtering()) else { return Node::from(text) };
    let mut parts = Vec::new();
    let mut at = 0;
    for (start, end) in (filtering.highlight)(text, words) {
        parts.push(Node::from(&text[at..start]));
        parts.push(el("mark").child(&text[start..end]).into());
        at = end;
    }
    parts.push(Node::from(&text[at..]));
    Node::Many(parts)
}
