//! The language switcher: each language named in itself.

use citycal_core::i18n::Lang;
use leptos::prelude::*;

use crate::platform::dom;
use crate::platform::tree::{dynamic_text, el, Node};
use crate::ui::state::AppCtx;

pub fn language_picker(ctx: AppCtx) -> Node {
    // "English", "Español", "Română": each in itself, without its catalog.
    let options = Lang::ALL
        .into_iter()
        .map(|lang| {
            el("option")
                .attr("value", lang.tag())
                .attr("lang", lang.tag())
                .attr_dyn("selected", move || (ctx.lang.get() == lang).then(String::new))
                .child(lang.self_name())
                .into()
        })
        .collect();
    let pick = move |event: web_sys::Event| {
        if let Some(lang) = Lang::from_tag(&dom::target_value(&event)) {
            ctx.choose_lang(lang);
        }
    };
    el("label")
        .class("picker language-picker")
        .child(el("span").child(dynamic_text(move || ctx.t("language-label"))))
        .child(el("select").on("change", pick).children(options).prop_dyn("value", move || ctx.lang.get().tag().into()))
        .into()
}
