// Builds a small rrweb recording by hand (a page whose headline text changes over time) and
// sends it through the ingest API, for player tests that need long recordings.

const EVENT_TYPE_FULL_SNAPSHOT = 2;
const EVENT_TYPE_INCREMENTAL_SNAPSHOT = 3;
const EVENT_TYPE_META = 4;
const SOURCE_MUTATION = 0;
const HEADLINE_TEXT_NODE_ID = 7;

function element(id, tagName, attributes, childNodes) {
  return { type: 2, id, tagName, attributes, childNodes };
}

/** A page with one headline; the headline's text node has id HEADLINE_TEXT_NODE_ID. */
export function fullSnapshotEvents(timestampMs, headline) {
  const headlineElement = element(6, "h1", { id: "headline", style: "font: 48px sans-serif; color: #1d2330; margin: 40px" }, [
    { type: 3, id: HEADLINE_TEXT_NODE_ID, textContent: headline },
  ]);
  const body = element(5, "body", { style: "background: #fde8d7; margin: 0" }, [headlineElement]);
  const head = element(4, "head", {}, []);
  const html = element(3, "html", { lang: "en" }, [head, body]);
  const document = { type: 0, id: 1, childNodes: [{ type: 1, id: 2, name: "html", publicId: "", systemId: "" }, html] };
  return [
    { type: EVENT_TYPE_META, timestamp: timestampMs, data: { href: "https://synthetic.example/page", width: 1000, height: 600 } },
    { type: EVENT_TYPE_FULL_SNAPSHOT, timestamp: timestampMs + 1, data: { node: document, initialOffset: { left: 0, top: 0 } } },
  ];
}

export function headlineChangeEvent(timestampMs, headline) {
  return {
    type: EVENT_TYPE_INCREMENTAL_SNAPSHOT,
    timestamp: timestampMs,
    data: { source: SOURCE_MUTATION, texts: [{ id: HEADLINE_TEXT_NODE_ID, value: headline }], attributes: [], removes: [], adds: [] },
  };
}

export async function ingestBatch(baseUrl, apiKey, batch) {
  const response = await fetch(`${baseUrl}/api/v1/ingest`, {
    method: "POST",
    headers: { Authorization: `Bearer ${apiKey}`, "Content-Type": "application/json" },
    body: JSON.stringify({ sent_at_ms: Date.now(), ...batch }),
  });
  if (response.status !== 200) {
    throw new Error(`ingest answered ${response.status}: ${await response.text()}`);
  }
  return response.json();
}
