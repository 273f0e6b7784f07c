//! The event page (`?event=<id>`): everything the feed says about one event,
//! "add to calendar" (.ics and Google Calendar), "copy link", and schema.org
//! JSON-LD. The view it was opened from stays in the URL, so "back to the
//! calendar" and the browser's back button return to it.

use chrono::{DateTime, Utc};
use citycal_core::detail::{self, Length};
use citycal_core::feed::{Event, Feed, Role, SeriesKind, Text, When};
use citycal_core::i18n::msg;
use citycal_core::ics::{google_calendar_url, ics, outlook_url, Export, Service};
use citycal_core::jsonld::event_json_ld;
use citycal_core::query::ViewState;
use citycal_core::registration::live::{availability_url, offer, places, Availability, Offer, Places};
use leptos::prelude::*;

use crate::platform::tree::{dynamic, el, El, Node};
use crate::platform::{dom, http, intl, intl::IntlZones, page};
use crate::ui::catalog;
use crate::ui::chunk::in_chunk;
use crate::ui::event_card::{event_facts, external_link, fallback_note, themed};
use crate::ui::link::link;
use crate::ui::present::{event_view, shown, EventView, Shown};
use crate::ui::registration_flow;
use crate::ui::registration_form::registration_form;
use crate::ui::state::{AppCtx, Load};

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
    free: bool,
    json_ld: String,
    ics: String,
    ics_name: String,
    google_url: String,
    /// Outlook.com and Microsoft 365, in `Service::ALL`'s order.
    outlook_urls: Vec<String>,
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
    let locale = ctx.format_locale();
    let say = |l: Length| intl::duration(&locale, l.days, l.hours, l.minutes);
    let duration = detail::length(&event.when).map(say);
    // "About" says the description, else the summary the card said.
    let description =
        shown(ctx, &event.description, &event.languages).or_else(|| shown(ctx, &event.summary, &event.languages));
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
    let sessions: Vec<Session> = detail::sessions(feed, event)
        .into_iter()
        .map(|e| Session {
            label: e.title.pick(lang, &e.languages).map_or(e.id.clone(), |p| p.text.to_owned()),
            when: match e.when {
                When::Timed { start, .. } => fmt.date_time(start),
                When::AllDay { first, .. } => fmt.date(first),
            },
            id: e.id.clone(),
            current: e.id == event.id,
        })
        .collect();
    let series = series.map(|s| {
        let heading = match (s.kind, detail::session_of(feed, event)) {
            (SeriesKind::Sessions, Some((n, total))) => {
                ctx.t_args("detail-session-of", &[("number", (n as usize).into()), ("total", (total as usize).into())])
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
                let minutes = item.minutes.map(|m| say(Length::of_minutes(i64::from(m))));
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
        sessions,
        free: registration.and_then(|r| r.free) == Some(true),
        json_ld: event_json_ld(event, feed, &IntlZones, lang, &page_url, now),
        ics: ics(event, feed, &IntlZones, &export),
        ics_name: format!(
            "{}.ics",
            event.id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect::<String>()
        ),
        google_url: google_calendar_url(event, &export),
        outlook_urls: Service::ALL.into_iter().map(|s| outlook_url(event, &export, s)).collect(),
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

in_chunk!(
    event_page,
    load_event_page,
    /// The page of one event: its facts, the registration form, the links out.
    pub fn event_page(ctx: AppCtx, id: String) -> Node {
        ctx.use_more_words(catalog::more_source);
        // Closing the page replaces the control that closed it: focus goes
        // back to the event's card in the list (scrolled to where the visitor
        // was), else to the title of the period shown again.
        let left = id.clone();
        on_cleanup(move || {
            dom::focus_card_after_render(ctx.root.get_untracked().map(Into::into), left.clone(), "#period-title");
            // A registration under way stops with the page (and resumes when it is shown again).
            registration_flow::leave(&left);
        });
        let copied = RwSignal::new(Copied::Not);
        let focused = StoredValue::new(false);
        let live = live_availability(ctx, id.clone());
        // What the form offers: rebuilt when that changes (the receiver's
        // answer arriving), not when only the number of places does.
        let offered = {
            let id = id.clone();
            Memo::new(move |_| match ctx.load.get() {
                Load::Ready(loaded) => {
                    loaded.feed.event(&id).map_or(Offer::None, |e| match offer(e, ctx.now(), live.get().as_ref()) {
                        Offer::Register { .. } => Offer::Register { places_left: None },
                        Offer::JoinWaitlist { .. } => Offer::JoinWaitlist { waitlisted: 0 },
                        Offer::None => Offer::None,
                    })
                }
                _ => Offer::None,
            })
        };
        dynamic(move || {
            let Load::Ready(loaded) = ctx.load.get() else { return Node::Empty };
            // Focus moves to the page's heading when it opens, so keyboard and
            // screen-reader users land on what they asked for.
            if !focused.get_value() {
                focused.set_value(true);
                dom::focus_after_render(ctx.root.get_untracked().map(Into::into), "main h2[tabindex='-1']");
            }
            let back = || link(ctx, ctx.with_link(|l| l.event = None)).child(ctx.t("back-to-calendar"));
            let Some(event) = loaded.feed.event(&id) else {
                return el("div")
                    .class("notice warning")
                    .attr("role", "alert")
                    .child(el("h2").attr("tabindex", "-1").child(ctx.t("event-not-found")))
                    .child(el("p").child(back()))
                    .into();
            };
            let d = detail(&ctx, &loaded.feed, event, ctx.now());
            let (ics_text, ics_name) = (d.ics.clone(), d.ics_name.clone());
            let download = move |_| {
                let _ = dom::download(&ics_name, "text/calendar;charset=utf-8", &ics_text);
            };
            let copy_url = d.page_url.clone();
            let copy = move |_| {
                let url = copy_url.clone();
                leptos::task::spawn_local(async move {
                    copied.set(if dom::copy_text(&url).await.is_ok() { Copied::Done } else { Copied::Refused });
                });
            };
            let page_url = d.page_url.clone();
            let copy_status = dynamic(move || match copied.get() {
                Copied::Not => Node::Empty,
                Copied::Done => el("span").child(ctx.t("link-copied")).into(),
                Copied::Refused => el("label")
                    .child(ctx.t("copy-by-hand"))
                    .child(" ")
                    .child(el("input").attr("type", "url").attr("readonly", "").attr("value", page_url.clone()))
                    .into(),
            });
            let title = d.card.title.clone();
            // In a network of feeds, the partner whose feed lists the event.
            let publisher = event
                .source
                .as_deref()
                .filter(|_| loaded.feed.sources.len() > 1)
                .and_then(|id| loaded.feed.source(id))
                .and_then(|s| s.name.pick(ctx.lang.get().tag(), &[]))
                .map(|name| {
                    el("p").class("publisher").child(ctx.t_args("published-by", &[("name", name.text.into())]))
                });
            let (card, duration) = (d.card.clone(), d.duration.clone());
            let id = d.card.id.clone();
            let form = loaded.registration_endpoint.clone().map(|endpoint| {
                let (event, privacy) = (event.clone(), loaded.privacy_url.clone());
                dynamic(move || match offered.get() {
                    Offer::None => Node::Empty,
                    offer => registration_form(
                        ctx,
                        event.clone(),
                        endpoint.clone(),
                        privacy.clone(),
                        matches!(offer, Offer::JoinWaitlist { .. }),
                    ),
                })
            });
            let places_event = event.clone();
            let places = move || {
                Some(match places(&places_event, ctx.now(), live.get().as_ref())? {
                    Places::Left(n) => ctx.t_args("places-left", &[("count", (n as usize).into())]),
                    Places::Waitlist { waiting: 0 } => ctx.t("places-waitlist"),
                    Places::Waitlist { waiting } => {
                        ctx.t_args("places-waitlist-count", &[("count", (waiting as usize).into())])
                    }
                })
            };
            let actions = el("div")
                .class("event-actions")
                .child(button("button add-ics", ctx.t("download-ics")).on("click", download))
                .child(external_link(d.google_url.clone(), ctx.t("google-calendar")).class("button google"))
                .children(
                    d.outlook_urls
                        .iter()
                        .zip([("outlook-com", "button outlook"), ("microsoft-365", "button microsoft-365")])
                        .map(|(url, (words, class))| external_link(url.clone(), ctx.t(words)).class(class).into())
                        .collect(),
                )
                .child(button("button copy-link", ctx.t("copy-link")).on("click", copy))
                .child(el("span").class("copy-status").attr("role", "status").child(copy_status));
            let colours = d.card.themes.as_ref().map(|(_, light, dark)| (light.clone(), dark.clone()));
            let (about, facts, rest) = sections(ctx, d, places);
            themed(el("article"), colours)
                .class("event-page")
                .attr("aria-labelledby", "event-title")
                .attr("data-event-id", id)
                .child(el("p").class("back").child(back()))
                .child(
                    el("h2")
                        .attr("id", "event-title")
                        .attr("tabindex", "-1")
                        .attr_opt("lang", title.lang)
                        .child(title.text),
                )
                .child(title.note.map(fallback_note))
                .child(publisher)
                .children(event_facts(ctx, card, duration))
                .child(actions)
                .child(about)
                .child(facts)
                .child(form)
                .children(rest)
                .into()
        })
    }
);

/// The receiver's live availability of event `id` (`docs/registration.md`,
/// "Live availability"), asked once when the page has the feed: `None`
/// until it answers, and when it cannot (the feed's numbers are then shown).
fn live_availability(ctx: AppCtx, id: String) -> RwSignal<Option<Availability>> {
    let live = RwSignal::new(None);
    let asked = StoredValue::new(false);
    Effect::new(move |_| {
        let Load::Ready(loaded) = ctx.load.get() else { return };
        let own_form = loaded.feed.event(&id).and_then(|e| e.registration.as_ref()).is_some_and(|r| r.url.is_none());
        let Some(endpoint) = loaded.registration_endpoint.as_deref().filter(|_| own_form && !asked.get_value()) else {
            return;
        };
        asked.set_value(true);
        let url = availability_url(endpoint, &id);
        leptos::task::spawn_local(async move {
            if let Ok(bytes) = http::get_bytes(&url, 10_000).await {
                live.try_set(Availability::from_json(&String::from_utf8_lossy(&bytes)));
            }
        });
    });
    live
}

fn button(class: &'static str, text: String) -> El {
    el("button").attr("type", "button").class(class).child(text)
}

fn section(ctx: AppCtx, heading: &'static str, body: Vec<Node>) -> Node {
    el("section").class("detail-section").child(el("h3").child(ctx.t(heading))).children(body).into()
}

fn named_list(items: Vec<Named>) -> Node {
    let items = items.into_iter().map(|n| {
        let name = match n.url {
            Some(url) => external_link(url, n.name),
            None => el("span").child(n.name),
        };
        el("li").child(name).into()
    });
    el("ul").class("comma-list").children(items.collect()).into()
}

fn list(tag: &'static str, class: &'static str, items: Vec<Node>) -> Node {
    el(tag).class(class).children(items.into_iter().map(|i| el("li").child(i).into()).collect()).into()
}

/// The long parts of the page, each shown only when the feed has it: what
/// the event is about (shown before the registration form), and the rest.
fn sections(
    ctx: AppCtx,
    d: Detail,
    places: impl Fn() -> Option<String> + Send + 'static,
) -> (Option<Node>, Node, Vec<Node>) {
    let mut out = Vec::new();
    let mut about = None;
    if !d.paragraphs.is_empty() {
        let paragraphs =
            d.paragraphs.into_iter().map(|p| el("p").attr_opt("lang", p.lang).child(p.text).into()).collect();
        about = Some(section(
            ctx,
            msg("detail-about"),
            vec![
                d.description_note.map(fallback_note).into(),
                el("div").class("description").children(paragraphs).into(),
            ],
        ))
    }
    // The places follow the receiver's live answer when it arrives; said
    // before the form, which they decide.
    let free = d.free.then(|| ctx.t("free-of-charge"));
    let facts = dynamic(move || {
        let places = places();
        if places.is_none() && free.is_none() {
            return Node::Empty;
        }
        let badge = free.clone().map(|f| Node::Many(vec![" ".into(), el("span").class("badge").child(f).into()]));
        el("p").class("registration-facts").child(places).child(badge).into()
    });
    if !d.agenda.is_empty() {
        let items = d.agenda.into_iter().map(|(title, minutes)| {
            let minutes =
                minutes.map(|m| Node::Many(vec![" ".into(), el("span").class("muted").child(format!("({m})")).into()]));
            Node::Many(vec![title.into(), minutes.into()])
        });
        out.push(section(ctx, msg("detail-agenda"), vec![list("ol", "agenda", items.collect())]));
    }
    if !d.speakers.is_empty() {
        let people = d.speakers.into_iter().map(|s| {
            let details = (!s.details.is_empty()).then(|| el("span").class("muted").child(format!(", {}", s.details)));
            Node::Many(vec![el("strong").child(s.name).into(), format!(" — {}", s.role).into(), details.into()])
        });
        out.push(section(ctx, msg("detail-people"), vec![list("ul", "people", people.collect())]));
    }
    if !d.venue.is_empty() || d.online_url.is_some() {
        let online = d.online_url.map(|url| el("p").child(external_link(url, ctx.t("online-link"))));
        out.push(section(
            ctx,
            msg("detail-where"),
            vec![el("p").class("venue").child(d.venue.join(", ")).into(), online.into()],
        ));
    }
    if !d.organizers.is_empty() {
        out.push(section(ctx, msg("detail-organizers"), vec![named_list(d.organizers)]));
    }
    if !d.partners.is_empty() {
        out.push(section(ctx, msg("detail-partners"), vec![named_list(d.partners)]));
    }
    if !d.themes.is_empty() {
        let themes = d.themes.into_iter().map(|t| el("li").class("badge").child(t).into()).collect();
        out.push(section(ctx, msg("detail-themes"), vec![el("ul").class("inline-list").children(themes).into()]));
    }
    if !d.audience.is_empty() {
        out.push(section(
            ctx,
            msg("detail-audience"),
            vec![list("ul", "audience", d.audience.into_iter().map(Node::from).collect())],
        ));
    }
    if let Some((series, heading)) = d.series {
        let sessions = (!d.sessions.is_empty()).then(|| {
            let items = d.sessions.into_iter().map(|s| {
                let to = ctx.with_link(|l| l.event = Some(s.id.clone()));
                Node::Many(vec![
                    link(ctx, to).attr_opt("aria-current", s.current.then_some("page")).child(s.label).into(),
                    " · ".into(),
                    el("span").class("muted").child(s.when).into(),
                ])
            });
            list("ol", "sessions", items.collect())
        });
        out.push(
            el("section")
                .class("detail-section series")
                .child(el("h3").child(heading))
                .child(named_list(vec![series]))
                .child(sessions)
                .into(),
        );
    }
    if let Some(url) = d.website {
        out.push(el("p").child(external_link(url, ctx.t("event-website"))).into());
    }
    out.push(el("script").attr("type", "application/ld+json").child(d.json_ld).into());
    (about, facts, out)
}
