// The demo shop's catalogue, with a small inline SVG drawing per product (no image downloads).
"use strict";

window.DemoShopProducts = [
  {
    id: "mug",
    name: "Trailhead Enamel Mug",
    priceCents: 1800,
    description: "A speckled enamel mug that survives campfires, office kitchens and being dropped on rocks.",
    background: "#fde8d7",
    drawing:
      '<rect x="70" y="55" width="80" height="90" rx="10" fill="#e4572e"/>' +
      '<path d="M150 75 h18 a16 16 0 0 1 0 46 h-18" fill="none" stroke="#e4572e" stroke-width="10"/>' +
      '<ellipse cx="110" cy="57" rx="40" ry="7" fill="#c44322"/>' +
      '<circle cx="95" cy="95" r="3" fill="#fff"/><circle cx="120" cy="115" r="3" fill="#fff"/><circle cx="105" cy="130" r="2" fill="#fff"/>',
  },
  {
    id: "backpack",
    name: "Summit Day Backpack",
    priceCents: 8900,
    description: "Twenty litres, a padded laptop sleeve and a bottle pocket you can reach without stopping.",
    background: "#dcebf7",
    drawing:
      '<rect x="70" y="45" width="90" height="115" rx="26" fill="#2f6690"/>' +
      '<rect x="85" y="100" width="60" height="40" rx="10" fill="#3a7ca5"/>' +
      '<path d="M95 45 a20 20 0 0 1 40 0" fill="none" stroke="#16425b" stroke-width="8"/>' +
      '<rect x="108" y="112" width="14" height="5" rx="2" fill="#d9dcd6"/>',
  },
  {
    id: "notebook",
    name: "Dot Grid Notebook",
    priceCents: 1200,
    description: "A5, 160 pages of 100 gsm paper that fountain pens do not bleed through.",
    background: "#e9f3e1",
    drawing:
      '<rect x="72" y="40" width="86" height="120" rx="6" fill="#3d7a45"/>' +
      '<rect x="72" y="40" width="14" height="120" rx="4" fill="#2c5a33"/>' +
      '<rect x="148" y="40" width="4" height="120" fill="#f4d35e"/>' +
      '<rect x="98" y="70" width="44" height="16" rx="3" fill="#e9f3e1"/>',
  },
  {
    id: "headphones",
    name: "Quiet Hours Headphones",
    priceCents: 14900,
    description: "Over-ear headphones with forty hours of battery and noise cancelling you can tune.",
    background: "#ece4f7",
    drawing:
      '<path d="M70 120 v-20 a45 45 0 0 1 90 0 v20" fill="none" stroke="#5b3f8c" stroke-width="10"/>' +
      '<rect x="58" y="108" width="26" height="46" rx="10" fill="#7b5ea7"/>' +
      '<rect x="146" y="108" width="26" height="46" rx="10" fill="#7b5ea7"/>',
  },
  {
    id: "plant",
    name: "Desk Fern in Clay Pot",
    priceCents: 2400,
    description: "A forgiving little fern that asks for indirect light and water once a week.",
    background: "#e2f4f1",
    drawing:
      '<path d="M90 125 h50 l-8 38 h-34 z" fill="#c8744b"/>' +
      '<path d="M115 125 C100 95 80 90 70 70 M115 125 C130 95 150 88 160 68 M115 125 C113 95 115 70 115 48" ' +
      'fill="none" stroke="#2a9d8f" stroke-width="7" stroke-linecap="round"/>',
  },
  {
    id: "lamp",
    name: "Arc Reading Lamp",
    priceCents: 6400,
    description: "Warm dimmable light on a steel arm that reaches over the sofa and stays put.",
    background: "#fbf3d5",
    drawing:
      '<rect x="80" y="150" width="70" height="10" rx="5" fill="#3d405b"/>' +
      '<path d="M115 150 V90 Q115 55 150 55" fill="none" stroke="#3d405b" stroke-width="6"/>' +
      '<path d="M135 55 h34 l10 26 h-54 z" fill="#f2cc8f"/>' +
      '<ellipse cx="152" cy="92" rx="16" ry="5" fill="#fff6c9"/>',
  },
];

window.DemoShopProducts.findById = function findProductById(productId) {
  return window.DemoShopProducts.find((product) => product.id === productId) || null;
};

window.DemoShopProducts.drawingSvg = function productDrawingSvg(product) {
  return (
    '<svg viewBox="0 0 230 200" preserveAspectRatio="xMidYMid slice" role="img" aria-label="' +
    product.name +
    '"><rect width="230" height="200" fill="' +
    product.background +
    '"/>' +
    product.drawing +
    "</svg>"
  );
};
