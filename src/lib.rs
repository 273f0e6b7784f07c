//! Citycal in the browser: the platform adapters and the Leptos UI over
//! `citycal_core`. See ARCHITECTURE.md.

pub mod platform;
pub mod ui;

use citycal_core::i18n::Lang;
use citycal_core::query::ViewState;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

pub use ui::app::App;
use ui::state::Host;

/// Mounts the app into `#citycal-app` when the page has one (`index.html`,
/// `embed.html` with `data-frame`, `builder.html` with `data-builder` for the
/// embed builder); on a partner page nothing happens
/// until `embed.js` calls [`mount_embed`].
pub fn start() {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("citycal-app"))
    else {
        return;
    };
    let builder = root.has_attribute("data-builder");
    let host = if root.has_attribute("data-frame") { Host::Frame } else { Host::Page };
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else { return };
    if builder {
        leptos::mount::mount_to(root, ui::embed_builder::EmbedBuilder).forget();
    } else {
        leptos::mount::mount_to(root, move || view! { <App host=host.clone()/> }).forget();
    }
}

/// Mounts one calendar into `target` (inside a `[data-citycal]` element's
/// shadow root) with the element's attributes; called by `embed.js`. `base`
/// is the app's address; empty strings mean "not given". `presets` are link
/// parameters (`docs/links.md`): view, date and filters.
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn mount_embed(
    target: web_sys::HtmlElement,
    base: String,
    feed: String,
    endpoint: String,
    privacy: String,
    lang: String,
    zone: String,
    presets: String,
) {
    let given = |s: String| (!s.trim().is_empty()).then(|| s.trim().to_owned());
    let host = Host::Element { base, feed: given(feed), endpoint: given(endpoint), privacy: given(privacy) };
    let lang = Lang::from_tag(&lang);
    // Presets go through the same reader as links; the embed cannot fix a zone or language this way.
    let (mut presets, _) = ViewState::from_query(&presets, &platform::intl::IntlZones);
    presets.lang = None;
    presets.tz = None;
    presets.event = None;
    let zone = given(zone);
    leptos::mount::mount_to(
        target,
        move || view! { <App host=host.clone() lang=lang zone=zone.clone() presets=Some(presets.clone())/> },
    )
    .forget();
}
