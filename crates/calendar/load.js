// Citycal's iCalendar reader (crates/calendar), for a network's .ics
// sources: src/platform/calendar.rs adds this module to the page, and finds
// here the promise of `ics_to_feed`, the reader started once for the page.
import init, { ics_to_feed } from './calendar.js';
globalThis.citycalCalendar ??= init().then(() => ics_to_feed);
