/**
 * Joins a term and its explanation (or several answer lines) the way the notes' language writes
 * them: "Term: text", "Terme : texte", "术语：文本".
 */
export function joinFact(language: string, head: string, body: string): string {
  if (language === 'zh' || language === 'ja') return `${head}：${body}`;
  if (language === 'fr') return `${head} : ${body}`;
  return `${head}: ${body}`;
}
