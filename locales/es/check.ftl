### La comprobación de feeds para organizadores (citycal check). Ver locales/en/check.ftl.
### Los valores del feed ($value, $id, $zone…) se muestran tal como están;
### $field, $list, $allowed, $suggestion y $code son palabras del formato
### (nombres de campos, valores permitidos, códigos): no se traducen.

## Alrededor de los problemas

check-error = error
check-warning = aviso
check-fix = Cómo corregirlo
check-event = evento { $id } «{ $title }»
check-event-untitled = evento { $id }
check-event-no-id = evento número { $number } (sin id) «{ $title }»
check-event-unnamed = evento número { $number } (sin id ni título)
check-no-problems = Ningún problema: { $events } eventos comprobados.
check-unusable = El documento no se puede leer como feed; no se comprobó nada más.
check-errors = { PLURAL($count) ->
    [one] { $count } error
   *[other] { $count } errores
}
check-warnings = { PLURAL($count) ->
    [one] { $count } aviso
   *[other] { $count } avisos
}
check-events-read = { PLURAL($count) ->
    [one] { $count } evento en el feed, { $shown } mostrados.
   *[other] { $count } eventos en el feed, { $shown } mostrados.
}
check-cannot-read = No se puede leer { $source }: { $reason }

## El documento entero

check-too-large = El feed ocupa { $megabytes } MB; Citycal lee feeds de hasta { $max } MB.
check-too-large-fix = Quite los eventos muy pasados, o divida el feed (uno por año, uno por socio).
check-not-utf8 = El feed no es texto UTF-8.
check-not-utf8-fix = Guarde el archivo como UTF-8 (en la mayoría de los editores: «Guardar como» y la codificación).
check-not-json = El feed no es JSON válido: el primer problema está en la línea { $line }, columna { $column }.
check-not-json-fix = Busque ahí una coma o unas comillas que faltan, una coma antes de un corchete de cierre, o un comentario (JSON no los admite).
check-not-a-feed = El documento es JSON, pero en este lugar no tiene la forma de un feed.
check-not-a-feed-fix = Un feed es un objeto con "version": 1 y una lista de "events", como en docs/feed.md.
check-unsupported-version = El feed dice ser de la versión { $found }; este Citycal lee la versión 1.
check-unsupported-version-fix = Escriba "version": 1 en el nivel superior del feed.

## Problemas de lectura: el evento o la parte se omite

check-missing = Falta { $field }.
check-missing-fix = { $field ->
    [id] Dé al evento un id: corto, único en el feed y que nunca cambie (los enlaces lo usan).
    [title] Dé al evento un título en al menos un idioma.
    [start] Dé al evento un inicio: una fecha y hora como 2027-03-20T18:30, o una fecha con "allDay": true.
    [end] Dé al evento un final, o márquelo "allDay": true si dura días enteros.
    [format] Añada "format": "online", "in_person" o "hybrid".
   *[other] Añada { $field }: en docs/feed.md se explica qué contiene.
}
check-wrong-type = { $field } tiene un valor de otro tipo: { $value }.
check-wrong-type-fix = { $expected ->
    [string] Escríbalo como cadena, entre comillas.
    [text] Escríbalo como texto: una cadena, o una cadena por idioma como "en": "…", "es": "…".
    [boolean] Escriba true o false, sin comillas.
    [whole-number] Escriba un número entero (0 o más), sin comillas.
    [strings] Escriba una lista de cadenas: ["a", "b"].
    [list] Escriba una lista: […].
    [object] Escriba un objeto: sus campos entre llaves.
   *[other] Compruebe el campo con docs/feed.md.
}
check-unknown-value = { $field } es «{ $value }», que no es ninguno de los valores que Citycal conoce.
check-unknown-value-fix = Escriba uno de estos: { $allowed }.
check-unknown-value-fix-nearest = Escriba "{ $suggestion }" (los valores son { $allowed }).
check-empty = { $field } está vacío.
check-empty-fix = Rellénelo u omita el campo.
check-bad-id = El id “{ $value }” no sirve: un id tiene de 1 a 200 caracteres, sin saltos de línea ni tabuladores.
check-bad-id-fix = Use un id corto que nunca cambie, como "urban-dialogues-2027": aparece en los enlaces.
check-duplicate-id = El id “{ $id }” ya lo usa { $first }.
check-duplicate-id-fix = Dé a cada uno su propio id. Los enlaces nombran los eventos por su id: cambie el que se publicó el último.
check-bad-date = “{ $value }” no es una fecha y hora que Citycal pueda leer.
check-bad-date-fix = Escriba una hora local en la timeZone del evento, 2027-03-20T18:30, o una hora con su desfase, 2027-03-20T18:30:00+01:00; para días enteros, una fecha, 2027-03-20, con "allDay": true.
check-bad-date-fix-nearest = Escriba { $suggestion }.
check-date-without-time = “{ $value }” es una fecha sin hora, y el evento no está marcado como de día entero.
check-date-without-time-fix = Si el evento ocupa días enteros, añada "allDay": true (su final es entonces el último día, incluido); si no, añada la hora: { $value }T18:30.
check-deadline-without-time = “{ $value }” es una fecha sin hora.
check-deadline-without-time-fix = Añada la hora, por ejemplo { $suggestion }.
check-time-on-all-day = “{ $value }” tiene hora, pero el evento es de día entero: su inicio y su final son fechas.
check-time-on-all-day-fix = Escriba { $date }, o quite "allDay": true si el evento tiene horas.
check-unknown-zone = No existe la zona horaria “{ $zone }”.
check-unknown-zone-fix = Escriba el nombre IANA de la zona, Región/Ciudad, como Europe/Madrid o America/Bogota.
check-unknown-zone-fix-nearest = ¿Quería decir { $suggestions }? Las zonas son nombres IANA, Región/Ciudad.
check-no-zone = “{ $value }” es una hora local, pero el evento no tiene timeZone en la que situarla.
check-no-zone-fix = Añada "timeZone" con la zona del lugar (Europe/Madrid), o escriba la hora con su desfase: 2027-03-20T18:30:00+01:00.
check-end-before-start = El evento termina ({ $end }) antes de empezar ({ $start }).
check-end-before-start-fix = Compruebe el día, el mes y el año del final; un evento que termina después de medianoche termina al día siguiente.
check-unknown-reference = { $kind ->
    [theme] Ningún tema tiene el id “{ $id }”.
    [organization] Ninguna organización tiene el id “{ $id }”.
    [source] Ninguna fuente tiene el id “{ $id }”.
   *[other] Ninguna serie tiene el id “{ $id }”.
}
check-unknown-reference-fix = Declare “{ $id }” en la lista { $list } del feed, o use un id declarado allí.
check-unknown-reference-fix-nearest = ¿Quería decir "{ $suggestion }"? Si no, declare “{ $id }” en la lista { $list } del feed.
check-bad-url = “{ $value }” no es una dirección web (http o https), así que no se muestra.
check-bad-url-fix = Escriba la dirección completa, empezando por https://.
check-bad-language = “{ $value }” no es una etiqueta de idioma.
check-bad-language-fix = Use una etiqueta BCP 47: en, es, ro, pt-BR.
check-bad-colour = “{ $value }” no es un color que Citycal pueda leer.
check-bad-colour-fix = Escríbalo como #rrggbb o #rgb, por ejemplo #0f766e.

## Comprobaciones para organizadores: se muestra, pero seguramente no como se quería

check-html = Este texto contiene HTML ({ $tags }). El texto se muestra tal como se escribe, así que los visitantes ven las etiquetas.
check-html-fix = Escriba texto sin formato: separe los párrafos con una línea vacía y ponga los enlaces en url u onlineUrl del evento.
check-country-name = “{ $value }” no es un código de país: los países se escriben con los códigos ISO 3166-1 de dos letras.
check-country-name-fix = Escriba "{ $code }".
check-unknown-country = “{ $value }” no es un código de país ISO 3166-1 de dos letras.
check-unknown-country-fix = Escriba el código de dos letras del país en mayúsculas: RO para Rumanía, ES para España, GB para el Reino Unido.
check-time-in-gap = { $value } no existe en { $zone }: los relojes se adelantan { $minutes } min en ese momento, así que el calendario muestra { $becomes }.
check-time-in-gap-fix = Compruebe la hora. Si es correcta, escriba { $becomes }; si se refería a otro momento, dela con su desfase UTC.
check-zero-length = El evento termina cuando empieza ({ $start }).
check-zero-length-fix = Ponga como final la hora en que termina. Si su inicio cae en un salto de horario de verano, vea antes ese aviso.
check-too-long = { PLURAL($days) ->
    [one] El evento dura { $days } día a horas fijas; los eventos con hora de más de { $max } días suelen tener mal el final.
   *[other] El evento dura { $days } días a horas fijas; los eventos con hora de más de { $max } días suelen tener mal el final.
}
check-too-long-fix = Compruebe el mes y el año del final. Para un periodo de días enteros use "allDay": true con fechas; para reuniones que se repiten, un evento por reunión en una serie "sessions".
check-past-registration-open = El evento ya pasó (terminó { $end }), pero su inscripción dice que está abierta.
check-past-registration-open-fix = Ponga registration.status en "closed", dé a registration.closes una hora anterior al evento, o quite registration.


## The document is not a feed

check-empty-document = El archivo está vacío.
check-empty-document-fix = Si viene de una dirección, el servidor no envió nada: abra la dirección en un navegador y compruebe que muestra el archivo. Un feed es un objeto JSON con al menos "version": 1 y "events": []; un calendario exportado empieza por BEGIN:VCALENDAR.
check-web-page = Es una página web (HTML), no un feed.
check-web-page-fix = La dirección lleva a una página (de inicio de sesión, de error, una vista previa del archivo) y no al archivo: ábrala en un navegador y copie la dirección del archivo (para un calendario, su dirección pública iCal o .ics; en GitHub, el botón «Raw»).

## An iCalendar (.ics) file

check-line = línea { $line }
check-ics-event = «{ $title }»
check-ics-bad-line = “{ $detail }” no es una línea iCalendar (NOMBRE:valor), así que se omitió.
check-ics-bad-line-fix = Una línea que continúa debe empezar con un espacio. Los programas de correo y los editores a veces cortan las líneas largas: exporte el archivo de nuevo en vez de copiarlo.
check-ics-unknown-zone = No existe la zona horaria “{ $detail }”: se usó la zona del calendario (o UTC), así que las horas pueden estar mal.
check-ics-unknown-zone-fix = Dé al evento una zona IANA (Región/Ciudad, como Europe/Madrid), o fije la zona horaria del calendario en su configuración y exporte de nuevo.
check-ics-unknown-zone-fix-nearest = ¿Quería decir { $suggestion }? Escríbala como TZID, o fije la zona horaria del calendario en su configuración y exporte de nuevo.
check-ics-guessed-zone = No existe la zona horaria “{ $detail }”: se leyó como { $suggestion }, el nombre más cercano, así que compruebe las horas.
check-ics-guessed-zone-fix = Si { $suggestion } es la zona que quería, escríbala como TZID (o fije la zona horaria del calendario en su configuración) y exporte de nuevo.
check-ics-floating-time = Una hora sin zona, en un calendario sin zona: se leyó como UTC.
check-ics-floating-time-fix = Fije la zona horaria del calendario en su configuración (X-WR-TIMEZONE) y exporte de nuevo, o dé a las horas un TZID.
check-ics-no-start = El evento no tiene un inicio legible (DTSTART), así que no se muestra.
check-ics-no-start-fix = Dele una fecha y hora de inicio en el calendario y exporte de nuevo.
check-ics-bad-value = “{ $detail }” no se puede leer como fecha u hora, así que se ignoró.
check-ics-bad-value-fix = Las fechas se escriben 20270320 y las horas 20270320T183000 (o …Z para UTC); exporte el archivo de nuevo desde el calendario en vez de editarlo.
check-ics-no-end = El evento no tiene final (DTEND ni DURATION): se supone una hora, mostrada como «por confirmar».
check-ics-no-end-fix = Dé al evento una hora de final en el calendario.
check-ics-unsupported-rule = Esta regla de repetición no se puede desarrollar (“{ $detail }”): solo se muestran la primera fecha y las fechas añadidas (RDATE).
check-ics-unsupported-rule-fix = Use una repetición más sencilla (diaria, semanal, mensual o anual, con días o fechas), o indique las fechas una a una.
check-ics-time-in-gap = “{ $detail }” no existe allí (los relojes se adelantan): se muestra en la primera hora después del cambio.
check-ics-time-in-gap-fix = Saque el evento de la hora que los relojes se saltan.
check-ics-private = Un evento privado (CLASS:PRIVATE o CONFIDENTIAL): no se publica.
check-ics-private-fix = Nada que hacer si debe ser privado; si no, hágalo público en el calendario.
check-ics-unmapped-category = La categoría “{ $detail }” no tiene tema en la correspondencia, así que se omitió.
check-ics-unmapped-category-fix = Añádala al archivo de categorías (citycal import --categories), o quite la categoría.
check-ics-bad-url = “{ $detail }” no es una dirección web (http o https), así que se omitió.
check-ics-bad-url-fix = Escriba la dirección completa, empezando por https://.
check-ics-orphan-override = Una fecha cambiada de un evento periódico cuya serie no está en el archivo: se muestra sola.
check-ics-orphan-override-fix = Exporte el calendario entero, no una parte, para que la serie venga con sus cambios.
check-ics-this-and-future = Un cambio hecho «para este evento y los siguientes»: aquí solo cambia este.
check-ics-this-and-future-fix = Divida la serie en el calendario (termine la antigua y empiece una nueva).
check-ics-no-title = El evento no tiene título (SUMMARY): se muestra como «Evento sin título».
check-ics-no-title-fix = Dé un título al evento en el calendario.
check-ics-too-many-occurrences = El evento se repite más veces de las que guarda el calendario: solo se muestran las primeras { $detail } fechas.
check-ics-too-many-occurrences-fix = Termine la repetición antes, o divídala en series más cortas.
check-ics-not-utf8 = El archivo no está en UTF-8: se leyó como Windows-1252 (Europa occidental), lo que puede estropear algunas letras.
check-ics-not-utf8-fix = Exporte el calendario en UTF-8 (la mayoría de los programas lo ofrecen al guardar).
check-ics-unknown-property = “{ $detail }” no es algo que iCalendar tenga: probablemente el resto de una línea larga que un programa de correo o un editor cortó, así que esa parte del texto se pierde.
check-ics-unknown-property-fix = Exporte el archivo de nuevo desde el calendario en vez de copiarlo por correo; una línea que continúa debe empezar con un espacio.

## The check page (check.html; src/ui/check.rs)

check-page-title = Comprobar un feed
check-page-intro = Para organizadores: indique la dirección de su feed (o del .ics exportado de su calendario) o elija el archivo, y lea cada problema con el evento en que está, dónde está y cómo corregirlo. Los visitantes nunca ven esta lista: el calendario muestra los eventos que pudo leer y una línea discreta.
check-page-language = Idioma
check-page-url = Dirección del feed
check-page-run = Comprobar
check-page-file = O elija un archivo
check-page-drop = También puede soltar un archivo de feed en cualquier lugar de esta página.
check-page-checking = Comprobando…
check-page-checked = Comprobado: { $source }
check-page-no-answer = { $url } no respondió, o no deja que esta página lo lea (CORS). Descargue el archivo y elíjalo aquí, o ejecute: citycal check { $url }
check-page-http-status = { $url } respondió con el estado HTTP { $status }.
check-page-file-unreadable = No se pudo leer el archivo { $name }.
check-page-cli = La misma comprobación se ejecuta en un terminal o en la CI de quien publica: citycal check FEED (vea docs/feed-check.md).
