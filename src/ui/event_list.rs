//! The agenda: upcoming events soonest first, or past events newest first.

use citycal_core::agenda;
use leptos::prelude::*;

use crate::platform::{intl::IntlZones, now};
use crate::ui::event_card::EventCard;
use crate::ui::present::{event_view, EventView};
use crate::ui::state::{use_app_ctx, Load};

#[component]
pub fn EventList() -> impl IntoView {
    let ctx = use_app_ctx();
    let (show_past, set_show_past) = signal(false);
    // Everything the list shows, recomputed when language, zone or feed change.
    let listing = move || {
        let Load::Ready(loaded) = ctx.load.get() else { return None };
        let now = now();
        let zone = ctx.zone.get();
        let (upcoming, past) = agenda::split(&loaded.feed.events, now, &IntlZones, &zone);
        let past_selected = show_past.get();
        let chosen = if past_selected { past } else { upcoming };
        let views: Vec<EventView> = chosen.iter().map(|e| event_view(&ctx, &loaded.feed, e, now)).collect();
        Some((past_selected, views))
    };
    move || {
        listing().map(|(past, views)| {
            let heading = ctx.t(if past { "past-heading" } else { "upcoming-heading" });
            let toggle = ctx.t(if past { "show-upcoming" } else { "show-past" });
            let count = ctx.t_args("event-count", &[("count", views.len().into())]);
            let empty = views.is_empty().then(|| ctx.t(if past { "no-past" } else { "no-upcoming" }));
            view! {
                <section class="event-list" aria-labelledby="list-heading">
                    <div class="list-header">
                        <h2 id="list-heading">{heading}</h2>
                        <span class="count">{count}</span>
                        <button type="button" class="button toggle-past"
                            on:click=move |_| set_show_past.update(|p| *p = !*p)>{toggle}</button>
                    </div>
                    {empty.map(|e| view! { <p class="empty">{e}</p> })}
                    {views.into_iter().map(|v| view! { <EventCard view=v/> }).collect_view()}
                </section>
            }
        })
    }
}
