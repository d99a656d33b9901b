/** Top-level routing: /login, / (session replays), /replays/{id}, /analytics/segmentation. */

import { Suspense, lazy } from "react";
import { RequireLogin } from "./components/require-login";
import { Link, matchRoute, usePathname } from "./navigation";
import { LoginPage } from "./pages/login-page";
import { ReplayPage } from "./pages/replay-page";
import { SessionListPage } from "./pages/session-list-page";

// ECharts is only needed here: its own chunk, loaded on the first visit to the page.
const SegmentationPage = lazy(() => import("./pages/segmentation-page").then((module) => ({ default: module.SegmentationPage })));

export function App() {
  const route = matchRoute(usePathname());
  switch (route.name) {
    case "login":
      return <LoginPage />;
    case "session-list":
      return <RequireLogin>{(user) => <SessionListPage user={user} />}</RequireLogin>;
    case "replay":
      return <RequireLogin>{(user) => <ReplayPage key={route.sessionId} user={user} sessionId={route.sessionId} />}</RequireLogin>;
    case "segmentation":
      return (
        <RequireLogin>
          {(user) => (
            <Suspense fallback={<div className="centered-message muted">Loading…</div>}>
              <SegmentationPage user={user} />
            </Suspense>
          )}
        </RequireLogin>
      );
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
