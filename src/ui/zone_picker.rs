//! The time-zone picker: type to search every IANA zone the browser knows,
//! each listed with its offset now ("Bucharest (GMT+2)"), or type a city
//! alone ("bogotá": `zone_search`). What the visitor typed stays in the field
//! until it names a zone.

use citycal_core::time::ZoneRules;
use citycal_core::zone_search::find_zone;
use leptos::prelude::*;

use crate::platform::dom;
use crate::platform::intl::{browser_zone, supported_zones, IntlZones};
use crate::platform::tree::{dynamic, dynamic_text, el, Node};
use crate::ui::present::zone_choice;
use crate::ui::state::AppCtx;

pub fn zone_picker(ctx: AppCtx) -> Node {
    let typed = RwSignal::new(None::<String>);
    // The list is built the first time the field is used, not at start.
    let opened = RwSignal::new(false);
    let options = dynamic(move || {
        if !opened.get() {
            return Node::Empty;
        }
        let now = ctx.now();
        let zones = supported_zones();
        Node::Many(
            zones
                .into_iter()
                .map(|z| {
                    let label = zone_choice(&z, now);
                    el("option").attr("value", z).child(label).into()
                })
                .collect(),
        )
    });
    let commit = move |value: String| {
        let value = value.trim().to_owned();
        // An id the browser knows (aliases too), else a city named alone.
        let zone = if IntlZones.is_known(&value) {
            Some(value.clone())
        } else {
            find_zone(&value, &supported_zones()).map(str::to_owned)
        };
        match zone {
            Some(zone) => {
                typed.set(None);
                ctx.choose_zone(zone);
            }
            None => typed.set(Some(value)),
        }
    };
    let invalid = move || typed.with(|t| t.as_ref().is_some_and(|t| !t.is_empty()));
    let device = browser_zone();
    // A memo: the button is rebuilt only when it comes or goes, not at every
    // zone, so Tab from the field (which applies the zone) lands on it.
    let device_differs = Memo::new(move |_| device.as_ref().is_some_and(|d| *d != ctx.zone.get()));
    let input = el("input")
        .attr("id", "cc-zone-input")
        .attr("type", "text")
        .attr("list", "cc-zones")
        .attr("autocomplete", "off")
        .attr("spellcheck", "false")
        .prop_dyn("value", move || typed.get().unwrap_or_else(|| ctx.zone.get()).into())
        .attr_dyn("aria-invalid", move || invalid().then(|| "true".to_owned()))
        .attr("aria-describedby", "cc-zone-error")
        .on("focus", move |_| opened.set(true))
        .on("input", move |_| opened.set(true))
        .on("change", move |e| commit(dom::target_value(&e)));
    let error = dynamic_text(move || {
        if invalid() {
            ctx.t_args("zone-unknown", &[("zone", typed.get().unwrap_or_default().into())])
        } else {
            String::new()
        }
    });
    let use_device = dynamic(move || {
        device_differs
            .get()
            .then(|| {
                el("button")
                    .attr("type", "button")
                    .class("link-button")
                    .on("click", move |_| {
                        typed.set(None);
                        ctx.use_device_zone();
                    })
                    .child(ctx.t("use-device-zone"))
            })
            .into()
    });
    el("div")
        .class("picker zone-picker")
        .child(el("label").attr("for", "cc-zone-input").child(dynamic_text(move || ctx.t("time-zone-label"))))
        .child(input)
        .child(el("datalist").attr("id", "cc-zones").child(options))
        .child(el("span").attr("id", "cc-zone-error").class("field-error").attr("role", "status").child(error))
        .child(use_device)
        .into()
}
