/** Top-level routing: /login, / (home: recent sessions), /replays (session replays), /replays/{id}, /analytics/segmentation, /analytics/funnels, /analytics/sessions, /analytics/journeys, /users (User Lookup), /settings/project, /settings/organizations. */

import type { ReactNode } from "react";
import { Suspense, lazy } from "react";
import type { User } from "./api/types";
import { RequireLogin } from "./components/require-login";
import { Link, matchRoute, usePathname } from "./navigation";
import { HomePage } from "./pages/home-page";
import { LoginPage } from "./pages/login-page";
import { ReplayPage } from "./pages/replay-page";
import { SessionListPage } from "./pages/session-list-page";

// ECharts is only needed on the chart pages: their own chunks (sharing ECharts), loaded on the first visit.
const SegmentationPage = lazy(() => import("./pages/segmentation-page").then((module) => ({ default: module.SegmentationPage })));
const FunnelPage = lazy(() => import("./pages/funnel-page").then((module) => ({ default: module.FunnelPage })));
const JourneysPage = lazy(() => import("./pages/journeys-page").then((module) => ({ default: module.JourneysPage })));
const UserSessionsPage = lazy(() => import("./pages/user-sessions-page").then((module) => ({ default: module.UserSessionsPage })));
const UserLookupPage = lazy(() => import("./pages/user-lookup-page").then((module) => ({ default: module.UserLookupPage })));
const ProjectSettingsPage = lazy(() => import("./pages/project-settings-page").then((module) => ({ default: module.ProjectSettingsPage })));
const OrganizationsSettingsPage = lazy(() => import("./pages/organizations-settings-page").then((module) => ({ default: module.OrganizationsSettingsPage })));

function ChartPage(props: { children: (user: User) => ReactNode }) {
  return (
    <RequireLogin>
      {(user) => <Suspense fallback={<div className="centered-message muted">Loading…</div>}>{props.children(user)}</Suspense>}
    </RequireLogin>
  );
}

export function App() {
  const route = matchRoute(usePathname());
  switch (route.name) {
    case "login":
      return <LoginPage />;
    case "home":
      return <RequireLogin>{(user) => <HomePage user={user} />}</RequireLogin>;
    case "session-list":
      return <RequireLogin>{(user) => <SessionListPage user={user} />}</RequireLogin>;
    case "replay":
      return <RequireLogin>{(user) => <ReplayPage key={route.sessionId} user={user} sessionId={route.sessionId} />}</RequireLogin>;
    case "segmentation":
      return <ChartPage>{(user) => <SegmentationPage user={user} />}</ChartPage>;
    case "funnels":
      return <ChartPage>{(user) => <FunnelPage user={user} />}</ChartPage>;
    case "user-sessions":
      return <ChartPage>{(user) => <UserSessionsPage user={user} />}</ChartPage>;
    case "journeys":
      return <ChartPage>{(user) => <JourneysPage user={user} />}</ChartPage>;
    case "user-lookup":
      return <ChartPage>{(user) => <UserLookupPage user={user} />}</ChartPage>;
    case "project-settings":
      return <ChartPage>{(user) => <ProjectSettingsPage user={user} />}</ChartPage>;
    case "organizations-settings":
      return <ChartPage>{(user) => <OrganizationsSettingsPage user={user} />}</ChartPage>;
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
