## Interfaz de Citycal, español.

app-title = Citycal — eventos de las redes de ciudades
app-heading = Eventos de las redes de ciudades
loading = Cargando eventos…
retry = Volver a intentarlo

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
all-day = Todo el día
approximate-time = hora por confirmar
approximate-date = fecha por confirmar
venue-time = { $time } (hora de { $city })
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
reg-closing-soon = La inscripción cierra pronto: { $date }
reg-closed = Inscripción cerrada
reg-full = Plazas agotadas
reg-external = Inscripción en el sitio del organizador
