//! Feed loading states: skeleton, failure with retry, and skipped-event notice.

use citycal_core::feed::Severity;
use citycal_core::validate::skipped_count;
use leptos::prelude::*;

use crate::platform::http;
use crate::ui::state::{start_loading, use_app_ctx, Load, LoadError};

#[component]
pub fn FeedStatus() -> impl IntoView {
    let ctx = use_app_ctx();
    move || match ctx.load.get() {
        Load::Loading => view! {
            <div class="skeleton" role="status" aria-live="polite">
                <span class="visually-hidden">{ctx.t("loading")}</span>
                <div class="skeleton-card"></div>
                <div class="skeleton-card"></div>
                <div class="skeleton-card"></div>
            </div>
        }
        .into_any(),
        Load::Failed(error) => {
            let message = match &error {
                LoadError::Config => ctx.t("config-error"),
                LoadError::Http(http::Error::Network) => ctx.t("feed-error-network"),
                LoadError::Http(http::Error::Status(code)) => {
                    ctx.t_args("feed-error-http", &[("status", code.to_string().into())])
                }
                LoadError::Feed(e) => ctx.localizer().feed_error(e),
            };
            view! {
                <div class="notice error" role="alert">
                    <h2>{ctx.t("feed-error-heading")}</h2>
                    <p>{message}</p>
                    <button type="button" class="button" on:click=move |_| start_loading(ctx)>{ctx.t("retry")}</button>
                </div>
            }
            .into_any()
        }
        Load::Ready(loaded) if !loaded.issues.is_empty() => {
            let skipped = skipped_count(&loaded.issues);
            let ignored = loaded.issues.iter().filter(|i| i.severity == Severity::Ignored).count();
            let localizer = ctx.localizer();
            let details: Vec<(String, String)> =
                loaded.issues.iter().map(|i| (i.path.clone(), localizer.problem(&i.problem))).collect();
            view! {
                <div class="notice warning" role="status">
                    {(skipped > 0).then(|| view! { <p>{ctx.t_args("skipped-notice", &[("count", skipped.into())])}</p> })}
                    {(ignored > 0).then(|| view! { <p>{ctx.t_args("ignored-notice", &[("count", ignored.into())])}</p> })}
                    <details>
                        <summary>{ctx.t("issues-details")}</summary>
                        <ul class="issues">
                            {details.into_iter().map(|(path, reason)| view! {
                                <li><code>{path}</code>": "{reason}</li>
                            }).collect_view()}
                        </ul>
                    </details>
                </div>
            }
            .into_any()
        }
        Load::Ready(_) => ().into_any(),
    }
}

/// Link parameters that were not understood: said once, not silently dropped.
#[component]
pub fn LinkNotice() -> impl IntoView {
    let ctx = use_app_ctx();
    move || {
        let issues = ctx.link_issues.get();
        (!issues.is_empty()).then(|| {
            view! {
                <div class="notice warning link-notice" role="status">
                    <ul>
                        {issues.into_iter().map(|i| {
                            let text = if i.param == "tz" {
                                let shown = ctx.zone.get();
                                ctx.t_args("link-unknown-zone", &[("zone", i.value.into()), ("shown", shown.into())])
                            } else {
                                ctx.t_args("link-issue", &[("param", i.param.into()), ("value", i.value.into())])
                            };
                            view! { <li>{text}</li> }
                        }).collect_view()}
                    </ul>
                    <button type="button" class="button" on:click=move |_| ctx.link_issues.set(Vec::new())>{ctx.t("dismiss")}</button>
                </div>
            }
        })
    }
}
