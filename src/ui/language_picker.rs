//! The language switcher: each language named in itself.

use citycal_core::i18n::{Lang, Localizer};
use leptos::prelude::*;

use crate::ui::state::use_app_ctx;

#[component]
pub fn LanguagePicker() -> impl IntoView {
    let ctx = use_app_ctx();
    // "English", "Español", "Română": each from its own locale file.
    let names: Vec<(Lang, String)> =
        Lang::ALL.into_iter().map(|l| (l, Localizer::new(l).t("language-self-name"))).collect();
    let pick = move |event: leptos::ev::Event| {
        if let Some(lang) = Lang::from_tag(&event_target_value(&event)) {
            ctx.choose_lang(lang);
        }
    };
    view! {
        <label class="picker language-picker">
            <span>{move || ctx.t("language-label")}</span>
            <select on:change=pick prop:value=move || ctx.lang.get().tag()>
                {names.into_iter().map(|(lang, name)| view! {
                    <option value=lang.tag() lang=lang.tag() selected=move || ctx.lang.get() == lang>{name}</option>
                }).collect_view()}
            </select>
        </label>
    }
}
