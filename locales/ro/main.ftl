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
facet-source = Publicat de
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
filters-match-upcoming = { PLURAL($count) ->
    [one] { $count } eveniment viitor corespunde
    [few] { $count } evenimente viitoare corespund
   *[other] { $count } de evenimente viitoare corespund
}
filters-match-past = { PLURAL($count) ->
    [one] { $count } eveniment trecut corespunde
    [few] { $count } evenimente trecute corespund
   *[other] { $count } de evenimente trecute corespund
}
subscribe-view = Abonați-vă la această vizualizare
show-events = { PLURAL($count) ->
    [one] Arătați { $count } eveniment
    [few] Arătați { $count } evenimente
   *[other] Arătați { $count } de evenimente
}
no-matches = Niciun eveniment nu corespunde acestor filtre.
drop-suggestion = { PLURAL($count) ->
    [one] Eliminați „{ $filter }” pentru a vedea { $count } eveniment
    [few] Eliminați „{ $filter }” pentru a vedea { $count } evenimente
   *[other] Eliminați „{ $filter }” pentru a vedea { $count } de evenimente
}
link-copied = Linkul a fost copiat.
