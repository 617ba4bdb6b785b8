import type { TextRule } from '../Rule.js';

/**
 * A definition wrapped over several lines of one paragraph goes on until another item starts. A
 * wrapped line is told from a new statement by its shape: the definition so far does not end a
 * sentence, and the line does not start with a capital; a lead-in (`… :`) starts something new.
 */
export const definitionContinued: TextRule = {
  name: 'definition-continued',
  stage: 'text',
  apply(run, i) {
    const definition = run.continued;
    const plain = run.plain(i);
    if (!definition || !plain || /[:：]$/.test(plain)) return 0;
    // In scripts with case a wrapped line goes on in lower case; in others the definition must not have ended.
    if (/^[\p{Lu}]/u.test(plain) || /[.!?。！？;；]\s*$/.test(run.plain(i - 1)) || /[.!?。！？;；]$/.test(definition.definition)) return 0;
    run.builder.extendDefinition(definition, run.text(i));
    run.open = definition;
    return 1;
  },
};
