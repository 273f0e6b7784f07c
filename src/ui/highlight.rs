//! A text with the current search words marked (`<mark>`), matched without
//! regard to case or diacritics ("gdansk" marks "Gdańsk").

use citycal_core::filter::{highlight, search_words};
use leptos::prelude::*;

use crate::ui::state::use_app_ctx;

#[component]
pub fn Highlight(text: String) -> impl IntoView {
    let ctx = use_app_ctx();
    move || {
        let words = ctx.link.with(|l| search_words(&l.filters.text));
        let mut parts = Vec::new();
        let mut at = 0;
        for (start, end) in highlight(&text, &words) {
            parts.push(view! { {text[at..start].to_owned()} <mark>{text[start..end].to_owned()}</mark> }.into_any());
            at = end;
        }
        parts.push(text[at..].to_owned().into_any());
        parts
    }
}
