//! Serialized DOM trees (rrweb-snapshot format) of the demo shop's pages.

use serde_json::{Value, json};

/// Builds nodes with increasing ids, as rrweb's serializer does.
pub struct TreeBuilder {
    next_id: i64,
    /// Ids of clickable elements, with their centre position on the page.
    pub clickable_targets: Vec<(i64, i64, i64)>,
    /// Id of the `main` element that holds the products.
    pub main_container_id: i64,
}

impl TreeBuilder {
    pub fn new() -> Self {
        Self { next_id: 1, clickable_targets: Vec::new(), main_container_id: 0 }
    }

    fn take_id(&mut self) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }

    pub fn next_free_id(&self) -> i64 {
        self.next_id
    }

    pub fn text(&mut self, text: &str) -> Value {
        json!({"type": 3, "textContent": text, "id": self.take_id()})
    }

    pub fn element(&mut self, tag: &str, attributes: Value, children: Vec<Value>) -> Value {
        let id = self.take_id();
        json!({"type": 2, "tagName": tag, "attributes": attributes, "childNodes": children, "id": id})
    }

    fn button(&mut self, label: &str, x: i64, y: i64) -> Value {
        let style = "padding:8px 14px;border:0;border-radius:6px;background:#4f46e5;color:#fff;font-size:14px";
        let label_node = self.text(label);
        let node = self.element("button", json!({"style": style}), vec![label_node]);
        if let Some(id) = node.get("id").and_then(Value::as_i64) {
            self.clickable_targets.push((id, x, y));
        }
        node
    }

    fn product_card(&mut self, name: &str, price: &str, column: i64) -> Value {
        let card_style = "display:inline-block;width:220px;margin:12px;padding:16px;border:1px solid #ddd;border-radius:10px;vertical-align:top;font-family:sans-serif";
        let swatch = self.element(
            "div",
            json!({"style": "height:120px;border-radius:8px;background:linear-gradient(135deg,#a5b4fc,#f0abfc)"}),
            vec![],
        );
        let name_text = self.text(name);
        let title = self.element("h3", json!({}), vec![name_text]);
        let price_text = self.text(price);
        let price_node = self.element("p", json!({}), vec![price_text]);
        let button = self.button("Add to cart", 120 + column * 250, 330);
        self.element(
            "div",
            json!({"class": "product-card", "style": card_style}),
            vec![swatch, title, price_node, button],
        )
    }

    /// The whole document of a page with the given heading and products.
    pub fn shop_page(&mut self, heading: &str, products: &[(&str, &str)]) -> Value {
        let document_id = self.take_id();
        let doctype = json!({"type": 1, "name": "html", "publicId": "", "systemId": "", "id": self.take_id()});
        let title_text = self.text(heading);
        let title = self.element("title", json!({}), vec![title_text]);
        let head = self.element("head", json!({}), vec![title]);
        let brand_text = self.text("Reel Demo Shop");
        let brand = self.element("h1", json!({"style": "margin:0;font-family:sans-serif"}), vec![brand_text]);
        let header =
            self.element("header", json!({"style": "padding:16px 24px;background:#111827;color:#fff"}), vec![brand]);
        let heading_text = self.text(heading);
        let heading_node =
            self.element("h2", json!({"style": "font-family:sans-serif;margin:24px"}), vec![heading_text]);
        let mut cards = Vec::new();
        for (column, (name, price)) in products.iter().enumerate() {
            cards.push(self.product_card(name, price, column as i64));
        }
        let main = self.element("main", json!({"id": "products"}), cards);
        self.main_container_id = main.get("id").and_then(Value::as_i64).unwrap_or_default();
        let body =
            self.element("body", json!({"style": "margin:0;background:#fafafa"}), vec![header, heading_node, main]);
        let html = self.element("html", json!({"lang": "en"}), vec![head, body]);
        json!({"type": 0, "childNodes": [doctype, html], "id": document_id})
    }
}
