//! The page header: title, and the visitor's language and zone as one line
//! ("Times in Bucharest (GMT+2) · Română") that opens their pickers, so a
//! phone's first screen is events. The pickers are a chunk of their own.

use leptos::prelude::*;

use crate::platform::dom;
use crate::platform::tree::{dynamic, dynamic_text, el, Node};
use crate::ui::chunk::{chunk, in_chunk, lazy_quiet, now};
use crate::ui::language_picker::language_picker;
use crate::ui::present::zone_choice;
use crate::ui::state::{AppCtx, Host, Load};
use crate::ui::zone_picker::zone_picker;

in_chunk!(
    preferences,
    load_preferences,
    /// The zone and language pickers.
    fn preferences(ctx: AppCtx) -> Node {
        Node::Many(vec![zone_picker(ctx), language_picker(ctx)])
    }
);

pub fn header(ctx: AppCtx) -> Node {
    // The offset in force on what is shown: the open event's start, else the
    // chosen date (July in Bucharest is GMT+3, even when read in December),
    // else now.
    let shown_at = move || {
        let event = ctx.link.with(|l| l.event.clone());
        let start = event.and_then(|id| match ctx.load.get() {
            Load::Ready(loaded) => loaded.feed.event(&id).map(|e| e.start()),
            _ => None,
        });
        start
            .or_else(|| ctx.link.with(|l| l.date).and_then(|d| d.and_hms_opt(12, 0, 0)).map(|t| t.and_utc()))
            .unwrap_or_else(|| ctx.clock.get())
    };
    let summary = move || {
        ctx.t_args(
            "preferences-summary",
            &[
                ("zone", zone_choice(&ctx.zone.get(), shown_at()).into()),
                ("language", ctx.lang.get().self_name().into()),
            ],
        )
    };
    // The line that says the zone and language, and opens their pickers.
    let open = RwSignal::new(false);
    let toggle = el("button")
        .attr("type", "button")
        .attr("id", "cc-preferences-toggle")
        .class("preferences-toggle")
        .attr("aria-controls", "cc-preferences")
        .attr_dyn("aria-expanded", move || Some(open.get().to_string()))
        .on("click", move |_| open.update(|o| *o = !*o))
        .child(el("span").class("summary").child(dynamic_text(summary)))
        .child(
            el("span")
                .class("visually-hidden")
                .child(dynamic_text(move || format!(" {}", ctx.t("preferences-change")))),
        )
        .child(el("span").class("chevron").attr("aria-hidden", "true").child("▾"));
    // Escape in the open panel, or on its line, closes it, focus on the line.
    let on_key = move |event: web_sys::Event| {
        if open.get_untracked() && dom::key_of(&event).is_some_and(|(key, _)| key == "Escape") {
            open.set(false);
            if let Some(root) = ctx.root.get_untracked() {
                dom::focus_in(&root.into(), "#cc-preferences-toggle");
            }
        }
    };
    // The pickers are a chunk, fetched when the line is first opened.
    let pickers = Memo::new(move |before| before.copied().unwrap_or(false) || open.get());
    // In a partner's page the partner's own heading introduces the calendar.
    let heading =
        (ctx.host.get_value() == Host::Page).then(|| el("h1").child(dynamic_text(move || ctx.t("app-heading"))));
    Node::from(
        el("header").class("app-header").on("keydown", on_key).child(heading).child(toggle).child(
            el("div")
                .attr("id", "cc-preferences")
                .attr_dyn("class", move || Some(if open.get() { "preferences open" } else { "preferences" }.to_owned()))
                .child(dynamic(move || match pickers.get() {
                    true => untrack(|| lazy_quiet(ctx, chunk!(load_preferences), move || now(preferences(ctx)))),
                    false => Node::Empty,
                })),
        ),
    )
}
