//! An event in a calendar cell: start time and title, linking to its page.

use citycal_core::layout::Bar;

use crate::platform::tree::{el, Node};
use crate::ui::highlight::highlighted;
use crate::ui::link::link;
use crate::ui::present::Chip;
use crate::ui::state::AppCtx;

/// `tabindex` is `-1` inside the month grid, which manages focus itself.
pub fn event_chip(ctx: AppCtx, chip: Chip, tabindex: &'static str, words: &[String]) -> Node {
    let to = ctx.with_link(|l| l.event = Some(chip.id.clone()));
    let time = chip.time.map(|t| el("span").class("chip-time").child(format!("{t} ")));
    let title =
        el("span").class("chip-title").attr_opt("lang", chip.title.lang).child(highlighted(words, &chip.title.text));
    link(ctx, to)
        .class("chip-link")
        .attr("tabindex", tabindex)
        .attr("aria-label", chip.label.clone())
        .child(el("span").class(chip.class).attr("title", chip.label).child(time).child(title))
        .into()
}

/// An event over several days: one bar from its first day of a row across
/// its days there (`layout::week_bars`; the month, a week's all-day row).
pub fn event_bar(ctx: AppCtx, chip: Chip, bar: &Bar, tabindex: &'static str, words: &[String]) -> Node {
    let class = format!("bar{}{}", if bar.before { " before" } else { "" }, if bar.after { " after" } else { "" });
    el("li")
        .class(class)
        .style("--lane", bar.lane.to_string())
        .style("--days", bar.days.to_string())
        .child(event_chip(ctx, chip, tabindex, words))
        .into()
}
