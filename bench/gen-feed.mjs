// Generates a Citycal feed of `count` events spread over a year from
// `startDate`, with random zones, themes, languages, formats and
// durations. Seeded, so every run measures the same feed.
//
//   node bench/gen-feed.mjs 10000 2026-11-01 > feed.json

const ZONES = [
  'Europe/Bucharest', 'Europe/Brussels', 'Europe/Madrid', 'Europe/London', 'Europe/Warsaw',
  'America/Bogota', 'America/Mexico_City', 'America/New_York', 'America/Sao_Paulo',
  'Asia/Kolkata', 'Asia/Tokyo', 'Africa/Nairobi', 'Australia/Sydney', 'Pacific/Auckland', 'UTC',
];
const THEMES = ['urban-innovation', 'participation', 'climate', 'mobility', 'housing', 'digital', 'social-inclusion', 'culture'];
const LANGS = ['en', 'es', 'ro', 'fr', 'pt', 'pl', 'it', 'de'];
const CITIES = [
  ['Cluj-Napoca', 'RO'], ['Iași', 'RO'], ['Gdańsk', 'PL'], ['Bogotá', 'CO'], ['Madrid', 'ES'],
  ['Brussels', 'BE'], ['Torino', 'IT'], ['Lisboa', 'PT'], ['Medellín', 'CO'], ['Kraków', 'PL'],
];
const WORDS = ['city', 'lab', 'dialogue', 'housing', 'mobility', 'climate', 'data', 'participation', 'budget',
  'innovation', 'green', 'streets', 'schools', 'energy', 'water', 'culture', 'youth', 'ageing', 'tourism', 'heat'];

// mulberry32: small, fast and seeded.
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n) => String(n).padStart(2, '0');
const local = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

export function generateFeed(count, startDate) {
  const rnd = random(count);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const start = Date.parse(`${startDate}T00:00Z`);
  const events = [];
  for (let i = 0; i < count; i++) {
    const day = Math.floor(rnd() * 365);
    const begins = new Date(start + day * 86400e3 + (8 + Math.floor(rnd() * 11)) * 3600e3 + pick([0, 15, 30, 45]) * 60e3);
    const ends = new Date(begins.getTime() + pick([30, 60, 90, 120, 180]) * 60e3);
    const format = pick(['online', 'online', 'in_person', 'hybrid']);
    const [city, country] = pick(CITIES);
    const themes = [pick(THEMES)];
    if (rnd() < 0.3) themes.push(pick(THEMES.filter((t) => t !== themes[0])));
    const languages = [pick(LANGS)];
    if (rnd() < 0.2) languages.push(pick(LANGS.filter((l) => l !== languages[0])));
    const title = Array.from({ length: 3 + Math.floor(rnd() * 4) }, () => pick(WORDS)).join(' ');
    const event = {
      id: `bench-${i}`,
      title: title[0].toUpperCase() + title.slice(1),
      summary: `A generated ${format.replace('_', '-')} event about ${themes.join(' and ')}.`,
      start: local(begins),
      end: local(ends),
      timeZone: pick(ZONES),
      languages,
      format,
      themes,
      organizers: ['bench-org'],
    };
    if (format !== 'in_person') event.onlineUrl = `https://events.example.org/live/${i}`;
    if (format !== 'online') event.venue = { name: `${city} city hall`, city, country };
    events.push(event);
  }
  return {
    version: 1,
    name: `Benchmark feed (${count} events)`,
    themes: THEMES.map((id) => ({ id, label: id[0].toUpperCase() + id.slice(1).replace('-', ' ') })),
    organizations: [{ id: 'bench-org', name: 'Benchmark network' }],
    events,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 1000);
  const from = process.argv[3] ?? new Date().toISOString().slice(0, 8) + '01';
  process.stdout.write(JSON.stringify(generateFeed(count, from)));
}
