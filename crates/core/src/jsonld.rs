//! schema.org `Event` as JSON-LD, so search engines and assistants read the
//! event page the way a visitor does.

use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};

use crate::feed::{Event, EventStatus, Feed, Format, RegistrationStatus, When};
use crate::registration::{self, Phase};
use crate::time::{iso_in_zone, ZoneRules};

/// The JSON-LD text for `event`, safe to place inside a `<script>` element
/// (`<` is escaped, so no `</script>` can appear).
pub fn event_json_ld(
    event: &Event,
    feed: &Feed,
    rules: &dyn ZoneRules,
    lang: &str,
    page_url: &str,
    now: DateTime<Utc>,
) -> String {
    let pick = |t: &crate::feed::Text| t.pick(lang, &event.languages).map(|p| p.text.to_owned());
    // Instants in the event's own zone (the venue's), else UTC.
    let zone = event.zone.as_deref().unwrap_or("UTC");
    let instant = |t: DateTime<Utc>| iso_in_zone(rules, zone, t).unwrap_or_else(|| crate::time::iso_utc(t));
    let (start, end) = match event.when {
        When::Timed { start, end } => (instant(start), instant(end)),
        When::AllDay { first, last } => (first.to_string(), last.to_string()),
    };
    let mut ld = Map::new();
    ld.insert("@context".into(), json!("https://schema.org"));
    ld.insert("@type".into(), json!("Event"));
    ld.insert("name".into(), json!(pick(&event.title).unwrap_or_else(|| event.id.clone())));
    if let Some(d) = pick(&event.summary).or_else(|| pick(&event.description)) {
        ld.insert("description".into(), json!(d));
    }
    ld.insert("startDate".into(), json!(start));
    ld.insert("endDate".into(), json!(end));
    ld.insert("eventStatus".into(), json!(schema(status_name(event.status))));
    ld.insert(
        "eventAttendanceMode".into(),
        json!(schema(match event.format {
            Format::Online => "OnlineEventAttendanceMode",
            Format::InPerson => "OfflineEventAttendanceMode",
            Format::Hybrid => "MixedEventAttendanceMode",
        })),
    );
    match event.languages.as_slice() {
        [] => {}
        [one] => {
            ld.insert("inLanguage".into(), json!(one));
        }
        many => {
            ld.insert("inLanguage".into(), json!(many));
        }
    }
    let mut locations = Vec::new();
    if event.format != Format::Online {
        if let Some(v) = &event.venue {
            let mut address = Map::new();
            address.insert("@type".into(), json!("PostalAddress"));
            let fields = [("streetAddress", &v.address), ("addressLocality", &v.city), ("addressCountry", &v.country)];
            for (key, value) in fields {
                if let Some(value) = value {
                    address.insert(key.into(), json!(value));
                }
            }
            let name = v.name.pick(lang, &event.languages).map(|p| p.text.to_owned());
            locations.push(json!({ "@type": "Place", "name": name.or_else(|| v.city.clone()), "address": address }));
        }
    }
    if event.format != Format::InPerson {
        let url = event.online_url.as_deref().or(event.url.as_deref()).unwrap_or(page_url);
        locations.push(json!({ "@type": "VirtualLocation", "url": url }));
    }
    ld.insert("location".into(), one_or_many(locations));
    let organizations = |ids: &[String]| -> Vec<Value> {
        ids.iter()
            .filter_map(|id| feed.organization(id))
            .map(|o| {
                let mut org = json!({ "@type": "Organization", "name": o.name.pick(lang, &[]).map(|p| p.text) });
                if let Some(url) = &o.url {
                    org["url"] = json!(url);
                }
                org
            })
            .collect()
    };
    let organizers = organizations(&event.organizers);
    if !organizers.is_empty() {
        ld.insert("organizer".into(), one_or_many(organizers));
    }
    let partners = organizations(&event.partners);
    if !partners.is_empty() {
        ld.insert("sponsor".into(), one_or_many(partners));
    }
    let performers: Vec<Value> = event
        .people
        .iter()
        .map(|p| {
            let mut person = json!({ "@type": "Person", "name": p.name });
            if let Some(title) = p.position.pick(lang, &event.languages) {
                person["jobTitle"] = json!(title.text);
            }
            if let Some(org) = &p.organization {
                person["affiliation"] = json!({ "@type": "Organization", "name": org });
            }
            person
        })
        .collect();
    if !performers.is_empty() {
        ld.insert("performer".into(), one_or_many(performers));
    }
    if let Some(reg) = &event.registration {
        let phase = registration::state(event, now).phase;
        let mut offer = json!({
            "@type": "Offer",
            "url": reg.url.as_deref().unwrap_or(page_url),
            "availability": schema(match phase {
                Phase::Full => "SoldOut",
                Phase::NotYetOpen { .. } => "PreOrder",
                Phase::Closed => "Discontinued",
                _ => "InStock",
            }),
        });
        if reg.free == Some(true) {
            offer["price"] = json!("0");
            offer["priceCurrency"] = json!("EUR");
        }
        if let Some(opens) = reg.opens {
            offer["validFrom"] = json!(instant(opens));
        }
        if let Some(closes) = reg.closes {
            offer["validThrough"] = json!(instant(closes));
        }
        if let (Some(capacity), None | Some(RegistrationStatus::Open)) = (reg.capacity, reg.status) {
            ld.insert("maximumAttendeeCapacity".into(), json!(capacity));
        }
        ld.insert("offers".into(), offer);
        if reg.free == Some(true) {
            ld.insert("isAccessibleForFree".into(), json!(true));
        }
    }
    if let Some(url) = &event.recording_url {
        ld.insert("recordedIn".into(), json!({ "@type": "CreativeWork", "url": url }));
    }
    ld.insert("url".into(), json!(page_url));
    if let Some(url) = &event.url {
        ld.insert("sameAs".into(), json!(url));
    }
    serde_json::to_string(&Value::Object(ld)).unwrap_or_default().replace('<', "\\u003c")
}

fn status_name(status: EventStatus) -> &'static str {
    match status {
        EventStatus::Scheduled => "EventScheduled",
        EventStatus::Cancelled => "EventCancelled",
        EventStatus::Postponed => "EventPostponed",
        EventStatus::Rescheduled => "EventRescheduled",
        EventStatus::MovedOnline => "EventMovedOnline",
    }
}

fn schema(name: &str) -> String {
    format!("https://schema.org/{name}")
}

fn one_or_many(mut values: Vec<Value>) -> Value {
    if values.len() == 1 {
        values.remove(0)
    } else {
        Value::Array(values)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::Venue;
    use crate::tzdb::Tzdb;

    #[test]
    fn hybrid_event_has_a_place_and_a_virtual_location_and_local_offsets() {
        let mut event = Event::new(
            "x",
            "</script><b>",
            When::Timed {
                start: "2020-12-04T15:00:00Z".parse().unwrap(),
                end: "2020-12-04T17:00:00Z".parse().unwrap(),
            },
        );
        event.zone = Some("Europe/Brussels".into());
        event.format = Format::Hybrid;
        event.languages = vec!["en".into(), "fr".into()];
        event.venue = Some(Venue { city: Some("Brussels".into()), country: Some("BE".into()), ..Default::default() });
        event.online_url = Some("https://stream.example/x".into());
        let text =
            event_json_ld(&event, &Feed::default(), &Tzdb, "en", "https://cal.example/?event=x", DateTime::UNIX_EPOCH);
        assert!(!text.contains('<'));
        let ld: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(ld["name"], "</script><b>");
        assert_eq!(ld["startDate"], "2020-12-04T16:00:00+01:00");
        assert_eq!(ld["endDate"], "2020-12-04T18:00:00+01:00");
        assert_eq!(ld["eventAttendanceMode"], "https://schema.org/MixedEventAttendanceMode");
        assert_eq!(ld["eventStatus"], "https://schema.org/EventScheduled");
        assert_eq!(ld["inLanguage"], json!(["en", "fr"]));
        assert_eq!(ld["location"][0]["@type"], "Place");
        assert_eq!(ld["location"][0]["address"]["addressLocality"], "Brussels");
        assert_eq!(ld["location"][1], json!({ "@type": "VirtualLocation", "url": "https://stream.example/x" }));
    }
}
