import { z } from 'zod';
import rawFrames from '../data/frames.json';
import rawGeneric from '../data/generic-frames.json';
import rawLoaded from '../data/loaded.json';
import rawHedges from '../data/hedges.json';
import { BaseEntry, defineLexicon } from './define';

const Term = z.string().regex(/^[a-z][a-z'.-]*(?: [a-z][a-z'.-]*)*$/, 'lower-case word or phrase');
const FrameName = z.string().regex(/^[a-z_]+$/);

/** A cue word or phrase for one frame (matched on lower-case form or lemma). */
export const FrameEntry = BaseEntry.extend({ frame: FrameName, term: Term });
export type FrameEntry = z.infer<typeof FrameEntry>;

export const LoadedEntry = BaseEntry.extend({ term: Term, category: z.enum(['emotive', 'pejorative', 'partisan']) });
export type LoadedEntry = z.infer<typeof LoadedEntry>;

export const HedgeEntry = BaseEntry.extend({ term: Term, kind: z.enum(['hedge', 'evidential', 'booster']) });
export type HedgeEntry = z.infer<typeof HedgeEntry>;

/** The 14 substantive frames of the Media Frames Corpus (the 15th, `other`, has no cues). */
export const frames = defineLexicon(rawFrames, FrameEntry, (e) => `${e.frame}\u0000${e.term}`);
/** The 5 generic news frames of Semetko & Valkenburg (2000). */
export const genericFrames = defineLexicon(rawGeneric, FrameEntry, (e) => `${e.frame}\u0000${e.term}`);
export const loaded = defineLexicon(rawLoaded, LoadedEntry, (e) => e.term);
export const hedges = defineLexicon(rawHedges, HedgeEntry, (e) => e.term);
