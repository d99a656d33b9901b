/** The small forms of "Organizations & projects": a new organization, a new project, a new member. */

import type { FormEvent } from "react";
import { useState } from "react";
import { addOrganizationMember, createOrganization, createProjectInOrganization } from "../api/organizations-client";
import type { CreatedOrganization, NewMember, OrganizationMember } from "../api/organizations-types";
import type { Project } from "../api/types";
import type { SubmissionState } from "./use-form-submission";
import { useFormSubmission } from "./use-form-submission";

function SubmissionError(props: { state: SubmissionState; testId: string }) {
  if (props.state.kind !== "failed") {
    return null;
  }
  return (
    <div className="error-box organization-form-error" role="alert" data-testid={props.testId}>
      {props.state.message}
    </div>
  );
}

/** The member body: the password only when one was typed (an existing user needs none). */
export function memberRequest(email: string, password: string): NewMember {
  const trimmedEmail = email.trim();
  return password === "" ? { email: trimmedEmail } : { email: trimmedEmail, password };
}

/** One name field and a button: the new organization's or the new project's name. */
function NameForm<Result>(props: { testId: string; label: string; placeholder: string; button: string; send: (name: string, signal: AbortSignal) => Promise<Result>; onDone: (result: Result) => void }) {
  const [name, setName] = useState("");
  const { state, submit, clear } = useFormSubmission<Result>((result) => {
    setName("");
    props.onDone(result);
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit((signal) => props.send(name.trim(), signal));
  };
  return (
    <form className="organization-form" noValidate onSubmit={onSubmit} data-testid={props.testId}>
      <label className="settings-field organization-form-field">
        <span className="settings-label">{props.label}</span>
        <input type="text" name="name" placeholder={props.placeholder} value={name} onChange={(event) => { setName(event.target.value); clear(); }} />
      </label>
      <button type="submit" className="button-run" disabled={state.kind === "sending"}>
        {state.kind === "sending" ? "Creating…" : props.button}
      </button>
      <SubmissionError state={state} testId={`${props.testId}-error`} />
    </form>
  );
}

export function CreateOrganizationForm(props: { onCreated: (organization: CreatedOrganization) => void }) {
  return <NameForm testId="create-organization" label="New organization" placeholder="Organization name" button="Create organization" send={createOrganization} onDone={props.onCreated} />;
}

export function CreateProjectForm(props: { organizationId: number; onCreated: (project: Project) => void }) {
  const send = (name: string, signal: AbortSignal) => createProjectInOrganization(props.organizationId, name, signal);
  return <NameForm testId="create-project" label="New project" placeholder="Project name" button="Create project" send={send} onDone={props.onCreated} />;
}

export function AddMemberForm(props: { organizationId: number }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [added, setAdded] = useState<OrganizationMember | null>(null);
  const { state, submit, clear } = useFormSubmission<OrganizationMember>((member) => {
    setEmail("");
    setPassword("");
    setAdded(member);
  });
  const edit = (change: () => void) => {
    change();
    clear();
    setAdded(null);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit((signal) => addOrganizationMember(props.organizationId, memberRequest(email, password), signal));
  };
  return (
    <form className="organization-form" noValidate onSubmit={onSubmit} data-testid="add-member">
      <label className="settings-field organization-form-field">
        <span className="settings-label">Add a member</span>
        <input type="email" name="email" placeholder="Email" autoComplete="off" value={email} onChange={(event) => edit(() => setEmail(event.target.value))} />
      </label>
      <label className="settings-field organization-form-field">
        <span className="settings-label">Password</span>
        <input type="password" name="password" placeholder="Only for a new user (8+ characters)" autoComplete="new-password" value={password} onChange={(event) => edit(() => setPassword(event.target.value))} />
      </label>
      <button type="submit" className="button-run" disabled={state.kind === "sending"}>
        {state.kind === "sending" ? "Adding…" : "Add member"}
      </button>
      <SubmissionError state={state} testId="add-member-error" />
      {added !== null && (
        <span className="settings-saved small organization-form-status" role="status" data-testid="member-added">
          ✓ {added.email} is a member now
        </span>
      )}
    </form>
  );
}
