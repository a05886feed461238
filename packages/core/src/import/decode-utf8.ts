/**
 * Streaming UTF-8 decoding that reports what it repairs. TextDecoder would replace invalid
 * bytes with U+FFFD silently; an import must say where its data was damaged, so each chunk
 * is first decoded strictly (fast, native) and only a chunk that fails is walked byte by
 * byte to find and replace its invalid sequences.
 */

export interface EncodingProblem {
  /** Offset of the first invalid byte from the start of the input. */
  byteOffset: number;
  /** Index in the decoded text of the U+FFFD that replaced it (within the chunk's text). */
  charIndex: number;
}

export interface DecodedChunk {
  text: string;
  problems: EncodingProblem[];
}

/** Length of the sequence a lead byte announces, or 0 for a byte that cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Bytes at the end of `bytes` that start a sequence the next chunk may complete. */
function incompleteTail(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const length = sequenceLength(byte);
    return length > back ? back : 0;
  }
  return 0;
}

/** True when bytes[i..i+length) is a well-formed sequence (no overlongs, surrogates or > U+10FFFF). */
function wellFormed(bytes: Uint8Array, i: number, length: number): boolean {
  if (i + length > bytes.length) return false;
  const lead = bytes[i] as number;
  const second = bytes[i + 1] as number;
  for (let k = 1; k < length; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return false;
  if (length === 3) {
    if (lead === 0xe0 && second < 0xa0) return false;
    if (lead === 0xed && second > 0x9f) return false;
  }
  if (length === 4) {
    if (lead === 0xf0 && second < 0x90) return false;
    if (lead === 0xf4 && second > 0x8f) return false;
  }
  return true;
}

/**
 * A decoder for a byte stream cut into arbitrary chunks. Strips a leading byte-order mark
 * (reported through `bom`), keeps multi-byte sequences split across chunks intact, and
 * replaces each broken sequence with one U+FFFD. A UTF-16 byte-order mark is recognised
 * (`utf16`) so the importer can say "save as UTF-8" instead of importing garbage.
 */
export function createUtf8Decoder() {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let carry = new Uint8Array(0);
  let offset = 0; // bytes consumed before `carry`
  let first = true;
  const state = { bom: false, utf16: false };

  function decodeLenient(bytes: Uint8Array, base: number): DecodedChunk {
    const problems: EncodingProblem[] = [];
    let text = '';
    let start = 0;
    let i = 0;
    while (i < bytes.length) {
      const length = sequenceLength(bytes[i] as number);
      if (length !== 0 && wellFormed(bytes, i, length)) {
        i += length;
        continue;
      }
      text += strict.decode(bytes.subarray(start, i));
      problems.push({ byteOffset: base + i, charIndex: text.length });
      text += '\uFFFD';
      // Skip the lead and any continuation bytes that belonged to the broken sequence.
      i++;
      while (i < bytes.length && ((bytes[i] as number) & 0xc0) === 0x80 && length > 1) i++;
      start = i;
    }
    text += strict.decode(bytes.subarray(start));
    return { text, problems };
  }

  function decodeComplete(bytes: Uint8Array, base: number): DecodedChunk {
    try {
      return { text: strict.decode(bytes), problems: [] };
    } catch {
      return decodeLenient(bytes, base);
    }
  }

  return {
    state,
    /** Decodes one chunk; a sequence cut at its end is held back for the next chunk. */
    write(chunk: Uint8Array): DecodedChunk {
      let bytes = chunk;
      if (carry.length > 0) {
        bytes = new Uint8Array(carry.length + chunk.length);
        bytes.set(carry);
        bytes.set(chunk, carry.length);
      }
      let base = offset;
      if (first && bytes.length >= 3) {
        first = false;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
          state.bom = true;
          bytes = bytes.subarray(3);
          base += 3;
        } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
          state.utf16 = true;
        }
      } else if (first) {
        // Fewer than three bytes so far: wait until a BOM can be recognised.
        carry = bytes.slice();
        return { text: '', problems: [] };
      }
      const tail = incompleteTail(bytes);
      const complete = bytes.subarray(0, bytes.length - tail);
      carry = bytes.slice(bytes.length - tail);
      offset = base + complete.length;
      return decodeComplete(complete, base);
    },
    /** Flushes the end of the input: a sequence still incomplete there is invalid. */
    end(): DecodedChunk {
      first = false;
      const rest = carry;
      carry = new Uint8Array(0);
      return rest.length === 0 ? { text: '', problems: [] } : decodeLenient(rest, offset);
    },
  };
}
