//! The root component: provides the context, starts loading, lays out the page.

use leptos::prelude::*;

use crate::platform::page;
use crate::ui::event_list::EventList;
use crate::ui::header::Header;
use crate::ui::state::{initial_ctx, provide_app_ctx, start_loading, AppCtx};
use crate::ui::status::FeedStatus;

#[component]
pub fn App() -> impl IntoView {
    let ctx = initial_ctx();
    start_loading(ctx);
    view! { <Calendar ctx=ctx/> }
}

/// The page for a given context; tests mount it with a prepared one.
#[component]
pub fn Calendar(ctx: AppCtx) -> impl IntoView {
    provide_app_ctx(ctx);
    // <html lang> and the title follow the interface language.
    Effect::new(move |_| page::set_language_and_title(ctx.lang.get().tag(), &ctx.t("app-title")));
    view! {
        <div class="citycal">
            <Header/>
            <main>
                <FeedStatus/>
                <EventList/>
            </main>
        </div>
    }
}
