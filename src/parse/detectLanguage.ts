import { francAll } from 'franc-min';

/** franc speaks ISO 639-3; the model uses the two-letter codes people write in front matter. */
const ISO_639_3_TO_1: Record<string, string> = {
  eng: 'en', fra: 'fr', cmn: 'zh', spa: 'es', deu: 'de', ita: 'it', por: 'pt', nld: 'nl', rus: 'ru',
  jpn: 'ja', kor: 'ko', arb: 'ar', pol: 'pl', tur: 'tr', swe: 'sv', ukr: 'uk', vie: 'vi', ind: 'id',
};
const SUPPORTED = Object.keys(ISO_639_3_TO_1);

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/g;
const KANA = /[\u3040-\u30ff]/g;
const HANGUL = /[\uac00-\ud7af]/g;
const LETTER = /\p{L}/gu;

/**
 * Function words per language. On short notes (a heading and a few terms) franc's trigram profile
 * has too little to go on; these words are strong evidence when they appear at all.
 */
const FUNCTION_WORDS: Record<string, readonly string[]> = {
  en: ['the', 'of', 'and', 'is', 'are', 'to', 'in', 'with', 'for', 'what', 'which', 'from', 'by', 'it', 'this', 'that', 'or'],
  fr: ['le', 'la', 'les', 'des', 'du', 'et', 'est', 'sont', 'un', 'une', 'dans', 'pour', 'avec', 'qui', 'que', 'par', 'au', 'aux', 'ou'],
  es: ['el', 'los', 'las', 'del', 'y', 'es', 'son', 'una', 'en', 'para', 'con', 'que', 'por', 'lo', 'o'],
  de: ['der', 'die', 'das', 'und', 'ist', 'sind', 'ein', 'eine', 'mit', 'für', 'von', 'zu', 'den', 'im', 'oder'],
  it: ['il', 'gli', 'della', 'di', 'e', 'è', 'sono', 'un', 'una', 'per', 'con', 'che', 'nel', 'o'],
  pt: ['o', 'os', 'as', 'do', 'da', 'e', 'é', 'são', 'um', 'uma', 'para', 'com', 'que', 'no', 'na', 'ou'],
};
const SHORT_TEXT_LETTERS = 1500;

function voteByFunctionWords(text: string): string | null {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const counts = new Map<string, number>();
  for (const [lang, list] of Object.entries(FUNCTION_WORDS)) {
    const set = new Set(list);
    counts.set(lang, words.filter((w) => set.has(w)).length);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (ranked[0][1] === 0 || ranked[0][1] === ranked[1][1]) return null;
  return ranked[0][0];
}

/** Enough text for a decision, taken from the start, middle and end so one pasted header cannot decide. */
const SAMPLE_CHARS = 6000;

/**
 * Script counts settle Chinese, Japanese and Korean outright (franc is weak on short CJK text and
 * on Chinese mixed with Latin terms); franc decides between Latin-script languages.
 */
export function detectLanguage(text: string): string {
  const sample = text.length <= SAMPLE_CHARS ? text : text.slice(0, SAMPLE_CHARS / 2) + '\n' + text.slice(-SAMPLE_CHARS / 2);
  const letters = (sample.match(LETTER) ?? []).length;
  if (letters === 0) return 'und';
  const han = (sample.match(HAN) ?? []).length;
  const kana = (sample.match(KANA) ?? []).length;
  const hangul = (sample.match(HANGUL) ?? []).length;
  if (kana > 0.05 * letters) return 'ja';
  if (hangul > 0.2 * letters) return 'ko';
  if (han > 0.15 * letters) return 'zh';
  const latinOnly = sample.replace(HAN, ' ').replace(/[#*_>|`~=\-]+/g, ' ');
  if (letters < SHORT_TEXT_LETTERS) {
    const voted = voteByFunctionWords(latinOnly);
    if (voted) return voted;
  }
  const [best] = francAll(latinOnly, { only: SUPPORTED, minLength: 10 });
  if (!best || best[0] === 'und') return 'und';
  return ISO_639_3_TO_1[best[0]] ?? 'und';
}
