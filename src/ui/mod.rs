//! Leptos components, one concern per file. Components read state from
//! [`state::AppCtx`] and render what [`present`] computed; no business logic
//! lives in `view!` blocks.

pub mod app;
pub mod catalog;
pub mod check;
pub mod chip;
pub mod chunk;
pub mod embed_builder;
pub mod event_card;
pub mod event_page;
pub mod filter_bar;
pub mod filtering;
pub mod header;
pub mod highlight;
pub mod language_picker;
pub mod link;
pub mod list;
pub mod month;
pub mod nav;
pub mod network;
pub mod present;
pub mod registration_flow;
pub mod registration_form;
pub mod state;
pub mod status;
pub mod subscribe;
pub mod week;
pub mod zone_picker;
