#!/usr/bin/env node
// Makes the committed fixtures of tests/readers from the notes in tests/readers/fixtures/notes/*.md:
// each note is written as OpenDocument flat XML (.fodt, or .fodp for deck.md) and converted by
// LibreOffice (headless) to PDF, DOCX, ODT, PPTX and ODP, the way a teacher's files are made. In
// deck.md, `#` is the title slide, each `##` a slide, and what follows `<!-- notes -->` its speaker notes.
// Needs `soffice` (Debian: apt-get install libreoffice-writer libreoffice-impress fonts-noto-cjk),
// pdftoppm and qpdf; CI never runs this, it only reads the files it made.
// usage: node scripts/make-reader-fixtures.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { PDFDocument } from 'pdf-lib';

const root = new URL('../tests/readers/fixtures/', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'revise-fixtures-'));
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
].join(' ');

function inline(nodes) {
  return nodes
    .map((n) => {
      if (n.type === 'text') return esc(n.value).replace(/\n\s*/g, '<text:line-break/>');
      if (n.type === 'strong') return `<text:span text:style-name="B">${inline(n.children)}</text:span>`;
      if (n.type === 'emphasis') return `<text:span text:style-name="I">${inline(n.children)}</text:span>`;
      if (n.type === 'inlineCode') return `<text:span text:style-name="M">${esc(n.value)}</text:span>`;
      if (n.type === 'break') return '<text:line-break/>';
      return n.children ? inline(n.children) : '';
    })
    .join('');
}

function spaces(line) {
  return esc(line).replace(/ {2,}/g, (m) => ` <text:s text:c="${m.length - 1}"/>`).replace(/^ /, '<text:s/>');
}

function block(node, listStyle) {
  switch (node.type) {
    case 'heading':
      return `<text:h text:style-name="Heading_20_${node.depth}" text:outline-level="${node.depth}">${inline(node.children)}</text:h>`;
    case 'paragraph':
      return `<text:p text:style-name="${listStyle ? 'List_20_Contents' : 'Text_20_body'}">${inline(node.children)}</text:p>`;
    case 'list': {
      const style = node.ordered ? 'LN' : 'LB';
      const start = node.ordered && node.start && node.start !== 1 ? ` text:start-value="${node.start}"` : '';
      const items = node.children.map((item, i) => `<text:list-item${i === 0 ? start : ''}>${item.children.map((c) => block(c, style)).join('')}</text:list-item>`).join('');
      return `<text:list text:style-name="${style}">${items}</text:list>`;
    }
    case 'code':
      return node.value.split('\n').map((l) => `<text:p text:style-name="Preformatted_20_Text">${spaces(l)}</text:p>`).join('');
    case 'table': {
      const cols = node.children[0].children.length;
      const row = (r) => `<table:table-row>${r.children.map((c) => `<table:table-cell office:value-type="string"><text:p text:style-name="Table_20_Contents">${inline(c.children)}</text:p></table:table-cell>`).join('')}</table:table-row>`;
      return `<table:table table:name="T${++tables}"><table:table-column table:number-columns-repeated="${cols}"/><table:table-header-rows>${row(node.children[0])}</table:table-header-rows>${node.children.slice(1).map(row).join('')}</table:table>`;
    }
    default:
      return '';
  }
}
let tables = 0;

const LIST_STYLES = `
<text:list-style style:name="LB">
  ${[1, 2, 3].map((l) => `<text:list-level-style-bullet text:level="${l}" text:bullet-char="${['•', '◦', '▪'][l - 1]}"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="${0.635 * l}cm" fo:text-indent="-0.635cm" fo:margin-left="${0.635 * l}cm"/></style:list-level-properties></text:list-level-style-bullet>`).join('')}
</text:list-style>
<text:list-style style:name="LN">
  <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.8cm" fo:text-indent="-0.8cm" fo:margin-left="0.8cm"/></style:list-level-properties></text:list-level-style-number>
</text:list-style>`;

const TEXT_STYLES = `
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/></style:style>
<style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="M" style:family="text"><style:text-properties style:font-name="Liberation Mono" fo:font-family="'Liberation Mono'"/></style:style>`;

const WRITER_STYLES = `
<style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Serif" fo:font-family="'Liberation Serif'" fo:font-size="12pt" style:font-name-asian="Noto Sans CJK SC" style:font-family-asian="'Noto Sans CJK SC'" style:font-size-asian="12pt"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/><style:text-properties style:font-name="Liberation Sans" fo:font-family="'Liberation Sans'" fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
${[[1, '130%'], [2, '115%'], [3, '101%']].map(([n, size]) => `<style:style style:name="Heading_20_${n}" style:display-name="Heading ${n}" style:family="paragraph" style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="${n}" style:class="text"><style:text-properties fo:font-size="${size}" fo:font-weight="bold" style:font-size-asian="${size}" style:font-weight-asian="bold"/></style:style>`).join('')}
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="115%"/></style:style>
<style:style style:name="List_20_Contents" style:display-name="List Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="html"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.1cm" fo:line-height="115%"/></style:style>
<style:style style:name="Preformatted_20_Text" style:display-name="Preformatted Text" style:family="paragraph" style:parent-style-name="Standard" style:class="html"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0cm"/><style:text-properties style:font-name="Liberation Mono" fo:font-family="'Liberation Mono'" style:font-pitch="fixed" fo:font-size="10pt"/></style:style>
<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:text-properties fo:font-size="9pt"/></style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt"/></style:style>`;

/** A Writer document; `columns`, `running` and `page` make the two-column, running-header and A5 variants. */
function fodt(markdown, { columns = 1, running = null, cjk = false, page = ['21cm', '29.7cm'] } = {}) {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const body = tree.children.map((n) => block(n)).join('\n');
  const header = running ? `<style:header><text:p text:style-name="Header">${esc(running)}</text:p></style:header><style:footer><text:p text:style-name="Footer">Page <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>` : '';
  const asian = cjk ? '<style:default-style style:family="paragraph"><style:text-properties style:font-name-asian="Noto Sans CJK SC" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>' : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" style:font-family-generic="roman"/><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss"/><style:font-face style:name="Liberation Mono" svg:font-family="'Liberation Mono'" style:font-pitch="fixed"/><style:font-face style:name="Noto Sans CJK SC" svg:font-family="'Noto Sans CJK SC'"/></office:font-face-decls>
<office:styles>${WRITER_STYLES}${asian}${LIST_STYLES}</office:styles>
<office:automatic-styles>${TEXT_STYLES}
<style:page-layout style:name="PL"><style:page-layout-properties fo:page-width="${page[0]}" fo:page-height="${page[1]}" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm">${columns > 1 ? `<style:columns fo:column-count="${columns}" fo:column-gap="1cm"/>` : ''}</style:page-layout-properties>${running ? '<style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.5cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style>' : ''}</style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="PL">${header}</style:master-page></office:master-styles>
<office:body><office:text>
${body}
</office:text></office:body></office:document>
`;
}

/** An Impress deck: `#` is the title slide, each `##` a slide with its title, bullets, table, and prose as speaker notes. */
function fodp(markdown) {
  const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const slides = [];
  let inNotes = false;
  for (const node of tree.children) {
    if (node.type === 'heading') {
      slides.push({ depth: node.depth, title: inline(node.children), body: [], notes: [] });
      inNotes = false;
    } else if (node.type === 'html' && /<!--\s*notes\s*-->/.test(node.value)) inNotes = true;
    else if (inNotes) slides.at(-1).notes.push(node);
    else slides.at(-1).body.push(node);
  }
  const frame = (cls, y, h, content) => `<draw:frame presentation:style-name="${cls === 'title' ? 'Default-title' : 'Default-outline1'}" presentation:class="${cls}" svg:x="1.5cm" svg:y="${y}cm" svg:width="25cm" svg:height="${h}cm"><draw:text-box>${content}</draw:text-box></draw:frame>`;
  const outline = (list) => `<text:list>${list.children.map((item) => `<text:list-item>${item.children.map((c) => (c.type === 'list' ? outline(c) : `<text:p>${inline(c.children)}</text:p>`)).join('')}</text:list-item>`).join('')}</text:list>`;
  const pages = slides.map((s, i) => {
    const parts = [frame('title', 0.8, 2.5, `<text:p>${s.title}</text:p>`)];
    let y = 4;
    for (const b of s.body) {
      if (b.type === 'table') {
        const rows = b.children.map((r) => `<table:table-row>${r.children.map((c) => `<table:table-cell><text:p>${inline(c.children)}</text:p></table:table-cell>`).join('')}</table:table-row>`).join('');
        parts.push(`<draw:frame svg:x="1.5cm" svg:y="${y}cm" svg:width="25cm" svg:height="3cm"><table:table><table:table-column table:number-columns-repeated="${b.children[0].children.length}"/>${rows}</table:table></draw:frame>`);
        y += 4;
      } else if (b.type === 'list') {
        parts.push(frame('outline', y, 6, outline(b)));
        y += 6.5;
      } else if (s.depth === 1) {
        parts.push(frame('subtitle', y, 2, `<text:p>${inline(b.children)}</text:p>`));
        y += 2.5;
      } else {
        parts.push(frame('outline', y, 2.5, `<text:p>${inline(b.children)}</text:p>`));
        y += 3;
      }
    }
    const notes = s.notes.length ? `<presentation:notes><draw:frame presentation:class="notes" svg:x="2cm" svg:y="14cm" svg:width="17cm" svg:height="10cm"><draw:text-box>${s.notes.map((n) => `<text:p>${inline(n.children)}</text:p>`).join('')}</draw:text-box></draw:frame></presentation:notes>` : '';
    return `<draw:page draw:name="page${i + 1}" draw:master-page-name="Default" presentation:presentation-page-layout-name="${s.depth === 1 ? 'LT' : 'LO'}">${parts.join('')}${notes}</draw:page>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.presentation">
<office:styles>${TEXT_STYLES}
<style:default-style style:family="graphic"><style:graphic-properties draw:fill="none" draw:stroke="none"/><style:text-properties style:font-name="Liberation Sans" fo:font-family="'Liberation Sans'" fo:font-size="18pt"/></style:default-style>
<style:style style:name="Default-title" style:family="presentation"><style:graphic-properties draw:fill="none" draw:stroke="none"/><style:text-properties fo:font-size="32pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Default-subtitle" style:family="presentation"><style:graphic-properties draw:fill="none" draw:stroke="none"/><style:text-properties fo:font-size="20pt"/></style:style>
<style:style style:name="Default-outline1" style:family="presentation"><style:graphic-properties draw:fill="none" draw:stroke="none"/><style:text-properties fo:font-size="20pt"/></style:style>
<style:presentation-page-layout style:name="LT"><presentation:placeholder presentation:object="title" svg:x="1.5cm" svg:y="0.8cm" svg:width="25cm" svg:height="2.5cm"/><presentation:placeholder presentation:object="subtitle" svg:x="1.5cm" svg:y="4cm" svg:width="25cm" svg:height="8cm"/></style:presentation-page-layout>
<style:presentation-page-layout style:name="LO"><presentation:placeholder presentation:object="title" svg:x="1.5cm" svg:y="0.8cm" svg:width="25cm" svg:height="2.5cm"/><presentation:placeholder presentation:object="outline" svg:x="1.5cm" svg:y="4cm" svg:width="25cm" svg:height="10cm"/></style:presentation-page-layout>
</office:styles>
<office:automatic-styles>${TEXT_STYLES}<style:page-layout style:name="PM"><style:page-layout-properties fo:page-width="28cm" fo:page-height="15.75cm" style:print-orientation="landscape"/></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Default" style:page-layout-name="PM"><draw:frame presentation:style-name="Default-title" presentation:class="title" presentation:placeholder="true" svg:x="1.5cm" svg:y="0.8cm" svg:width="25cm" svg:height="2.5cm"><draw:text-box/></draw:frame><draw:frame presentation:style-name="Default-outline1" presentation:class="outline" presentation:placeholder="true" svg:x="1.5cm" svg:y="4cm" svg:width="25cm" svg:height="10cm"><draw:text-box/></draw:frame></style:master-page></office:master-styles>
<office:body><office:presentation>
${pages.join('\n')}
</office:presentation></office:body></office:document>
`;
}

function convert(source, format, out) {
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${work}/profile`, '--convert-to', format, '--outdir', work, source], { stdio: 'ignore' });
  const made = join(work, `${basename(source).replace(/\.[^.]+$/, '')}.${format.split(':')[0]}`);
  renameSync(made, join(root, out));
  console.log(out);
}

function writeSource(name, xml) {
  const path = join(work, name);
  writeFileSync(path, xml);
  return path;
}

const notes = (name) => readFileSync(join(root, 'notes', name), 'utf8');

for (const name of ['photosynthese', 'cells', 'jingji']) {
  const src = writeSource(`${name}.fodt`, fodt(notes(`${name}.md`), { cjk: name === 'jingji' }));
  for (const format of ['pdf', 'docx', 'odt']) convert(src, format, `${name}.${format}`);
}
convert(writeSource('photosynthese-2col.fodt', fodt(notes('photosynthese.md'), { columns: 2 })), 'pdf', 'photosynthese-2col.pdf');
convert(writeSource('faq-examen.fodt', fodt(notes('faq-examen.md'), { running: 'Lycée Jean Moulin — Baccalauréat, session 2025', page: ['14.8cm', '21cm'] })), 'pdf', 'faq-examen.pdf');
const deck = writeSource('deck.fodp', fodp(notes('deck.md')));
for (const format of ['pptx', 'odp', 'pdf']) convert(deck, format, `deck.${format}`);

// A scanned page: the first page of the handout as a picture, in a PDF without any text.
execFileSync('pdftoppm', ['-r', '60', '-gray', '-png', '-f', '1', '-l', '1', join(root, 'photosynthese.pdf'), join(work, 'scan')]);
const png = readdirSync(work).find((f) => f.startsWith('scan') && f.endsWith('.png'));
const scan = await PDFDocument.create();
const image = await scan.embedPng(readFileSync(join(work, png)));
scan.addPage([595, 842]).drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
scan.setCreationDate(new Date(0));
scan.setModificationDate(new Date(0));
writeFileSync(join(root, 'scanned.pdf'), await scan.save());
console.log('scanned.pdf');
// A password-protected copy (qpdf, AES-256): revise must say so rather than fail obscurely.
execFileSync('qpdf', ['--encrypt', 'secret', 'secret', '256', '--', join(root, 'cells.pdf'), join(root, 'encrypted.pdf')]);
console.log('encrypted.pdf');
rmSync(work, { recursive: true, force: true });
