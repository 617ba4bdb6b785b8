import type { Diagnostic } from '../model/Diagnostic.js';
import { CACHE_FORMAT, type CachedFile, type CachedJoin, type CachedPart, type CacheState, type OutputCheck } from './CacheState.js';

type Unknown = Record<string, unknown>;

const isObject = (v: unknown): v is Unknown => v !== null && typeof v === 'object' && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isHash = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);

/**
 * A path the cache may name: relative, forward slashes, never `..` or absolute, so that a forged or
 * damaged state file cannot make revise read, skip or delete anything outside the output folder.
 */
export function isSafeRelativePath(v: unknown): v is string {
  if (typeof v !== 'string' || v === '' || v.length > 4096 || v.startsWith('/') || v.includes('\\') || v.includes('\0')) return false;
  return v.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/**
 * The cache's state file as read from disk, keeping only records of the right shape: a record that
 * is damaged, hand-edited or from another version is dropped (its file is built again), never an
 * error. Throws only when the file as a whole is not a state of this format.
 */
export function validateCacheState(raw: unknown): CacheState {
  if (!isObject(raw) || raw.format !== CACHE_FORMAT || !isString(raw.optionsKey)) throw new Error('not a revise cache state of this format');
  const files: Record<string, CachedFile> = Object.create(null) as Record<string, CachedFile>;
  for (const [id, entry] of Object.entries(isObject(raw.files) ? raw.files : {})) {
    const file = toCachedFile(entry);
    if (file && isSafeRelativePath(id)) files[id] = file;
  }
  const parts: Record<string, CachedPart> = Object.create(null) as Record<string, CachedPart>;
  for (const [name, entry] of Object.entries(isObject(raw.parts) ? raw.parts : {})) {
    const part = toCachedPart(entry);
    if (part) parts[name] = part;
  }
  return { format: CACHE_FORMAT, optionsKey: raw.optionsKey, files, parts };
}

function toChecks(outputs: unknown, checks: unknown): { outputs: string[]; checks: OutputCheck[] } | null {
  if (!Array.isArray(outputs) || !Array.isArray(checks) || outputs.length !== checks.length || !outputs.every(isSafeRelativePath)) return null;
  const valid = checks.every((c) => isObject(c) && isCount(c.size) && typeof c.mtimeMs === 'number' && Number.isFinite(c.mtimeMs) && isHash(c.sha));
  return valid ? { outputs: outputs as string[], checks: checks as OutputCheck[] } : null;
}

function isDiagnostic(v: unknown): v is Diagnostic {
  if (!isObject(v) || !isString(v.file) || !isString(v.message) || !isString(v.ruleId)) return false;
  if (v.severity !== 'error' && v.severity !== 'warning' && v.severity !== 'info') return false;
  return (v.line === undefined || isCount(v.line)) && (v.column === undefined || isCount(v.column));
}

function toCachedFile(v: unknown): CachedFile | null {
  if (!isObject(v) || !isHash(v.key) || typeof v.timestamp !== 'number' || !Number.isFinite(v.timestamp) || !isCount(v.items)) return null;
  if (!isString(v.title) || !isString(v.language) || !(v.root === null || isString(v.root))) return null;
  if (!Array.isArray(v.messages) || !v.messages.every(isDiagnostic)) return null;
  const outputs = toChecks(v.outputs, v.checks);
  if (!outputs) return null;
  if (!Array.isArray(v.stored) || !v.stored.every((s) => isObject(s) && isSafeRelativePath(s.file) && isCount(s.size))) return null;
  const stored = (v.stored as Unknown[]).map((s) => ({ file: s.file as string, size: s.size as number }));
  if (v.counts !== undefined && !(isObject(v.counts) && Object.values(v.counts).every(isCount))) return null;
  // Images the file showed: paths inside the build root → their sha256, '' for one that was missing.
  if (v.media !== undefined && !(isObject(v.media) && Object.entries(v.media).every(([path, sha]) => isSafeRelativePath(path) && (sha === '' || isHash(sha))))) return null;
  return {
    key: v.key,
    timestamp: v.timestamp,
    ...outputs,
    items: v.items,
    ...(v.counts === undefined ? {} : { counts: v.counts as Record<string, number> }),
    messages: v.messages as Diagnostic[],
    title: v.title,
    language: v.language,
    root: v.root as string | null,
    stored,
    ...(v.media === undefined ? {} : { media: v.media as Record<string, string> }),
  };
}

function toCachedPart(v: unknown): CachedPart | null {
  // A failed course keeps its record with an empty key, so it is joined again from scratch.
  if (!isObject(v) || !(isHash(v.key) || v.key === '')) return null;
  const outputs = toChecks(v.outputs, v.checks);
  if (!outputs) return null;
  const part: CachedPart = { key: v.key as string, ...outputs };
  if (isObject(v.joins)) {
    const joins: Record<string, CachedJoin> = Object.create(null) as Record<string, CachedJoin>;
    for (const [renderer, join] of Object.entries(v.joins)) {
      if (isObject(join) && isObject(join.members) && Object.values(join.members).every(isHash)) {
        joins[renderer] = { members: join.members as Record<string, string>, state: join.state ?? null };
      }
    }
    part.joins = joins;
  }
  return part;
}
