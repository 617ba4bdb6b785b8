// Writes a synthetic course for the benchmark: French, English and Chinese notes using every
// structure the parser knows (definitions, tables, outlines, sequences, Q&A, clozes, key points,
// formulas, front matter). Deterministic: the same arguments give the same bytes.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const WORDS = {
  fr: ['cellule', 'membrane', 'énergie', 'molécule', 'enzyme', 'protéine', 'noyau', 'photosynthèse', 'respiration', 'glucose', 'tissu', 'organe', 'gène', 'chromosome', 'mitose', 'méiose', 'synapse', 'neurone', 'hormone', 'écosystème'],
  en: ['cell', 'membrane', 'energy', 'molecule', 'enzyme', 'protein', 'nucleus', 'photosynthesis', 'respiration', 'glucose', 'tissue', 'organ', 'gene', 'chromosome', 'mitosis', 'meiosis', 'synapse', 'neuron', 'hormone', 'ecosystem'],
  zh: ['细胞', '细胞膜', '能量', '分子', '酶', '蛋白质', '细胞核', '光合作用', '呼吸作用', '葡萄糖', '组织', '器官', '基因', '染色体', '有丝分裂', '减数分裂', '突触', '神经元', '激素', '生态系统'],
};
const TEXT = {
  fr: { def: 'désigne une notion étudiée en classe qui relie', and: 'et', q: 'Quel est le rôle de', a: 'Il assure la fonction principale de', why: 'Pourquoi', key: 'Il faut retenir que', chapter: 'Chapitre', table: ['Notion', 'Lieu', 'Rôle'], cycle: 'Cycle' },
  en: { def: 'is a notion studied in class that links', and: 'and', q: 'What is the role of', a: 'It performs the main function of', why: 'Why', key: 'Remember that', chapter: 'Chapter', table: ['Notion', 'Place', 'Role'], cycle: 'Cycle' },
  zh: { def: '是课堂上学习的概念，它连接', and: '和', q: '的作用是什么', a: '它承担主要功能：', why: '为什么', key: '要记住', chapter: '第', table: ['概念', '位置', '作用'], cycle: '循环' },
};

/** Small deterministic PRNG (mulberry32), so the course is the same on every machine. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function notes(index, lang, targetBytes) {
  const rnd = random(index * 7919 + 1);
  const w = WORDS[lang];
  const t = TEXT[lang];
  const pick = () => w[Math.floor(rnd() * w.length)];
  const term = (k) => `${pick()}${lang === 'zh' ? '' : ' '}${k}`;
  const out = ['---', `title: ${t.chapter} ${index}`, `lang: ${lang}`, `tags: [bench, ${lang}]`, '---', '', `# ${t.chapter} ${index}`, ''];
  let section = 0;
  while (Buffer.byteLength(out.join('\n')) < targetBytes) {
    section++;
    const s = `${index}-${section}`;
    out.push(`## ${pick()} ${s}`, '');
    for (let k = 0; k < 3; k++) out.push(`**${term(`${s}.${k}`)}** : ${pick()} ${t.def} ${pick()} ${t.and} ${pick()}.`, '');
    out.push(`${term(`${s}.x`)}`, `: ${t.def} ${pick()}.`, '');
    out.push(`| ${t.table.join(' | ')} |`, '|---|---|---|');
    for (let r = 0; r < 3; r++) out.push(`| ${pick()} ${s}.${r} | ${pick()} | ${pick()} ${t.and} ${pick()} |`);
    out.push('', `- ${pick()} ${s}`, `  - ${pick()}`, `    - ${pick()}`, `    - ${pick()}`, `  - ${pick()}`, '');
    out.push(`${t.cycle} ${s}: ${pick()} → ${pick()} → ${pick()} → ${pick()}`, '');
    out.push(`v${section} = d${section} / t${section} × ${Math.floor(rnd() * 90) + 10}`, '');
    out.push(`${t.key} {{c1::${pick()} ${s}::${pick()}}} ${t.and} ==${pick()}==.`, '');
    out.push(`1. ${t.key} ${pick()} ${s}.`, `2. ${t.key} ${pick()} ${t.and} ${pick()}.`, `3. ${t.key} ${pick()}.`, '');
    out.push(lang === 'zh' ? `${pick()}${s}${t.q}？::${t.a}${pick()}。` : `${t.q} ${pick()} ${s}?::${t.a} ${pick()}.`, '');
    out.push(`Q: ${t.why} ${pick()} ${s}?`, `A: ${t.a} ${pick()} ${t.and} ${pick()}.`, '');
  }
  return `${out.join('\n')}\n`;
}

/** `count` files of about `bytesPerFile`, in nested folders, a third in each language. */
export async function generateCourse(root, { count = 500, bytesPerFile = 10_000 } = {}) {
  await rm(root, { recursive: true, force: true });
  const langs = ['fr', 'en', 'zh'];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const lang = langs[i % 3];
    const folder = join(root, `unit-${String(Math.floor(i / 50) + 1).padStart(2, '0')}`, lang);
    await mkdir(folder, { recursive: true });
    const text = notes(i, lang, bytesPerFile);
    bytes += Buffer.byteLength(text);
    await writeFile(join(folder, `notes-${String(i).padStart(3, '0')}.md`), text);
  }
  return { files: count, bytes };
}
