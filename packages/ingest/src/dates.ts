/**
 * Date normalization without `Date.parse` (whose accepted formats depend on the
 * engine and whose output depends on the machine's time zone). Every accepted
 * form maps to ISO 8601: a date (`2025-02-18`) or a date-time that keeps the
 * offset exactly as given (`2025-02-18T10:00:00+01:00`, `...Z`, or none).
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function isoTime(h: number, m: number, s: number, frac: string | undefined): string | null {
  if (h > 23 || m > 59 || s > 60) return null;
  return `${pad(h)}:${pad(m)}:${pad(s)}${frac ? `.${frac}` : ''}`;
}

/** `Z`, `z`, `GMT`, `UTC`, `+0100`, `+01:00`, `+01` -> `Z` / `+01:00`; `''` stays `''`; other -> null. */
function isoOffset(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return '';
  if (/^(z|gmt|utc|ut)$/i.test(raw)) return 'Z';
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(raw);
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return null;
  return `${m[1]}${m[2]}:${m[3] ?? '00'}`;
}

function fromParts(
  year: number, month: number, day: number,
  time?: { h: number; m: number; s: number; frac?: string | undefined; offset?: string | undefined },
): string | null {
  const date = isoDate(year, month, day);
  if (date === null) return null;
  if (!time) return date;
  const clock = isoTime(time.h, time.m, time.s, time.frac);
  const offset = isoOffset(time.offset);
  if (clock === null || offset === null) return null;
  return `${date}T${clock}${offset}`;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/;
const SLASH_RE = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
// "Tue, 18 Feb 2025 10:00:00 GMT", "18 February 2025", "18 Feb 2025 10:00 +0100"
const DMY_RE = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\.?\s+([a-z]{3,9})\.?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(Z|UTC|GMT|UT|[+-]\d{2}:?\d{2}))?)?$/i;
// "February 18, 2025", "Feb 18 2025 10:00 UTC"
const MDY_RE = /^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(Z|UTC|GMT|UT|[+-]\d{2}:?\d{2}))?)?$/i;

/**
 * Normalize a published date to ISO 8601, or return null when it cannot be read
 * unambiguously. Numbers are Unix epoch seconds (10 digits) or milliseconds (13).
 */
export function normalizeDate(value: unknown): string | null {
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return null;
  const s = value.trim();
  if (s === '') return null;
  if (/^\d{10}$|^\d{13}$/.test(s)) return fromEpoch(Number(s));

  let m = ISO_RE.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, frac, off] = m;
    if (h === undefined) return fromParts(Number(y), Number(mo), Number(d));
    return fromParts(Number(y), Number(mo), Number(d), { h: Number(h), m: Number(mi), s: Number(sec ?? '0'), frac, offset: off });
  }
  m = SLASH_RE.exec(s) ?? COMPACT_RE.exec(s);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));

  m = DMY_RE.exec(s);
  if (m) return fromNamed(m[3], m[2], m[1], m[4], m[5], m[6], m[7]);
  m = MDY_RE.exec(s);
  if (m) return fromNamed(m[3], m[1], m[2], m[4], m[5], m[6], m[7]);
  return null;
}

function fromNamed(
  year: string | undefined, monthName: string | undefined, day: string | undefined,
  h: string | undefined, mi: string | undefined, sec: string | undefined, off: string | undefined,
): string | null {
  const month = MONTHS[(monthName ?? '').toLowerCase()];
  if (month === undefined) return null;
  if (h === undefined) return fromParts(Number(year), month, Number(day));
  return fromParts(Number(year), month, Number(day), { h: Number(h), m: Number(mi), s: Number(sec ?? '0'), offset: off });
}

function fromEpoch(n: number): string | null {
  if (!Number.isFinite(n) || !Number.isInteger(n) || n < 0) return null;
  const ms = n >= 1e12 ? n : n * 1000;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime()) || d.getUTCFullYear() > 9999) return null;
  return d.toISOString().replace('.000Z', 'Z');
}
