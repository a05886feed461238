/**
 * Streaming line reader for newline-delimited formats (NDJSON): bytes or text in, numbered
 * lines out, a chunk at a time, with invalid UTF-8 reported at its line.
 */
import { createUtf8Decoder } from './decode-utf8.ts';
import type { CsvIssue, CsvSource } from './read-csv.ts';

export interface LineBatch {
  lines: { line: number; text: string }[];
  issues: CsvIssue[];
}

export async function* readLines(source: CsvSource, signal?: AbortSignal): AsyncGenerator<LineBatch> {
  const decoder = createUtf8Decoder();
  let partial = '';
  let line = 1;
  /** Encoding problems in the carried-over start of a line: index in `partial`, byte offset. */
  let partialProblems: { at: number; byteOffset: number }[] = [];
  const split = (text: string, problems: { charIndex: number; byteOffset: number }[], final: boolean): LineBatch => {
    const issues: CsvIssue[] = [];
    const lines: LineBatch['lines'] = [];
    const all = partial + text;
    const marks = [
      ...partialProblems,
      ...problems.map((q) => ({ at: partial.length + q.charIndex, byteOffset: q.byteOffset })),
    ];
    let start = 0;
    let m = 0;
    for (;;) {
      const nl = all.indexOf('\n', start);
      if (nl === -1 && !(final && start < all.length)) break;
      const end = nl === -1 ? all.length : nl;
      for (; m < marks.length && (marks[m] as { at: number }).at < end; m++)
        issues.push({
          line,
          kind: 'encoding',
          message: `invalid UTF-8 at byte ${(marks[m] as { byteOffset: number }).byteOffset}, replaced with U+FFFD`,
        });
      lines.push({ line, text: all.slice(start, end).replace(/\r$/, '') });
      line++;
      start = end + 1;
      if (nl === -1) break;
    }
    partial = all.slice(start);
    partialProblems = marks.slice(m).map((q) => ({ at: q.at - start, byteOffset: q.byteOffset }));
    return { lines, issues };
  };
  let first = true;
  for await (const chunk of source) {
    signal?.throwIfAborted();
    if (typeof chunk === 'string') {
      yield split(first ? chunk.replace(/^\uFEFF/, '') : chunk, [], false);
    } else {
      const decoded = decoder.write(chunk);
      yield split(decoded.text, decoded.problems, false);
    }
    first = false;
  }
  const tail = decoder.end();
  yield split(tail.text, tail.problems, true);
}
