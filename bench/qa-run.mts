import { runAlignQuality } from './quality-align.ts';
const t0 = performance.now();
await runAlignQuality(console.log);
console.log('s', ((performance.now() - t0) / 1000).toFixed(1));
