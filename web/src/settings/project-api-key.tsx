/** A project's ingest API key in monospace with a Copy button: the key can only send data, never read it. */

import { useEffect, useRef, useState } from "react";

type CopyState = "idle" | "copied" | "failed";

export function ProjectApiKey(props: { apiKey: string; projectName: string }) {
  const [copy, setCopy] = useState<CopyState>("idle");
  const keyRef = useRef<HTMLElement | null>(null);
  const timerRef = useRef<number | null>(null);
  useEffect(() => () => window.clearTimeout(timerRef.current ?? undefined), []);

  const showFor = (state: CopyState) => {
    setCopy(state);
    window.clearTimeout(timerRef.current ?? undefined);
    timerRef.current = window.setTimeout(() => setCopy("idle"), 2_000);
  };

  /** Without clipboard access the key is selected instead, ready for Ctrl+C. */
  const selectKey = () => {
    const selection = window.getSelection();
    if (keyRef.current !== null && selection !== null) {
      selection.selectAllChildren(keyRef.current);
    }
  };

  const copyKey = async () => {
    try {
      await navigator.clipboard.writeText(props.apiKey);
      showFor("copied");
    } catch {
      selectKey();
      showFor("failed");
    }
  };

  return (
    <span className="project-api-key">
      <code ref={keyRef} data-testid="project-api-key" title="Ingest API key">
        {props.apiKey}
      </code>
      <button type="button" className="button-secondary button-small" data-testid="copy-api-key" aria-label={`Copy the API key of ${props.projectName}`} onClick={() => void copyKey()}>
        {copy === "copied" ? "✓ Copied" : "Copy"}
      </button>
      {copy === "failed" && (
        <span className="muted small" role="status">
          Selected: press Ctrl+C
        </span>
      )}
    </span>
  );
}
