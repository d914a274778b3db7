/**
 * Date normalization without `Date.parse` (whose accepted formats depend on the
 * engine and whose output depends on the machine's time zone).
 *
 * Every date Parallax writes has ONE form: `YYYY-MM-DDTHH:mm:ssZ`, in UTC
 * (`pd.to_datetime` reads a column of them without options, as UTC):
 * - a date-time with an offset is converted to UTC (`2025-02-18T10:00:00+01:00`
 *   -> `2025-02-18T09:00:00Z`);
 * - a date-time without an offset is read as UTC (with a note);
 * - a date without a time is midnight UTC of that date (`2025-02-18` ->
 *   `2025-02-18T00:00:00Z`);
 * - fractions of a second are dropped (truncated).
 *
 * Numeric day/month orders (`18/02/2025`, `02/18/2025`, `18.02.2025`) follow
 * `DateFormat`: `auto` reads the unambiguous ones (a part over 12 is the day) and
 * refuses the ambiguous ones (both parts 12 or less, and different) with a
 * problem that says which option to pass.
 */

/** Day/month order of numeric dates: `auto` (default), day-month-year, month-day-year, year-month-day. */
export type DateFormat = 'auto' | 'dmy' | 'mdy' | 'ymd';
export const DATE_FORMATS: readonly DateFormat[] = ['auto', 'dmy', 'mdy', 'ymd'];

const FORMAT_NAMES: Record<Exclude<DateFormat, 'auto'>, string> = { dmy: 'day/month/year', mdy: 'month/day/year', ymd: 'year/month/day' };

/** What happened when a date was read. `iso` is null unless the date was read. */
export interface DateReading {
  iso: string | null;
  /**
   * `unreadable`: not a form we know; `ambiguous`: a numeric date whose day/month
   * order is unknown (auto); `format-mismatch`: not valid under the given
   * --date-format; `no-zone`: a time without an offset, read as UTC (iso is set).
   */
  problem: 'unreadable' | 'ambiguous' | 'format-mismatch' | 'no-zone' | null;
  /** Human-readable detail for ambiguous / format-mismatch. */
  detail: string | null;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validDate(year: number, month: number, day: number): boolean {
  return year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** `Z`, `z`, `GMT`, `UTC`, `+0100`, `+01:00`, `+01` -> minutes east of UTC; undefined/'' -> null (none given); invalid -> NaN. */
function offsetMinutes(raw: string | undefined): number | null {
  if (raw === undefined || raw === '') return null;
  if (/^(z|gmt|utc|ut)$/i.test(raw)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(raw);
  if (!m) return Number.NaN;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return Number.NaN;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** UTC milliseconds -> `YYYY-MM-DDTHH:mm:ssZ` (fraction dropped); null outside years 1000-9999. */
function isoFromMs(ms: number): string | null {
  const d = new Date(Math.floor(ms / 1000) * 1000);
  if (Number.isNaN(d.getTime())) return null;
  const y = d.getUTCFullYear();
  if (y < 1000 || y > 9999) return null;
  return `${pad(y, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}Z`;
}

interface Clock {
  h: number;
  m: number;
  s: number;
  offset?: string | undefined;
}

const ok = (iso: string | null, problem: DateReading['problem'] = null): DateReading => ({ iso, problem: iso === null ? 'unreadable' : problem, detail: null });
const UNREADABLE: DateReading = { iso: null, problem: 'unreadable', detail: null };

function fromParts(year: number, month: number, day: number, time?: Clock): DateReading {
  if (!validDate(year, month, day)) return UNREADABLE;
  if (!time) return ok(isoFromMs(Date.UTC(year, month - 1, day)));
  if (time.h > 23 || time.m > 59 || time.s > 60) return UNREADABLE;
  const off = offsetMinutes(time.offset);
  if (off !== null && Number.isNaN(off)) return UNREADABLE;
  const ms = Date.UTC(year, month - 1, day, time.h, time.m, time.s) - (off ?? 0) * 60_000;
  return ok(isoFromMs(ms), off === null ? 'no-zone' : null);
}

const TIME = String.raw`(?:[T ]|,?\s+(?:at\s+)?)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(Z|z|UTC|GMT|UT|[+-]\d{2}(?::?\d{2})?)?`;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?$/;
const YEAR_FIRST_RE = new RegExp(String.raw`^(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?:${TIME})?$`, 'i');
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})$/;
// "18/02/2025", "02/18/2025", "18.02.2025", "18-02-2025", optionally with a time
const YEAR_LAST_RE = new RegExp(String.raw`^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:${TIME})?$`, 'i');
// "Tue, 18 Feb 2025 10:00:00 GMT", "18 February 2025", "18 Feb 2025 10:00 +0100"
const DMY_RE = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\.?\s+([a-z]{3,9})\.?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(Z|UTC|GMT|UT|[+-]\d{2}:?\d{2}))?)?$/i;
// "February 18, 2025", "Feb 18 2025 10:00 UTC"
const MDY_RE = /^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(Z|UTC|GMT|UT|[+-]\d{2}:?\d{2}))?)?$/i;

const clockOf = (h: string | undefined, mi: string | undefined, sec: string | undefined, off: string | undefined): Clock | undefined =>
  h === undefined ? undefined : { h: Number(h), m: Number(mi), s: Number(sec ?? '0'), offset: off };

/**
 * Read a published date (see the module comment for the output form and the
 * day/month rules). Numbers are Unix epoch seconds (10 digits) or milliseconds (13).
 */
export function readDate(value: unknown, format: DateFormat = 'auto'): DateReading {
  if (typeof value === 'number') return ok(fromEpoch(value));
  if (typeof value !== 'string') return UNREADABLE;
  const s = value.trim();
  if (s === '') return UNREADABLE;
  if (/^\d{10}$|^\d{13}$/.test(s)) return ok(fromEpoch(Number(s)));

  let m = ISO_RE.exec(s);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]), clockOf(m[4], m[5], m[6], m[7]));
  m = YEAR_FIRST_RE.exec(s);
  if (m) return fromParts(Number(m[1]), Number(m[3]), Number(m[4]), clockOf(m[5], m[6], m[7], m[8]));
  m = COMPACT_RE.exec(s);
  if (m) return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = YEAR_LAST_RE.exec(s);
  if (m) return yearLast(Number(m[1]), Number(m[3]), Number(m[4]), clockOf(m[5], m[6], m[7], m[8]), format);

  m = DMY_RE.exec(s);
  if (m) return fromNamed(m[3], m[2], m[1], clockOf(m[4], m[5], m[6], m[7]));
  m = MDY_RE.exec(s);
  if (m) return fromNamed(m[3], m[1], m[2], clockOf(m[4], m[5], m[6], m[7]));
  return UNREADABLE;
}

/** `a/b/yyyy`: which of a, b is the day depends on the format (auto: the one over 12, if any). */
function yearLast(a: number, b: number, year: number, time: Clock | undefined, format: DateFormat): DateReading {
  if (format === 'ymd') {
    return { iso: null, problem: 'format-mismatch', detail: `it has the year last, but --date-format is ymd (${FORMAT_NAMES.ymd})` };
  }
  if (format === 'dmy' || format === 'mdy') {
    const [day, month] = format === 'dmy' ? [a, b] : [b, a];
    const r = fromParts(year, month, day, time);
    if (r.iso !== null) return r;
    return { iso: null, problem: 'format-mismatch', detail: `it is not a valid date under --date-format ${format} (${FORMAT_NAMES[format]})` };
  }
  const dmy = validDate(year, b, a);
  const mdy = validDate(year, a, b);
  if (dmy && mdy && a !== b) {
    const detail =
      `it could be day/month/year (${a} ${MONTH_NAMES[b - 1]} ${year}) or month/day/year (${MONTH_NAMES[a - 1]} ${b}, ${year})`;
    return { iso: null, problem: 'ambiguous', detail };
  }
  if (dmy) return fromParts(year, b, a, time);
  if (mdy) return fromParts(year, a, b, time);
  return UNREADABLE;
}

/**
 * The ISO 8601 form of a published date (`YYYY-MM-DDTHH:mm:ssZ`, UTC), or null
 * when it cannot be read unambiguously under `format`.
 */
export function normalizeDate(value: unknown, format: DateFormat = 'auto'): string | null {
  return readDate(value, format).iso;
}

function fromNamed(year: string | undefined, monthName: string | undefined, day: string | undefined, time: Clock | undefined): DateReading {
  const month = MONTHS[(monthName ?? '').toLowerCase()];
  if (month === undefined) return UNREADABLE;
  return fromParts(Number(year), month, Number(day), time);
}

function fromEpoch(n: number): string | null {
  if (!Number.isFinite(n) || !Number.isInteger(n) || n < 0) return null;
  return isoFromMs(n >= 1e12 ? n : n * 1000);
}
