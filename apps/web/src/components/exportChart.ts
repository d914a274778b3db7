/**
 * Save a chart as SVG or PNG (2×, for print), client-side. The file holds the
 * chart's own SVG under its title, with a caption: the story, the outlets, what the
 * measure is and "Parallax <version>". A table chart (word choices) is drawn as an
 * SVG table of the same cells.
 */
export interface ChartCaption {
  title: string;
  story: string;
  outlets: string;
  measure: string;
  tool: string;
}

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Words into lines of about `max` characters. */
function lines(text: string, max: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const w of text.split(/\s+/).filter(Boolean)) {
    if (cur !== '' && cur.length + 1 + w.length > max) {
      out.push(cur);
      cur = w;
    } else cur = cur === '' ? w : `${cur} ${w}`;
  }
  if (cur !== '') out.push(cur);
  return out;
}

/** A table as SVG text cells (header row bold), for charts that are tables on screen. */
function tableSvg(table: HTMLTableElement): { body: string; width: number; height: number } {
  const cellText = (c: HTMLTableCellElement) => {
    const parts = Array.from(c.querySelectorAll('.term'));
    const raw = parts.length > 0 ? parts.map((p) => p.textContent ?? '').join(', ') : (c.textContent ?? '');
    return raw.replace(/\s+/g, ' ').trim();
  };
  const rows = Array.from(table.rows).map((r) => Array.from(r.cells).map(cellText));
  const nCols = Math.max(1, ...rows.map((r) => r.length));
  const colW = Array.from({ length: nCols }, (_, j) => Math.min(220, Math.max(70, ...rows.map((r) => (r[j] ?? '').length * 6.6 + 16))));
  const cellLines = rows.map((r) => r.map((c, j) => lines(c, Math.max(8, Math.floor((colW[j]! - 12) / 6.6)))));
  const rowH = cellLines.map((r) => Math.max(1, ...r.map((l) => l.length)) * 15 + 8);
  let y = 0;
  let body = '';
  rows.forEach((_, i) => {
    const h = rowH[i]!;
    if (i > 0) body += `<line x1="0" x2="${colW.reduce((t, w) => t + w, 0)}" y1="${y}" y2="${y}" stroke="#d0d4d8"/>`;
    let x = 0;
    cellLines[i]!.forEach((ls, j) => {
      body += `<text x="${x + 6}" y="${y + 17}" font-size="12" fill="#1b1f24"${i === 0 || j === 0 ? ' font-weight="600"' : ''}>`;
      ls.forEach((l, n) => (body += `<tspan x="${x + 6}" dy="${n === 0 ? 0 : 15}">${esc(l)}</tspan>`));
      body += '</text>';
      x += colW[j]!;
    });
    y += h;
  });
  return { body, width: colW.reduce((t, w) => t + w, 0), height: y };
}

/** The chart of a card as a standalone SVG document with title and caption. */
export function chartSvg(root: HTMLElement, caption: ChartCaption): { text: string; width: number; height: number } | null {
  const svg = root.querySelector('svg[data-chart-svg]');
  let inner: string;
  let w: number;
  let h: number;
  if (svg instanceof SVGSVGElement) {
    const vb = svg.viewBox.baseVal;
    w = vb && vb.width > 0 ? vb.width : svg.getBoundingClientRect().width;
    h = vb && vb.height > 0 ? vb.height : svg.getBoundingClientRect().height;
    const clone = svg.cloneNode(true) as SVGSVGElement;
    clone.removeAttribute('style');
    clone.removeAttribute('role');
    clone.setAttribute('width', String(w));
    clone.setAttribute('height', String(h));
    for (const el of Array.from(clone.querySelectorAll('[tabindex]'))) el.removeAttribute('tabindex');
    inner = new XMLSerializer().serializeToString(clone).replace(/^<svg/, '<svg y="0"');
  } else {
    const table = root.querySelector('table');
    if (!(table instanceof HTMLTableElement)) return null;
    const t = tableSvg(table);
    w = t.width;
    h = t.height;
    inner = `<svg xmlns="${NS}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect width="${w}" height="${h}" fill="#fff"/>${t.body}</svg>`;
  }
  const width = Math.ceil(Math.max(w, 560) + 32);
  const wrapAt = Math.floor((width - 32) / 6.4);
  const cap = [
    ...lines(`Story: ${caption.story}`, wrapAt),
    ...lines(`Outlets: ${caption.outlets}`, wrapAt),
    ...lines(`Measure: ${caption.measure}`, wrapAt),
    `Source: ${caption.tool}`,
  ];
  const titleH = 40;
  const capTop = titleH + h + 18;
  const height = Math.ceil(capTop + cap.length * 16 + 12);
  const chartX = Math.round((width - w) / 2);
  const text =
    `<svg xmlns="${NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">` +
    `<title>${esc(caption.title)}</title>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    `<text x="16" y="27" font-size="18" font-weight="700" fill="#1b1f24">${esc(caption.title)}</text>` +
    `<g transform="translate(${chartX} ${titleH})">${inner}</g>` +
    `<line x1="16" x2="${width - 16}" y1="${capTop - 8}" y2="${capTop - 8}" stroke="#d0d4d8"/>` +
    cap.map((l, i) => `<text x="16" y="${capTop + 8 + i * 16}" font-size="11.5" fill="#3d444b">${esc(l)}</text>`).join('') +
    `</svg>`;
  return { text, width, height };
}

export async function downloadChart(root: HTMLElement, name: string, format: 'svg' | 'png', caption: ChartCaption): Promise<void> {
  const src = chartSvg(root, caption);
  if (!src) return;
  const svgBlob = new Blob([src.text], { type: 'image/svg+xml;charset=utf-8' });
  if (format === 'svg') {
    saveBlob(svgBlob, `parallax-${name}.svg`);
    return;
  }
  const url = URL.createObjectURL(svgBlob);
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('could not render the chart'));
      img.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(src.width * scale);
    canvas.height = Math.ceil(src.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, src.width, src.height);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (png) saveBlob(png, `parallax-${name}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
