//! The week and day views: day columns on a time axis, with all-day (and
//! day-long) events in a row on top, overlapping events side by side, and a
//! line at the current time. A week shows one column per day; on phones the
//! week becomes a day with previous/next day (see `AppCtx::view`).

use chrono::{Duration, NaiveDate};
use citycal_core::layout::{
    css_percent, day_spans, now_minute, spans_between, time_grid, week_start, Placed, DAY_MINUTES,
};
use citycal_core::query::View;
use leptos::html;
use leptos::prelude::*;

use crate::platform::{dom, intl::IntlZones};
use crate::ui::chip::EventChip;
use crate::ui::link::StateLink;
use crate::ui::present::{chip, Chip};
use crate::ui::state::{use_app_ctx, AppCtx, Load};

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

#[component]
pub fn TimeGridView(view: View) -> impl IntoView {
    let ctx = use_app_ctx();
    let scroller = NodeRef::<html::Div>::new();
    // Start the axis at the morning once, not on every re-render.
    Effect::new(move |done: Option<bool>| {
        if done != Some(true) {
            if let Some(el) = scroller.get() {
                dom::scroll_to_fraction(&el, MORNING);
                return true;
            }
        }
        done.unwrap_or(false)
    });
    move || {
        grid(&ctx, view).map(|g| {
            let class = if g.columns.len() == 1 { "time-grid one-day" } else { "time-grid" };
            view! {
                {g.empty.map(|e| view! { <p class="empty" role="status">{e}</p> })}
                <div class=class role="group" aria-labelledby="period-title">
                    <div class="tg-row tg-head">
                        <div class="tg-gutter"></div>
                        {g.columns.iter().map(|c| {
                            let c = (c.date, c.label.clone(), c.heading.clone(), c.today);
                            let to = ctx.with_link(|l| { l.view = Some(View::Day); l.date = Some(c.0); });
                            view! {
                                <div class="tg-day-head" class:today=c.3>
                                    <StateLink to=to label=c.1 current=c.3>{c.2}</StateLink>
                                </div>
                            }
                        }).collect_view()}
                    </div>
                    <div class="tg-row tg-all-day">
                        <div class="tg-gutter">{g.all_day_label}</div>
                        {g.columns.iter().map(|c| {
                            let (label, chips) = (c.label.clone(), c.all_day.clone());
                            view! {
                                <ul class="tg-cell chips" aria-label=label>
                                    {chips.into_iter().map(chip_item).collect_view()}
                                </ul>
                            }
                        }).collect_view()}
                    </div>
                    <div class="tg-scroll" node_ref=scroller>
                        <div class="tg-row tg-body">
                            <div class="tg-gutter tg-hours" aria-hidden="true">
                                {g.hours.into_iter().enumerate().map(|(h, label)| view! {
                                    <span class="tg-hour" style:top=percent(h as u32 * 60)>{label}</span>
                                }).collect_view()}
                            </div>
                            {g.columns.into_iter().map(day_column).collect_view()}
                        </div>
                    </div>
                </div>
            }
        })
    }
}

fn day_column(c: Column) -> impl IntoView {
    view! {
        <ul class="tg-col" class:today=c.today data-date=c.date.to_string() aria-label=c.label>
            {c.timed.into_iter().map(|(chip, p)| {
                view! {
                    <li class="tg-slot"
                        style:top=percent(p.top)
                        style:height=percent(p.bottom - p.top)
                        style:left=css_percent(p.column, p.columns)
                        style:width=css_percent(1, p.columns)>
                        <EventChip chip=chip/>
                    </li>
                }
            }).collect_view()}
            {c.today.then(|| view! { <NowLine day=c.date/> })}
        </ul>
    }
}

fn chip_item(c: Chip) -> impl IntoView {
    view! { <li><EventChip chip=c/></li> }
}

/// The current time on today's column; the only part of the grid that
/// follows the clock.
#[component]
fn NowLine(day: NaiveDate) -> impl IntoView {
    let ctx = use_app_ctx();
    let minute = move || ctx.zone.with(|zone| now_minute(ctx.clock.get(), day, &IntlZones, zone));
    view! {
        <li class="now-line" aria-hidden="true" style:top=move || minute().map(percent) style:display=move || minute().is_none().then_some("none")></li>
    }
}
