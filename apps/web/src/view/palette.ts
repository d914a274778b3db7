/**
 * Colours: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"),
 * distinguishable with the common forms of colour blindness. Outlets get the
 * strong colours; claims get light tints of the same hues so text stays readable.
 */
export const OKABE_ITO = [
  '#0072B2', // blue
  '#E69F00', // orange
  '#009E73', // bluish green
  '#CC79A7', // reddish purple
  '#D55E00', // vermillion
  '#56B4E9', // sky blue
  '#F0E442', // yellow
  '#000000', // black
] as const;

/** Light tints of the first seven Okabe–Ito hues (black has none), for sentence backgrounds. */
export const CLAIM_TINTS = ['#cfe3f3', '#fbe5bd', '#c4ebdf', '#f3d9e8', '#f6d2bd', '#d8eefb', '#f8f3bd'] as const;

/** Colour of the i-th outlet column / series (stable for the order the report gives). */
export function outletColour(index: number): string {
  return OKABE_ITO[((index % OKABE_ITO.length) + OKABE_ITO.length) % OKABE_ITO.length] as string;
}

export interface ClaimColour {
  /** Background tint for the sentence. */
  tint: string;
  /** Strong colour for borders, chips and the legend. */
  strong: string;
}

/**
 * One colour per shared claim (reported by 2+ outlets), assigned in the order given
 * (callers pass claims in reading order so neighbours differ). Claims only one
 * outlet has get no colour: nothing to line up.
 */
export function assignClaimColours(claims: readonly { claim_id: string; n_outlets: number }[]): Map<string, ClaimColour> {
  const out = new Map<string, ClaimColour>();
  let i = 0;
  for (const c of claims) {
    if (c.n_outlets < 2 || out.has(c.claim_id)) continue;
    const k = i % CLAIM_TINTS.length;
    out.set(c.claim_id, { tint: CLAIM_TINTS[k] as string, strong: OKABE_ITO[k] as string });
    i += 1;
  }
  return out;
}

/**
 * Diverging colour for a sentiment-like value in [-1, 1]: vermillion (negative) to
 * blue (positive) through a light grey, never red/green.
 */
export function divergingColour(value: number, max = 1): string {
  const t = Math.max(-1, Math.min(1, max === 0 ? 0 : value / max));
  const mid = [238, 238, 238];
  const neg = [213, 94, 0];
  const pos = [0, 114, 178];
  const end = t < 0 ? neg : pos;
  const a = Math.abs(t);
  const mix = mid.map((m, j) => Math.round(m + ((end[j] as number) - m) * a));
  return `rgb(${mix.join(', ')})`;
}

/** Sequential colour for a share in [0, max]: near-white to Okabe–Ito blue. */
export function sequentialColour(value: number, max = 1): string {
  const t = Math.max(0, Math.min(1, max === 0 ? 0 : value / max));
  const lo = [240, 246, 251];
  const hi = [0, 114, 178];
  return `rgb(${lo.map((l, j) => Math.round(l + ((hi[j] as number) - l) * t)).join(', ')})`;
}
