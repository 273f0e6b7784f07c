## Citycal interface, English. Every id here must exist in es/ and ro/ with the
## same variables (checked by crates/core/tests/i18n.rs).

app-title = Citycal — events from city networks
app-heading = City network events
loading = Loading events…
retry = Try again
loading-view = Loading this view…
view-load-error = This part of the calendar could not be loaded. Check your connection and try again.
language-load-error = The words for { $language } could not be loaded. Check your connection and try again.

## Whole-feed failures
feed-error-heading = The events could not be loaded
config-error = The site configuration (config.json) could not be read. Please tell the site’s webmaster.
feed-error-network = The events could not be reached. Check your connection and try again.
feed-error-http = The events server answered with an error (HTTP { $status }).

## The list of events
upcoming-heading = Upcoming events
past-heading = Past events
show-past = Show past events
show-upcoming = Show upcoming events
no-upcoming = There are no upcoming events.
no-past = There are no past events.
event-count = { PLURAL($count) ->
    [one] { $count } event
   *[other] { $count } events
}
preferences-summary = Times in { $zone } · { $language }
preferences-change = (change the time zone or language)
all-day = All day
approximate-time = time to be confirmed
approximate-date = date to be confirmed
venue-time = { $time } ({ $city } time)
venue-time-zone = { $time } ({ $zone })
held-in = Language: { $languages }
organized-by = Organized by { $names }
only-in = Only available in { $language }
watch-recording = Watch the recording

format-online = Online
format-in-person = In person
format-hybrid = Hybrid

status-cancelled = Cancelled
status-postponed = Postponed
status-rescheduled = Rescheduled
status-moved-online = Moved online

## Registration
reg-not-yet-open = Registration opens on { $date }
reg-open = Registration open
reg-open-until = Registration open until { $date }
reg-closing-soon = Registration closes { $when }: { $date }
reg-closed = Registration closed
reg-full = Fully booked
reg-external = Register on the organizer’s site

## Navigation and views
calendar-navigation = Calendar navigation
choose-view = Choose a view
view-month = Month
view-week = Week
view-day = Day
view-list = List
today = Today
previous-month = Previous month
next-month = Next month
previous-week = Previous week
next-week = Next week
previous-day = Previous day
next-day = Next day
jump-to-date = Go to date
list-from = From { $date }
more-events = +{ $count } more
earlier-events = { PLURAL($count) ->
    [one] { $count } earlier event
   *[other] { $count } earlier events
}
later-events = { PLURAL($count) ->
    [one] { $count } later event
   *[other] { $count } later events
}
show-more = Show more events
no-events-month = There are no events this month.
no-events-week = There are no events this week.
no-events-day = There are no events on this day.
next-events-day = Next events: { $date }
link-issue = The link’s “{ $param }={ $value }” was not understood and was ignored.
dismiss = Dismiss

## Language and time zone
language-self-name = English
language-label = Language
time-zone-label = Time zone
zone-unknown = “{ $zone }” names no time zone Citycal knows. Type a city, such as “Bogotá” or “Bucharest”, or pick one from the list.
use-device-zone = Use this device’s time zone
link-unknown-zone = The link asks for the time zone “{ $zone }”, which does not exist; times are shown in { $shown } instead.
ends-next-day = ends the next day
happening-now = happening now

## Search and filters
search-label = Search events
search-placeholder = Search: title, speaker, organizer, place…
filters-heading = Filters
facet-theme = Theme
facet-spoken = Language spoken
facet-format = Format
facet-country = Country
facet-city = City
facet-source = Published by
facet-org = Organizer
facet-series = Series
period-label = When
period-any = Any time
period-upcoming = Upcoming
period-week = This week
period-month = This month
period-recorded = Past, with a recording
date-from = From
date-to = To
hours-label = Time of day, in your time zone:
hours-from = between
hours-to = and
range-start-date-crossed = The start date is not applied: it is after the end date.
range-end-date-crossed = The end date is not applied: it is before the start date.
range-start-time-crossed = The start time is not applied: it must be before the end time.
range-end-time-crossed = The end time is not applied: it must be after the start time.
range-date-malformed = This is not a date: write it as YYYY-MM-DD.
range-hours-malformed = This is not a time: write it as HH:MM, 24-hour.
chip-from = from { $date }
chip-to = until { $date }
chip-hours = { $from }–{ $to } your time
chip-search = Search: { $text }
remove-filter = Remove filter: { $filter }
clear-filters = Clear all filters
filters-match = { PLURAL($count) ->
    [one] { $count } event matches
   *[other] { $count } events match
}
filters-match-upcoming = { PLURAL($count) ->
    [one] { $count } upcoming event matches
   *[other] { $count } upcoming events match
}
filters-match-past = { PLURAL($count) ->
    [one] { $count } past event matches
   *[other] { $count } past events match
}
subscribe-view = Subscribe to this view
show-events = { PLURAL($count) ->
    [one] Show { $count } event
   *[other] Show { $count } events
}
no-matches = No event matches these filters.
drop-suggestion = { PLURAL($count) ->
    [one] Remove “{ $filter }” to see { $count } event
   *[other] Remove “{ $filter }” to see { $count } events
}
link-copied = Link copied.
