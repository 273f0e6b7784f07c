//! The page header: title and the zone times are shown in.

use leptos::prelude::*;

use crate::platform::now;
use crate::ui::present::zone_label;
use crate::ui::state::use_app_ctx;

#[component]
pub fn Header() -> impl IntoView {
    let ctx = use_app_ctx();
    let zone_line = move || ctx.t_args("times-in-zone", &[("zone", zone_label(&ctx.zone.get(), now()).into())]);
    view! {
        <header class="app-header">
            <h1>{move || ctx.t("app-heading")}</h1>
            <p class="zone-line">{zone_line}</p>
        </header>
    }
}
