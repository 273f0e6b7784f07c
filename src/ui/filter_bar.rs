//! Search and filters: the search field, a panel of facets (each value with
//! the number of events it would give), time presets, a date range and a
//! time-of-day window; the active filters as removable chips; and, when
//! nothing matches, which filter to drop. Every change goes to the URL.

use citycal_core::agenda::count_upcoming;
use citycal_core::feed::Format;
use citycal_core::filter::{
    active, facet_counts, format_from_name, lists_past, remove, Active, End, Facet, FieldPair, Filters, PairError,
    Period, Viewer,
};
use citycal_core::i18n::msg;
use citycal_core::layout::first_weekday;
use citycal_core::query::{View, ViewState};
use leptos::prelude::*;

use crate::platform::dom;
use crate::platform::intl::{language_name, region_name, sort_by_label, IntlZones};
use crate::platform::tree::{dynamic, dynamic_text, el, El, Node};
use crate::ui::chunk::{chunk, in_chunk, lazy, now};
use crate::ui::filtering::filtering;
use crate::ui::state::{AppCtx, Load, Loaded};

fn facet_label(facet: Facet) -> &'static str {
    match facet {
        Facet::Theme => msg("facet-theme"),
        Facet::Spoken => msg("facet-spoken"),
        Facet::Format => msg("facet-format"),
        Facet::Country => msg("facet-country"),
        Facet::City => msg("facet-city"),
        Facet::Organizer => msg("facet-org"),
        Facet::Series => msg("facet-series"),
        Facet::Source => msg("facet-source"),
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
        Facet::Source => feed.source(value).and_then(|s| pick(&s.name)),
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
            ctx.t_args("chip-hours", &[("from", fmt.clock(h.from).into()), ("to", fmt.clock(h.to).into())])
        }
        Active::Text(t) => ctx.t_args("chip-search", &[("text", t.trim().into())]),
    }
}

fn viewer_for<'a>(ctx: &AppCtx, zone: &'a str) -> Viewer<'a> {
    Viewer { now: ctx.now(), rules: &IntlZones, zone, week_starts: first_weekday(&ctx.format_locale()) }
}

/// Sets the link's filters (leaving an open event page); `push` adds a history entry.
type SetFilters = fn(AppCtx, Filters, bool);

fn set_filters(ctx: AppCtx, f: Filters, push: bool) {
    ctx.go(ViewState { event: None, ..ctx.link.get_untracked() }.with_filters(f), push)
}

pub fn filter_bar(ctx: AppCtx) -> Node {
    let filters = Memo::new(move |_| ctx.link.with(|l| l.filters.clone()));
    let set: SetFilters = set_filters;
    let open = RwSignal::new(false);
    // Typing replaces the history entry; the other controls add one.
    let search = move |event: web_sys::Event| {
        let text = dom::target_value(&event);
        set(ctx, Filters { text, ..filters.get_untracked() }, false);
    };
    let n_active = move || active(&filters.get()).len();
    let summary = el("summary").class("button secondary").child(dynamic_text(move || ctx.t("filters-heading"))).child(
        dynamic(move || {
            let n = n_active();
            (n > 0).then(|| Node::Many(vec![" ".into(), el("span").class("badge").child(n.to_string()).into()])).into()
        }),
    );
    let panel = el("details")
        .class("filter-panel")
        .prop_dyn("open", move || open.get().into())
        .on("toggle", move |e| open.set(dom::is_open(&e)))
        .child(summary)
        // The panel's code is a wasm chunk (`chunk.rs`), fetched when it is first opened.
        .child(dynamic(move || {
            open.get()
                .then(|| lazy(ctx, chunk!(load_filter_panel), move || now(filter_panel(ctx, filters, set, open))))
                .into()
        }));
    let search_field =
        el("label").class("search").child(visually_hidden(dynamic_text(move || ctx.t("search-label")))).child(
            el("input")
                .attr("type", "search")
                .attr("id", "cc-search")
                .attr("autocomplete", "off")
                // A phone's field is too narrow for the list of what can be searched.
                .attr_dyn("placeholder", move || {
                    Some(ctx.t(if ctx.narrow.get() { "search-label" } else { "search-placeholder" }))
                })
                .prop_dyn("value", move || filters.with(|f| f.text.as_str().into()))
                .on("input", search),
        );
    Node::from(
        el("section")
            .class("filter-bar")
            .attr_dyn("aria-label", move || Some(ctx.t("filters-heading")))
            .child(el("div").class("search-row").child(search_field).child(panel))
            .child(dynamic(move || active_chips(ctx, filters, set)))
            .child(dynamic(move || no_matches(ctx, filters, set))),
    )
}

fn visually_hidden(text: Node) -> El {
    el("span").class("visually-hidden").child(text)
}

/// `text` then a space, then `input`, in one label.
fn labelled(text: Node, input: El) -> El {
    el("label").child(text).child(" ").child(input)
}

// In the filtering chunk, which the first filter chosen needs anyway (a
// split point of its own cut the code the views share into more chunks).
in_chunk!(
    filtering,
    load_filter_panel,
    /// The facets and time controls (built only while the panel is open: the
    /// counts cost a pass over the feed per facet).
    fn filter_panel(ctx: AppCtx, filters: Memo<Filters>, set: SetFilters, open: RwSignal<bool>) -> Node {
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
                    sort_by_label(&ctx.format_locale(), &mut values, |v| &v.0);
                    (facet, values)
                })
                .filter(|(_, values)| !values.is_empty())
                .collect::<Vec<_>>()
        };
        let period = move |p: Option<Period>| set(ctx, Filters { period: p, ..filters.get_untracked() }, true);
        // What the date and time fields say, as typed (`FieldPair`: texts that
        // make no range are kept in the fields, marked, and not applied). The
        // fields' values follow the filters and read these untracked, so a
        // refused keystroke does not rewrite the field being typed in.
        let dates = RwSignal::new(FieldPair::showing(filters.get_untracked().dates()));
        let hours = RwSignal::new(FieldPair::showing(filters.get_untracked().hours));
        let date = move |event: web_sys::Event, end: End| {
            let mut f = filters.get_untracked();
            let (pair, changed) = dates.with_untracked(|p| p.set(&f.dates(), end, &dom::target_value(&event)));
            dates.set(pair);
            if let Some(range) = changed {
                f.set_dates(range);
                set(ctx, f, true);
            }
        };
        let hours_input = move |event: web_sys::Event, end: End| {
            let mut f = filters.get_untracked();
            let (pair, changed) = hours.with_untracked(|p| p.set(&f.hours, end, &dom::target_value(&event)));
            hours.set(pair);
            if let Some(window) = changed {
                f.hours = window;
                set(ctx, f, true);
            }
        };
        let invalid = |bad: bool| bad.then(|| "true".to_owned());
        let facet_sets = dynamic(move || {
            let sets = facets().into_iter().map(|(facet, values)| {
                let items = values.into_iter().map(|(label, value, n, checked)| {
                    let disabled = n == 0 && !checked;
                    let toggle = move |_| {
                        let mut f = filters.get_untracked();
                        f.toggle(facet, &value);
                        set(ctx, f, true);
                    };
                    let input = el("input")
                        .attr("type", "checkbox")
                        .prop_bool("checked", checked)
                        .attr_opt("disabled", disabled.then_some(""))
                        .on("change", toggle);
                    let text =
                        el("span").child(label).child(" ").child(el("span").class("count").child(format!("({n})")));
                    el("li")
                        .child(el("label").attr_opt("class", disabled.then_some("disabled")).child(input).child(text))
                        .into()
                });
                el("fieldset")
                    .class("facet")
                    .attr("data-facet", facet.param())
                    .child(el("legend").child(ctx.t(facet_label(facet))))
                    .child(el("ul").children(items.collect()))
                    .into()
            });
            Node::Many(sets.collect())
        });
        let periods = [
            None,
            Some(Period::Upcoming),
            Some(Period::ThisWeek),
            Some(Period::ThisMonth),
            Some(Period::PastWithRecording),
        ]
        .into_iter()
        .map(|p| {
            let input = el("input")
                .attr("type", "radio")
                .attr("name", "cc-period")
                .prop_dyn("checked", move || filters.with(|f| f.period == p).into())
                .on("change", move |_| period(p));
            el("li")
                .child(el("label").child(input).child(" ").child(dynamic_text(move || ctx.t(period_label(p)))))
                .into()
        })
        .collect();
        let date_input = |end: End| {
            el("input")
                .attr("type", "date")
                .prop_dyn("value", move || filters.with(|f| dates.with_untracked(|p| p.text(&f.dates(), end))).into())
                .attr_dyn("aria-invalid", move || {
                    invalid(filters.with(|f| dates.with(|p| p.is_fault(&f.dates(), end))))
                })
                .attr("aria-describedby", "cc-dates-error")
                .on("change", move |e| date(e, end))
        };
        let hours_field = |end: End| {
            el("input")
                .attr("type", "time")
                .attr("step", "900")
                .class(match end {
                    End::From => "hours-from",
                    End::To => "hours-to",
                })
                .prop_dyn("value", move || filters.with(|f| hours.with_untracked(|p| p.text(&f.hours, end))).into())
                .attr_dyn("aria-invalid", move || invalid(filters.with(|f| hours.with(|p| p.is_fault(&f.hours, end)))))
                .attr("aria-describedby", "cc-hours-error")
                .on("change", move |e| hours_input(e, end))
        };
        let text = move |id: &'static str| dynamic_text(move || ctx.t(id));
        // Why a pair of fields was not applied, under them (the fields are
        // marked aria-invalid and described by it).
        let problem = move |id: &'static str, why: Signal<Option<(End, PairError)>>, words: [&'static str; 3]| {
            let [start_crossed, end_crossed, malformed] = words;
            el("span").attr("id", id).class("field-error").attr("role", "status").child(dynamic_text(move || match why
                .get()
            {
                Some((End::From, PairError::Crossed)) => ctx.t(start_crossed),
                Some((End::To, PairError::Crossed)) => ctx.t(end_crossed),
                Some((_, PairError::Malformed(_))) => ctx.t(malformed),
                None => String::new(),
            }))
        };
        let dates_problem = Signal::derive(move || filters.with(|f| dates.with(|p| p.problem(&f.dates()))));
        let hours_problem = Signal::derive(move || filters.with(|f| hours.with(|p| p.problem(&f.hours))));
        let time_facet = el("fieldset")
            .class("facet time-facet")
            .child(el("legend").child(text("period-label")))
            .child(el("ul").children(periods))
            .child(
                el("div")
                    .class("range")
                    .child(labelled(text("date-from"), date_input(End::From)))
                    .child(labelled(text("date-to"), date_input(End::To)))
                    .child(problem(
                        "cc-dates-error",
                        dates_problem,
                        ["range-start-date-crossed", "range-end-date-crossed", "range-date-malformed"],
                    )),
            )
            .child(
                el("div")
                    .class("range hours")
                    .child(el("span").child(text("hours-label")))
                    .child(labelled(text("hours-from"), hours_field(End::From)))
                    .child(labelled(text("hours-to"), hours_field(End::To)))
                    .child(problem(
                        "cc-hours-error",
                        hours_problem,
                        ["range-start-time-crossed", "range-end-time-crossed", "range-hours-malformed"],
                    )),
            );
        // A phone's panel is taller than its screen: its end closes it, back
        // on the events (focus on the panel's toggle, above them).
        let done = el("button")
            .attr("type", "button")
            .class("button done")
            .child(dynamic_text(move || ctx.t_args("show-events", &[("count", shown_count(&ctx).1.into())])))
            .on("click", move |_| {
                open.set(false);
                if let Some(root) = ctx.root.get_untracked() {
                    dom::focus_in(&root.into(), ".filter-panel > summary");
                }
            });
        el("div").class("filter-panel-body").child(facet_sets).child(time_facet).child(done).into()
    }
);

/// The active filters, each removable, and "clear all".
fn active_chips(ctx: AppCtx, filters: Memo<Filters>, set: SetFilters) -> Node {
    let Load::Ready(loaded) = ctx.load.get() else { return Node::Empty };
    let f = filters.get();
    let pieces = active(&f);
    if pieces.is_empty() {
        return Node::Empty;
    }
    let (id, n) = shown_count(&ctx);
    // Not "0 events match" while the filtering chunk is on its way.
    let count = (!ctx.matches.with(|m| m.pending)).then(|| ctx.t_args(id, &[("count", n.into())]));
    let mut chips: Vec<Node> = pieces
        .into_iter()
        .map(|piece| {
            let label = chip_label(&ctx, &loaded, &piece);
            let aria = ctx.t_args("remove-filter", &[("filter", label.clone().into())]);
            let without = remove(&f, &piece);
            let button = el("button")
                .attr("type", "button")
                .class("filter-chip")
                .attr("aria-label", aria)
                .on("click", move |_| set(ctx, without.clone(), true))
                .child(label)
                .child(el("span").attr("aria-hidden", "true").child(" ×"));
            el("li").child(button).into()
        })
        .collect();
    chips.push(
        el("li")
            .child(
                el("button")
                    .attr("type", "button")
                    .class("link-button clear-filters")
                    .on("click", move |_| set(ctx, Filters::default(), true))
                    .child(ctx.t("clear-filters")),
            )
            .into(),
    );
    el("div")
        .class("active-filters")
        .child(count.map(|count| el("p").class("match-count").attr("role", "status").child(count)))
        .child(el("ul").children(chips))
        .into()
}

/// How many events the view shows with the filters, and the message that
/// says so: in the list, what it lists ("3 upcoming events match", or past
/// ones); in the grids, every event the filters let through.
fn shown_count(ctx: &AppCtx) -> (&'static str, usize) {
    let matches = ctx.matches.get();
    let Load::Ready(loaded) = ctx.load.get() else { return ("filters-match", matches.count) };
    if ctx.view() != View::List {
        return ("filters-match", matches.count);
    }
    let past = ctx.link.with(|l| lists_past(l.past, l.filters.period).0);
    let zone = ctx.zone.get();
    let (to_come, over) = count_upcoming(&loaded.feed.events, ctx.now(), &IntlZones, &zone, &|i| matches.keeps(i));
    if past {
        ("filters-match-past", over)
    } else {
        ("filters-match-upcoming", to_come)
    }
}

/// Nothing matches: say so, and offer the one removal that brings back the most.
fn no_matches(ctx: AppCtx, filters: Memo<Filters>, set: SetFilters) -> Node {
    let Load::Ready(loaded) = ctx.load.get() else { return Node::Empty };
    let f = filters.get();
    if f.is_empty() || ctx.matches.get().count > 0 {
        return Node::Empty;
    }
    let zone = ctx.zone.get();
    // Matches with filters were worked out by the filtering chunk: it is here.
    let Some(filtering) = now(filtering()) else { return Node::Empty };
    let suggestion = (filtering.best_to_drop)(&loaded, &f, &viewer_for(&ctx, &zone)).map(|(piece, n)| {
        let label = chip_label(&ctx, &loaded, &piece);
        let text = ctx.t_args("drop-suggestion", &[("filter", label.into()), ("count", n.into())]);
        let without = remove(&f, &piece);
        el("button")
            .attr("type", "button")
            .class("button")
            .on("click", move |_| set(ctx, without.clone(), true))
            .child(text)
    });
    el("div")
        .class("notice warning no-matches")
        .attr("role", "status")
        .child(el("p").child(ctx.t("no-matches")))
        .child(suggestion)
        .into()
}
