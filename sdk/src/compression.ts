/**
 * gzip through the browser's CompressionStream: in a small inline Web Worker (a Blob URL) when
 * the page allows one, so large batches are compressed off the main thread; on the main thread
 * when it does not (a Content-Security-Policy without `worker-src blob:`, or no Worker at all).
 */

export function isGzipAvailable(): boolean {
  return typeof CompressionStream === "function" && typeof Response === "function" && typeof Blob === "function";
}

export async function gzipText(text: string): Promise<Uint8Array> {
  const compressedStream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  const compressedBuffer = await new Response(compressedStream).arrayBuffer();
  return new Uint8Array(compressedBuffer);
}

/** The worker: `{id, text}` in, `{id, bytes}` (transferred) or `{id}` (failed) out. */
const WORKER_SOURCE =
  'onmessage=async function(m){var d=m.data,b;try{b=await new Response(new Blob([d.text]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer();postMessage({id:d.id,bytes:b},[b])}catch(e){postMessage({id:d.id})}}';
/** A worker that has not answered after this long is given up on. */
const WORKER_ANSWER_TIMEOUT_MS = 10_000;

interface PendingCompression {
  resolve: (bytes: Uint8Array) => void;
  fallBack: () => void;
  timer: ReturnType<typeof setTimeout>;
}

/** A gzip function that uses a worker while it works and the main thread otherwise. */
export function createGzip(useWorker: boolean): (text: string) => Promise<Uint8Array> {
  let worker: Worker | null | undefined = useWorker && typeof Worker === "function" ? undefined : null;
  const pending = new Map<number, PendingCompression>();
  let nextId = 0;
  const settle = (id: number, bytes?: ArrayBuffer): void => {
    const entry = pending.get(id);
    if (entry !== undefined) {
      pending.delete(id);
      clearTimeout(entry.timer);
      if (bytes instanceof ArrayBuffer) {
        entry.resolve(new Uint8Array(bytes));
      } else {
        entry.fallBack();
      }
    }
  };
  const giveUpOnWorker = (): void => {
    worker?.terminate();
    worker = null;
    [...pending.keys()].forEach((id) => settle(id));
  };
  const startWorker = (): Worker | null => {
    if (worker === undefined) {
      try {
        const url = URL.createObjectURL(new Blob([WORKER_SOURCE], { type: "text/javascript" }));
        worker = new Worker(url);
        worker.onmessage = (message: MessageEvent<{ id: number; bytes?: ArrayBuffer }>) => {
          URL.revokeObjectURL(url);
          settle(message.data.id, message.data.bytes);
        };
        worker.onerror = giveUpOnWorker; // blocked by CSP, or no CompressionStream in workers
      } catch {
        worker = null;
      }
    }
    return worker;
  };
  return (text) => {
    const current = startWorker();
    if (current === null) {
      return gzipText(text);
    }
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, {
        resolve,
        fallBack: () => gzipText(text).then(resolve, reject),
        timer: setTimeout(giveUpOnWorker, WORKER_ANSWER_TIMEOUT_MS),
      });
      current.postMessage({ id, text });
    });
  };
}
