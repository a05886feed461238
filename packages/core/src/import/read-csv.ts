/**
 * Streaming CSV reading: bytes (or text) in, rows with their physical line numbers out, a
 * chunk at a time, so a 200 MB file is never held whole. Papa Parse's incremental parser
 * does the CSV work (quotes, embedded newlines, delimiters); this file adds the decoding,
 * line numbers, delimiter detection and the limits that keep a broken file from eating memory.
 */
import Papa from 'papaparse';
import { createUtf8Decoder } from './decode-utf8.ts';

export interface CsvRow {
  /** 1-based line of the file where the row starts (a quoted field may span lines). */
  line: number;
  cells: string[];
}

export interface CsvIssue {
  line: number;
  kind: 'encoding' | 'quotes' | 'structure';
  message: string;
}

export interface CsvBatch {
  rows: CsvRow[];
  issues: CsvIssue[];
  /** Bytes (or characters, for text input) consumed so far: progress. */
  consumed: number;
  /** The input started with a UTF-8 byte-order mark (removed). */
  bom: boolean;
}

export interface ReadCsvOptions {
  /** `,` `;` `\t` `|`; detected from the first lines when absent. */
  delimiter?: string;
  signal?: AbortSignal;
}

/** Thrown when a file can't be read as CSV at all (as opposed to rows that are bad). */
export class CsvFormatError extends Error {
  override name = 'CsvFormatError';
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

/** A row that never ends is a quote that was never closed; give up before it eats the memory. */
const MAX_ROW_CHARS = 4 * 1024 * 1024;
/** Enough text to see the header and a few rows before choosing the delimiter. */
const DETECT_CHARS = 64 * 1024;

/** The source of a CSV: byte chunks (a File's stream, a Node stream) or text chunks. */
export type CsvSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

function countChar(text: string, char: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf(char, from); i !== -1 && i < to; i = text.indexOf(char, i + 1)) n++;
  return n;
}

/**
 * Reads a CSV as batches of rows. Every row keeps its line number; encoding damage and
 * malformed quoting are reported as issues with line numbers, never dropped silently.
 *
 * @example
 * for await (const batch of readCsv(file.stream())) for (const row of batch.rows) …
 */
export async function* readCsv(source: CsvSource, options: ReadCsvOptions = {}): AsyncGenerator<CsvBatch> {
  const decoder = createUtf8Decoder();
  let buffer = '';
  let parser: Papa.Parser | null = null;
  let lineBreakChar = '\n';
  let consumed = 0;
  let bom = false;
  // Line of buffer[0], and the newline count of decoded text for placing encoding problems.
  let bufferLine = 1;
  let decodedLine = 1;
  let pendingRows: { cells: string[]; end: number; errors: Papa.ParseError[] }[] = [];

  // A file with one column has no delimiter to detect: Papa Parse then falls back to a comma.
  const createParser = (sample: string): Papa.Parser => {
    const detected = Papa.parse<string[]>(sample, { preview: 20, delimiter: options.delimiter ?? '' }).meta;
    const linebreak = /\r\n|\n|\r/.exec(sample)?.[0] ?? '\n';
    lineBreakChar = linebreak === '\r' ? '\r' : '\n';
    return new Papa.Parser({
      delimiter: options.delimiter ?? detected.delimiter,
      newline: linebreak as '\n' | '\r' | '\r\n',
      // The low-level parser hands each step a one-row array (unlike Papa.parse's step).
      step: (result: Papa.ParseStepResult<string[][]>) => {
        pendingRows.push({ cells: result.data[0] ?? [], end: result.meta.cursor, errors: result.errors });
      },
    });
  };

  const parseBuffer = (final: boolean): CsvBatch => {
    const issues: CsvIssue[] = [];
    const rows: CsvRow[] = [];
    if (!parser) {
      if (!final && buffer.length < DETECT_CHARS) return { rows, issues, consumed, bom };
      parser = createParser(buffer.slice(0, DETECT_CHARS));
    }
    pendingRows = [];
    const result = parser.parse(buffer, 0, !final);
    let start = 0;
    let line = bufferLine;
    for (const row of pendingRows) {
      const isBlank = row.cells.length === 1 && row.cells[0] === '';
      if (!isBlank) rows.push({ line, cells: row.cells });
      for (const error of row.errors) issues.push({ line, kind: 'quotes', message: error.message });
      line += countChar(buffer, lineBreakChar, start, row.end);
      start = row.end;
    }
    const cursor = final ? buffer.length : (result.meta.cursor as number);
    bufferLine = line + countChar(buffer, lineBreakChar, start, cursor);
    buffer = buffer.slice(cursor);
    if (buffer.length > MAX_ROW_CHARS)
      throw new CsvFormatError(
        `line ${bufferLine}: a row runs on for more than ${MAX_ROW_CHARS / 1024 / 1024} MiB; a quoted field is probably never closed`,
        bufferLine,
      );
    return { rows, issues, consumed, bom };
  };

  const addText = (text: string, problems: { charIndex: number; byteOffset: number }[]): CsvIssue[] => {
    const issues: CsvIssue[] = [];
    let from = 0;
    for (const problem of problems) {
      decodedLine += countChar(text, lineBreakChar, from, problem.charIndex);
      from = problem.charIndex;
      issues.push({
        line: decodedLine,
        kind: 'encoding',
        message: `invalid UTF-8 at byte ${problem.byteOffset}, replaced with U+FFFD (save the file as UTF-8)`,
      });
    }
    decodedLine += countChar(text, lineBreakChar, from, text.length);
    buffer += text;
    return issues;
  };

  let firstText = true;
  for await (const chunk of source) {
    options.signal?.throwIfAborted();
    let encodingIssues: CsvIssue[];
    if (typeof chunk === 'string') {
      consumed += chunk.length;
      if (firstText && chunk.startsWith('\uFEFF')) bom = true;
      encodingIssues = addText(firstText ? chunk.replace(/^\uFEFF/, '') : chunk, []);
      firstText = false;
    } else {
      consumed += chunk.byteLength;
      const decoded = decoder.write(chunk);
      bom ||= decoder.state.bom;
      if (decoder.state.utf16)
        throw new CsvFormatError('the file is UTF-16; save it as UTF-8 (CSV UTF-8) and import again', 1);
      encodingIssues = addText(decoded.text, decoded.problems);
    }
    const batch = parseBuffer(false);
    batch.issues.unshift(...encodingIssues);
    if (batch.rows.length > 0 || batch.issues.length > 0) yield batch;
  }
  options.signal?.throwIfAborted();
  const tail = decoder.end();
  const encodingIssues = addText(tail.text, tail.problems);
  const batch = parseBuffer(true);
  batch.issues.unshift(...encodingIssues);
  yield batch;
}
