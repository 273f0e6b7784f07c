## Interfaz de Citycal, español: lo que la primera pantalla no necesita.

## La página del evento
back-to-calendar = ← Volver al calendario
event-not-found = Este evento no está (o ya no está) en el calendario.
download-ics = Añadir al calendario (.ics)
google-calendar = Añadir a Google Calendar
copy-link = Copiar enlace
copy-by-hand = Copie este enlace:
detail-about = Descripción
detail-agenda = Programa
detail-people = Ponentes
detail-where = Dónde
detail-organizers = Organizan
detail-partners = Colaboran
detail-themes = Temas
detail-audience = Dirigido a
detail-series = Forma parte del ciclo
detail-sessions = Sesiones de este evento
detail-session-of = Sesión { $number } de { $total }
online-link = Unirse en línea
event-website = Página del evento en el sitio del organizador
# The partner whose feed lists the event, in a network of feeds (event page).
published-by = Publicado por { $name }
places-left = { PLURAL($count) ->
    [one] Queda { $count } plaza
   *[other] Quedan { $count } plazas
}
places-waitlist = Completo: la lista de espera está abierta
places-waitlist-count = { PLURAL($count) ->
    [one] Completo: la lista de espera está abierta, { $count } persona esperando
   *[other] Completo: la lista de espera está abierta, { $count } personas esperando
}
reg-waitlist-heading = Apuntarse a la lista de espera
reg-waitlist-note = El evento está completo. Apúntese a la lista de espera: si se libera una plaza, la organización le escribirá.
reg-waitlist-submit = Apuntarme a la lista de espera
reg-waitlisted-heading = Está en la lista de espera
reg-waitlisted-position = Es el número { $position } de la lista de espera.
reg-waitlisted-next = Si se libera una plaza, la organización le escribirá al correo que indicó. No hace falta inscribirse de nuevo.
free-of-charge = Gratuito
role-speaker = ponente
role-moderator = moderador/a
role-host = anfitrión/a
role-keynote = conferencia principal
role-panelist = panelista
role-facilitator = facilitador/a

## Formulario de inscripción
reg-form-heading = Inscribirse
reg-required-note = Los campos marcados con * son obligatorios.
reg-name = Nombre
reg-email = Correo electrónico
reg-organization = Organización
reg-city = Ciudad
reg-country = País
reg-country-none = (sin indicar)
reg-consent-processing = Acepto que la organización trate estos datos para gestionar mi inscripción.
reg-privacy = Aviso de privacidad
reg-consent-news = Deseo recibir noticias sobre próximos eventos (opcional).
reg-submit = Inscribirme
reg-try-again = Volver a intentarlo
reg-sending = Enviando su inscripción…
reg-sending-again = Enviando de nuevo (intento { $attempt })…
reg-waiting = La conexión ha fallado; se volverá a intentar en { $seconds } s. Sus datos se conservan.
reg-already = Ya está inscrito en este evento con esta dirección de correo.
reg-gone-full = Lo sentimos, el evento ya está completo.
reg-gone-not-open = La inscripción aún no está abierta.
reg-gone-closed = Lo sentimos, la inscripción se ha cerrado.
reg-failed-status = El servidor de inscripciones ha rechazado la solicitud (HTTP { $status }). Sus datos se conservan; vuelva a intentarlo o contacte con la organización.
reg-failed = No se ha podido enviar su inscripción. Sus datos se conservan en este dispositivo; vuelva a intentarlo.
reg-error-required = Rellene este campo.
reg-error-too-long = El texto es demasiado largo.
reg-error-email = Escriba una dirección de correo como nombre@ejemplo.org.
reg-error-country = Elija un país de la lista.
reg-error-option = Elija una de las opciones.
reg-done-heading = Su inscripción está confirmada
reg-done-id = Número de inscripción: { $id }
reg-done-when = El evento empieza el { $date } (su hora).
reg-done-next = La organización le escribirá antes del evento. Añádalo a su calendario con los botones de arriba.

## Problemas de eventos concretos
skipped-notice = { PLURAL($count) ->
    [one] Un evento no se puede mostrar por errores en el feed.
   *[other] { $count } eventos no se pueden mostrar por errores en el feed.
}
sources-failed = No se pudieron cargar los eventos de { $names }.
# The whole feed cannot be read: no reasons for visitors (the link after it is feed-check-link).
feed-broken = El archivo con los eventos de este calendario tiene errores, así que no se puede mostrar ningún evento.
# The link after skipped-notice, to the feed check page (check.html).
feed-check-link = Para organizadores: qué corregir
feed-check-in = Para organizadores: qué corregir en
problem-missing = falta el campo «{ $field }»
problem-wrong-type = el valor no tiene el tipo esperado
problem-empty = el valor está vacío
problem-bad-id = el identificador no es válido
problem-duplicate-id = el identificador «{ $id }» se usa más de una vez
problem-bad-date = fecha u hora no válida: «{ $value }»
problem-unknown-zone = zona horaria desconocida: «{ $zone }»
problem-no-zone = la hora no tiene zona horaria («timeZone»)
problem-end-before-start = el final es anterior al inicio
problem-unknown-reference = { $kind ->
    [theme] tema desconocido: «{ $id }»
    [organization] organización desconocida: «{ $id }»
    [source] fuente desconocida: «{ $id }»
   *[series] serie desconocida: «{ $id }»
}
problem-bad-url = enlace no permitido (solo http y https): «{ $value }»
problem-bad-language = código de idioma no válido: «{ $value }»
problem-bad-colour = no es un color (#rrggbb): «{ $value }»

## Generador de inserción
builder-heading = Ponga este calendario en su sitio web
builder-intro = Elija lo que verán sus visitantes, revise la vista previa y copie uno de los fragmentos en su página (vea docs/embedding.md).
builder-view = Vista
builder-accent = Color de acento
builder-snippets = Fragmentos
builder-script = Inserción con script (recomendada)
builder-iframe = Inserción con iframe
builder-preview = Vista previa
snippet-copied = Fragmento copiado.
builder-city-hint = Al escribir se sugieren las ciudades que nombra el feed.
builder-city-unknown = Ningún evento del feed nombra { $cities }: con ello el calendario no muestra nada. Elija una ciudad de las sugerencias.
copy-snippet = Copiar

## Un feed que no se puede leer
feed-error-too-large = El archivo de eventos es demasiado grande ({ $megabytes } MB); el límite es de 32 MB.
feed-error-not-json = El archivo de eventos no es un JSON válido (línea { $line }, columna { $column }).
feed-error-not-a-feed = El archivo de eventos no es un feed de Citycal (problema en «{ $path }»).
feed-error-version = El archivo de eventos usa una versión del formato que Citycal no conoce ({ $found }).

## Suscribirse a una vista
subscribe-intro = Su aplicación de calendario añade los eventos de esta vista y los mantiene al día cuando los organizadores los cambian.
subscribe-everything = Su aplicación de calendario añade todos los eventos de este calendario (sin los filtros de esta vista) y los mantiene al día.
subscribe-open = Abrir en mi aplicación de calendario
subscribe-google = Añadir a Google Calendar
subscribe-outlook = Añadir a Outlook.com
subscribe-address = Dirección para pegar en cualquier aplicación de calendario («añadir calendario desde URL»):
copy-address = Copiar la dirección
address-copied = Dirección copiada.
copy-address-by-hand = No se pudo copiar: seleccione la dirección de arriba y cópiela.
outlook-com = Añadir a Outlook.com
microsoft-365 = Añadir a Microsoft 365
