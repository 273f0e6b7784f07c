//! Search and filters: the search field, a panel of facets (each value with
//! the number of events it would give), time presets, a date range and a
//! time-of-day window; the active filters as removable chips; and, when
//! nothing matches, which filter to drop. Every change goes to the URL.

use citycal_core::feed::Format;
use citycal_core::filter::{
    active, best_to_drop, facet_counts, format_from_name, remove, Active, Facet, Filters, Hours, Period, Viewer,
};
use citycal_core::i18n::msg;
use citycal_core::layout::first_weekday;
use citycal_core::order::sort_by_key;
use citycal_core::query::ViewState;
use citycal_core::validate::parse_date;
use leptos::prelude::*;

use crate::platform::intl::{language_name, region_name, IntlZones};
use crate::ui::state::{use_app_ctx, AppCtx, Load, Loaded};

fn facet_label(facet: Facet) -> &'static str {
    match facet {
        Facet::Theme => msg("facet-theme"),
        Facet::Spoken => msg("facet-spoken"),
        Facet::Format => msg("facet-format"),
        Facet::Country => msg("facet-country"),
        Facet::City => msg("facet-city"),
        Facet::Organizer => msg("facet-org"),
        Facet::Series => msg("facet-series"),
    }
}

fn period_label(period: Option<Period>) -> &'static str {
    match period {
        None => msg("period-any"),
        Some(Period::Upcoming) => msg("period-upcoming"),
        Some(Period::ThisWeek) => msg("period-week"),
        Some(Period::ThisMonth) => msg("period-month"),
        Some(Period::PastWithRecording) => msg("period-recorded"),
    }
}

/// How a facet value reads: a theme's label, a language's or country's
/// name, an organization's name.
fn value_label(ctx: &AppCtx, loaded: &Loaded, facet: Facet, value: &str) -> String {
    let lang = ctx.lang.get().tag();
    let feed = &loaded.feed;
    let pick = |t: &citycal_core::feed::Text| t.pick(lang, &[]).map(|p| p.text.to_owned());
    let label = match facet {
        Facet::Theme => feed.theme(value).and_then(|t| pick(&t.label)),
        Facet::Spoken => Some(language_name(&ctx.format_locale(), value)),
        Facet::Format => format_from_name(value).map(|f| {
            ctx.t(match f {
                Format::Online => msg("format-online"),
                Format::InPerson => msg("format-in-person"),
                Format::Hybrid => msg("format-hybrid"),
            })
        }),
        Facet::Country => Some(region_name(&ctx.format_locale(), value)),
        Facet::Organizer => feed.organization(value).and_then(|o| pick(&o.name)),
        Facet::Series => feed.series_by_id(value).and_then(|s| pick(&s.title)),
        Facet::City => None,
    };
    label.unwrap_or_else(|| value.to_owned())
}

/// What a chip says.
fn chip_label(ctx: &AppCtx, loaded: &Loaded, piece: &Active) -> String {
    let fmt = ctx.formatter();
    match piece {
        Active::Value(facet, value) => value_label(ctx, loaded, *facet, value),
        Active::Period(p) => ctx.t(period_label(Some(*p))),
        Active::From(d) => ctx.t_args("chip-from", &[("date", fmt.date(*d).into())]),
        Active::To(d) => ctx.t_args("chip-to", &[("date", fmt.date(*d).into())]),
        Active::Hours(h) => {
            let hm = |m: u32| format!("{:02}:{:02}", m / 60, m % 60);
            ctx.t_args("chip-hours", &[("from", hm(h.from).into()), ("to", hm(h.to).into())])
        }
        Active::Text(t) => ctx.t_args("chip-search", &[("text", t.trim().into())]),
    }
}

fn viewer_for<'a>(ctx: &AppCtx, zone: &'a str) -> Viewer<'a> {
    Viewer { now: ctx.now(), rules: &IntlZones, zone, week_starts: first_weekday(&ctx.format_locale()) }
}

#[component]
pub fn FilterBar() -> impl IntoView {
    let ctx = use_app_ctx();
    let filters = Memo::new(move |_| ctx.link.with(|l| l.filters.clone()));
    // Typing replaces the history entry; the other controls add one.
    let set = move |f: Filters, push: bool| {
        ctx.go(ViewState { event: None, ..ctx.link.get_untracked() }.with_filters(f), push)
    };
    let open = RwSignal::new(false);
    let search = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        set(Filters { text, ..filters.get_untracked() }, false);
    };
    let n_active = move || active(&filters.get()).len();
    view! {
        <section class="filter-bar" aria-label=move || ctx.t("filters-heading")>
            <div class="search-row">
                <label class="search">
                    <span class="visually-hidden">{move || ctx.t("search-label")}</span>
                    <input type="search" id="cc-search" autocomplete="off"
                        placeholder=move || ctx.t("search-placeholder")
                        prop:value=move || filters.with(|f| f.text.clone())
                        on:input=search/>
                </label>
                <details class="filter-panel" prop:open=move || open.get() on:toggle=move |e| {
                    open.set(event_target::<web_sys::HtmlDetailsElement>(&e).open());
                }>
                    <summary class="button secondary">
                        {move || ctx.t("filters-heading")}
                        {move || (n_active() > 0).then(|| view! { " " <span class="badge">{n_active()}</span> })}
                    </summary>
                    {move || open.get().then(|| view! { <FilterPanel filters=filters set=set/> })}
                </details>
            </div>
            <ActiveChips filters=filters set=set/>
            <NoMatches filters=filters set=set/>
        </section>
    }
}

/// The facets and time controls (built only while the panel is open: the
/// counts cost a pass over the feed per facet).
#[component]
fn FilterPanel(filters: Memo<Filters>, set: impl Fn(Filters, bool) + Copy + Send + Sync + 'static) -> impl IntoView {
    let ctx = use_app_ctx();
    let facets = move || {
        let Load::Ready(loaded) = ctx.load.get() else { return Vec::new() };
        let f = filters.get();
        let zone = ctx.zone.get();
        let viewer = viewer_for(&ctx, &zone);
        Facet::ALL
            .into_iter()
            .map(|facet| {
                let chosen = f.values(facet);
                let mut values: Vec<(String, String, usize, bool)> =
                    facet_counts(&loaded.feed, loaded.index(), &f, facet, &viewer)
                        .into_iter()
                        .map(|(v, n)| (value_label(&ctx, &loaded, facet, &v), v.clone(), n, chosen.contains(&v)))
                        .collect();
                sort_by_key(&mut values, |v| v.0.to_lowercase());
                (facet, values)
            })
            .filter(|(_, values)| !values.is_empty())
            .collect::<Vec<_>>()
    };
    let period = move |p: Option<Period>| set(Filters { period: p, ..filters.get_untracked() }, true);
    let date = move |event: leptos::ev::Event, to: bool| {
        let d = parse_date(&event_target_value(&event));
        let mut f = filters.get_untracked();
        if to {
            f.to = d
        } else {
            f.from = d
        }
        if let (Some(a), Some(b)) = (f.from, f.to) {
            if b < a {
                f.to = Some(a);
            }
        }
        set(f, true);
    };
    let hours_input = move |event: leptos::ev::Event, end: bool| {
        let value = event_target_value(&event);
        let mut f = filters.get_untracked();
        let current = f.hours.unwrap_or(Hours { from: 0, to: 24 * 60 });
        let minutes = |s: &str| -> Option<u32> {
            let (h, m) = s.split_once(':')?;
            Some(h.parse::<u32>().ok()? * 60 + m.get(..2)?.parse::<u32>().ok()?)
        };
        let picked = if value.is_empty() { None } else { minutes(&value) };
        let (from, to) = if end {
            (current.from, picked.filter(|m| *m > 0).unwrap_or(24 * 60))
        } else {
            (picked.unwrap_or(0), current.to)
        };
        f.hours = (from < to && (from, to) != (0, 24 * 60)).then_some(Hours { from, to });
        set(f, true);
    };
    let hm = |m: u32| format!("{:02}:{:02}", (m / 60).min(23), if m == 24 * 60 { 59 } else { m % 60 });
    view! {
        <div class="filter-panel-body">
            {move || facets().into_iter().map(|(facet, values)| view! {
                <fieldset class="facet" data-facet=facet.param()>
                    <legend>{ctx.t(facet_label(facet))}</legend>
                    <ul>
                        {values.into_iter().map(|(label, value, n, checked)| {
                            let disabled = n == 0 && !checked;
                            let toggle = move |_| {
                                let mut f = filters.get_untracked();
                                f.toggle(facet, &value);
                                set(f, true);
                            };
                            view! {
                                <li>
                                    <label class:disabled=disabled>
                                        <input type="checkbox" prop:checked=checked disabled=disabled on:change=toggle/>
                                        <span>{label}" "<span class="count">"("{n}")"</span></span>
                                    </label>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </fieldset>
            }).collect_view()}
            <fieldset class="facet time-facet">
                <legend>{move || ctx.t("period-label")}</legend>
                <ul>
                    {[None, Some(Period::Upcoming), Some(Period::ThisWeek), Some(Period::ThisMonth), Some(Period::PastWithRecording)]
                        .into_iter()
                        .map(|p| view! {
                            <li>
                                <label>
                                    <input type="radio" name="cc-period" prop:checked=move || filters.with(|f| f.period == p)
                                        on:change=move |_| period(p)/>
                                    " "{move || ctx.t(period_label(p))}
                                </label>
                            </li>
                        })
                        .collect_view()}
                </ul>
                <div class="range">
                    <label>{move || ctx.t("date-from")}" "
                        <input type="date" prop:value=move || filters.with(|f| f.from.map(|d| d.to_string()).unwrap_or_default())
                            on:change=move |e| date(e, false)/>
                    </label>
                    <label>{move || ctx.t("date-to")}" "
                        <input type="date" prop:value=move || filters.with(|f| f.to.map(|d| d.to_string()).unwrap_or_default())
                            on:change=move |e| date(e, true)/>
                    </label>
                </div>
                <div class="range hours">
                    <span>{move || ctx.t("hours-label")}</span>
                    <label>{move || ctx.t("hours-from")}" "
                        <input type="time" step="900" class="hours-from"
                            prop:value=move || filters.with(|f| f.hours.map(|h| hm(h.from)).unwrap_or_default())
                            on:change=move |e| hours_input(e, false)/>
                    </label>
                    <label>{move || ctx.t("hours-to")}" "
                        <input type="time" step="900" class="hours-to"
                            prop:value=move || filters.with(|f| f.hours.map(|h| hm(h.to)).unwrap_or_default())
                            on:change=move |e| hours_input(e, true)/>
                    </label>
                </div>
            </fieldset>
        </div>
    }
}

/// The active filters, each removable, and "clear all".
#[component]
fn ActiveChips(filters: Memo<Filters>, set: impl Fn(Filters, bool) + Copy + Send + Sync + 'static) -> impl IntoView {
    let ctx = use_app_ctx();
    move || {
        let Load::Ready(loaded) = ctx.load.get() else { return None };
        let f = filters.get();
        let pieces = active(&f);
        (!pieces.is_empty()).then(|| {
            let count = ctx.t_args("filters-match", &[("count", ctx.matches.get().count.into())]);
            view! {
                <div class="active-filters">
                    <p class="match-count" role="status">{count}</p>
                    <ul>
                        {pieces.into_iter().map(|piece| {
                            let label = chip_label(&ctx, &loaded, &piece);
                            let aria = ctx.t_args("remove-filter", &[("filter", label.clone().into())]);
                            let without = remove(&f, &piece);
                            view! {
                                <li>
                                    <button type="button" class="filter-chip" aria-label=aria on:click=move |_| set(without.clone(), true)>
                                        {label}<span aria-hidden="true">" ×"</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                        <li>
                            <button type="button" class="link-button clear-filters" on:click=move |_| set(Filters::default(), true)>
                                {ctx.t("clear-filters")}
                            </button>
                        </li>
                    </ul>
                </div>
            }
        })
    }
}

/// Nothing matches: say so, and offer the one removal that brings back the most.
#[component]
fn NoMatches(filters: Memo<Filters>, set: impl Fn(Filters, bool) + Copy + Send + Sync + 'static) -> impl IntoView {
    let ctx = use_app_ctx();
    move || {
        let Load::Ready(loaded) = ctx.load.get() else { return None };
        let f = filters.get();
        if f.is_empty() || ctx.matches.get().count > 0 {
            return None;
        }
        let zone = ctx.zone.get();
        let suggestion = best_to_drop(&loaded.feed, loaded.index(), &f, &viewer_for(&ctx, &zone)).map(|(piece, n)| {
            let label = chip_label(&ctx, &loaded, &piece);
            let text = ctx.t_args("drop-suggestion", &[("filter", label.into()), ("count", n.into())]);
            let without = remove(&f, &piece);
            view! { <button type="button" class="button" on:click=move |_| set(without.clone(), true)>{text}</button> }
        });
        Some(view! {
            <div class="notice warning no-matches" role="status">
                <p>{ctx.t("no-matches")}</p>
                {suggestion}
            </div>
        })
    }
}
