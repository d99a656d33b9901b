/** /users: User Lookup. The search and the chosen user live in the URL (shareable, reloadable). */

import { useMemo } from "react";
import type { User } from "../api/types";
import type { UserSearchRequest } from "../api/user-lookup-types";
import { useCurrentProject } from "../analytics/use-segmentation";
import { AppShell } from "../components/app-shell";
import { navigate, useLocationSearch } from "../navigation";
import { lookupPath, readLookupLocation } from "../user-lookup/lookup-url";
import { useUserProfile, useUserSearch } from "../user-lookup/use-user-lookup";
import { UserProfilePanel } from "../user-lookup/user-profile-panel";
import { UserSearchForm } from "../user-lookup/user-search-form";
import { UserSearchResults } from "../user-lookup/user-search-results";
import "../user-lookup/user-lookup.css";

function ProfileArea(props: { state: ReturnType<typeof useUserProfile>; userKey: string | null }) {
  const { state } = props;
  if (state.kind === "idle") {
    return (
      <div className="empty-state" data-testid="lookup-hint">
        <h2>Find a user</h2>
        <p className="muted">Their properties, sessions and events appear here. Pick events to chart them, or play a session from any event.</p>
      </div>
    );
  }
  if (state.kind === "loading") {
    return <p className="muted">Loading the user…</p>;
  }
  if (state.kind === "failed") {
    return (
      <div className="error-box" role="alert" data-testid="lookup-profile-error">
        <strong>Could not open {props.userKey ?? "the user"}.</strong> {state.message}
      </div>
    );
  }
  return <UserProfilePanel key={state.value.user.user_key} answer={state.value} />;
}

export function UserLookupPage(props: { user: User }) {
  const project = useCurrentProject();
  const searchText = useLocationSearch();
  const location = useMemo(() => readLookupLocation(searchText), [searchText]);
  const projectId = project.kind === "loaded" ? project.project.id : null;
  const searchState = useUserSearch(projectId, location.search);
  const profileState = useUserProfile(projectId, location.userKey);

  const search = (request: UserSearchRequest) => navigate(lookupPath({ search: request, userKey: location.userKey }));
  const open = (userKey: string) => navigate(lookupPath({ search: location.search, userKey }));

  return (
    <AppShell user={props.user}>
      <div className="user-lookup-page" data-testid="user-lookup-page">
        <div className="page-heading">
          <h1>User Lookup</h1>
        </div>
        {project.kind === "failed" && <p className="error-text">Could not load the project: {project.message}</p>}
        {project.kind === "none" && <p className="muted">No project exists yet.</p>}
        <div className="lookup-layout">
          <aside className="lookup-search-panel side-panel">
            <UserSearchForm key={JSON.stringify(location.search)} initial={location.search} onSearch={search} />
            <UserSearchResults state={searchState} selectedKey={location.userKey} onOpen={open} />
          </aside>
          <main className="lookup-main">
            <ProfileArea state={profileState} userKey={location.userKey} />
          </main>
        </div>
      </div>
    </AppShell>
  );
}
