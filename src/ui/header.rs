//! The page header: title, the visitor's language and zone (with pickers),
//! and which zone times are shown in.

use leptos::prelude::*;

use crate::platform::tree::{dynamic_text, el, Node};
use crate::ui::language_picker::language_picker;
use crate::ui::present::zone_label;
use crate::ui::state::{AppCtx, Host};
use crate::ui::zone_picker::zone_picker;

pub fn header(ctx: AppCtx) -> Node {
    let zone_line =
        move || ctx.t_args("times-in-zone", &[("zone", zone_label(&ctx.zone.get(), ctx.clock.get()).into())]);
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
