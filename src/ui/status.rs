//! Feed loading states: skeleton, failure with retry, and skipped-event notice.

use citycal_core::validate::skipped_count;
use leptos::prelude::*;

use crate::platform::tree::{dynamic, el, Node};
use crate::platform::{http, page};
use crate::ui::catalog;
use crate::ui::chunk::{chunk, in_chunk, lazy, now};
use crate::ui::state::{start_loading, AppCtx, Host, Load, LoadError, Loaded, CHECK_PAGE};
use std::sync::Arc;

pub fn feed_status(ctx: AppCtx) -> Node {
    dynamic(move || current_status(ctx))
}

/// What the feed's loading state says now.
fn current_status(ctx: AppCtx) -> Node {
    match ctx.load.get() {
        Load::Loading => el("div")
            .class("skeleton")
            .attr("role", "status")
            .attr("aria-live", "polite")
            .child(el("span").class("visually-hidden").child(ctx.t("loading")))
            .children((0..3).map(|_| el("div").class("skeleton-card").into()).collect())
            .into(),
        Load::Failed(error) => {
            let message: Node = match &error {
                LoadError::Config => el("p").child(ctx.t("config-error")).into(),
                LoadError::Http(http::Error::Network | http::Error::TimedOut) => {
                    el("p").child(ctx.t("feed-error-network")).into()
                }
                LoadError::Http(http::Error::Status(code)) => {
                    el("p").child(ctx.t_args("feed-error-http", &[("status", code.to_string().into())])).into()
                }
                // A feed that arrived but cannot be read: no reasons for
                // visitors, a link for its organizers, in the problems'
                // chunk (the network works).
                LoadError::Feed(_, url) => {
                    let url = url.clone();
                    untrack(|| {
                        lazy(ctx, chunk!(load_issues_notice), move || {
                            now(feed_notice(ctx, Notice::Failed(url.clone())))
                        })
                    })
                }
            };
            el("div")
                .class("notice error")
                .attr("role", "alert")
                .child(el("h2").child(ctx.t("feed-error-heading")))
                .child(message)
                .child(button(ctx.t("retry")).on("click", move |_| start_loading(ctx)))
                .into()
        }
        // The line about events left out is a chunk of its own: a feed
        // without any (the usual case) never fetches its words.
        Load::Ready(loaded) if skipped_count(&loaded.issues) > 0 || !loaded.source_troubles.is_empty() => {
            untrack(|| {
                lazy(ctx, chunk!(load_issues_notice), move || now(feed_notice(ctx, Notice::Issues(loaded.clone()))))
            })
        }
        Load::Ready(_) => Node::Empty,
    }
}

/// What the feed's chunk of words says.
enum Notice {
    /// The feed's problems, a part of it left out.
    Issues(Arc<Loaded>),
    /// The feed at this address cannot be read at all.
    Failed(String),
}

// In the filtering chunk: a split point of its own cut the code the views
// share into more, smaller chunks (and a network's feeds load there too).
in_chunk!(
    filtering,
    load_issues_notice,
    fn feed_notice(ctx: AppCtx, notice: Notice) -> Node {
        ctx.use_more_words(catalog::more_source);
        match notice {
            Notice::Failed(url) => {
                let link = check_link(ctx, Some(&url), ctx.t("feed-check-link"));
                el("p").child(ctx.t("feed-broken")).child(" ").child(link).into()
            }
            Notice::Issues(loaded) => issues_notice(ctx, &loaded),
        }
    }
);

/// The feed's problems, as a visitor sees them: one quiet line when events
/// were left out ("2 events could not be shown"), nothing for a detail
/// ignored; paths and reasons are for organizers (`citycal check`).
fn issues_notice(ctx: AppCtx, loaded: &Loaded) -> Node {
    let skipped = skipped_count(&loaded.issues);
    let lang = ctx.lang.get_untracked().tag();
    let name = |source: &citycal_core::feed::Source| {
        source.name.pick(lang, &[]).map_or(source.id.clone(), |p| p.text.to_owned())
    };
    // A network's partners whose feed could not be had, by name.
    let failed: Vec<String> = loaded.source_troubles.iter().filter(|t| t.failed).map(|t| name(&t.source)).collect();
    if skipped == 0 && failed.is_empty() {
        return Node::Empty;
    }
    let failed = (!failed.is_empty()).then(|| ctx.t_args("sources-failed", &[("names", failed.join(", ").into())]));
    let skipped = (skipped > 0).then(|| ctx.t_args("skipped-notice", &[("count", skipped.into())]));
    let said = failed.into_iter().chain(skipped).collect::<Vec<_>>().join(" ");
    // One feed: its check. A network: each partner's, by name.
    let links = if loaded.source_troubles.is_empty() {
        vec![" ".into(), check_link(ctx, loaded.feed_url.as_deref(), ctx.t("feed-check-link")).into()]
    } else {
        let mut links = vec![format!(" {} ", ctx.t("feed-check-in")).into()];
        for (i, trouble) in loaded.source_troubles.iter().enumerate() {
            if i > 0 {
                links.push(", ".into());
            }
            links.push(check_link(ctx, Some(&trouble.url), name(&trouble.source)).into());
        }
        links
    };
    el("p").class("feed-quiet").attr("role", "status").child(said).children(links).into()
}

fn button(text: String) -> crate::platform::tree::El {
    el("button").attr("type", "button").class("button").child(text)
}

/// The organizers' way to the reasons: the feed check page (`check.html`
/// next to the app), in the page's language, with the feed's address (a
/// network's feeds are checked one by one there); a new tab in an embed.
fn check_link(ctx: AppCtx, feed_url: Option<&str>, text: String) -> crate::platform::tree::El {
    let base = match ctx.host.get_value() {
        Host::Element { base, .. } => Some(base),
        _ => None,
    };
    let check_page = page::resolve(CHECK_PAGE, base.as_deref());
    let lang = ctx.lang.get_untracked();
    let url = match feed_url {
        Some(feed) => {
            let feed = page::resolve(feed, Some(&page::url_with_query("")));
            page::with_params(&check_page, &[("lang", lang.tag()), ("feed", &feed)])
        }
        None => page::with_params(&check_page, &[("lang", lang.tag())]),
    };
    let link = el("a").attr("href", url).child(text);
    if matches!(ctx.host.get_value(), Host::Page) {
        link
    } else {
        link.attr("target", "_blank")
    }
}

/// Link parameters that were not understood: said once, not silently
/// dropped. A chunk: a good link (the usual case) never fetches it.
pub fn link_notice(ctx: AppCtx) -> Node {
    let any = Memo::new(move |_| ctx.link_issues.with(|i| !i.is_empty()));
    dynamic(move || {
        if !any.get() {
            return Node::Empty;
        }
        untrack(|| lazy(ctx, chunk!(load_link_notice), move || now(link_issues(ctx))))
    })
}

in_chunk!(
    link_notice,
    load_link_notice,
    fn link_issues(ctx: AppCtx) -> Node {
        dynamic(move || {
            let items = ctx
                .link_issues
                .get()
                .into_iter()
                .map(|i| {
                    let text = if i.param == "tz" {
                        let shown = ctx.zone.get();
                        ctx.t_args("link-unknown-zone", &[("zone", i.value.into()), ("shown", shown.into())])
                    } else {
                        ctx.t_args("link-issue", &[("param", i.param.into()), ("value", i.value.into())])
                    };
                    el("li").child(text).into()
                })
                .collect();
            el("div")
                .class("notice warning link-notice")
                .attr("role", "status")
                .child(el("ul").children(items))
                .child(button(ctx.t("dismiss")).on("click", move |_| ctx.link_issues.set(Vec::new())))
                .into()
        })
    }
);

/// A language switched to whose words could not be fetched: the page stays
/// in the language before, and says so, with a retry.
pub fn words_notice(ctx: AppCtx) -> Node {
    dynamic(move || {
        let Some(lang) = ctx.words.with(|w| w.failed) else { return Node::Empty };
        el("div")
            .class("notice error")
            .attr("role", "alert")
            .child(el("p").child(ctx.t_args("language-load-error", &[("language", lang.self_name().into())])))
            .child(button(ctx.t("retry")).on("click", move |_| ctx.retry_words()))
            .into()
    })
}

/// Before any words have arrived: a busy region, or, when the fetch failed,
/// the one message that cannot come from a catalog, in all three languages.
pub fn words_missing(ctx: AppCtx) -> Node {
    if ctx.words.with(|w| w.failed.is_none()) {
        return el("div").class("chunk-loading").attr("aria-busy", "true").into();
    }
    el("div")
        .class("notice error")
        .attr("role", "alert")
        .children(WORDS_MISSING.iter().map(|(lang, text)| el("p").attr("lang", *lang).child(*text).into()).collect())
        .child(button(RETRY_ALL.into()).on("click", move |_| ctx.retry_words()))
        .into()
}

const WORDS_MISSING: [(&str, &str); 3] = [
    ("en", "The calendar could not be loaded. Check your connection and try again."),
    ("es", "No se pudo cargar el calendario. Compruebe su conexión y vuelva a intentarlo."),
    ("ro", "Calendarul nu a putut fi încărcat. Verificați conexiunea și încercați din nou."),
];
const RETRY_ALL: &str = "Try again · Volver a intentarlo · Încercați din nou";
