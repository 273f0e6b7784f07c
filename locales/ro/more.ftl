## Interfața Citycal, română: ce nu trebuie primului ecran.

## Pagina evenimentului
back-to-calendar = ← Înapoi la calendar
event-not-found = Acest eveniment nu (mai) este în calendar.
download-ics = Adăugați în calendar (.ics)
google-calendar = Adăugați în Google Calendar
copy-link = Copiați linkul
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
# The partner whose feed lists the event, in a network of feeds (event page).
published-by = Publicat de { $name }
places-left = { PLURAL($count) ->
    [one] A mai rămas { $count } loc
    [few] Au mai rămas { $count } locuri
   *[other] Au mai rămas { $count } de locuri
}
places-waitlist = Complet: lista de așteptare este deschisă
places-waitlist-count = { PLURAL($count) ->
    [one] Complet: lista de așteptare este deschisă, { $count } persoană așteaptă
    [few] Complet: lista de așteptare este deschisă, { $count } persoane așteaptă
   *[other] Complet: lista de așteptare este deschisă, { $count } de persoane așteaptă
}
reg-waitlist-heading = Înscrieți-vă pe lista de așteptare
reg-waitlist-note = Evenimentul este complet. Înscrieți-vă pe lista de așteptare: dacă se eliberează un loc, organizatorul vă va scrie.
reg-waitlist-submit = Înscrie-mă pe lista de așteptare
reg-waitlisted-heading = Sunteți pe lista de așteptare
reg-waitlisted-position = Sunteți numărul { $position } pe lista de așteptare.
reg-waitlisted-next = Dacă se eliberează un loc, organizatorul vă va scrie la adresa de e-mail pe care ați dat-o. Nu trebuie să vă înscrieți din nou.
free-of-charge = Gratuit
role-speaker = vorbitor
role-moderator = moderator
role-host = gazdă
role-keynote = vorbitor principal
role-panelist = panelist
role-facilitator = facilitator

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

## Probleme ale unor evenimente
skipped-notice = { PLURAL($count) ->
    [one] Un eveniment nu poate fi afișat din cauza unor erori în flux.
    [few] { $count } evenimente nu pot fi afișate din cauza unor erori în flux.
   *[other] { $count } de evenimente nu pot fi afișate din cauza unor erori în flux.
}
sources-failed = Evenimentele de la { $names } nu au putut fi încărcate.
# The whole feed cannot be read: no reasons for visitors (the link after it is feed-check-link).
feed-broken = Fișierul cu evenimentele acestui calendar are erori, așa că niciun eveniment nu poate fi afișat.
# The link after skipped-notice, to the feed check page (check.html).
feed-check-link = Pentru organizatori: ce trebuie corectat
feed-check-in = Pentru organizatori: ce trebuie corectat la
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
    [source] sursă necunoscută: „{ $id }”
   *[series] serie necunoscută: „{ $id }”
}
problem-bad-url = link nepermis (doar http și https): „{ $value }”
problem-bad-language = cod de limbă nevalid: „{ $value }”
problem-bad-colour = nu este o culoare (#rrggbb): „{ $value }”

## Generatorul de cod de inserare
builder-heading = Puneți acest calendar pe site-ul dumneavoastră
builder-intro = Alegeți ce vor vedea vizitatorii, verificați previzualizarea, apoi copiați unul dintre fragmente în pagina dumneavoastră (vedeți docs/embedding.md).
builder-view = Vizualizare
builder-accent = Culoare de accent
builder-snippets = Fragmente de cod
builder-script = Inserare cu script (recomandată)
builder-iframe = Inserare cu iframe
builder-preview = Previzualizare
snippet-copied = Fragmentul a fost copiat.
builder-city-hint = Pe măsură ce scrieți, sunt sugerate orașele din flux.
builder-city-unknown = Niciun eveniment din flux nu numește { $cities }: astfel calendarul nu arată nimic. Alegeți un oraș din sugestii.
copy-snippet = Copiați

## Un flux care nu poate fi citit
feed-error-too-large = Fișierul de evenimente este prea mare ({ $megabytes } MB); limita este de 32 MB.
feed-error-not-json = Fișierul de evenimente nu este un JSON valid (rândul { $line }, coloana { $column }).
feed-error-not-a-feed = Fișierul de evenimente nu este un flux Citycal (problemă la „{ $path }”).
feed-error-version = Fișierul de evenimente folosește o versiune de format pe care Citycal nu o cunoaște ({ $found }).

## Abonarea la o vizualizare
subscribe-intro = Aplicația dumneavoastră de calendar adaugă evenimentele acestei vizualizări și le actualizează când organizatorii le modifică.
subscribe-everything = Aplicația dumneavoastră de calendar adaugă toate evenimentele acestui calendar (fără filtrele acestei vizualizări) și le actualizează.
subscribe-open = Deschideți în aplicația mea de calendar
subscribe-google = Adăugați în Google Calendar
subscribe-outlook = Adăugați în Outlook.com
subscribe-address = Adresa de lipit în orice aplicație de calendar („adăugare calendar de la URL”):
copy-address = Copiați adresa
address-copied = Adresa a fost copiată.
copy-address-by-hand = Copierea a fost refuzată: selectați adresa de mai sus și copiați-o.
outlook-com = Adăugați în Outlook.com
microsoft-365 = Adăugați în Microsoft 365
