//! Filters and search: which events a visitor (or a partner's preset) wants.
//!
//! Values within one facet widen (theme A *or* B); facets narrow each other
//! (theme A *and* online). Each facet value is counted with the other facets
//! applied, so a visitor sees what a click would give. Everything that needs
//! a clock or a zone takes them as arguments.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};

use crate::agenda::end_instant;
use crate::feed::{Event, Feed, Format, Text};
use crate::layout::{span, week_start};
use crate::time::ZoneRules;
use crate::validate::parse_date;

/// A time preset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    /// Not over yet.
    Upcoming,
    /// Touches the current week (the locale's week).
    ThisWeek,
    /// Touches the current month.
    ThisMonth,
    /// Over, and the feed has a recording.
    PastWithRecording,
}

impl Period {
    pub const ALL: [Period; 4] = [Period::Upcoming, Period::ThisWeek, Period::ThisMonth, Period::PastWithRecording];

    pub fn name(self) -> &'static str {
        match self {
            Period::Upcoming => "upcoming",
            Period::ThisWeek => "week",
            Period::ThisMonth => "month",
            Period::PastWithRecording => "recorded",
        }
    }

    pub fn from_name(name: &str) -> Option<Period> {
        Period::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// Whether the list shows past events (newest first) rather than those to
/// come: as the link asks (`past=1`), unless the period lets only one kind
/// through ("past, with a recording" lists past events even without
/// `past=1`; "upcoming", upcoming ones even with it). `None` when the period
/// decides, so the list's past/upcoming toggle has nothing to switch.
pub fn lists_past(asked: bool, period: Option<Period>) -> (bool, Option<bool>) {
    let forced = match period {
        Some(Period::PastWithRecording) => Some(true),
        Some(Period::Upcoming) => Some(false),
        _ => None,
    };
    (forced.unwrap_or(asked), forced)
}

/// Minutes after midnight, `from < to`, in the viewer's zone: "09:00-18:00".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Hours {
    pub from: u32,
    pub to: u32,
}

/// Minute 1440: midnight at the end of the day, the latest end of a window.
const DAY_END: u32 = 24 * 60;

/// The last minute a time field can show (23:59): it cannot say 24:00.
const LAST_SHOWN_MINUTE: u32 = DAY_END - 1;

impl Hours {
    /// A link's `hours`: `HH:MM-HH:MM` (two digits each) with `from` before
    /// `to` (`24:00` allowed as an end).
    pub fn parse(value: &str) -> Option<Hours> {
        let (from, to) = value.split_once('-')?;
        let minutes = |s: &str| {
            let s = s.trim();
            if s.len() == 5 {
                clock_minutes(s)
            } else {
                None
            }
        };
        let (from, to) = (minutes(from)?, minutes(to)?);
        (from < to).then_some(Hours { from, to })
    }

    pub fn to_text(self) -> String {
        format!("{}-{}", clock_text(self.from), clock_text(self.to))
    }

    /// The window the panel's two `<input type=time>` fields say, `Ok(None)`
    /// meaning the whole day (no window: both empty, or `00:00` to the end).
    ///
    /// Each field's text is read by [`clock_minutes`]. An empty start is
    /// `00:00`; a start must be before `24:00`. An empty end is the end of the
    /// day, and so are `00:00` (midnight: a window cannot end at its own
    /// start) and `23:59` (what the end field shows for the end of the day,
    /// since a time field cannot say `24:00`: typed, it means "until
    /// midnight", so an event ending at 24:00 is not left out by a minute).
    /// A malformed text is the fault of its field; an end that is not after
    /// the start is [`PairError::Crossed`] (a window is on one day:
    /// `docs/links.md`), never silently turned into something else.
    pub fn from_inputs(from: &str, to: &str) -> Result<Option<Hours>, PairError> {
        let start = match from.trim() {
            "" => 0,
            text => clock_minutes(text).filter(|m| *m < DAY_END).ok_or(PairError::Malformed(End::From))?,
        };
        let end = match to.trim() {
            "" => DAY_END,
            text => match clock_minutes(text).ok_or(PairError::Malformed(End::To))? {
                0 | LAST_SHOWN_MINUTE => DAY_END,
                minutes => minutes,
            },
        };
        if start >= end {
            return Err(PairError::Crossed);
        }
        Ok(((start, end) != (0, DAY_END)).then_some(Hours { from: start, to: end }))
    }

    /// What the time field for one end of `window` shows: `HH:MM`, empty
    /// without a window; the end of the day shows as `23:59` (which
    /// [`Hours::from_inputs`] reads back as the end of the day).
    pub fn input_value(window: Option<Hours>, end: End) -> String {
        match (window, end) {
            (None, _) => String::new(),
            (Some(h), End::From) => clock_text(h.from.min(LAST_SHOWN_MINUTE)),
            (Some(h), End::To) => clock_text(h.to.min(LAST_SHOWN_MINUTE)),
        }
    }
}

/// Minutes after midnight of a time field's text, `00:00` to `24:00`:
/// `H:MM` or `HH:MM`, optionally with seconds (`HH:MM:SS` or
/// `HH:MM:SS.sss`, as `<input type=time>` gives with a step under a minute;
/// the seconds are dropped), whitespace around it ignored, ASCII digits only.
/// `None` for anything else (`9:5`, `25:00`, `09:60`, `24:01`, `٠٩:٠٠`, ``).
pub fn clock_minutes(text: &str) -> Option<u32> {
    let mut parts = text.trim().split(':');
    let hour = digits(parts.next()?, 1, 2)?;
    let minute = digits(parts.next()?, 2, 2)?;
    // Seconds and milliseconds (only to refuse 24:00:00.001).
    let (second, milli) = match parts.next() {
        None => (0, 0),
        Some(s) => {
            let (whole, fraction) = s.split_once('.').unwrap_or((s, "0"));
            (digits(whole, 2, 2)?, digits(fraction, 1, 3)?)
        }
    };
    if parts.next().is_some() || minute >= 60 || second >= 60 {
        return None;
    }
    (hour < 24 || (hour, minute, second, milli) == (24, 0, 0, 0)).then_some(hour * 60 + minute)
}

/// `HH:MM` for minutes after midnight (`24:00` for the end of the day).
pub fn clock_text(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A run of `min..=max` ASCII digits as a number (`max` is small: no overflow).
fn digits(s: &str, min: usize, max: usize) -> Option<u32> {
    ((min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0')))
}

/// Days a visitor narrowed to, inclusive, in their calendar; either end may be
/// open. [`Filters`] holds it as `from` and `to` ([`Filters::dates`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DateRange {
    /// Whether `to` is not before `from` (a one-day range is `from == to`).
    /// The one rule for both sides: a link's `to` before its `from` is
    /// refused (`query.rs`), and so is a panel whose fields cross.
    pub fn is_ordered(self) -> bool {
        !matches!((self.from, self.to), (Some(from), Some(to)) if to < from)
    }

    /// The range the panel's two `<input type=date>` fields say: an empty
    /// field is an open end; otherwise `YYYY-MM-DD` in 1900–2200, as in a
    /// link (`validate::parse_date`), whitespace around it ignored. Anything
    /// else (a date that does not exist, a year out of range, as a browser
    /// reports while a year is being typed: 0002, 0020, 0202) is its field's
    /// fault; a `to` before `from` is [`PairError::Crossed`].
    pub fn from_inputs(from: &str, to: &str) -> Result<DateRange, PairError> {
        let read = |text: &str, end: End| match text.trim() {
            "" => Ok(None),
            text => parse_date(text).map(Some).ok_or(PairError::Malformed(end)),
        };
        let range = DateRange { from: read(from, End::From)?, to: read(to, End::To)? };
        if range.is_ordered() {
            Ok(range)
        } else {
            Err(PairError::Crossed)
        }
    }

    /// What the date field for one end shows: `YYYY-MM-DD`, or empty.
    pub fn input_value(self, end: End) -> String {
        match end {
            End::From => self.from,
            End::To => self.to,
        }
        .map(|d| d.to_string())
        .unwrap_or_default()
    }
}

/// One of a from/to pair of fields (or ends of a range).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum End {
    From,
    To,
}

/// Why a pair of fields' texts make no filter value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PairError {
    /// This field's text is not a time (a date) at all, or out of range.
    Malformed(End),
    /// Both read, but the end is before the start (for hours: not after it).
    Crossed,
}

/// A filter value that a from/to pair of fields sets together: a
/// [`DateRange`], or a time-of-day window (`Option<Hours>`, `None` for the
/// whole day).
pub trait PairValue: Clone + PartialEq {
    /// The value the two fields' texts say.
    fn from_inputs(from: &str, to: &str) -> Result<Self, PairError>;
    /// What the field for `end` shows for this value.
    fn input_value(&self, end: End) -> String;
}

impl PairValue for DateRange {
    fn from_inputs(from: &str, to: &str) -> Result<Self, PairError> {
        DateRange::from_inputs(from, to)
    }

    fn input_value(&self, end: End) -> String {
        DateRange::input_value(*self, end)
    }
}

impl PairValue for Option<Hours> {
    fn from_inputs(from: &str, to: &str) -> Result<Self, PairError> {
        Hours::from_inputs(from, to)
    }

    fn input_value(&self, end: End) -> String {
        Hours::input_value(*self, end)
    }
}

/// A from/to pair of fields in the filter panel (the date range, the
/// time-of-day window) as the visitor left them, and the filter value `T`
/// they stand for.
///
/// The filters only ever take texts that read as a value. Texts that do not
/// (a malformed one, or an end before the start) are not applied: the
/// filters keep what they had, the fields keep what was typed (nothing typed
/// is rewritten or dropped, and neither is the other field), the field at
/// fault is marked, and the next change to either field reads on from both
/// texts, so fixing either one applies the pair. That also keeps typing
/// safe where a browser reports every keystroke in a date or time field as
/// a change: 2027 typed into a year passes through 0002, 0020 and 0202, and
/// 20 typed into an hour through 02, and none of them may undo the other
/// field. The texts stand while the filters hold the value they gave (or
/// kept); once the filters change elsewhere (a chip removed, back), the
/// fields show the filters' value again.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldPair<T> {
    from: String,
    to: String,
    /// The field at fault, and why.
    fault: Option<(End, PairError)>,
    value: T,
}

impl<T: PairValue> FieldPair<T> {
    /// The fields as they show `value` (no text typed yet).
    pub fn showing(value: T) -> Self {
        FieldPair { from: value.input_value(End::From), to: value.input_value(End::To), fault: None, value }
    }

    /// Whether what the fields say still belongs to the filters' `current` value.
    fn stands(&self, current: &T) -> bool {
        self.value == *current
    }

    /// What the field for `end` shows while the filters hold `current`.
    pub fn text(&self, current: &T, end: End) -> String {
        match end {
            _ if !self.stands(current) => current.input_value(end),
            End::From => self.from.clone(),
            End::To => self.to.clone(),
        }
    }

    /// Whether the field for `end` holds a text that was not applied (to mark
    /// it `aria-invalid`).
    pub fn is_fault(&self, current: &T, end: End) -> bool {
        self.stands(current) && self.fault.is_some_and(|(at, _)| at == end)
    }

    /// Which field's text was not applied and why, while the texts stand
    /// (for the message under the fields): a malformed field, or the end
    /// just set crossing the other (the other end, applied before, stays).
    pub fn problem(&self, current: &T) -> Option<(End, PairError)> {
        self.fault.filter(|_| self.stands(current))
    }

    /// The visitor set the field for `end` to `text`, the filters holding
    /// `current`: the fields from now on, and the value to give the filters
    /// if it changes (`None`: leave them as they are). When the end the
    /// visitor just set crosses the other, that end is the one at fault.
    pub fn set(&self, current: &T, end: End, text: &str) -> (FieldPair<T>, Option<T>) {
        let shown = |end| self.text(current, end);
        let (from, to) = match end {
            End::From => (text.to_owned(), shown(End::To)),
            End::To => (shown(End::From), text.to_owned()),
        };
        let (value, fault) = match T::from_inputs(&from, &to) {
            Ok(value) => (value, None),
            Err(why @ PairError::Malformed(at)) => (current.clone(), Some((at, why))),
            Err(why @ PairError::Crossed) => (current.clone(), Some((end, why))),
        };
        let changed = (value != *current).then(|| value.clone());
        (FieldPair { from, to, fault, value }, changed)
    }
}

/// Everything a visitor can narrow by. The default lets every event through.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Filters {
    pub themes: Vec<String>,
    /// Spoken languages (BCP 47; matched on the primary subtag).
    pub spoken: Vec<String>,
    pub formats: Vec<Format>,
    /// ISO 3166-1 alpha-2 (any case).
    pub countries: Vec<String>,
    pub cities: Vec<String>,
    pub organizers: Vec<String>,
    pub series: Vec<String>,
    /// Source ids: the publishing partners of a merged feed ([`crate::merge`]).
    pub sources: Vec<String>,
    pub period: Option<Period>,
    /// Inclusive, in the viewer's calendar.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub hours: Option<Hours>,
    /// Free text; every word must match (see [`fold`]).
    pub text: String,
}

/// The facets with values a visitor picks from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Facet {
    Theme,
    Spoken,
    Format,
    Country,
    City,
    Organizer,
    Series,
    /// The publishing partner; counted only when the feed has more than one.
    Source,
}

impl Facet {
    pub const ALL: [Facet; 8] = [
        Facet::Theme,
        Facet::Spoken,
        Facet::Format,
        Facet::Country,
        Facet::City,
        Facet::Organizer,
        Facet::Series,
        Facet::Source,
    ];

    /// Its URL parameter (`docs/links.md`).
    pub fn param(self) -> &'static str {
        match self {
            Facet::Theme => "theme",
            Facet::Spoken => "spoken",
            Facet::Format => "format",
            Facet::Country => "country",
            Facet::City => "city",
            Facet::Organizer => "org",
            Facet::Series => "series",
            Facet::Source => "source",
        }
    }
}

pub fn format_name(format: Format) -> &'static str {
    match format {
        Format::Online => "online",
        Format::InPerson => "in_person",
        Format::Hybrid => "hybrid",
    }
}

pub fn format_from_name(name: &str) -> Option<Format> {
    [Format::Online, Format::InPerson, Format::Hybrid].into_iter().find(|f| format_name(*f) == name)
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// The chosen values of a facet, as URL values.
    pub fn values(&self, facet: Facet) -> Vec<String> {
        match facet {
            Facet::Theme => self.themes.clone(),
            Facet::Spoken => self.spoken.clone(),
            Facet::Format => self.formats.iter().map(|f| format_name(*f).to_owned()).collect(),
            Facet::Country => self.countries.clone(),
            Facet::City => self.cities.clone(),
            Facet::Organizer => self.organizers.clone(),
            Facet::Series => self.series.clone(),
            Facet::Source => self.sources.clone(),
        }
    }

    /// Replaces a facet's values (URL values; unknown formats are dropped).
    pub fn set_values(&mut self, facet: Facet, values: Vec<String>) {
        match facet {
            Facet::Theme => self.themes = values,
            Facet::Spoken => self.spoken = values,
            Facet::Format => self.formats = values.iter().filter_map(|v| format_from_name(v)).collect(),
            Facet::Country => self.countries = values,
            Facet::City => self.cities = values,
            Facet::Organizer => self.organizers = values,
            Facet::Series => self.series = values,
            Facet::Source => self.sources = values,
        }
    }

    /// Adds `value` to a facet, or removes it if present.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        let mut values = self.values(facet);
        match values.iter().position(|v| v == value) {
            Some(i) => {
                values.remove(i);
            }
            None => values.push(value.to_owned()),
        }
        self.set_values(facet, values);
    }

    /// The date range, `from` and `to`.
    pub fn dates(&self) -> DateRange {
        DateRange { from: self.from, to: self.to }
    }

    pub fn set_dates(&mut self, range: DateRange) {
        self.from = range.from;
        self.to = range.to;
    }

    /// These filters without `facet`.
    pub fn without(&self, facet: Facet) -> Filters {
        let mut f = self.clone();
        f.set_values(facet, Vec::new());
        f
    }
}

/// What filtering needs besides the feed: the clock, the viewer's zone and
/// the first day of their week.
#[derive(Clone, Copy)]
pub struct Viewer<'a> {
    pub now: DateTime<Utc>,
    pub rules: &'a dyn ZoneRules,
    pub zone: &'a str,
    pub week_starts: Weekday,
}

/// The folded text each event is searched in, built once per feed: titles,
/// summaries, people, organizers and places, in every language.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchIndex {
    /// Per event: its searchable text, folded.
    text: Vec<String>,
    /// Per facet (in `Facet::ALL` order): its distinct values, in the order
    /// events first use them (countries in capitals).
    names: [Vec<String>; Facet::ALL.len()],
    /// Event `i`'s values for facet `f` are `names[f][id]` for the ids in
    /// `ids[starts[8 i + f]..starts[8 i + f + 1]]`, each once. Worked out once
    /// per feed, so filtering and counting allocate nothing per event; flat,
    /// so 10,000 events cost a few hundred KB, not 80,000 small vectors.
    ids: Vec<u32>,
    starts: Vec<u32>,
}

impl SearchIndex {
    pub fn new(feed: &Feed) -> SearchIndex {
        let mut names: [Vec<String>; Facet::ALL.len()] = Default::default();
        let (mut ids, mut starts) = (Vec::new(), vec![0]);
        for event in &feed.events {
            for facet in Facet::ALL {
                let first = ids.len();
                for value in event_values(feed, event, facet) {
                    let value = if facet == Facet::Country { value.to_ascii_uppercase() } else { value };
                    let names = &mut names[facet as usize];
                    let id = match names.iter().position(|n| *n == value) {
                        Some(id) => id,
                        None => {
                            names.push(value);
                            names.len() - 1
                        }
                    } as u32;
                    if !ids[first..].contains(&id) {
                        ids.push(id);
                    }
                }
                starts.push(ids.len() as u32);
            }
        }
        SearchIndex { text: feed.events.iter().map(|e| fold(&searchable_text(feed, e))).collect(), names, ids, starts }
    }

    fn ids(&self, i: usize, facet: Facet) -> &[u32] {
        let k = i * Facet::ALL.len() + facet as usize;
        match (self.starts.get(k), self.starts.get(k + 1)) {
            (Some(&from), Some(&to)) => &self.ids[from as usize..to as usize],
            _ => &[],
        }
    }

    fn values(&self, i: usize, facet: Facet) -> impl Iterator<Item = &String> + Clone {
        self.ids(i, facet).iter().map(move |&id| &self.names[facet as usize][id as usize])
    }
}

fn all(text: &Text) -> impl Iterator<Item = &str> {
    text.0.iter().map(|(_, s)| s.as_str())
}

fn searchable_text(feed: &Feed, event: &Event) -> String {
    let mut parts: Vec<&str> = Vec::new();
    parts.extend(all(&event.title));
    parts.extend(all(&event.summary));
    for person in &event.people {
        parts.push(&person.name);
        parts.extend(all(&person.position));
        parts.extend(person.organization.as_deref());
    }
    for org in event.organizers.iter().chain(&event.partners).filter_map(|id| feed.organization(id)) {
        parts.extend(all(&org.name));
        parts.extend(org.city.as_deref());
    }
    if let Some(venue) = &event.venue {
        parts.extend(all(&venue.name));
        parts.extend(venue.address.as_deref());
        parts.extend(venue.city.as_deref());
    }
    if let Some(series) = event.series.as_deref().and_then(|id| feed.series_by_id(id)) {
        parts.extend(all(&series.title));
    }
    parts.join("\n")
}

/// Lower case without diacritics, for matching: "Gdańsk" → "gdansk",
/// "Iași" → "iasi", "ş"/"ș" → "s", "ñ" → "n", "Straße" → "strasse".
/// Combining marks (decomposed input) are dropped.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if ('\u{300}'..='\u{36f}').contains(&c) {
        return; // a combining mark
    }
    let folded = match lower(c) {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' | 'ª' => "a",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' | 'º' => "o",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        '\u{2019}' | '\u{2018}' => "'",
        other => {
            out.push(other);
            return;
        }
    };
    out.push_str(folded);
}

/// `c` in lower case, for the scripts of Europe and around it: Latin
/// (with Extended-A and -B and Vietnamese), Greek, Cyrillic, Armenian and
/// fullwidth Latin; any other character is returned as it is.
///
/// Why not `char::to_lowercase`: its table of every cased letter of Unicode
/// is 11 KB of the app's wasm (issue 8). These ranges are held to it, letter
/// by letter, by `lower_agrees_with_std`.
fn lower(c: char) -> char {
    let u = c as u32;
    let shifted = SHIFTED
        .iter()
        .find(|&&(first, last, _)| (first..=last).contains(&u))
        .map(|&(_, _, by)| u.wrapping_add_signed(by));
    let single = || SINGLE.iter().find(|&&(capital, _)| capital == u).map(|&(_, small)| small);
    let alternating = || {
        ALTERNATING
            .iter()
            .any(|&(first, last, capital_odd)| (first..=last).contains(&u) && (u % 2 == 1) == capital_odd)
            .then_some(u + 1)
    };
    shifted.or_else(single).or_else(alternating).and_then(char::from_u32).unwrap_or(c)
}

/// Runs of capitals whose small letters are a fixed distance away: (first, last, distance).
const SHIFTED: &[(u32, u32, i32)] = &[
    (0xC0, 0xD6, 0x20),
    (0xD8, 0xDE, 0x20),
    (0x1C4, 0x1C4, 2),
    (0x1C7, 0x1C7, 2),
    (0x1CA, 0x1CA, 2),
    (0x1F1, 0x1F1, 2),
    (0x388, 0x38A, 0x25),
    (0x38E, 0x38F, 0x3F),
    (0x391, 0x3A1, 0x20),
    (0x3A3, 0x3AB, 0x20),
    (0x3FD, 0x3FF, -0x82),
    (0x400, 0x40F, 0x50),
    (0x410, 0x42F, 0x20),
    (0x531, 0x556, 0x30),
    (0xFF21, 0xFF3A, 0x20),
];

/// Capitals whose small letter is elsewhere: (capital, small).
const SINGLE: &[(u32, u32)] = &[
    (0x130, 'i' as u32),
    (0x178, 0xFF),
    (0x181, 0x253),
    (0x186, 0x254),
    (0x189, 0x256),
    (0x18A, 0x257),
    (0x18E, 0x1DD),
    (0x18F, 0x259),
    (0x190, 0x25B),
    (0x193, 0x260),
    (0x194, 0x263),
    (0x196, 0x269),
    (0x197, 0x268),
    (0x19C, 0x26F),
    (0x19D, 0x272),
    (0x19F, 0x275),
    (0x1A6, 0x280),
    (0x1A9, 0x283),
    (0x1AE, 0x288),
    (0x1B1, 0x28A),
    (0x1B2, 0x28B),
    (0x1B7, 0x292),
    (0x1F6, 0x195),
    (0x1F7, 0x1BF),
    (0x220, 0x19E),
    (0x23A, 0x2C65),
    (0x23D, 0x19A),
    (0x23E, 0x2C66),
    (0x243, 0x180),
    (0x244, 0x289),
    (0x245, 0x28C),
    (0x37F, 0x3F3),
    (0x386, 0x3AC),
    (0x38C, 0x3CC),
    (0x3CF, 0x3D7),
    (0x3F4, 0x3B8),
    (0x3F9, 0x3F2),
    (0x4C0, 0x4CF),
    (0x1E9E, 0xDF),
];

/// Runs where each capital is followed by its small letter:
/// (first, last, whether the capitals are the odd code points).
const ALTERNATING: &[(u32, u32, bool)] = &[
    (0x100, 0x12F, false),
    (0x132, 0x137, false),
    (0x139, 0x148, true),
    (0x14A, 0x177, false),
    (0x179, 0x17E, true),
    (0x182, 0x185, false),
    (0x187, 0x187, true),
    (0x18B, 0x18B, true),
    (0x191, 0x191, true),
    (0x198, 0x198, false),
    (0x1A0, 0x1A5, false),
    (0x1A7, 0x1A7, true),
    (0x1AC, 0x1AC, false),
    (0x1AF, 0x1AF, true),
    (0x1B3, 0x1B3, true),
    (0x1B5, 0x1B5, true),
    (0x1B8, 0x1B8, false),
    (0x1BC, 0x1BC, false),
    (0x1C5, 0x1C5, true),
    (0x1C8, 0x1C8, false),
    (0x1CB, 0x1CB, true),
    (0x1CD, 0x1DC, true),
    (0x1DE, 0x1EF, false),
    (0x1F2, 0x1F2, false),
    (0x1F4, 0x1F5, false),
    (0x1F8, 0x21F, false),
    (0x222, 0x233, false),
    (0x23B, 0x23B, true),
    (0x241, 0x241, true),
    (0x246, 0x24F, false),
    (0x370, 0x373, false),
    (0x376, 0x376, false),
    (0x3D8, 0x3EF, false),
    (0x3F7, 0x3F7, true),
    (0x3FA, 0x3FA, false),
    (0x460, 0x481, false),
    (0x48A, 0x4BF, false),
    (0x4C1, 0x4CE, true),
    (0x4D0, 0x52F, false),
    (0x1E00, 0x1E95, false),
    (0x1EA0, 0x1EFF, false),
];

/// The words of a search, folded; empty words dropped.
pub fn search_words(text: &str) -> Vec<String> {
    fold(text).split_whitespace().map(str::to_owned).collect()
}

/// Filters made ready to test many events: facet values and search words
/// worked out once.
struct Prepared<'f> {
    filters: &'f Filters,
    facets: Vec<(Facet, Vec<String>)>,
    words: Vec<String>,
    /// Time filters need the event's local days and times (zone lookups):
    /// skipped entirely when none is set.
    timed: bool,
}

impl<'f> Prepared<'f> {
    fn new(filters: &'f Filters) -> Self {
        Prepared {
            filters,
            facets: Facet::ALL.into_iter().map(|f| (f, filters.values(f))).filter(|(_, v)| !v.is_empty()).collect(),
            words: search_words(&filters.text),
            timed: filters.period.is_some()
                || filters.from.is_some()
                || filters.to.is_some()
                || filters.hours.is_some(),
        }
    }

    fn matches(&self, feed: &Feed, index: &SearchIndex, i: usize, viewer: &Viewer) -> bool {
        let event = &feed.events[i];
        self.facets.iter().all(|(facet, wanted)| facet_matches(index.values(i, *facet), *facet, wanted))
            && self.words.iter().all(|w| index.text.get(i).is_some_and(|text| text.contains(w.as_str())))
            && (!self.timed || time_matches(event, self.filters, viewer))
    }
}

/// Whether event `i` of `feed` passes `filters`.
pub fn matches(feed: &Feed, index: &SearchIndex, i: usize, filters: &Filters, viewer: &Viewer) -> bool {
    Prepared::new(filters).matches(feed, index, i, viewer)
}

/// One mark per event of the feed: does it pass `filters`.
pub fn apply(feed: &Feed, index: &SearchIndex, filters: &Filters, viewer: &Viewer) -> Vec<bool> {
    if filters.is_empty() {
        return vec![true; feed.events.len()];
    }
    let prepared = Prepared::new(filters);
    (0..feed.events.len()).map(|i| prepared.matches(feed, index, i, viewer)).collect()
}

/// An event's values for a facet (URL values).
pub fn event_values(feed: &Feed, event: &Event, facet: Facet) -> Vec<String> {
    match facet {
        Facet::Theme => event.themes.clone(),
        Facet::Spoken => event.languages.iter().map(|l| primary(l)).collect(),
        Facet::Format => vec![format_name(event.format).to_owned()],
        Facet::Country => places(feed, event).into_iter().filter_map(|(country, _)| country).collect(),
        Facet::City => places(feed, event).into_iter().filter_map(|(_, city)| city).collect(),
        Facet::Organizer => event.organizers.clone(),
        Facet::Series => event.series.iter().cloned().collect(),
        // Every partner that lists it, not only the one whose copy is shown.
        Facet::Source => event.source.iter().chain(&event.also_in).cloned().collect(),
    }
}

/// An event's places: its venue's (unless online), its organizers' and its
/// partners' (a city partner's events are the city's: issue 22), as
/// `(country, city)`, each once.
fn places(feed: &Feed, event: &Event) -> Vec<(Option<String>, Option<String>)> {
    let venue =
        event.venue.as_ref().filter(|_| event.format != Format::Online).map(|v| (v.country.clone(), v.city.clone()));
    let organizations = event
        .organizers
        .iter()
        .chain(&event.partners)
        .filter_map(|id| feed.organization(id))
        .map(|o| (o.country.clone(), o.city.clone()));
    let mut out: Vec<(Option<String>, Option<String>)> = Vec::new();
    for (country, city) in venue.into_iter().chain(organizations) {
        let place = (country.map(|c| c.to_ascii_uppercase()), city);
        if !out.contains(&place) {
            out.push(place);
        }
    }
    out
}

fn primary(tag: &str) -> String {
    tag.split(['-', '_']).next().unwrap_or(tag).to_ascii_lowercase()
}

fn facet_matches<'a>(have: impl Iterator<Item = &'a String> + Clone, facet: Facet, wanted: &[String]) -> bool {
    if wanted.is_empty() {
        return true;
    }
    wanted.iter().any(|w| have.clone().any(|h| same_value(facet, h, w)))
}

/// Whether an event's value `have` gives the chosen `want`: the same as
/// `value_key(facet, want)` being some and equal to `value_key(facet, have)`,
/// without building the keys (this runs for every event at every filter).
fn same_value(facet: Facet, have: &str, want: &str) -> bool {
    match facet {
        Facet::Spoken => {
            fn primary(tag: &str) -> &str {
                tag.split(['-', '_']).next().unwrap_or("")
            }
            !want.is_empty() && !have.is_empty() && primary(have).eq_ignore_ascii_case(primary(want))
        }
        Facet::Country => have.eq_ignore_ascii_case(want),
        Facet::City if have.is_ascii() && want.is_ascii() => have.eq_ignore_ascii_case(want),
        Facet::City => fold(have) == fold(want),
        _ => have == want,
    }
}

/// What a facet value is compared by: a language's primary subtag, a
/// country code in any case, a city folded (case and diacritics), others as
/// written. `None` matches nothing (an empty language tag).
fn value_key(facet: Facet, value: &str) -> Option<String> {
    match facet {
        Facet::Spoken => {
            let primary = value.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
            (!value.is_empty()).then_some(primary)
        }
        Facet::Country => Some(value.to_ascii_lowercase()),
        Facet::City => Some(fold(value)),
        _ => Some(value.to_owned()),
    }
}

fn time_matches(event: &Event, filters: &Filters, viewer: &Viewer) -> bool {
    let seen = span(event, viewer.rules, viewer.zone);
    let today = crate::time::local_date(viewer.rules, viewer.zone, viewer.now).unwrap_or(viewer.now.date_naive());
    let touches = |from: NaiveDate, to: NaiveDate| seen.first <= to && seen.last >= from;
    let ended = || end_instant(event, viewer.rules, viewer.zone) <= viewer.now;
    let period_ok = match filters.period {
        None => true,
        Some(Period::Upcoming) => !ended(),
        Some(Period::ThisWeek) => {
            let start = week_start(today, viewer.week_starts);
            touches(start, start + Duration::days(6))
        }
        Some(Period::ThisMonth) => {
            let first = today.with_day(1).unwrap_or(today);
            let last = first.checked_add_months(chrono::Months::new(1)).and_then(|d| d.pred_opt()).unwrap_or(first);
            touches(first, last)
        }
        Some(Period::PastWithRecording) => ended() && event.recording_url.is_some(),
    };
    let range_ok = touches(filters.from.unwrap_or(NaiveDate::MIN), filters.to.unwrap_or(NaiveDate::MAX));
    // All-day events have no hours: a time-of-day window lets them through.
    let hours_ok = match (filters.hours, seen.times) {
        (Some(window), Some((start, end))) => {
            let minute = |t: NaiveTime| chrono::Timelike::hour(&t) * 60 + chrono::Timelike::minute(&t);
            // An event ending at midnight ends at minute 1440 of its day;
            // one that runs past midnight fits no window.
            let end_minute = if end.date() == start.date() {
                Some(minute(end.time()))
            } else if start.date().succ_opt() == Some(end.date()) && end.time() == NaiveTime::MIN {
                Some(24 * 60)
            } else {
                None
            };
            end_minute.is_some_and(|e| minute(start.time()) >= window.from && e <= window.to)
        }
        _ => true,
    };
    period_ok && range_ok && hours_ok
}

/// How many events each value of `facet` would give, with every other
/// filter applied; values in feed order, chosen values included even when
/// no event has them.
pub fn facet_counts(
    feed: &Feed,
    index: &SearchIndex,
    filters: &Filters,
    facet: Facet,
    viewer: &Viewer,
) -> Vec<(String, usize)> {
    let others = filters.without(facet);
    let prepared = Prepared::new(&others);
    // One row per value a click could choose: names the filter cannot tell
    // apart ("Gdańsk", "GDANSK") share a row, in the order events first use
    // them, so a row's count is what choosing it gives.
    let names = &index.names[facet as usize];
    let mut rows: Vec<(Option<String>, String, usize)> = Vec::new();
    let row_of: Vec<usize> = names
        .iter()
        .map(|name| {
            let key = value_key(facet, name);
            match rows.iter().position(|(k, _, _)| key.is_some() && *k == key) {
                Some(row) => row,
                None => {
                    rows.push((key, name.clone(), 0));
                    rows.len() - 1
                }
            }
        })
        .collect();
    let mut seen: Vec<usize> = Vec::new();
    for i in 0..feed.events.len() {
        if prepared.matches(feed, index, i, viewer) {
            seen.clear();
            for &id in index.ids(i, facet) {
                let row = row_of[id as usize];
                if !seen.contains(&row) {
                    seen.push(row);
                    rows[row].2 += 1;
                }
            }
        }
    }
    // A chosen value names its row as the filters spell it (so the row shows
    // as chosen, and unchoosing it removes that value); one no event has
    // gets a row of its own, with nothing to give.
    for chosen in filters.values(facet) {
        let key = value_key(facet, &chosen);
        match rows.iter_mut().find(|(k, _, _)| key.is_some() && *k == key) {
            Some(row) if !filters.values(facet).contains(&row.1) => row.1 = chosen,
            Some(_) => {}
            None => rows.push((key, chosen, 0)),
        }
    }
    // One publisher is no choice: the source facet offers rows only in a
    // feed merged from several (a chosen value keeps its row, to unchoose it).
    let offered = |name: &String| facet != Facet::Source || feed.sources.len() > 1 || filters.sources.contains(name);
    rows.into_iter().filter(|(_, name, _)| offered(name)).map(|(_, name, n)| (name, n)).collect()
}

/// A removable piece of the active filters (one chip).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Active {
    Value(Facet, String),
    Period(Period),
    From(NaiveDate),
    To(NaiveDate),
    Hours(Hours),
    Text(String),
}

/// The active filters, one piece per chip, in a stable order.
pub fn active(filters: &Filters) -> Vec<Active> {
    let mut out: Vec<Active> = Facet::ALL
        .into_iter()
        .flat_map(|facet| filters.values(facet).into_iter().map(move |v| Active::Value(facet, v)))
        .collect();
    out.extend(filters.period.map(Active::Period));
    out.extend(filters.from.map(Active::From));
    out.extend(filters.to.map(Active::To));
    out.extend(filters.hours.map(Active::Hours));
    if !filters.text.trim().is_empty() {
        out.push(Active::Text(filters.text.clone()));
    }
    out
}

/// `filters` with one active piece removed.
pub fn remove(filters: &Filters, piece: &Active) -> Filters {
    let mut f = filters.clone();
    match piece {
        Active::Value(facet, value) => {
            let values = f.values(*facet).into_iter().filter(|v| v != value).collect();
            f.set_values(*facet, values);
        }
        Active::Period(_) => f.period = None,
        Active::From(_) => f.from = None,
        Active::To(_) => f.to = None,
        Active::Hours(_) => f.hours = None,
        Active::Text(_) => f.text.clear(),
    }
    f
}

/// When nothing matches: the one piece whose removal gives the most events,
/// and how many.
pub fn best_to_drop(feed: &Feed, index: &SearchIndex, filters: &Filters, viewer: &Viewer) -> Option<(Active, usize)> {
    active(filters)
        .into_iter()
        .map(|piece| {
            let n = apply(feed, index, &remove(filters, &piece), viewer).iter().filter(|m| **m).count();
            (piece, n)
        })
        .filter(|(_, n)| *n > 0)
        .max_by_key(|(_, n)| *n)
}

/// Where the search words occur in `text`: byte ranges of `text` to mark,
/// sorted and not overlapping. Matching is on folded text, so "gdansk"
/// marks "Gdańsk".
pub fn highlight(text: &str, words: &[String]) -> Vec<(usize, usize)> {
    // The folded text, and for each of its bytes the original char's range.
    let mut folded = String::new();
    let mut origin: Vec<(usize, usize)> = Vec::new();
    for (at, c) in text.char_indices() {
        let before = folded.len();
        fold_char(c, &mut folded);
        for _ in before..folded.len() {
            origin.push((at, at + c.len_utf8()));
        }
    }
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    for word in words.iter().filter(|w| !w.is_empty()) {
        let mut from = 0;
        while let Some(pos) = folded[from..].find(word.as_str()) {
            let (start, end) = (from + pos, from + pos + word.len());
            ranges.push((origin[start].0, origin[end - 1].1));
            from = end;
        }
    }
    crate::order::sort_by_key(&mut ranges, |r| *r);
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match merged.last_mut() {
            Some((_, last_end)) if s <= *last_end => *last_end = (*last_end).max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_period_decides_past_or_upcoming_when_it_lets_one_kind_through() {
        use Period::*;
        let cases = [
            (false, None, (false, None)),
            (true, None, (true, None)),
            (false, Some(PastWithRecording), (true, Some(true))),
            (true, Some(PastWithRecording), (true, Some(true))),
            (true, Some(Upcoming), (false, Some(false))),
            (false, Some(ThisWeek), (false, None)),
            (true, Some(ThisMonth), (true, None)),
        ];
        for (asked, period, want) in cases {
            assert_eq!(lists_past(asked, period), want, "{asked} {period:?}");
        }
    }

    use super::*;

    #[test]
    fn lower_agrees_with_std() {
        // Every letter of the blocks `lower` covers (Latin-1 to Armenian,
        // Latin Extended Additional, fullwidth Latin), against std's full table.
        let wrong: Vec<String> = (0x80..0x590)
            .chain(0x1E00..0x1F00)
            .chain(0xFF00..0xFF60)
            .filter_map(char::from_u32)
            .filter(|&c| lower(c) != c.to_lowercase().next().unwrap())
            .map(|c| format!("U+{:04X} {c}: {} (std {})", c as u32, lower(c), c.to_lowercase().next().unwrap()))
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        // Elsewhere, a character stays as it is.
        assert_eq!(lower('Ⴀ'), 'Ⴀ');
        assert_eq!(fold("ΑΘΗΝΑ Москва ԵՐԵՎԱՆ"), "αθηνα москва երեվան");
    }

    #[test]
    fn same_value_agrees_with_the_keys_facet_rows_are_folded_by() {
        let values = [
            "", "-", "en", "EN-gb", "en_US", "es", "ro-RO", "ro", "Gdańsk", "GDANSK", "gdansk", "Iași", "IASI",
            "iasi ", "RO", "ro", "es-419", "climate", "Climate", "Straße", "STRASSE",
        ];
        for facet in Facet::ALL {
            for have in values {
                for want in values {
                    let by_keys = value_key(facet, want).is_some_and(|w| value_key(facet, have) == Some(w));
                    assert_eq!(same_value(facet, have, want), by_keys, "{facet:?} {have:?} {want:?}");
                }
            }
        }
    }

    #[test]
    fn folding_ignores_case_and_diacritics() {
        assert_eq!(fold("Gdańsk"), "gdansk");
        assert_eq!(fold("IAȘI"), "iasi");
        assert_eq!(fold("Iaşi"), "iasi"); // cedilla ş
        assert_eq!(fold("Ciudad de México, Bogotá, Peñalolén"), "ciudad de mexico, bogota, penalolen");
        assert_eq!(fold("Straße Œuvre"), "strasse oeuvre");
        assert_eq!(fold("Gdan\u{301}sk"), "gdansk"); // decomposed
        assert_eq!(fold("Łódź"), "lodz");
    }

    #[test]
    fn hours_parse_and_print() {
        assert_eq!(Hours::parse("09:00-18:00"), Some(Hours { from: 540, to: 1080 }));
        assert_eq!(Hours::parse("00:00-24:00"), Some(Hours { from: 0, to: 1440 }));
        for bad in ["18:00-09:00", "9:00-18:00", "09:00-25:00", "09:60-10:00", "0900-1800", "", "09:00-09:00"] {
            assert_eq!(Hours::parse(bad), None, "{bad}");
        }
        assert_eq!(Hours { from: 540, to: 1080 }.to_text(), "09:00-18:00");
    }

    /// Who looks at [`placed_feed`]: in UTC, before its events.
    fn placed_viewer() -> Viewer<'static> {
        Viewer {
            now: "2026-12-01T00:00:00Z".parse().unwrap(),
            rules: &crate::time::FixedZone(0),
            zone: "UTC",
            week_starts: Weekday::Mon,
        }
    }

    /// A feed of four organizations and five events placed by venue,
    /// organizer or partner, for the place facets.
    fn placed_feed() -> Feed {
        use crate::feed::{Organization, Venue};
        let org = |id: &str, city: Option<&str>, country: Option<&str>| Organization {
            id: id.into(),
            name: Text(vec![("en".into(), id.into())]),
            url: None,
            city: city.map(Into::into),
            country: country.map(Into::into),
        };
        let event = |id: &str, format: Format, venue: Option<(&str, &str)>, organizers: &[&str], partners: &[&str]| {
            let mut e = Event::new(
                id,
                id,
                crate::feed::When::AllDay { first: "2027-01-01".parse().unwrap(), last: "2027-01-01".parse().unwrap() },
            );
            e.format = format;
            e.venue = venue.map(|(city, country)| Venue {
                city: Some(city.into()),
                country: Some(country.into()),
                ..Venue::default()
            });
            e.organizers = organizers.iter().map(|s| s.to_string()).collect();
            e.partners = partners.iter().map(|s| s.to_string()).collect();
            e
        };
        Feed {
            organizations: vec![
                org("cluj", Some("Cluj-Napoca"), Some("RO")),
                org("torino", Some("Torino"), Some("it")),
                org("budapest", Some("Budapest"), Some("HU")),
                org("nowhere", None, None),
            ],
            events: vec![
                event("held-in-gdansk", Format::InPerson, Some(("Gdańsk", "PL")), &["cluj"], &[]),
                event("run-by-cluj", Format::Online, Some(("Lisbon", "PT")), &["cluj"], &[]),
                event("partners", Format::Online, None, &["cluj"], &["torino", "budapest", "unknown"]),
                event("torino-twice", Format::InPerson, Some(("Torino", "IT")), &[], &["torino"]),
                event("placeless", Format::Online, None, &["nowhere"], &["nowhere"]),
            ],
            ..Feed::default()
        }
    }

    #[test]
    fn cities_and_countries_match_venue_organizers_or_partners() {
        let feed = placed_feed();
        let index = SearchIndex::new(&feed);
        let viewer = placed_viewer();
        let cases: [(Facet, &[&str], &[&str]); 11] = [
            (Facet::City, &["Torino"], &["partners", "torino-twice"]),
            (Facet::City, &["torino"], &["partners", "torino-twice"]),
            (Facet::City, &["Budapest"], &["partners"]),
            (Facet::City, &["Budapest", "Gdansk"], &["held-in-gdansk", "partners"]),
            (Facet::City, &["Cluj-Napoca"], &["held-in-gdansk", "run-by-cluj", "partners"]),
            // An online event's venue is not where it is.
            (Facet::City, &["Lisbon"], &[]),
            (Facet::Country, &["IT"], &["partners", "torino-twice"]),
            (Facet::Country, &["hu"], &["partners"]),
            (Facet::Country, &["PL"], &["held-in-gdansk"]),
            (Facet::Country, &["PT"], &[]),
            (Facet::City, &["Saint-Denis"], &[]),
        ];
        for (facet, chosen, want) in cases {
            let mut filters = Filters::default();
            filters.set_values(facet, chosen.iter().map(|s| s.to_string()).collect());
            let got: Vec<&str> = apply(&feed, &index, &filters, &viewer)
                .iter()
                .zip(&feed.events)
                .filter(|(m, _)| **m)
                .map(|(_, e)| e.id.as_str())
                .collect();
            assert_eq!(got, want, "{facet:?} {chosen:?}");
        }
        let values = |id: &str, facet| event_values(&feed, feed.event(id).unwrap(), facet);
        assert_eq!(values("partners", Facet::City), ["Cluj-Napoca", "Torino", "Budapest"]);
        assert_eq!(values("partners", Facet::Country), ["RO", "IT", "HU"]);
        assert_eq!(values("torino-twice", Facet::City), ["Torino"]);
        assert!(values("placeless", Facet::City).is_empty());
        // The counts follow: a partner city is a row, counting its events once.
        let counts = |facet| facet_counts(&feed, &index, &Filters::default(), facet, &viewer);
        assert_eq!(
            counts(Facet::City),
            [("Gdańsk".into(), 1), ("Cluj-Napoca".into(), 3), ("Torino".into(), 2), ("Budapest".into(), 1)]
        );
        assert_eq!(counts(Facet::Country), [("PL".into(), 1), ("RO".into(), 3), ("IT".into(), 2), ("HU".into(), 1)]);
        // With another facet chosen, a partner's row counts what a click gives.
        let in_person = Filters { formats: vec![Format::InPerson], ..Filters::default() };
        let rows = facet_counts(&feed, &index, &in_person, Facet::City, &viewer);
        assert!(rows.contains(&("Torino".into(), 1)) && rows.contains(&("Budapest".into(), 0)), "{rows:?}");
    }

    #[test]
    fn the_source_facet_is_the_publishing_partner_of_a_merged_feed() {
        use crate::feed::Source;
        let mut feed = placed_feed();
        let sources = ["cluj", "cluj", "torino", "torino", "budapest"];
        for (event, source) in feed.events.iter_mut().zip(sources) {
            event.source = Some(source.into());
        }
        let index = SearchIndex::new(&feed);
        let viewer = placed_viewer();
        let shown = |filters: &Filters| -> Vec<&str> {
            apply(&feed, &index, filters, &viewer)
                .iter()
                .zip(&feed.events)
                .filter(|(m, _)| **m)
                .map(|(_, e)| e.id.as_str())
                .collect()
        };
        let cases: [(&[&str], &[&str]); 4] = [
            (&["torino"], &["partners", "torino-twice"]),
            (&["cluj", "budapest"], &["held-in-gdansk", "run-by-cluj", "placeless"]),
            (&["Torino"], &[]), // ids, as written
            (&[], &["held-in-gdansk", "run-by-cluj", "partners", "torino-twice", "placeless"]),
        ];
        for (chosen, want) in cases {
            let mut filters = Filters::default();
            filters.set_values(Facet::Source, chosen.iter().map(|s| s.to_string()).collect());
            assert_eq!(shown(&filters), want, "{chosen:?}");
        }
        // Facets narrow each other.
        let torino_in_person =
            Filters { sources: vec!["torino".into()], formats: vec![Format::InPerson], ..Filters::default() };
        assert_eq!(shown(&torino_in_person), ["torino-twice"]);
        // No rows while the feed names fewer than two sources (nothing to choose from)...
        let counts = |feed: &Feed, filters: &Filters| facet_counts(feed, &index, filters, Facet::Source, &viewer);
        assert_eq!(counts(&feed, &Filters::default()), []);
        // ...but a chosen value keeps its row, to unchoose it.
        assert_eq!(
            counts(&feed, &Filters { sources: vec!["torino".into()], ..Filters::default() }),
            [("torino".into(), 2)]
        );
        feed.sources = ["cluj", "torino", "budapest"]
            .iter()
            .map(|id| Source { id: id.to_string(), name: Text(vec![("en".into(), id.to_uppercase())]) })
            .collect();
        assert_eq!(
            counts(&feed, &Filters::default()),
            [("cluj".into(), 2), ("torino".into(), 2), ("budapest".into(), 1)]
        );
        assert_eq!(
            counts(&feed, &Filters { formats: vec![Format::Online], ..Filters::default() }),
            [("cluj".into(), 1), ("torino".into(), 1), ("budapest".into(), 1)]
        );
    }

    #[test]
    fn highlight_marks_original_text() {
        let text = "Gdańsk and GDANSK, Iași";
        let ranges = highlight(text, &search_words("gdansk iasi"));
        let marked: Vec<&str> = ranges.iter().map(|(s, e)| &text[*s..*e]).collect();
        assert_eq!(marked, vec!["Gdańsk", "GDANSK", "Iași"]);
        assert!(highlight("abc", &[]).is_empty());
    }
}
