// Pixel-by-pixel comparison of two screenshots of the same size, with a picture of where they differ.
import { PNG } from "pngjs";

/**
 * A pixel differs when any colour channel differs by more than `channelTolerance` (0-255): a small
 * tolerance absorbs anti-aliasing that varies between two renderings of the same page.
 * @returns {{width: number, height: number, differingPixels: number, differingShare: number, differencePng: Buffer}}
 */
export function comparePngs(expectedBuffer, actualBuffer, channelTolerance) {
  const expected = PNG.sync.read(expectedBuffer);
  const actual = PNG.sync.read(actualBuffer);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    throw new Error(`different sizes: ${expected.width}x${expected.height} and ${actual.width}x${actual.height}`);
  }
  const difference = new PNG({ width: expected.width, height: expected.height });
  let differingPixels = 0;
  for (let offset = 0; offset < expected.data.length; offset += 4) {
    let largestChannelDifference = 0;
    for (let channel = 0; channel < 3; channel += 1) {
      largestChannelDifference = Math.max(largestChannelDifference, Math.abs(expected.data[offset + channel] - actual.data[offset + channel]));
    }
    const differs = largestChannelDifference > channelTolerance;
    if (differs) {
      differingPixels += 1;
    }
    difference.data[offset] = differs ? 255 : expected.data[offset] / 3;
    difference.data[offset + 1] = differs ? 0 : expected.data[offset + 1] / 3;
    difference.data[offset + 2] = differs ? 0 : expected.data[offset + 2] / 3;
    difference.data[offset + 3] = 255;
  }
  const pixelCount = expected.width * expected.height;
  return { width: expected.width, height: expected.height, differingPixels, differingShare: differingPixels / pixelCount, differencePng: PNG.sync.write(difference) };
}
