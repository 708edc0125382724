/** Some CSV records of an export, ready to append to the file, and how many records they are. */
export interface ExportChunk {
  text: string | Buffer;
  rows: number;
  /**
   * The Buffer is the producer's, used again for the next chunk: the consumer is done with it
   * (written, not only queued) before it asks for the next. Saves a copy, and garbage V8 frees
   * late, per chunk.
   */
  borrowed?: boolean;
}

/** Appends a chunk to a file stream; a borrowed Buffer is written before this resolves. */
export const writeChunk = async (out: NodeJS.WritableStream, chunk: ExportChunk) => {
  if (chunk.borrowed) {
    await new Promise<void>((resolve, reject) =>
      out.write(chunk.text, (error) => (error ? reject(error) : resolve()))
    );
  } else if (!out.write(chunk.text)) {
    await new Promise((resolve) => out.once('drain', resolve));
  }
};
