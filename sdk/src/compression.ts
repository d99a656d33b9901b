/** gzip through the browser's CompressionStream, where it exists. */

export function isGzipAvailable(): boolean {
  return typeof CompressionStream === "function" && typeof Response === "function" && typeof Blob === "function";
}

export async function gzipText(text: string): Promise<Uint8Array> {
  const compressedStream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  const compressedBuffer = await new Response(compressedStream).arrayBuffer();
  return new Uint8Array(compressedBuffer);
}
