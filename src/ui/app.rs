//! The root component: provides the context, follows the URL, starts
//! loading, and shows the view (or the event page) the link asks for.

use citycal_core::query::View;
use leptos::prelude::*;

use citycal_core::i18n::Lang;
use citycal_core::query::ViewState;

use crate::platform::page;
use crate::platform::tree::{dynamic, el, Node};
use crate::ui::chunk::{chunk, lazy, loading, now};
use crate::ui::event_page::{event_page, load_event_page};
use crate::ui::filter_bar::filter_bar;
use crate::ui::header::header;
use crate::ui::list::{list_view, load_list_view};
use crate::ui::month::{load_month_view, month_view};
use crate::ui::nav::toolbar;
use crate::ui::state::{follow_browser, initial_ctx, provide_app_ctx, start_loading, AppCtx, Host, Load};
use crate::ui::status::{feed_status, link_notice, words_missing, words_notice};
use crate::ui::subscribe::extras;
use crate::ui::week::{load_time_grid_view, time_grid_view};

/// The calendar as its own page (`Host::Page`), in a partner's iframe
/// (`Host::Frame`) or in a partner's element (`Host::Element`).
#[component]
pub fn App(
    #[prop(optional)] host: Host,
    /// An embedding site's defaults (see `state::initial_ctx`).
    #[prop(default = None)]
    lang: Option<Lang>,
    #[prop(default = None)] zone: Option<String>,
    /// An embedding site's preset view, date and filters.
    #[prop(default = None)]
    presets: Option<ViewState>,
) -> impl IntoView {
    let ctx = initial_ctx(lang, zone);
    ctx.host.set_value(host);
    if let Some(presets) = presets {
        ctx.link.set(presets);
    }
    follow_browser(ctx);
    start_loading(ctx);
    view! { <Calendar ctx=ctx/> }
}

/// The page for a given context; tests mount it with a prepared one.
#[component]
pub fn Calendar(ctx: AppCtx) -> impl IntoView {
    provide_app_ctx(ctx);
    // <html lang> and the title follow the language and the open event, on
    // Citycal's own pages only: a partner's page keeps its own.
    let owns_page = !matches!(ctx.host.get_value(), Host::Element { .. });
    Effect::new(move |_| {
        // The language shown: a language switched to shows when its words arrive.
        let Some(words) = ctx.shown_localizer().filter(|_| owns_page) else { return };
        let app_title = words.t("app-title");
        let title = match (ctx.link.with(|l| l.event.clone()), ctx.load.get()) {
            (Some(id), Load::Ready(loaded)) => loaded
                .feed
                .event(&id)
                .and_then(|e| {
                    e.title.pick(words.lang().tag(), &e.languages).map(|p| format!("{} — {app_title}", p.text))
                })
                .unwrap_or(app_title),
            _ => app_title,
        };
        page::set_language_and_title(words.lang().tag(), &title);
    });
    if ctx.host.get_value() == Host::Frame {
        report_height(ctx);
    }
    // The interface's words are a chunk per language (`catalog.rs`): nothing
    // is shown before the first arrives.
    let has_words = Memo::new(move |_| ctx.shown_localizer().is_some());
    let page: Node = el("div")
        .class("citycal")
        .node_ref(ctx.root)
        .child(dynamic(move || {
            if !has_words.get() {
                return words_missing(ctx);
            }
            untrack(|| {
                Node::Many(vec![
                    header(ctx),
                    el("main")
                        .child(words_notice(ctx))
                        .child(link_notice(ctx))
                        .child(feed_status(ctx))
                        .child(main_content(ctx))
                        .into(),
                    extras(ctx),
                ])
            })
        }))
        .into();
    page
}

/// The event page when the link names an event; else the toolbar and the view.
fn main_content(ctx: AppCtx) -> Node {
    let event = Memo::new(move |_| ctx.link.with(|l| l.event.clone()));
    let view = Memo::new(move |_| ctx.view());
    let pending = Memo::new(move |_| ctx.matches.with(|m| m.pending));
    // Each view's code is a wasm chunk of its own (`chunk.rs`), fetched
    // when the view is first shown.
    dynamic(move || match event.get() {
        Some(id) => lazy(ctx, chunk!(load_event_page), move || now(event_page(ctx, id.clone()))),
        // Built untracked, as a component's body is: only their own
        // regions follow signals, not this one.
        None => untrack(|| {
            Node::Many(vec![
                filter_bar(ctx),
                toolbar(ctx),
                dynamic(move || match view.get() {
                    // Filters set and the filtering chunk on its way: not the unfiltered events.
                    _ if pending.get() => loading(ctx),
                    View::Month => lazy(ctx, chunk!(load_month_view), move || now(month_view(ctx))),
                    // Seven columns do not fit a phone: its week is a list of the week's days.
                    View::Week if ctx.narrow.get() => lazy(ctx, chunk!(load_list_view), move || now(list_view(ctx))),
                    View::Week | View::Day => {
                        let shown = view.get_untracked();
                        lazy(ctx, chunk!(load_time_grid_view), move || now(time_grid_view(ctx, shown)))
                    }
                    View::List => lazy(ctx, chunk!(load_list_view), move || now(list_view(ctx))),
                }),
            ])
        }),
    })
}

/// In a partner's iframe: tells the parent page the content's height
/// whenever it changes (its `resize.js` sizes the iframe; no double scrollbar).
/// The parent's `resize.js` may load after the first reports, so it also
/// asks (`citycal:ask-height`), and gets the current height in reply.
/// Heights are checked four times a second and sent when they change.
fn report_height(ctx: AppCtx) {
    let Some(origin) = page::parent_origin() else { return };
    let last = StoredValue::new(0);
    let report = origin.clone();
    let measure = move || ctx.root.get_untracked().map(|root| root.scroll_height()).unwrap_or(0);
    if let Ok(timer) = set_interval_with_handle(
        move || {
            let height = measure();
            if height != last.get_value() {
                last.set_value(height);
                page::post_height(&report, f64::from(height));
            }
        },
        std::time::Duration::from_millis(250),
    ) {
        on_cleanup(move || timer.clear());
    }
    let asked = origin.clone();
    page::on_height_request(&origin, move || page::post_height(&asked, f64::from(measure())));
}
