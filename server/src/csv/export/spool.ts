import fs from 'fs';
import os from 'os';
import path from 'path';
import { bufferPool, type ExportChunk } from './types';

/** Bytes read back at a time. */
const CHUNK_BYTES = 1 << 16;

/**
 * A directory of its own for the second half of a split export (personal data: the caller
 * removes it whatever happens).
 */
export const spoolDirectory = () => fs.promises.mkdtemp(path.join(os.tmpdir(), 'segments-export-'));

/**
 * A spooled half's contents in chunks of 64 KB read into buffers lent to the writer (the rows
 * all counted with the last chunk).
 */
export async function* fileChunks(file: string, rows: number): AsyncGenerator<ExportChunk> {
  const handle = await fs.promises.open(file, 'r');
  const pool = bufferPool();
  try {
    const { size } = await handle.stat();
    let position = 0;
    while (position < size) {
      const buffer = pool.take(CHUNK_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) throw new Error('The export lost part of its second half');
      position += bytesRead;
      yield {
        text: buffer.subarray(0, bytesRead),
        rows: position >= size ? rows : 0,
        release: () => pool.give(buffer),
      };
    }
  } finally {
    await handle.close();
  }
}
