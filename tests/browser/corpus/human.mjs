// A visitor with human pacing for the corpus recordings: the mouse travels along curved paths at
// a hand's speed, typing has per-key delays (and the odd typo), the wheel scrolls in notches,
// and people pause to read. Randomness is seeded, so a scenario behaves the same on every run.

export const sleep = (durationMs) => new Promise((resolveSleep) => setTimeout(resolveSleep, durationMs));

/** mulberry32: a small seeded generator of numbers in [0, 1). */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

const MOUSE_STEP_MS = 25;
const WHEEL_NOTCH_PX = 100;

export class Human {
  /** @param {import("playwright-core").Page} page */
  constructor(page, seed) {
    this.page = page;
    this.random = seededRandom(seed);
    this.x = 400 + Math.floor(this.random() * 400);
    this.y = 300 + Math.floor(this.random() * 200);
  }

  between(low, high) {
    return low + this.random() * (high - low);
  }

  pick(list) {
    return list[Math.floor(this.random() * list.length)];
  }

  chance(probability) {
    return this.random() < probability;
  }

  /** Waits like someone looking at the page: mostly still, sometimes the hand drifts. */
  async think(minMs, maxMs) {
    const until = Date.now() + this.between(minMs, maxMs);
    while (Date.now() < until) {
      const left = until - Date.now();
      if (left > 1_500 && this.chance(0.35)) {
        await this.moveTo(this.x + this.between(-120, 120), this.y + this.between(-60, 60));
      } else {
        await sleep(Math.min(left, this.between(400, 1_400)));
      }
    }
  }

  /** Moves the mouse along a curved path, taking longer for longer distances. */
  async moveTo(targetX, targetY) {
    const viewport = this.page.viewportSize();
    const endX = Math.max(2, Math.min(viewport.width - 2, targetX));
    const endY = Math.max(2, Math.min(viewport.height - 2, targetY));
    const startX = this.x;
    const startY = this.y;
    const distance = Math.hypot(endX - startX, endY - startY);
    const durationMs = Math.min(1_400, 180 + distance * this.between(0.7, 1.2));
    const steps = Math.max(3, Math.round(durationMs / MOUSE_STEP_MS));
    const bend = this.between(-0.25, 0.25) * distance;
    const controlX = (startX + endX) / 2 + ((endY - startY) / Math.max(1, distance)) * bend;
    const controlY = (startY + endY) / 2 - ((endX - startX) / Math.max(1, distance)) * bend;
    const startedAt = Date.now();
    for (let step = 1; step <= steps; step += 1) {
      const linear = step / steps;
      const eased = linear < 0.5 ? 2 * linear * linear : 1 - (-2 * linear + 2) ** 2 / 2;
      const x = (1 - eased) ** 2 * startX + 2 * (1 - eased) * eased * controlX + eased ** 2 * endX;
      const y = (1 - eased) ** 2 * startY + 2 * (1 - eased) * eased * controlY + eased ** 2 * endY;
      await this.page.mouse.move(x, y);
      const due = startedAt + step * MOUSE_STEP_MS;
      if (due > Date.now()) {
        await sleep(due - Date.now());
      }
    }
    this.x = endX;
    this.y = endY;
  }

  /** Scrolls with the wheel, one notch at a time. */
  async scrollBy(deltaY) {
    const notches = Math.max(1, Math.round(Math.abs(deltaY) / WHEEL_NOTCH_PX));
    for (let notch = 0; notch < notches; notch += 1) {
      await this.page.mouse.wheel(0, Math.sign(deltaY) * WHEEL_NOTCH_PX);
      await sleep(this.between(40, 110));
    }
    await sleep(150);
  }

  /** Scrolls with the wheel until the element is comfortably inside the viewport. */
  async bringIntoView(locator) {
    const viewport = this.page.viewportSize();
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const box = await locator.boundingBox();
      if (box === null) {
        throw new Error(`not visible: ${locator}`);
      }
      if (box.y >= 70 && box.y + Math.min(box.height, 200) <= viewport.height - 40) {
        return box;
      }
      const wanted = box.y - viewport.height * this.between(0.3, 0.45);
      const scrolledBefore = await this.page.evaluate(() => scrollY);
      await this.scrollBy(Math.sign(wanted) * Math.min(Math.abs(wanted), 600));
      if ((await this.page.evaluate(() => scrollY)) === scrolledBefore) {
        await locator.scrollIntoViewIfNeeded(); // inside a scrolling container
      }
    }
    return locator.boundingBox();
  }

  async hover(locator) {
    const box = await this.bringIntoView(locator);
    await this.moveTo(box.x + box.width * this.between(0.3, 0.7), box.y + box.height * this.between(0.3, 0.7));
  }

  async click(locator) {
    await this.hover(locator);
    await sleep(this.between(60, 260));
    await this.page.mouse.down();
    await sleep(this.between(50, 120));
    await this.page.mouse.up();
    await sleep(this.between(100, 300));
  }

  /** Clicks into a field and types with a person's rhythm, fixing the occasional typo. */
  async type(locator, text, options = {}) {
    await this.click(locator);
    await this.typeHere(text, options);
  }

  /** Types into whatever has the focus (the caret stays where it is). */
  async typeHere(text, { wordsPerMinute = 45 } = {}) {
    const keyDelayMs = 60_000 / (wordsPerMinute * 5);
    for (const character of text) {
      if (/[a-z]/i.test(character) && this.chance(0.025)) {
        await this.page.keyboard.type(String.fromCharCode(97 + Math.floor(this.random() * 26)));
        await sleep(this.between(200, 450));
        await this.page.keyboard.press("Backspace");
        await sleep(this.between(80, 200));
      }
      await this.page.keyboard.type(character);
      await sleep(keyDelayMs * this.between(0.5, 1.6) + (character === " " && this.chance(0.15) ? this.between(300, 900) : 0));
    }
  }

  /** Picks an option of a native select (the popup is not drawn headless, so it is set directly). */
  async choose(locator, value) {
    await this.hover(locator);
    await sleep(this.between(200, 600));
    await locator.selectOption(value);
    await sleep(this.between(150, 400));
  }

  /** Reads for a while: scrolls now and then, rests the hand. */
  async read(durationMs, { scrollPx = [80, 320] } = {}) {
    const until = Date.now() + durationMs;
    while (Date.now() < until) {
      await this.think(1_200, 4_000);
      if (Date.now() < until && this.chance(0.7)) {
        await this.scrollBy(this.between(scrollPx[0], scrollPx[1]));
      }
    }
  }
}
