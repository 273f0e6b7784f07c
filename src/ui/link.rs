//! A link to another state of the calendar. It is a real `<a href>` (so it
//! can be opened in a new tab, copied or bookmarked); a plain click moves in
//! place and adds a history entry.

use citycal_core::query::ViewState;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

use crate::ui::state::use_app_ctx;

/// `to` may change (the toolbar's "next" follows the date): the link stays the
/// same element, so focus stays on it after it is used.
#[component]
pub fn StateLink(
    #[prop(into)] to: Signal<ViewState>,
    #[prop(optional)] class: &'static str,
    /// `-1` inside composite widgets (the month grid) that manage focus themselves.
    #[prop(optional)]
    tabindex: Option<i32>,
    /// Marks the link as the current page (`aria-current`).
    #[prop(optional, into)]
    current: MaybeProp<bool>,
    #[prop(optional, into)] label: MaybeProp<String>,
    children: Children,
) -> impl IntoView {
    let ctx = use_app_ctx();
    let href = move || to.with(|to| ctx.href(to));
    let follow = move |event: MouseEvent| {
        let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
        if modified || event.button() != 0 {
            return; // the browser's own: new tab, new window, download
        }
        event.prevent_default();
        // Handled here: a link inside a month cell must not also select the cell.
        event.stop_propagation();
        ctx.go(to.get_untracked(), true);
    };
    view! {
        <a href=href class=class tabindex=tabindex aria-current=move || current.get().unwrap_or(false).then_some("page")
            aria-label=move || label.get() on:click=follow>
            {children()}
        </a>
    }
}
