//! The month view: a WAI-ARIA grid of days. One tab stop (the selected day);
//! arrows move by day and week, Home/End to the week's ends, PageUp/PageDown
//! by month, Enter (or Space) opens the day. Moving within the shown month
//! updates the cells in place and moves focus at once; moving to another
//! month holds focus on the grid's frame (which also reads keys) until the
//! new month's cells are there. So no key pressed meanwhile is lost, however
//! slow the device.
//!
//! On a phone the cells show dots for their events (the cell's name counts
//! them), a tap chooses a day (kept in the link) and lists its events under
//! the grid, and a swipe sideways changes the month. A chosen day folds the
//! grid to its week, so that the day's events are on the first screen (the
//! toolbar's month title unfolds it; a swipe then moves by week); a link
//! that names a day opens folded, and a month changed from the toolbar opens
//! whole.

use chrono::{Datelike, Duration, NaiveDate};
use citycal_core::layout::{day_spans, month_weeks, spans_between, step, swipe, week_bars, week_start, Bar};
use citycal_core::query::View;
use leptos::prelude::*;

use crate::platform::tree::{dynamic, el, Node};
use crate::platform::{dom, intl::IntlZones};
use crate::ui::chip::{event_bar, event_chip};
use crate::ui::chunk::{chunk, in_chunk, lazy, now};
use crate::ui::event_card::event_card;
use crate::ui::highlight::search_terms;
use crate::ui::link::link;
use crate::ui::present::{chip, event_view, Chip};
use crate::ui::state::{AppCtx, Load};

/// Events a cell shows (bars and chips) before "+N more".
const CHIPS_PER_DAY: usize = 3;
/// Lanes of multi-day bars a week row shows; the rest count in "+N more".
const MAX_LANES: usize = 2;

struct Cell {
    date: NaiveDate,
    day_number: u32,
    /// "Thu": a folded grid shows it in the cell (its header is hidden).
    weekday: String,
    in_month: bool,
    today: bool,
    /// "Friday 4 December 2026, 2 events".
    label: String,
    /// Multi-day events drawn from this cell across the row (see
    /// `week_bars`), and the row's lanes, which every cell leaves room for.
    bars: Vec<(Chip, Bar)>,
    lanes: usize,
    /// One-day events.
    chips: Vec<Chip>,
    /// "+2 more".
    more: Option<String>,
}

struct Month {
    /// "There are no events this month."
    empty: Option<String>,
    weekdays: Vec<(String, String)>,
    weeks: Vec<Vec<Cell>>,
}

/// The month of `shown` (any day of it); which day is selected is not part
/// of it (cells follow the selection in place).
fn month(ctx: &AppCtx, shown: NaiveDate) -> Option<Month> {
    let Load::Ready(loaded) = ctx.load.get() else { return None };
    let (today, first) = (ctx.today(), ctx.week_start());
    let zone = ctx.zone.get();
    let fmt = ctx.formatter();
    let weeks = month_weeks(shown, first);
    let (from, to) = (weeks[0][0], weeks[weeks.len() - 1][6]);
    let matches = ctx.matches.get();
    let spans = spans_between(&loaded.feed.events, loaded.longest, from, to, &IntlZones, &zone, &|i| matches.keeps(i));
    let in_month = |s: &citycal_core::layout::Span| {
        let first_of_month = month_of(shown);
        let last_of_month = step(View::Month, first_of_month, true).pred_opt().unwrap_or(first_of_month);
        s.first <= last_of_month && s.last >= first_of_month
    };
    let empty = (!spans.iter().any(in_month)).then(|| ctx.t("no-events-month"));
    let weekdays: Vec<(String, String)> = weeks[0].iter().map(|d| (fmt.weekday(*d), fmt.date_long(*d))).collect();
    let weeks = weeks
        .iter()
        .map(|week| {
            let bars = week_bars(&spans, week);
            let lanes = bars.iter().map(|b| b.lane + 1).max().unwrap_or(0).min(MAX_LANES);
            let room = CHIPS_PER_DAY.saturating_sub(lanes).max(1);
            week.iter()
                .enumerate()
                .map(|(column, &date)| {
                    let on_day = day_spans(&spans, date);
                    let count = ctx.t_args("event-count", &[("count", on_day.len().into())]);
                    let shown_bars = bars
                        .iter()
                        .filter(|b| b.lane < lanes && b.column <= column && column < b.column + b.days)
                        .count();
                    let chips: Vec<Chip> = on_day
                        .iter()
                        .filter(|s| s.first == s.last)
                        .take(room)
                        .map(|s| chip(ctx, &fmt, s, date))
                        .collect();
                    let more = on_day.len().saturating_sub(shown_bars + chips.len());
                    let label = format!("{}, {count}", fmt.date_long(date));
                    Cell {
                        date,
                        day_number: date.day(),
                        weekday: weekdays[column].0.clone(),
                        in_month: date.month() == shown.month(),
                        today: date == today,
                        bars: bars
                            .iter()
                            .filter(|b| b.column == column && b.lane < lanes)
                            .map(|b| (chip(ctx, &fmt, &spans[b.span], date), *b))
                            .collect(),
                        lanes,
                        chips,
                        more: (more > 0).then(|| ctx.t_args("more-events", &[("count", more.into())])),
                        label,
                    }
                })
                .collect()
        })
        .collect();
    Some(Month { empty, weekdays, weeks })
}

/// The day a key moves to from `date`; `None` for keys the grid ignores.
fn key_target(key: &str, shift: bool, date: NaiveDate, first: chrono::Weekday) -> Option<NaiveDate> {
    Some(match key {
        "ArrowLeft" => date - Duration::days(1),
        "ArrowRight" => date + Duration::days(1),
        "ArrowUp" => date - Duration::days(7),
        "ArrowDown" => date + Duration::days(7),
        "Home" => week_start(date, first),
        "End" => week_start(date, first) + Duration::days(6),
        // Shift+PageUp/PageDown move by year, as in the APG date picker.
        "PageUp" if shift => date.checked_sub_months(chrono::Months::new(12))?,
        "PageDown" if shift => date.checked_add_months(chrono::Months::new(12))?,
        "PageUp" => step(View::Month, date, false),
        "PageDown" => step(View::Month, date, true),
        _ => return None,
    })
}

/// The first day of `date`'s month.
fn month_of(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// On a phone, whether the grid is folded to the chosen day's week
/// (`AppCtx::month_folded`, which the toolbar's month title also toggles).
#[derive(Clone, Copy)]
struct Fold {
    folded: RwSignal<bool>,
    /// The month a move from inside the fold goes to (it stays folded); a
    /// move to any other month (the toolbar's arrows) unfolds the grid.
    kept: StoredValue<Option<NaiveDate>>,
}

impl Fold {
    fn new(ctx: AppCtx) -> Fold {
        let named = ctx.link.with_untracked(|l| l.date.is_some());
        ctx.month_folded.set(ctx.narrow.get_untracked() && named);
        let fold = Fold { folded: ctx.month_folded, kept: StoredValue::new(None) };
        // Back to a link without a day (before the tap that folded it): the whole month.
        Effect::new(move |_| {
            if ctx.link.with(|l| l.date.is_none()) {
                fold.folded.set(false);
            }
        });
        fold
    }

    /// Another month is shown, after `before`: unless the move came from
    /// inside the fold, the new month shows whole.
    fn month_shown(self, before: Option<NaiveDate>, month: NaiveDate) {
        if before.is_some_and(|b| b != month) && self.kept.get_value() != Some(month) {
            self.folded.set(false);
        }
        self.kept.set_value(None);
    }

    /// A move to `date` from inside the fold keeps it.
    fn keep(self, date: NaiveDate) {
        self.kept.set_value(Some(month_of(date)));
    }

    /// A day tapped on a phone: the grid folds to its week.
    fn choose(self, date: NaiveDate) {
        self.keep(date);
        self.folded.set(true);
    }
}

in_chunk!(
    month_view,
    load_month_view,
    pub fn month_view(ctx: AppCtx) -> Node {
        let selected = Memo::new(move |_| ctx.date());
        // The grid is built again only for another month (or other events).
        let shown = Memo::new(move |_| month_of(selected.get()));
        let fold = Fold::new(ctx);
        // The month whose cells are in the page now.
        let built = StoredValue::new(None::<NaiveDate>);
        let root = move || ctx.root.get_untracked().map(web_sys::Element::from);
        // Focus on the selected day: at once when its cell is in the page
        // (the cells update in place), else on the frame until the new
        // month's grid is there, then on its selected cell.
        let focus_day = move |date: NaiveDate| {
            let Some(root) = root() else { return };
            // A folded grid shows the new day's week once the cells follow.
            if built.get_value() == Some(month_of(date))
                && !fold.folded.get_untracked()
                && dom::focus_in(&root, &format!(".month-grid td[data-date='{date}']"))
            {
                return;
            }
            dom::focus_in(&root, ".month-frame");
            dom::focus_after_render(Some(root), ".month-grid td[tabindex='0']");
        };
        let open_day = move |date: NaiveDate| {
            ctx.go(
                ctx.with_link(|l| {
                    l.view = Some(View::Day);
                    l.date = Some(date);
                }),
                true,
            );
        };
        let on_key = move |event: web_sys::Event| {
            let Some((key, shift)) = dom::key_of(&event) else { return };
            let date = ctx.date();
            if matches!(key.as_str(), "Enter" | " ") {
                event.prevent_default();
                // The grid is replaced by the day; focus goes to the period's
                // title, which stays (the next Tab goes on from there).
                if let Some(root) = root() {
                    dom::focus_in(&root, "#period-title");
                }
                open_day(date);
                return;
            }
            let Some(target) = key_target(&key, shift, date, ctx.week_start()) else { return };
            event.prevent_default();
            fold.keep(target);
            let new_month = month_of(target) != month_of(date);
            ctx.go(ctx.with_link(|l| l.date = Some(target)), new_month);
            focus_day(target);
        };
        // A click selects a day; a click on the selected day opens it. On a
        // phone the chosen day's events are listed under the grid already.
        let select = move |date: NaiveDate| {
            // On a phone, a tap on the whole month folds it to the day's week:
            // a step of its own in the history, so Back shows the month again.
            if ctx.narrow.get_untracked() && !fold.folded.get_untracked() {
                fold.choose(date);
                ctx.go(ctx.with_link(|l| l.date = Some(date)), true);
                return;
            }
            if ctx.narrow.get_untracked() {
                fold.choose(date);
            }
            if date == ctx.date() {
                if !ctx.narrow.get_untracked() {
                    open_day(date);
                }
            } else {
                let new_month = month_of(date) != month_of(ctx.date());
                ctx.go(ctx.with_link(|l| l.date = Some(date)), false);
                if new_month {
                    focus_day(date);
                }
            }
        };
        let words = Memo::new(move |_| search_terms(&ctx));
        let grid = dynamic(move || {
            // What the grid shows, read tracked: the month, the feed, the
            // filters' result, the zone, the day, the language and its words.
            // Building it reads the link as well (the cells' links), untracked,
            // so a move within the month updates the cells in place rather
            // than replacing them under the keyboard's focus.
            let shown = shown.get();
            let words = words.get();
            ctx.load.track();
            ctx.matches.track();
            ctx.zone.track();
            ctx.lang.track();
            ctx.words.track();
            let _ = ctx.today();
            untrack(move || {
                fold.month_shown(built.get_value(), shown);
                grid_of(ctx, shown, built, selected, fold, select, &words)
            })
        });
        // A finger swiping sideways over the grid: the next or previous month.
        let touched = StoredValue::new(None::<(f64, f64)>);
        let on_down = move |event: web_sys::Event| touched.set_value(dom::touch_at(&event));
        let on_up = move |event: web_sys::Event| {
            let (Some((x0, y0)), Some((x, y))) = (touched.get_value(), dom::touch_at(&event)) else { return };
            touched.set_value(None);
            if let Some(forward) = swipe(x - x0, y - y0) {
                // A folded grid shows a week: the swipe moves by one.
                let by = if fold.folded.get_untracked() { View::Week } else { View::Month };
                let date = step(by, ctx.date(), forward);
                fold.keep(date);
                ctx.go(ctx.with_link(|l| l.date = Some(date)), true);
            }
        };
        // The frame stays while months come and go: keys reach it from the
        // cells, and while it holds focus between two months.
        Node::Many(vec![
            el("div")
                .class("month-frame")
                .attr("tabindex", "-1")
                .on("keydown", on_key)
                .on("pointerdown", on_down)
                .on("pointerup", on_up)
                .on("pointercancel", move |_| touched.set_value(None))
                .child(grid)
                .into(),
            day_agenda(ctx, selected, fold),
        ])
    }
);

/// On a phone, the chosen day's events under the grid, as the list shows
/// them (the cells are too small for titles). Their cards are a chunk of
/// their own: a wide screen's month, the first screen, never loads them.
fn day_agenda(ctx: AppCtx, selected: Memo<NaiveDate>, fold: Fold) -> Node {
    dynamic(move || {
        if !ctx.narrow.get() {
            return Node::Empty;
        }
        let date = selected.get();
        untrack(|| lazy(ctx, chunk!(load_month_agenda), move || now(month_agenda(ctx, date, fold))))
    })
}

in_chunk!(
    month_agenda,
    load_month_agenda,
    fn month_agenda(ctx: AppCtx, date: NaiveDate, fold: Fold) -> Node {
        dynamic(move || {
            let Load::Ready(loaded) = ctx.load.get() else { return Node::Empty };
            let zone = ctx.zone.get();
            let matches = ctx.matches.get();
            let spans = spans_between(&loaded.feed.events, loaded.longest, date, date, &IntlZones, &zone, &|i| {
                matches.keeps(i)
            });
            let (now, words) = (ctx.now(), search_terms(&ctx));
            let cards: Vec<Node> = day_spans(&spans, date)
                .into_iter()
                .map(|s| event_card(ctx, event_view(&ctx, &loaded.feed, s.event, now), &words))
                .collect();
            // A day without events points to the next day that has some
            // (within three months), a tap away.
            let next = cards.is_empty().then(|| next_day_with_events(&ctx, &loaded, date)).flatten();
            let empty = cards.is_empty().then(|| {
                el("p").class("empty").child(ctx.t("no-events-day")).child(next.map(|day| {
                    let label = ctx.t_args("next-events-day", &[("date", ctx.formatter().date_long(day).into())]);
                    Node::Many(vec![
                        " ".into(),
                        el("button")
                            .attr("type", "button")
                            .class("link-button")
                            .on("click", move |_| {
                                fold.keep(day);
                                let new_month = month_of(day) != month_of(date);
                                ctx.go(ctx.with_link(|l| l.date = Some(day)), new_month);
                            })
                            .child(label)
                            .into(),
                    ])
                }))
            });
            el("section")
                .class("month-agenda")
                .attr("aria-labelledby", "month-agenda-day")
                .child(
                    el("h3")
                        .class("list-day-heading")
                        .attr("id", "month-agenda-day")
                        .child(el("time").attr("datetime", date.to_string()).child(ctx.formatter().date_long(date))),
                )
                .child(empty)
                .children(cards)
                .into()
        })
    }
);

/// The first day after `date`, within three months, with an event the filters
/// keep.
fn next_day_with_events(ctx: &AppCtx, loaded: &crate::ui::state::Loaded, date: NaiveDate) -> Option<NaiveDate> {
    let (from, to) = (date + Duration::days(1), date + Duration::days(92));
    let (zone, matches) = (ctx.zone.get_untracked(), ctx.matches.get_untracked());
    let spans = spans_between(&loaded.feed.events, loaded.longest, from, to, &IntlZones, &zone, &|i| matches.keeps(i));
    spans.iter().map(|s| s.first.max(from)).min()
}

/// The grid of `shown`'s month (nothing before the feed is there).
fn grid_of(
    ctx: AppCtx,
    shown: NaiveDate,
    built: StoredValue<Option<NaiveDate>>,
    selected: Memo<NaiveDate>,
    fold: Fold,
    select: impl Fn(NaiveDate) + Copy + Send + 'static,
    words: &[String],
) -> Node {
    let Some(m) = month(&ctx, shown) else { return Node::Empty };
    built.set_value(Some(shown));
    let head = el("tr").children(
        m.weekdays
            .into_iter()
            .map(|(short, _)| el("th").attr("scope", "col").attr("role", "columnheader").child(short).into())
            .collect(),
    );
    let body = m
        .weeks
        .into_iter()
        .map(|week| {
            // The chosen day's row is the one a folded grid shows.
            let (first, last) = (week[0].date, week[6].date);
            el("tr")
                .attr_dyn("class", move || (first..=last).contains(&selected.get()).then(|| "chosen-week".to_owned()))
                .children(week.into_iter().map(|cell| month_cell(ctx, cell, selected, select, words)).collect())
                .into()
        })
        .collect();
    Node::Many(vec![
        m.empty.map(|e| el("p").class("empty").attr("role", "status").child(e)).into(),
        el("table")
            .attr_dyn("class", move || {
                Some(if fold.folded.get() && ctx.narrow.get() { "month-grid folded" } else { "month-grid" }.to_owned())
            })
            .attr("role", "grid")
            .attr("aria-labelledby", "period-title")
            .child(el("thead").child(head))
            .child(el("tbody").children(body))
            .into(),
    ])
}

fn month_cell(
    ctx: AppCtx,
    cell: Cell,
    selected: Memo<NaiveDate>,
    select: impl Fn(NaiveDate) + Copy + Send + 'static,
    words: &[String],
) -> Node {
    let date = cell.date;
    let class =
        format!("day{}{}", if cell.in_month { "" } else { " outside" }, if cell.today { " today" } else { "" },);
    let is_selected = move || selected.get() == date;
    let day_link = ctx.with_link(|l| {
        l.view = Some(View::Day);
        l.date = Some(date);
    });
    let chips = cell.chips.into_iter().map(|c| el("li").child(event_chip(ctx, c, "-1", words)).into()).collect();
    let bars = cell.bars.into_iter().map(|(c, b)| event_bar(ctx, c, &b, "-1", words)).collect();
    el("td")
        .attr("role", "gridcell")
        .attr_dyn("class", move || Some(if is_selected() { format!("{class} selected") } else { class.clone() }))
        .attr("data-date", date.to_string())
        .attr_dyn("tabindex", move || Some(if is_selected() { "0" } else { "-1" }.to_owned()))
        .attr_dyn("aria-selected", move || Some(if is_selected() { "true" } else { "false" }.to_owned()))
        .attr_opt("aria-current", cell.today.then_some("date"))
        .on("click", move |_| select(date))
        // The cell is named from its content: this label, read; what shows is
        // hidden from the accessibility tree (an aria-label would not hold the
        // visible text, WCAG 2.5.3).
        .child(el("span").class("visually-hidden").child(cell.label))
        .child(el("span").class("cell-weekday").attr("aria-hidden", "true").child(cell.weekday))
        .child(el("span").class("day-number").attr("aria-hidden", "true").child(cell.day_number.to_string()))
        .child((cell.lanes > 0).then(|| {
            el("ul").class("bars").attr("aria-hidden", "true").style("--lanes", cell.lanes.to_string()).children(bars)
        }))
        .child(el("ul").class("chips").attr("aria-hidden", "true").children(chips))
        // "+N more" opens the day. The selected cell's is the Tab stop after
        // the cell (the others wait their turn, as their cells do); read
        // after the cell's name, which says its day and count.
        .child(cell.more.map(|more| {
            link(ctx, day_link)
                .class("more")
                .attr_dyn("tabindex", move || Some(if is_selected() { "0" } else { "-1" }.to_owned()))
                .child(more)
        }))
        .into()
}
