//! The calendar's toolbar: previous / today / next, the period's title, a
//! date jump and the view switcher. Every control is a link to a state (or
//! sets one), so the URL always says what is shown.

use chrono::NaiveDate;
use citycal_core::i18n::msg;
use citycal_core::layout::{period, step};
use citycal_core::query::View;
use citycal_core::validate::parse_date;
use leptos::prelude::*;

use crate::ui::link::StateLink;
use crate::ui::state::{use_app_ctx, AppCtx};

/// The title of the period shown: "November 2026", "23–29 November 2026".
fn period_title(ctx: &AppCtx, view: View, date: NaiveDate) -> String {
    let fmt = ctx.formatter();
    match view {
        View::Month => fmt.month_year(date),
        View::Week => {
            let (first, last) = period(View::Week, date, ctx.week_start());
            fmt.day_range(first, last)
        }
        View::Day => fmt.date_long(date),
        View::List => ctx.t_args("list-from", &[("date", fmt.date_long(date).into())]),
    }
}

fn step_labels(view: View) -> (&'static str, &'static str) {
    match view {
        View::Month | View::List => (msg("previous-month"), msg("next-month")),
        View::Week => (msg("previous-week"), msg("next-week")),
        View::Day => (msg("previous-day"), msg("next-day")),
    }
}

fn view_label(view: View) -> &'static str {
    match view {
        View::Month => msg("view-month"),
        View::Week => msg("view-week"),
        View::Day => msg("view-day"),
        View::List => msg("view-list"),
    }
}

#[component]
pub fn Toolbar() -> impl IntoView {
    let ctx = use_app_ctx();
    let view = Memo::new(move |_| ctx.view());
    let date = Memo::new(move |_| ctx.date());
    let jump = move |event: leptos::ev::Event| {
        // The browser's date input gives YYYY-MM-DD or nothing.
        if let Some(date) = parse_date(&event_target_value(&event)) {
            ctx.go(ctx.with_link(|l| l.date = Some(date)), true);
        }
    };
    // The controls stay the same elements while their targets follow the
    // view and date, so focus stays on the one just used.
    let stepped = move |forward: bool| {
        Signal::derive(move || ctx.with_link(|l| l.date = Some(step(view.get(), date.get(), forward))))
    };
    let step_label = move |forward: bool| {
        Signal::derive(move || {
            let (previous, next) = step_labels(view.get());
            Some(ctx.t(if forward { next } else { previous }))
        })
    };
    let today = Signal::derive(move || ctx.with_link(|l| l.date = None));
    view! {
        <nav class="toolbar" aria-label=move || ctx.t("calendar-navigation")>
            <div class="step-buttons">
                <StateLink to=stepped(false) class="button step previous" label=step_label(false)>
                    <span aria-hidden="true">"‹"</span>
                </StateLink>
                <StateLink to=today class="button today">{move || ctx.t("today")}</StateLink>
                <StateLink to=stepped(true) class="button step next" label=step_label(true)>
                    <span aria-hidden="true">"›"</span>
                </StateLink>
            </div>
            <h2 id="period-title" class="period-title" tabindex="-1" aria-live="polite">
                {move || period_title(&ctx, view.get(), date.get())}
            </h2>
            <label class="date-jump">
                <span class="visually-hidden">{move || ctx.t("jump-to-date")}</span>
                <input type="date" prop:value=move || date.get().to_string() min="1900-01-01" max="2200-12-31" on:change=jump/>
            </label>
            <ul class="view-switch" aria-label=move || ctx.t("choose-view")>
                {View::ALL.into_iter().map(|v| {
                    let to = Signal::derive(move || ctx.with_link(|l| l.view = Some(v)));
                    let current = Signal::derive(move || Some(v == view.get()));
                    view! {
                        <li><StateLink to=to class="button" current=current>{move || ctx.t(view_label(v))}</StateLink></li>
                    }
                }).collect_view()}
            </ul>
        </nav>
    }
}
