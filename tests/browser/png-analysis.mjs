// Tells a real screenshot from a blank one: counts colours and measures brightness spread.
import { PNG } from "pngjs";

/** @returns {{width: number, height: number, distinctColors: number, luminanceStandardDeviation: number}} */
export function describePng(pngBuffer) {
  const image = PNG.sync.read(pngBuffer);
  const colours = new Set();
  let luminanceSum = 0;
  let luminanceSquareSum = 0;
  const pixelCount = image.width * image.height;
  for (let offset = 0; offset < image.data.length; offset += 4) {
    const red = image.data[offset];
    const green = image.data[offset + 1];
    const blue = image.data[offset + 2];
    colours.add((red << 16) | (green << 8) | blue);
    const luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
    luminanceSum += luminance;
    luminanceSquareSum += luminance * luminance;
  }
  const mean = luminanceSum / pixelCount;
  const variance = Math.max(0, luminanceSquareSum / pixelCount - mean * mean);
  return { width: image.width, height: image.height, distinctColors: colours.size, luminanceStandardDeviation: Math.sqrt(variance) };
}
