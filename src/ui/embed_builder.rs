//! The embed builder (`builder.html`): a partner picks language, view,
//! themes, a city and an accent colour, sees the calendar as it will look,
//! and copies the script or the iframe snippet (`docs/embedding.md`).

use citycal_core::colour::Rgb;
use citycal_core::filter::{facet_counts, fold, Facet, Filters, Viewer};
use citycal_core::i18n::Lang;
use citycal_core::query::{View, ViewState};
use leptos::prelude::*;

use crate::platform::intl::{sort_by_label, IntlZones};
use crate::platform::{dom, page};
use crate::ui::app::App;
use crate::ui::catalog;
use crate::ui::state::{initial_ctx, provide_app_ctx, start_loading, Host, Load};

const DEFAULT_ACCENT: &str = "#0b5cad";

/// Escapes text for an HTML attribute value.
fn attr(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[derive(Clone, Debug, PartialEq)]
struct Choice {
    lang: Lang,
    view: View,
    themes: Vec<String>,
    /// Cities as typed, comma-separated ("Cluj-Napoca, Gdańsk").
    city: String,
    accent: String,
}

impl Choice {
    fn presets(&self) -> ViewState {
        let mut state = ViewState { view: Some(self.view), accent: self.accent(), ..ViewState::default() };
        state.filters.set_values(Facet::Theme, self.themes.clone());
        state.filters.set_values(Facet::City, self.cities());
        state
    }

    fn script_snippet(&self, base: &str) -> String {
        let mut attrs = format!(r#"data-citycal data-lang="{}" data-view="{}""#, self.lang.tag(), self.view.name());
        if !self.themes.is_empty() {
            attrs.push_str(&format!(r#" data-themes="{}""#, attr(&self.themes.join(","))));
        }
        if !self.cities().is_empty() {
            attrs.push_str(&format!(r#" data-cities="{}""#, attr(&self.cities().join(","))));
        }
        if let Some(accent) = self.accent() {
            attrs.push_str(&format!(r#" data-accent="{}""#, accent.hex()));
        }
        format!("<div {attrs}></div>\n<script type=\"module\" src=\"{base}embed.js\"></script>")
    }

    /// The cities chosen: one filter value each, in both snippets alike.
    fn cities(&self) -> Vec<String> {
        self.city.split(',').map(str::trim).filter(|c| !c.is_empty()).map(str::to_owned).collect()
    }

    /// The accent, unless it is the default (which leaves each scheme its own).
    fn accent(&self) -> Option<Rgb> {
        Rgb::parse(&self.accent).filter(|_| self.accent != DEFAULT_ACCENT)
    }

    /// Full width and borderless by attributes (a partner's CSP may refuse
    /// inline styles); `resize.js` gives it its content's height.
    fn iframe_snippet(&self, base: &str) -> String {
        let query = ViewState { lang: Some(self.lang), ..self.presets() }.to_query();
        format!(
            "<iframe title=\"Citycal\" src=\"{base}embed.html?{}\" width=\"100%\" height=\"600\" frameborder=\"0\"></iframe>\n<script type=\"module\" src=\"{base}resize.js\"></script>",
            attr(&query)
        )
    }
}

#[component]
pub fn EmbedBuilder() -> impl IntoView {
    // The builder's own context: its language, and the feed for the theme list.
    let ctx = initial_ctx(None, None);
    ctx.use_more_words(catalog::more_source);
    provide_app_ctx(ctx);
    start_loading(ctx);
    let base = page::resolve("./", Some(&page::url_with_query("")));
    let choice = RwSignal::new(Choice {
        lang: ctx.lang.get_untracked(),
        view: View::List,
        themes: Vec::new(),
        city: String::new(),
        accent: DEFAULT_ACCENT.to_owned(),
    });
    let themes = move || match ctx.load.get() {
        Load::Ready(loaded) => {
            let lang = ctx.lang.get().tag();
            loaded
                .feed
                .themes
                .iter()
                .map(|t| (t.id.clone(), t.label.pick(lang, &[]).map_or(t.id.clone(), |p| p.text.to_owned())))
                .collect()
        }
        _ => Vec::<(String, String)>::new(),
    };
    Effect::new(move |_| page::set_language_and_title(ctx.lang.get().tag(), &ctx.t("builder-heading")));
    // The cities a click in the calendar's filters could choose (venues,
    // organizers, partners), offered as the partner types.
    let cities = move || match ctx.load.get() {
        Load::Ready(loaded) => {
            let zone = ctx.zone.get_untracked();
            let viewer = Viewer { now: ctx.now(), rules: &IntlZones, zone: &zone, week_starts: chrono::Weekday::Mon };
            let mut names: Vec<String> =
                facet_counts(&loaded.feed, loaded.index(), &Filters::default(), Facet::City, &viewer)
                    .into_iter()
                    .map(|(name, _)| name)
                    .collect();
            sort_by_label(&ctx.format_locale(), &mut names, |n| n);
            names
        }
        _ => Vec::new(),
    };
    // The cities typed apply as soon as each is one the feed names (any
    // case or accents: written as the feed does), else when the field is left.
    let type_city = move |typed: String, left: bool| {
        let known = cities();
        let parts: Vec<Option<String>> = typed
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| known.iter().find(|c| fold(c) == fold(p)).cloned().or_else(|| left.then(|| p.to_owned())))
            .collect();
        if parts.iter().all(Option::is_some) {
            let city = parts.into_iter().flatten().collect::<Vec<_>>().join(", ");
            choice.update(|c| c.city = city);
        }
    };
    // Cities no event names: the calendar would be empty.
    let unknown_cities = move || {
        let known = cities();
        let unknown: Vec<String> =
            choice.with(|c| c.cities()).into_iter().filter(|c| !known.iter().any(|k| fold(k) == fold(c))).collect();
        (!unknown.is_empty() && !known.is_empty())
            .then(|| ctx.t_args("builder-city-unknown", &[("cities", unknown.join(", ").into())]))
    };
    let copied = RwSignal::new(None::<&'static str>);
    let copy = move |which: &'static str, text: String| {
        leptos::task::spawn_local(async move {
            copied.set(dom::copy_text(&text).await.ok().map(|_| which));
        });
    };
    let base_script = base.clone();
    let base_frame = base.clone();
    let script = Memo::new(move |_| choice.with(|c| c.script_snippet(&base_script)));
    let frame = Memo::new(move |_| choice.with(|c| c.iframe_snippet(&base_frame)));
    view! {
        <div class="citycal builder">
            <h1>{move || ctx.t("builder-heading")}</h1>
            <p>{move || ctx.t("builder-intro")}</p>
            <div class="builder-controls">
                <label class="picker">
                    <span>{move || ctx.t("language-label")}</span>
                    <select class="builder-lang" on:change=move |e| {
                        if let Some(l) = Lang::from_tag(&event_target_value(&e)) { choice.update(|c| c.lang = l) }
                    }>
                        {Lang::ALL.into_iter().map(|l| view! {
                            <option value=l.tag() selected=move || choice.with(|c| c.lang == l)>
                                {l.self_name()}
                            </option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="picker">
                    <span>{move || ctx.t("builder-view")}</span>
                    <select class="builder-view" on:change=move |e| {
                        if let Some(v) = View::from_name(&event_target_value(&e)) { choice.update(|c| c.view = v) }
                    }>
                        {View::ALL.into_iter().map(|v| view! {
                            <option value=v.name() selected=move || choice.with(|c| c.view == v)>{move || ctx.t(match v {
                                View::Month => "view-month", View::Week => "view-week", View::Day => "view-day", View::List => "view-list",
                            })}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="picker">
                    <span>{move || ctx.t("facet-city")}</span>
                    <input type="text" class="builder-city" list="builder-cities" autocomplete="off"
                        aria-describedby="builder-city-hint"
                        prop:value=move || choice.with(|c| c.city.clone())
                        on:input=move |e| type_city(event_target_value(&e), false)
                        on:change=move |e| type_city(event_target_value(&e), true)/>
                    <small id="builder-city-hint">{move || ctx.t("builder-city-hint")}</small>
                    <small class="field-error" role="status">{unknown_cities}</small>
                    <datalist id="builder-cities">
                        {move || cities().into_iter().map(|c| view! { <option value=c/> }).collect_view()}
                    </datalist>
                </label>
                <label class="picker">
                    <span>{move || ctx.t("builder-accent")}</span>
                    <input type="color" class="builder-accent" prop:value=move || choice.with(|c| c.accent.clone())
                        on:input=move |e| { let v = event_target_value(&e); choice.update(|c| c.accent = v) }/>
                </label>
                <fieldset class="facet builder-themes">
                    <legend>{move || ctx.t("facet-theme")}</legend>
                    <ul>
                        {move || themes().into_iter().map(|(id, label)| {
                            let checked_id = id.clone();
                            view! {
                                <li><label>
                                    <input type="checkbox" prop:checked=move || choice.with(|c| c.themes.contains(&checked_id))
                                        on:change=move |_| { let id = id.clone(); choice.update(|c| {
                                            if let Some(i) = c.themes.iter().position(|t| *t == id) { c.themes.remove(i); } else { c.themes.push(id); }
                                        }) }/>
                                    <span>{label}</span>
                                </label></li>
                            }
                        }).collect_view()}
                    </ul>
                </fieldset>
            </div>
            <h2>{move || ctx.t("builder-snippets")}</h2>
            <div class="snippets">
                <label>
                    <span>{move || ctx.t("builder-script")}</span>
                    <textarea readonly rows="4" class="snippet-script" prop:value=move || script.get()></textarea>
                </label>
                <button type="button" class="button" on:click=move |_| copy("script", script.get_untracked())>{move || ctx.t("copy-snippet")}</button>
                <label>
                    <span>{move || ctx.t("builder-iframe")}</span>
                    <textarea readonly rows="4" class="snippet-iframe" prop:value=move || frame.get()></textarea>
                </label>
                <button type="button" class="button" on:click=move |_| copy("iframe", frame.get_untracked())>{move || ctx.t("copy-snippet")}</button>
                <p role="status">{move || copied.get().map(|_| ctx.t("snippet-copied"))}</p>
            </div>
            <h2>{move || ctx.t("builder-preview")}</h2>
            <div class="builder-preview">
                {move || {
                    let c = choice.get();
                    let host = Host::Element { base: base.clone(), feed: None, endpoint: None, privacy: None, lang: Some(c.lang) };
                    view! { <App host=host lang=Some(c.lang) presets=Some(c.presets())/> }
                }}
            </div>
        </div>
    }
}
