/**
 * Small string helpers for alignment: slugs, transliteration-aware name keys,
 * Jaro-Winkler similarity and a stable 32-bit hash. Pure and allocation-light.
 */

const DIACRITICS = /[\u0300-\u036f]/g;
const NON_ALNUM = /[^a-z0-9]+/g;
const EDGE_DASH = /^-+|-+$/g;

/** `"Sergei Lavrov"` -> `"sergei-lavrov"`. */
export function slugify(s: string): string {
  return s.normalize('NFD').replace(DIACRITICS, '').toLowerCase().replace(NON_ALNUM, '-').replace(EDGE_DASH, '');
}

const NON_LETTER = /[^a-z ]+/g;
const SPACES = / +/g;
const KH = /kh/g;
const PH = /ph/g;
const W = /w/g;
const J = /j/g;
const Y_END = /(?:iy|yy|ii|yi|ij)$/;
const Y = /y/g;
const DOUBLE = /([a-z])\1+/g;

/** One word of a name folded for transliteration variants: kh/h, -iy/-yy/-ii/-y, y/i, doubled letters. */
function foldWord(w: string): string {
  return w.replace(KH, 'h').replace(PH, 'f').replace(W, 'v').replace(J, 'y').replace(Y_END, 'y').replace(Y, 'i').replace(DOUBLE, '$1');
}

/**
 * Transliteration-aware key of a name: Zelenskyy / Zelenskiy / Zelensky -> `zelenski`,
 * Sergei / Sergey -> `sergei`, Tammy / Tami -> `tami`, Podolyak / Podoliak -> `podoliak`.
 */
export function nameKey(s: string): string {
  const plain = s.normalize('NFD').replace(DIACRITICS, '').toLowerCase().replace(NON_LETTER, ' ').replace(SPACES, ' ').trim();
  if (plain === '') return '';
  return plain.split(' ').map(foldWord).join(' ');
}

/** Jaro-Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const aMatch = new Uint8Array(la);
  const bMatch = new Uint8Array(lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (bMatch[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      aMatch[i] = 1;
      bMatch[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** FNV-1a 32-bit hash as 8 hex digits: stable ids from sorted member lists. */
export function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Code-unit comparison for deterministic sorts (independent of locale). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** First character is an upper-case letter. */
export function isCapitalized(s: string): boolean {
  if (s.length === 0) return false;
  const c = s.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (!(c >= 128)) return false; // ASCII non-capital, or the empty string (NaN)
  const ch = s[0]!;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** All letters upper-case and at least two of them (acronyms: NATO, UAE, U.S.). */
export function isAllCaps(s: string): boolean {
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) letters++;
  }
  return letters >= 2;
}
