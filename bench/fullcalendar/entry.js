// The FullCalendar 7 build Citycal is compared with: the features we match
// (month, week and list views, es and ro locales, named time zones through
// temporal-polyfill, the classic theme). Bundled by esbuild in `make bench`.
import 'temporal-polyfill/global';
import { Calendar } from 'fullcalendar';
import dayGridPlugin from 'fullcalendar/daygrid';
import timeGridPlugin from 'fullcalendar/timegrid';
import listPlugin from 'fullcalendar/list';
import classicThemePlugin from 'fullcalendar/themes/classic';
import esLocale from 'fullcalendar/locales/es';
import roLocale from 'fullcalendar/locales/ro';
import 'fullcalendar/skeleton.css';
import 'fullcalendar/themes/classic/theme.css';
import 'fullcalendar/themes/classic/palette.css';

// The same choices Citycal makes: the visitor's zone and language, three
// chips a day before "+N more", the feed's own title per language.
const params = new URLSearchParams(location.search);
const lang = params.get('lang') ?? 'en';
const timeZone = params.get('tz') ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
const text = (value) => (typeof value === 'string' ? value : value?.[lang] ?? value?.en ?? Object.values(value ?? {})[0] ?? '');

// A feed's local start in its own zone, as an instant FullCalendar accepts.
function instant(localIso, zone) {
  return Temporal.PlainDateTime.from(localIso).toZonedDateTime(zone).toInstant().toString();
}

async function main() {
  const feed = await (await fetch(params.get('feed') ?? 'feed.json')).json();
  const all = feed.events.map((e) => ({
    id: e.id,
    title: text(e.title),
    start: e.allDay ? e.start : instant(e.start, e.timeZone),
    end: e.allDay ? e.end : instant(e.end, e.timeZone),
    allDay: !!e.allDay,
    extendedProps: { themes: e.themes ?? [] },
  }));
  const calendar = new Calendar(document.getElementById('calendar'), {
    plugins: [dayGridPlugin, timeGridPlugin, listPlugin, classicThemePlugin],
    locales: [esLocale, roLocale],
    locale: lang,
    timeZone,
    initialView: 'dayGridMonth',
    dayMaxEvents: 3,
    headerToolbar: { start: 'prev,today,next', center: 'title', end: 'dayGridMonth,timeGridWeek,listWeek' },
    events: all,
  });
  calendar.render();

  // A theme filter like Citycal's: one checkbox per theme of the feed.
  const filters = document.getElementById('themes');
  for (const theme of feed.themes ?? []) {
    const label = document.createElement('label');
    label.innerHTML = `<input type="checkbox" value="${theme.id}"> `;
    label.append(text(theme.label));
    filters.append(label);
  }
  filters.addEventListener('change', () => {
    const chosen = [...filters.querySelectorAll('input:checked')].map((i) => i.value);
    const shown = chosen.length ? all.filter((e) => e.extendedProps.themes.some((t) => chosen.includes(t))) : all;
    calendar.batchRendering(() => {
      calendar.removeAllEventSources();
      calendar.addEventSource(shown);
    });
    document.getElementById('count').textContent = `${shown.length} events`;
  });
  window.benchCalendar = calendar;
}
main();
