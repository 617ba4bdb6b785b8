/**
 * Document-sharing sites append the file type and their own badges to a document's name
 * ("Notes de cours.pdf", "复习资料.docVIP", "Cours – Studocu"); the name without them is the title.
 */
const FILE_SUFFIX = /\s*[.．](?:docx?|pdf|pptx?|xlsx?|txt|wps|caj|rtf|odt|epub)\s*(?:VIP|vip|免费|高清|完整版|精品|原创)?\s*$/iu;
const SITE_SUFFIX =
  /\s*[-–—|_]\s*(?:百度文库|道客巴巴|豆丁网?|原创力文档|人人文库|淘豆网|book118|docin|doc88|Studocu|Scribd|Course ?Hero|Quizlet|Wikipédia|Wikipedia|维基百科|百度百科|Revizly|Knowunity|StuDocu|Docsity)\s*$/iu;
const BADGE_SUFFIX = /(?<=\S)\s*(?:VIP|【VIP】|\[VIP\]|（VIP）|\(VIP\))\s*$/u;

/** A study app's tab name glued after the document's name (`Révision pour l'examen Flashcards`). */
const APP_SUFFIX = /\s+(?:Flashcards|Fiche de révision|Fiches de révision|QCM|Quiz|Mind ?map)\s*$/u;

/** The tab name goes only when a real name of four words or more stays (`Biology Flashcards` is a name). */
function dropAppSuffix(text: string): string {
  const m = APP_SUFFIX.exec(text);
  if (!m) return text;
  const rest = text.slice(0, m.index);
  return rest.trim().split(/\s+/).length >= 4 ? rest : text;
}

/** The line without file-type, site, app and badge suffixes; unchanged when it carries none. */
export function cleanTitleLine(line: string): string {
  let text = line;
  for (let round = 0; round < 3; round++) {
    let next = text.replace(FILE_SUFFIX, '').replace(SITE_SUFFIX, '').replace(BADGE_SUFFIX, '');
    next = dropAppSuffix(next);
    if (next === text) break;
    text = next;
  }
  return text.trim() ? text : line;
}
