//! The list (agenda) view: upcoming events grouped by day, soonest first, a
//! page at a time; or, with `past=1`, past events newest first with their
//! recordings. The default view on phones.

use chrono::{NaiveDate, NaiveTime};
use citycal_core::agenda;
use citycal_core::layout::list_days;
use citycal_core::time::resolve_local;
use leptos::prelude::*;

use crate::platform::intl::IntlZones;
use crate::ui::event_card::EventCard;
use crate::ui::link::StateLink;
use crate::ui::present::{event_view, EventView};
use crate::ui::state::{use_app_ctx, AppCtx, Load};

/// Events per page; "show more" adds another page.
const PAGE: usize = 20;

#[derive(Clone, PartialEq)]
struct Listing {
    past: bool,
    days: Vec<(String, NaiveDate, Vec<EventView>)>,
    more: bool,
}

fn listing(ctx: &AppCtx, limit: usize) -> Option<Listing> {
    let Load::Ready(loaded) = ctx.load.get() else { return None };
    let zone = ctx.zone.get();
    let now = ctx.now();
    let past = ctx.link.with(|l| l.past);
    let events = &loaded.feed.events;
    // Upcoming from the chosen day's midnight, or from now when none is chosen.
    let from = ctx
        .link
        .with(|l| l.date)
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
    let first_day = (!past).then(|| ctx.date());
    let (days, more) = list_days(&chosen, limit, first_day, &IntlZones, &zone);
    let fmt = ctx.formatter();
    let days = days
        .into_iter()
        .map(|(day, events)| {
            let views = events.into_iter().map(|e| event_view(ctx, &loaded.feed, e, now)).collect();
            (fmt.date_long(day), day, views)
        })
        .collect();
    Some(Listing { past, days, more })
}

#[component]
pub fn ListView() -> impl IntoView {
    let ctx = use_app_ctx();
    let limit = RwSignal::new(PAGE);
    // A new starting point starts a new first page.
    Effect::new(move |_| {
        ctx.link.with(|l| (l.date, l.past));
        limit.set(PAGE);
    });
    let list = Memo::new(move |_| listing(&ctx, limit.get()));
    let past = move || ctx.link.with(|l| l.past);
    let toggle = Signal::derive(move || ctx.with_link(|l| l.past = !l.past));
    // The heading, the toggle and "show more" stay the same elements while
    // the days change, so focus stays on the control just used.
    view! {
        <section class="event-list" aria-labelledby="list-heading">
            <div class="list-header">
                <h2 id="list-heading">{move || ctx.t(if past() { "past-heading" } else { "upcoming-heading" })}</h2>
                <StateLink to=toggle class="button toggle-past">
                    {move || ctx.t(if past() { "show-upcoming" } else { "show-past" })}
                </StateLink>
            </div>
            {move || list.get().map(|list| {
                let empty = list.days.is_empty().then(|| ctx.t(if list.past { "no-past" } else { "no-upcoming" }));
                view! {
                    {empty.map(|e| view! { <p class="empty" role="status">{e}</p> })}
                    {list.days.into_iter().map(|(label, day, views)| view! {
                        <section class="list-day" data-date=day.to_string()>
                            <h3 class="list-day-heading"><time datetime=day.to_string()>{label}</time></h3>
                            {views.into_iter().map(|v| view! { <EventCard view=v/> }).collect_view()}
                        </section>
                    }).collect_view()}
                }
            })}
            <button type="button" class="button show-more" hidden=move || !list.with(|l| l.as_ref().is_some_and(|l| l.more))
                on:click=move |_| limit.update(|n| *n += PAGE)>
                {move || ctx.t("show-more")}
            </button>
        </section>
    }
}
