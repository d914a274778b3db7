/**
 * Stage `language`: the declared language wins; otherwise franc-min detects it from
 * the sentences. Non-English articles stay in the report (listed, segmented) but
 * English-only measures are skipped, with a warning saying so.
 */
import { franc } from 'franc-min';
import type { ArticleStage } from '../../model';

/** ISO 639-3 (franc) -> ISO 639-1 for the languages news corpora most often mix in. */
const ISO3_TO_1: Record<string, string> = {
  eng: 'en', deu: 'de', fra: 'fr', spa: 'es', por: 'pt', ita: 'it', rus: 'ru', ukr: 'uk', arb: 'ar',
  pes: 'fa', cmn: 'zh', jpn: 'ja', kor: 'ko', tur: 'tr', nld: 'nl', pol: 'pl', heb: 'he', hin: 'hi',
  swe: 'sv', ind: 'id', vie: 'vi', ron: 'ro', ell: 'el', ces: 'cs', hun: 'hu', urd: 'ur', ben: 'bn',
};

/** Detect the language of `text`; 'und' when too short to tell. */
export function detectLanguage(text: string): string {
  const code = franc(text.slice(0, 4000), { minLength: 40 });
  if (code === 'und') return 'und';
  return ISO3_TO_1[code] ?? code;
}

export const languageStage: ArticleStage = {
  name: 'language',
  run(state, ctx) {
    const { article } = state;
    const forced = ctx.options.language !== 'auto' ? ctx.options.language : null;
    const declared = forced ?? (article.language && article.language !== 'und' ? article.language.toLowerCase() : null);
    // Over-long runs (URLs, hashes, junk tokens) say nothing about the language.
    // Detection only matters when nothing is declared (it is the costliest step of a
    // declared-language article otherwise: ~20% of analyzeArticle in the bench profile).
    const detected = declared
      ? null
      : detectLanguage(article.sentences.map((s) => article.text.slice(s.start, s.end)).join(' ').replace(/\S{31,}/g, ' '));
    const language = declared ?? (detected === null || detected === 'und' ? 'en' : detected);
    article.language = language;
    article.english = language === 'en' || language.startsWith('en-');
    if (!declared && detected === 'und') {
      state.warnings.push({
        article_id: article.id,
        code: 'language-undetermined',
        message: 'text too short to detect its language; assumed English',
      });
    }
    if (!article.english) {
      state.warnings.push({
        article_id: article.id,
        code: 'non-english',
        message: `language is "${language}"${declared ? ' (declared)' : ' (detected)'}: English-only measures (entities, sentiment, framing, quotes, alignment) were skipped`,
      });
    }
  },
};
