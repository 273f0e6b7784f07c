//! Citycal in the browser: the platform adapters and the Leptos UI over
//! `citycal_core`. See ARCHITECTURE.md.

pub mod platform;
pub mod ui;

pub use ui::app::App;
