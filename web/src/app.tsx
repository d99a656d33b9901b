/** Top-level routing: /login, / (session replays), /replays/{id}. */

import { RequireLogin } from "./components/require-login";
import { Link, matchRoute, usePathname } from "./navigation";
import { LoginPage } from "./pages/login-page";
import { ReplayPage } from "./pages/replay-page";
import { SessionListPage } from "./pages/session-list-page";

export function App() {
  const route = matchRoute(usePathname());
  switch (route.name) {
    case "login":
      return <LoginPage />;
    case "session-list":
      return <RequireLogin>{(user) => <SessionListPage user={user} />}</RequireLogin>;
    case "replay":
      return <RequireLogin>{(user) => <ReplayPage key={route.sessionId} user={user} sessionId={route.sessionId} />}</RequireLogin>;
    case "not-found":
      return (
        <main className="centered-message">
          <h1>Page not found</h1>
          <p>
            <Link href="/">Back to session replays</Link>
          </p>
        </main>
      );
  }
}
