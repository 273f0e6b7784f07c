//! Calendar layout: which days a view shows, which events fall on which day
//! in the viewer's zone, and where timed events sit on a day's time axis
//! (overlapping events side by side).
//!
//! Only the visible period is ever laid out: [`spans_between`] finds its
//! events by binary search on the feed's start order, so the work per screen
//! does not grow with the size of the feed.

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};

use crate::feed::{Event, When};
use crate::query::View;
use crate::time::{to_local, ZoneRules};

/// Minutes in a day on the time axis (wall clock, so DST days still show 24 h).
pub const DAY_MINUTES: u32 = 24 * 60;

/// The first day of the week for a BCP 47 locale (CLDR `firstDay`): Sunday
/// for the regions that use it, and for bare `en` (which browsers read as
/// en-US); Monday otherwise, so for `es` and `ro`.
pub fn first_weekday(locale: &str) -> Weekday {
    // CLDR 46 weekData: regions whose week starts on Sunday (the common ones).
    const SUNDAY: [&str; 30] = [
        "US", "CA", "MX", "BR", "JP", "KR", "CN", "TW", "HK", "IN", "IL", "PH", "ZA", "AU", "SA", "PE", "CO", "VE",
        "GT", "HN", "NI", "PA", "PR", "DO", "SV", "PY", "BO", "KE", "ET", "ZW",
    ];
    let mut subtags = locale.split(['-', '_']);
    let language = subtags.next().unwrap_or("").to_ascii_lowercase();
    let region = subtags.find(|s| s.len() == 2 && s.chars().all(|c| c.is_ascii_alphabetic()));
    match region {
        Some(r) if SUNDAY.contains(&r.to_ascii_uppercase().as_str()) => Weekday::Sun,
        Some(_) => Weekday::Mon,
        None if language == "en" => Weekday::Sun,
        None => Weekday::Mon,
    }
}

/// The first day of the week containing `date`.
pub fn week_start(date: NaiveDate, first: Weekday) -> NaiveDate {
    let back = (date.weekday().num_days_from_monday() + 7 - first.num_days_from_monday()) % 7;
    date - Duration::days(back.into())
}

/// The weeks a month view shows for the month of `date`: whole weeks from
/// the one holding the 1st to the one holding the last day (4 to 6 rows).
pub fn month_weeks(date: NaiveDate, first: Weekday) -> Vec<[NaiveDate; 7]> {
    let first_of_month = date.with_day(1).unwrap_or(date);
    let next_month = first_of_month + Months::new(1);
    let mut weeks = Vec::with_capacity(6);
    let mut day = week_start(first_of_month, first);
    while day < next_month {
        weeks.push(std::array::from_fn(|i| day + Duration::days(i as i64)));
        day += Duration::days(7);
    }
    weeks
}

/// The dates a view shows around `date`, inclusive. The list view covers the
/// month from `date` (it is paged, so this is only its first screen).
pub fn period(view: View, date: NaiveDate, first: Weekday) -> (NaiveDate, NaiveDate) {
    match view {
        View::Month => {
            let weeks = month_weeks(date, first);
            (weeks[0][0], weeks[weeks.len() - 1][6])
        }
        View::Week => {
            let start = week_start(date, first);
            (start, start + Duration::days(6))
        }
        View::Day => (date, date),
        View::List => (date, date + Months::new(1)),
    }
}

/// The date "next" or "previous" moves to. Months keep the day where they
/// can (31 January → 28 February); weeks move 7 days, days 1.
pub fn step(view: View, date: NaiveDate, forward: bool) -> NaiveDate {
    let moved = match (view, forward) {
        (View::Month | View::List, true) => date.checked_add_months(Months::new(1)),
        (View::Month | View::List, false) => date.checked_sub_months(Months::new(1)),
        (View::Week, true) => date.checked_add_signed(Duration::days(7)),
        (View::Week, false) => date.checked_sub_signed(Duration::days(7)),
        (View::Day, true) => date.succ_opt(),
        (View::Day, false) => date.pred_opt(),
    };
    moved.unwrap_or(date)
}

/// Whether a touch that moved `dx`, `dy` pixels is a swipe to another
/// period, and which way: `Some(true)` for the next (a swipe to the left),
/// `Some(false)` for the previous. Mostly sideways and at least 48 px; a
/// scroll or a tap is neither.
pub fn swipe(dx: f64, dy: f64) -> Option<bool> {
    (dx.abs() >= 48.0 && dx.abs() >= 2.0 * dy.abs()).then_some(dx < 0.0)
}

/// One event as a viewer in some zone sees it: the local days it touches and,
/// for timed events, its local wall-clock start and end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span<'a> {
    pub event: &'a Event,
    pub first: NaiveDate,
    /// Inclusive. An event ending at midnight does not touch the next day.
    pub last: NaiveDate,
    /// `None` for all-day events.
    pub times: Option<(NaiveDateTime, NaiveDateTime)>,
}

impl Span<'_> {
    /// Shown in the all-day row of a time grid: all-day events, and timed
    /// events of a day or more (they would fill whole columns).
    pub fn is_all_day_row(&self) -> bool {
        match self.times {
            None => true,
            Some((start, end)) => end - start >= Duration::days(1),
        }
    }

    pub fn touches(&self, day: NaiveDate) -> bool {
        self.first <= day && day <= self.last
    }
}

/// How an event is seen in `zone`.
pub fn span<'a>(event: &'a Event, rules: &dyn ZoneRules, zone: &str) -> Span<'a> {
    match event.when {
        When::AllDay { first, last } => Span { event, first, last, times: None },
        When::Timed { start, end } => {
            let local = |t: DateTime<Utc>| to_local(rules, zone, t).map(|t| t.naive_local()).unwrap_or(t.naive_utc());
            let (start, end) = (local(start), local(end));
            // The last instant inside the event decides its last day.
            let last = if end > start { (end - Duration::nanoseconds(1)).date() } else { start.date() };
            Span { event, first: start.date(), last: last.max(start.date()), times: Some((start, end)) }
        }
    }
}

/// The longest event in the feed: how far before a period an event may
/// start and still reach into it. Compute once per feed.
pub fn longest(events: &[Event]) -> Duration {
    events
        .iter()
        .map(|e| match e.when {
            When::Timed { start, end } => end - start,
            When::AllDay { first, last } => last - first + Duration::days(1),
        })
        .max()
        .unwrap_or_else(Duration::zero)
}

/// The events touching any day from `from` to `to` (inclusive) in `zone`, in
/// feed order, among those whose index `keep` accepts (the filters').
/// `events` must be sorted by start (as `feed::parse` leaves them) and
/// `longest` must be [`longest`] of them.
pub fn spans_between<'a>(
    events: &'a [Event],
    longest: Duration,
    from: NaiveDate,
    to: NaiveDate,
    rules: &dyn ZoneRules,
    zone: &str,
    keep: &dyn Fn(usize) -> bool,
) -> Vec<Span<'a>> {
    // Zones are within ±14 h of UTC (and all-day events sort at UTC
    // midnight), so a day of slack either side covers every candidate.
    let lo = from.and_time(NaiveTime::MIN).and_utc() - Duration::days(1) - longest;
    let hi = to.and_time(NaiveTime::MIN).and_utc() + Duration::days(2);
    let begin = events.partition_point(|e| e.start() < lo);
    let end = events.partition_point(|e| e.start() < hi);
    events[begin..end.max(begin)]
        .iter()
        .enumerate()
        .filter(|(i, _)| keep(begin + i))
        .map(|(_, e)| span(e, rules, zone))
        .filter(|s| s.first <= to && s.last >= from)
        .collect()
}

/// The spans touching `day`, in reading order: all-day-row spans first
/// (earlier first, longer first), then timed ones by start.
pub fn day_spans<'s, 'a>(spans: &'s [Span<'a>], day: NaiveDate) -> Vec<&'s Span<'a>> {
    let mut on_day: Vec<&Span> = spans.iter().filter(|s| s.touches(day)).collect();
    crate::order::sort_by_key(&mut on_day, |s| {
        (!s.is_all_day_row(), s.times.map(|t| t.0), s.first, std::cmp::Reverse(s.last))
    });
    on_day
}

/// An event over several days, drawn in a month's week row as one bar
/// across the days it covers there (not a copy in every cell).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Bar {
    /// Index into the spans given to [`week_bars`].
    pub span: usize,
    /// The first column (0–6) it covers in this row, and how many.
    pub column: usize,
    pub days: usize,
    /// Its row within the week, from the top: bars never share one where
    /// they overlap.
    pub lane: usize,
    /// Whether it goes on before this row's first day or after its last
    /// (its ends are then drawn open).
    pub before: bool,
    pub after: bool,
}

/// The bars of one week row (`week`, seven days): the spans touching more
/// than one day, earliest and longest first, each in the lowest lane free
/// over all its days.
pub fn week_bars(spans: &[Span], week: &[NaiveDate; 7]) -> Vec<Bar> {
    let (first, last) = (week[0], week[6]);
    let mut multi: Vec<usize> = (0..spans.len())
        .filter(|&i| spans[i].first < spans[i].last && spans[i].first <= last && spans[i].last >= first)
        .collect();
    crate::order::sort_by_key(&mut multi, |&i| (spans[i].first, std::cmp::Reverse(spans[i].last), i));
    // For each lane, the last column it is taken up to (exclusive).
    let mut lane_ends: Vec<usize> = Vec::new();
    multi
        .into_iter()
        .map(|i| {
            let s = &spans[i];
            let column = (s.first.max(first) - first).num_days() as usize;
            let end = (s.last.min(last) - first).num_days() as usize + 1;
            let lane = lane_ends.iter().position(|&e| e <= column).unwrap_or(lane_ends.len());
            if lane == lane_ends.len() {
                lane_ends.push(end);
            } else {
                lane_ends[lane] = end;
            }
            Bar { span: i, column, days: end - column, lane, before: s.first < first, after: s.last > last }
        })
        .collect()
}

/// A timed event's place in one day's column of a time grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed {
    /// Index into the spans given to [`time_grid`].
    pub span: usize,
    /// Minutes after the day's midnight, `top < bottom <= DAY_MINUTES`.
    pub top: u32,
    pub bottom: u32,
    /// Side-by-side position among the events it overlaps, `column < columns`.
    pub column: u32,
    pub columns: u32,
}

/// Shortest height a block gets: one line of its title at the grid's scale
/// (48 px an hour, so 24 px). A shorter event is drawn this tall and laid
/// out so (six back-to-back 15-minute talks take two columns, each title
/// readable), rather than squeezed to a sliver.
pub const MIN_MINUTES: u32 = 30;

/// Where a time grid opens when its period has no timed event: 08:00.
pub const MORNING_MINUTE: u32 = 8 * 60;

/// The minute a time grid opens at: a quarter of an hour before the first
/// block of the period (any of its days), so a week whose events are all at
/// night opens on them; the morning when there is none.
pub fn opening_minute<'p>(placed: impl IntoIterator<Item = &'p Placed>) -> u32 {
    placed.into_iter().map(|p| p.top).min().map_or(MORNING_MINUTE, |top| top.saturating_sub(15))
}

/// Blocks whose title is out of the shown minutes `[from, to)` of a time
/// grid: how many start above (and the latest of those starts, to bring it
/// into view), how many below (and the earliest). A block counts as seen when
/// its first line (its title) is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OutOfView {
    pub earlier: usize,
    pub earlier_last: Option<u32>,
    pub later: usize,
    pub later_first: Option<u32>,
}

pub fn out_of_view<'p>(placed: impl IntoIterator<Item = &'p Placed>, from: u32, to: u32) -> OutOfView {
    let mut seen = OutOfView::default();
    for p in placed {
        if p.top < from {
            seen.earlier += 1;
            seen.earlier_last = seen.earlier_last.max(Some(p.top));
        } else if p.top + MIN_MINUTES > to {
            seen.later += 1;
            seen.later_first = Some(seen.later_first.map_or(p.top, |t| t.min(p.top)));
        }
    }
    seen
}

/// Whether a day's blocks overlap more than `columns` deep: then its column
/// cannot show every title, and the day is shown as an agenda instead.
pub fn crowded(placed: &[Placed], columns: u32) -> bool {
    placed.iter().any(|p| p.columns > columns)
}

/// Lays out the timed spans of `day` (those not in the all-day row) on a time
/// axis. Overlapping events share the width: each group of transitively
/// overlapping events gets as many columns as it needs at its busiest, and
/// each event the first column free when it starts.
pub fn time_grid(spans: &[Span], day: NaiveDate) -> Vec<Placed> {
    let midnight = day.and_time(NaiveTime::MIN);
    let mut placed: Vec<Placed> = spans
        .iter()
        .enumerate()
        .filter(|(_, s)| s.touches(day) && !s.is_all_day_row())
        .filter_map(|(i, s)| {
            let (start, end) = s.times?;
            let minutes = |t: NaiveDateTime| (t - midnight).num_minutes().clamp(0, DAY_MINUTES.into()) as u32;
            let top = minutes(start).min(DAY_MINUTES - MIN_MINUTES);
            let bottom = minutes(end).max(top + MIN_MINUTES);
            Some(Placed { span: i, top, bottom, column: 0, columns: 1 })
        })
        .collect();
    crate::order::sort_by_key(&mut placed, |p| (p.top, std::cmp::Reverse(p.bottom), p.span));

    let mut group_start = 0;
    let mut group_bottom = 0;
    let mut column_ends: Vec<u32> = Vec::new();
    for i in 0..placed.len() {
        if placed[i].top >= group_bottom && i > group_start {
            close_group(&mut placed[group_start..i], column_ends.len() as u32);
            group_start = i;
            column_ends.clear();
        }
        let free = column_ends.iter().position(|&end| end <= placed[i].top);
        let column = free.unwrap_or(column_ends.len());
        if column == column_ends.len() {
            column_ends.push(placed[i].bottom);
        } else {
            column_ends[column] = placed[i].bottom;
        }
        placed[i].column = column as u32;
        group_bottom = if i == group_start { placed[i].bottom } else { group_bottom.max(placed[i].bottom) };
    }
    let n_columns = column_ends.len() as u32;
    close_group(&mut placed[group_start..], n_columns);
    placed
}

fn close_group(group: &mut [Placed], columns: u32) {
    for p in group {
        p.columns = columns.max(1);
    }
}

/// Where "now" is on a day's time axis, if `now` falls on `day` in `zone`.
pub fn now_minute(now: DateTime<Utc>, day: NaiveDate, rules: &dyn ZoneRules, zone: &str) -> Option<u32> {
    let local = to_local(rules, zone, now)?.naive_local();
    (local.date() == day).then(|| (local - day.and_time(NaiveTime::MIN)).num_minutes() as u32)
}

/// The list view's days: events grouped under the local day they start on
/// (an event already under way is listed under `from_day`), in the order
/// given. Gives at most `limit` events and whether more were left out.
pub fn list_days<'a>(
    events: &[&'a Event],
    limit: usize,
    from_day: Option<NaiveDate>,
    rules: &dyn ZoneRules,
    zone: &str,
) -> (Vec<(NaiveDate, Vec<&'a Event>)>, bool) {
    let mut days: Vec<(NaiveDate, Vec<&'a Event>)> = Vec::new();
    for event in events.iter().take(limit) {
        let first = span(event, rules, zone).first;
        let day = from_day.map_or(first, |f| first.max(f));
        match days.last_mut() {
            Some((d, list)) if *d == day => list.push(event),
            _ => days.push((day, vec![event])),
        }
    }
    (days, events.len() > limit)
}

/// `part / whole` as a CSS percentage with four decimals (`33.3333%`),
/// rounded, in integers: float formatting would add 10 KB to the wasm.
pub fn css_percent(part: u32, whole: u32) -> String {
    let whole = u64::from(whole.max(1));
    let ten_thousandths = (u64::from(part) * 1_000_000 + whole / 2) / whole;
    format!("{}.{:04}%", ten_thousandths / 10_000, ten_thousandths % 10_000)
}

#[cfg(test)]
mod tests {
    #[test]
    fn css_percent_rounds_to_four_decimals_as_float_formatting_does() {
        for (part, whole) in [(0, 1440), (600, 1440), (1000, 1440), (1, 3), (2, 3), (1439, 1440), (1440, 1440), (5, 7)]
        {
            let expected = format!("{:.4}%", f64::from(part) * 100.0 / f64::from(whole));
            assert_eq!(super::css_percent(part, whole), expected, "{part}/{whole}");
        }
    }

    use super::*;
    use crate::time::FixedZone;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn week_starts_follow_cldr() {
        for (locale, first) in [
            ("en", Weekday::Sun),
            ("en-US", Weekday::Sun),
            ("en-GB", Weekday::Mon),
            ("es", Weekday::Mon),
            ("es-ES", Weekday::Mon),
            ("es-MX", Weekday::Sun),
            ("ro", Weekday::Mon),
            ("ro-MD", Weekday::Mon),
            ("pt-BR", Weekday::Sun),
        ] {
            assert_eq!(first_weekday(locale), first, "{locale}");
        }
        assert_eq!(week_start(d("2026-11-23"), Weekday::Mon), d("2026-11-23"));
        assert_eq!(week_start(d("2026-11-23"), Weekday::Sun), d("2026-11-22"));
        assert_eq!(week_start(d("2026-11-29"), Weekday::Mon), d("2026-11-23"));
    }

    #[test]
    fn month_grids_cover_whole_weeks() {
        // February 2027 starts on a Monday and has exactly four weeks.
        let weeks = month_weeks(d("2027-02-14"), Weekday::Mon);
        assert_eq!((weeks.len(), weeks[0][0], weeks[3][6]), (4, d("2027-02-01"), d("2027-02-28")));
        // November 2026 from Sunday: 1 Nov is a Sunday, 30 Nov a Monday.
        let weeks = month_weeks(d("2026-11-23"), Weekday::Sun);
        assert_eq!((weeks.len(), weeks[0][0], weeks[4][6]), (5, d("2026-11-01"), d("2026-12-05")));
        // May 2027 from Monday needs six rows.
        assert_eq!(month_weeks(d("2027-05-01"), Weekday::Mon).len(), 6);
    }

    #[test]
    fn steps_keep_the_day_where_they_can() {
        assert_eq!(step(View::Month, d("2027-01-31"), true), d("2027-02-28"));
        assert_eq!(step(View::Month, d("2027-03-31"), false), d("2027-02-28"));
        assert_eq!(step(View::Week, d("2026-12-30"), true), d("2027-01-06"));
        assert_eq!(step(View::Day, d("2027-03-01"), false), d("2027-02-28"));
    }

    #[test]
    fn multi_day_events_are_one_bar_per_week_row_in_the_lowest_free_lane() {
        let all_day =
            |id: &str, first: &str, last: &str| Event::new(id, id, When::AllDay { first: d(first), last: d(last) });
        let events = [
            // A programme of 18 months: every row, open at both ends.
            all_day("programme", "2026-01-01", "2027-06-30"),
            // A two-day study visit, Wednesday and Thursday.
            all_day("visit", "2026-12-09", "2026-12-10"),
            // Friday to next Tuesday: this row and the next.
            all_day("forum", "2026-12-11", "2026-12-15"),
            // One day, and a timed event across midnight: not bars / a bar.
            all_day("day", "2026-12-08", "2026-12-08"),
            timed("night", "2026-12-12T22:00:00Z", "2026-12-13T02:00:00Z"),
        ];
        let spans: Vec<Span> = events.iter().map(|e| span(e, &FixedZone(0), "UTC")).collect();
        let row = |monday: &str| {
            let week: [NaiveDate; 7] = std::array::from_fn(|i| d(monday) + Duration::days(i as i64));
            week_bars(&spans, &week)
                .into_iter()
                .map(|b| (spans[b.span].event.id.as_str(), b.column, b.days, b.lane, b.before, b.after))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            row("2026-12-07"),
            [
                ("programme", 0, 7, 0, true, true),
                ("visit", 2, 2, 1, false, false),
                // The visit ends on Thursday, so the forum reuses its lane.
                ("forum", 4, 3, 1, false, true),
                ("night", 5, 2, 2, false, false),
            ]
        );
        assert_eq!(row("2026-12-14"), [("programme", 0, 7, 0, true, true), ("forum", 0, 2, 1, true, false)]);
    }

    #[test]
    fn swipes_are_sideways_and_long_enough() {
        for (dx, dy, expected) in [
            (-120.0, 10.0, Some(true)),
            (90.0, -30.0, Some(false)),
            (-48.0, 0.0, Some(true)),
            (-47.0, 0.0, None),   // too short: a tap that slid
            (-100.0, 60.0, None), // as much down as sideways: a scroll
            (0.0, -300.0, None),
            (0.0, 0.0, None),
        ] {
            assert_eq!(swipe(dx, dy), expected, "{dx},{dy}");
        }
    }

    fn timed(id: &str, start: &str, end: &str) -> Event {
        Event::new(id, id, When::Timed { start: start.parse().unwrap(), end: end.parse().unwrap() })
    }

    #[test]
    fn spans_use_the_viewer_zone_and_exclude_a_midnight_end() {
        let e = timed("a", "2026-12-01T22:00:00Z", "2026-12-02T01:00:00Z");
        let utc = span(&e, &FixedZone(0), "UTC");
        assert_eq!((utc.first, utc.last), (d("2026-12-01"), d("2026-12-02")));
        let plus2 = span(&e, &FixedZone(7200), "X");
        assert_eq!((plus2.first, plus2.last), (d("2026-12-02"), d("2026-12-02")));
        let to_midnight = timed("b", "2026-12-01T20:00:00Z", "2026-12-02T00:00:00Z");
        assert_eq!(span(&to_midnight, &FixedZone(0), "UTC").last, d("2026-12-01"));
    }

    #[test]
    fn overlapping_events_sit_side_by_side() {
        let events = [
            timed("a", "2026-12-01T09:00:00Z", "2026-12-01T10:00:00Z"),
            timed("b", "2026-12-01T09:30:00Z", "2026-12-01T11:00:00Z"),
            timed("c", "2026-12-01T10:00:00Z", "2026-12-01T10:30:00Z"),
            timed("d", "2026-12-01T12:00:00Z", "2026-12-01T13:00:00Z"),
        ];
        let spans: Vec<Span> = events.iter().map(|e| span(e, &FixedZone(0), "UTC")).collect();
        let grid = time_grid(&spans, d("2026-12-01"));
        let by_id = |id: &str| *grid.iter().find(|p| spans[p.span].event.id == id).unwrap();
        // a and b overlap; c starts when a ends, so it takes a's column.
        assert_eq!((by_id("a").column, by_id("b").column, by_id("c").column), (0, 1, 0));
        assert_eq!((by_id("a").columns, by_id("b").columns, by_id("c").columns), (2, 2, 2));
        assert_eq!((by_id("d").column, by_id("d").columns, by_id("d").top, by_id("d").bottom), (0, 1, 720, 780));
    }

    /// Six talks of 15 minutes from 09:00, back to back, in UTC.
    fn talks() -> Vec<Event> {
        (0..6)
            .map(|i| {
                let at = |m: i64| (d("2026-12-01").and_hms_opt(9, 0, 0).unwrap() + Duration::minutes(m)).and_utc();
                Event::new(&format!("t{i}"), "t", When::Timed { start: at(15 * i), end: at(15 * i + 15) })
            })
            .collect()
    }

    #[test]
    fn short_events_get_a_readable_height_and_share_the_width() {
        let events = talks();
        let spans: Vec<Span> = events.iter().map(|e| span(e, &FixedZone(0), "UTC")).collect();
        let grid = time_grid(&spans, d("2026-12-01"));
        // Each is drawn 30 minutes tall, so each overlaps the next: two
        // columns, alternating, and no block covers another.
        let shape: Vec<(u32, u32, u32, u32)> = grid.iter().map(|p| (p.top, p.bottom, p.column, p.columns)).collect();
        assert_eq!(
            shape,
            [
                (540, 570, 0, 2),
                (555, 585, 1, 2),
                (570, 600, 0, 2),
                (585, 615, 1, 2),
                (600, 630, 0, 2),
                (615, 645, 1, 2)
            ]
        );
        assert!(!crowded(&grid, 2) && crowded(&grid, 1));
    }

    fn block(top: u32) -> Placed {
        Placed { span: 0, top, bottom: top + 60, column: 0, columns: 1 }
    }

    #[test]
    fn grids_open_on_the_first_event() {
        for (tops, opening) in [
            (vec![], MORNING_MINUTE),
            (vec![600, 120], 105), // 02:00 is first, whatever the order
            (vec![0], 0),          // midnight: not before the day
            (vec![23 * 60], 23 * 60 - 15),
        ] {
            let placed: Vec<Placed> = tops.iter().map(|&t| block(t)).collect();
            assert_eq!(opening_minute(&placed), opening, "{tops:?}");
        }
    }

    #[test]
    fn blocks_out_of_view_are_counted_with_the_nearest() {
        let placed: Vec<Placed> = [60, 120, 500, 600, 1000, 1300].iter().map(|&t| block(t)).collect();
        let none = OutOfView::default();
        for (from, to, expected) in [
            (0, DAY_MINUTES, none),
            // 08:00 to 16:00: two start above (the later at 02:00), two below.
            (480, 960, OutOfView { earlier: 2, earlier_last: Some(120), later: 2, later_first: Some(1000) }),
            // A block is seen when its first 30 minutes are (its title line).
            (0, 1030, OutOfView { earlier: 0, earlier_last: None, later: 1, later_first: Some(1300) }),
            (0, 1010, OutOfView { earlier: 0, earlier_last: None, later: 2, later_first: Some(1000) }),
            (1200, 1440, OutOfView { earlier: 5, earlier_last: Some(1000), later: 0, later_first: None }),
        ] {
            assert_eq!(out_of_view(&placed, from, to), expected, "{from}..{to}");
        }
    }
}
