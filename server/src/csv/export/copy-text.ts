import type { ExportChunk } from './types';

const ESCAPES: Record<string, string> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** A value of PostgreSQL's COPY text format with its backslash escapes undone. */
export const unescapeCopyText = (value: string) =>
  value.replace(/\\(.)/gs, (_, c: string) => ESCAPES[c] ?? c);

/** One row of COPY text format: tab-separated values, `\N` for null, backslash escapes. */
export const copyTextRow = (line: string): (string | null)[] => {
  const values: (string | null)[] = line.split('\t');
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value === '\\N') values[i] = null;
    else if (value.includes('\\')) values[i] = unescapeCopyText(value);
  }
  return values;
};

/** CSV records of the complete COPY text lines in bytes [0, end), end being a line feed. */
export type CopyLines = (bytes: Buffer, end: number) => ExportChunk;

/** CopyLines through strings: each line split into values, then `record` (the reference). */
export const copyTextLines =
  (record: (row: (string | null)[]) => string): CopyLines =>
  (bytes, end) => {
    const lines = bytes.toString('utf8', 0, end).split('\n');
    let text = '';
    for (const line of lines) text += record(copyTextRow(line));
    return { text, rows: lines.length };
  };

/**
 * Turns the byte chunks of `COPY ... TO STDOUT` (text format: one row a line, line breaks in
 * values escaped) into CSV records: each chunk's complete lines through `lines`, the partial
 * last line kept for the next chunk. Lines are cut at a newline byte, never inside a UTF-8
 * character.
 */
export const copyTextDecoder = (lines: CopyLines) => {
  let rest: Buffer | undefined;
  return {
    push(chunk: Buffer): ExportChunk | undefined {
      const bytes = rest ? Buffer.concat([rest, chunk]) : chunk;
      const end = bytes.lastIndexOf(0x0a);
      if (end < 0) {
        rest = bytes;
        return undefined;
      }
      rest = end + 1 < bytes.length ? Buffer.from(bytes.subarray(end + 1)) : undefined;
      return lines(bytes, end);
    },
    /** Throws if the output ended inside a row. */
    end() {
      if (rest && rest.length > 0) throw new Error('The COPY output ended inside a row');
    },
  };
};
