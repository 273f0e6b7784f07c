//! Turns a feed event into the strings a card shows, in the viewer's
//! language and zone. Components render an [`EventView`] and decide nothing.

use chrono::{DateTime, NaiveDate, Utc};
use citycal_core::detail::{unconfirmed, Unconfirmed};
use citycal_core::feed::{Event, EventStatus, Feed, Format, Text, When};
use citycal_core::i18n::{msg, Arg};
use citycal_core::layout::Span;
use citycal_core::registration::{self, Phase};
use citycal_core::time::{gmt_offset, iso_in_zone, iso_utc, relative, to_local, zone_city, ZoneRules};

use leptos::prelude::*;

use crate::platform::intl::{language_name, relative_time, zone_generic_name, DateFormatter, IntlZones};
use crate::ui::state::AppCtx;

/// A text in the language it is actually written in.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub text: String,
    /// `lang` attribute when it differs from the page's language.
    pub lang: Option<String>,
    /// "Only available in Spanish", when it is not in the page's language.
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EventView {
    pub id: String,
    pub title: Shown,
    pub summary: Option<Shown>,
    pub start_iso: String,
    pub start_text: String,
    /// Empty for one-day all-day events.
    pub end_iso: String,
    pub end_text: String,
    pub all_day: bool,
    /// "ends the next day" for a timed event that crosses the viewer's midnight once.
    pub crosses_midnight: Option<String>,
    /// "in 3 days", "tomorrow", "happening now", "5 years ago".
    pub relative: Option<String>,
    pub approximate: Option<String>,
    /// "16:00–18:00 (Brussels time)" for in-person and hybrid events elsewhere.
    pub venue_time: Option<String>,
    pub status: Option<String>,
    pub format: Option<String>,
    pub format_class: &'static str,
    pub languages: Option<String>,
    pub place: Option<String>,
    pub organizers: Option<String>,
    pub registration: Option<String>,
    pub registration_class: &'static str,
    pub external_registration: Option<String>,
    pub recording_url: Option<String>,
    /// "Housing · Social inclusion", and the first theme's colours for the
    /// light and dark schemes (`#rrggbb`, readable on the card).
    pub themes: Option<(String, String, String)>,
}

pub fn event_view(ctx: &AppCtx, feed: &Feed, event: &Event, now: DateTime<Utc>) -> EventView {
    let zone = ctx.zone.get();
    let fmt = ctx.formatter();
    let shown = |text: &Text| shown(ctx, text, &event.languages);
    let mut crosses_midnight = None;
    let (start_iso, start_text, end_iso, end_text, all_day) = match &event.when {
        When::Timed { start, end } => {
            let iso = |t| iso_in_zone(&IntlZones, &zone, t).unwrap_or_else(|| iso_utc(t));
            let span = citycal_core::layout::span(event, &IntlZones, &zone);
            let end_text = if span.first == span.last { fmt.time(*end) } else { fmt.date_time(*end) };
            if span.last.pred_opt() == Some(span.first) {
                crosses_midnight = Some(ctx.t("ends-next-day"));
            }
            (iso(*start), fmt.date_time(*start), iso(*end), end_text, false)
        }
        When::AllDay { first, last } => {
            let (end_iso, end_text) =
                if last == first { (String::new(), String::new()) } else { (last.to_string(), fmt.date(*last)) };
            (first.to_string(), fmt.date(*first), end_iso, end_text, true)
        }
    };
    let ended = citycal_core::agenda::end_instant(event, &IntlZones, &zone) <= now;
    let started = event.start() <= now;
    let reg = registration::state(event, now);
    let (registration, registration_class) =
        if ended { (None, "") } else { registration_label(ctx, &fmt, &zone, now, reg.phase) };
    let relative = if started && !ended {
        Some(ctx.t("happening-now"))
    } else {
        Some(relative_phrase(ctx, &zone, now, event.start()))
    };
    let open = matches!(reg.phase, Phase::Open { .. } | Phase::ClosingSoon { .. });
    EventView {
        id: event.id.clone(),
        title: shown(&event.title).unwrap_or_else(|| Shown { text: event.id.clone(), lang: None, note: None }),
        summary: shown(&event.summary),
        start_iso,
        start_text,
        end_iso,
        end_text,
        all_day,
        crosses_midnight,
        relative,
        approximate: unconfirmed(event, ended).map(|u| {
            ctx.t(match u {
                Unconfirmed::Date => msg("approximate-date"),
                Unconfirmed::Time => msg("approximate-time"),
            })
        }),
        venue_time: venue_time(ctx, event, &zone),
        status: status_label(ctx, event.status),
        format: event.shown_format().map(|format| {
            ctx.t(match format {
                Format::Online => msg("format-online"),
                Format::InPerson => msg("format-in-person"),
                Format::Hybrid => msg("format-hybrid"),
            })
        }),
        format_class: format_class(event.format),
        languages: (!event.languages.is_empty()).then(|| {
            let locale = ctx.format_locale();
            let names: Vec<String> = event.languages.iter().map(|l| language_name(&locale, l)).collect();
            ctx.t_args("held-in", &[("languages", names.join(", ").into())])
        }),
        place: event.venue.as_ref().and_then(|v| {
            let name = v.name.pick(ctx.lang.get().tag(), &event.languages).map(|p| p.text.to_owned());
            let parts: Vec<String> = name.into_iter().chain(v.city.clone()).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }),
        organizers: (!event.organizers.is_empty()).then(|| {
            let lang = ctx.lang.get();
            let names: Vec<&str> = event
                .organizers
                .iter()
                .filter_map(|id| feed.organization(id))
                .filter_map(|o| o.name.pick(lang.tag(), &[]).map(|p| p.text))
                .collect();
            ctx.t_args("organized-by", &[("names", names.join(", ").into())])
        }),
        registration,
        registration_class,
        external_registration: reg.external_url.filter(|_| open && !ended).map(str::to_owned),
        recording_url: event.recording_url.clone().filter(|_| ended),
        themes: event.themes.first().and_then(|first| {
            let (light, dark) = feed.theme(first)?.shades.clone();
            let lang = ctx.lang.get();
            let labels: Vec<&str> = event
                .themes
                .iter()
                .filter_map(|id| feed.theme(id)?.label.pick(lang.tag(), &[]).map(|p| p.text))
                .collect();
            Some((labels.join(" · "), light, dark))
        }),
    }
}

pub fn shown(ctx: &AppCtx, text: &Text, own_languages: &[String]) -> Option<Shown> {
    let lang = ctx.lang.get();
    let picked = text.pick(lang.tag(), own_languages)?;
    let foreign = picked.fallback && !picked.lang.is_empty();
    Some(Shown {
        text: picked.text.to_owned(),
        lang: foreign.then(|| picked.lang.to_owned()),
        note: foreign.then(|| {
            let name = language_name(&ctx.format_locale(), picked.lang);
            ctx.t_args("only-in", &[("language", Arg::Str(name))])
        }),
    })
}

fn venue_time(ctx: &AppCtx, event: &Event, viewer_zone: &str) -> Option<String> {
    let When::Timed { start, end } = event.when else { return None };
    let venue_zone = event.zone.as_deref().filter(|_| event.format != Format::Online)?;
    if IntlZones.offset_at(venue_zone, start) == IntlZones.offset_at(viewer_zone, start) {
        return None;
    }
    let locale = ctx.format_locale();
    let there = DateFormatter::new(&locale, venue_zone);
    let time = format!("{}–{}", there.time(start), there.time(end));
    // A place the visitor can read: the venue's city from the feed, else the
    // zone's name in the visitor's language, else the zone's city.
    if let Some(city) = event.venue.as_ref().and_then(|v| v.city.clone()) {
        return Some(ctx.t_args("venue-time", &[("time", time.into()), ("city", city.into())]));
    }
    match zone_generic_name(&locale, venue_zone, start) {
        Some(name) => Some(ctx.t_args("venue-time-zone", &[("time", time.into()), ("zone", name.into())])),
        None => Some(ctx.t_args("venue-time", &[("time", time.into()), ("city", zone_city(venue_zone).into())])),
    }
}

fn status_label(ctx: &AppCtx, status: EventStatus) -> Option<String> {
    let id = match status {
        EventStatus::Scheduled => return None,
        EventStatus::Cancelled => msg("status-cancelled"),
        EventStatus::Postponed => msg("status-postponed"),
        EventStatus::Rescheduled => msg("status-rescheduled"),
        EventStatus::MovedOnline => msg("status-moved-online"),
    };
    Some(ctx.t(id))
}

/// "in 3 days", "tomorrow", "hace 2 semanas": `then` from `now`, counted in
/// the viewer's calendar.
pub fn relative_phrase(ctx: &AppCtx, zone: &str, now: DateTime<Utc>, then: DateTime<Utc>) -> String {
    let local = |t: DateTime<Utc>| to_local(&IntlZones, zone, t).map_or(t.naive_utc(), |l| l.naive_local());
    let (value, unit) = relative(local(now), local(then));
    relative_time(&ctx.format_locale(), value, unit)
}

fn registration_label(
    ctx: &AppCtx,
    fmt: &DateFormatter,
    zone: &str,
    now: DateTime<Utc>,
    phase: Phase,
) -> (Option<String>, &'static str) {
    let date = |t: DateTime<Utc>| -> Vec<(&str, Arg)> {
        vec![("date", fmt.date_time(t).into()), ("when", relative_phrase(ctx, zone, now, t).into())]
    };
    let (text, class) = match phase {
        Phase::NotNeeded => return (None, ""),
        Phase::NotYetOpen { opens } => (ctx.t_args("reg-not-yet-open", &date(opens)), "reg-later"),
        Phase::Open { closes: Some(c) } => (ctx.t_args("reg-open-until", &date(c)), "reg-open"),
        Phase::Open { closes: None } => (ctx.t("reg-open"), "reg-open"),
        Phase::ClosingSoon { closes } => (ctx.t_args("reg-closing-soon", &date(closes)), "reg-soon"),
        Phase::Closed => (ctx.t("reg-closed"), "reg-closed"),
        Phase::Full => (ctx.t("reg-full"), "reg-full"),
    };
    (Some(text), class)
}

/// "Europe/Bucharest (GMT+2)": a zone with its offset at `now`.
pub fn zone_label(zone: &str, now: DateTime<Utc>) -> String {
    format!("{zone} ({})", gmt_offset(IntlZones.offset_at(zone, now).unwrap_or(0)))
}

/// "Bucharest (GMT+2)": how the zone picker lists a zone.
pub fn zone_choice(zone: &str, now: DateTime<Utc>) -> String {
    format!("{} ({})", zone_city(zone), gmt_offset(IntlZones.offset_at(zone, now).unwrap_or(0)))
}

/// An event as a calendar cell shows it: start time (when it starts that
/// day) and title.
#[derive(Clone, Debug, PartialEq)]
pub struct Chip {
    pub id: String,
    pub time: Option<String>,
    pub title: Shown,
    /// CSS classes: the format, and `cancelled` when it is.
    pub class: String,
    /// For screen readers and the tooltip: time, title and status together.
    pub label: String,
}

pub fn chip(ctx: &AppCtx, fmt: &DateFormatter, span: &Span, day: NaiveDate) -> Chip {
    let event = span.event;
    let title = shown(ctx, &event.title, &event.languages).unwrap_or_else(|| Shown {
        text: event.id.clone(),
        lang: None,
        note: None,
    });
    let time = match (&event.when, span.times) {
        (When::Timed { start, .. }, Some((local_start, _))) if local_start.date() == day && !span.is_all_day_row() => {
            Some(fmt.time(*start))
        }
        _ => None,
    };
    let status = status_label(ctx, event.status);
    let cancelled = matches!(event.status, EventStatus::Cancelled | EventStatus::Postponed);
    let label = [time.clone(), Some(title.text.clone()), status].into_iter().flatten().collect::<Vec<_>>().join(", ");
    Chip {
        id: event.id.clone(),
        time,
        title,
        class: format!("chip {}{}", format_class(event.format), if cancelled { " cancelled" } else { "" }),
        label,
    }
}

fn format_class(format: Format) -> &'static str {
    match format {
        Format::Online => "online",
        Format::InPerson => "in-person",
        Format::Hybrid => "hybrid",
    }
}
