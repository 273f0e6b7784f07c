//! One event in the list, and the facts it shares with the event page:
//! when (in the viewer's zone, and the venue's), format, languages, place,
//! registration and recording.

use crate::platform::tree::{el, El, Node};
use crate::ui::highlight::highlighted;
use crate::ui::link::link;
use crate::ui::present::EventView;
use crate::ui::state::AppCtx;
use citycal_core::validate::is_http_url;

pub fn event_card(ctx: AppCtx, view: EventView, words: &[String]) -> Node {
    let to = ctx.with_link(|l| l.event = Some(view.id.clone()));
    let title = view.title.clone();
    let summary = view.summary.clone().map(|s| {
        // Said once per card: the title's note covers a summary in the same language.
        let note = s.note.filter(|n| title.note.as_ref() != Some(n));
        Node::Many(vec![
            note.map(fallback_note).into(),
            el("p").class("summary").attr_opt("lang", s.lang).child(highlighted(words, &s.text)).into(),
        ])
    });
    let organizers = view.organizers.clone().map(|o| el("p").class("organizers").child(o));
    let colours = view.themes.as_ref().map(|(_, light, dark)| (light.clone(), dark.clone()));
    themed(el("article").class("event").attr("data-event-id", view.id.clone()), colours)
        .child(
            el("h4")
                .class("event-title")
                .attr_opt("lang", title.lang)
                .child(link(ctx, to).child(highlighted(words, &title.text))),
        )
        .child(title.note.map(fallback_note))
        .children(event_facts(ctx, view, None))
        .child(summary)
        .child(organizers)
        .into()
}

/// A card or page in its first theme's colour (`--tl` light, `--td` dark; style/main.css).
pub fn themed(card: El, colours: Option<(String, String)>) -> El {
    match colours {
        Some((light, dark)) => card.style("--tl", light).style("--td", dark),
        None => card,
    }
}

/// "Only available in Spanish".
pub fn fallback_note(note: String) -> Node {
    el("p").class("fallback-note").child(note).into()
}

/// A " · "-separated fact in the "when" line.
fn fact(class: &'static str, text: String) -> Node {
    Node::Many(vec![" · ".into(), el("span").class(class).child(text).into()])
}

/// A link that leaves Citycal: a new tab, without the referrer.
/// A link out of Citycal. Core lets only http(s) links through from the feed
/// and the config; this refuses any other once more (plain text, no `href`),
/// so no code path can put a `javascript:` link on a partner's page.
pub fn external_link(url: String, text: impl Into<Node>) -> El {
    if !is_http_url(&url) {
        return el("span").child(text);
    }
    el("a").attr("href", url).attr("rel", "noopener noreferrer").attr("target", "_blank").child(text)
}

pub fn event_facts(ctx: AppCtx, view: EventView, duration: Option<String>) -> Vec<Node> {
    let EventView { start_iso, start_text, end_iso, end_text, all_day, .. } = view;
    let end = (!end_text.is_empty())
        .then(|| Node::Many(vec![" – ".into(), el("time").attr("datetime", end_iso).child(end_text).into()]));
    let when = el("p")
        .class("event-when")
        .child(el("time").attr("datetime", start_iso).child(start_text))
        .child(end)
        .child(view.crosses_midnight.map(|c| fact("crosses-midnight", c)))
        .child(all_day.then(|| fact("all-day", ctx.t("all-day"))))
        .child(duration.map(|d| fact("duration", d)))
        .child(view.approximate.map(|a| fact("approximate", a)));
    // What a visitor asks first: the language it is held in and whether they
    // can still register; then how and where, and its themes.
    let meta = el("p")
        .class("event-meta")
        .child(view.status.map(|s| el("span").class("badge status").child(s)))
        .child(view.languages.map(|l| el("span").class("languages").child(l)))
        .child(view.registration.map(|r| el("span").class(format!("badge {}", view.registration_class)).child(r)))
        .child(view.format.map(|f| el("span").class(format!("badge format {}", view.format_class)).child(f)))
        .child(view.place.map(|p| el("span").class("place").child(p)))
        .child(view.themes.map(|(t, ..)| el("span").class("themes").child(t)));
    let actions = el("p")
        .class("event-actions")
        .child(view.external_registration.map(|url| external_link(url, ctx.t("reg-external")).class("button")))
        .child(view.recording_url.map(|url| external_link(url, ctx.t("watch-recording")).class("button")));
    vec![
        when.into(),
        view.relative.map(|r| el("p").class("relative").child(r)).into(),
        view.venue_time.map(|v| el("p").class("venue-time").child(v)).into(),
        meta.into(),
        actions.into(),
    ]
}
