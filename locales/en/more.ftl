## Citycal interface, English: the words the first screen does not need (the event page,
## its registration form, a feed's problems, the embed builder), fetched with the parts
## that use them (src/ui/catalog.rs). Checked with main.ftl by crates/core/tests/i18n.rs.

## The event page
back-to-calendar = ← Back to the calendar
event-not-found = This event is not in the calendar (any more).
download-ics = Add to calendar (.ics)
google-calendar = Add to Google Calendar
copy-link = Copy link
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
# The partner whose feed lists the event, in a network of feeds (event page).
published-by = Published by { $name }
places-left = { PLURAL($count) ->
    [one] { $count } place left
   *[other] { $count } places left
}
places-waitlist = Fully booked: the waitlist is open
places-waitlist-count = { PLURAL($count) ->
    [one] Fully booked: the waitlist is open, { $count } person waiting
   *[other] Fully booked: the waitlist is open, { $count } people waiting
}
reg-waitlist-heading = Join the waitlist
reg-waitlist-note = The event is full. Join the waitlist: if a place frees up, the organizer will write to you.
reg-waitlist-submit = Join the waitlist
reg-waitlisted-heading = You are on the waitlist
reg-waitlisted-position = You are number { $position } on the waitlist.
reg-waitlisted-next = If a place frees up, the organizer will write to you at the email you gave. You do not need to register again.
free-of-charge = Free
role-speaker = speaker
role-moderator = moderator
role-host = host
role-keynote = keynote speaker
role-panelist = panelist
role-facilitator = facilitator

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

## Problems with single events
skipped-notice = { PLURAL($count) ->
    [one] One event could not be shown because of errors in the feed.
   *[other] { $count } events could not be shown because of errors in the feed.
}
# A network's partners whose feeds could not be loaded ($names: their names, comma-separated).
sources-failed = The events of { $names } could not be loaded.
# The whole feed cannot be read: no reasons for visitors (the link after it is feed-check-link).
feed-broken = The file with this calendar’s events has errors, so no event can be shown.
# The link after skipped-notice, to the feed check page (check.html).
feed-check-link = For organizers: what to fix
# A network: before the links to the check page of each partner with something to fix (their names, comma-separated).
feed-check-in = For organizers: what to fix in
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
    [source] unknown source: “{ $id }”
   *[series] unknown series: “{ $id }”
}
problem-bad-url = link not allowed (only http and https): “{ $value }”
problem-bad-language = not a valid language code: “{ $value }”
problem-bad-colour = not a colour (#rrggbb): “{ $value }”

## Embed builder
builder-heading = Put this calendar on your website
builder-intro = Choose what your visitors see, check the preview, then copy one of the snippets into your page (see docs/embedding.md).
builder-view = View
builder-accent = Accent colour
builder-snippets = Snippets
builder-script = Script embed (recommended)
builder-iframe = Iframe embed
builder-preview = Preview
snippet-copied = Snippet copied.
builder-city-hint = Cities named in the feed are suggested as you type.
builder-city-unknown = No event in the feed names { $cities }: with it the calendar shows nothing. Pick a city from the suggestions.
copy-snippet = Copy

## A feed that cannot be read
feed-error-too-large = The events file is too large ({ $megabytes } MB); the limit is 32 MB.
feed-error-not-json = The events file is not valid JSON (line { $line }, column { $column }).
feed-error-not-a-feed = The events file is not a Citycal feed (problem at “{ $path }”).
feed-error-version = The events file uses a format version Citycal does not know ({ $found }).

## Subscribing to a view
subscribe-intro = Your calendar app adds the events of this view and keeps them up to date when the organizers change them.
subscribe-everything = Your calendar app adds every event of this calendar (without this view's filters) and keeps them up to date.
subscribe-open = Open in my calendar app
subscribe-google = Add to Google Calendar
subscribe-outlook = Add to Outlook.com
subscribe-address = Address to paste into any calendar app ("add calendar from URL"):
copy-address = Copy address
address-copied = Address copied.
copy-address-by-hand = Copying was refused: select the address above and copy it.
outlook-com = Add to Outlook.com
microsoft-365 = Add to Microsoft 365
