//! Citycal's core: everything that can be decided without a browser.
//!
//! Invariant: nothing here imports `leptos`, `web_sys`, `js_sys` or `gloo`, does
//! I/O or reads a clock. Time zones come in through [`time::ZoneRules`], "now"
//! as an argument. See ARCHITECTURE.md.

pub mod agenda;
pub mod check;
pub mod colour;
pub mod config;
pub mod detail;
pub mod feed;
pub mod filter;
pub mod ftl;
pub mod ftl_strip;
#[cfg(feature = "fuzz")]
pub mod fuzz;
pub mod i18n;
pub mod ical;
pub mod ics;
pub mod json;
pub mod jsonld;
pub mod layout;
pub mod merge;
pub mod order;
pub mod query;
pub mod registration;
pub mod subscription;
pub mod time;
#[cfg(not(target_arch = "wasm32"))]
pub mod tzdb;
pub mod validate;
pub mod write;
pub mod zone_search;
