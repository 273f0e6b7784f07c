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
feed-error-too-large = The events file is too large ({ $megabytes } MB); the limit is 32 MB.
feed-error-not-json = The events file is not valid JSON (line { $line }, column { $column }).
feed-error-not-a-feed = The events file is not a Citycal feed (problem at “{ $path }”).
feed-error-version = The events file uses a format version Citycal does not know ({ $found }).

## Problems with single events
skipped-notice = { PLURAL($count) ->
    [one] One event could not be shown because of errors in the feed.
   *[other] { $count } events could not be shown because of errors in the feed.
}
ignored-notice = { PLURAL($count) ->
    [one] One detail in the feed was ignored because it was not valid.
   *[other] { $count } details in the feed were ignored because they were not valid.
}
issues-details = Show details
problem-missing = the field “{ $field }” is missing
problem-wrong-type = the value does not have the expected type
problem-empty = the value is empty
problem-bad-id = the id is not valid
problem-duplicate-id = the id “{ $id }” is used more than once
problem-bad-date = not a valid date or time: “{ $value }”
problem-unknown-zone = unknown time zone: “{ $zone }”
problem-no-zone = the time has no time zone (“timeZone”)
problem-end-before-start = the end is before the start
problem-unknown-reference = { $kind ->
    [theme] unknown theme: “{ $id }”
    [organization] unknown organization: “{ $id }”
   *[series] unknown series: “{ $id }”
}
problem-bad-url = link not allowed (only http and https): “{ $value }”
problem-bad-language = not a valid language code: “{ $value }”

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
times-in-zone = Times are shown in your time zone: { $zone }.
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

## The event page
back-to-calendar = ← Back to the calendar
event-not-found = This event is not in the calendar (any more).
download-ics = Add to calendar (.ics)
google-calendar = Add to Google Calendar
copy-link = Copy link
link-copied = Link copied.
copy-by-hand = Copy this link:
detail-about = About
detail-agenda = Programme
detail-people = Speakers
detail-where = Where
detail-organizers = Organizers
detail-partners = Partners
detail-themes = Themes
detail-audience = For
detail-series = Part of the series
detail-sessions = Sessions of this event
detail-session-of = Session { $number } of { $total }
online-link = Join online
event-website = The organizer’s page for this event
places-left = { PLURAL($count) ->
    [one] { $count } place left
   *[other] { $count } places left
}
free-of-charge = Free
role-speaker = speaker
role-moderator = moderator
role-host = host
role-keynote = keynote speaker
role-panelist = panelist
role-facilitator = facilitator

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
no-matches = No event matches these filters.
drop-suggestion = { PLURAL($count) ->
    [one] Remove “{ $filter }” to see { $count } event
   *[other] Remove “{ $filter }” to see { $count } events
}

## Registration form
reg-form-heading = Register
reg-required-note = Fields marked * are required.
reg-name = Name
reg-email = Email
reg-organization = Organization
reg-city = City
reg-country = Country
reg-country-none = (not given)
reg-consent-processing = I agree that the organizer processes these details to handle my registration.
reg-privacy = Privacy notice
reg-consent-news = Send me news about future events (optional).
reg-submit = Register
reg-try-again = Try again
reg-sending = Sending your registration…
reg-sending-again = Sending again (attempt { $attempt })…
reg-waiting = The connection failed; trying again in { $seconds } s. Your details are kept.
reg-already = You are already registered for this event with this email address.
reg-gone-full = Sorry, the event is now full.
reg-gone-not-open = Registration is not open yet.
reg-gone-closed = Sorry, registration has closed.
reg-failed-status = The registration server refused the request (HTTP { $status }). Your details are kept; please try again, or contact the organizer.
reg-failed = Your registration could not be sent. Your details are kept on this device; please try again.
reg-error-required = Please fill this in.
reg-error-too-long = This is too long.
reg-error-email = Please enter an email address like name@example.org.
reg-error-country = Please choose a country from the list.
reg-error-option = Please choose one of the options.
reg-done-heading = You are registered
reg-done-id = Your registration number: { $id }
reg-done-when = The event starts { $date } (your time).
reg-done-next = The organizer will write to you before the event. Add it to your calendar with the buttons above.

## Embed builder
builder-heading = Put this calendar on your website
builder-intro = Choose what your visitors see, check the preview, then copy one of the snippets into your page (see docs/embedding.md).
builder-view = View
builder-accent = Accent colour
builder-snippets = Snippets
builder-script = Script embed (recommended)
builder-iframe = Iframe embed
builder-preview = Preview
copy-snippet = Copy
