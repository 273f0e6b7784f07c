//! The page header: title, the visitor's language and zone (with pickers),
//! and which zone times are shown in.

use leptos::prelude::*;

use crate::ui::language_picker::LanguagePicker;
use crate::ui::present::zone_label;
use crate::ui::state::{use_app_ctx, Host};
use crate::ui::zone_picker::ZonePicker;

#[component]
pub fn Header() -> impl IntoView {
    let ctx = use_app_ctx();
    let zone_line =
        move || ctx.t_args("times-in-zone", &[("zone", zone_label(&ctx.zone.get(), ctx.clock.get()).into())]);
    view! {
        <header class="app-header">
            // In a partner's page the partner's own heading introduces the calendar.
            {(ctx.host.get_value() == Host::Page).then(|| view! { <h1>{move || ctx.t("app-heading")}</h1> })}
            <div class="preferences">
                <ZonePicker/>
                <LanguagePicker/>
            </div>
            <p class="zone-line">{zone_line}</p>
        </header>
    }
}
