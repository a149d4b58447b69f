import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Text gathered before one write: large enough to keep writes few, small enough that memory stays flat. */
export const STREAM_CHUNK_CHARS = 64 * 1024;

export interface StreamingOptions {
  /** Characters gathered before a write. @default STREAM_CHUNK_CHARS */
  readonly chunkChars?: number;
}

/**
 * Writes the pieces of a rendering as they are made (a fleet's plan is never one string in memory),
 * gathered into writes of about `chunkChars`. When the stream's buffer is full (`write` returns false)
 * rendering waits for 'drain', so a slow reader holds memory flat instead of queueing the whole output.
 * When the reader is gone (a closed pipe: `quietOnBrokenPipe` in output.ts keeps it quiet) rendering
 * stops: nobody reads the rest. Other errors of the stream reject.
 */
export async function writeStreaming(out: NodeJS.WritableStream, pieces: Iterable<string>, options: StreamingOptions = {}): Promise<void> {
  const chunkChars = options.chunkChars ?? STREAM_CHUNK_CHARS;
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length < chunkChars) continue;
    if (!(await writeChunk(out, buffer))) return;
    buffer = '';
  }
  if (buffer !== '') await writeChunk(out, buffer);
}

/** Writes one chunk; false when the stream is gone and nothing more should be rendered for it. */
async function writeChunk(out: NodeJS.WritableStream, chunk: string): Promise<boolean> {
  if (isGone(out)) return false;
  if (out.write(chunk)) return true;
  await drained(out);
  return !isGone(out);
}

function isGone(out: NodeJS.WritableStream): boolean {
  const state = out as { destroyed?: boolean; writableEnded?: boolean };
  return state.destroyed === true || state.writableEnded === true;
}

/** Resolves on 'drain', or when the stream closes or breaks (a reader that went away). */
function drained(out: NodeJS.WritableStream): Promise<void> {
  if (typeof out.once !== 'function' || isGone(out)) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const done = (error?: NodeJS.ErrnoException) => {
      out.off('drain', onDrain);
      out.off('close', onDrain);
      out.off('error', onError);
      if (error && error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onError = (error: NodeJS.ErrnoException) => done(error);
    out.on('drain', onDrain);
    out.on('close', onDrain);
    out.on('error', onError);
  });
}

/**
 * Writes the pieces of a rendering to a file as they are made (`--output`), in writes of about
 * `chunkChars`, into a temporary file renamed over `file` once complete: a rendering that fails half-way
 * leaves no half-written report. Synchronous, so that a folder that does not exist or a full disk is the
 * command's one-line error.
 */
export function writeFileInPieces(file: string, pieces: Iterable<string>, options: StreamingOptions = {}): void {
  const chunkChars = options.chunkChars ?? STREAM_CHUNK_CHARS;
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const fd = openSync(temporary, 'w');
  let complete = false;
  try {
    let buffer = '';
    for (const piece of pieces) {
      buffer += piece;
      if (buffer.length < chunkChars) continue;
      writeAll(fd, buffer);
      buffer = '';
    }
    writeAll(fd, buffer);
    complete = true;
  } finally {
    closeSync(fd);
    if (complete) renameSync(temporary, file);
    else rmSync(temporary, { force: true });
  }
}

/** writeSync may write less than it was given: write the rest until all of it is written. */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset);
}
