import { createHash } from 'node:crypto';
import { writeZip, type ZipEntry } from '../anki/zip.js';
import type { McqQuestion } from '../mcq/McqBank.js';
import { xmlText } from '../moodle/moodleXml.js';
import { byCategory, categoryPath, exportBank, type ExportBank, type ExportContext, isXmlText, questionShape, questionTexts, SkipTally } from '../quiz/exportQuestions.js';
import type { Renderer } from '../Renderer.js';

const QTI_NS = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
const QTI_XSD = 'http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd';
const CP_NS = 'http://www.imsglobal.org/xsd/imscp_v1p1';
const CP_XSD = 'http://www.imsglobal.org/xsd/imscp_v1p1.xsd';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';
const MATCH_CORRECT = 'http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct';

/** Inline text for QTI's XHTML subset: escaped, line breaks as <br/>. */
const inline = (text: string) => xmlText(text).replace(/\r\n|\r|\n/g, '<br/>');
const choiceId = (i: number) => `choice_${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`;
const lang = (language: string) => (/^[a-z]{2,3}$/.test(language) ? language : 'und');

function itemXml(q: McqQuestion, language: string, multiple: boolean): string {
  const keys = q.options.flatMap((o, i) => (o.correct ? [choiceId(i)] : []));
  const feedback = `${q.explanation ? `${inline(q.explanation)}<br/>` : ''}Source: ${inline(`${q.source.file}:${q.source.line}`)}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<assessmentItem xmlns="${QTI_NS}" xmlns:xsi="${XSI}" xsi:schemaLocation="${QTI_NS} ${QTI_XSD}" identifier="${q.id}" title="${xmlText(q.id)}" adaptive="false" timeDependent="false" xml:lang="${lang(language)}">`,
    `  <responseDeclaration identifier="RESPONSE" cardinality="${multiple ? 'multiple' : 'single'}" baseType="identifier">`,
    `    <correctResponse>${keys.map((k) => `<value>${k}</value>`).join('')}</correctResponse>`,
    '  </responseDeclaration>',
    '  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"><defaultValue><value>0</value></defaultValue></outcomeDeclaration>',
    // Set by default, so the explanation shows after any answer while the standard template scores it.
    '  <outcomeDeclaration identifier="FEEDBACK" cardinality="single" baseType="identifier"><defaultValue><value>EXPLANATION</value></defaultValue></outcomeDeclaration>',
    '  <itemBody>',
    `    <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="${multiple ? 0 : 1}">`,
    `      <prompt>${inline(q.stem)}</prompt>`,
    ...q.options.map((o, i) => `      <simpleChoice identifier="${choiceId(i)}">${inline(o.text)}</simpleChoice>`),
    '    </choiceInteraction>',
    '  </itemBody>',
    `  <responseProcessing template="${MATCH_CORRECT}"/>`,
    `  <modalFeedback outcomeIdentifier="FEEDBACK" identifier="EXPLANATION" showHide="show">${feedback}</modalFeedback>`,
    '</assessmentItem>',
    '',
  ].join('\n');
}

/** QTI 2.1 content package: imsmanifest.xml, one assessmentItem per question, a test with a section per theme. */
export const qtiRenderer: Renderer = {
  name: 'qti',
  extension: '.qti.zip',
  binary: true,
  optional: true,
  description: 'QTI 2.1 content package (zip with imsmanifest.xml) for Canvas, Blackboard and other LMS',
  async render(document, context) {
    return writeQtiPackage(exportBank(document, context), context);
  },
};

/** The export of any bank (single-choice, true/false and multiple-answer questions alike). */
export async function writeQtiPackage(bank: ExportBank, context: ExportContext): Promise<Uint8Array | null> {
  if (bank.questions.length === 0) {
    context.report({ message: 'qti: the question bank is empty; no QTI package written', ruleId: 'qti-empty' });
    return null;
  }
  const tally = new SkipTally();
  const items: { q: McqQuestion; href: string; section: string[] }[] = [];
  const entries: ZipEntry[] = [];
  for (const q of byCategory(bank.title, bank.questions)) {
    const shape = questionShape(q);
    if (shape === null) tally.skip('without a key');
    else if (!questionTexts(q).every(isXmlText)) tally.skip('with characters XML cannot hold');
    else {
      const href = `items/${q.id}.xml`;
      items.push({ q, href, section: categoryPath(bank.title, q) });
      entries.push({ name: href, data: Buffer.from(itemXml(q, bank.language, shape === 'multiple'), 'utf8') });
    }
  }
  tally.report(context, 'qti', bank.questions.length);
  if (items.length === 0) return null;
  const sections = new Map<string, typeof items>();
  for (const item of items) {
    const key = item.section.join(' › ');
    sections.set(key, [...(sections.get(key) ?? []), item]);
  }
  const testId = `test-${createHash('sha256').update(bank.file).digest('hex').slice(0, 16)}`;
  const test = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<assessmentTest xmlns="${QTI_NS}" xmlns:xsi="${XSI}" xsi:schemaLocation="${QTI_NS} ${QTI_XSD}" identifier="${testId}" title="${xmlText(bank.title)}">`,
    '  <testPart identifier="part-1" navigationMode="nonlinear" submissionMode="simultaneous">',
    ...[...sections].flatMap(([title, members], i) => [
      `    <assessmentSection identifier="section-${i + 1}" title="${xmlText(title)}" visible="true">`,
      ...members.map((m) => `      <assessmentItemRef identifier="${m.q.id}" href="${m.href}"/>`),
      '    </assessmentSection>',
    ]),
    '  </testPart>',
    '</assessmentTest>',
    '',
  ].join('\n');
  const manifest = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<manifest xmlns="${CP_NS}" xmlns:xsi="${XSI}" xsi:schemaLocation="${CP_NS} ${CP_XSD}" identifier="manifest-${testId.slice(5)}">`,
    '  <metadata><schema>QTIv2.1 Package</schema><schemaversion>1.0.0</schemaversion></metadata>',
    '  <organizations/>',
    '  <resources>',
    `    <resource identifier="${testId}" type="imsqti_test_xmlv2p1" href="assessment.xml">`,
    '      <file href="assessment.xml"/>',
    ...items.map((m) => `      <dependency identifierref="${m.q.id}"/>`),
    '    </resource>',
    ...items.map((m) => `    <resource identifier="${m.q.id}" type="imsqti_item_xmlv2p1" href="${m.href}"><file href="${m.href}"/></resource>`),
    '  </resources>',
    '</manifest>',
    '',
  ].join('\n');
  return writeZip([{ name: 'imsmanifest.xml', data: Buffer.from(manifest, 'utf8') }, { name: 'assessment.xml', data: Buffer.from(test, 'utf8') }, ...entries], context.timestamp);
}
