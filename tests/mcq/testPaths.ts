import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
/** Real pasted notes shared by the project (outside the repository; absent means no corpus tests). */
export const corpusDir = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
