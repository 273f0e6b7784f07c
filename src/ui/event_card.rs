//! One event in the list, and the facts it shares with the event page:
//! when (in the viewer's zone, and the venue's), format, languages, place,
//! registration and recording.

use leptos::prelude::*;

use crate::ui::highlight::Highlight;
use crate::ui::link::StateLink;
use crate::ui::present::EventView;
use crate::ui::state::use_app_ctx;

#[component]
pub fn EventCard(view: EventView) -> impl IntoView {
    let ctx = use_app_ctx();
    let to = ctx.with_link(|l| l.event = Some(view.id.clone()));
    let title = view.title.clone();
    let title_note = title.note.clone();
    let summary = view.summary.clone();
    let organizers = view.organizers.clone();
    let id = view.id.clone();
    view! {
        <article class="event" data-event-id=id>
            <h4 class="event-title" lang=title.lang><StateLink to=to><Highlight text=title.text/></StateLink></h4>
            {title.note.clone().map(|note| view! { <p class="fallback-note">{note}</p> })}
            <EventFacts view=view duration=None/>
            // Said once per card: the title's note covers a summary in the same language.
            {summary.map(|s| {
                let note = s.note.filter(|n| title_note.as_ref() != Some(n));
                view! {
                    {note.map(|n| view! { <p class="fallback-note">{n}</p> })}
                    <p class="summary" lang=s.lang><Highlight text=s.text/></p>
                }
            })}
            {organizers.map(|o| view! { <p class="organizers">{o}</p> })}
        </article>
    }
}

#[component]
pub fn EventFacts(view: EventView, duration: Option<String>) -> impl IntoView {
    let ctx = use_app_ctx();
    let EventView { start_iso, start_text, end_iso, end_text, all_day, .. } = view;
    let has_end = !end_text.is_empty();
    view! {
        <p class="event-when">
            <time datetime=start_iso>{start_text}</time>
            {has_end.then(|| view! { " – " <time datetime=end_iso>{end_text}</time> })}
            {view.crosses_midnight.map(|c| view! { " · " <span class="crosses-midnight">{c}</span> })}
            {all_day.then(|| view! { " · " <span class="all-day">{ctx.t("all-day")}</span> })}
            {duration.map(|d| view! { " · " <span class="duration">{d}</span> })}
            {view.approximate.map(|a| view! { " · " <span class="approximate">{a}</span> })}
        </p>
        {view.relative.map(|r| view! { <p class="relative">{r}</p> })}
        {view.venue_time.map(|v| view! { <p class="venue-time">{v}</p> })}
        <p class="event-meta">
            {view.status.map(|s| view! { <span class="badge status">{s}</span> })}
            <span class=format!("badge format {}", view.format_class)>{view.format}</span>
            {view.languages.map(|l| view! { <span class="languages">{l}</span> })}
            {view.place.map(|p| view! { <span class="place">{p}</span> })}
        </p>
        <p class="event-actions">
            {view.registration.map(|r| view! { <span class=format!("badge {}", view.registration_class)>{r}</span> })}
            {view.external_registration.map(|url| view! {
                <a class="button" href=url rel="noopener noreferrer" target="_blank">{ctx.t("reg-external")}</a>
            })}
            {view.recording_url.map(|url| view! {
                <a class="button" href=url rel="noopener noreferrer" target="_blank">{ctx.t("watch-recording")}</a>
            })}
        </p>
    }
}
