//! The list (agenda) view: upcoming events grouped by day, soonest first, a
//! page at a time; or, with `past=1`, past events newest first with their
//! recordings. The default view on phones, and a phone's week: that week's
//! days (seven columns do not fit).

use chrono::{NaiveDate, NaiveTime};
use citycal_core::agenda;
use citycal_core::filter::lists_past;
use citycal_core::layout::{list_days, period};
use citycal_core::query::View;
use citycal_core::time::resolve_local;
use leptos::prelude::*;

use crate::platform::intl::IntlZones;
use crate::platform::tree::{dynamic, dynamic_text, el, Node};
use crate::ui::chunk::in_chunk;
use crate::ui::event_card::event_card;
use crate::ui::highlight::search_terms;
use crate::ui::link::link_following;
use crate::ui::present::{event_view, EventView};
use crate::ui::state::{AppCtx, Load};

/// Events per page; "show more" adds another page.
const PAGE: usize = 20;

#[derive(Clone, PartialEq)]
struct Listing {
    past: bool,
    /// A phone's week, not the open-ended list.
    week: bool,
    days: Vec<(String, NaiveDate, Vec<EventView>)>,
    more: bool,
}

fn listing(ctx: &AppCtx, limit: usize) -> Option<Listing> {
    let Load::Ready(loaded) = ctx.load.get() else { return None };
    let zone = ctx.zone.get();
    let now = ctx.now();
    // A week (on a phone): its days, from its first.
    let week = (ctx.view() == View::Week).then(|| period(View::Week, ctx.date(), ctx.week_start()));
    let past = week.is_none() && ctx.link.with(|l| lists_past(l.past, l.filters.period).0);
    let events = &loaded.feed.events;
    // Upcoming from the chosen day's midnight, or from now when none is chosen.
    let from = week
        .map(|(first, _)| first)
        .or_else(|| ctx.link.with(|l| l.date))
        .and_then(|d| resolve_local(&IntlZones, &zone, d.and_time(NaiveTime::MIN)))
        .map_or(now, |(t, _)| t);
    let matches = ctx.matches.get();
    let chosen: Vec<_> = if past {
        agenda::past(events, now, &IntlZones, &zone)
            .filter(|(i, _)| matches.keeps(*i))
            .map(|(_, e)| e)
            .take(limit + 1)
            .collect()
    } else {
        let upcoming = agenda::upcoming(events, loaded.longest, from, &IntlZones, &zone);
        upcoming.filter(|(i, _)| matches.keeps(*i)).map(|(_, e)| e).take(limit + 1).collect()
    };
    let first_day = (!past).then(|| week.map_or_else(|| ctx.date(), |(first, _)| first));
    let (mut days, mut more) = list_days(&chosen, limit, first_day, &IntlZones, &zone);
    if let Some((_, last)) = week {
        let all = days.len();
        days.retain(|(day, _)| *day <= last);
        more &= days.len() == all;
    }
    let fmt = ctx.formatter();
    let days = days
        .into_iter()
        .map(|(day, events)| {
            let views = events.into_iter().map(|e| event_view(ctx, &loaded.feed, e, now)).collect();
            (fmt.date_long(day), day, views)
        })
        .collect();
    Some(Listing { past, week: week.is_some(), days, more })
}

in_chunk!(
    list_view,
    load_list_view,
    pub fn list_view(ctx: AppCtx) -> Node {
        let limit = RwSignal::new(PAGE);
        // A new starting point starts a new first page.
        Effect::new(move |_| {
            ctx.link.with(|l| (l.date, l.past));
            limit.set(PAGE);
        });
        let list = Memo::new(move |_| listing(&ctx, limit.get()));
        let past = move || ctx.link.with(|l| lists_past(l.past, l.filters.period).0);
        // The period may decide it ("past, with a recording"): then no toggle.
        let decided = move || ctx.link.with(|l| lists_past(l.past, l.filters.period).1.is_some());
        let toggle = Signal::derive(move || ctx.with_link(|l| l.past = !l.past));
        let days = dynamic(move || {
            let Some(list) = list.get() else { return Node::Empty };
            let words = search_terms(&ctx);
            let empty = list.days.is_empty().then(|| {
                ctx.t(match (list.week, list.past) {
                    (true, _) => "no-events-week",
                    (false, true) => "no-past",
                    (false, false) => "no-upcoming",
                })
            });
            let days = list.days.into_iter().map(|(label, day, views)| {
                el("section")
                    .class("list-day")
                    .attr("data-date", day.to_string())
                    .child(
                        el("h3")
                            .class("list-day-heading")
                            .child(el("time").attr("datetime", day.to_string()).child(label)),
                    )
                    .children(views.into_iter().map(|v| event_card(ctx, v, &words)).collect())
                    .into()
            });
            Node::Many(vec![
                empty.map(|e| el("p").class("empty").attr("role", "status").child(e)).into(),
                days.collect::<Vec<_>>().into(),
            ])
        });
        // The heading, the toggle and "show more" stay the same elements while
        // the days change, so focus stays on the control just used.
        Node::from(
            el("section")
                .class("event-list")
                .attr("aria-labelledby", "list-heading")
                .child(
                    el("div")
                        .class("list-header")
                        .child(el("h2").attr("id", "list-heading").child(dynamic_text(move || {
                            ctx.t(if past() { "past-heading" } else { "upcoming-heading" })
                        })))
                        .child(
                            link_following(ctx, toggle)
                                .class("button toggle-past")
                                // A week's list has its own previous and next.
                                .attr_dyn("hidden", move || (ctx.view() == View::Week || decided()).then(String::new))
                                .child(dynamic_text(move || ctx.t(if past() { "show-upcoming" } else { "show-past" }))),
                        ),
                )
                .child(days)
                .child(
                    el("button")
                        .attr("type", "button")
                        .class("button show-more")
                        .attr_dyn("hidden", move || {
                            (!list.with(|l| l.as_ref().is_some_and(|l| l.more))).then(String::new)
                        })
                        .on("click", move |_| limit.update(|n| *n += PAGE))
                        .child(dynamic_text(move || ctx.t("show-more"))),
                ),
        )
    }
);
