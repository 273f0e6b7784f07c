//! "Subscribe to this view", under every view: the address of a live
//! iCalendar feed of exactly the view's filters (`citycal_core::subscription`:
//! the reference server's `calendar.ics`, else the build's static files), as
//! `webcal://` for the visitor's calendar app, as Google Calendar's and
//! Outlook.com's "add by URL" links, and as an `https://` address to copy.
//! Both are chunks: the first screen does without the disclosure (it comes
//! with the accent colour, `extras`), and what it opens comes when opened
//! (with the words of the parts in chunks).

use citycal_core::colour::{accent_colours, Rgb};
use citycal_core::query::ViewState;
use citycal_core::subscription::{google_subscribe_url, outlook_subscribe_url, subscription_url, webcal};
use leptos::prelude::*;

use crate::platform::dom;
use crate::platform::tree::{dynamic, el, Node};
use crate::ui::catalog;
use crate::ui::chunk::{chunk, in_chunk, lazy, lazy_quiet, now};
use crate::ui::event_card::external_link;
use crate::ui::state::{AppCtx, Load};

/// What the first screen does without, in a chunk fetched once the feed is
/// there: the disclosure (only for the config's feed) and a link's accent
/// colour (an embed's).
pub fn extras(ctx: AppCtx) -> Node {
    dynamic(move || match ctx.load.get() {
        Load::Ready(loaded) => {
            let subscribable = loaded.subscribable;
            untrack(|| lazy_quiet(ctx, chunk!(load_extras), move || now(extras_chunk(ctx, subscribable))))
        }
        _ => Node::Empty,
    })
}

in_chunk!(
    extras,
    load_extras,
    fn extras_chunk(ctx: AppCtx, subscribable: bool) -> Node {
        accent(ctx);
        // Under the views, not under an event's page.
        let viewing = Memo::new(move |_| ctx.link.with(|l| l.event.is_none()));
        dynamic(move || match subscribable && viewing.get() {
            true => untrack(|| subscribe(ctx)),
            false => Node::Empty,
        })
    }
);

/// Follows the link's accent colour, as each scheme shows it
/// (`colour::accent_colours`); the stylesheet picks the scheme's pair.
fn accent(ctx: AppCtx) {
    Effect::new(move |_| {
        let pairs = ctx.link.with(|l| l.accent).map(accent_colours);
        let Some(root) = ctx.root.get() else { return };
        let hex = |pick: fn(&[(Rgb, Rgb); 2]) -> Rgb| pairs.as_ref().map(|p| pick(p).hex());
        dom::set_custom_properties(
            &root,
            "data-accent",
            &[
                ("--cc-custom-accent", hex(|p| p[0].0)),
                ("--cc-custom-accent-text", hex(|p| p[0].1)),
                ("--cc-custom-accent-dark", hex(|p| p[1].0)),
                ("--cc-custom-accent-dark-text", hex(|p| p[1].1)),
            ],
        );
    });
}

/// "Subscribe to this view": a disclosure whose content is a chunk of its own.
fn subscribe(ctx: AppCtx) -> Node {
    let open = RwSignal::new(false);
    el("details")
        .class("subscribe")
        .on("toggle", move |event| open.set(dom::is_open(&event)))
        .child(el("summary").child(dynamic(move || ctx.t("subscribe-view").into())))
        .child(dynamic(move || {
            if !open.get() {
                return Node::Empty;
            }
            untrack(|| lazy(ctx, chunk!(load_subscribe_panel), move || now(subscribe_panel(ctx))))
        }))
        .into()
}

// With the disclosure that opens it (each split point of its own cut the
// code the views share into more, smaller chunks).
in_chunk!(
    extras,
    load_subscribe_panel,
    fn subscribe_panel(ctx: AppCtx) -> Node {
        ctx.use_more_words(catalog::more_source);
        dynamic(move || addresses(ctx))
    }
);

/// What the disclosure opens: the view's subscription, its links and its address.
fn addresses(ctx: AppCtx) -> Node {
    let Load::Ready(loaded) = ctx.load.get() else { return Node::Empty };
    let filters = ctx.link.with(|l| l.filters.clone());
    let lang = ctx.lang.get();
    // The app's own address (a script embed's: Citycal's, not the partner's page).
    let app_url = ctx.href(&ViewState::default());
    let Some(sub) = subscription_url(loaded.calendar.as_deref(), &app_url, &filters, lang) else { return Node::Empty };
    let name = loaded.feed.name.pick(lang.tag(), &[]).map(|p| p.text.to_owned()).unwrap_or_default();
    let copied = RwSignal::new(None::<bool>);
    let address = sub.url.clone();
    let copy = move |_| {
        let address = address.clone();
        leptos::task::spawn_local(async move { copied.set(Some(dom::copy_text(&address).await.is_ok())) });
    };
    let status = dynamic(move || match copied.get() {
        Some(true) => ctx.t("address-copied").into(),
        Some(false) => ctx.t("copy-address-by-hand").into(),
        None => Node::Empty,
    });
    let what = if sub.exact { "subscribe-intro" } else { "subscribe-everything" };
    el("div")
        .class("subscribe-body")
        .child(el("p").child(ctx.t(what)))
        .child(
            el("p")
                .class("subscribe-links")
                .child(
                    el("a")
                        .class("button subscribe-webcal")
                        .attr("href", webcal(&sub.url))
                        .child(ctx.t("subscribe-open")),
                )
                .child(
                    external_link(google_subscribe_url(&sub.url), ctx.t("subscribe-google"))
                        .class("button subscribe-google"),
                )
                .child(
                    external_link(outlook_subscribe_url(&sub.url, &name, false), ctx.t("subscribe-outlook"))
                        .class("button subscribe-outlook"),
                )
                .child(
                    external_link(outlook_subscribe_url(&sub.url, &name, true), ctx.t("microsoft-365"))
                        .class("button subscribe-microsoft-365"),
                ),
        )
        .child(
            el("label")
                .class("subscribe-address")
                .child(el("span").child(ctx.t("subscribe-address")))
                .child(el("input").attr("type", "url").attr("readonly", "").attr("value", sub.url.clone())),
        )
        .child(
            el("p")
                .child(
                    el("button").attr("type", "button").class("button").on("click", copy).child(ctx.t("copy-address")),
                )
                .child(" ")
                .child(el("span").class("copy-status").attr("role", "status").child(status)),
        )
        .into()
}
