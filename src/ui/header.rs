//! The page header: title, the visitor's language and zone (with pickers),
//! and which zone times are shown in.

use leptos::prelude::*;

use crate::platform::tree::{dynamic_text, el, Node};
use crate::ui::language_picker::language_picker;
use crate::ui::present::zone_label;
use crate::ui::state::{AppCtx, Host, Load};
use crate::ui::zone_picker::zone_picker;

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
    let zone_line = move || ctx.t_args("times-in-zone", &[("zone", zone_label(&ctx.zone.get(), shown_at()).into())]);
    // In a partner's page the partner's own heading introduces the calendar.
    let heading =
        (ctx.host.get_value() == Host::Page).then(|| el("h1").child(dynamic_text(move || ctx.t("app-heading"))));
    Node::from(
        el("header")
            .class("app-header")
            .child(heading)
            .child(el("div").class("preferences").child(zone_picker(ctx)).child(language_picker(ctx)))
            .child(el("p").class("zone-line").child(dynamic_text(zone_line))),
    )
}
