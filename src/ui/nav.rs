//! The calendar's toolbar: previous / today / next, the period's title, a
//! date jump and the view switcher. Every control is a link to a state (or
//! sets one), so the URL always says what is shown.

use chrono::NaiveDate;
use citycal_core::i18n::msg;
use citycal_core::layout::{period, step};
use citycal_core::query::View;
use citycal_core::validate::parse_date;
use leptos::prelude::*;

use crate::platform::dom;
use crate::platform::tree::{dynamic, dynamic_text, el, Node};
use crate::ui::link::link_following;
use crate::ui::state::AppCtx;

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

pub fn toolbar(ctx: AppCtx) -> Node {
    let view = Memo::new(move |_| ctx.view());
    let date = Memo::new(move |_| ctx.date());
    let jump = move |event: web_sys::Event| {
        // The browser's date input gives YYYY-MM-DD or nothing.
        if let Some(date) = parse_date(&dom::target_value(&event)) {
            ctx.go(ctx.with_link(|l| l.date = Some(date)), true);
        }
    };
    let text = move |id: &'static str| dynamic_text(move || ctx.t(id));
    // The controls stay the same elements while their targets follow the
    // view and date, so focus stays on the one just used.
    let step_link = move |forward: bool| {
        let to = Signal::derive(move || ctx.with_link(|l| l.date = Some(step(view.get(), date.get(), forward))));
        link_following(ctx, to)
            .class(if forward { "button step next" } else { "button step previous" })
            .attr_dyn("aria-label", move || {
                let (previous, next) = step_labels(view.get());
                Some(ctx.t(if forward { next } else { previous }))
            })
            .child(el("span").attr("aria-hidden", "true").child(if forward { "›" } else { "‹" }))
    };
    let today = Signal::derive(move || ctx.with_link(|l| l.date = None));
    let switch = View::ALL
        .into_iter()
        .map(|v| {
            let to = Signal::derive(move || ctx.with_link(|l| l.view = Some(v)));
            let choice = link_following(ctx, to)
                .class("button")
                .attr_dyn("aria-current", move || (v == view.get()).then(|| "page".to_owned()))
                .child(text(view_label(v)));
            el("li").child(choice).into()
        })
        .collect();
    Node::from(
        el("nav")
            .class("toolbar")
            // The stylesheet lays the toolbar out per view on a phone.
            .attr_dyn("data-view", move || Some(view.get().name().to_owned()))
            .attr_dyn("aria-label", move || Some(ctx.t("calendar-navigation")))
            .child(
                el("div")
                    .class("step-buttons")
                    .child(step_link(false))
                    .child(link_following(ctx, today).class("button today").child(text("today")))
                    .child(step_link(true)),
            )
            .child(
                el("h2")
                    .attr("id", "period-title")
                    .class("period-title")
                    .attr("tabindex", "-1")
                    .attr("aria-live", "polite")
                    .child(dynamic(move || {
                        let title = dynamic_text(move || period_title(&ctx, view.get(), date.get()));
                        // A phone's month: the title is a disclosure (named by
                        // the month, expanded while the whole month shows) that
                        // folds the grid to the chosen day's week and back (month.rs).
                        if !(view.get() == View::Month && ctx.narrow.get()) {
                            return title;
                        }
                        let folded = ctx.month_folded;
                        el("button")
                            .attr("type", "button")
                            .class("fold-toggle")
                            .attr_dyn("aria-expanded", move || Some((!folded.get()).to_string()))
                            .on("click", move |_| folded.update(|f| *f = !*f))
                            .child(title)
                            .child(el("span").class("chevron").attr("aria-hidden", "true").child("▾"))
                            .into()
                    })),
            )
            .child(
                el("label")
                    .class("date-jump")
                    .child(el("span").class("visually-hidden").child(text("jump-to-date")))
                    .child(
                        el("input")
                            .attr("type", "date")
                            .prop_dyn("value", move || date.get().to_string().into())
                            .attr("min", "1900-01-01")
                            .attr("max", "2200-12-31")
                            .on("change", jump),
                    ),
            )
            .child(
                el("ul")
                    .class("view-switch")
                    .attr_dyn("aria-label", move || Some(ctx.t("choose-view")))
                    .children(switch),
            ),
    )
}
