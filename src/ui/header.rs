//! The page header: title and the zone times are shown in.

use leptos::prelude::*;

use crate::platform::{intl::IntlZones, now};
use crate::ui::state::use_app_ctx;
use citycal_core::time::iso_in_zone;

#[component]
pub fn Header() -> impl IntoView {
    let ctx = use_app_ctx();
    let zone_line = move || {
        let zone = ctx.zone.get();
        // "Europe/Bucharest (GMT+02:00)": the offset now, from the ISO form.
        let offset = iso_in_zone(&IntlZones, &zone, now()).map(|iso| iso[19..].to_owned()).unwrap_or_default();
        let label = if offset == "+00:00" { format!("{zone} (GMT)") } else { format!("{zone} (GMT{offset})") };
        ctx.t_args("times-in-zone", &[("zone", label.into())])
    };
    view! {
        <header class="app-header">
            <h1>{move || ctx.t("app-heading")}</h1>
            <p class="zone-line">{zone_line}</p>
        </header>
    }
}
