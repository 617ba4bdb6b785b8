import type { StudyDocument } from '../../src/model/StudyDocument.js';
import type { McqQuestion } from '../../src/render/mcq/McqBank.js';
import type { ExportBank } from '../../src/render/quiz/exportQuestions.js';
import { DocumentMaker } from '../mcq/DocumentMaker.js';

/** Strings every format must carry literally (or skip with a counted warning). */
export const HOSTILE = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=2">',
  specials: 'braces {x} tilde ~ equals = hash # colon : backslash \\ end',
  cdata: 'holds ]]> and <![CDATA[ and &amp; entities',
  rtl: 'نص من اليمين إلى اليسار مع كلمة English في الوسط',
  hebrew: 'טקסט בעברית שנכתב מימין לשמאל',
  tab: 'a\ttab\tinside',
  newline: 'first line\nsecond line',
  long: 'this definition goes on and on for a long time so that no spreadsheet cell of seventy five characters could ever hold it',
};

/**
 * A model no reader would produce today (the parsers drop inline HTML and tabs) but any reader or
 * plugin may: renderers take the model as it comes.
 */
export function hostileDocument(file = 'hostile.md'): StudyDocument {
  const m = new DocumentMaker('en', file);
  m.doc.title = `Hostile ${HOSTILE.script} notes`;
  const section = ['Symbols: {braces} ~ = # / and \\'];
  m.definition(HOSTILE.script, `a tag shown as text ${HOSTILE.specials}`, section);
  m.definition('Colon: term', 'value with a colon: here and a URL https://example.org/a?b=c#d', section);
  m.definition('CDATA', HOSTILE.cdata, section);
  m.definition('مرحبا', HOSTILE.rtl, section);
  m.definition('שלום', HOSTILE.hebrew, section);
  m.definition('Tabbed', HOSTILE.tab, section);
  m.definition('Two lines', HOSTILE.newline, section);
  m.definition('Very long', HOSTILE.long, section);
  m.qa(`What does ${HOSTILE.img} show?`, [`a literal tag ${HOSTILE.specials}`]);
  m.qa('Which characters break a TSV?', [HOSTILE.tab, 'and line ends']);
  m.qa('Who wrote "Hamlet" & <i>Macbeth</i>?', ['Shakespeare']);
  m.qa('[html] What looks like a GIFT format marker?', ['[html]<b>this answer</b>']);
  m.cloze(['The capital is ', ['Paris', '<b>city</b>'], ' and not ', ['Berlin']]);
  m.sequence(['<b>start</b>', '{middle}', 'end ~ here'], 'Cycle: #1');
  return m.doc;
}

const option = (text: string, correct: boolean) => ({ text, correct });

function question(id: string, stem: string, options: { text: string; correct: boolean }[], type = 'single-choice'): McqQuestion {
  return {
    id,
    type: type as McqQuestion['type'],
    template: 'qa-answer',
    stem,
    options,
    explanation: `why ${HOSTILE.specials}`,
    theme: ['Authored', 'Choices'],
    difficulty: 'medium',
    language: 'en',
    source: { file: 'authored.md', line: 3, quote: stem, item: 'choice-1' },
  };
}

/**
 * The shapes an authored bank may hold besides generated ones: several keys (multiple-answer),
 * true/false both ways, a question no format can grade (no key).
 */
export function authoredBank(): ExportBank {
  return {
    file: 'authored.md',
    title: 'Authored',
    language: 'en',
    questions: [
      question('q-0000000000000001', 'Which are prime numbers?', [option('2', true), option('3', true), option('4', false), option('6', false)]),
      question('q-0000000000000002', `Which hold specials? ${HOSTILE.specials}`, [option('{a}', true), option('~b', true), option('=c', true), option('#d', false)]),
      question('q-0000000000000003', 'True or false? Water boils at 100 °C at sea level.', [option('True', true), option('False', false)], 'true-false'),
      question('q-0000000000000004', 'True or false? The sun orbits the earth.', [option('True', false), option('False', true)], 'true-false'),
      question('q-0000000000000005', `Pick one: ${HOSTILE.script}`, [option('<b>bold</b>', true), option(HOSTILE.cdata, false), option(HOSTILE.rtl, false)]),
      question('q-0000000000000006', 'A question without a key', [option('a', false), option('b', false)]),
    ],
  };
}
