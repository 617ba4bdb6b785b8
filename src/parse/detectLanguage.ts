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
  const [best] = francAll(latinOnly, { only: SUPPORTED, minLength: 10 });
  if (!best || best[0] === 'und') return 'und';
  return ISO_639_3_TO_1[best[0]] ?? 'und';
}
