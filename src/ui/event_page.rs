//! The event page (`?event=<id>`): everything the feed says about one event,
//! "add to calendar" (.ics and Google Calendar), "copy link", and schema.org
//! JSON-LD. The view it was opened from stays in the URL, so "back to the
//! calendar" and the browser's back button return to it.

use chrono::{DateTime, Utc};
use citycal_core::feed::{Event, Feed, Role, SeriesKind, Text, When};
use citycal_core::i18n::msg;
use citycal_core::ics::{google_calendar_url, ics, Export};
use citycal_core::jsonld::event_json_ld;
use citycal_core::query::ViewState;
use leptos::html;
use leptos::prelude::*;

use crate::platform::{dom, intl, intl::IntlZones, page};
use crate::ui::event_card::EventFacts;
use crate::ui::link::StateLink;
use crate::ui::present::{event_view, shown, EventView, Shown};
use crate::ui::registration_form::{offers_form, RegistrationForm};
use crate::ui::state::{use_app_ctx, AppCtx, Load};

/// A named link (organizer, series, ...); no URL when the feed gives none.
#[derive(Clone)]
struct Named {
    name: String,
    url: Option<String>,
}

#[derive(Clone)]
struct Speaker {
    name: String,
    role: String,
    details: String,
}

#[derive(Clone)]
struct Session {
    label: String,
    when: String,
    id: String,
    current: bool,
}

struct Detail {
    card: EventView,
    duration: Option<String>,
    paragraphs: Vec<Shown>,
    /// "Only available in English", when the description is in another language.
    description_note: Option<String>,
    agenda: Vec<(String, Option<String>)>,
    speakers: Vec<Speaker>,
    organizers: Vec<Named>,
    partners: Vec<Named>,
    themes: Vec<String>,
    audience: Vec<String>,
    venue: Vec<String>,
    online_url: Option<String>,
    website: Option<String>,
    series: Option<(Named, String)>,
    sessions: Vec<Session>,
    places_left: Option<String>,
    free: bool,
    json_ld: String,
    ics: String,
    ics_name: String,
    google_url: String,
    page_url: String,
}

fn detail(ctx: &AppCtx, feed: &Feed, event: &Event, now: DateTime<Utc>) -> Detail {
    let lang = ctx.lang.get().tag();
    let text = |t: &Text| t.pick(lang, &event.languages).map(|p| p.text.to_owned());
    let organizations = |ids: &[String]| -> Vec<Named> {
        ids.iter()
            .filter_map(|id| feed.organization(id))
            .map(|o| Named {
                name: o.name.pick(lang, &[]).map_or(o.id.clone(), |p| p.text.to_owned()),
                url: o.url.clone(),
            })
            .collect()
    };
    let page_url = ctx.href(&ViewState { event: Some(event.id.clone()), ..ctx.link.get() });
    let export = Export { lang, page_url: &page_url, uid_domain: &page::host(), now };
    let duration = match event.when {
        When::Timed { start, end } if end > start => {
            let minutes = (end - start).num_minutes();
            Some(intl::duration(&ctx.format_locale(), minutes / 1440, minutes % 1440 / 60, minutes % 60))
        }
        When::AllDay { first, last } if last > first => {
            Some(intl::duration(&ctx.format_locale(), (last - first).num_days() + 1, 0, 0))
        }
        _ => None,
    };
    let description = shown(ctx, &event.description, &event.languages);
    let description_note = description.as_ref().and_then(|d| d.note.clone());
    let paragraphs = description
        .map(|d| {
            d.text
                .split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(|p| Shown { text: p.to_owned(), lang: d.lang.clone(), note: None })
                .collect()
        })
        .unwrap_or_default();
    let series = event.series.as_deref().and_then(|id| feed.series_by_id(id));
    let fmt = ctx.formatter();
    let sessions: Vec<Session> = series
        .map(|s| {
            feed.events
                .iter()
                .filter(|e| e.series.as_deref() == Some(s.id.as_str()))
                .map(|e| Session {
                    label: e.title.pick(lang, &e.languages).map_or(e.id.clone(), |p| p.text.to_owned()),
                    when: match e.when {
                        When::Timed { start, .. } => fmt.date_time(start),
                        When::AllDay { first, .. } => fmt.date(first),
                    },
                    id: e.id.clone(),
                    current: e.id == event.id,
                })
                .collect()
        })
        .unwrap_or_default();
    let series = series.map(|s| {
        let heading = match (s.kind, event.session) {
            (SeriesKind::Sessions, Some(n)) => {
                ctx.t_args("detail-session-of", &[("number", (n as usize).into()), ("total", sessions.len().into())])
            }
            (SeriesKind::Sessions, None) => ctx.t("detail-sessions"),
            (SeriesKind::Series, _) => ctx.t("detail-series"),
        };
        (
            Named {
                name: s.title.pick(lang, &event.languages).map_or(s.id.clone(), |p| p.text.to_owned()),
                url: s.url.clone(),
            },
            heading,
        )
    });
    let registration = event.registration.as_ref();
    Detail {
        card: event_view(ctx, feed, event, now),
        duration,
        paragraphs,
        description_note,
        agenda: event
            .agenda
            .iter()
            .filter_map(|item| {
                let minutes =
                    item.minutes.map(|m| intl::duration(&ctx.format_locale(), 0, i64::from(m) / 60, i64::from(m) % 60));
                Some((text(&item.title)?, minutes))
            })
            .collect(),
        speakers: event
            .people
            .iter()
            .map(|p| Speaker {
                name: p.name.clone(),
                role: ctx.t(role_message(p.role)),
                details: text(&p.position)
                    .into_iter()
                    .chain(p.organization.clone())
                    .chain(p.country.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect(),
        organizers: organizations(&event.organizers),
        partners: organizations(&event.partners),
        themes: event
            .themes
            .iter()
            .filter_map(|id| feed.theme(id))
            .filter_map(|t| t.label.pick(lang, &[]).map(|p| p.text.to_owned()))
            .collect(),
        audience: event.audience.iter().filter_map(text).collect(),
        venue: event
            .venue
            .as_ref()
            .map(|v| {
                text(&v.name)
                    .into_iter()
                    .chain(v.address.clone())
                    .chain(v.city.clone())
                    .chain(v.country.clone())
                    .collect()
            })
            .unwrap_or_default(),
        online_url: event.online_url.clone(),
        website: event.url.clone(),
        series,
        sessions: if sessions.len() > 1 { sessions } else { Vec::new() },
        places_left: registration.and_then(|r| match (r.capacity, r.taken) {
            (Some(cap), Some(taken)) if taken < cap => {
                Some(ctx.t_args("places-left", &[("count", ((cap - taken) as usize).into())]))
            }
            _ => None,
        }),
        free: registration.and_then(|r| r.free) == Some(true),
        json_ld: event_json_ld(event, feed, &IntlZones, lang, &page_url, now),
        ics: ics(event, feed, &IntlZones, &export),
        ics_name: format!(
            "{}.ics",
            event.id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect::<String>()
        ),
        google_url: google_calendar_url(event, &export),
        page_url,
    }
}

fn role_message(role: Role) -> &'static str {
    match role {
        Role::Speaker => msg("role-speaker"),
        Role::Moderator => msg("role-moderator"),
        Role::Host => msg("role-host"),
        Role::Keynote => msg("role-keynote"),
        Role::Panelist => msg("role-panelist"),
        Role::Facilitator => msg("role-facilitator"),
    }
}

/// What the "copy link" button last did.
#[derive(Clone, PartialEq)]
enum Copied {
    Not,
    Done,
    /// The clipboard was refused: the link is shown to copy by hand.
    Refused,
}

#[component]
pub fn EventPage(id: String) -> impl IntoView {
    let ctx = use_app_ctx();
    let heading = NodeRef::<html::H2>::new();
    // Focus moves to the page's heading when it opens, so keyboard and
    // screen-reader users land on what they asked for.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    // Closing the page replaces the control that closed it: focus goes to the
    // title of the period shown again.
    on_cleanup(move || dom::focus_after_render(ctx.root.get_untracked().map(Into::into), "#period-title"));
    let copied = RwSignal::new(Copied::Not);
    let back = ctx.with_link(|l| l.event = None);
    move || {
        let Load::Ready(loaded) = ctx.load.get() else { return None };
        let Some(event) = loaded.feed.event(&id) else {
            return Some(
                view! {
                    <div class="notice warning" role="alert">
                        <h2 tabindex="-1" node_ref=heading>{ctx.t("event-not-found")}</h2>
                        <p><StateLink to=back.clone()>{ctx.t("back-to-calendar")}</StateLink></p>
                    </div>
                }
                .into_any(),
            );
        };
        let d = detail(&ctx, &loaded.feed, event, ctx.now());
        let (ics_text, ics_name, page_url) = (d.ics.clone(), d.ics_name.clone(), d.page_url.clone());
        let download = move |_| {
            let _ = dom::download(&ics_name, "text/calendar;charset=utf-8", &ics_text);
        };
        let copy_url = page_url.clone();
        let copy = move |_| {
            let url = copy_url.clone();
            leptos::task::spawn_local(async move {
                copied.set(if dom::copy_text(&url).await.is_ok() { Copied::Done } else { Copied::Refused });
            });
        };
        let (title, id, google_url) = (d.card.title.clone(), d.card.id.clone(), d.google_url.clone());
        let registration_form = loaded
            .registration_endpoint
            .clone()
            .filter(|_| offers_form(event, ctx.now()))
            .map(|endpoint| view! { <RegistrationForm event=event.clone() endpoint=endpoint privacy_url=loaded.privacy_url.clone()/> });
        Some(
            view! {
                <article class="event-page" aria-labelledby="event-title" data-event-id=id>
                    <p class="back"><StateLink to=back.clone()>{ctx.t("back-to-calendar")}</StateLink></p>
                    <h2 id="event-title" tabindex="-1" node_ref=heading lang=title.lang>{title.text}</h2>
                    {title.note.map(|n| view! { <p class="fallback-note">{n}</p> })}
                    <EventFacts view=d.card.clone() duration=d.duration.clone()/>
                    <div class="event-actions">
                        <button type="button" class="button add-ics" on:click=download>{ctx.t("download-ics")}</button>
                        <a class="button google" href=google_url rel="noopener noreferrer" target="_blank">{ctx.t("google-calendar")}</a>
                        <button type="button" class="button copy-link" on:click=copy>{ctx.t("copy-link")}</button>
                        <span class="copy-status" role="status">
                            {move || match copied.get() {
                                Copied::Not => None,
                                Copied::Done => Some(view! { <span>{ctx.t("link-copied")}</span> }.into_any()),
                                Copied::Refused => Some(view! {
                                    <label>{ctx.t("copy-by-hand")}" "<input type="url" readonly value=page_url.clone()/></label>
                                }.into_any()),
                            }}
                        </span>
                    </div>
                    {registration_form}
                    <Sections d=d/>
                </article>
            }
            .into_any(),
        )
    }
}

/// The long parts of the page, each shown only when the feed has it.
#[component]
fn Sections(d: Detail) -> impl IntoView {
    let ctx = use_app_ctx();
    let section = |id: &'static str, body: AnyView| {
        view! {
            <section class="detail-section">
                <h3>{ctx.t(id)}</h3>
                {body}
            </section>
        }
    };
    let named_list = |items: Vec<Named>| {
        view! {
            <ul class="comma-list">
                {items.into_iter().map(|n| view! {
                    <li>{match n.url {
                        Some(url) => view! { <a href=url rel="noopener noreferrer" target="_blank">{n.name}</a> }.into_any(),
                        None => view! { <span>{n.name}</span> }.into_any(),
                    }}</li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let places = d.places_left.clone();
    let free = d.free.then(|| ctx.t("free-of-charge"));
    view! {
        {(!d.paragraphs.is_empty()).then(|| section(msg("detail-about"), view! {
            {d.description_note.map(|n| view! { <p class="fallback-note">{n}</p> })}
            <div class="description">
                {d.paragraphs.into_iter().map(|p| view! { <p lang=p.lang>{p.text}</p> }).collect_view()}
            </div>
        }.into_any()))}
        {(places.is_some() || free.is_some()).then(|| view! {
            <p class="registration-facts">{places}{free.map(|f| view! { " " <span class="badge">{f}</span> })}</p>
        })}
        {(!d.agenda.is_empty()).then(|| section(msg("detail-agenda"), view! {
            <ol class="agenda">
                {d.agenda.into_iter().map(|(title, minutes)| view! {
                    <li>{title}{minutes.map(|m| view! { " " <span class="muted">"("{m}")"</span> })}</li>
                }).collect_view()}
            </ol>
        }.into_any()))}
        {(!d.speakers.is_empty()).then(|| section(msg("detail-people"), view! {
            <ul class="people">
                {d.speakers.into_iter().map(|s| view! {
                    <li><strong>{s.name}</strong>" — "{s.role}
                        {(!s.details.is_empty()).then(|| view! { <span class="muted">", "{s.details}</span> })}</li>
                }).collect_view()}
            </ul>
        }.into_any()))}
        {(!d.venue.is_empty() || d.online_url.is_some()).then(|| section(msg("detail-where"), view! {
            <p class="venue">{d.venue.join(", ")}</p>
            {d.online_url.map(|url| view! {
                <p><a href=url.clone() rel="noopener noreferrer" target="_blank">{ctx.t("online-link")}</a></p>
            })}
        }.into_any()))}
        {(!d.organizers.is_empty()).then(|| section(msg("detail-organizers"), named_list(d.organizers)))}
        {(!d.partners.is_empty()).then(|| section(msg("detail-partners"), named_list(d.partners)))}
        {(!d.themes.is_empty()).then(|| section(msg("detail-themes"), view! {
            <ul class="inline-list">{d.themes.into_iter().map(|t| view! { <li class="badge">{t}</li> }).collect_view()}</ul>
        }.into_any()))}
        {(!d.audience.is_empty()).then(|| section(msg("detail-audience"), view! {
            <ul class="audience">{d.audience.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul>
        }.into_any()))}
        {d.series.map(|(series, heading)| view! {
            <section class="detail-section series">
                <h3>{heading}</h3>
                {named_list(vec![series])}
                {(!d.sessions.is_empty()).then(|| view! {
                    <ol class="sessions">
                        {d.sessions.into_iter().map(|s| {
                            let to = ctx.with_link(|l| l.event = Some(s.id.clone()));
                            view! {
                                <li>
                                    <StateLink to=to current=s.current>{s.label}</StateLink>
                                    " · "<span class="muted">{s.when}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                })}
            </section>
        })}
        {d.website.map(|url| view! {
            <p><a href=url rel="noopener noreferrer" target="_blank">{ctx.t("event-website")}</a></p>
        })}
        <script type="application/ld+json">{d.json_ld}</script>
    }
}
