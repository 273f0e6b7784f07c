//! The feed check page (`check.html`): an organizer gives a feed's address
//! or a file and reads every problem `citycal_core::check` finds, with the
//! event's id and title, the path, what is wrong and how to fix it, in en,
//! es or ro. Its own binary (`src/bin/check.rs`): visitors never download
//! it. The same check as a command: `citycal check` (`docs/feed-check.md`).

use std::sync::Arc;

use citycal_core::check::{self, Report, Severity};
use citycal_core::i18n::{negotiate, Lang, Localizer};
use leptos::prelude::*;

use crate::platform::dom::{self, PickedFile};
use crate::platform::http::{self, get_bytes};
use crate::platform::intl::{browser_languages, supported_zones, IntlZones};
use crate::platform::{now, page, storage};

/// Where the report comes from, as the page names it.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Idle,
    Checking(String),
    /// The address did not answer (or CORS refused it).
    NoAnswer(String),
    HttpStatus(String, u16),
    FileUnreadable(String),
    Checked(String, Arc<Report>),
}

/// The page's language: the link's `lang` (the calendar's link passes its
/// own), the visitor's saved choice (shared with the calendar), the
/// browser's; English otherwise.
fn first_lang() -> Lang {
    page::query_param("lang")
        .as_deref()
        .and_then(Lang::from_tag)
        .or_else(|| storage::get("citycal.lang").as_deref().and_then(Lang::from_tag))
        .or_else(|| negotiate(browser_languages().iter().map(String::as_str)))
        .unwrap_or_default()
}

/// The check of a feed, or of an iCalendar file as the calendar reads it
/// (`check::check` tells them apart).
fn outcome_of(source: String, bytes: &[u8]) -> Outcome {
    let zones = supported_zones();
    Outcome::Checked(source, Arc::new(check::check(bytes, &IntlZones, &zones, now())))
}

#[component]
pub fn FeedCheck() -> impl IntoView {
    let lang = RwSignal::new(first_lang());
    // The words of `lang`, read once per choice.
    let words = RwSignal::new(Arc::new(check::words(lang.get_untracked())));
    let t = move |id: &'static str| words.with(|w| w.t(id));
    Effect::new(move |_| page::set_language_and_title(lang.get().tag(), &t("check-page-title")));
    let url = RwSignal::new(page::query_param("feed").unwrap_or_default());
    let outcome = RwSignal::new(Outcome::Idle);
    // A later check wins over an earlier one still fetching.
    let generation = StoredValue::new(0u32);
    let next = move || {
        generation.update_value(|g| *g += 1);
        generation.get_value()
    };
    let settle = move |mine: u32, result: Outcome| {
        if generation.get_value() == mine {
            outcome.set(result);
        }
    };
    let check_url = move || {
        let typed = url.get_untracked().trim().to_owned();
        if typed.is_empty() {
            return;
        }
        page::replace_param("feed", Some(&typed));
        let mine = next();
        outcome.set(Outcome::Checking(typed.clone()));
        leptos::task::spawn_local(async move {
            let result = match get_bytes(&typed, 60_000).await {
                Ok(bytes) => outcome_of(typed, &bytes),
                Err(http::Error::Status(status)) => Outcome::HttpStatus(typed, status),
                Err(_) => Outcome::NoAnswer(typed),
            };
            settle(mine, result);
        });
    };
    let check_file = move |file: PickedFile| {
        let name = file.name();
        let mine = next();
        outcome.set(Outcome::Checking(name.clone()));
        leptos::task::spawn_local(async move {
            let result = match file.read().await {
                Ok(bytes) => outcome_of(name, &bytes),
                Err(_) => Outcome::FileUnreadable(name),
            };
            settle(mine, result);
        });
    };
    // A file dropped anywhere on the page is checked (and not opened by the browser).
    let drop_handles = [
        window_event_listener(leptos::ev::dragover, move |e| {
            if dom::drags_files(&e) {
                e.prevent_default();
            }
        }),
        window_event_listener(leptos::ev::drop, move |e| {
            if let Some(file) = PickedFile::from_event(&e) {
                e.prevent_default();
                check_file(file);
            }
        }),
    ];
    on_cleanup(move || drop_handles.into_iter().for_each(|h| h.remove()));
    if !url.get_untracked().trim().is_empty() {
        check_url();
    }

    view! {
        <main class="citycal feed-check">
            <header class="check-header">
                <h1>{move || t("check-page-title")}</h1>
                <label class="picker check-lang">
                    <span>{move || t("check-page-language")}</span>
                    <select on:change=move |e| {
                        if let Some(l) = Lang::from_tag(&event_target_value(&e)) {
                            lang.set(l);
                            words.set(Arc::new(check::words(l)));
                            page::replace_param("lang", Some(l.tag()));
                            // Remembered, as the calendar remembers a chosen language.
                            storage::set("citycal.lang", l.tag());
                        }
                    }>
                        {Lang::ALL.into_iter().map(|l| view! {
                            <option value=l.tag() selected=move || lang.get() == l>{l.self_name()}</option>
                        }).collect_view()}
                    </select>
                </label>
            </header>
            <p>{move || t("check-page-intro")}</p>
            <form class="check-source" novalidate on:submit=move |e| { e.prevent_default(); check_url(); }>
                <label class="check-url">
                    <span>{move || t("check-page-url")}</span>
                    <input type="url" name="feed" inputmode="url" autocomplete="url" placeholder="https://example.org/events.json"
                        prop:value=move || url.get() on:input=move |e| url.set(event_target_value(&e))/>
                </label>
                <button type="submit" class="button">{move || t("check-page-run")}</button>
                <label class="check-file">
                    <span>{move || t("check-page-file")}</span>
                    <input type="file" accept=".json,application/json,.ics,text/calendar"
                        on:change=move |e| { if let Some(file) = PickedFile::from_event(&e) { check_file(file) } }/>
                </label>
                <p class="hint">{move || t("check-page-drop")}</p>
            </form>
            <section class="check-result" aria-live="polite">
                {move || words.with(|w| result(w, lang.get(), &outcome.get()))}
            </section>
            <p class="hint">{move || t("check-page-cli")}</p>
        </main>
    }
}

/// The outcome in words: a message, or the summary and every finding.
fn result(words: &Localizer, lang: Lang, outcome: &Outcome) -> AnyView {
    let message = |text: String| view! { <p class="check-message" role="alert">{text}</p> }.into_any();
    match outcome {
        Outcome::Idle => ().into_any(),
        Outcome::Checking(_) => view! { <p class="check-message">{words.t("check-page-checking")}</p> }.into_any(),
        Outcome::NoAnswer(url) => message(words.t_args("check-page-no-answer", &[("url", url.clone().into())])),
        Outcome::HttpStatus(url, status) => {
            let args = [("url", url.clone().into()), ("status", usize::from(*status).into())];
            message(words.t_args("check-page-http-status", &args))
        }
        Outcome::FileUnreadable(name) => {
            message(words.t_args("check-page-file-unreadable", &[("name", name.clone().into())]))
        }
        Outcome::Checked(source, report) => {
            let lines = check::lines(report, lang);
            let findings = report.findings.iter().zip(lines).map(|(finding, line)| {
                let (class, severity) = match line.severity {
                    Severity::Error => ("finding error", words.t("check-error")),
                    Severity::Warning => ("finding warning", words.t("check-warning")),
                };
                let id = finding.event.as_ref().and_then(|e| e.id.clone());
                let path = if line.path.is_empty() { "/".to_owned() } else { line.path };
                view! {
                    <li class=class data-code=line.code data-event-id=id>
                        <p class="finding-where">
                            <strong class="severity">{severity}</strong>" "
                            {line.event.map(|event| view! { <span class="finding-event">{event}</span>" " })}
                            <code class="finding-path">{path}</code>
                        </p>
                        <p class="finding-what">{line.what}</p>
                        <p class="finding-fix"><strong>{words.t("check-fix")}": "</strong>{line.fix}</p>
                    </li>
                }
            });
            view! {
                <p class="check-source-name">{words.t_args("check-page-checked", &[("source", source.clone().into())])}</p>
                <p class="check-summary" role="status">{check::summary(report, lang)}</p>
                <ol class="findings">{findings.collect_view()}</ol>
            }
            .into_any()
        }
    }
}
