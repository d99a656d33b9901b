// The demo shop's behaviour: product list, product page, cart in localStorage, checkout.
"use strict";

(function runDemoShop() {
  const products = window.DemoShopProducts;
  const CART_STORAGE_KEY = "demo-shop.cart";

  function formatPrice(priceCents) {
    return "$" + (priceCents / 100).toFixed(2);
  }

  function readCart() {
    try {
      const parsed = JSON.parse(localStorage.getItem(CART_STORAGE_KEY) || "{}");
      return parsed && typeof parsed === "object" ? parsed : {};
    } catch (error) {
      return {};
    }
  }

  function writeCart(cart) {
    localStorage.setItem(CART_STORAGE_KEY, JSON.stringify(cart));
    showCartCount();
  }

  function showCartCount() {
    const cart = readCart();
    const itemCount = Object.values(cart).reduce((total, quantity) => total + quantity, 0);
    for (const badge of document.querySelectorAll(".cart-count")) {
      badge.textContent = String(itemCount);
    }
  }

  function renderProductList() {
    const grid = document.getElementById("product-grid");
    grid.innerHTML = products
      .map(
        (product) =>
          '<a class="product-card" id="product-' + product.id + '" href="/demo/product.html?id=' + product.id + '">' +
          products.drawingSvg(product) +
          '<div class="details"><h3>' + product.name + '</h3><span class="price">' + formatPrice(product.priceCents) +
          "</span></div></a>",
      )
      .join("");
  }

  function renderProductPage() {
    const productId = new URLSearchParams(location.search).get("id");
    const product = products.findById(productId);
    const container = document.getElementById("product-detail");
    if (product === null) {
      container.innerHTML = '<p id="product-missing">We could not find that product. <a href="/demo/">Back to the shop</a></p>';
      return;
    }
    document.title = product.name + " · Reel Demo Shop";
    container.innerHTML =
      '<div class="picture">' + products.drawingSvg(product) + "</div>" +
      '<div><h1 id="product-name">' + product.name + "</h1>" +
      '<div class="price" id="product-price">' + formatPrice(product.priceCents) + "</div>" +
      "<p>" + product.description + "</p>" +
      '<button class="button" id="add-to-cart" type="button">Add to cart</button> ' +
      '<a class="button secondary" id="go-to-cart" href="/demo/cart.html">Go to cart</a>' +
      '<div class="notice" id="cart-message" hidden>Added to your cart.</div></div>';
    document.getElementById("add-to-cart").addEventListener("click", () => {
      const cart = readCart();
      cart[product.id] = (cart[product.id] || 0) + 1;
      writeCart(cart);
      const message = document.getElementById("cart-message");
      message.textContent = product.name + " added to your cart (" + cart[product.id] + " in cart).";
      message.hidden = false;
    });
  }

  function renderCartLines() {
    const cart = readCart();
    const lines = Object.keys(cart)
      .map((productId) => ({ product: products.findById(productId), quantity: cart[productId] }))
      .filter((line) => line.product !== null && line.quantity > 0);
    const list = document.getElementById("cart-items");
    if (lines.length === 0) {
      list.innerHTML = '<p class="empty-cart" id="cart-empty">Your cart is empty. <a href="/demo/">Find something nice</a>.</p>';
      document.getElementById("cart-total").textContent = formatPrice(0);
      return;
    }
    list.innerHTML = lines
      .map(
        (line) =>
          '<div class="cart-line" data-product-id="' + line.product.id + '"><span>' + line.quantity + " × " +
          line.product.name + "</span><span>" + formatPrice(line.quantity * line.product.priceCents) + "</span></div>",
      )
      .join("");
    const totalCents = lines.reduce((total, line) => total + line.quantity * line.product.priceCents, 0);
    document.getElementById("cart-total").textContent = formatPrice(totalCents);
  }

  function setUpCheckout() {
    const form = document.getElementById("checkout-form");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const orderNumber = "R-" + String(Date.now()).slice(-6);
      writeCart({});
      renderCartLines();
      form.reset();
      const confirmation = document.getElementById("order-confirmation");
      confirmation.textContent = "Thank you! Order " + orderNumber + " has been placed.";
      confirmation.hidden = false;
    });
    // "Track order" calls a tracking client this demo never configured: it throws on purpose,
    // so that replays show a runtime error.
    document.getElementById("broken-button").addEventListener("click", () => {
      const lastOrderNumber = document.getElementById("order-confirmation").textContent;
      window.orderTrackingClient.lookUp(lastOrderNumber);
    });
    // "Apply coupon" (#dead-button) deliberately has no handler: a dead click.
  }

  showCartCount();
  const page = document.body.dataset.page;
  if (page === "product-list") {
    renderProductList();
  } else if (page === "product") {
    renderProductPage();
  } else if (page === "cart") {
    renderCartLines();
    setUpCheckout();
  }
})();
