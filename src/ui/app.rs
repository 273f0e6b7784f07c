//! The root component: provides the context, follows the URL, starts
//! loading, and shows the view (or the event page) the link asks for.

use citycal_core::query::View;
use leptos::prelude::*;

use crate::platform::page;
use crate::ui::event_page::EventPage;
use crate::ui::filter_bar::FilterBar;
use crate::ui::header::Header;
use crate::ui::list::ListView;
use crate::ui::month::MonthView;
use crate::ui::nav::Toolbar;
use crate::ui::state::{follow_browser, initial_ctx, provide_app_ctx, start_loading, use_app_ctx, AppCtx, Load};
use crate::ui::status::{FeedStatus, LinkNotice};
use crate::ui::week::TimeGridView;

#[component]
pub fn App() -> impl IntoView {
    let ctx = initial_ctx();
    follow_browser(ctx);
    start_loading(ctx);
    view! { <Calendar ctx=ctx/> }
}

/// The page for a given context; tests mount it with a prepared one.
#[component]
pub fn Calendar(ctx: AppCtx) -> impl IntoView {
    provide_app_ctx(ctx);
    // <html lang> and the title follow the language and the open event.
    Effect::new(move |_| {
        let app_title = ctx.t("app-title");
        let title = match (ctx.link.with(|l| l.event.clone()), ctx.load.get()) {
            (Some(id), Load::Ready(loaded)) => loaded
                .feed
                .event(&id)
                .and_then(|e| e.title.pick(ctx.lang.get().tag(), &e.languages).map(|p| format!("{} — {app_title}", p.text)))
                .unwrap_or(app_title),
            _ => app_title,
        };
        page::set_language_and_title(ctx.lang.get().tag(), &title);
    });
    view! {
        <div class="citycal">
            <Header/>
            <main>
                <LinkNotice/>
                <FeedStatus/>
                <Shown/>
            </main>
        </div>
    }
}

/// The event page when the link names an event; else the toolbar and the view.
#[component]
fn Shown() -> impl IntoView {
    let ctx = use_app_ctx();
    let event = Memo::new(move |_| ctx.link.with(|l| l.event.clone()));
    let view = Memo::new(move |_| ctx.view());
    move || match event.get() {
        Some(id) => view! { <EventPage id=id/> }.into_any(),
        None => view! {
            <FilterBar/>
            <Toolbar/>
            {move || match view.get() {
                View::Month => view! { <MonthView/> }.into_any(),
                View::Week => view! { <TimeGridView view=View::Week/> }.into_any(),
                View::Day => view! { <TimeGridView view=View::Day/> }.into_any(),
                View::List => view! { <ListView/> }.into_any(),
            }}
        }
        .into_any(),
    }
}
