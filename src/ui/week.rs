//! The week and day views: day columns on a time axis, with all-day (and
//! day-long) events in a row on top, overlapping events side by side, and a
//! line at the current time. A week shows one column per day; on phones the
//! week becomes a day with previous/next day (see `AppCtx::view`).

use chrono::{Duration, NaiveDate};
use citycal_core::layout::{
    css_percent, day_spans, now_minute, spans_between, time_grid, week_start, Placed, DAY_MINUTES,
};
use citycal_core::query::View;
use leptos::prelude::*;

use crate::platform::tree::{dynamic, el, Node};
use crate::platform::{dom, intl::IntlZones};
use crate::ui::chip::event_chip;
use crate::ui::chunk::in_chunk;
use crate::ui::highlight::search_terms;
use crate::ui::link::link;
use crate::ui::present::{chip, Chip};
use crate::ui::state::{AppCtx, Load};

/// Where the time axis starts scrolled to: 08:00.
const MORNING: f64 = 8.0 / 24.0;

struct Column {
    date: NaiveDate,
    heading: String,
    label: String,
    today: bool,
    all_day: Vec<Chip>,
    timed: Vec<(Chip, Placed)>,
}

struct Grid {
    columns: Vec<Column>,
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
    let columns = days
        .iter()
        .map(|&day| Column {
            date: day,
            heading: format!("{} {}", fmt.weekday(day), chrono::Datelike::day(&day)),
            label: fmt.date_long(day),
            today: day == today,
            all_day: day_spans(&spans, day)
                .into_iter()
                .filter(|s| s.is_all_day_row())
                .map(|s| chip(ctx, &fmt, s, day))
                .collect(),
            timed: time_grid(&spans, day).into_iter().map(|p| (chip(ctx, &fmt, &spans[p.span], day), p)).collect(),
        })
        .collect();
    Some(Grid {
        columns,
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
        // Start the axis at the morning once, not on every re-render.
        let scrolled = StoredValue::new(false);
        dynamic(move || {
            let Some(g) = grid(&ctx, view) else { return Node::Empty };
            if !scrolled.get_value() {
                scrolled.set_value(true);
                request_animation_frame(move || {
                    if let Some(root) = ctx.root.get_untracked() {
                        dom::scroll_in(&root, ".tg-scroll", MORNING);
                    }
                });
            }
            let words = search_terms(&ctx);
            let class = if g.columns.len() == 1 { "time-grid one-day" } else { "time-grid" };
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
                    el("ul").class("tg-cell chips").attr("aria-label", c.label.clone()).children(chips).into()
                })
                .collect();
            let hours = g
                .hours
                .into_iter()
                .enumerate()
                .map(|(h, label)| el("span").class("tg-hour").style("top", percent(h as u32 * 60)).child(label).into())
                .collect();
            let columns = g.columns.into_iter().map(|c| day_column(ctx, c, &words)).collect();
            Node::Many(vec![
                g.empty.map(|e| el("p").class("empty").attr("role", "status").child(e)).into(),
                el("div")
                    .class(class)
                    .attr("role", "group")
                    .attr("aria-labelledby", "period-title")
                    .child(el("div").class("tg-row tg-head").child(el("div").class("tg-gutter")).children(heads))
                    .child(
                        el("div")
                            .class("tg-row tg-all-day")
                            .child(el("div").class("tg-gutter").child(g.all_day_label))
                            .children(all_day),
                    )
                    .child(
                        el("div").class("tg-scroll").child(
                            el("div")
                                .class("tg-row tg-body")
                                .child(
                                    el("div").class("tg-gutter tg-hours").attr("aria-hidden", "true").children(hours),
                                )
                                .children(columns),
                        ),
                    )
                    .into(),
            ])
        })
    }
);

fn day_column(ctx: AppCtx, c: Column, words: &[String]) -> Node {
    let slots = c.timed.into_iter().map(|(chip, p)| {
        el("li")
            .class("tg-slot")
            .style("top", percent(p.top))
            .style("height", percent(p.bottom - p.top))
            .style("left", css_percent(p.column, p.columns))
            .style("width", css_percent(1, p.columns))
            .child(event_chip(ctx, chip, "0", words))
            .into()
    });
    el("ul")
        .class(if c.today { "tg-col today" } else { "tg-col" })
        .attr("data-date", c.date.to_string())
        .attr("aria-label", c.label)
        .children(slots.collect())
        .child(c.today.then(|| now_line(ctx, c.date)))
        .into()
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
