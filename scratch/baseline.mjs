import { readFileSync, writeFileSync } from 'node:fs';
import { toModelJson } from '../dist/model/toModelJson.js';
import { parseNotes } from '../dist/parse/parseNotes.js';
for (const name of ['cell-biology', 'jingji', 'photosynthese']) {
  const { document } = parseNotes(readFileSync(`input/${name}.md`, 'utf8'), { file: `${name}.md` });
  writeFileSync(`tests/pasted/baseline/${name}.json`, toModelJson(document));
}
