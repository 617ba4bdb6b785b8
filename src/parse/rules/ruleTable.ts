import type { BlockRule, LineRule, RuleRow, TextRule } from './Rule.js';
import { atxHeading } from './lines/atxHeading.js';
import { bareHeading } from './lines/bareHeading.js';
import { boilerplate } from './lines/boilerplate.js';
import { documentName } from './lines/documentName.js';
import { documentTitle } from './lines/documentTitle.js';
import { drawnTree } from './lines/drawnTree.js';
import { leadInItems } from './lines/leadInItems.js';
import { pastedBullets } from './lines/pastedBullets.js';
import { pipeTable } from './lines/pipeTable.js';
import { questionBlock } from './lines/questionBlock.js';
import { separatorCard } from './lines/separatorCard.js';
import { separatorLine } from './lines/separatorLine.js';
import { setextHeading } from './lines/setextHeading.js';
import { tabTable } from './lines/tabTable.js';
import { tableOfContents } from './lines/tableOfContents.js';
import { wrappedLines } from './lines/wrappedLines.js';
import { templateMacro } from './lines/templateMacro.js';
import { cardWithCode } from './blocks/cardWithCode.js';
import { codeBlock } from './blocks/codeBlock.js';
import { container } from './blocks/container.js';
import { correctionBlock } from './blocks/correctionBlock.js';
import { drawnTreeBlock } from './blocks/drawnTreeBlock.js';
import { letteredChoice } from './blocks/letteredChoice.js';
import { listBlock } from './blocks/listBlock.js';
import { paragraphBlock } from './blocks/paragraphBlock.js';
import { questionAnswers } from './blocks/questionAnswers.js';
import { sectionHeading } from './blocks/sectionHeading.js';
import { separatorBreak } from './blocks/separatorBreak.js';
import { tableBlock } from './blocks/tableBlock.js';
import { taskListChoice } from './blocks/taskListChoice.js';
import { chineseDefinition } from './text/chineseDefinition.js';
import { cloze } from './text/cloze.js';
import { definition } from './text/definition.js';
import { definitionContinued } from './text/definitionContinued.js';
import { inlineBullets } from './text/inlineBullets.js';
import { keyFact } from './text/keyFact.js';
import { runOnLine } from './text/runOnLine.js';
import { prose } from './text/prose.js';
import { definitionList } from './text/definitionList.js';
import { formulaWithLegend } from './text/formulaWithLegend.js';
import { inlineCard } from './text/inlineCard.js';
import { questionLabels } from './text/questionLabels.js';
import { questionLine } from './text/questionLine.js';
import { questionSeparator } from './text/questionSeparator.js';
import { sequence } from './text/sequence.js';

/**
 * Every extraction rule, in the order it is tried, with the reason for that order. Three stages:
 *
 * 1. `lines`: stretches of lines without Markdown structure (pasted text, a PDF's lines, the plain
 *    paragraphs of a Markdown file) become blocks. Markdown containers (fenced code, comments,
 *    lists, quotes, callouts, admonitions, `<details>`) are set apart before these rules run
 *    (src/parse/blocks/readBlocks.ts), so Markdown is honoured wherever it is.
 * 2. `blocks`: each block is tried against the block rules; the first that takes it wins.
 * 3. `text`: the lines of paragraphs and list items are tried against the text rules, line by line.
 *
 * A new rule is one file and one row here; every reader gets it.
 */
export const RULE_TABLE: readonly RuleRow[] = [
  // ---- lines: scans over a whole stretch first -------------------------------------------------
  { rule: templateMacro, recognises: '`{{ macro() }}` and `{% tag %}` lines (dropped)', why: 'Template code is never notes; dropped before anything can read it as text.' },
  { rule: documentName, recognises: 'a document name with a site or file suffix (`Cours.pdf`, `… - Studocu`)', why: 'Cleaned before boilerplate runs, so the name line is not taken for site furniture.' },
  { rule: boilerplate, recognises: 'site and app furniture in pasted text (dropped, with reasons)', why: 'Decided over the whole stretch (neighbours, repetition, edges) before any line is read as an item.' },
  { rule: tableOfContents, recognises: 'tables of contents: titles with dotted leaders or page numbers, runs of chapter titles repeated later (dropped)', why: 'Before headings are read: an entry would become a heading with nothing under it.' },
  { rule: wrappedLines, recognises: 'lines a PDF viewer or a paste broke mid-sentence (joined again)', why: 'After boilerplate (a page counter between two halves of a sentence is gone) and before any line is read.' },
  // ---- lines: tried at each line -----------------------------------------------------------------
  { rule: separatorCard, recognises: 'a paragraph holding a `?` or `??` line (a multi-line card)', why: 'First of the line rules: a card is Markdown syntax, and none of its lines may be read as a title or a heading.' },
  { rule: documentTitle, recognises: 'the first line of notes without headings, when it reads as a title', why: 'Only the very first line can be the title, and it must be taken before it reads as a heading or a definition; never a line holding card or cloze syntax.' },
  { rule: atxHeading, recognises: '`#` … `######` headings', why: 'An explicit heading outranks every guess about the line.' },
  { rule: setextHeading, recognises: 'a line underlined with `===` (or `---` in notes with headings)', why: 'The underline decides, whatever the line says.' },
  { rule: separatorLine, recognises: '`---`, `***`, `===` alone (a separator)', why: 'After setext headings, which use the same lines as underlines.' },
  { rule: tabTable, recognises: 'tab-separated lines (a spreadsheet, a flashcard export)', why: 'Tabs are unambiguous; before pipe tables, whose rows may hold tabs.' },
  { rule: pipeTable, recognises: 'GFM tables, also glued to the lines around them', why: 'A table row would otherwise read as a heading or a definition; it ends where its rows end.' },
  { rule: drawnTree, recognises: 'trees drawn with `├─ └─ │` (and ASCII `+--`)', why: 'The line above a tree is its root: read before that line can become a heading.' },
  { rule: questionBlock, recognises: 'a question line (`?`/`？`, numbered or not) and its answer lines', why: 'Before headings, so that short answer lines are never taken for headings.' },
  { rule: bareHeading, recognises: 'pasted headings: `第一章`, `一、`, `II.`, `1.2 Titre`, `1. Short title`, `Title:`, short title lines followed by content', why: 'Only in notes without headings of their own; after questions and structures, before lists (a lone numbered title is a heading, not a list).' },
  { rule: pastedBullets, recognises: 'pasted lists: `•`, `●`/`○`/`■` levels, `1、`, `a)`, `(1)`, `①`, tab indents', why: 'After headings: a numbered line among numbered lines is an item, alone it is a heading.' },
  { rule: leadInItems, recognises: 'short bare lines after a lead-in ending in `:`', why: 'Last: only lines no other rule took can be the items of a lead-in.' },
  // ---- blocks -----------------------------------------------------------------------------------
  { rule: sectionHeading, recognises: 'sections; a heading ending in `?` answered by what follows', why: 'A heading ends any open question before anything else is read.' },
  { rule: separatorBreak, recognises: 'a thematic break ends a question heading\'s answer', why: 'Same reason as headings.' },
  { rule: correctionBlock, recognises: 'a collapsible Correction/Solution/Réponse/答案 block: the answer of the exercise before it, or keys (`1. b 2. c`)', why: 'Before other containers, which are read as notes.' },
  { rule: container, recognises: 'admonitions (`!!!`, `???`), callouts (`> [!note]`), quotes, `<details>`', why: 'Their bodies are notes: read with these same rules.' },
  { rule: taskListChoice, recognises: 'authored multiple choice: a question then `- [x]` / `- [ ]` options', why: 'Before lists: the options are one question, not key points.' },
  { rule: letteredChoice, recognises: 'authored multiple choice: lettered options (`a.`, `B)`, `(c)`, `①`) and an answer key (`Réponse : b`, `Answer: C`, `答案：C`)', why: 'Before question blocks and lists, which would read the options as answers or items.' },
  { rule: questionAnswers, recognises: 'a question block: the question and its answers; `Terme — définition ?` cards give the definition', why: 'After choices, which are questions with options.' },
  { rule: cardWithCode, recognises: 'a `?` / `??` card whose answer is the code block under it', why: 'Before paragraphs: the separator and the code are one card.' },
  { rule: codeBlock, recognises: 'fenced and indented code, `$$` and ```` ```math ```` blocks, paragraphs of images: the answer of the question above, the example or figure of the item above; under a prompt (`… :`, `…?`) a card', why: 'After the `?` card with code (which takes its own block), before lists and paragraphs: a block belongs to the item made just above it.' },
  { rule: listBlock, recognises: 'nested lists (outlines), lists after a lead-in (outlines), other items (key points); items after a question are its answers', why: 'Items run the text rules first; what they leave becomes the outline or key points.' },
  { rule: tableBlock, recognises: 'tables (captioned by a lead-in)', why: 'Any order: nothing else takes a table.' },
  { rule: drawnTreeBlock, recognises: 'drawn trees (outlines; flows in their labels are sequences)', why: 'Any order: nothing else takes a tree.' },
  { rule: paragraphBlock, recognises: 'paragraph lines, read by the text rules', why: 'Last: what is left of the notes is text.' },
  // ---- text, line by line -----------------------------------------------------------------------
  { rule: questionSeparator, recognises: 'multi-line cards: question lines, `?` (or `??` both ways), answer lines', why: 'The separator makes the whole paragraph one card: first.' },
  { rule: questionLabels, recognises: '`Q:` / `A:` (Question/Réponse/问/答) pairs', why: 'Labels are explicit and span lines: before single-line rules.' },
  { rule: cloze, recognises: '`==highlight==` and `{{c1::answer::hint}}`; the cloze is the whole sentence, over the lines it wraps', why: 'Cloze markers are explicit; a cloze sentence may also hold a colon or an arrow.' },
  { rule: inlineCard, recognises: '`Question::Answer`, `Question:::Answer` (both ways)', why: 'Before definitions, since `::` holds a colon.' },
  { rule: formulaWithLegend, recognises: '`symbol = expression`, `$…$`, chemical equations, and their legend lines (`m = marge`)', why: 'Before definitions: legend lines look like definitions and belong to the formula.' },
  { rule: sequence, recognises: '`A → B → C` (`->`, `=>`, `⇒`, `—>`), optionally `Label: A → B`', why: 'Before definitions: `Cycle: A → B` is a labelled flow, not a term.' },
  { rule: runOnLine, recognises: 'a line a paste ran several statements into: cut at elisions (`[...]`) and where a new `Terme : définition` or inline bullets begin', why: 'After every rule that reads a whole line by its markers, before definitions, which would take the whole run as one.' },
  { rule: inlineBullets, recognises: '`Lead-in : - item - item - item` on one line: an outline', why: 'Before definitions: the lead-in and its colon look like a term.' },
  { rule: definitionList, recognises: 'definition lists: `Term` then `: definition` lines', why: 'Spans lines; before single-line definitions.' },
  { rule: definition, recognises: '`**Term**: def`, `Term: def`, `Terme : déf`, `术语：定义`, `Term — def`, `Term - def`', why: 'The common case, after every more specific form.' },
  { rule: chineseDefinition, recognises: '`X是指Y`, `X指的是Y`, `X即Y`', why: 'Chinese definitions without a colon; after colon forms.' },
  { rule: questionLine, recognises: 'a question line and the answer lines after it (in one paragraph or list item)', why: 'After definitions: `Why: … ?` lines with a colon are definitions of their own.' },
  { rule: definitionContinued, recognises: 'a definition wrapped over the next lines', why: 'Last of the item rules: only a line no rule took can continue the definition above it.' },
  { rule: keyFact, recognises: 'in prose, a sentence with a figure (a percentage, a ratio, an amount, a year, a count): a key fact', why: 'Leftover rule: reads only the lines no item took, in paragraphs (not in a question heading\'s answer).' },
  { rule: prose, recognises: 'every other line of text: a paragraph item in its section, so nothing is lost', why: 'Last: what is left of the notes is kept as written.' },
];


export const LINE_RULES: readonly LineRule[] = RULE_TABLE.map((r) => r.rule).filter((r): r is LineRule => r.stage === 'lines');
export const BLOCK_RULES: readonly BlockRule[] = RULE_TABLE.map((r) => r.rule).filter((r): r is BlockRule => r.stage === 'blocks');
export const TEXT_RULES: readonly TextRule[] = RULE_TABLE.map((r) => r.rule).filter((r): r is TextRule => r.stage === 'text');
