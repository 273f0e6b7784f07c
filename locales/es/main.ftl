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
facet-source = Publicado por
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
filters-match-upcoming = { PLURAL($count) ->
    [one] { $count } evento próximo coincide
   *[other] { $count } eventos próximos coinciden
}
filters-match-past = { PLURAL($count) ->
    [one] { $count } evento pasado coincide
   *[other] { $count } eventos pasados coinciden
}
subscribe-view = Suscribirse a esta vista
show-events = { PLURAL($count) ->
    [one] Ver { $count } evento
   *[other] Ver { $count } eventos
}
no-matches = Ningún evento coincide con estos filtros.
drop-suggestion = { PLURAL($count) ->
    [one] Quite «{ $filter }» para ver { $count } evento
   *[other] Quite «{ $filter }» para ver { $count } eventos
}
link-copied = Enlace copiado.
