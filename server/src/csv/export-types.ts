/** Some CSV records of an export, ready to append to the file, and how many records they are. */
export interface ExportChunk {
  text: string | Buffer;
  rows: number;
}
