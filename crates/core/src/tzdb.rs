//! [`ZoneRules`] over the compiled IANA database (chrono-tz). Native builds only:
//! it is the reference the browser's `Intl` engine is tested against, and what
//! native tools (tests, the registration server) use.

use chrono::{DateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;

use crate::time::ZoneRules;

pub struct Tzdb;

impl ZoneRules for Tzdb {
    fn offset_at(&self, zone: &str, instant: DateTime<Utc>) -> Option<i32> {
        let tz: Tz = zone.parse().ok()?;
        Some(tz.offset_from_utc_datetime(&instant.naive_utc()).fix().local_minus_utc())
    }
}

/// Every zone name the database knows, canonical and links.
pub fn zone_names() -> impl Iterator<Item = &'static str> {
    chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name())
}
