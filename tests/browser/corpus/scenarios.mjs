// The sessions of the benchmark corpus. Each one opens a page, then acts like a visitor until
// its planned duration is used up (real time: timing decides bytes per minute).
import { sleep } from "./human.mjs";

const SECOND_MS = 1_000;

/**
 * @typedef {{human: import("./human.mjs").Human, page: import("playwright-core").Page,
 *   timeLeftMs: () => number, reelUrl: string, siteUrl: string}} ScenarioContext
 * @type {{name: string, description: string, durationMs: number, seed: number,
 *   startUrl: (urls: {reelUrl: string, siteUrl: string}) => string, run: (context: ScenarioContext) => Promise<void>}[]}
 */
export const SCENARIOS = [
  {
    name: "demo-shop-checkout",
    description: "Reel's demo shop: browse the grid, open products, add to cart, check out with typed details",
    durationMs: 115 * SECOND_MS,
    seed: 11,
    startUrl: ({ reelUrl }) => `${reelUrl}/demo/`,
    async run({ human, page, timeLeftMs }) {
      await human.think(2_000, 4_000);
      await human.click(page.locator("#image-button")); // looks like a button, is not one
      await human.think(1_000, 2_000);
      const products = ["backpack", "mug", "lamp", "notebook", "plant", "headphones"];
      let visited = 0;
      while (timeLeftMs() > 65 * SECOND_MS) {
        await human.read(human.between(3_000, 7_000), { scrollPx: [100, 300] });
        const product = products[visited % products.length];
        visited += 1;
        await human.click(page.locator(`#product-${product}`));
        await page.waitForURL(/product\.html/);
        await human.read(human.between(4_000, 9_000), { scrollPx: [60, 200] });
        if (visited % 2 === 1) {
          await human.click(page.locator("#add-to-cart"));
          await human.think(1_500, 3_000);
        }
        await human.click(page.locator(human.chance(0.5) ? "#back-to-shop" : "#nav-shop"));
        await page.waitForURL(/\/demo\/$/);
      }
      await human.click(page.locator("#nav-cart"));
      await page.waitForURL(/cart\.html/);
      await human.think(2_000, 4_000);
      await human.type(page.locator("#checkout-name"), "Frances Allen");
      await human.type(page.locator("#checkout-email"), "frances.allen@example.org");
      await human.type(page.locator("#checkout-password"), "harbour-Lights-1977");
      await human.type(page.locator("#checkout-card"), "4111111111111111", { wordsPerMinute: 30 });
      await human.think(1_000, 2_500);
      await human.click(page.locator("#place-order"));
      await page.locator("#order-confirmation").waitFor({ state: "visible" });
      await human.read(Math.max(3_000, timeLeftMs()), { scrollPx: [80, 160] });
    },
  },
  {
    name: "long-article",
    description: "A 12-section essay read from top to bottom with wheel scrolling, a table-of-contents jump, a newsletter sign-up and a comment",
    durationMs: 135 * SECOND_MS,
    seed: 23,
    startUrl: ({ siteUrl }) => `${siteUrl}/article/`,
    async run({ human, page, timeLeftMs }) {
      await human.think(3_000, 5_000);
      await human.read(25 * SECOND_MS, { scrollPx: [100, 300] });
      await human.scrollBy(-1_200);
      await human.click(page.locator("#toc a").nth(6)); // jump ahead
      await human.read(20 * SECOND_MS, { scrollPx: [120, 320] });
      // select a sentence, as readers do while reading
      const paragraph = page.locator("#section-7 p").first();
      const box = await human.bringIntoView(paragraph);
      await human.moveTo(box.x + 10, box.y + 8);
      await page.mouse.down();
      await human.moveTo(box.x + Math.min(box.width - 20, 420), box.y + 30);
      await page.mouse.up();
      await human.think(1_500, 3_000);
      await human.click(page.locator("#newsletter-email"));
      await human.type(page.locator("#newsletter-email"), "reader@coastal.example");
      await human.click(page.locator("#newsletter-submit"));
      while (timeLeftMs() > 55 * SECOND_MS) {
        await human.read(8 * SECOND_MS, { scrollPx: [150, 400] });
      }
      await human.click(page.locator("#comment-name"));
      await human.type(page.locator("#comment-name"), "Ken");
      await human.type(page.locator("#comment-text"), "Lovely piece. My grandfather kept the light at Oban for eleven winters and his logs read just like this.");
      await human.click(page.locator("#comment-submit"));
      await human.think(2_000, 3_000);
      if (await page.locator("#back-to-top").isVisible()) {
        await human.click(page.locator("#back-to-top"));
      }
      await human.read(Math.max(2_000, timeLeftMs()), { scrollPx: [100, 250] });
    },
  },
  {
    name: "data-table",
    description: "A 600-row grid: live search, filters, column sorting, paging, expanding rows, row selection and a bulk action (many DOM mutations)",
    durationMs: 100 * SECOND_MS,
    seed: 37,
    startUrl: ({ siteUrl }) => `${siteUrl}/table/`,
    async run({ human, page, timeLeftMs }) {
      await human.think(2_000, 3_500);
      await human.read(6_000, { scrollPx: [150, 300] });
      await human.scrollBy(-2_000);
      await human.click(page.locator('th[data-key="tonnage"]'));
      await human.think(1_500, 3_000);
      await human.click(page.locator('th[data-key="tonnage"]'));
      await human.think(1_500, 3_000);
      await human.type(page.locator("#search"), "storm");
      await human.think(2_000, 4_000);
      await human.click(page.locator("a.expand").first());
      await human.think(2_000, 4_000);
      await human.click(page.locator("#search"));
      await page.keyboard.press("Control+A");
      await page.keyboard.press("Backspace");
      await human.think(1_000, 2_000);
      await human.choose(page.locator("#status-filter"), "Inspection due");
      await human.think(1_500, 3_000);
      for (let row = 0; row < 4; row += 1) {
        await human.click(page.locator('#rows tr[data-id] input[type="checkbox"]').nth(row));
      }
      await human.click(page.locator("#bulk-inspect"));
      await human.think(2_000, 3_000);
      await human.click(page.locator("#export"));
      await human.think(1_000, 2_000);
      await human.choose(page.locator("#status-filter"), "");
      let round = 0;
      while (timeLeftMs() > 8 * SECOND_MS) {
        round += 1;
        const action = round % 5;
        if (action === 0) {
          await human.click(page.locator(`th[data-key="${human.pick(["name", "port", "owner", "inspected", "id"])}"]`));
        } else if (action === 1) {
          await human.click(page.locator("#next"));
          await human.read(3_000, { scrollPx: [200, 400] });
          await human.scrollBy(-3_000);
        } else if (action === 2) {
          await human.choose(page.locator("#type-filter"), human.pick(["Trawler", "Ferry", "Tug", "", "Yacht"]));
        } else if (action === 3) {
          await human.click(page.locator("a.expand").nth(Math.floor(human.between(0, 6))));
        } else {
          await human.click(page.locator("#search"));
          await page.keyboard.press("Control+A");
          await human.typeHere(human.pick(["bergen", "V-10", "hopper", "gull", "dover"]));
        }
        await human.think(2_000, 4_500);
      }
      await human.choose(page.locator("#page-size"), "100");
      await human.read(Math.max(2_000, timeLeftMs()), { scrollPx: [200, 500] });
    },
  },
  {
    name: "form-wizard",
    description: "A five-step berth application: typed personal details with a validation error, numbers, radios, checkboxes, a range slider, a textarea, passwords and a review",
    durationMs: 130 * SECOND_MS,
    seed: 41,
    startUrl: ({ siteUrl }) => `${siteUrl}/form/`,
    async run({ human, page, timeLeftMs }) {
      await human.think(2_000, 4_000);
      await human.type(page.locator("#first-name"), "Radia");
      await human.type(page.locator("#last-name"), "Perlman");
      await human.type(page.locator("#email"), "radia.perlman@example"); // invalid: no top-level domain
      await human.type(page.locator("#phone"), "+44 7700 900 123");
      await human.think(1_000, 2_000);
      await human.click(page.locator("#email"));
      await page.keyboard.press("End");
      await human.typeHere(".net");
      await human.type(page.locator("#street"), "14 Harbour Row");
      await human.type(page.locator("#city"), "Falmouth");
      await human.type(page.locator("#postcode"), "TR1");
      await human.choose(page.locator("#country"), "United Kingdom");
      await human.click(page.locator("#continue")); // postcode too short
      await human.think(1_500, 3_000);
      await human.click(page.locator("#postcode"));
      await page.keyboard.press("End");
      await human.typeHere(" 1AB");
      await human.type(page.locator("#birth-date"), "03141975");
      await human.think(1_000, 2_000);
      await human.click(page.locator("#continue"));

      await human.think(1_500, 3_000);
      await human.type(page.locator("#boat-name"), "Quiet Tern");
      await human.choose(page.locator("#boat-type"), "Sailing yacht");
      await human.type(page.locator("#length"), "9.8");
      await human.type(page.locator("#beam"), "3.2");
      await human.type(page.locator("#draft"), "1.7");
      await human.type(page.locator("#insurer"), "NM-2231-0098");
      await human.click(page.locator("#continue"));

      await human.think(1_500, 3_000);
      await human.click(page.locator('input[name="season"][value="year"]'));
      for (const service of ["power", "water", "lift"]) {
        await human.click(page.locator(`input[name="service"][value="${service}"]`));
      }
      const slider = await human.bringIntoView(page.locator("#budget"));
      await human.moveTo(slider.x + slider.width * 0.18, slider.y + slider.height / 2);
      await page.mouse.down();
      await human.moveTo(slider.x + slider.width * 0.46, slider.y + slider.height / 2 + 2);
      await page.mouse.up();
      await human.type(page.locator("#requests"), "A berth near the fuel dock, please.");
      await human.click(page.locator("#continue"));

      await human.think(1_500, 3_000);
      await human.type(page.locator("#username"), "rperlman");
      await human.type(page.locator("#password"), "Spanning-Tree-1985!");
      await human.type(page.locator("#password-again"), "Spanning-Tree-1958!"); // mistyped
      await human.click(page.locator("#continue"));
      await human.think(2_000, 3_000);
      await human.click(page.locator("#password-again"));
      await page.keyboard.press("Control+A");
      await human.typeHere("Spanning-Tree-1985!");
      await human.click(page.locator("#terms"));
      await human.click(page.locator("#continue"));

      await human.read(6_000, { scrollPx: [100, 200] });
      await human.click(page.locator("#back"));
      await human.think(1_500, 2_500);
      await human.click(page.locator("#back"));
      await human.think(1_500, 2_500);
      await human.click(page.locator("#requests"));
      await page.keyboard.press("End");
      await human.typeHere(" Thank you!");
      await human.click(page.locator("#continue"));
      await human.think(1_000, 2_000);
      await human.click(page.locator("#continue"));
      await human.read(Math.max(3_000, timeLeftMs() - 6_000), { scrollPx: [100, 300] });
      await human.click(page.locator("#continue"));
      await page.locator("#done").waitFor({ state: "visible" });
      await human.think(Math.max(1_000, timeLeftMs() - 500), Math.max(1_500, timeLeftMs()));
    },
  },
  {
    name: "live-dashboard",
    description: "An operations dashboard that updates itself every second (bar chart, tide curve, counters, a growing log) while the visitor mostly watches, hovers and clicks tabs and berths",
    durationMs: 110 * SECOND_MS,
    seed: 53,
    startUrl: ({ siteUrl }) => `${siteUrl}/dashboard/`,
    async run({ human, page, timeLeftMs }) {
      await human.think(8_000, 12_000);
      for (const bar of [10, 24, 40, 46]) {
        await human.hover(page.locator(".bar").nth(bar));
        await human.think(800, 1_800);
      }
      await human.click(page.locator('.tabs button[data-range="24"]'));
      await human.think(5_000, 8_000);
      await human.click(page.locator('.tabs button[data-range="7"]'));
      await human.think(5_000, 8_000);
      await human.scrollBy(500);
      for (let berth = 0; berth < 5; berth += 1) {
        await human.click(page.locator(".berth").nth(Math.floor(human.between(0, 60))));
        await human.think(1_500, 3_500);
      }
      await human.click(page.locator("#pause-log"));
      await human.think(6_000, 9_000);
      await human.click(page.locator("#pause-log"));
      await human.scrollBy(-600);
      await human.think(3_000, 6_000);
      if (await page.locator("#alert").isVisible()) {
        await human.click(page.locator("#dismiss-alert"));
      }
      await human.click(page.locator('.tabs button[data-range="60"]'));
      while (timeLeftMs() > 2_000) {
        await human.think(Math.min(timeLeftMs(), 8_000), Math.min(timeLeftMs(), 15_000));
        if (timeLeftMs() > 4_000) {
          await human.hover(page.locator(".bar").nth(Math.floor(human.between(0, 48))));
        }
      }
    },
  },
  {
    name: "chat",
    description: "A team chat with messages arriving every few seconds (typing indicators, unread badges, presence), channel switching, reactions and typed replies",
    durationMs: 100 * SECOND_MS,
    seed: 67,
    startUrl: ({ siteUrl }) => `${siteUrl}/chat/`,
    async run({ human, page, timeLeftMs }) {
      await human.think(4_000, 7_000);
      await human.type(page.locator("#message"), "Morning all! Is the crane free after lunch?");
      await page.keyboard.press("Enter");
      await human.think(6_000, 9_000);
      let round = 0;
      while (timeLeftMs() > 25 * SECOND_MS) {
        round += 1;
        const unread = page.locator("#channels li.unread");
        if (round % 3 === 1 && (await unread.count()) > 0) {
          await human.click(unread.first());
        } else if (round % 3 === 2) {
          await human.click(page.locator("#channels li").nth(Math.floor(human.between(0, 6))));
        }
        await human.think(3_000, 6_000);
        const reactions = page.locator(".message .reaction.add");
        if (human.chance(0.5) && (await reactions.count()) > 0) {
          await human.click(reactions.nth(Math.max(0, (await reactions.count()) - 1 - Math.floor(human.between(0, 3)))));
        }
        if (timeLeftMs() > 35 * SECOND_MS) {
          await human.type(
            page.locator("#message"),
            human.pick(["On it.", "Thanks, noted!", "I can take that after 3.", "Does anyone have the key to the chandlery?", "Pilot confirmed for 16:10.", "👍 sounds good"]),
          );
          await page.keyboard.press("Enter");
        }
        await human.think(4_000, 8_000);
      }
      await human.click(page.locator("#channel-search"));
      await human.type(page.locator("#channel-search"), "wea");
      await human.click(page.locator("#channels li").first());
      await human.think(Math.max(1_000, timeLeftMs() - 500), Math.max(1_500, timeLeftMs()));
    },
  },
  {
    name: "spa-routes",
    description: "A single-page project tracker: pushState route changes between overview, projects, boards, team and settings, a modal dialog, toasts and back navigation",
    durationMs: 110 * SECOND_MS,
    seed: 79,
    startUrl: ({ siteUrl }) => `${siteUrl}/spa/`,
    async run({ human, page, timeLeftMs }) {
      await human.think(3_000, 5_000);
      await human.read(5_000, { scrollPx: [100, 200] });
      await human.click(page.locator('#main-nav a[href="/spa/projects"]'));
      await page.locator(".project-card").first().waitFor();
      await human.think(2_000, 4_000);
      await human.type(page.locator("#project-filter"), "dock");
      await human.think(1_500, 2_500);
      await human.click(page.locator(".project-card:not([hidden])").first());
      await page.locator(".columns").waitFor();
      await human.think(3_000, 5_000);
      for (let task = 0; task < 3; task += 1) {
        await human.click(page.locator('.column[data-column="todo"] input[type="checkbox"]').first());
        await human.think(1_500, 3_000);
      }
      await page.goBack();
      await human.think(2_000, 3_500);
      await human.click(page.locator('#main-nav a[href="/spa/team"]'));
      await human.think(3_000, 5_000);
      await human.click(page.locator("#new-task"));
      await human.type(page.locator("#task-title"), "Replace cleats on pontoon B");
      await human.choose(page.locator("#task-project"), "pontoon-renewal");
      await human.choose(page.locator("#task-assignee"), "Grace Hopper");
      await human.type(page.locator("#task-description"), "Four cleats are cracked, see photos in the maintenance channel.");
      await human.click(page.locator("#task-create"));
      await human.think(2_000, 3_000);
      await human.click(page.locator('#main-nav a[href="/spa/settings"]'));
      await page.locator("#display-name").waitFor();
      await human.click(page.locator("#display-name"));
      await page.keyboard.press("Control+A");
      await human.typeHere("Harbour Master");
      await human.choose(page.locator("#timezone"), "Europe/Oslo");
      await human.click(page.locator("#mentions"));
      await human.click(page.locator("#save-settings"));
      await human.think(2_000, 3_000);
      const routes = ["/spa/", "/spa/projects", "/spa/team", "/spa/projects"];
      let round = 0;
      while (timeLeftMs() > 20 * SECOND_MS) {
        const route = routes[round % routes.length];
        round += 1;
        await human.click(page.locator(`#main-nav a[href="${route}"]`));
        await sleep(500);
        if (route === "/spa/projects") {
          await human.click(page.locator(".project-card").nth(Math.floor(human.between(0, 6))));
          await page.locator(".columns").waitFor();
          await human.read(4_000, { scrollPx: [100, 300] });
          await page.goBack();
        }
        await human.read(human.between(3_000, 6_000), { scrollPx: [100, 250] });
      }
      await human.think(Math.max(1_000, timeLeftMs() - 500), Math.max(1_500, timeLeftMs()));
    },
  },
];
