/**
 * HTML -> article: metadata from meta tags and JSON-LD, body from Readability,
 * text with paragraph breaks kept as blank lines. linkedom builds an inert DOM:
 * no script runs, no resource loads, no event handler fires.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { buildArticle, DEFAULT_FIELD_OPTIONS, type FieldOptions } from './fields';
import { outletFromUrl, stripSiteSuffix } from './outlets';
import type { IngestResult } from './types';

/** The few DOM members we use, so the code type-checks without the DOM lib. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  childNodes: ArrayLike<DomNode>;
  textContent: string | null;
  getAttribute?(name: string): string | null;
}
interface DomDocument extends DomNode {
  documentElement: DomNode | null;
  body: DomNode | null;
  title: string;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
}

const SKIP = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'SVG', 'MATH', 'CANVAS',
  'HEAD', 'TITLE', 'META', 'LINK', 'BASE', 'BUTTON', 'SELECT', 'OPTION', 'TEXTAREA', 'INPUT', 'AUDIO', 'VIDEO', 'SOURCE', 'TRACK', 'MAP',
]);
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'CAPTION', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'HTML', 'LI', 'MAIN',
  'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TFOOT', 'THEAD', 'TR', 'UL',
]);

// Whitespace inside <pre> is protected from collapsing by private-use stand-ins, restored at the end.
const PRE_NL = '\ue000';
const PRE_SPACE = '\ue001';
const PRE_TAB = '\ue002';
const PRE_RESTORE = /[\ue000-\ue002]/g;

/** Visible text of a DOM subtree: one paragraph per block element, separated by a blank line; `<br>` is a line break. */
export function domToText(root: DomNode): string {
  const paragraphs: string[] = [];
  let buf = '';
  const flush = (): void => {
    const para = buf.split('\n').map((l) => l.replace(/[ \t\r\f\u00a0]+/g, ' ').trim()).filter((l) => l !== '').join('\n');
    if (para !== '') paragraphs.push(para);
    buf = '';
  };
  const walk = (node: DomNode, pre: boolean): void => {
    if (node.nodeType === 3) {
      const t = node.textContent ?? '';
      buf += pre ? t.replace(/\r?\n/g, PRE_NL).replace(/ /g, PRE_SPACE).replace(/\t/g, PRE_TAB) : t.replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (name === 'BR') {
      buf += '\n';
      return;
    }
    const block = BLOCK.has(name);
    if (block) flush();
    if (name === 'TD' || name === 'TH') buf += ' ';
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) walk(kids[i] as DomNode, pre || name === 'PRE');
    if (block) flush();
  };
  walk(root, false);
  flush();
  return paragraphs.join('\n\n').replace(PRE_RESTORE, (c) => (c === PRE_NL ? '\n' : c === PRE_TAB ? '\t' : ' '));
}

const NEWS_TYPES = new Set([
  'NewsArticle', 'Article', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BackgroundNewsArticle',
  'ReviewNewsArticle', 'AskPublicNewsArticle', 'BlogPosting', 'LiveBlogPosting', 'Report', 'SocialMediaPosting',
]);

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function typesOf(o: Json): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^https?:\/\/schema\.org\//, ''));
}

export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  /** Only used when no page metadata gives a publication date (with a warning). */
  dateModified: string | null;
  publisher: string | null;
  url: string | null;
  inLanguage: string | null;
  /** Author names (Person/Organization names or strings), in order. */
  authors: string[];
}

/**
 * The JSON inside a `<script type="application/ld+json">`, without the CDATA or
 * HTML-comment wrapper some CMSs put around it (`//<![CDATA[ … //]]>`,
 * `/*<![CDATA[*\/ … /*]]>*\/`, `<!-- … -->`).
 */
export function unwrapJsonLd(src: string): string {
  let t = src.trim();
  const open = /^(?:\/\/[ \t]*|\/\*[ \t]*)?<!\[CDATA\[(?:[ \t]*\*\/)?/.exec(t);
  if (open) {
    t = t.slice(open[0].length);
    t = t.replace(/(?:\/\/[ \t]*|\/\*[ \t]*)?\]\]>(?:[ \t]*\*\/)?\s*$/, '');
  }
  const comment = /^<!--([\s\S]*?)-->$/.exec(t.trim());
  return (comment ? (comment[1] as string) : t).trim();
}

/** The first NewsArticle-like node in JSON-LD blocks (arrays and `@graph` flattened, `@id` references resolved). */
export function jsonLdArticle(blocks: readonly string[], warn: (message: string) => void): JsonLdArticle | null {
  const nodes: Json[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObj(v)) {
      nodes.push(v);
      if (v['@graph'] !== undefined) visit(v['@graph']);
    }
  };
  blocks.forEach((src, i) => {
    try {
      visit(JSON.parse(unwrapJsonLd(src)));
    } catch (err) {
      warn(`JSON-LD block ${i + 1} is not valid JSON (${err instanceof Error ? err.message : String(err)}); ignored`);
    }
  });
  const byId = new Map<string, Json>();
  for (const n of nodes) if (typeof n['@id'] === 'string') byId.set(n['@id'], n);
  const deref = (v: unknown): unknown => (isObj(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1 ? (byId.get(v['@id']) ?? v) : v);
  const str = (v: unknown): string | null => {
    const d = deref(Array.isArray(v) ? v[0] : v);
    if (typeof d === 'string') return d.trim() || null;
    if (isObj(d)) return str(d.name ?? d['@id'] ?? d['@value']);
    return null;
  };
  const news = nodes.filter((n) => typesOf(n).some((t) => NEWS_TYPES.has(t)));
  const article = news[0];
  if (!article) return null;
  const mainEntity = deref(article.mainEntityOfPage);
  // A page may describe its article in more than one node: take each field from the first node that has it.
  const firstOf = (read: (n: Json) => string | null): string | null => {
    for (const n of news) {
      const v = read(n);
      if (v !== null) return v;
    }
    return null;
  };
  const authorsOf = (v: unknown): string[] =>
    (Array.isArray(v) ? v : [v]).map((x) => str(x)).filter((x): x is string => x !== null);
  return {
    headline: str(article.headline) ?? str(article.name),
    datePublished: firstOf((n) => str(n.datePublished) ?? str(n.dateCreated)),
    dateModified: firstOf((n) => str(n.dateModified)),
    publisher: firstOf((n) => str(n.publisher) ?? str(n.sourceOrganization)),
    url: str(article.url) ?? (isObj(mainEntity) ? str(mainEntity['@id'] ?? mainEntity.url) : str(mainEntity)),
    inLanguage: str(article.inLanguage),
    authors: authorsOf(article.author ?? article.creator),
  };
}

function metaMap(doc: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i] as DomNode;
    const key = (m.getAttribute?.('property') ?? m.getAttribute?.('name') ?? m.getAttribute?.('itemprop') ?? m.getAttribute?.('http-equiv') ?? '').trim().toLowerCase();
    const content = m.getAttribute?.('content')?.trim();
    if (key && content && !map.has(key)) map.set(key, content);
  }
  return map;
}

function first(...values: (string | null | undefined)[]): string | null {
  for (const v of values) if (typeof v === 'string' && v.trim() !== '') return v.trim();
  return null;
}

export function parseHtml(path: string, html: string, stem: string | null, fields: FieldOptions = DEFAULT_FIELD_OPTIONS): IngestResult {
  const result: IngestResult = { articles: [], rejections: [], warnings: [] };
  const where = { path, line: null };
  const warn = (message: string): void => {
    result.warnings.push({ ...where, message });
  };
  const doc = parseHTML(html).document as unknown as DomDocument;

  // Metadata first: Readability mutates the document.
  const meta = metaMap(doc);
  const ldSources: string[] = [];
  const scripts = doc.querySelectorAll('script');
  for (let i = 0; i < scripts.length; i++) {
    const s = scripts[i] as DomNode;
    if ((s.getAttribute?.('type') ?? '').trim().toLowerCase().startsWith('application/ld+json')) ldSources.push(s.textContent ?? '');
  }
  const ld = jsonLdArticle(ldSources, warn);
  const canonicalLinks = doc.querySelectorAll('link[rel="canonical"]');
  const canonical = canonicalLinks.length > 0 ? (canonicalLinks[0] as DomNode).getAttribute?.('href') : null;
  const timeEls = doc.querySelectorAll('time[datetime]');
  const firstTime = timeEls.length > 0 ? (timeEls[0] as DomNode).getAttribute?.('datetime') : null;
  const htmlLang = doc.documentElement?.getAttribute?.('lang');
  const docTitle = doc.title;

  let body = '';
  let article: ReturnType<Readability<DomNode>['parse']> = null;
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- linkedom's Document stands in for the DOM lib's
    article = new Readability<DomNode>(doc as any, { serializer: (node) => node as unknown as DomNode }).parse();
    if (article?.content) body = domToText(article.content);
  } catch (err) {
    warn(`readability failed (${err instanceof Error ? err.message : String(err)}); used the whole page text`);
  }
  if (body.trim() === '') {
    const fresh = parseHTML(html).document as unknown as DomDocument;
    body = fresh.body ? domToText(fresh.body) : '';
    if (body.trim() !== '' && article !== null) warn('readability found no article body; used the whole page text');
  }
  if (body.trim() === '') {
    result.rejections.push({ ...where, reason: 'no readable text in HTML' });
    return result;
  }

  const url = first(meta.get('og:url'), canonical, ld?.url);
  // Outlet: og:site_name, then the JSON-LD publisher (Readability reads the same two), then the URL's domain.
  const siteName = first(meta.get('og:site_name'), ld?.publisher, article?.siteName);
  let outlet = siteName;
  if (outlet === null) {
    const fromUrl = outletFromUrl(safeUrl(url));
    if (fromUrl !== null) {
      outlet = fromUrl.name;
      warn(
        fromUrl.known
          ? `outlet "${fromUrl.name}" taken from the URL's domain ${fromUrl.domain} (the page names no site: no og:site_name or JSON-LD publisher)`
          : `outlet set to the URL's domain "${fromUrl.domain}" (the page names no site: no og:site_name or JSON-LD publisher)`,
      );
    } else outlet = first(meta.get('application-name'));
  }
  const rawTitle = first(meta.get('og:title'), ld?.headline, meta.get('twitter:title'), article?.title, docTitle);
  let published = first(
    meta.get('article:published_time'), meta.get('og:article:published_time'), meta.get('datepublished'),
    ld?.datePublished, meta.get('pubdate'), meta.get('publishdate'), meta.get('publish-date'), meta.get('date'),
    meta.get('dc.date'), meta.get('dc.date.issued'), meta.get('dcterms.created'), meta.get('dcterms.issued'),
    article?.publishedTime, firstTime,
  );
  if (published === null) {
    const modified = first(meta.get('article:modified_time'), ld?.dateModified, meta.get('datemodified'), meta.get('last-modified'));
    if (modified !== null) {
      published = modified;
      warn('the page gives no publication date; used its last-modified date as published');
    }
  }
  const author = firstAuthor(
    meta.get('author'), meta.get('byl'), meta.get('article:author'), meta.get('dc.creator'), meta.get('sailthru.author'),
    ld?.authors ?? [], article?.byline,
  );
  const raw = {
    id: null,
    outlet,
    title: rawTitle === null ? null : stripSiteSuffix(rawTitle, siteName ?? outlet, safeUrl(url)),
    published,
    url,
    language: first(htmlLang, meta.get('content-language'), meta.get('og:locale'), ld?.inLanguage, article?.lang),
    author,
    text: body,
  };
  result.articles.push(buildArticle(raw, where, result.warnings, stem, fields));
  return result;
}

/** An absolute http(s) URL, or null (buildArticle warns about the others). */
function safeUrl(url: string | null): string | null {
  if (url === null) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** The first byline source that names someone (a profile URL in article:author is not a name). */
function firstAuthor(...sources: (string | readonly string[] | null | undefined)[]): string | readonly string[] | null {
  for (const s of sources) {
    if (s === null || s === undefined) continue;
    const names = (typeof s === 'string' ? [s] : s).filter((n) => n.trim() !== '' && !/^https?:\/\//i.test(n.trim()));
    if (names.length > 0) return typeof s === 'string' ? s : names;
  }
  return null;
}
