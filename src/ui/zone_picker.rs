//! The time-zone picker: type to search every IANA zone the browser knows,
//! each listed with its offset now ("Bucharest (GMT+2)"). What the visitor
//! typed stays in the field until it names a zone.

use citycal_core::time::ZoneRules;
use leptos::prelude::*;

use crate::platform::intl::{browser_zone, supported_zones, IntlZones};
use crate::ui::present::zone_choice;
use crate::ui::state::use_app_ctx;

#[component]
pub fn ZonePicker() -> impl IntoView {
    let ctx = use_app_ctx();
    let typed = RwSignal::new(None::<String>);
    // The list is built the first time the field is used, not at start.
    let opened = RwSignal::new(false);
    let options = move || {
        opened.get().then(|| {
            let now = ctx.now();
            let zones = supported_zones();
            zones
                .into_iter()
                .map(|z| {
                    let label = zone_choice(&z, now);
                    view! { <option value=z.clone()>{label}</option> }
                })
                .collect_view()
        })
    };
    let commit = move |value: String| {
        let value = value.trim().to_owned();
        if IntlZones.is_known(&value) {
            typed.set(None);
            ctx.choose_zone(value);
        } else {
            typed.set(Some(value));
        }
    };
    let invalid = move || typed.with(|t| t.as_ref().is_some_and(|t| !t.is_empty()));
    let device = browser_zone();
    let device_differs = move || device.as_ref().is_some_and(|d| *d != ctx.zone.get());
    view! {
        <div class="picker zone-picker">
            <label for="cc-zone-input">{move || ctx.t("time-zone-label")}</label>
            <input id="cc-zone-input" type="text" list="cc-zones" autocomplete="off" spellcheck="false"
                prop:value=move || typed.get().unwrap_or_else(|| ctx.zone.get())
                aria-invalid=move || invalid().then_some("true")
                aria-describedby="cc-zone-error"
                on:focus=move |_| opened.set(true)
                on:input=move |_| opened.set(true)
                on:change=move |e| commit(event_target_value(&e))/>
            <datalist id="cc-zones">{options}</datalist>
            <span id="cc-zone-error" class="field-error" role="status">
                {move || invalid().then(|| ctx.t_args("zone-unknown", &[("zone", typed.get().unwrap_or_default().into())]))}
            </span>
            {move || device_differs().then(|| view! {
                <button type="button" class="link-button" on:click=move |_| { typed.set(None); ctx.use_device_zone(); }>
                    {ctx.t("use-device-zone")}
                </button>
            })}
        </div>
    }
}
