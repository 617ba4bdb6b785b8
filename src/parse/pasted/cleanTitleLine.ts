/**
 * Document-sharing sites append the file type and their own badges to a document's name
 * ("Notes de cours.pdf", "复习资料.docVIP", "Cours – Studocu"); the name without them is the title.
 */
const FILE_SUFFIX = /\s*[.．](?:docx?|pdf|pptx?|xlsx?|txt|wps|caj|rtf|odt|epub)\s*(?:VIP|vip|免费|高清|完整版|精品|原创)?\s*$/iu;
const SITE_SUFFIX =
  /\s*[-–—|_]\s*(?:百度文库|道客巴巴|豆丁网?|原创力文档|人人文库|淘豆网|book118|docin|doc88|Studocu|Scribd|Course ?Hero|Quizlet|Wikipédia|Wikipedia|维基百科|百度百科|Revizly|Knowunity|StuDocu|Docsity)\s*$/iu;
const BADGE_SUFFIX = /(?<=\S)\s*(?:VIP|【VIP】|\[VIP\]|（VIP）|\(VIP\))\s*$/u;

/** The line without file-type, site and badge suffixes; unchanged when it carries none. */
export function cleanTitleLine(line: string): string {
  let text = line;
  for (let round = 0; round < 3; round++) {
    const next = text.replace(FILE_SUFFIX, '').replace(SITE_SUFFIX, '').replace(BADGE_SUFFIX, '');
    if (next === text) break;
    text = next;
  }
  return text.trim() ? text : line;
}
