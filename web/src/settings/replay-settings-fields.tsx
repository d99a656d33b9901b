/** The fields of "Session Replay & Heatmaps": recording, privacy, capture and retention. */

import type { ReactNode } from "react";
import type { PrivacyLevel } from "../api/project-settings-types";
import type { SettingsDraft } from "./settings-draft";
import { PRIVACY_LEVELS, RETENTION_OPTIONS } from "./settings-draft";

type Change = (patch: Partial<SettingsDraft>) => void;

function FieldGroup(props: { title: string; detail: string; children: ReactNode }) {
  return (
    <div className="settings-group" role="group" aria-label={props.title}>
      <div className="settings-group-heading">
        <h3 className="settings-group-title">{props.title}</h3>
        <span className="muted small">{props.detail}</span>
      </div>
      <div className="settings-group-fields">{props.children}</div>
    </div>
  );
}

function Toggle(props: { testId: string; label: string; detail: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="settings-toggle">
      <input type="checkbox" data-testid={props.testId} checked={props.checked} onChange={(event) => props.onChange(event.target.checked)} />
      <span>
        <span className="settings-label">{props.label}</span>
        <span className="muted small settings-detail">{props.detail}</span>
      </span>
    </label>
  );
}

function SelectorList(props: { testId: string; label: string; detail: string; value: string; onChange: (value: string) => void }) {
  return (
    <label className="settings-field">
      <span className="settings-label">{props.label}</span>
      <span className="muted small settings-detail">{props.detail}</span>
      <textarea data-testid={props.testId} rows={3} spellCheck={false} placeholder="One CSS selector per line, e.g. .secret" value={props.value} onChange={(event) => props.onChange(event.target.value)} />
    </label>
  );
}

export function RecordingFields(props: { draft: SettingsDraft; onChange: Change }) {
  const { draft, onChange } = props;
  return (
    <FieldGroup title="Recording" detail="Which sessions the SDKs record.">
      <Toggle testId="replay-capture-enabled" label="Record session replays" detail="Off: the SDKs record nothing." checked={draft.replayCaptureEnabled} onChange={(checked) => onChange({ replayCaptureEnabled: checked })} />
      <label className="settings-field">
        <span className="settings-label">Replay sample rate</span>
        <span className="muted small settings-detail">The share of sessions recorded, decided per session.</span>
        <span className="settings-percent">
          <input type="number" min={0} max={100} step="any" inputMode="decimal" data-testid="replay-sample-rate" value={draft.sampleRatePercent} onChange={(event) => onChange({ sampleRatePercent: event.target.value })} />
          <span className="muted">%</span>
        </span>
      </label>
    </FieldGroup>
  );
}

export function PrivacyFields(props: { draft: SettingsDraft; onChange: Change }) {
  const { draft, onChange } = props;
  return (
    <FieldGroup title="Privacy" detail="What is masked or left out before a recording leaves the browser.">
      <div className="settings-field" role="radiogroup" aria-label="Privacy level">
        <span className="settings-label">Privacy level</span>
        <div className="privacy-levels">
          {PRIVACY_LEVELS.map((level) => (
            <label key={level.value} className={draft.privacyLevel === level.value ? "privacy-level privacy-level-on" : "privacy-level"}>
              <input type="radio" name="privacy-level" value={level.value} data-testid={`privacy-level-${level.value}`} checked={draft.privacyLevel === level.value} onChange={() => onChange({ privacyLevel: level.value as PrivacyLevel })} />
              <span className="settings-label">{level.label}</span>
              <span className="muted small">{level.detail}</span>
            </label>
          ))}
        </div>
      </div>
      <div className="selector-lists">
        <SelectorList testId="block-selectors" label="Block" detail="Left out of the recording entirely." value={draft.blockSelectors} onChange={(value) => onChange({ blockSelectors: value })} />
        <SelectorList testId="mask-selectors" label="Mask" detail="Recorded as asterisks." value={draft.maskSelectors} onChange={(value) => onChange({ maskSelectors: value })} />
        <SelectorList testId="unmask-selectors" label="Unmask" detail="Shown even where the level masks." value={draft.unmaskSelectors} onChange={(value) => onChange({ unmaskSelectors: value })} />
      </div>
    </FieldGroup>
  );
}

export function CaptureFields(props: { draft: SettingsDraft; onChange: Change }) {
  const { draft, onChange } = props;
  return (
    <FieldGroup title="Capture" detail="Extras recorded with each replay.">
      <Toggle testId="console-capture-enabled" label="Console logs" detail="Record console messages (log, info, warn, error) with the replay." checked={draft.consoleCaptureEnabled} onChange={(checked) => onChange({ consoleCaptureEnabled: checked })} />
      <Toggle testId="interaction-capture-enabled" label="Heatmap interactions" detail="Send the page interactions heatmaps are drawn from (type=interaction uploads)." checked={draft.interactionCaptureEnabled} onChange={(checked) => onChange({ interactionCaptureEnabled: checked })} />
    </FieldGroup>
  );
}

export function RetentionFields(props: { draft: SettingsDraft; onChange: Change }) {
  const { draft, onChange } = props;
  const options = RETENTION_OPTIONS.some((option) => option.days === draft.retentionDays) ? RETENTION_OPTIONS : [...RETENTION_OPTIONS, { days: draft.retentionDays, label: `${draft.retentionDays} days` }];
  return (
    <FieldGroup title="Retention" detail="How long replays are kept.">
      <label className="settings-field">
        <span className="settings-label">Keep replays for</span>
        <select data-testid="retention-days" value={draft.retentionDays} onChange={(event) => onChange({ retentionDays: Number(event.target.value) })}>
          {options.map((option) => (
            <option key={option.days} value={option.days}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
    </FieldGroup>
  );
}
