//! Leptos components, one concern per file. Components read state from
//! [`state::AppCtx`] and render what [`present`] computed; no business logic
//! lives in `view!` blocks.

pub mod app;
pub mod event_card;
pub mod event_list;
pub mod header;
pub mod present;
pub mod state;
pub mod status;
