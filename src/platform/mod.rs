//! Browser adapters: the only code that touches web-sys, js-sys or gloo.
//! Thin by design; decisions belong to `citycal_core`.

pub mod calendar;
pub mod dom;
pub mod http;
pub mod intl;
pub mod page;
pub mod storage;
pub mod tree;
pub mod zones;

use chrono::{DateTime, Utc};

/// The browser's clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}
