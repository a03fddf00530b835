// A UTC time (`2026-11-24T08:00Z`) as people at the venue read it: Amsterdam time, in the
// screen's language. Stored times are UTC; every screen shows local time.

export const localTime = (utc: string, language: string): string =>
  new Date(utc).toLocaleString(language, { timeZone: 'Europe/Amsterdam', weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
