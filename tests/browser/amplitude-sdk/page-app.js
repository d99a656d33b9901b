// The customer site of the Amplitude SDK test: a small single-page shop that uses the official,
// unmodified Amplitude browser SDK and its Session Replay plugin, configured the way a
// self-hosting customer would point them at Reel. Bundled by esbuild when the test starts.
import * as amplitude from "@amplitude/analytics-browser";
import { sessionReplayPlugin } from "@amplitude/plugin-session-replay-browser";

const { reelUrl, apiKey } = window.SITE_CONFIG;

const replay = sessionReplayPlugin({
  sampleRate: 1,
  trackServerUrl: `${reelUrl}/sessions/v2/track`,
  configServerUrl: `${reelUrl}/config`,
});
amplitude.add(replay);
const initialized = amplitude.init(apiKey, {
  serverUrl: `${reelUrl}/2/httpapi`,
  remoteConfig: { serverUrl: `${reelUrl}/config`, fetchRemoteConfig: true },
  fetchRemoteConfig: true,
  enableRequestBodyCompression: true,
  enableDiagnostics: false,
  autocapture: {
    attribution: true,
    fileDownloads: true,
    formInteractions: true,
    pageViews: { trackHistoryChanges: "all" },
    sessions: true,
    elementInteractions: true,
    frustrationInteractions: { rageClicks: true, deadClicks: true, errorClicks: true, thrashedCursor: true },
    networkTracking: { captureRules: [{ hosts: ["*"], statusCodeRange: "0,400-599" }] },
    webVitals: true,
    pageUrlEnrichment: true,
  },
}).promise;

// Amplitude's recipe for not losing the last events of a page: send them with sendBeacon when
// the page is hidden for good. Registered once the SDK is set up, so it runs after autocapture's
// own pagehide listeners and the flush also carries the events they track on leave.
initialized.then(() => {
  window.addEventListener("pagehide", () => {
    amplitude.setTransport("beacon");
    amplitude.flush();
  });
});

const PRODUCTS = [
  { sku: "rope-12", name: "Mooring rope, 12 m", price: "34.00" },
  { sku: "lantern", name: "Storm lantern", price: "58.50" },
  { sku: "chart-n", name: "North coast chart", price: "19.90" },
];

const view = document.getElementById("view");
const cartCount = document.getElementById("cart-count");
let cartItems = Number(sessionStorage.getItem("harbor-cart") ?? "0");
cartCount.textContent = String(cartItems);

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "onclick" || name === "onsubmit") {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value);
    }
  }
  node.append(...children);
  return node;
}

function showStatus(text, isError = false) {
  const status = element("p", { class: isError ? "status error" : "status", id: "status", role: "status" }, text);
  document.getElementById("status")?.remove();
  view.append(status);
}

const ROUTES = {
  "/": () => [
    element("h2", {}, "Welcome aboard"),
    element("p", {}, "Harbor Supplies sells everything a small boat needs: ropes, lanterns and charts."),
    element("button", { id: "start-shopping", onclick: () => navigate("/catalog") }, "Start shopping"),
  ],
  "/catalog": () => [
    element("h2", {}, "Catalog"),
    element(
      "div",
      { class: "grid" },
      ...PRODUCTS.map((product) =>
        element(
          "div",
          { class: "card" },
          element("h3", {}, product.name),
          element("p", {}, `€${product.price}`),
          element(
            "button",
            {
              id: `add-${product.sku}`,
              "data-amp-track-sku": product.sku,
              onclick: () => {
                cartItems += 1;
                sessionStorage.setItem("harbor-cart", String(cartItems));
                cartCount.textContent = String(cartItems);
                showStatus(`${product.name} added to the cart`);
              },
            },
            "Add to cart",
          ),
        ),
      ),
    ),
    element("p", {}, element("button", { class: "quiet", id: "compare" }, "Compare (coming soon)")),
  ],
  "/account": () => [
    element("h2", {}, "Your account"),
    element(
      "form",
      {
        id: "account-form",
        name: "account",
        action: "/account/save",
        onsubmit: (event) => {
          event.preventDefault();
          showStatus("Account details saved");
        },
      },
      element("label", { for: "full-name" }, "Full name"),
      element("input", { id: "full-name", name: "full-name", autocomplete: "off" }),
      element("label", { for: "email" }, "Email"),
      element("input", { id: "email", name: "email", type: "email", autocomplete: "off" }),
      element("label", { for: "boat-type" }, "Boat type"),
      element(
        "select",
        { id: "boat-type", name: "boat-type" },
        element("option", { value: "" }, "Choose…"),
        element("option", { value: "sloop" }, "Sloop"),
        element("option", { value: "ketch" }, "Ketch"),
      ),
      element("label", { for: "notes" }, "Notes"),
      element("textarea", { id: "notes", name: "notes", rows: "3" }),
      element("p", {}, element("button", { type: "submit", id: "save-account" }, "Save details")),
    ),
    element("button", { class: "quiet", id: "identify", onclick: identifyCustomer }, "Upgrade to Pro"),
  ],
  "/support": () => [
    element("h2", {}, "Support desk"),
    element("p", {}, "Having trouble? These buttons reproduce the problems customers report."),
    element(
      "p",
      {},
      element("button", { id: "log-diagnostics", onclick: logDiagnostics }, "Log diagnostics"),
      " ",
      element("button", { id: "load-inventory", onclick: loadInventory }, "Check inventory"),
      " ",
      element("button", { id: "crash", onclick: crash }, "Open tide table"),
    ),
  ],
};

function render() {
  const route = ROUTES[location.pathname] ?? ROUTES["/"];
  view.replaceChildren(...route());
  for (const link of document.querySelectorAll("nav a")) {
    if (link.getAttribute("href") === location.pathname) {
      link.setAttribute("aria-current", "page");
    } else {
      link.removeAttribute("aria-current");
    }
  }
}

function navigate(path) {
  history.pushState({}, "", path);
  render();
}

function identifyCustomer() {
  const identify = new amplitude.Identify().set("plan", "pro").set("boat_type", "sloop");
  amplitude.identify(identify);
  showStatus("Welcome to Harbor Pro");
}

function logDiagnostics() {
  console.log("harbor diagnostics", { cart: cartItems, path: location.pathname });
  console.warn("harbor: the tide table is 3 days old");
  console.error("harbor: inventory service unreachable");
  showStatus("Diagnostics written to the console");
}

async function loadInventory() {
  const response = await fetch("/api/inventory?warehouse=north");
  showStatus(`Inventory check failed with HTTP ${response.status}`, !response.ok);
}

function crash() {
  showStatus("Opening the tide table…");
  throw new Error("Harbor tide table is not loaded");
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-route]");
  if (link) {
    event.preventDefault();
    navigate(link.getAttribute("href"));
  }
});
window.addEventListener("popstate", render);
render();

window.harbor = {
  initialized,
  replayProperties: () => replay.getSessionReplayProperties(),
  deviceId: () => amplitude.getDeviceId(),
  sessionId: () => amplitude.getSessionId(),
};
