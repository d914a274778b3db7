/** Save a chart (the first <svg> in a card) as SVG or PNG, client-side. */
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

function svgSource(root: HTMLElement): { text: string; width: number; height: number } | null {
  const svg = root.querySelector('svg.recharts-surface') ?? root.querySelector('svg');
  if (!(svg instanceof SVGSVGElement)) return null;
  const box = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.round(box.width)));
  clone.setAttribute('height', String(Math.round(box.height)));
  clone.setAttribute('font-family', 'system-ui, -apple-system, Segoe UI, Roboto, sans-serif');
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  clone.insertBefore(bg, clone.firstChild);
  return { text: new XMLSerializer().serializeToString(clone), width: box.width, height: box.height };
}

export async function downloadChart(root: HTMLElement, name: string, format: 'svg' | 'png'): Promise<void> {
  const src = svgSource(root);
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
    ctx.drawImage(img, 0, 0);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (png) saveBlob(png, `parallax-${name}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
