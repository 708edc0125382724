/** Some CSV records of an export, ready to append to the file, and how many records they are. */
export interface ExportChunk {
  text: string | Buffer;
  rows: number;
  /**
   * The Buffer is the producer's, to be used again once the consumer has written it: the
   * consumer calls this when the write is done (see writeChunk). Saves a copy per chunk, and
   * the garbage Buffers V8 frees late.
   */
  release?: () => void;
}

/** Appends a chunk to a file stream (with back-pressure), releasing a lent Buffer once written. */
export const writeChunk = async (out: NodeJS.WritableStream, chunk: ExportChunk) => {
  const { release } = chunk;
  const queued = release ? out.write(chunk.text, () => release()) : out.write(chunk.text);
  if (!queued) await new Promise((resolve) => out.once('drain', resolve));
};

/**
 * Buffers lent out as ExportChunks and given back when written: the writer's queue is short
 * (back-pressure), so a few are in use at a time.
 */
export const bufferPool = () => {
  const free: Buffer[] = [];
  return {
    /** A buffer of at least `size` bytes, a given-back one when one is large enough. */
    take(size: number) {
      const i = free.findIndex((b) => b.length >= size);
      return i >= 0 ? free.splice(i, 1)[0] : Buffer.allocUnsafe(size);
    },
    give(buffer: Buffer) {
      if (free.length < 4) free.push(buffer);
    },
  };
};
