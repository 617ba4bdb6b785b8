import type { Processor } from 'unified';

/**
 * A remark plugin that turns off every inline construct (emphasis, links, code spans, HTML, escapes,
 * references). revise reads block structure from remark and inline text from the source lines
 * themselves, so tokenising inlines would only cost time: without them, remark reads lists about
 * twice as fast, and delimiter runs can no longer make it superlinear.
 */
export function remarkBlocksOnly(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({
    disable: {
      null: ['attention', 'autolink', 'characterEscape', 'characterReference', 'codeText', 'hardBreakEscape', 'htmlText', 'labelEnd', 'labelStartImage', 'labelStartLink'],
    },
  });
}
