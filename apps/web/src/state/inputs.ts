/**
 * Turning what the user gives the app (picked/dropped files, pasted text) into
 * InputFiles for the worker. Pure helpers are unit-tested in inputs.test.ts.
 */
import type { InputFile } from '../worker/protocol';

/** A file-system-safe slug: "The Washington Times" -> "the-washington-times". */
export function slugify(s: string): string {
  const slug = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'pasted' : slug.slice(0, 60);
}

/**
 * Pasted text with an outlet name -> a Markdown file with YAML front matter, which
 * ingest reads like any other .md file (the outlet and id come from the front matter;
 * JSON strings are valid YAML scalars, so any outlet name is safe).
 */
export function pastedFile(outlet: string, text: string, taken: ReadonlySet<string> = new Set()): InputFile {
  const base = slugify(outlet);
  let id = base;
  for (let n = 2; taken.has(`pasted/${id}.md`); n++) id = `${base}-${n}`;
  const name = `pasted/${id}.md`;
  const body = `---\nid: ${JSON.stringify(id)}\noutlet: ${JSON.stringify(outlet.trim() || 'unknown')}\n---\n${text}`;
  return { name, bytes: new TextEncoder().encode(body) };
}

export async function readBrowserFiles(list: Iterable<File>): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const f of list) out.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
  return out;
}
