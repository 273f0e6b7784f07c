// The reference registration receiver (server/, built by `make server`),
// started on a free port for a test file.
import { spawn } from 'node:child_process';

const BINARY = new URL('../../target/release/citycal-server', import.meta.url).pathname;

/** The organizer's token the test receivers read (CITYCAL_ADMIN_TOKEN). */
export const TOKEN = 'e2e-organizer-token-0123456789';

/** What a receiver stored (for `event`, or all): its organizer's export, read with the token. */
export async function registrations(base, event) {
  const response = await fetch(`${base}/registrations.json${event ? `?event=${event}` : ''}`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  return response.json();
}

/** Starts a receiver for `feed` storing in `db`; resolves with its base URL and a stop. */
export function startReceiver({ feed, db, allowOrigin, extra = [] }) {
  return new Promise((resolve, reject) => {
    const args = ['--feed', feed, '--db', db, '--port', '0', '--allow-origin', allowOrigin, ...extra];
    const env = { ...process.env, CITYCAL_ADMIN_TOKEN: TOKEN };
    const child = spawn(BINARY, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
    child.on('error', reject);
    child.stdout.on('data', (chunk) => {
      const match = /listening on (http:\/\/\S+)/.exec(String(chunk));
      if (match) resolve({ url: match[1], stop: () => child.kill() });
    });
  });
}

/** A feed whose registrations are open whatever the date: `count` online events 20, 25, ... days ahead. */
export function openFeed(count, question) {
  const at = (days, hour) => {
    const d = new Date(Date.now() + days * 86400e3);
    d.setUTCHours(hour, 0, 0, 0);
    return d.toISOString().replace(/\.\d+Z$/, 'Z');
  };
  const events = [...Array(count).keys()].map((i) => ({
    id: `webinar-${i}`,
    title: { en: `Open webinar ${i}` },
    start: at(20 + i * 5, 14), end: at(20 + i * 5, 16),
    format: 'online', languages: ['en'],
    registration: { free: true, questions: i === 0 && question ? [question] : [] },
  }));
  return JSON.stringify({ version: 1, name: 'registration test', events });
}
