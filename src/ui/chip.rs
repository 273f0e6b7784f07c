//! An event in a calendar cell: start time and title, linking to its page.

use leptos::prelude::*;

use crate::ui::highlight::Highlight;
use crate::ui::link::StateLink;
use crate::ui::present::Chip;
use crate::ui::state::use_app_ctx;

#[component]
pub fn EventChip(
    chip: Chip,
    /// `-1` inside the month grid, which manages focus itself.
    #[prop(optional)]
    tabindex: Option<i32>,
) -> impl IntoView {
    let ctx = use_app_ctx();
    let to = ctx.with_link(|l| l.event = Some(chip.id.clone()));
    view! {
        <StateLink to=to class="chip-link" tabindex=tabindex.unwrap_or(0) label=chip.label.clone()>
            <span class=chip.class title=chip.label>
                {chip.time.map(|t| view! { <span class="chip-time">{t}" "</span> })}
                <span class="chip-title" lang=chip.title.lang><Highlight text=chip.title.text/></span>
            </span>
        </StateLink>
    }
}
