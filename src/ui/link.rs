//! A link to another state of the calendar. It is a real `<a href>` (so it
//! can be opened in a new tab, copied or bookmarked); a plain click moves in
//! place and adds a history entry.

use citycal_core::query::ViewState;
use leptos::prelude::*;

use crate::platform::dom;
use crate::platform::tree::{el, El};
use crate::ui::state::AppCtx;

/// A link to `to`, as a tree element (children and attributes are the
/// caller's).
pub fn link(ctx: AppCtx, to: ViewState) -> El {
    el("a").attr("href", ctx.href(&to)).on("click", move |event| follow(ctx, &event, to.clone()))
}

/// A link whose target follows signals (the toolbar's "next" follows the
/// date): it stays the same element, so focus stays on it after it is used.
pub fn link_following(ctx: AppCtx, to: Signal<ViewState>) -> El {
    el("a")
        .attr_dyn("href", move || Some(to.with(|to| ctx.href(to))))
        .on("click", move |event| follow(ctx, &event, to.get_untracked()))
}

fn follow(ctx: AppCtx, event: &web_sys::Event, to: ViewState) {
    if !dom::is_plain_click(event) {
        return; // the browser's own: new tab, new window, download
    }
    event.prevent_default();
    // Handled here: a link inside a month cell must not also select the cell.
    event.stop_propagation();
    ctx.go(to, true);
}
