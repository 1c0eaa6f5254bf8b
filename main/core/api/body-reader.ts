/**
 * Streams a response body, keeping only the first `displayBytes` as text but
 * counting the full size (past `hardLimitBytes` the stream is cancelled), so a 50 MB answer costs neither 50 MB of memory nor a hang.
 */
import { toTransportError } from '../errors';

/** What {@link readBodyCapped} read. */
export interface CappedBody {
  /** The first `displayBytes` bytes, decoded as UTF-8. */
  text: string;
  /** Bytes counted; equals the whole size unless `complete` is false. */
  sizeBytes: number;
  /** True when `text` holds less than the whole body. */
  truncated: boolean;
  /** False when reading stopped at the hard limit. */
  complete: boolean;
}

/** Reads `response.body` with a display cap and a hard limit; maps transport errors. */
export async function readBodyCapped(
  response: Response,
  options: { displayBytes: number; hardLimitBytes: number; signal?: AbortSignal | undefined },
): Promise<CappedBody> {
  const { displayBytes, hardLimitBytes, signal } = options;
  if (!response.body) return { text: '', sizeBytes: 0, truncated: false, complete: true };
  // A body that declares a length within the display cap is read in one call: the common case,
  // and cheaper than a chunk loop (the HTTP client enforces the declared length).
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isInteger(declared) && declared >= 0 && declared <= displayBytes) {
    try {
      // text() decodes in one native step (no copy into an ArrayBuffer, no decoder per call).
      const text = await response.text();
      return { text, sizeBytes: Buffer.byteLength(text, 'utf8'), truncated: false, complete: true };
    } catch (err) {
      throw toTransportError(err, signal);
    }
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let stored = 0;
  let size = 0;
  let complete = true;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (stored < displayBytes) {
        const take = Math.min(value.byteLength, displayBytes - stored);
        parts.push(decoder.decode(take === value.byteLength ? value : value.subarray(0, take), { stream: true }));
        stored += take;
      }
      if (size > hardLimitBytes) {
        complete = false;
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
  } catch (err) {
    await reader.cancel().catch(() => undefined);
    throw toTransportError(err, signal);
  } finally {
    reader.releaseLock();
  }
  parts.push(decoder.decode());
  return { text: parts.join(''), sizeBytes: size, truncated: stored < size || !complete, complete };
}
