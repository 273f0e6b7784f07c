//! Finding a time zone from what a visitor types in the zone field: the IANA
//! id in any case ("america/bogota"), its city alone in any case and with or
//! without accents ("Bogota", "bogotá", "Kolkata", "new york", "port-of-spain"),
//! an entry of the picker's list typed or pasted whole ("Bucharest (GMT+2)"),
//! or the start of a city name that only one zone has ("kolk").
//!
//! The caller tries the text as an id the browser knows first (aliases such
//! as `Asia/Calcutta` included); this reads the rest against the browser's
//! list of zones.

use crate::filter::fold;
use crate::time::zone_city;

/// The shortest start of a city name that is looked up as a prefix: two
/// letters match too many cities to be meant.
const MIN_PREFIX: usize = 3;

/// Folded (case and diacritics) with `_`, `-` and runs of spaces as one space.
fn key(text: &str) -> String {
    let folded = fold(text);
    let spaced: String = folded.chars().map(|c| if c == '_' || c == '-' { ' ' } else { c }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The zone of `zones` (IANA ids) that `typed` names, if exactly one does at
/// the first rule that matches: the id, then the city, then a unique prefix
/// of a city. `None` when nothing or more than one zone fits.
pub fn find_zone<'a>(typed: &str, zones: &'a [String]) -> Option<&'a str> {
    // "Bucharest (GMT+2)": the picker's own label for a zone.
    let typed = match typed.trim().rsplit_once(" (") {
        Some((name, rest)) if rest.ends_with(')') => name,
        _ => typed.trim(),
    };
    let wanted = key(typed);
    if wanted.is_empty() {
        return None;
    }
    let one = |mut found: Vec<&'a String>| {
        found.dedup();
        (found.len() == 1).then(|| found[0].as_str())
    };
    let by_id: Vec<&String> = zones.iter().filter(|z| key(z) == wanted).collect();
    if !by_id.is_empty() {
        return one(by_id);
    }
    let city = |z: &String| key(&zone_city(z));
    let by_city: Vec<&String> = zones.iter().filter(|z| city(z) == wanted).collect();
    if !by_city.is_empty() {
        return one(by_city);
    }
    if wanted.chars().count() < MIN_PREFIX || wanted.contains('/') {
        return None;
    }
    one(zones.iter().filter(|z| city(z).starts_with(&wanted)).collect())
}

// ------------------------------------------------------ nearest names
// For a name written wrong in a feed or a calendar file (the feed check's
// "did you mean", the importer's guess at a mistyped TZID).

/// Longer values get no "did you mean": an edit distance costs the product
/// of the lengths, and nothing that long was a typo of a short name.
pub const MAX_SUGGEST_CHARS: usize = 64;

/// Optimal string alignment distance (edits, adjacent swaps counted once), by characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut rows = vec![(0..=b.len()).collect::<Vec<usize>>()];
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (rows[i - 1][j] + 1).min(row[j - 1] + 1).min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(rows[i - 2][j - 2] + 1);
            }
        }
        rows.push(row);
    }
    rows[a.len()][b.len()]
}

/// The candidates within `max` edits of `typed` (case aside), nearest first.
pub fn nearest<'c>(typed: &str, candidates: impl Iterator<Item = &'c str>, max: usize) -> Vec<&'c str> {
    if typed.chars().count() > MAX_SUGGEST_CHARS {
        return Vec::new();
    }
    let typed = typed.to_lowercase();
    let mut found: Vec<(usize, &str)> =
        candidates.map(|c| (edit_distance(&typed, &c.to_lowercase()), c)).filter(|(d, _)| *d <= max).collect();
    found.sort();
    found.into_iter().map(|(_, c)| c).collect()
}

/// A zone name folded for comparison, `_`, `-` and spaces alike.
fn zone_key(name: &str) -> String {
    crate::filter::fold(name).chars().map(|c| if c == '_' || c == '-' { ' ' } else { c }).collect()
}

/// Up to three names of `zones` nearest to the unknown `zone`: the one it
/// names in another case or by its city alone (`zone_search::find_zone`),
/// else the nearest within a few edits of it or of its city
/// ("Europe/Bucuresti" → "Europe/Bucharest"). None for offsets ("UTC+2"),
/// which no name is near.
pub fn nearest_zones(zone: &str, zones: &[String]) -> Vec<String> {
    if let Some(found) = find_zone(zone, zones) {
        return vec![found.to_owned()];
    }
    if zone.chars().any(|c| c.is_ascii_digit()) || zone.chars().count() > MAX_SUGGEST_CHARS {
        return Vec::new();
    }
    let typed = zone_key(zone.trim());
    let typed_city = typed.rsplit('/').next().unwrap_or(&typed).to_owned();
    let max = (typed_city.chars().count() / 3).clamp(1, 3);
    let region = typed.split_once('/').map(|(r, _)| r.to_owned());
    let mut found: Vec<(usize, bool, &String)> = zones
        .iter()
        .filter_map(|z| {
            let key = zone_key(z);
            let city = key.rsplit('/').next().unwrap_or(&key);
            let d = edit_distance(&typed, &key).min(edit_distance(&typed_city, city));
            let other_region = region.as_deref().is_some_and(|r| !key.starts_with(&format!("{r}/")));
            (d <= max).then_some((d, other_region, z))
        })
        .collect();
    found.sort();
    found.dedup_by(|a, b| a.2 == b.2);
    // Only the nearest: a farther name is rarely what was meant.
    let best = found.first().map(|f| f.0);
    found.into_iter().filter(|f| Some(f.0) == best).take(3).map(|(_, _, z)| z.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zones() -> Vec<String> {
        [
            "America/Argentina/Buenos_Aires",
            "America/Bogota",
            "America/New_York",
            "America/North_Dakota/New_Salem",
            "America/Port_of_Spain",
            "America/Santiago",
            "America/Sao_Paulo",
            "Asia/Kolkata",
            "Asia/Kuala_Lumpur",
            "Asia/Kuching",
            "Australia/Lord_Howe",
            "Europe/Bucharest",
            "Europe/Budapest",
            "UTC",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn a_zone_is_found_by_what_a_visitor_types() {
        let zones = zones();
        let cases: &[(&str, Option<&str>)] = &[
            // The id, in any case, with spaces around.
            ("America/Bogota", Some("America/Bogota")),
            ("  america/bogota ", Some("America/Bogota")),
            ("utc", Some("UTC")),
            // The city alone, in any case, accents, spaces for underscores.
            ("Bogota", Some("America/Bogota")),
            ("bogotá", Some("America/Bogota")),
            ("BOGOTÁ", Some("America/Bogota")),
            ("Kolkata", Some("Asia/Kolkata")),
            ("new york", Some("America/New_York")),
            ("New_York", Some("America/New_York")),
            ("port-of-spain", Some("America/Port_of_Spain")),
            ("São Paulo", Some("America/Sao_Paulo")),
            ("buenos aires", Some("America/Argentina/Buenos_Aires")),
            ("Lord Howe", Some("Australia/Lord_Howe")),
            // The picker's own label, typed or pasted.
            ("Bucharest (GMT+2)", Some("Europe/Bucharest")),
            ("Kolkata (GMT+5:30)", Some("Asia/Kolkata")),
            // A start only one city has.
            ("kolk", Some("Asia/Kolkata")),
            ("santia", Some("America/Santiago")),
            // A start several cities share, or too short: not a guess.
            ("bu", None),
            ("buda", Some("Europe/Budapest")),
            ("buc", Some("Europe/Bucharest")),
            ("ku", None),
            ("kuc", Some("Asia/Kuching")),
            ("new", None),
            // A city that is exactly a name is preferred to a longer one.
            ("new salem", Some("America/North_Dakota/New_Salem")),
            // Nothing there.
            ("", None),
            ("   ", None),
            ("Atlantis", None),
            ("Europe/Atlantis", None),
            ("America/Bog", None),
        ];
        for (typed, want) in cases {
            assert_eq!(find_zone(typed, &zones), *want, "{typed:?}");
        }
    }

    #[test]
    fn two_zones_with_one_city_name_are_not_a_guess() {
        let zones = ["Asia/Example", "Europe/Example"].map(String::from).to_vec();
        assert_eq!(find_zone("example", &zones), None);
        assert_eq!(find_zone("europe/example", &zones), Some("Europe/Example"));
    }
}
