import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseFile, type IngestResult } from './index';
import { streamCsv, streamJsonl, walkEvents, walkInputs, type IngestEvent } from './node';

const HOSTILE = join(__dirname, '../../../fixtures/hostile');
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'parallax-ingest-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function all<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

function fold(events: IngestEvent[]): IngestResult {
  const r: IngestResult = { articles: [], rejections: [], warnings: [] };
  for (const e of events) {
    if (e.kind === 'article') r.articles.push(e.article);
    else if (e.kind === 'rejection') r.rejections.push(e.rejection);
    else r.warnings.push(e.warning);
  }
  return r;
}

test('public exports of @parallax/ingest/node are locked', async () => {
  expect(Object.keys(await import('./node')).sort()).toEqual(['streamCsv', 'streamJsonl', 'walkEvents', 'walkInputs']);
});

describe('walkInputs(paths, opts)', () => {
  test('walks directories recursively in UTF-16 code-unit order, skipping hidden names', async () => {
    const dir = join(tmp, 'order');
    for (const f of ['b.txt', 'a.txt', 'B.txt', 'é.txt', 'z/1.txt', 'A/2.md', '.git/x.txt', '.hidden.txt', '_u.txt', '10.txt', '9.txt']) {
      mkdirSync(join(dir, f, '..'), { recursive: true });
      writeFileSync(join(dir, f), `Text of ${f}.`);
    }
    const paths = (await all(walkInputs([dir]))).map((r) => r.path.slice(dir.length + 1));
    expect(paths).toEqual(['10.txt', '9.txt', 'A/2.md', 'B.txt', '_u.txt', 'a.txt', 'b.txt', 'z/1.txt', 'é.txt']);
    const again = (await all(walkInputs([dir]))).map((r) => r.path.slice(dir.length + 1));
    expect(again).toEqual(paths);
    const hidden = (await all(walkInputs([dir], { includeHidden: true }))).map((r) => r.path.slice(dir.length + 1));
    expect(hidden).toEqual(['.git/x.txt', '.hidden.txt', ...paths]);
  });

  test('arguments keep their order; files, directories and missing paths mix', async () => {
    const dir = join(tmp, 'args');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'one.txt'), 'One.');
    writeFileSync(join(dir, 'two.md'), 'Two.');
    const results = await all(walkInputs([join(dir, 'two.md'), join(dir, 'missing.txt'), dir]));
    expect(results.map((r) => [r.path.slice(dir.length + 1), r.articles.length, r.rejections.map((x) => x.reason)])).toEqual([
      ['two.md', 1, []],
      ['missing.txt', 0, ['no such file or directory']],
      ['one.txt', 1, []],
      ['two.md', 1, []],
    ]);
  });

  test('unsupported and oversize files are rejected from stat alone, without reading', async () => {
    const dir = join(tmp, 'sizes');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'small.txt'), 'x'.repeat(2000));
    writeFileSync(join(dir, 'video.mp4'), 'not really a video');
    const results = await all(walkInputs([dir], { maxBytes: 1000 }));
    expect(results.map((r) => r.rejections)).toEqual([
      [{ path: join(dir, 'small.txt'), line: null, reason: 'file is 2000 bytes, over the 1000-byte limit (use --max-bytes)' }],
      [{ path: join(dir, 'video.mp4'), line: null, reason: 'unsupported file type .mp4 (supported: .txt, .text, .md, .markdown, .html, .htm, .jsonl, .ndjson, .csv)' }],
    ]);
  });

  test('a directory symlink loop is reported, not followed forever', async () => {
    const dir = join(tmp, 'loop');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'sub', 'a.txt'), 'A.');
    symlinkSync(dir, join(dir, 'sub', 'back'));
    const results = await all(walkInputs([dir]));
    expect(results.map((r) => [r.path.slice(dir.length + 1), r.articles.length, r.rejections.map((x) => x.reason)])).toEqual([
      ['sub/a.txt', 1, []],
      ['sub/back', 0, ['directory symlink loop (already being walked); skipped']],
    ]);
  });

  test.each([
    ['not an array', 'corpus', undefined, '`paths` must be an array'],
    ['unknown option', [], { maxbytes: 1 }, 'unknown ingest option `maxbytes`'],
  ])('misuse throws: %s', async (_name, paths, opts, message) => {
    await expect(all(walkInputs(paths as never, opts as never))).rejects.toThrow(message);
  });
});

describe('streamJsonl(path) / streamCsv(path)', () => {
  test.each([
    ['malformed.jsonl', streamJsonl],
    ['duplicate-ids.jsonl', streamJsonl],
    ['quoted-newlines.csv', streamCsv],
    ['media-cloud.csv', streamCsv],
    ['media-cloud-text.csv', streamCsv],
  ])('%s streams the same records as parseFile', async (name, stream) => {
    const path = join(HOSTILE, name);
    const streamed = fold(await all(stream(path)));
    const whole = parseFile(path, readFileSync(path));
    expect(streamed.articles).toEqual(whole.articles);
    expect(streamed.rejections).toEqual(whole.rejections);
    expect(new Set(streamed.warnings.map((w) => JSON.stringify(w)))).toEqual(new Set(whole.warnings.map((w) => JSON.stringify(w))));
  });

  test.each([
    ['missing.jsonl', streamJsonl, 'no such file or directory'],
    ['missing.csv', streamCsv, 'no such file or directory'],
    ['empty.jsonl', streamJsonl, 'empty file'],
    ['empty.csv', streamCsv, 'empty file'],
    ['blank.jsonl', streamJsonl, 'whitespace only'],
    ['header.csv', streamCsv, 'no data rows (header only)'],
  ])('%s -> %s', async (name, stream, reason) => {
    writeFileSync(join(tmp, 'empty.jsonl'), '');
    writeFileSync(join(tmp, 'empty.csv'), '');
    writeFileSync(join(tmp, 'blank.jsonl'), '\n \n');
    writeFileSync(join(tmp, 'header.csv'), 'id,outlet,text\n');
    const r = fold(await all(stream(join(tmp, name))));
    expect(r.articles).toEqual([]);
    expect(r.rejections.map((x) => x.reason)).toEqual([reason]);
  });

  test('Windows-1252 JSONL is decoded with a warning', async () => {
    const path = join(tmp, 'cp.jsonl');
    writeFileSync(path, Buffer.from('{"id":"1","outlet":"X","text":"\x93Quoted\x94 caf\xe9"}\n', 'latin1'));
    const r = fold(await all(streamJsonl(path)));
    expect(r.articles.map((a) => a.text)).toEqual(['“Quoted” café']);
    expect(r.warnings.map((w) => w.message)).toEqual(['decoded as windows-1252 (not valid UTF-8)']);
  });

  test('UTF-16 CSV with a BOM streams', async () => {
    const path = join(tmp, 'u16.csv');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,outlet,text\n1,X,"Grüße\naus Köln"\n', 'utf16le')]));
    const r = fold(await all(streamCsv(path)));
    expect(r.articles.map((a) => [a.id, a.text, a.source.line])).toEqual([['1', 'Grüße\naus Köln', 2]]);
  });

  describe('large files', () => {
    const N = 30_000;
    let jsonl: string;
    let csv: string;
    beforeAll(() => {
      jsonl = join(tmp, 'big.jsonl');
      csv = join(tmp, 'big.csv');
      const lines: string[] = [];
      const rows: string[] = ['id,outlet,title,text'];
      for (let i = 0; i < N; i++) {
        lines.push(i === 777 ? '{broken' : JSON.stringify({ id: `a${i}`, outlet: `o${i % 7}`, text: `Article ${i} says café “${i}”.` }));
        rows.push(`a${i},o${i % 7},"Title ${i}","Article ${i}.\nSecond line, with ""quotes""."`);
      }
      writeFileSync(jsonl, lines.join('\n'));
      writeFileSync(csv, rows.join('\n'));
    });

    test('JSONL: every line accounted for, line numbers exact', async () => {
      let articles = 0;
      let last: IngestEvent | undefined;
      const rejections: number[] = [];
      for await (const e of streamJsonl(jsonl)) {
        if (e.kind === 'article') {
          articles++;
          last = e;
        } else if (e.kind === 'rejection') rejections.push(e.rejection.line ?? -1);
      }
      expect([articles, rejections]).toEqual([N - 1, [778]]);
      expect(last?.kind === 'article' && last.article.source.line).toBe(N);
    });

    test('CSV: records spanning two lines get their starting line', async () => {
      const lines: number[] = [];
      for await (const e of streamCsv(csv)) if (e.kind === 'article') lines.push(e.article.source.line ?? -1);
      expect(lines).toHaveLength(N);
      expect(lines.slice(0, 3)).toEqual([2, 4, 6]);
      expect(lines[N - 1]).toBe(2 * N);
    });

    test.each([['jsonl', streamJsonl], ['csv', streamCsv]])('%s: a consumer can stop early', async (_n, stream) => {
      const it = stream(_n === 'csv' ? csv : jsonl);
      const seen: string[] = [];
      for await (const e of it) {
        if (e.kind === 'article') seen.push(e.article.id);
        if (seen.length === 3) break;
      }
      expect(seen).toEqual(['a0', 'a1', 'a2']);
    });
  });
});

describe('walkEvents(paths, opts)', () => {
  test('yields the same articles, rejections and warnings as walkInputs over the hostile corpus, in walk order', async () => {
    const hostile = fileURLToPath(new URL('../../../fixtures/hostile', import.meta.url));
    const key = (x: unknown) => JSON.stringify(x);
    const fromWalk: string[] = [];
    for await (const r of walkInputs([hostile])) {
      for (const w of r.warnings) fromWalk.push(key({ kind: 'warning', warning: w }));
      for (const a of r.articles) fromWalk.push(key({ kind: 'article', article: a }));
      for (const j of r.rejections) fromWalk.push(key({ kind: 'rejection', rejection: j }));
    }
    const sizes: string[] = [];
    const fromEvents: string[] = [];
    for await (const e of walkEvents([hostile], { onFile: (p) => sizes.push(p) })) fromEvents.push(key(e));
    expect([...fromEvents].sort()).toEqual([...fromWalk].sort());
    expect(sizes.length).toBeGreaterThan(10);
    // Paths come in walk order.
    const paths = fromEvents.map((e) => /"path":"([^"]+)"/.exec(e)![1]!);
    const firstSeen = paths.filter((p, i) => paths.indexOf(p) === i);
    expect(firstSeen).toEqual([...firstSeen].sort());
  });
});
