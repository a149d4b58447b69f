import type { Readable } from 'node:stream';

/** Why a body could not be read in full. */
export type BodyFailure = { readonly kind: 'too-large'; readonly bytes: number } | { readonly kind: 'deadline' } | { readonly kind: 'broken'; readonly cause: string };

export class BodyReadError extends Error {
  constructor(readonly failure: BodyFailure) {
    super(failure.kind);
  }
}

/**
 * The whole body of a response as UTF-8 text, refused as soon as it passes `limit` bytes (before any is
 * read when Content-Length already says so) or when `signal` aborts (the exchange's deadline). A refused
 * body's stream is destroyed, so no more of it is downloaded.
 */
export function readBody(stream: Readable, limit: number, signal: AbortSignal, declaredLength: string | undefined): Promise<string> {
  const declared = declaredLength === undefined ? NaN : Number(declaredLength);
  if (Number.isFinite(declared) && declared > limit) {
    stream.destroy();
    return Promise.reject(new BodyReadError({ kind: 'too-large', bytes: declared }));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const finish = (error?: BodyReadError) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (error) {
        stream.destroy();
        reject(error);
      } else {
        resolve(Buffer.concat(chunks).toString('utf8'));
      }
    };
    const onAbort = () => finish(new BodyReadError({ kind: 'deadline' }));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort);
    stream.on('data', (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      bytes += buffer.length;
      if (bytes > limit) return finish(new BodyReadError({ kind: 'too-large', bytes }));
      chunks.push(buffer);
    });
    stream.on('end', () => finish());
    stream.on('error', (error: Error) => finish(signal.aborted ? new BodyReadError({ kind: 'deadline' }) : new BodyReadError({ kind: 'broken', cause: (error as NodeJS.ErrnoException).code ?? error.message })));
    stream.on('close', () => {
      if (!settled) finish(signal.aborted ? new BodyReadError({ kind: 'deadline' }) : new BodyReadError({ kind: 'broken', cause: 'connection closed before the body ended' }));
    });
  });
}
