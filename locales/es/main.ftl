## Interfaz de Citycal, español.

app-title = Citycal — eventos de las redes de ciudades
app-heading = Eventos de las redes de ciudades
loading = Cargando eventos…
retry = Volver a intentarlo
loading-view = Cargando esta vista…
view-load-error = No se pudo cargar esta parte del calendario. Compruebe su conexión y vuelva a intentarlo.
language-load-error = No se pudieron cargar los textos en { $language }. Compruebe su conexión y vuelva a intentarlo.

## Errores del feed completo
feed-error-heading = No se pudieron cargar los eventos
config-error = No se pudo leer la configuración del sitio (config.json). Avise al administrador del sitio.
feed-error-network = No se pudo acceder a los eventos. Compruebe su conexión y vuelva a intentarlo.
feed-error-http = El servidor de eventos respondió con un error (HTTP { $status }).
feed-error-too-large = El archivo de eventos es demasiado grande ({ $megabytes } MB); el límite es de 32 MB.
feed-error-not-json = El archivo de eventos no es un JSON válido (línea { $line }, columna { $column }).
feed-error-not-a-feed = El archivo de eventos no es un feed de Citycal (problema en «{ $path }»).
feed-error-version = El archivo de eventos usa una versión del formato que Citycal no conoce ({ $found }).

## Problemas de eventos concretos
skipped-notice = { PLURAL($count) ->
    [one] Un evento no se puede mostrar por errores en el feed.
   *[other] { $count } eventos no se pueden mostrar por errores en el feed.
}
ignored-notice = { PLURAL($count) ->
    [one] Se ignoró un dato del feed porque no era válido.
   *[other] Se ignoraron { $count } datos del feed porque no eran válidos.
}
issues-details = Ver detalles
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
   *[series] serie desconocida: «{ $id }»
}
problem-bad-url = enlace no permitido (solo http y https): «{ $value }»
problem-bad-language = código de idioma no válido: «{ $value }»

## La lista de eventos
upcoming-heading = Próximos eventos
past-heading = Eventos pasados
show-past = Ver eventos pasados
show-upcoming = Ver próximos eventos
no-upcoming = No hay próximos eventos.
no-past = No hay eventos pasados.
event-count = { PLURAL($count) ->
    [one] { $count } evento
    [many] { $count } de eventos
   *[other] { $count } eventos
}
times-in-zone = Los horarios se muestran en su zona horaria: { $zone }.
preferences-summary = Hora de { $zone } · { $language }
preferences-change = (cambiar la zona horaria o el idioma)
all-day = Todo el día
approximate-time = hora por confirmar
approximate-date = fecha por confirmar
venue-time = { $time } (hora de { $city })
venue-time-zone = { $time } ({ $zone })
held-in = Idioma: { $languages }
organized-by = Organiza: { $names }
only-in = Solo disponible en { $language }
watch-recording = Ver la grabación

format-online = En línea
format-in-person = Presencial
format-hybrid = Híbrido

status-cancelled = Cancelado
status-postponed = Aplazado
status-rescheduled = Con nueva fecha
status-moved-online = Trasladado a formato en línea

## Inscripción
reg-not-yet-open = La inscripción se abre el { $date }
reg-open = Inscripción abierta
reg-open-until = Inscripción abierta hasta el { $date }
reg-closing-soon = La inscripción cierra { $when }: { $date }
reg-closed = Inscripción cerrada
reg-full = Plazas agotadas
reg-external = Inscripción en el sitio del organizador

## Navegación y vistas
calendar-navigation = Navegación del calendario
choose-view = Elegir una vista
view-month = Mes
view-week = Semana
view-day = Día
view-list = Lista
today = Hoy
previous-month = Mes anterior
next-month = Mes siguiente
previous-week = Semana anterior
next-week = Semana siguiente
previous-day = Día anterior
next-day = Día siguiente
jump-to-date = Ir a una fecha
list-from = Desde el { $date }
more-events = { $count } más
earlier-events = { PLURAL($count) ->
    [one] { $count } evento anterior
    [many] { $count } de eventos anteriores
   *[other] { $count } eventos anteriores
}
later-events = { PLURAL($count) ->
    [one] { $count } evento posterior
    [many] { $count } de eventos posteriores
   *[other] { $count } eventos posteriores
}
show-more = Ver más eventos
no-events-month = No hay eventos este mes.
no-events-week = No hay eventos esta semana.
no-events-day = No hay eventos este día.
next-events-day = Próximos eventos: { $date }
link-issue = No se ha entendido «{ $param }={ $value }» en el enlace y se ha ignorado.
dismiss = Cerrar

## La página del evento
back-to-calendar = ← Volver al calendario
event-not-found = Este evento no está (o ya no está) en el calendario.
download-ics = Añadir al calendario (.ics)
google-calendar = Añadir a Google Calendar
copy-link = Copiar enlace
link-copied = Enlace copiado.
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
places-left = { PLURAL($count) ->
    [one] Queda { $count } plaza
   *[other] Quedan { $count } plazas
}
free-of-charge = Gratuito
role-speaker = ponente
role-moderator = moderador/a
role-host = anfitrión/a
role-keynote = conferencia principal
role-panelist = panelista
role-facilitator = facilitador/a

## Idioma y zona horaria
language-self-name = Español
language-label = Idioma
time-zone-label = Zona horaria
zone-unknown = «{ $zone }» no corresponde a ninguna zona horaria que Citycal conozca. Escriba una ciudad, como «Bogotá» o «Madrid», o elija una de la lista.
use-device-zone = Usar la zona horaria de este dispositivo
link-unknown-zone = El enlace pide la zona horaria «{ $zone }», que no existe; los horarios se muestran en { $shown }.
ends-next-day = termina al día siguiente
happening-now = en curso

## Búsqueda y filtros
search-label = Buscar eventos
search-placeholder = Buscar: título, ponente, organizador, lugar…
filters-heading = Filtros
facet-theme = Tema
facet-spoken = Idioma del evento
facet-format = Formato
facet-country = País
facet-city = Ciudad
facet-org = Organizador
facet-series = Ciclo
period-label = Cuándo
period-any = Cualquier fecha
period-upcoming = Próximos
period-week = Esta semana
period-month = Este mes
period-recorded = Pasados, con grabación
date-from = Desde
date-to = Hasta
hours-label = Hora del día, en su zona horaria:
hours-from = entre las
hours-to = y las
range-start-date-crossed = La fecha inicial no se aplica: es posterior a la final.
range-end-date-crossed = La fecha final no se aplica: es anterior a la inicial.
range-start-time-crossed = La hora inicial no se aplica: debe ser anterior a la final.
range-end-time-crossed = La hora final no se aplica: debe ser posterior a la inicial.
range-date-malformed = No es una fecha: escríbala como AAAA-MM-DD.
range-hours-malformed = No es una hora: escríbala como HH:MM, en formato de 24 horas.
chip-from = desde el { $date }
chip-to = hasta el { $date }
chip-hours = { $from }–{ $to }, su hora
chip-search = Búsqueda: { $text }
remove-filter = Quitar el filtro: { $filter }
clear-filters = Quitar todos los filtros
filters-match = { PLURAL($count) ->
    [one] { $count } evento coincide
   *[other] { $count } eventos coinciden
}
no-matches = Ningún evento coincide con estos filtros.
drop-suggestion = { PLURAL($count) ->
    [one] Quite «{ $filter }» para ver { $count } evento
   *[other] Quite «{ $filter }» para ver { $count } eventos
}

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

## Generador de inserción
builder-heading = Ponga este calendario en su sitio web
builder-intro = Elija lo que verán sus visitantes, revise la vista previa y copie uno de los fragmentos en su página (vea docs/embedding.md).
builder-view = Vista
builder-accent = Color de acento
builder-snippets = Fragmentos
builder-script = Inserción con script (recomendada)
builder-iframe = Inserción con iframe
builder-preview = Vista previa
copy-snippet = Copiar
