//! The week and day views: day columns on a time axis, with all-day (and
//! day-long) events in a row on top, overlapping events side by side, and a
//! line at the current time. A week shows one column per day (on phones a
//! week is a list instead, see `app.rs`). The axis opens on the period's
//! first event; buttons above and below it say how many events are out of
//! view and bring them in. A day whose events overlap too deep to read is
//! an agenda: its events one under another.

use chrono::{Duration, NaiveDate};
use citycal_core::layout::{
    crowded, css_percent, day_spans, now_minute, opening_minute, out_of_view, spans_between, time_grid, week_bars,
    week_start, Bar, Placed, Span, DAY_MINUTES, MIN_MINUTES,
};
use citycal_core::query::View;
use leptos::prelude::*;

use crate::platform::tree::{dynamic, el, Node};
use crate::platform::{dom, intl::IntlZones};
use crate::ui::chip::{event_bar, event_chip};
use crate::ui::chunk::in_chunk;
use crate::ui::highlight::search_terms;
use crate::ui::link::link;
use crate::ui::present::{chip, Chip};
use crate::ui::state::{AppCtx, Load};

/// How many overlapping events a day's column shows side by side before it
/// becomes an agenda: in a week's narrow columns (three at 1280 px are 50 px
/// wide, a word a line), in a phone's day, and in a wide day.
const WEEK_COLUMNS: u32 = 2;
const PHONE_DAY_COLUMNS: u32 = 2;
const DAY_COLUMNS: u32 = 4;

/// Events a crowded day of a week lists before "+N more" (the day has all).
const WEEK_AGENDA: usize = 6;

struct Column {
    date: NaiveDate,
    heading: String,
    label: String,
    today: bool,
    all_day: Vec<Chip>,
    /// Events over several days starting in this column of a week (or
    /// running on from before it, in its first): one bar across their days.
    bars: Vec<(Chip, Bar)>,
    timed: Vec<(Chip, Placed)>,
    /// Overlapping deeper than the column can show: listed, not placed.
    crowded: bool,
    /// "+3 more", when a crowded day of a week lists only its first events.
    more: Option<String>,
}

struct Grid {
    columns: Vec<Column>,
    /// Lanes of the all-day row's bars.
    lanes: usize,
    hours: Vec<String>,
    all_day_label: String,
    empty: Option<String>,
}

fn grid(ctx: &AppCtx, view: View) -> Option<Grid> {
    let Load::Ready(loaded) = ctx.load.get() else { return None };
    let date = ctx.date();
    let days: Vec<NaiveDate> = match view {
        View::Week => {
            let start = week_start(date, ctx.week_start());
            (0..7).map(|i| start + Duration::days(i)).collect()
        }
        _ => vec![date],
    };
    let zone = ctx.zone.get();
    let fmt = ctx.formatter();
    let today = ctx.today();
    let matches = ctx.matches.get();
    let keep = |i: usize| matches.keeps(i);
    let spans =
        spans_between(&loaded.feed.events, loaded.longest, days[0], days[days.len() - 1], &IntlZones, &zone, &keep);
    let max_columns = match view {
        View::Week => WEEK_COLUMNS,
        _ if ctx.narrow.get() => PHONE_DAY_COLUMNS,
        _ => DAY_COLUMNS,
    };
    // A week draws an all-day event over several days as one bar (as the month does).
    let bars = match <[NaiveDate; 7]>::try_from(days.as_slice()) {
        Ok(week) => {
            let all_day: Vec<usize> = (0..spans.len()).filter(|&i| spans[i].is_all_day_row()).collect();
            let picked: Vec<Span> = all_day.iter().map(|&i| spans[i]).collect();
            week_bars(&picked, &week).into_iter().map(|b| (all_day[b.span], b)).collect()
        }
        Err(_) => Vec::new(),
    };
    let lanes = bars.iter().map(|(_, b): &(usize, Bar)| b.lane + 1).max().unwrap_or(0);
    let columns = days
        .iter()
        .enumerate()
        .map(|(k, &day)| {
            let placed = time_grid(&spans, day);
            let crowded = crowded(&placed, max_columns);
            let shown = if crowded && view == View::Week { WEEK_AGENDA } else { usize::MAX };
            let more = placed.len().saturating_sub(shown);
            Column {
                date: day,
                heading: format!("{} {}", fmt.weekday(day), chrono::Datelike::day(&day)),
                label: fmt.date_long(day),
                today: day == today,
                all_day: day_spans(&spans, day)
                    .into_iter()
                    .filter(|s| s.is_all_day_row() && !bars.iter().any(|(i, _)| std::ptr::eq(&spans[*i], *s)))
                    .map(|s| chip(ctx, &fmt, s, day))
                    .collect(),
                bars: bars
                    .iter()
                    .filter(|(_, b)| b.column == k)
                    .map(|(i, b)| (chip(ctx, &fmt, &spans[*i], day), *b))
                    .collect(),
                timed: placed.into_iter().take(shown).map(|p| (chip(ctx, &fmt, &spans[p.span], day), p)).collect(),
                crowded,
                more: (more > 0).then(|| ctx.t_args("more-events", &[("count", more.into())])),
            }
        })
        .collect();
    Some(Grid {
        columns,
        lanes,
        hours: (0..24).map(|h| fmt.hour(h)).collect(),
        all_day_label: ctx.t("all-day"),
        empty: spans.is_empty().then(|| ctx.t(if view == View::Week { "no-events-week" } else { "no-events-day" })),
    })
}

fn percent(minutes: u32) -> String {
    css_percent(minutes, DAY_MINUTES)
}

in_chunk!(
    time_grid_view,
    load_time_grid_view,
    /// The week or the day (`view`) as columns of hours.
    pub fn time_grid_view(ctx: AppCtx, view: View) -> Node {
        // The minutes of the axis in view, as the visitor scrolls it.
        let seen = RwSignal::new((0, DAY_MINUTES));
        // The whole time and title of the block with keyboard focus, shown
        // under the axis (a short block shows only its title's first line;
        // growing it on focus would cover its neighbours).
        let focused = RwSignal::new(None::<String>);
        let root = move || ctx.root.get_untracked();
        let read_seen = move || {
            if let Some((top, bottom)) = root().and_then(|r| dom::in_view(&r, ".tg-scroll")) {
                let minute = |f: f64| (f.clamp(0.0, 1.0) * f64::from(DAY_MINUTES)) as u32;
                seen.set((minute(top), minute(bottom)));
            }
        };
        let scroll_to = move |minute: u32| {
            if let Some(root) = root() {
                dom::scroll_in(&root, ".tg-scroll", f64::from(minute) / f64::from(DAY_MINUTES));
            }
        };
        dynamic(move || {
            let Some(g) = grid(&ctx, view) else { return Node::Empty };
            // Each new grid opens on its first event (not a fixed hour): a
            // week of night events opens on the night.
            // A crowded day's list is one block, from its first event's time.
            let placed: Vec<Placed> = g
                .columns
                .iter()
                .flat_map(|c| c.timed.iter().take(if c.crowded { 1 } else { usize::MAX }).map(|(_, p)| *p))
                .collect();
            let opening = opening_minute(&placed);
            request_animation_frame(move || {
                scroll_to(opening);
                read_seen();
            });
            let words = search_terms(&ctx);
            let class = if g.columns.len() == 1 { "time-grid one-day" } else { "time-grid" };
            // "12:00 PM" needs a wider axis than "12:00" (on one line).
            let gutter = if g.hours.iter().any(|h| h.chars().count() > 5) { "4.5rem" } else { "3.5rem" };
            // A crowded day alone is an agenda, without the axis.
            let agenda_day = g.columns.len() == 1 && g.columns[0].crowded;
            let heads = g
                .columns
                .iter()
                .map(|c| {
                    let to = ctx.with_link(|l| {
                        l.view = Some(View::Day);
                        l.date = Some(c.date);
                    });
                    // The short heading shows, the full date is read: the name
                    // then holds what shows (WCAG 2.5.3), unlike an aria-label.
                    let day_link = link(ctx, to)
                        .attr_opt("aria-current", c.today.then_some("page"))
                        .child(el("span").attr("aria-hidden", "true").child(c.heading.clone()))
                        .child(el("span").class("visually-hidden").child(c.label.clone()));
                    el("div").class(if c.today { "tg-day-head today" } else { "tg-day-head" }).child(day_link).into()
                })
                .collect();
            let all_day = g
                .columns
                .iter()
                .map(|c| {
                    let chips = c
                        .all_day
                        .iter()
                        .cloned()
                        .map(|chip| el("li").child(event_chip(ctx, chip, "0", &words)).into())
                        .collect();
                    let bars: Vec<Node> =
                        c.bars.iter().map(|(chip, b)| event_bar(ctx, chip.clone(), b, "0", &words)).collect();
                    let bars = (g.lanes > 0)
                        .then(|| el("ul").class("bars").style("--lanes", g.lanes.to_string()).children(bars));
                    el("div")
                        .class("tg-cell")
                        .attr("role", "group")
                        .attr("aria-label", c.label.clone())
                        .child(bars)
                        .child(el("ul").class("chips").children(chips))
                        .into()
                })
                .collect();
            let hours = g
                .hours
                .into_iter()
                .enumerate()
                .map(|(h, label)| el("span").class("tg-hour").style("top", percent(h as u32 * 60)).child(label).into())
                .collect();
            let body: Node = if agenda_day {
                let c = g.columns.into_iter().next().map(|c| day_agenda(ctx, c, &words));
                el("div").class("tg-agenda-day").child(c).into()
            } else {
                let columns = g.columns.into_iter().map(|c| day_column(ctx, c, &words)).collect();
                el("div")
                    .class("tg-frame")
                    .child(out_of_view_button(ctx, seen, placed.clone(), true, scroll_to))
                    .child(
                        el("div").class("tg-scroll").on("scroll", move |_| read_seen()).child(
                            el("div")
                                .class("tg-row tg-body")
                                .child(
                                    el("div").class("tg-gutter tg-hours").attr("aria-hidden", "true").children(hours),
                                )
                                .children(columns),
                        ),
                    )
                    .child(out_of_view_button(ctx, seen, placed, false, scroll_to))
                    .on("focusin", move |e| focused.set(dom::target_attribute(&e, "aria-label")))
                    .on("focusout", move |_| focused.set(None))
                    .child(dynamic(move || {
                        // Screen readers have read it already, as the link's name.
                        focused
                            .get()
                            .map(|label| el("p").class("tg-focused").attr("aria-hidden", "true").child(label))
                            .into()
                    }))
                    .into()
            };
            Node::Many(vec![
                g.empty.map(|e| el("p").class("empty").attr("role", "status").child(e)).into(),
                el("div")
                    .class(class)
                    .style("--gutter", gutter)
                    .attr("role", "group")
                    .attr("aria-labelledby", "period-title")
                    .child(el("div").class("tg-row tg-head").child(el("div").class("tg-gutter")).children(heads))
                    .child(
                        el("div")
                            .class("tg-row tg-all-day")
                            .child(el("div").class("tg-gutter").child(g.all_day_label))
                            .children(all_day),
                    )
                    .child(body)
                    .into(),
            ])
        })
    }
);

/// "2 earlier events" above the axis (`above`), or "3 later events" below
/// it, while events are out of view that way: a button that scrolls the
/// nearest into view and puts focus on it.
fn out_of_view_button(
    ctx: AppCtx,
    seen: RwSignal<(u32, u32)>,
    placed: Vec<Placed>,
    above: bool,
    scroll_to: impl Fn(u32) + Copy + Send + Sync + 'static,
) -> Node {
    dynamic(move || {
        let (from, to) = seen.get();
        let out = out_of_view(&placed, from, to);
        let (count, target) = if above { (out.earlier, out.earlier_last) } else { (out.later, out.later_first) };
        let Some(target) = target else { return Node::Empty };
        let key = if above { "earlier-events" } else { "later-events" };
        el("button")
            .attr("type", "button")
            .class(if above { "button tg-out above" } else { "button tg-out below" })
            .on("click", move |_| {
                scroll_to(target.saturating_sub(15));
                if let Some(root) = ctx.root.get_untracked() {
                    dom::focus_in(&root, &format!(".tg-col [data-minute='{target}'] a"));
                }
            })
            .child(el("span").attr("aria-hidden", "true").child(if above { "↑ " } else { "↓ " }))
            .child(ctx.t_args(key, &[("count", count.into())]))
            .into()
    })
}

fn day_column(ctx: AppCtx, c: Column, words: &[String]) -> Node {
    let more_link = c.more.map(|more| {
        let to = ctx.with_link(|l| {
            l.view = Some(View::Day);
            l.date = Some(c.date);
        });
        el("li").class("tg-more").child(link(ctx, to).class("more").child(more))
    });
    let slots: Vec<Node> = if c.crowded {
        // Too deep to read side by side: one under another, from the first.
        let top = c.timed.first().map_or(0, |(_, p)| p.top);
        let chips = c.timed.into_iter().map(|(chip, p)| slot_item(ctx, chip, &p, words, "tg-listed").into()).collect();
        vec![el("li")
            .class("tg-agenda")
            .style("top", percent(top))
            .child(el("ul").class("chips").children(chips).child(more_link))
            .into()]
    } else {
        c.timed
            .into_iter()
            .map(|(chip, p)| {
                slot_item(
                    ctx,
                    chip,
                    &p,
                    words,
                    if p.bottom - p.top < 2 * MIN_MINUTES { "tg-slot short" } else { "tg-slot" },
                )
                .style("top", percent(p.top))
                .style("height", percent(p.bottom - p.top))
                .style("left", css_percent(p.column, p.columns))
                .style("width", css_percent(1, p.columns))
                .into()
            })
            .collect()
    };
    el("ul")
        .class(if c.today { "tg-col today" } else { "tg-col" })
        .attr("data-date", c.date.to_string())
        .attr("aria-label", c.label)
        .children(slots)
        .child(c.today.then(|| now_line(ctx, c.date)))
        .into()
}

fn slot_item(ctx: AppCtx, chip: Chip, p: &Placed, words: &[String], class: &'static str) -> crate::platform::tree::El {
    el("li").class(class).attr("data-minute", p.top.to_string()).child(event_chip(ctx, chip, "0", words))
}

/// A crowded day on its own: its timed events as a list, in time order.
fn day_agenda(ctx: AppCtx, c: Column, words: &[String]) -> Node {
    let chips = c.timed.into_iter().map(|(chip, p)| slot_item(ctx, chip, &p, words, "tg-listed").into()).collect();
    el("ul").class("chips tg-agenda-list").attr("aria-label", c.label).children(chips).into()
}

/// The current time on today's column; the only part of the grid that
/// follows the clock.
fn now_line(ctx: AppCtx, day: NaiveDate) -> Node {
    let minute = move || ctx.zone.with(|zone| now_minute(ctx.clock.get(), day, &IntlZones, zone));
    el("li")
        .class("now-line")
        .attr("aria-hidden", "true")
        .style_dyn("top", move || minute().map(percent))
        .style_dyn("display", move || minute().is_none().then(|| "none".to_owned()))
        .into()
}
