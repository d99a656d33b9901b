/** /: the landing page: recent sessions to play at once, and how to add the SDK. */

import type { User } from "../api/types";
import { AppShell } from "../components/app-shell";
import { SdkSetupPanel } from "../components/sdk-setup-panel";
import { RecentSessionsWidget } from "../home/recent-sessions-widget";
import "../home/home.css";

export function HomePage(props: { user: User }) {
  return (
    <AppShell user={props.user}>
      <div className="page-heading">
        <h1>Home</h1>
      </div>
      <div className="list-layout">
        <section className="main-column">
          <RecentSessionsWidget />
        </section>
        <SdkSetupPanel />
      </div>
    </AppShell>
  );
}
