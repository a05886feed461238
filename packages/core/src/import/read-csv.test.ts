import { describe, expect, it } from 'vitest';
import { createUtf8Decoder } from './decode-utf8.ts';
import { type CsvBatch, CsvFormatError, readCsv } from './read-csv.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

async function collect(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>) {
  const batches: CsvBatch[] = [];
  for await (const batch of readCsv(source)) batches.push(batch);
  return { rows: batches.flatMap((b) => b.rows), issues: batches.flatMap((b) => b.issues) };
}

/** Cuts bytes into pieces of `size`, as a stream would deliver them. */
function* chunks(data: Uint8Array, size: number) {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

describe('createUtf8Decoder', () => {
  it('should keep a character whose bytes are split across chunks', () => {
    const decoder = createUtf8Decoder();
    const data = bytes('aé€😀b');
    let text = '';
    for (const piece of chunks(data, 1)) text += decoder.write(piece).text;
    text += decoder.end().text;
    expect(text).toBe('aé€😀b');
  });
  it('should replace invalid bytes and say at which byte', () => {
    const decoder = createUtf8Decoder();
    const result = decoder.write(new Uint8Array([0x61, 0xff, 0x62, 0xc3, 0x28]));
    const tail = decoder.end();
    expect(result.text + tail.text).toBe('a\uFFFDb\uFFFD(');
    expect(result.problems.map((p) => p.byteOffset)).toEqual([1, 3]);
  });
  it('should strip a byte-order mark and flag UTF-16', () => {
    const decoder = createUtf8Decoder();
    expect(decoder.write(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).text).toBe('A');
    expect(decoder.state.bom).toBe(true);
    const utf16 = createUtf8Decoder();
    utf16.write(new Uint8Array([0xff, 0xfe, 0x41, 0x00]));
    expect(utf16.state.utf16).toBe(true);
  });
});

describe('readCsv', () => {
  it('should give each row the line it starts on, across quoted newlines', async () => {
    const { rows } = await collect(['name,note\r\n', 'Ann,"two\r\nlines"\r\nBob,x\r\n\r\nCy,"a ""quote"""\r\n']);
    expect(rows).toEqual([
      { line: 1, cells: ['name', 'note'] },
      { line: 2, cells: ['Ann', 'two\r\nlines'] },
      { line: 4, cells: ['Bob', 'x'] },
      { line: 6, cells: ['Cy', 'a "quote"'] },
    ]);
  });
  it('should read the same rows whatever the chunk size', async () => {
    const data = bytes('a;b\n1;"x\ny"\n"é€";2\n3;4');
    const whole = await collect([data]);
    for (const size of [1, 2, 3, 5, 7]) expect(await collect(chunks(data, size))).toEqual(whole);
    expect(whole.rows.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', 'x\ny'],
      ['é€', '2'],
      ['3', '4'],
    ]);
  });
  it('should report invalid UTF-8 with its line and keep the row', async () => {
    const data = new Uint8Array([...bytes('name\nAnn\nB'), 0xe9, ...bytes('a\nCy\n')]);
    const { rows, issues } = await collect(chunks(data, 4));
    expect(rows.map((r) => r.cells[0])).toEqual(['name', 'Ann', 'B\uFFFDa', 'Cy']);
    expect(issues).toEqual([
      { line: 3, kind: 'encoding', message: expect.stringContaining('invalid UTF-8 at byte 10') },
    ]);
  });
  it('should refuse a UTF-16 file with a clear message', async () => {
    await expect(collect([new Uint8Array([0xff, 0xfe, 0x61, 0x00])])).rejects.toThrow(CsvFormatError);
  });
  it('should report an unterminated quote at the line of the row', async () => {
    const { rows, issues } = await collect(['a,b\n1,2\n3,"open\n4,5\n']);
    expect(rows.at(-1)?.line).toBe(3);
    expect(issues).toEqual([{ line: 3, kind: 'quotes', message: 'Quoted field unterminated' }]);
  });
  it('should stop when it is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(async () => {
      for await (const _ of readCsv(['a\n1\n'], { signal: controller.signal })) {
        // reading stops before the first batch
      }
    }).rejects.toThrow();
  });
});
