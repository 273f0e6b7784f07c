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
/// `embed.html` with `data-frame`); on a partner page nothing happens until
/// `embed.js` calls [`mount_embed`].
pub fn start() {
    if let Some((root, frame)) = app_root() {
        let host = if frame { Host::Frame } else { Host::Page };
        leptos::mount::mount_to(root, move || view! { <App host=host.clone()/> }).forget();
    }
}

/// Mounts the embed builder into `#citycal-app` (`builder.html`). It is its
/// own binary (`src/bin/builder.rs`), so the app's download does not carry it.
pub fn start_builder() {
    if let Some((root, _)) = app_root() {
        leptos::mount::mount_to(root, ui::embed_builder::EmbedBuilder).forget();
    }
}

/// Mounts the feed check into `#citycal-app` (`check.html`), its own
/// binary (`src/bin/check.rs`) for organizers.
pub fn start_check() {
    if let Some((root, _)) = app_root() {
        leptos::mount::mount_to(root, ui::check::FeedCheck).forget();
    }
}

/// The page's `#citycal-app` element, and whether it is an iframe embed's.
fn app_root() -> Option<(web_sys::HtmlElement, bool)> {
    let root = web_sys::window()?.document()?.get_element_by_id("citycal-app")?;
    let frame = root.has_attribute("data-frame");
    Some((root.dyn_into().ok()?, frame))
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
    let lang = Lang::from_tag(lang.trim());
    let host = Host::Element { base, feed: given(feed), endpoint: given(endpoint), privacy: given(privacy), lang };
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
