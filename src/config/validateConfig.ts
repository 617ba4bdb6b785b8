import { ConfigError } from './ConfigError.js';
import { CONFIG_KEYS, type ReviseConfig } from './ReviseConfig.js';

const EXAMPLE = '{ "formats": ["json"], "out": "dist", "deckName": "Biology", "language": "fr" }';

/**
 * Checks a parsed configuration and returns it typed. Every problem is collected before failing, so a
 * teacher fixes the file once rather than once per key.
 */
export function validateConfig(raw: unknown, file: string): ReviseConfig {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(file, [`must hold an object of settings, for example ${EXAMPLE}; got ${describe(raw)}`]);
  }
  const input = raw as Record<string, unknown>;
  const problems: string[] = [];
  const config: ReviseConfig = {};
  const bad = (key: string, expected: string) => problems.push(`"${key}" must be ${expected}; got ${describe(input[key])}`);

  for (const key of Object.keys(input)) {
    if (key === '$schema') continue;
    if (!(CONFIG_KEYS as readonly string[]).includes(key)) {
      const near = closest(key, CONFIG_KEYS);
      problems.push(`unknown key "${key}"${near ? ` (did you mean "${near}"?)` : ''}; known keys: ${CONFIG_KEYS.join(', ')}`);
    }
  }
  const has = (key: string) => input[key] !== undefined;

  if (has('formats')) {
    const v = input.formats;
    if (typeof v === 'string' && v.trim()) config.formats = v.split(',').map((s) => s.trim()).filter(Boolean);
    else if (Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s.trim())) config.formats = v as string[];
    else bad('formats', 'a non-empty list of format names, such as ["json", "anki"]');
  }
  for (const key of ['out', 'deckName', 'templates'] as const) {
    if (!has(key)) continue;
    const v = input[key];
    if (typeof v === 'string' && v.trim()) config[key] = v;
    else bad(key, 'a non-empty string');
  }
  if (has('language')) {
    const v = input.language;
    if (typeof v === 'string' && /^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/i.test(v)) config.language = v.toLowerCase();
    else bad('language', 'a language code such as "fr", "en" or "zh"');
  }
  if (has('keepBoilerplate')) {
    if (typeof input.keepBoilerplate === 'boolean') config.keepBoilerplate = input.keepBoilerplate;
    else bad('keepBoilerplate', 'true or false');
  }
  if (has('maxSize')) {
    const v = input.maxSize;
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) config.maxSize = v;
    else bad('maxSize', 'a positive number of MiB, such as 16');
  }
  if (has('jobs')) {
    const v = input.jobs;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1) config.jobs = v;
    else bad('jobs', 'a whole number of worker threads, 1 or more');
  }
  if (has('timeout')) {
    const v = input.timeout;
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0) config.timeout = v;
    else bad('timeout', 'a number of seconds per notes file, such as 300 (0 for no limit)');
  }
  if (has('index')) {
    const v = input.index;
    if (v === false) config.index = false;
    else if (v === true) config.index = 'index.html';
    else if (typeof v === 'string' && /^[^\\/]+\.(?:html?|md)$/i.test(v)) config.index = v;
    else bad('index', 'false, true, or a file name ending in .html or .md (no folder), such as "index.html"');
  }
  if (has('renderers')) {
    const v = input.renderers;
    if (!Array.isArray(v)) bad('renderers', 'a list of npm package names or ["package", { options }] pairs, such as ["revise-renderer-gift"]');
    else {
      const entries: ReviseConfig['renderers'] = [];
      v.forEach((entry, i) => {
        if (typeof entry === 'string' && entry.trim()) entries.push(entry);
        else if (Array.isArray(entry) && entry.length >= 1 && entry.length <= 2 && typeof entry[0] === 'string' && entry[0].trim() && (entry.length === 1 || isPlainObject(entry[1]))) {
          entries.push([entry[0], (entry[1] as Record<string, unknown> | undefined) ?? {}]);
        } else {
          problems.push(`"renderers[${i}]" must be a package name or a ["package", { options }] pair, such as ["revise-renderer-gift", { "category": "Bio" }]; got ${describe(entry)}`);
        }
      });
      config.renderers = entries;
    }
  }
  if (has('options')) {
    const v = input.options;
    if (!isPlainObject(v)) bad('options', 'an object of options per format, such as { "anki": { "reversed": true } }');
    else {
      config.options = {};
      for (const [name, value] of Object.entries(v)) {
        if (isPlainObject(value)) config.options[name] = value;
        else problems.push(`"options.${name}" must be an object of options for the ${name} format; got ${describe(value)}`);
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(file, problems);
  return config;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A short quote of the bad value, so the message shows what was read. */
export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(v) ?? String(v);
  } catch {
    text = String(v);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function closest(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
