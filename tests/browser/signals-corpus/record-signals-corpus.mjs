// Records the labeled real-browser corpus for the frustration-signal detectors (rule set
// signals/v1, shared/docs/frustration-signals.md): scripted visits to the pages in `pages/`,
// in Debian's Chromium, recorded by the Reel SDK into the real reel binary, read back through
// the HTTP API and written to tests/fixtures/signals-corpus/<name>.json as
//   {"name", "labels": [{kind, time_ms, note}], "events": [rrweb events]}.
// A label is a frustration moment the script performed on purpose; its time is the page's
// Date.now() right before the first click (or the start of the shake). Look-alikes are not
// labeled: they are the negatives. crates/reel-signals/tests/corpus_evaluation.rs scores the
// detectors against these files.
//
//   node record-signals-corpus.mjs                 # every recording
//   node record-signals-corpus.mjs rage-clicks-cart  # only the named ones
//
// Needs target/debug/reel (or REEL_BIN), sdk/dist/reel.js and /usr/bin/chromium (or CHROMIUM_PATH).
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { artifactPath, launchChromium } from "../launch-browser.mjs";
import { startReelServer } from "../start-server.mjs";
import { startStaticServer } from "../static-server.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const repositoryRoot = resolve(here, "..", "..", "..");
const PAGES_DIRECTORY = join(here, "pages");
const OUTPUT_DIRECTORY = join(repositoryRoot, "tests", "fixtures", "signals-corpus");

/** dead_click_timeout_ms is 3000: after a click whose dead-ness matters, nothing happens for this long. */
const DEAD_WINDOW_WAIT_MS = 3_800;
const RECORDING_SETTLE_TIMEOUT_MS = 30_000;
const RECORDING_BYTES_MAX = 400_000;
/** thrashed_cursor: 20 reversals within 2 s. Look-alike shakes stay well below. */
const THRASH_REVERSALS_MIN = 20;
const THRASH_ATTEMPTS_MAX = 3;
const WIGGLE_REVERSALS_MAX = 14;
/** Presses closer together than this count as one double (triple, …) click. */
const DOUBLE_CLICK_MS = 500;

const sleep = (durationMs) => new Promise((resolveSleep) => setTimeout(resolveSleep, durationMs));

/** A small seeded generator (mulberry32), so each recording moves the same way on every run. */
function seededRandom(text) {
  let state = createHash("sha256").update(text).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** The largest number of `timesMs` inside any window of `windowMs`. */
function busiestWindowCount(timesMs, windowMs) {
  let busiest = 0;
  let first = 0;
  for (let last = 0; last < timesMs.length; last += 1) {
    while (timesMs[last] - timesMs[first] > windowMs) {
      first += 1;
    }
    busiest = Math.max(busiest, last - first + 1);
  }
  return busiest;
}

const easeInOut = (progress) => (progress < 0.5 ? 2 * progress * progress : 1 - (-2 * progress + 2) ** 2 / 2);

/** A visitor at the keyboard and mouse of one page: moves like a person, and notes labels. */
class Visitor {
  constructor(page, name) {
    this.page = page;
    this.name = name;
    this.random = seededRandom(name);
    this.x = 0;
    this.y = 0;
    this.labels = [];
  }

  between(low, high) {
    return low + (high - low) * this.random();
  }

  /** The page's clock, right now. */
  async pageNow() {
    return this.page.evaluate(() => Date.now());
  }

  label(kind, timeMs, note) {
    this.labels.push({ kind, time_ms: timeMs, note });
  }

  async wait(durationMs) {
    await sleep(durationMs);
  }

  /**
   * Moves along a gentle curve (a quadratic Bézier whose control point stays inside the box of
   * the two ends, so neither coordinate ever turns back), easing in and out, ~60 moves a second.
   */
  async moveTo(x, y, { durationMs } = {}) {
    const [startX, startY] = [this.x, this.y];
    const distance = Math.hypot(x - startX, y - startY);
    if (distance < 1) {
      return;
    }
    const totalMs = durationMs ?? Math.min(900, 180 + distance * this.between(0.6, 0.9));
    const bendX = startX + (x - startX) * this.between(0.2, 0.8);
    const bendY = startY + (y - startY) * this.between(0.2, 0.8);
    const startedMs = Date.now();
    for (;;) {
      const progress = Math.min(1, (Date.now() - startedMs) / totalMs);
      const t = easeInOut(progress);
      const pointX = (1 - t) ** 2 * startX + 2 * (1 - t) * t * bendX + t * t * x;
      const pointY = (1 - t) ** 2 * startY + 2 * (1 - t) * t * bendY + t * t * y;
      await this.page.mouse.move(pointX, pointY);
      this.x = pointX;
      this.y = pointY;
      if (progress >= 1) {
        return;
      }
      await sleep(14);
    }
  }

  /** A point inside the element, near its middle. */
  async pointIn(selector, spread = 0.3) {
    const locator = this.page.locator(selector).first();
    await locator.scrollIntoViewIfNeeded();
    const box = await locator.boundingBox();
    if (box === null) {
      throw new Error(`${this.name}: ${selector} is not visible`);
    }
    return {
      x: box.x + box.width / 2 + (this.random() - 0.5) * box.width * spread,
      y: box.y + box.height / 2 + (this.random() - 0.5) * box.height * spread,
    };
  }

  async moveToElement(selector) {
    const point = await this.pointIn(selector);
    await this.moveTo(point.x, point.y);
    return point;
  }

  /** Moves to the element, aims a moment, clicks once; returns the page time right before the press. */
  async click(selector) {
    await this.moveToElement(selector);
    await sleep(this.between(120, 260));
    const timeMs = await this.pageNow();
    await this.page.mouse.down();
    await sleep(this.between(55, 95));
    await this.page.mouse.up();
    return timeMs;
  }

  /**
   * `count` clicks on the element as fast as an annoyed person clicks (a new press every
   * `intervalMs`), wobbling a few pixels; returns the page time right before the first press.
   */
  async burst(selector, count, { intervalMs = [105, 150], alreadyThere = false } = {}) {
    if (!alreadyThere) {
      await this.moveToElement(selector);
      await sleep(this.between(150, 300));
    }
    const [originX, originY] = [this.x, this.y];
    const timeMs = await this.pageNow();
    for (let index = 0; index < count; index += 1) {
      const pressedMs = Date.now();
      if (index > 0) {
        await this.page.mouse.move(originX + this.between(-3, 3), originY + this.between(-3, 3));
      }
      // as an operating system counts them: presses closer than the double-click time add up
      const clickCount = intervalMs[1] < DOUBLE_CLICK_MS ? index + 1 : 1;
      await this.page.mouse.down({ clickCount });
      await sleep(this.between(30, 45));
      await this.page.mouse.up({ clickCount });
      const remainingMs = this.between(...intervalMs) - (Date.now() - pressedMs);
      if (index + 1 < count && remainingMs > 0) {
        await sleep(remainingMs);
      }
    }
    return timeMs;
  }

  /** Two or three presses counted by the browser as a double or triple click (selects a word or a paragraph). */
  async multiClick(selector, clickCount) {
    await this.moveToElement(selector);
    await sleep(this.between(150, 300));
    for (let index = 1; index <= clickCount; index += 1) {
      await this.page.mouse.down({ clickCount: index });
      await sleep(this.between(40, 60));
      await this.page.mouse.up({ clickCount: index });
      if (index < clickCount) {
        await sleep(this.between(60, 90));
      }
    }
  }

  async type(text) {
    for (const character of text) {
      await this.page.keyboard.type(character);
      await sleep(this.between(60, 140));
    }
  }

  /**
   * Shakes the cursor back and forth around (centerX, centerY): sweeps of about `halfPeriodMs`
   * each, `amplitude` pixels either side on each axis, for `durationMs`, with a mouse event every
   * ~10 ms (a 100 Hz mouse). Returns the page time right before the shake starts, and how many
   * times the hand reversed in the busiest 2 s (the quantity the thrashed_cursor rule counts).
   */
  async shake({ centerX, centerY, amplitudeX, amplitudeY = 0, halfPeriodMs, durationMs }) {
    await this.moveTo(centerX - amplitudeX, centerY - amplitudeY);
    await sleep(this.between(80, 160));
    const timeMs = await this.pageNow();
    const startedMs = Date.now();
    const reversalTimesMs = [];
    let direction = 1;
    // sweeps follow a schedule fixed in advance, so a slow mouse event delays one sweep, not all
    let sweepStartMs = startedMs;
    while (sweepStartMs - startedMs < durationMs) {
      const sweepEndMs = sweepStartMs + halfPeriodMs * this.between(0.85, 1.15);
      const reach = this.between(0.8, 1.05);
      const [fromX, fromY] = [this.x, this.y];
      const [toX, toY] = [centerX + direction * amplitudeX * reach, centerY + direction * amplitudeY * reach];
      for (;;) {
        const progress = Math.min(1, Math.max(0, (Date.now() - sweepStartMs) / (sweepEndMs - sweepStartMs)));
        const t = easeInOut(progress);
        this.x = fromX + (toX - fromX) * t;
        this.y = fromY + (toY - fromY) * t;
        await this.page.mouse.move(this.x, this.y);
        if (progress >= 1) {
          break;
        }
        await sleep(4);
      }
      reversalTimesMs.push(Date.now());
      direction = -direction;
      sweepStartMs = sweepEndMs;
    }
    reversalTimesMs.pop(); // where the last sweep ends the hand stops: no reversal
    return { timeMs, reversalsIn2s: busiestWindowCount(reversalTimesMs, 2_000) };
  }

  /**
   * A shake meant as a thrashed cursor. It is labeled only when the hand really reversed at
   * least THRASH_REVERSALS_MIN times within 2 s (on a busy machine the sweeps can come out
   * slower than planned); a shake that fell short is left unlabeled, as the look-alike it
   * became, and tried again after a calm pause.
   */
  async thrash(options, note) {
    for (let attempt = 1; attempt <= THRASH_ATTEMPTS_MAX; attempt += 1) {
      const { timeMs, reversalsIn2s } = await this.shake(options);
      if (reversalsIn2s >= THRASH_REVERSALS_MIN) {
        this.label("thrashed_cursor", timeMs, `${note} (${reversalsIn2s} reversals in the busiest 2 s)`);
        return;
      }
      console.log(`  ${this.name}: "${note}" came out with ${reversalsIn2s} reversals in 2 s: not a thrash, unlabeled; again`);
      await this.wait(3_500);
    }
    throw new Error(`${this.name}: "${note}" never reached ${THRASH_REVERSALS_MIN} reversals in 2 s (machine too busy?)`);
  }

  /** A shake that is not a thrashed cursor: fails when the hand reversed too often to call it one. */
  async wiggle(options, note) {
    const { reversalsIn2s } = await this.shake(options);
    if (reversalsIn2s > WIGGLE_REVERSALS_MAX) {
      throw new Error(`${this.name}: look-alike "${note}" reversed ${reversalsIn2s} times in 2 s`);
    }
    console.log(`  ${this.name}: look-alike ${note}: ${reversalsIn2s} reversals in the busiest 2 s`);
  }

  async screenshot(step) {
    mkdirSync(artifactPath("signals-corpus"), { recursive: true });
    // caret "initial": Playwright would otherwise restyle every text field (a DOM mutation, i.e. a reaction)
    await this.page.screenshot({ path: artifactPath(join("signals-corpus", `${this.name}-${step}.png`)), caret: "initial" });
  }
}

// ─── The recordings ────────────────────────────────────────────────────────────────────────────

/** @type {{name: string, page: string, description: string, run: (visitor: Visitor, context: import("playwright-core").BrowserContext) => Promise<void>}[]} */
const RECORDINGS = [
  {
    name: "dead-clicks-checkout",
    page: "/checkout.html",
    description:
      "Checkout page. Dead: a button without a handler, an image styled as a button (pointer cursor from a stylesheet), " +
      "an ARIA button, a span with button classes, a javascript:void(0) link. Look-alikes: a click on the heading, a " +
      "working button, a text field clicked and typed into, a checkbox, a <summary>, a target=_blank link.",
    async run(visitor, context) {
      await visitor.click("#title"); // plain text: does not look clickable
      await visitor.wait(1_500);
      await visitor.click("#save-address");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click("#coupon");
      await visitor.wait(300);
      await visitor.type("AUTUMN20");
      await visitor.wait(1_200);
      visitor.label("dead_click", await visitor.click("#apply-coupon"), "button without a handler");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click("#gift-wrap");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click("#shipping-options summary");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      visitor.label("dead_click", await visitor.click("#pay-with-points"), "image styled as a button, no handler");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      const newTab = context.waitForEvent("page");
      await visitor.click("#size-guide");
      const tab = await newTab;
      await tab.waitForLoadState();
      await visitor.wait(1_000);
      await tab.close();
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      visitor.label("dead_click", await visitor.click("#estimate-delivery"), "div role=button without a handler");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      visitor.label("dead_click", await visitor.click("#chat"), "span with button classes, no handler");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      visitor.label("dead_click", await visitor.click("#terms"), "javascript:void(0) link");
      await visitor.screenshot("end");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
    },
  },
  {
    name: "slow-buttons-status",
    page: "/status.html",
    description:
      "Order status page. Look-alikes: buttons that answer after 1.8 s and 2.4 s, a spinner shown at once, a failed " +
      "request followed by a message, an in-page link and a button that scroll. Dead: a button whose answer only " +
      "comes after 4.5 s (past the 3 s timeout).",
    async run(visitor) {
      await visitor.click("#refresh-status");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click("#download-invoice");
      await visitor.wait(1_000);
      await visitor.screenshot("spinner");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click("#check-slot");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      visitor.label("dead_click", await visitor.click("#contact-courier"), "button that answers only after 4.5 s");
      await visitor.wait(5_200);
      await visitor.click("#retry-payment");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click("#returns-link");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      for (let step = 0; step < 8; step += 1) {
        await visitor.page.mouse.wheel(0, -250);
        await visitor.wait(120);
      }
      await visitor.wait(1_500);
      await visitor.click("#jump-faq");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
    },
  },
  {
    name: "rage-clicks-cart",
    page: "/cart.html",
    description:
      "Cart page. Rage: six fast clicks on a working + button, on a dead Apply button (also a dead click), on the " +
      "product photo (not clickable), on a slow Load more button, on a javascript:void(0) link. Look-alikes: three " +
      "quick clicks on −, four slow clicks on +, ticking five checkboxes in a row quickly, a triple-click selecting " +
      "a paragraph, a double-click selecting a word.",
    async run(visitor) {
      visitor.label("rage_click", await visitor.burst("#plus", 6), "six fast clicks on a working + button");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.burst("#minus", 3, { intervalMs: [150, 200] });
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.burst("#plus", 4, { intervalMs: [560, 650] });
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      const applyMs = await visitor.burst("#apply-promo", 6);
      visitor.label("rage_click", applyMs, "six fast clicks on a dead Apply button");
      visitor.label("dead_click", applyMs, "the first of those clicks: nothing happens");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      visitor.label("rage_click", await visitor.burst("#product-photo", 5), "five fast clicks on the product photo");
      await visitor.wait(2_500);
      for (let index = 1; index <= 5; index += 1) {
        const point = await visitor.pointIn(`#extra-${index}`, 0.2);
        await visitor.moveTo(point.x, point.y, { durationMs: 110 });
        await visitor.page.mouse.down();
        await sleep(40);
        await visitor.page.mouse.up();
        await sleep(60);
      }
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.multiClick("#return-policy", 3);
      await visitor.screenshot("triple-click");
      await visitor.wait(2_500);
      await visitor.multiClick("#reviews p", 2);
      await visitor.wait(2_500);
      visitor.label("rage_click", await visitor.burst("#load-reviews", 5), "five clicks on a slow Load more button");
      await visitor.wait(4_500);
      const offersMs = await visitor.burst("#all-offers", 5);
      visitor.label("rage_click", offersMs, "five fast clicks on a javascript:void(0) link");
      visitor.label("dead_click", offersMs, "the link does nothing (and a double-click on it selects no text)");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
    },
  },
  {
    name: "error-clicks-settings",
    page: "/settings.html",
    description:
      "Account settings. Error clicks: a handler that throws after showing a status, one that logs console.error, a " +
      "failed request then console.error, an unhandled rejection 0.8 s later, an error from a timer 1.5 s later, and a " +
      "handler that throws before doing anything (also a dead click). Look-alikes: console.warn, console.log, an error " +
      "caught and shown, an error 3 s after the click, an error from a timer long after any click.",
    async run(visitor) {
      visitor.label("error_click", await visitor.click("#save-profile"), "handler throws a TypeError");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      visitor.label("error_click", await visitor.click("#export-data"), "handler logs console.error");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      visitor.label("error_click", await visitor.click("#sync-contacts"), "request fails, then console.error");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      visitor.label("error_click", await visitor.click("#connect-calendar"), "unhandled rejection 0.8 s after the click");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      visitor.label("error_click", await visitor.click("#refresh-token"), "error thrown by a timer 1.5 s after the click");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      const deleteMs = await visitor.click("#delete-account");
      visitor.label("error_click", deleteMs, "handler throws a ReferenceError before doing anything");
      visitor.label("dead_click", deleteMs, "the same click: nothing visible happens");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click("#check-updates");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click("#preview-theme");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click("#verify-email");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click("#backup");
      await visitor.wait(4_500);
      await visitor.page.evaluate(() => window.scheduleBackgroundRefresh());
      await visitor.wait(2_000);
      await visitor.screenshot("end");
    },
  },
  {
    name: "thrashed-cursor-pricing",
    page: "/pricing.html",
    description:
      "Pricing page, no clicks. Thrashed cursor: fast shakes left-right, up-down, diagonal, small and wide. " +
      "Look-alikes: reading moves between the plans, slow back-and-forth between two plans, a medium wiggle " +
      "(~2.3 reversals a second), following the rows of the comparison table.",
    async run(visitor) {
      for (const selector of ["#plan-starter h2", "#plan-team .price", "#plan-business li", "#plan-team li"]) {
        await visitor.moveToElement(selector);
        await visitor.wait(visitor.between(400, 800));
      }
      const team = await visitor.pointIn("#plan-team", 0);
      await visitor.thrash({ centerX: team.x, centerY: team.y, amplitudeX: 120, halfPeriodMs: 80, durationMs: 2_200 }, "fast left-right shake over the Team plan");
      await visitor.wait(3_500);
      const starter = await visitor.pointIn("#plan-starter", 0);
      const business = await visitor.pointIn("#plan-business", 0);
      await visitor.wiggle(
        { centerX: (starter.x + business.x) / 2, centerY: starter.y, amplitudeX: (business.x - starter.x) / 2, halfPeriodMs: 750, durationMs: 5_000 },
        "slow back-and-forth between Starter and Business",
      );
      await visitor.wait(2_500);
      const table = await visitor.pointIn(".compare", 0);
      await visitor.thrash({ centerX: table.x, centerY: table.y, amplitudeX: 0, amplitudeY: 45, halfPeriodMs: 75, durationMs: 2_000 }, "fast up-down shake over the comparison table");
      await visitor.wait(3_500);
      await visitor.wiggle({ centerX: team.x, centerY: team.y, amplitudeX: 80, halfPeriodMs: 230, durationMs: 3_000 }, "medium wiggle over Team");
      await visitor.wait(2_500);
      await visitor.thrash({ centerX: business.x, centerY: business.y, amplitudeX: 70, amplitudeY: 70, halfPeriodMs: 85, durationMs: 2_200 }, "fast diagonal shake over the Business plan");
      await visitor.wait(3_500);
      const rows = await visitor.page.locator(".compare tr").all();
      for (const row of rows) {
        const box = await row.boundingBox();
        await visitor.moveTo(box.x + 30, box.y + box.height / 2, { durationMs: 250 });
        await visitor.moveTo(box.x + box.width - 40, box.y + box.height / 2, { durationMs: 700 });
        await visitor.wait(200);
      }
      await visitor.wait(2_500);
      const price = await visitor.pointIn("#plan-business .price", 0);
      await visitor.thrash({ centerX: price.x, centerY: price.y, amplitudeX: 25, halfPeriodMs: 70, durationMs: 2_000 }, "small fast shake over the Business price");
      await visitor.wait(3_500);
      await visitor.thrash({ centerX: team.x, centerY: team.y - 60, amplitudeX: 170, halfPeriodMs: 85, durationMs: 2_600 }, "wide shake across all three plans");
      await visitor.wait(3_500);
    },
  },
  {
    name: "hover-menu",
    page: "/menu.html",
    description:
      "Marketing page with menus that open on hover. Look-alikes: opening two hover menus and moving up and down " +
      "their items, a menu item that scrolls to its section. Thrashed cursor: shaking over the Account menu, which " +
      "never opens; then rage: five fast clicks on it (also a dead click).",
    async run(visitor) {
      await visitor.moveToElement("#headline");
      await visitor.wait(600);
      await visitor.moveToElement("#menu-products > button");
      await visitor.wait(500);
      for (const id of ["item-replay", "item-analytics", "item-signals", "item-heatmaps", "item-analytics"]) {
        await visitor.moveToElement(`#${id}`);
        await visitor.wait(visitor.between(300, 550));
      }
      await visitor.screenshot("products-menu");
      await visitor.moveToElement("#menu-resources > button");
      await visitor.wait(500);
      for (const id of ["item-docs", "item-blog", "item-status", "item-docs"]) {
        await visitor.moveToElement(`#${id}`);
        await visitor.wait(visitor.between(300, 550));
      }
      await visitor.moveToElement("#menu-products > button");
      await visitor.wait(400);
      await visitor.click("#item-signals");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.moveToElement("#headline");
      await visitor.wait(1_000);
      await visitor.moveToElement("#account-button");
      await visitor.wait(900);
      const account = await visitor.pointIn("#account-button", 0);
      await visitor.thrash({ centerX: account.x, centerY: account.y, amplitudeX: 30, amplitudeY: 8, halfPeriodMs: 80, durationMs: 2_200 }, "shaking over the Account menu that does not open");
      await visitor.wait(2_600);
      const rageMs = await visitor.burst("#account-button", 5, { alreadyThere: true });
      visitor.label("rage_click", rageMs, "five fast clicks on the Account menu button");
      visitor.label("dead_click", rageMs, "the Account menu button does nothing");
      await visitor.screenshot("account");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
    },
  },
  {
    name: "signup-form",
    page: "/signup.html",
    description:
      "Sign-up form. Look-alikes: text fields clicked and typed into, a show-password toggle, a radio button, a " +
      "checkbox, a triple-click on the terms paragraph, a Create account button showing validation messages. Dead: " +
      "a help icon with a pointer cursor and no handler. Rage and dead: a styled div role=button never wired up. " +
      "Thrashed cursor next to it. Error: the Google sign-up button throws.",
    async run(visitor) {
      await visitor.click("#full-name");
      await visitor.type("Grace Hopper");
      await visitor.wait(700);
      await visitor.click("#email");
      await visitor.type("grace@navy.example");
      await visitor.wait(900);
      visitor.label("dead_click", await visitor.click("#password-help"), "help icon with a pointer cursor, no handler");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click("#password");
      await visitor.type("correct horse");
      await visitor.wait(700);
      await visitor.click("#show-password");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click("#plan-team");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click("#newsletter");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.multiClick("#terms-text", 3);
      await visitor.wait(2_500);
      const nextMs = await visitor.burst("#next-step", 5);
      visitor.label("rage_click", nextMs, "five fast clicks on a Next step div that was never wired up");
      visitor.label("dead_click", nextMs, "the Next step div does nothing");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      const next = await visitor.pointIn("#next-step", 0);
      await visitor.thrash({ centerX: next.x, centerY: next.y + 40, amplitudeX: 60, halfPeriodMs: 80, durationMs: 2_200 }, "shaking the cursor under the Next step div");
      await visitor.wait(3_000);
      visitor.label("error_click", await visitor.click("#google-signup"), "Google sign-up handler throws a TypeError");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click("#create-account");
      await visitor.screenshot("end");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
    },
  },
  {
    name: "shop-visit",
    page: "/shop.html",
    description:
      "Shop, product page, back to the shop. Look-alikes: product tiles and a nav link that navigate, a size radio " +
      "button, a working Add to cart. Dead: an image with a button-like class (Size chart). Thrashed cursor over the " +
      "price. Error: Notify me logs console.error 0.6 s after the click.",
    async run(visitor) {
      await visitor.moveToElement("#tile-lamp");
      await visitor.wait(700);
      await visitor.click("#tile-backpack");
      await visitor.page.waitForURL(/product\.html/);
      await visitor.page.waitForFunction(() => window.Reel?.isRecording() === true);
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click("#size-l");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      visitor.label("dead_click", await visitor.click("#size-chart"), "image with a button-like class, no handler");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click("#add-to-cart");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      const price = await visitor.pointIn("#price", 0);
      await visitor.thrash({ centerX: price.x + 20, centerY: price.y, amplitudeX: 90, amplitudeY: 10, halfPeriodMs: 85, durationMs: 2_300 }, "shaking over the price");
      await visitor.wait(3_000);
      visitor.label("error_click", await visitor.click("#notify-me"), "console.error 0.6 s after the click");
      await visitor.screenshot("product");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click("#back-to-shop");
      await visitor.page.waitForURL(/shop\.html/);
      await visitor.page.waitForFunction(() => window.Reel?.isRecording() === true);
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
    },
  },
  {
    name: "dashboard",
    page: "/dashboard.html",
    description:
      "Analytics dashboard. Look-alikes: moving along chart bars that show tooltips, switching tabs (role=tab). Rage " +
      "and dead: five clicks on a banner's close cross that was never wired up. Rage: six clicks on a working Refresh " +
      "button. Thrashed cursor over the chart. Error: Export CSV throws after showing a status.",
    async run(visitor) {
      const bars = await visitor.page.locator(".bar-col").all();
      for (const bar of bars) {
        const box = await bar.boundingBox();
        await visitor.moveTo(box.x + box.width / 2, box.y + Math.min(30, box.height / 2), { durationMs: 260 });
        await visitor.wait(visitor.between(250, 450));
      }
      await visitor.click("#tab-errors");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      const closeMs = await visitor.burst("#banner-close", 5);
      visitor.label("rage_click", closeMs, "five clicks on a close cross that was never wired up");
      visitor.label("dead_click", closeMs, "the close cross does nothing");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      visitor.label("rage_click", await visitor.burst("#refresh", 6), "six fast clicks on a working Refresh button");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      const chart = await visitor.pointIn("#chart", 0);
      await visitor.thrash({ centerX: chart.x, centerY: chart.y + 40, amplitudeX: 150, halfPeriodMs: 80, durationMs: 2_400 }, "shaking over the chart");
      await visitor.wait(3_000);
      visitor.label("error_click", await visitor.click("#export-csv"), "Export CSV throws after showing Exporting…");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click("#tab-signals");
      await visitor.screenshot("end");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
    },
  },
  {
    name: "unseen-reactions",
    page: "/reports.html",
    description:
      "Reports page: clicks whose reaction is one the doc lists but the recording may not show. Look-alikes only: a " +
      "button that opens a new tab with window.open, a button whose only reaction is a successful request, a download " +
      "link, a label with a pointer cursor that moves the focus to its field.",
    async run(visitor, context) {
      await visitor.moveToElement("h1");
      await visitor.wait(800);
      const newTab = context.waitForEvent("page");
      await visitor.click("#open-report");
      const tab = await newTab;
      await tab.waitForLoadState();
      await visitor.wait(1_000);
      await tab.close();
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click("#helpful");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click("#download-csv");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
      await visitor.click('label[for="share-email"]');
      await visitor.wait(400);
      await visitor.type("sam@example.com");
      await visitor.screenshot("end");
      await visitor.wait(DEAD_WINDOW_WAIT_MS);
    },
  },
];

// ─── Recording and reading back ────────────────────────────────────────────────────────────────

async function startCorpusSite(reel) {
  const routes = {
    "/corpus-init.js": () => ({
      contentType: "text/javascript; charset=utf-8",
      body: `Reel.init(${JSON.stringify({ apiKey: reel.apiKey, serverUrl: reel.baseUrl })});\n`,
    }),
    "/favicon.ico": () => ({ status: 204, body: "" }),
    // a backend that is down: the pages' failing requests
    "/api/payment": () => ({ status: 502, contentType: "application/json", body: '{"error":"bad gateway"}' }),
    "/api/contacts/sync": () => ({ status: 500, contentType: "application/json", body: '{"error":"sync failed"}' }),
    "/api/feedback": () => ({ status: 204, body: "" }),
    "/report.csv": () => ({ contentType: "text/csv", body: "day,sessions\nMon,120\nTue,180\n" }),
  };
  for (const fileName of readdirSync(PAGES_DIRECTORY).filter((file) => file.endsWith(".html"))) {
    routes[`/${fileName}`] = () => ({
      contentType: "text/html; charset=utf-8",
      body: readFileSync(join(PAGES_DIRECTORY, fileName), "utf8").replaceAll("{{REEL_URL}}", reel.baseUrl),
    });
  }
  return startStaticServer({ root: PAGES_DIRECTORY, routes });
}

async function logIn(reel) {
  const response = await fetch(`${reel.baseUrl}/api/v1/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: reel.adminEmail, password: reel.adminPassword }),
  });
  if (!response.ok) {
    throw new Error(`login failed: ${response.status} ${await response.text()}`);
  }
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith("reel_session="));
  return cookie.split(";")[0];
}

async function getJson(reel, cookie, path) {
  const response = await fetch(`${reel.baseUrl}${path}`, { headers: { cookie } });
  if (!response.ok) {
    throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  }
  return response.json();
}

async function readRecording(reel, cookie, storedId) {
  const events = [];
  let fromMs = null;
  for (;;) {
    const query = fromMs === null ? "" : `?from_ms=${fromMs}`;
    const page = await getJson(reel, cookie, `/api/v1/sessions/${encodeURIComponent(storedId)}/recording${query}`);
    events.push(...page.events);
    if (page.next_from_ms === null || page.next_from_ms === undefined || page.events.length === 0) {
      return events;
    }
    fromMs = page.next_from_ms;
  }
}

/** Waits until the session's recording reaches `lastActionMs` and stops growing; returns its events. */
async function fetchStoredRecording(reel, cookie, { deviceId, sessionId }, lastActionMs) {
  const deadlineMs = Date.now() + RECORDING_SETTLE_TIMEOUT_MS;
  let previousCount = -1;
  while (Date.now() < deadlineMs) {
    const { sessions } = await getJson(reel, cookie, "/api/v1/sessions?limit=100");
    const session = sessions.find((candidate) => candidate.device_id === deviceId && candidate.session_id === sessionId);
    if (session !== undefined) {
      const events = await readRecording(reel, cookie, session.id);
      const lastMs = Math.max(...events.map((event) => event.timestamp));
      if (lastMs >= lastActionMs && events.length === previousCount) {
        return events;
      }
      previousCount = events.length;
      console.log(`  waiting for the recording: ${events.length} events, last at ${lastMs}, want ≥ ${lastActionMs}`);
    }
    await sleep(1_000);
  }
  throw new Error(`the recording of session ${sessionId} did not settle within ${RECORDING_SETTLE_TIMEOUT_MS} ms`);
}

async function waitForRecordingStart(page) {
  await page.waitForFunction(() => window.Reel !== undefined && window.Reel.isRecording() === true, null, { timeout: 15_000 });
}

async function recordOne(recording, site, reel, cookie) {
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const pageErrors = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(`${site.baseUrl}${recording.page}`);
    await waitForRecordingStart(page);
    const visitor = new Visitor(page, recording.name);
    await visitor.wait(800);
    await visitor.moveTo(640 + visitor.between(-80, 80), 300 + visitor.between(-60, 60), { durationMs: 500 });
    await visitor.wait(600);
    await recording.run(visitor, browser.context);
    // one last movement after the waits: every dead-click check of the recording can be decided
    const lastActionMs = await visitor.pageNow();
    await visitor.moveTo(visitor.x + 40, visitor.y + 25, { durationMs: 300 });
    await visitor.wait(1_000); // rrweb hands over mouse positions every 500 ms
    const ids = await page.evaluate(() => ({ deviceId: window.Reel.getDeviceId(), sessionId: window.Reel.getSessionId() }));
    await page.evaluate(() => window.Reel.flush());
    await page.goto("about:blank");
    const events = await fetchStoredRecording(reel, cookie, ids, lastActionMs);
    return { labels: visitor.labels, events, pageErrors };
  } finally {
    await browser.close();
  }
}

function writeFixture(name, labels, events) {
  mkdirSync(OUTPUT_DIRECTORY, { recursive: true });
  const sortedLabels = [...labels].sort((left, right) => left.time_ms - right.time_ms || left.kind.localeCompare(right.kind));
  const lines = [
    "{",
    `"name": ${JSON.stringify(name)},`,
    `"labels": [\n${sortedLabels.map((label) => JSON.stringify(label)).join(",\n")}\n],`,
    `"events": [\n${events.map((event) => JSON.stringify(event)).join(",\n")}\n]`,
    "}",
    "",
  ];
  const path = join(OUTPUT_DIRECTORY, `${name}.json`);
  writeFileSync(path, lines.join("\n"));
  return { path, bytes: statSync(path).size };
}

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !RECORDINGS.some((recording) => recording.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown recordings: ${unknown.join(", ")}; known: ${RECORDINGS.map((recording) => recording.name).join(", ")}`);
  }
  const selected = RECORDINGS.filter((recording) => wanted.length === 0 || wanted.includes(recording.name));
  const reel = await startReelServer();
  const site = await startCorpusSite(reel);
  try {
    const cookie = await logIn(reel);
    for (const recording of selected) {
      const startedMs = Date.now();
      const { labels, events, pageErrors } = await recordOne(recording, site, reel, cookie);
      const { path, bytes } = writeFixture(recording.name, labels, events);
      const counts = {};
      for (const label of labels) {
        counts[label.kind] = (counts[label.kind] ?? 0) + 1;
      }
      console.log(
        `${recording.name}: ${events.length} events, ${(bytes / 1024).toFixed(0)} KB, ${((Date.now() - startedMs) / 1000).toFixed(0)} s, ` +
          `labels ${JSON.stringify(counts)}, page errors ${pageErrors.length} → ${path}`,
      );
      if (bytes > RECORDING_BYTES_MAX) {
        console.warn(`${recording.name}: ${bytes} bytes is over the ${RECORDING_BYTES_MAX}-byte budget`);
      }
    }
  } finally {
    await site.stop();
    await reel.stop();
  }
}

await main();
