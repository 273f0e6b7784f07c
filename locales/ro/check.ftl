### Verificarea fluxului pentru organizatori (citycal check). Vezi locales/en/check.ftl.
### Valorile din flux ($value, $id, $zone…) apar așa cum sunt scrise;
### $field, $list, $allowed, $suggestion și $code sunt cuvintele formatului
### (nume de câmpuri, valori permise, coduri): nu se traduc.

## În jurul problemelor

check-error = eroare
check-warning = avertisment
check-fix = Cum se corectează
check-event = evenimentul { $id } „{ $title }”
check-event-untitled = evenimentul { $id }
check-event-no-id = evenimentul cu numărul { $number } (fără id) „{ $title }”
check-event-unnamed = evenimentul cu numărul { $number } (fără id și fără titlu)
check-no-problems = Nicio problemă: { $events } evenimente verificate.
check-unusable = Documentul nu poate fi citit ca flux; nu s-a mai verificat nimic altceva.
check-errors = { PLURAL($count) ->
    [one] { $count } eroare
    [few] { $count } erori
   *[other] { $count } de erori
}
check-warnings = { PLURAL($count) ->
    [one] { $count } avertisment
    [few] { $count } avertismente
   *[other] { $count } de avertismente
}
check-events-read = { PLURAL($count) ->
    [one] { $count } eveniment în flux, { $shown } afișate.
    [few] { $count } evenimente în flux, { $shown } afișate.
   *[other] { $count } de evenimente în flux, { $shown } afișate.
}
check-cannot-read = Nu se poate citi { $source }: { $reason }

## Documentul întreg

check-too-large = Fluxul are { $megabytes } MB; Citycal citește fluxuri de până la { $max } MB.
check-too-large-fix = Scoateți evenimentele demult trecute sau împărțiți fluxul (unul pe an, unul pe partener).
check-not-utf8 = Fluxul nu este text UTF-8.
check-not-utf8-fix = Salvați fișierul ca UTF-8 (în majoritatea editoarelor: „Salvare ca”, apoi codificarea).
check-not-json = Fluxul nu este JSON valid: prima problemă este la linia { $line }, coloana { $column }.
check-not-json-fix = Căutați acolo o virgulă sau ghilimele lipsă, o virgulă înaintea unei paranteze de închidere sau un comentariu (JSON nu are comentarii).
check-not-a-feed = Documentul este JSON, dar în acest loc nu are forma unui flux.
check-not-a-feed-fix = Un flux este un obiect cu "version": 1 și o listă "events", ca în docs/feed.md.
check-unsupported-version = Fluxul spune că are versiunea { $found }; acest Citycal citește versiunea 1.
check-unsupported-version-fix = Scrieți "version": 1 la nivelul de sus al fluxului.

## Problemele cititorului: evenimentul sau partea este omisă

check-missing = Lipsește { $field }.
check-missing-fix = { $field ->
    [id] Dați evenimentului un id: scurt, unic în flux și neschimbat (linkurile îl folosesc).
    [title] Dați evenimentului un titlu în cel puțin o limbă.
    [start] Dați evenimentului un început: o dată și o oră precum 2027-03-20T18:30 sau o dată cu "allDay": true.
    [end] Dați evenimentului un sfârșit sau marcați-l "allDay": true dacă durează zile întregi.
    [format] Adăugați "format": "online", "in_person" sau "hybrid".
   *[other] Adăugați { $field }: docs/feed.md spune ce conține.
}
check-wrong-type = { $field } are o valoare de alt tip: { $value }.
check-wrong-type-fix = { $expected ->
    [string] Scrieți-o ca șir de caractere, între ghilimele.
    [text] Scrieți-o ca text: un șir sau câte un șir pe limbă, precum "en": "…", "ro": "…".
    [boolean] Scrieți true sau false, fără ghilimele.
    [whole-number] Scrieți un număr întreg (0 sau mai mare), fără ghilimele.
    [strings] Scrieți o listă de șiruri: ["a", "b"].
    [list] Scrieți o listă: […].
    [object] Scrieți un obiect: câmpurile lui între acolade.
   *[other] Verificați câmpul după docs/feed.md.
}
check-unknown-value = { $field } este „{ $value }”, care nu este una dintre valorile cunoscute de Citycal.
check-unknown-value-fix = Scrieți una dintre acestea: { $allowed }.
check-unknown-value-fix-nearest = Scrieți "{ $suggestion }" (valorile sunt { $allowed }).
check-empty = { $field } este gol.
check-empty-fix = Completați-l sau omiteți câmpul.
check-bad-id = Id-ul „{ $value }” nu poate fi folosit: un id are între 1 și 200 de caractere, fără salturi de rând sau tabulatori.
check-bad-id-fix = Folosiți un id scurt care nu se schimbă, precum "urban-dialogues-2027": apare în linkuri.
check-duplicate-id = Id-ul „{ $id }” este deja folosit de { $first }.
check-duplicate-id-fix = Dați fiecăruia propriul id. Linkurile numesc evenimentele după id, deci schimbați-l pe cel publicat ultimul.
check-bad-date = „{ $value }” nu este o dată și o oră pe care Citycal le poate citi.
check-bad-date-fix = Scrieți o oră locală în timeZone-ul evenimentului, 2027-03-20T18:30, sau o oră cu decalajul ei, 2027-03-20T18:30:00+02:00; pentru zile întregi, o dată, 2027-03-20, cu "allDay": true.
check-bad-date-fix-nearest = Scrieți { $suggestion }.
check-date-without-time = „{ $value }” este o dată fără oră, iar evenimentul nu este marcat pe zile întregi.
check-date-without-time-fix = Dacă evenimentul ține zile întregi, adăugați "allDay": true (sfârșitul este atunci ultima zi, inclusiv); dacă nu, adăugați ora: { $value }T18:30.
check-deadline-without-time = „{ $value }” este o dată fără oră.
check-deadline-without-time-fix = Adăugați ora, de exemplu { $suggestion }.
check-time-on-all-day = „{ $value }” are oră, dar evenimentul este pe zile întregi: începutul și sfârșitul lui sunt date.
check-time-on-all-day-fix = Scrieți { $date } sau scoateți "allDay": true dacă evenimentul are ore.
check-unknown-zone = Nu există fusul orar „{ $zone }”.
check-unknown-zone-fix = Scrieți numele IANA al fusului, Regiune/Oraș, precum Europe/Bucharest sau America/Bogota.
check-unknown-zone-fix-nearest = Ați vrut să scrieți { $suggestions }? Fusurile sunt nume IANA, Regiune/Oraș.
check-no-zone = „{ $value }” este o oră locală, dar evenimentul nu are timeZone în care să fie așezată.
check-no-zone-fix = Adăugați "timeZone" cu fusul locului (Europe/Bucharest) sau scrieți ora cu decalajul ei: 2027-03-20T18:30:00+02:00.
check-end-before-start = Evenimentul se termină ({ $end }) înainte să înceapă ({ $start }).
check-end-before-start-fix = Verificați ziua, luna și anul sfârșitului; un eveniment care se termină după miezul nopții se termină a doua zi.
check-unknown-reference = { $kind ->
    [theme] Nicio temă nu are id-ul „{ $id }”.
    [organization] Nicio organizație nu are id-ul „{ $id }”.
    [source] Nicio sursă nu are id-ul „{ $id }”.
   *[other] Nicio serie nu are id-ul „{ $id }”.
}
check-unknown-reference-fix = Declarați „{ $id }” în lista { $list } a fluxului sau folosiți un id declarat acolo.
check-unknown-reference-fix-nearest = Ați vrut să scrieți "{ $suggestion }"? Dacă nu, declarați „{ $id }” în lista { $list } a fluxului.
check-bad-url = „{ $value }” nu este o adresă web (http sau https), așa că nu este afișată.
check-bad-url-fix = Scrieți adresa întreagă, începând cu https://.
check-bad-language = „{ $value }” nu este o etichetă de limbă.
check-bad-language-fix = Folosiți o etichetă BCP 47: en, es, ro, pt-BR.
check-bad-colour = „{ $value }” nu este o culoare pe care Citycal o poate citi.
check-bad-colour-fix = Scrieți-o ca #rrggbb sau #rgb, de exemplu #0f766e.

## Verificările organizatorilor: se afișează, dar probabil nu cum s-a vrut

check-html = Acest text conține HTML ({ $tags }). Textul apare exact cum a fost scris, deci vizitatorii văd etichetele.
check-html-fix = Scrieți text simplu: despărțiți paragrafele printr-un rând gol și puneți linkurile în url sau onlineUrl ale evenimentului.
check-country-name = „{ $value }” nu este un cod de țară: țările se scriu cu codurile ISO 3166-1 de două litere.
check-country-name-fix = Scrieți "{ $code }".
check-unknown-country = „{ $value }” nu este un cod de țară ISO 3166-1 de două litere.
check-unknown-country-fix = Scrieți codul de două litere al țării, cu majuscule: RO pentru România, ES pentru Spania, GB pentru Regatul Unit.
check-time-in-gap = { $value } nu există în { $zone }: ceasurile sar atunci înainte cu { $minutes } min, așa că în calendar apare { $becomes }.
check-time-in-gap-fix = Verificați ora. Dacă este corectă, scrieți { $becomes }; dacă ați vrut alt moment, dați-l cu decalajul lui față de UTC.
check-zero-length = Evenimentul se termină când începe ({ $start }).
check-zero-length-fix = Puneți ca sfârșit ora la care se încheie. Dacă începutul cade în saltul orei de vară, vedeți întâi acel avertisment.
check-too-long = { PLURAL($days) ->
    [one] Evenimentul durează { $days } zi, la ore fixe; evenimentele cu oră mai lungi de { $max } zile au de obicei sfârșitul greșit.
    [few] Evenimentul durează { $days } zile, la ore fixe; evenimentele cu oră mai lungi de { $max } zile au de obicei sfârșitul greșit.
   *[other] Evenimentul durează { $days } de zile, la ore fixe; evenimentele cu oră mai lungi de { $max } zile au de obicei sfârșitul greșit.
}
check-too-long-fix = Verificați luna și anul sfârșitului. Pentru o perioadă de zile întregi folosiți "allDay": true cu date; pentru întâlniri care se repetă, câte un eveniment pe întâlnire într-o serie "sessions".
check-past-registration-open = Evenimentul a trecut (s-a încheiat { $end }), dar înscrierea lui spune că este deschisă.
check-past-registration-open-fix = Puneți registration.status pe "closed", dați lui registration.closes o oră dinaintea evenimentului sau scoateți registration.


## The document is not a feed

check-empty-document = Fișierul este gol.
check-empty-document-fix = Dacă vine de la o adresă, serverul nu a trimis nimic: deschideți adresa într-un browser și verificați că arată fișierul. Un flux este un obiect JSON cu cel puțin "version": 1 și "events": []; un calendar exportat începe cu BEGIN:VCALENDAR.
check-web-page = Aceasta este o pagină web (HTML), nu un flux.
check-web-page-fix = Adresa duce la o pagină (de autentificare, de eroare, o previzualizare a fișierului), nu la fișierul propriu-zis: deschideți-o într-un browser și copiați adresa fișierului (pentru un calendar, adresa lui publică iCal sau .ics; pe GitHub, butonul „Raw”).

## An iCalendar (.ics) file

check-line = linia { $line }
check-ics-event = „{ $title }”
check-ics-bad-line = „{ $detail }” nu este o linie iCalendar (NUME:valoare), așa că a fost omisă.
check-ics-bad-line-fix = O linie care continuă trebuie să înceapă cu un spațiu. Programele de e-mail și editoarele rup uneori liniile lungi: exportați fișierul din nou în loc să-l copiați.
check-ics-unknown-zone = Nu există fusul orar „{ $detail }”: s-a folosit fusul calendarului (sau UTC), deci orele pot fi greșite.
check-ics-unknown-zone-fix = Dați evenimentului un fus IANA (Regiune/Oraș, de exemplu Europe/Bucharest) sau setați fusul orar al calendarului în setările lui și exportați din nou.
check-ics-unknown-zone-fix-nearest = Ați vrut să scrieți { $suggestion }? Scrieți-l ca TZID sau setați fusul orar al calendarului în setările lui și exportați din nou.
check-ics-guessed-zone = Nu există fusul orar „{ $detail }”: a fost citit ca { $suggestion }, cel mai apropiat nume, deci verificați orele.
check-ics-guessed-zone-fix = Dacă { $suggestion } este fusul dorit, scrieți-l ca TZID (sau setați fusul orar al calendarului în setările lui) și exportați din nou.
check-ics-floating-time = O oră fără fus orar, într-un calendar fără fus: a fost citită ca UTC.
check-ics-floating-time-fix = Setați fusul orar al calendarului în setările lui (X-WR-TIMEZONE) și exportați din nou, sau dați orelor un TZID.
check-ics-no-start = Evenimentul nu are un început care să poată fi citit (DTSTART), așa că nu este afișat.
check-ics-no-start-fix = Dați-i o dată și o oră de început în calendar și exportați din nou.
check-ics-bad-value = „{ $detail }” nu poate fi citit ca dată sau oră, așa că a fost ignorat.
check-ics-bad-value-fix = Datele se scriu 20270320, orele 20270320T183000 (sau …Z pentru UTC); exportați fișierul din nou din calendar în loc să-l editați.
check-ics-no-end = Evenimentul nu are sfârșit (DTEND sau DURATION): se presupune o oră, afișată ca „de confirmat”.
check-ics-no-end-fix = Dați evenimentului o oră de sfârșit în calendar.
check-ics-unsupported-rule = Această regulă de repetare nu poate fi desfășurată („{ $detail }”): sunt afișate doar prima dată și datele adăugate (RDATE).
check-ics-unsupported-rule-fix = Folosiți o repetare mai simplă (zilnică, săptămânală, lunară sau anuală, cu zile sau date) sau enumerați datele una câte una.
check-ics-time-in-gap = „{ $detail }” nu există acolo (ceasurile se dau înainte): este afișat la prima oră de după schimbare.
check-ics-time-in-gap-fix = Mutați evenimentul în afara orei pe care ceasurile o sar.
check-ics-private = Un eveniment privat (CLASS:PRIVATE sau CONFIDENTIAL): nu este publicat.
check-ics-private-fix = Nimic de făcut dacă trebuie să fie privat; altfel, faceți-l public în calendar.
check-ics-unmapped-category = Categoria „{ $detail }” nu are o temă în corespondență, așa că a fost omisă.
check-ics-unmapped-category-fix = Adăugați-o în fișierul de categorii (citycal import --categories) sau eliminați categoria.
check-ics-bad-url = „{ $detail }” nu este o adresă web (http sau https), așa că a fost omisă.
check-ics-bad-url-fix = Scrieți adresa completă, începând cu https://.
check-ics-orphan-override = O dată schimbată a unui eveniment repetat a cărui serie nu este în fișier: afișată singură.
check-ics-orphan-override-fix = Exportați întregul calendar, nu o parte, ca seria să vină împreună cu schimbările ei.
check-ics-this-and-future = O schimbare făcută „pentru acesta și următoarele”: aici se schimbă doar acesta.
check-ics-this-and-future-fix = Împărțiți seria în calendar (încheiați-o pe cea veche, începeți una nouă).
check-ics-no-title = Evenimentul nu are titlu (SUMMARY): este afișat ca „Eveniment fără titlu”.
check-ics-no-title-fix = Dați evenimentului un titlu în calendar.
check-ics-too-many-occurrences = Evenimentul se repetă mai des decât păstrează calendarul: sunt afișate doar primele { $detail } date.
check-ics-too-many-occurrences-fix = Încheiați repetarea mai devreme sau împărțiți-o în serii mai scurte.
check-ics-not-utf8 = Fișierul nu este UTF-8: a fost citit ca Windows-1252 (Europa de Vest), ceea ce poate strica unele litere.
check-ics-not-utf8-fix = Exportați calendarul ca UTF-8 (majoritatea programelor oferă asta la salvare).
check-ics-unknown-property = „{ $detail }” nu este ceva ce iCalendar are: probabil restul unei linii lungi pe care un program de e-mail sau un editor a rupt-o, așa că acea parte a textului se pierde.
check-ics-unknown-property-fix = Exportați fișierul din nou din calendar în loc să-l copiați prin e-mail; o linie care continuă trebuie să înceapă cu un spațiu.

## The check page (check.html; src/ui/check.rs)

check-page-title = Verificarea unui flux
check-page-intro = Pentru organizatori: dați adresa fluxului (sau a exportului .ics al calendarului) ori alegeți fișierul și citiți fiecare problemă, cu evenimentul în care se află, locul ei și cum se corectează. Vizitatorii nu văd niciodată această listă: calendarul arată evenimentele pe care le-a putut citi și un singur rând discret.
check-page-language = Limba
check-page-url = Adresa fluxului
check-page-run = Verifică
check-page-file = Sau alegeți un fișier
check-page-drop = Puteți și să trageți un fișier de flux oriunde pe această pagină.
check-page-checking = Se verifică…
check-page-checked = Verificat: { $source }
check-page-no-answer = { $url } nu a răspuns sau nu permite acestei pagini să-l citească (CORS). Descărcați fișierul și alegeți-l aici sau rulați: citycal check { $url }
check-page-http-status = { $url } a răspuns cu starea HTTP { $status }.
check-page-file-unreadable = Fișierul { $name } nu a putut fi citit.
check-page-cli = Aceeași verificare rulează într-un terminal sau în CI-ul celui care publică: citycal check FLUX (vedeți docs/feed-check.md).
