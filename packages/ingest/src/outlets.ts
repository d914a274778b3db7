/**
 * Outlet names from web domains (the `outlets` lexicon in @parallax/lexicons) and
 * site-name suffixes in titles ("Talks resume - BBC News").
 */
import { lexicons } from '@parallax/lexicons';

const BY_DOMAIN: ReadonlyMap<string, { name: string; aliases: readonly string[] }> = new Map(
  lexicons.outlets.entries.map((e) => [e.domain, { name: e.name, aliases: e.aliases ?? [] }]),
);

/** Every outlet name and alias in the lexicon, folded (see `fold`). */
const KNOWN_NAMES: ReadonlySet<string> = new Set(lexicons.outlets.entries.flatMap((e) => [e.name, ...(e.aliases ?? [])].map(fold)));

function fold(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** `https://www.nytimes.com/2025/...` -> `nytimes.com`; null for a missing or unparsable URL. */
export function bareDomain(url: string | null): string | null {
  if (url === null) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
  if (host === '') return null;
  return host.replace(/^(?:www\d?|m|amp|mobile)\./, '');
}

export interface DomainOutlet {
  /** The readable name (lexicon) or the bare domain. */
  name: string;
  domain: string;
  known: boolean;
}

/** The outlet a URL belongs to: the lexicon name of its host or nearest parent domain, else the bare domain. */
export function outletFromUrl(url: string | null): DomainOutlet | null {
  const domain = bareDomain(url);
  if (domain === null) return null;
  const labels = domain.split('.');
  for (let i = 0; i + 2 <= labels.length; i++) {
    const hit = BY_DOMAIN.get(labels.slice(i).join('.'));
    if (hit) return { name: hit.name, domain, known: true };
  }
  return { name: domain, domain, known: false };
}

/** The names a page on this outlet may put after its titles: the site name, the lexicon name and aliases for the URL's domain. */
function siteNames(siteName: string | null, url: string | null): Set<string> {
  const names = new Set<string>();
  if (siteName !== null) names.add(fold(siteName));
  const domain = bareDomain(url);
  if (domain !== null) {
    names.add(domain);
    const labels = domain.split('.');
    for (let i = 0; i + 2 <= labels.length; i++) {
      const hit = BY_DOMAIN.get(labels.slice(i).join('.'));
      if (hit) for (const n of [hit.name, ...hit.aliases]) names.add(fold(n));
    }
  }
  return names;
}

// " - ", " | ", " – ", " — ", " :: ", " · ", " • " before a trailing site name.
const SUFFIX = /^(.*\S)\s+(?:-|\||–|—|::|·|•)\s+([^|–—·•]+?)\s*$/su;

/**
 * Remove a trailing site name from a title ("Talks resume - BBC News" ->
 * "Talks resume") when it equals the page's site name, its domain, or any outlet
 * name in the lexicon. Repeats for stacked suffixes ("… | World | Reuters" keeps
 * "World" unless it is a name). Never returns an empty title.
 */
export function stripSiteSuffix(title: string, siteName: string | null, url: string | null): string {
  const names = siteNames(siteName, url);
  let t = title;
  for (;;) {
    const m = SUFFIX.exec(t);
    if (!m) return t;
    const suffix = fold(m[2] as string);
    if (!names.has(suffix) && !KNOWN_NAMES.has(suffix)) return t;
    t = (m[1] as string).trim();
  }
}
