/**
 * Stage `frames`: document-level shares of sentences with frame cues, with evidence.
 *
 * - `frame:<name>` (Media Frames Corpus, 15 frames) and `generic:<name>` (Semetko &
 *   Valkenburg, 5 frames): share of the article's sentences that carry at least one cue
 *   of the frame. Each cue is one evidence item with weight 1 / (n_sentences × k), k =
 *   the number of that frame's cues in its sentence, so Σ weights = share. `frame:other`
 *   is the share of sentences with no cue of any MFC frame (one sentence-span item each).
 */
import type { FrameEntry } from '@parallax/lexicons';
import type { ArticleStage } from '../../model';
import type { Evidence } from '../../schema';
import type { MeasureDefinition } from '../../measures';
import { compile, matchAllPhrases, type PhraseHit } from '../../lib/phrase-match';
import { senseMap } from '../../lib/senses';
import { blockedHit, docScore, tokenSpan } from '../../lib/stage-results';

export const MFC_FRAMES = [
  'economic', 'capacity_resources', 'morality', 'fairness_equality', 'legality_jurisprudence', 'policy_prescription',
  'crime_punishment', 'security_defense', 'health_safety', 'quality_of_life', 'cultural_identity', 'public_opinion',
  'political', 'external_regulation', 'other',
] as const;
export const GENERIC_FRAMES = ['conflict', 'human_interest', 'economic_consequences', 'morality', 'responsibility'] as const;

const FRAME_MEASURE: MeasureDefinition = {
  name: 'frame:',
  unit: 'share of sentences',
  label: 'Media Frames Corpus frame (share of sentences)',
  definition:
    'For each of the 15 frames of the Media Frames Corpus codebook (economic, capacity_resources, morality, fairness_equality, legality_jurisprudence, policy_prescription, crime_punishment, security_defense, health_safety, quality_of_life, cultural_identity, public_opinion, political, external_regulation, other): the share of the article\'s sentences containing at least one cue word or phrase of the frame (lexicon `frames`). `frame:other` is the share of sentences with no cue of any other frame. A dictionary operationalisation: it finds sentences that touch a frame\'s vocabulary, not a coder\'s primary frame.',
  scale: '0 … 1 (share of sentences)',
  scopes: ['document'],
  aggregation: 'Σ evidence weights; each cue in a sentence weighs 1 / (n_sentences × cues of that frame in the sentence); `other`: each cue-less sentence weighs 1 / n_sentences.',
  parameters: {},
  lexicons: ['frames', 'senses'],
  references: ['Boydstun, Card, Gross, Resnik & Smith (2014) Tracking the development of media frames within and across policy issues', 'Card, Boydstun, Gross, Resnik & Smith (2015) The Media Frames Corpus, ACL'],
  validity: [
    { against: 'MFC frames present, coded by one Parallax engineer (the author of the cues) in 45 allsides_events dev excerpts (bench/gold/allsides-frames.json); frame present when share >= tau chosen on other articles', figure: 'macro-F1 over frames present 0.581 on the 15 articles coded after the rules (tau 0.07 from the first 30); 0.496 2-fold over all 45', baseline: 'every frame 0.306 / 0.270; majority 0.089 / 0.061 (goal 0.60: not met)', date: '2026-12-04' },
  ],
};
const PRIMARY_FRAME_MEASURE: MeasureDefinition = {
  name: 'primary_frame:',
  unit: 'share of sentences',
  label: 'Primary MFC frame',
  definition:
    'The article\'s primary Media Frames Corpus frame: the substantive frame (not `other`) with the largest `frame:<name>` share; ties go to the earlier frame in MFC order; `primary_frame:other` when no substantive frame has a cue. One row per article; its value is that frame\'s share and its evidence the frame\'s cues.',
  scale: '0 … 1 (share of sentences of the primary frame)',
  scopes: ['document'],
  aggregation: 'argmax over frame:<name> shares; value = Σ evidence weights of that frame.',
  parameters: {},
  lexicons: ['frames', 'senses'],
  references: ['Boydstun, Card, Gross, Resnik & Smith (2014) Tracking the development of media frames within and across policy issues'],
  validity: [
    { against: 'primary MFC frame coded by one Parallax engineer in 45 allsides_events dev excerpts (bench/gold/allsides-frames.json)', figure: 'accuracy 0.733 on the 15 coded after the rules; 0.578 over all 45', baseline: 'majority primary frame 0.533 / 0.378', date: '2026-12-04' },
    { against: 'the Riyadh fixture, 5 articles hand-coded external_regulation (fixtures/coded/riyadh-coded.csv)', figure: '0 of 5 (political or security_defense chosen: their cue words are frequent in all political news)', baseline: '–', date: '2026-12-04' },
  ],
};
const GENERIC_MEASURE: MeasureDefinition = {
  name: 'generic:',
  unit: 'share of sentences',
  label: 'Generic news frame (share of sentences)',
  definition: 'For each of the five generic news frames (conflict, human_interest, economic_consequences, morality, responsibility): the share of the article\'s sentences containing at least one cue of the frame (lexicon `generic-frames`).',
  scale: '0 … 1 (share of sentences)',
  scopes: ['document'],
  aggregation: 'Σ evidence weights; each cue in a sentence weighs 1 / (n_sentences × cues of that frame in the sentence).',
  parameters: {},
  lexicons: ['generic-frames'],
  references: ['Semetko & Valkenburg (2000) Framing European politics: a content analysis of press and television news, Journal of Communication 50(2)'],
};
export const FRAMES_MEASURES: readonly MeasureDefinition[] = [FRAME_MEASURE, PRIMARY_FRAME_MEASURE, GENERIC_MEASURE];

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export const framesStage: ArticleStage = {
  name: 'frames',
  measures: FRAMES_MEASURES,
  englishOnly: true,
  run(state, ctx) {
    const { article } = state;
    const n = article.sentences.length;
    if (n === 0) return;
    const mfc = ctx.tables.get('frames:mfc', () => compile(ctx.lexicons.frames, (e: FrameEntry) => e.term));
    const gen = ctx.tables.get('frames:generic', () => compile(ctx.lexicons.genericFrames, (e: FrameEntry) => e.term));
    for (const [family, compiled, names] of [['frame', mfc, MFC_FRAMES], ['generic', gen, GENERIC_FRAMES]] as const) {
      const byFrame = new Map<string, Evidence[]>(names.map((f) => [f, []]));
      article.sentences.forEach((s, k) => {
        // A cue word can serve several frames: match each frame's cues separately.
        const toks = state.tokens[k] ?? [];
        // Cues are senses, not strings: words of "Social Security", "national security adviser" are no cue (lexicon `senses`).
        const sm = senseMap(toks, ctx.lexicons, ctx.tables);
        const hits = matchAllPhrases(toks, compiled, (e) => e.frame).filter((h) => !blockedHit(sm, h, 'frames'));
        const perFrame = new Map<string, PhraseHit<FrameEntry>[]>();
        for (const h of hits) {
          const list = perFrame.get(h.entry.frame) ?? [];
          list.push(h);
          perFrame.set(h.entry.frame, list);
        }
        for (const [frame, list] of perFrame) {
          for (const h of list) {
            byFrame.get(frame)?.push({
              article_id: article.id, measure: `${family}:${frame}`, scope: 'document', target: '', ...tokenSpan(state, k, h),
              rule: `${family === 'frame' ? 'frames' : 'generic-frames'}:${frame}:${h.entry.term}`, weight: 1 / (n * list.length),
              reason: `cue of ${frame} in sentence ${s.id} (1 of ${list.length} cues there; the sentence counts 1/${n})`,
            });
          }
        }
        if (family === 'frame' && perFrame.size === 0) {
          byFrame.get('other')!.push({
            article_id: article.id, measure: 'frame:other', scope: 'document', target: '', start: s.start, end: s.end,
            text: article.text.slice(s.start, s.end), rule: 'rule:no-frame-cue', weight: 1 / n,
            reason: `sentence ${s.id} has no cue of any MFC frame (counts 1/${n})`,
          });
        }
      });
      let primary: { frame: string; share: number; ev: Evidence[] } | null = null;
      for (const f of names) {
        const ev = byFrame.get(f)!.sort((a, b) => a.start - b.start || a.end - b.end);
        state.evidence.push(...ev);
        const sc = docScore(state, `${family}:${f}`, ev);
        state.scores.push(sc);
        // Primary frame: the substantive frame with the largest share (ties: MFC order); `other` when none has a cue.
        if (family === 'frame' && f !== 'other' && sc.value > 0 && (!primary || round6(sc.value) > round6(primary.share))) primary = { frame: f, share: sc.value, ev };
      }
      if (family === 'frame') {
        const pf = primary ?? { frame: 'other', share: 0, ev: [] };
        const ev = pf.ev.map((e) => ({ ...e, measure: `primary_frame:${pf.frame}`, reason: `${e.reason}; ${pf.frame} has the largest share of the MFC frames` }));
        state.evidence.push(...ev);
        state.scores.push({ ...docScore(state, `primary_frame:${pf.frame}`, ev), value: pf.share });
      }
    }
  },
};
