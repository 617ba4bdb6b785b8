import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './renderHelpers.js';

// The import check itself lives in scripts/ci-anki.sh (CI installs Mnemosyne there); this test only
// runs it when Mnemosyne is already unpacked, so the suite stays fast and offline.
const root = process.env.MNEMOSYNE_ROOT ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'revise', 'mnemosyne');
const shared = process.env.REVISE_SHARED ?? join(repoRoot, '..', 'shared');
const missing = [
  existsSync('/usr/bin/python3') ? null : '/usr/bin/python3',
  existsSync(join(root, 'usr/lib/python3/dist-packages/mnemosyne/script/__init__.py')) ? null : `Mnemosyne in ${root} (run scripts/ci-anki.sh once)`,
  existsSync(join(shared, 'tools', 'mnemo_import.py')) ? null : `${shared}/tools/mnemo_import.py`,
  existsSync(join(repoRoot, 'dist', 'cli', 'main.js')) ? null : 'dist/ (run npm run build)',
].filter(Boolean);

describe('Mnemosyne import of the built decks', () => {
  if (missing.length) it.skip(`skipped: missing ${missing.join(', ')}`, () => {});
  else
    it('imports every sample deck, and build 2 over build 1 without new facts (scripts/ci-anki.sh)', () => {
      const r = spawnSync('bash', [join(repoRoot, 'scripts', 'ci-anki.sh')], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, MNEMOSYNE_ROOT: root, REVISE_SHARED: shared, REVISE_ANKI_NO_INSTALL: '1', REVISE_ANKI_NO_BUILD: '1' },
      });
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/ci-anki: ok re-import/);
      expect(r.stdout).toMatch(/ci-anki: PASS/);
      expect(r.status).toBe(0);
    });
});
