## Interfața Citycal, română.

app-title = Citycal — evenimente ale rețelelor de orașe
app-heading = Evenimente ale rețelelor de orașe
loading = Se încarcă evenimentele…
retry = Încercați din nou
loading-view = Se încarcă această vizualizare…
view-load-error = Această parte a calendarului nu a putut fi încărcată. Verificați conexiunea și încercați din nou.
language-load-error = Textele în { $language } nu au putut fi încărcate. Verificați conexiunea și încercați din nou.

## Erori ale întregului flux
feed-error-heading = Evenimentele nu au putut fi încărcate
config-error = Configurația site-ului (config.json) nu a putut fi citită. Vă rugăm să anunțați administratorul site-ului.
feed-error-network = Evenimentele nu au putut fi accesate. Verificați conexiunea și încercați din nou.
feed-error-http = Serverul de evenimente a răspuns cu o eroare (HTTP { $status }).
feed-error-too-large = Fișierul de evenimente este prea mare ({ $megabytes } MB); limita este de 32 MB.
feed-error-not-json = Fișierul de evenimente nu este un JSON valid (rândul { $line }, coloana { $column }).
feed-error-not-a-feed = Fișierul de evenimente nu este un flux Citycal (problemă la „{ $path }”).
feed-error-version = Fișierul de evenimente folosește o versiune de format pe care Citycal nu o cunoaște ({ $found }).

## Probleme ale unor evenimente
skipped-notice = { PLURAL($count) ->
    [one] Un eveniment nu poate fi afișat din cauza unor erori în flux.
    [few] { $count } evenimente nu pot fi afișate din cauza unor erori în flux.
   *[other] { $count } de evenimente nu pot fi afișate din cauza unor erori în flux.
}
ignored-notice = { PLURAL($count) ->
    [one] Un detaliu din flux a fost ignorat, deoarece nu era valid.
    [few] { $count } detalii din flux au fost ignorate, deoarece nu erau valide.
   *[other] { $count } de detalii din flux au fost ignorate, deoarece nu erau valide.
}
issues-details = Afișați detaliile
problem-missing = lipsește câmpul „{ $field }”
problem-wrong-type = valoarea nu are tipul așteptat
problem-empty = valoarea este goală
problem-bad-id = identificatorul nu este valid
problem-duplicate-id = identificatorul „{ $id }” este folosit de mai multe ori
problem-bad-date = dată sau oră nevalidă: „{ $value }”
problem-unknown-zone = fus orar necunoscut: „{ $zone }”
problem-no-zone = ora nu are un fus orar („timeZone”)
problem-end-before-start = sfârșitul este înaintea începutului
problem-unknown-reference = { $kind ->
    [theme] temă necunoscută: „{ $id }”
    [organization] organizație necunoscută: „{ $id }”
   *[series] serie necunoscută: „{ $id }”
}
problem-bad-url = link nepermis (doar http și https): „{ $value }”
problem-bad-language = cod de limbă nevalid: „{ $value }”

## Lista de evenimente
upcoming-heading = Evenimente viitoare
past-heading = Evenimente trecute
show-past = Afișați evenimentele trecute
show-upcoming = Afișați evenimentele viitoare
no-upcoming = Nu există evenimente viitoare.
no-past = Nu există evenimente trecute.
event-count = { PLURAL($count) ->
    [one] { $count } eveniment
    [few] { $count } evenimente
   *[other] { $count } de evenimente
}
times-in-zone = Orele sunt afișate în fusul dumneavoastră orar: { $zone }.
preferences-summary = Fus orar: { $zone } · { $language }
preferences-change = (schimbați fusul orar sau limba)
all-day = Toată ziua
approximate-time = ora urmează să fie confirmată
approximate-date = data urmează să fie confirmată
venue-time = { $time } (ora din { $city })
venue-time-zone = { $time } ({ $zone })
held-in = Limba: { $languages }
organized-by = Organizator: { $names }
only-in = Disponibil doar în { $language }
watch-recording = Urmăriți înregistrarea

format-online = Online
format-in-person = Cu participare fizică
format-hybrid = Hibrid

status-cancelled = Anulat
status-postponed = Amânat
status-rescheduled = Reprogramat
status-moved-online = Mutat online

## Înscriere
reg-not-yet-open = Înscrierile se deschid pe { $date }
reg-open = Înscrieri deschise
reg-open-until = Înscrieri deschise până pe { $date }
reg-closing-soon = Înscrierile se închid { $when }: { $date }
reg-closed = Înscrieri închise
reg-full = Toate locurile sunt ocupate
reg-external = Înscriere pe site-ul organizatorului

## Navigare și vizualizări
calendar-navigation = Navigare în calendar
choose-view = Alegeți o vizualizare
view-month = Lună
view-week = Săptămână
view-day = Zi
view-list = Listă
today = Azi
previous-month = Luna precedentă
next-month = Luna următoare
previous-week = Săptămâna precedentă
next-week = Săptămâna următoare
previous-day = Ziua precedentă
next-day = Ziua următoare
jump-to-date = Mergeți la o dată
list-from = De la { $date }
more-events = încă { $count }
earlier-events = { PLURAL($count) ->
    [one] { $count } eveniment mai devreme
    [few] { $count } evenimente mai devreme
   *[other] { $count } de evenimente mai devreme
}
later-events = { PLURAL($count) ->
    [one] { $count } eveniment mai târziu
    [few] { $count } evenimente mai târziu
   *[other] { $count } de evenimente mai târziu
}
show-more = Afișați mai multe evenimente
no-events-month = Nu există evenimente în această lună.
no-events-week = Nu există evenimente în această săptămână.
no-events-day = Nu există evenimente în această zi.
next-events-day = Următoarele evenimente: { $date }
link-issue = Parametrul „{ $param }={ $value }” din link nu a fost înțeles și a fost ignorat.
dismiss = Închideți

## Pagina evenimentului
back-to-calendar = ← Înapoi la calendar
event-not-found = Acest eveniment nu (mai) este în calendar.
download-ics = Adăugați în calendar (.ics)
google-calendar = Adăugați în Google Calendar
copy-link = Copiați linkul
link-copied = Linkul a fost copiat.
copy-by-hand = Copiați acest link:
detail-about = Despre eveniment
detail-agenda = Program
detail-people = Vorbitori
detail-where = Unde
detail-organizers = Organizatori
detail-partners = Parteneri
detail-themes = Teme
detail-audience = Se adresează
detail-series = Face parte din seria
detail-sessions = Sesiunile acestui eveniment
detail-session-of = Sesiunea { $number } din { $total }
online-link = Participați online
event-website = Pagina evenimentului pe site-ul organizatorului
places-left = { PLURAL($count) ->
    [one] A mai rămas { $count } loc
    [few] Au mai rămas { $count } locuri
   *[other] Au mai rămas { $count } de locuri
}
free-of-charge = Gratuit
role-speaker = vorbitor
role-moderator = moderator
role-host = gazdă
role-keynote = vorbitor principal
role-panelist = panelist
role-facilitator = facilitator

## Limbă și fus orar
language-self-name = Română
language-label = Limba
time-zone-label = Fusul orar
zone-unknown = „{ $zone }” nu corespunde niciunui fus orar cunoscut de Citycal. Scrieți un oraș, de exemplu „Bogotá” sau „Kolkata”, ori alegeți unul din listă.
use-device-zone = Folosiți fusul orar al acestui dispozitiv
link-unknown-zone = Linkul cere fusul orar „{ $zone }”, care nu există; orele sunt afișate în { $shown }.
ends-next-day = se termină a doua zi
happening-now = în desfășurare

## Căutare și filtre
search-label = Căutați evenimente
search-placeholder = Căutați: titlu, vorbitor, organizator, loc…
filters-heading = Filtre
facet-theme = Temă
facet-spoken = Limba evenimentului
facet-format = Format
facet-country = Țară
facet-city = Oraș
facet-org = Organizator
facet-series = Serie
period-label = Când
period-any = Oricând
period-upcoming = Viitoare
period-week = Săptămâna aceasta
period-month = Luna aceasta
period-recorded = Trecute, cu înregistrare
date-from = De la
date-to = Până la
hours-label = Ora din zi, în fusul dumneavoastră orar:
hours-from = între
hours-to = și
range-start-date-crossed = Data de început nu se aplică: este după data de sfârșit.
range-end-date-crossed = Data de sfârșit nu se aplică: este înaintea datei de început.
range-start-time-crossed = Ora de început nu se aplică: trebuie să fie înaintea orei de sfârșit.
range-end-time-crossed = Ora de sfârșit nu se aplică: trebuie să fie după ora de început.
range-date-malformed = Nu este o dată: scrieți-o ca AAAA-LL-ZZ.
range-hours-malformed = Nu este o oră: scrieți-o ca HH:MM, în format de 24 de ore.
chip-from = de la { $date }
chip-to = până la { $date }
chip-hours = { $from }–{ $to }, ora dumneavoastră
chip-search = Căutare: { $text }
remove-filter = Eliminați filtrul: { $filter }
clear-filters = Eliminați toate filtrele
filters-match = { PLURAL($count) ->
    [one] { $count } eveniment corespunde
    [few] { $count } evenimente corespund
   *[other] { $count } de evenimente corespund
}
no-matches = Niciun eveniment nu corespunde acestor filtre.
drop-suggestion = { PLURAL($count) ->
    [one] Eliminați „{ $filter }” pentru a vedea { $count } eveniment
    [few] Eliminați „{ $filter }” pentru a vedea { $count } evenimente
   *[other] Eliminați „{ $filter }” pentru a vedea { $count } de evenimente
}

## Formularul de înscriere
reg-form-heading = Înscriere
reg-required-note = Câmpurile marcate cu * sunt obligatorii.
reg-name = Nume
reg-email = Adresă de e-mail
reg-organization = Organizație
reg-city = Oraș
reg-country = Țară
reg-country-none = (nespecificată)
reg-consent-processing = Sunt de acord ca organizatorul să prelucreze aceste date pentru a gestiona înscrierea mea.
reg-privacy = Nota de informare privind datele personale
reg-consent-news = Doresc să primesc noutăți despre evenimentele viitoare (opțional).
reg-submit = Mă înscriu
reg-try-again = Încercați din nou
reg-sending = Se trimite înscrierea…
reg-sending-again = Se trimite din nou (încercarea { $attempt })…
reg-waiting = Conexiunea a eșuat; se reîncearcă în { $seconds } s. Datele dumneavoastră sunt păstrate.
reg-already = Sunteți deja înscris la acest eveniment cu această adresă de e-mail.
reg-gone-full = Ne pare rău, nu mai sunt locuri.
reg-gone-not-open = Înscrierile nu s-au deschis încă.
reg-gone-closed = Ne pare rău, înscrierile s-au închis.
reg-failed-status = Serverul de înscrieri a refuzat cererea (HTTP { $status }). Datele dumneavoastră sunt păstrate; încercați din nou sau contactați organizatorul.
reg-failed = Înscrierea nu a putut fi trimisă. Datele dumneavoastră sunt păstrate pe acest dispozitiv; încercați din nou.
reg-error-required = Vă rugăm să completați acest câmp.
reg-error-too-long = Textul este prea lung.
reg-error-email = Introduceți o adresă de e-mail de forma nume@exemplu.ro.
reg-error-country = Alegeți o țară din listă.
reg-error-option = Alegeți una dintre opțiuni.
reg-done-heading = Sunteți înscris
reg-done-id = Numărul înscrierii: { $id }
reg-done-when = Evenimentul începe { $date } (ora dumneavoastră).
reg-done-next = Organizatorul vă va scrie înainte de eveniment. Adăugați-l în calendar cu butoanele de mai sus.

## Generatorul de cod de inserare
builder-heading = Puneți acest calendar pe site-ul dumneavoastră
builder-intro = Alegeți ce vor vedea vizitatorii, verificați previzualizarea, apoi copiați unul dintre fragmente în pagina dumneavoastră (vedeți docs/embedding.md).
builder-view = Vizualizare
builder-accent = Culoare de accent
builder-snippets = Fragmente de cod
builder-script = Inserare cu script (recomandată)
builder-iframe = Inserare cu iframe
builder-preview = Previzualizare
copy-snippet = Copiați
