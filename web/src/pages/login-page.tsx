/** /login: email and password; the server sets the login cookie. */

import type { FormEvent } from "react";
import { useState } from "react";
import { ApiError, logIn } from "../api/client";
import { navigate } from "../navigation";

/** Only same-site paths are followed after login, never another origin. */
export function safeReturnPath(search: string): string {
  const returnTo = new URLSearchParams(search).get("return_to");
  if (returnTo === null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.startsWith("/\\")) {
    return "/";
  }
  return returnTo;
}

export function LoginPage() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errorMessage, setErrorMessage] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const handleSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitting(true);
    setErrorMessage(null);
    try {
      await logIn(email, password);
      navigate(safeReturnPath(window.location.search), { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setErrorMessage("That email and password do not match an account.");
      } else {
        setErrorMessage(error instanceof Error ? error.message : String(error));
      }
      setSubmitting(false);
    }
  };

  return (
    <main className="login-screen">
      <form className="login-card" onSubmit={(event) => void handleSubmit(event)} data-testid="login-form">
        <div className="brand login-brand">
          <span className="brand-mark" aria-hidden="true" />
          Reel
        </div>
        <h1>Log in</h1>
        <p className="muted">Watch how people use your site.</p>
        <label className="field">
          <span>Email</span>
          <input
            id="login-email"
            name="email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </label>
        <label className="field">
          <span>Password</span>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </label>
        {errorMessage !== null && (
          <p className="error-text" role="alert" data-testid="login-error">
            {errorMessage}
          </p>
        )}
        <button id="login-submit" className="button-primary" type="submit" disabled={submitting}>
          {submitting ? "Logging in…" : "Log in"}
        </button>
      </form>
    </main>
  );
}
