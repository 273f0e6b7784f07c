//! One event in the list.

use leptos::prelude::*;

use crate::ui::present::EventView;
use crate::ui::state::use_app_ctx;

#[component]
pub fn EventCard(view: EventView) -> impl IntoView {
    let ctx = use_app_ctx();
    let EventView { id, title, summary, start_iso, start_text, end_iso, end_text, all_day, .. } = view;
    let has_end = !end_text.is_empty();
    view! {
        <article class="event" data-event-id=id>
            <h3 class="event-title" lang=title.lang>{title.text}</h3>
            {title.note.map(|note| view! { <p class="fallback-note">{note}</p> })}
            <p class="event-when">
                <time datetime=start_iso>{start_text}</time>
                {has_end.then(|| view! { " – " <time datetime=end_iso>{end_text}</time> })}
                {all_day.then(|| view! { " · " <span class="all-day">{ctx.t("all-day")}</span> })}
                {view.approximate.map(|a| view! { " · " <span class="approximate">{a}</span> })}
            </p>
            {view.venue_time.map(|v| view! { <p class="venue-time">{v}</p> })}
            <p class="event-meta">
                {view.status.map(|s| view! { <span class="badge status">{s}</span> })}
                <span class=format!("badge format {}", view.format_class)>{view.format}</span>
                {view.languages.map(|l| view! { <span class="languages">{l}</span> })}
                {view.place.map(|p| view! { <span class="place">{p}</span> })}
            </p>
            {summary.map(|s| view! { <p class="summary" lang=s.lang>{s.text}</p> })}
            {view.organizers.map(|o| view! { <p class="organizers">{o}</p> })}
            <p class="event-actions">
                {view.registration.map(|r| view! { <span class=format!("badge {}", view.registration_class)>{r}</span> })}
                {view.external_registration.map(|url| view! {
                    <a class="button" href=url rel="noopener noreferrer" target="_blank">{ctx.t("reg-external")}</a>
                })}
                {view.recording_url.map(|url| view! {
                    <a class="button" href=url rel="noopener noreferrer" target="_blank">{ctx.t("watch-recording")}</a>
                })}
            </p>
        </article>
    }
}
