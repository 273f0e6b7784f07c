### The feed check for organizers (citycal check; crates/core/src/check.rs,
### docs/feed-check.md): what is wrong with a feed and how to fix it.
### Not part of the app: only the check reads this file.
### Values from the feed ($value, $id, $zone…) are shown as the feed has them;
### $field, $list, $allowed, $suggestion and $code are feed v1's own words
### (field names, allowed values, codes): never translate them.

## Around the findings

check-error = error
check-warning = warning
check-fix = How to fix
# $id: the event's id; $title: its title in the reader's language (or another).
check-event = event { $id } “{ $title }”
check-event-untitled = event { $id }
# $number: the event's position in the feed's events list, from 1.
check-event-no-id = event number { $number } (no id) “{ $title }”
check-event-unnamed = event number { $number } (no id, no title)
check-no-problems = No problems: { $events } events checked.
check-unusable = The document cannot be read as a feed; nothing else was checked.
check-errors = { PLURAL($count) ->
    [one] { $count } error
   *[other] { $count } errors
}
check-warnings = { PLURAL($count) ->
    [one] { $count } warning
   *[other] { $count } warnings
}
# $count: events in the feed; $shown: those the calendar shows.
check-events-read = { PLURAL($count) ->
    [one] { $count } event in the feed, { $shown } shown.
   *[other] { $count } events in the feed, { $shown } shown.
}
# $source: the file or address given; $reason: the system's own words.
check-cannot-read = Cannot read { $source }: { $reason }

## The whole document

check-too-large = The feed is { $megabytes } MB; Citycal reads feeds of up to { $max } MB.
check-too-large-fix = Leave out events long past, or split the feed (one per year, one per partner).
check-not-utf8 = The feed is not UTF-8 text.
check-not-utf8-fix = Save the file as UTF-8 (in most editors: “Save as”, then the encoding).
check-not-json = The feed is not valid JSON: the first problem is at line { $line }, column { $column }.
check-not-json-fix = Look there for a missing comma or quote, a comma before a closing bracket, or a comment (JSON has none).
check-not-a-feed = The document is JSON, but not shaped like a feed at this place.
check-not-a-feed-fix = A feed is one object with "version": 1 and a list of "events", as in docs/feed.md.
check-unsupported-version = The feed says it is version { $found }; this Citycal reads version 1.
check-unsupported-version-fix = Write "version": 1 at the top level of the feed.

## The reader's problems: the event or the part is left out

check-missing = { $field } is missing.
check-missing-fix = { $field ->
    [id] Give the event an id: short, unique in the feed, never changed (links use it).
    [title] Give the event a title in at least one language.
    [start] Give the event a start: a date and time such as 2027-03-20T18:30, or a date with "allDay": true.
    [end] Give the event an end, or mark it "allDay": true if it lasts whole days.
    [format] Add "format": "online", "in_person" or "hybrid".
   *[other] Add { $field }: see docs/feed.md for what it holds.
}
check-wrong-type = { $field } has a value of the wrong kind: { $value }.
check-wrong-type-fix = { $expected ->
    [string] Write it as a string, in quotes.
    [text] Write it as text: a string, or one string per language such as "en": "…", "es": "…".
    [boolean] Write true or false, without quotes.
    [whole-number] Write a whole number (0 or more), without quotes.
    [strings] Write a list of strings: ["a", "b"].
    [list] Write a list: […].
    [object] Write an object: with its fields in braces.
   *[other] Check the field against docs/feed.md.
}
check-unknown-value = { $field } is “{ $value }”, which is not one of the values Citycal knows.
check-unknown-value-fix = Write one of { $allowed }.
check-unknown-value-fix-nearest = Write "{ $suggestion }" (the values are { $allowed }).
check-empty = { $field } is empty.
check-empty-fix = Fill it in, or leave the field out.
check-bad-id = The id “{ $value }” cannot be used: an id has 1 to 200 characters and no line breaks or tabs.
check-bad-id-fix = Use a short id that never changes, such as "urban-dialogues-2027": it appears in links.
check-duplicate-id = The id “{ $id }” is already used by { $first }.
check-duplicate-id-fix = Give each its own id. Links name events by id, so change the one that was published last.
check-bad-date = “{ $value }” is not a date and time Citycal can read.
check-bad-date-fix = Write a wall-clock time in the event’s timeZone, 2027-03-20T18:30, or a time with its offset, 2027-03-20T18:30:00+01:00; for whole days, a date, 2027-03-20, with "allDay": true.
check-bad-date-fix-nearest = Write { $suggestion }.
check-date-without-time = “{ $value }” is a date without a time, and the event is not marked all-day.
check-date-without-time-fix = If the event takes whole days, add "allDay": true (its end is then the last day, inclusive); if not, add the time: { $value }T18:30.
check-deadline-without-time = “{ $value }” is a date without a time.
check-deadline-without-time-fix = Add the time, for example { $suggestion }.
check-time-on-all-day = “{ $value }” has a time, but the event is all-day: its start and end are dates.
check-time-on-all-day-fix = Write { $date }, or remove "allDay": true if the event has times.
check-unknown-zone = There is no time zone “{ $zone }”.
check-unknown-zone-fix = Write the zone’s IANA name, Region/City, such as Europe/Bucharest or America/Bogota.
check-unknown-zone-fix-nearest = Did you mean { $suggestions }? Zones are IANA names, Region/City.
check-no-zone = “{ $value }” is a wall-clock time, but the event has no timeZone to place it in.
check-no-zone-fix = Add "timeZone" with the venue’s zone (Europe/Madrid), or write the time with its offset: 2027-03-20T18:30:00+01:00.
check-end-before-start = The event ends ({ $end }) before it starts ({ $start }).
check-end-before-start-fix = Check the day, month and year of the end; an event that ends after midnight ends the next day.
check-unknown-reference = { $kind ->
    [theme] No theme has the id “{ $id }”.
    [organization] No organization has the id “{ $id }”.
    [source] No source has the id “{ $id }”.
   *[other] No series has the id “{ $id }”.
}
check-unknown-reference-fix = Declare “{ $id }” in the feed’s { $list } list, or use an id declared there.
check-unknown-reference-fix-nearest = Did you mean "{ $suggestion }"? If not, declare “{ $id }” in the feed’s { $list } list.
check-bad-url = “{ $value }” is not a web address (http or https), so it is not shown.
check-bad-url-fix = Write the whole address, starting with https://.
check-bad-language = “{ $value }” is not a language tag.
check-bad-language-fix = Use a BCP 47 tag: en, es, ro, pt-BR.
check-bad-colour = “{ $value }” is not a colour Citycal can read.
check-bad-colour-fix = Write it as #rrggbb or #rgb, such as #0f766e.

## The organizers' own checks: shown, but probably not as meant

check-html = This text contains HTML ({ $tags }). Text is shown as typed, so visitors see the tags.
check-html-fix = Write plain text: separate paragraphs with an empty line, and give links in the event’s url or onlineUrl.
check-country-name = “{ $value }” is not a country code: countries are written as ISO 3166-1 two-letter codes.
check-country-name-fix = Write "{ $code }".
check-unknown-country = “{ $value }” is not an ISO 3166-1 two-letter country code.
check-unknown-country-fix = Write the country’s two-letter code in capitals: RO for Romania, ES for Spain, GB for the United Kingdom.
check-time-in-gap = { $value } does not exist in { $zone }: the clocks jump { $minutes } min forward then, so the calendar shows { $becomes }.
check-time-in-gap-fix = Check the time. If it is right, write { $becomes }; if you meant another moment, give it with its UTC offset.
check-zero-length = The event ends when it starts ({ $start }).
check-zero-length-fix = Set its end to when it finishes. If its start falls in a daylight-saving gap, see that warning first.
check-too-long = { PLURAL($days) ->
    [one] The event lasts { $days } day at set times; timed events longer than { $max } days are usually a wrong end.
   *[other] The event lasts { $days } days at set times; timed events longer than { $max } days are usually a wrong end.
}
check-too-long-fix = Check the end’s month and year. For a period of whole days use "allDay": true with dates; for meetings that repeat, one event per meeting in a "sessions" series.
check-past-registration-open = The event is over (it ended { $end }), but its registration says it is open.
check-past-registration-open-fix = Set registration.status to "closed", or give registration.closes a time before the event, or remove registration.


## The document is not a feed

check-empty-document = The file is empty.
check-empty-document-fix = If it came from an address, the server sent nothing: open the address in a browser and check that it shows the file. A feed is a JSON object with at least "version": 1 and "events": []; a calendar export starts with BEGIN:VCALENDAR.
check-web-page = This is a web page (HTML), not a feed.
check-web-page-fix = The address leads to a page (a sign-in page, an error, a preview of the file) rather than to the file itself: open it in a browser and copy the address of the file (for a calendar, its public iCal or .ics address; on GitHub, the “Raw” button).

## An iCalendar (.ics) file: what reading it met, before the feed it becomes is checked.
## $detail: the value concerned as the file has it; $title: the event’s SUMMARY.

# $line: a line number of the file.
check-line = line { $line }
check-ics-event = “{ $title }”
check-ics-bad-line = “{ $detail }” is not an iCalendar line (NAME:value), so it was skipped.
check-ics-bad-line-fix = A line that goes on must start with a space. Mail programs and editors sometimes break long lines: export the file again instead of copying it.
check-ics-unknown-zone = There is no time zone “{ $detail }”: the calendar’s own zone (or UTC) was used, so the times may be wrong.
check-ics-unknown-zone-fix = Give the event an IANA zone (Region/City, such as Europe/Bucharest), or set the calendar’s time zone in its settings and export again.
check-ics-unknown-zone-fix-nearest = Did you mean { $suggestion }? Write that as the TZID, or set the calendar’s time zone in its settings and export again.
check-ics-guessed-zone = There is no time zone “{ $detail }”: it was read as { $suggestion }, the nearest name, so check the times.
check-ics-guessed-zone-fix = If { $suggestion } is the zone meant, write it as the TZID (or set the calendar’s time zone in its settings) and export again.
check-ics-floating-time = A time without a zone, in a calendar without one: read as UTC.
check-ics-floating-time-fix = Set the calendar’s time zone in its settings (X-WR-TIMEZONE) and export again, or give the times a TZID.
check-ics-no-start = The event has no start that can be read (DTSTART), so it is not shown.
check-ics-no-start-fix = Give it a start date and time in the calendar, and export again.
check-ics-bad-value = “{ $detail }” cannot be read as a date or time, so it was ignored.
check-ics-bad-value-fix = Dates are written 20270320, times 20270320T183000 (or …Z for UTC); export the file again from the calendar rather than editing it.
check-ics-no-end = The event has no end (DTEND or DURATION): one hour is assumed, and shown as “to be confirmed”.
check-ics-no-end-fix = Give the event an end time in the calendar.
check-ics-unsupported-rule = This repeat rule cannot be expanded (“{ $detail }”): only the first date and any extra dates (RDATE) are shown.
check-ics-unsupported-rule-fix = Use a simpler repeat (daily, weekly, monthly or yearly, with days or dates), or list the dates one by one.
check-ics-time-in-gap = “{ $detail }” does not exist there (the clocks go forward): it is shown at the first time after the change.
check-ics-time-in-gap-fix = Move the event out of the hour the clocks skip.
check-ics-private = A private event (CLASS:PRIVATE or CONFIDENTIAL): not published.
check-ics-private-fix = Nothing to do if it is meant to be private; otherwise make it public in the calendar.
check-ics-unmapped-category = The category “{ $detail }” has no theme in the mapping, so it was left out.
check-ics-unmapped-category-fix = Add it to the categories file (citycal import --categories), or remove the category.
check-ics-bad-url = “{ $detail }” is not a web address (http or https), so it was left out.
check-ics-bad-url-fix = Write the full address, starting with https://.
check-ics-orphan-override = A changed date of a repeating event whose series is not in the file: shown on its own.
check-ics-orphan-override-fix = Export the whole calendar, not a part of it, so the series comes with its changes.
check-ics-this-and-future = A change made “for this and the following events”: only this one is changed here.
check-ics-this-and-future-fix = Split the series in the calendar (end the old one, start a new one) instead.
check-ics-no-title = The event has no title (SUMMARY): it is shown as “Untitled event”.
check-ics-no-title-fix = Give the event a title in the calendar.
check-ics-too-many-occurrences = The event repeats more often than the calendar keeps: only the first { $detail } dates are shown.
check-ics-too-many-occurrences-fix = End the repetition sooner, or split it into shorter series.
check-ics-not-utf8 = The file is not UTF-8: it was read as Windows-1252 (Western European), which may garble some letters.
check-ics-not-utf8-fix = Export the calendar as UTF-8 (most programs offer it when saving).
check-ics-unknown-property = “{ $detail }” is not something iCalendar has: probably the rest of a long line that a mail program or an editor broke, so that part of the text is lost.
check-ics-unknown-property-fix = Export the file again from the calendar instead of copying it through mail; a line that goes on must start with a space.

## The check page (check.html; src/ui/check.rs)

check-page-title = Check a feed
check-page-intro = For organizers: give your feed’s address (or your calendar’s .ics export) or choose the file, and read every problem with the event it is in, where it is and how to fix it. Visitors never see this list: the calendar shows the events it could read and one quiet line.
check-page-language = Language
check-page-url = Feed address
check-page-run = Check
check-page-file = Or choose a file
check-page-drop = You can also drop a feed file anywhere on this page.
check-page-checking = Checking…
# $source: the address or the file's name.
check-page-checked = Checked: { $source }
check-page-no-answer = { $url } did not answer, or does not let this page read it (CORS). Download the file and choose it here, or run: citycal check { $url }
check-page-http-status = { $url } answered with HTTP status { $status }.
check-page-file-unreadable = The file { $name } could not be read.
check-page-cli = The same check runs in a terminal or in a publisher’s CI: citycal check FEED (see docs/feed-check.md).
