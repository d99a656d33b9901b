// A single-page project tracker: history.pushState routing between an overview, a project
// list, project boards, a team page and settings, plus a modal dialog and toasts.
(() => {
  const rand = Seeded.random(31337);
  const PEOPLE = ["Ada Lovelace", "Grace Hopper", "Ken Thompson", "Radia Perlman", "Niklaus Wirth", "Frances Allen", "Dennis Ritchie", "Barbara Liskov"];
  const PROJECT_NAMES = ["Pontoon renewal", "Booking system v3", "Fuel dock safety", "Winter storage", "Harbour dredging", "Visitor moorings"];
  const projects = PROJECT_NAMES.map((name, index) => ({
    id: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    name,
    lead: PEOPLE[index % PEOPLE.length],
    description: Seeded.paragraph(rand, 2, 3),
    tasks: Array.from({ length: 7 + Math.floor(rand() * 8) }, () => ({
      title: Seeded.sentence(rand, 3, 7).replace(/\.$/, ""),
      assignee: Seeded.pick(rand, PEOPLE),
      column: Seeded.pick(rand, ["todo", "todo", "doing", "done"]),
    })),
  }));
  const activity = Array.from({ length: 12 }, () => `${Seeded.pick(rand, PEOPLE)} ${Seeded.pick(rand, ["completed", "commented on", "created", "moved"])} “${Seeded.sentence(rand, 3, 6).replace(/\.$/, "")}”`);
  const app = document.getElementById("app");
  const escape = (text) => text.replace(/[&<>"]/g, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[character]);
  const percentDone = (project) => Math.round((project.tasks.filter((task) => task.column === "done").length / project.tasks.length) * 100);

  const views = {
    overview() {
      document.title = "Tidewater — Overview";
      const open = projects.reduce((sum, project) => sum + project.tasks.filter((task) => task.column !== "done").length, 0);
      return `<h1>Good morning</h1>
        <div class="stats">
          <div class="panel stat"><strong>${projects.length}</strong>active projects</div>
          <div class="panel stat"><strong>${open}</strong>open tasks</div>
          <div class="panel stat"><strong>${PEOPLE.length}</strong>people</div>
          <div class="panel stat"><strong>${Math.round(projects.reduce((sum, project) => sum + percentDone(project), 0) / projects.length)}%</strong>average progress</div>
        </div>
        <div class="panel"><h2>Recent activity</h2><ul class="activity">${activity.map((line) => `<li>${escape(line)}</li>`).join("")}</ul></div>`;
    },
    projects() {
      document.title = "Tidewater — Projects";
      return `<h1>Projects</h1><p><input type="search" id="project-filter" placeholder="Filter projects" aria-label="Filter projects"></p>
        <div class="cards">${projects.map((project) => `<div class="panel project-card" data-href="/spa/projects/${project.id}">
          <h3>${escape(project.name)}</h3><p class="muted">Lead: ${escape(project.lead)}</p>
          <div class="progress"><span style="width:${percentDone(project)}%"></span></div><span class="muted">${percentDone(project)}% done · ${project.tasks.length} tasks</span></div>`).join("")}</div>`;
    },
    project(id) {
      const project = projects.find((candidate) => candidate.id === id);
      if (!project) return views.notFound();
      document.title = `Tidewater — ${project.name}`;
      const column = (key, title) => `<div class="column" data-column="${key}"><h3>${title}</h3>${project.tasks
        .map((task, index) => ({ task, index }))
        .filter(({ task }) => task.column === key)
        .map(({ task, index }) => `<div class="task ${task.column === "done" ? "done" : ""}"><label><input type="checkbox" data-task="${index}" ${task.column === "done" ? "checked" : ""}><span>${escape(task.title)}</span></label><span class="assignee">${escape(task.assignee)}</span></div>`)
        .join("")}</div>`;
      return `<p class="breadcrumbs"><a href="/spa/projects" data-link>Projects</a> / ${escape(project.name)}</p>
        <h1>${escape(project.name)}</h1><p>${escape(project.description)}</p>
        <div class="columns" data-project="${project.id}">${column("todo", "To do")}${column("doing", "In progress")}${column("done", "Done")}</div>`;
    },
    team() {
      document.title = "Tidewater — Team";
      return `<h1>Team</h1><div class="team-grid">${PEOPLE.map((person) => `<div class="panel person"><div class="avatar">${person.split(" ").map((part) => part[0]).join("")}</div>
        <strong>${escape(person)}</strong><p class="muted">${projects.filter((project) => project.tasks.some((task) => task.assignee === person)).length} projects</p></div>`).join("")}</div>`;
    },
    settings() {
      document.title = "Tidewater — Settings";
      return `<h1>Settings</h1><form class="panel settings" id="settings-form">
        <label for="display-name">Display name</label><input type="text" id="display-name" value="You" autocomplete="off">
        <label for="settings-email">Email</label><input type="email" id="settings-email" value="you@tidewater.example" autocomplete="off">
        <label for="timezone">Time zone</label><select id="timezone"><option>Europe/London</option><option>Europe/Oslo</option><option>Europe/Paris</option></select>
        <div class="switch"><input type="checkbox" id="digest" checked><label for="digest">Daily digest email</label></div>
        <div class="switch"><input type="checkbox" id="mentions"><label for="mentions">Notify me about mentions only</label></div>
        <p><button class="button" type="submit" id="save-settings">Save settings</button></p></form>`;
    },
    notFound() {
      document.title = "Tidewater — Not found";
      return `<h1>Page not found</h1><p><a href="/spa/" data-link>Back to the overview</a></p>`;
    },
  };

  function viewFor(path) {
    const parts = path.replace(/^\/spa\/?/, "").split("/").filter(Boolean);
    if (parts.length === 0) return views.overview();
    if (parts[0] === "projects" && parts.length === 1) return views.projects();
    if (parts[0] === "projects") return views.project(parts[1]);
    if (parts[0] === "team") return views.team();
    if (parts[0] === "settings") return views.settings();
    return views.notFound();
  }
  function refreshNotifications() {
    fetch("/api/notifications")
      .then((response) => {
        if (!response.ok) console.warn(`[notifications] refresh failed: HTTP ${response.status}`);
      })
      .catch((error) => console.error("[notifications] offline", error));
  }
  function render() {
    console.info(`[router] ${location.pathname}`);
    if (location.pathname === "/spa/") refreshNotifications();
    const loading = document.getElementById("route-loading");
    loading.classList.add("active");
    setTimeout(() => {
      app.innerHTML = viewFor(location.pathname);
      for (const link of document.querySelectorAll("#main-nav a")) {
        const href = link.getAttribute("href");
        const current = href === "/spa/" ? location.pathname === "/spa/" : location.pathname.startsWith(href);
        if (current) link.setAttribute("aria-current", "page"); else link.removeAttribute("aria-current");
      }
      loading.classList.remove("active");
    }, 120 + rand() * 200);
  }
  function navigate(path) {
    if (path !== location.pathname) {
      history.pushState({}, "", path);
      render();
    }
  }
  function toast(text) {
    const element = document.createElement("div");
    element.className = "toast";
    element.textContent = text;
    document.getElementById("toasts").append(element);
    setTimeout(() => element.remove(), 2800);
  }

  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-link]");
    if (link) {
      event.preventDefault();
      navigate(link.getAttribute("href"));
      return;
    }
    const card = event.target.closest("[data-href]");
    if (card) navigate(card.dataset.href);
  });
  app.addEventListener("change", (event) => {
    const checkbox = event.target.closest("input[data-task]");
    if (!checkbox) return;
    const project = projects.find((candidate) => candidate.id === checkbox.closest("[data-project]").dataset.project);
    const task = project.tasks[Number(checkbox.dataset.task)];
    task.column = checkbox.checked ? "done" : "doing";
    toast(checkbox.checked ? `Completed “${task.title}”` : `Reopened “${task.title}”`);
    app.innerHTML = viewFor(location.pathname);
  });
  app.addEventListener("input", (event) => {
    if (event.target.id === "project-filter") {
      const query = event.target.value.toLowerCase();
      for (const card of app.querySelectorAll(".project-card")) card.hidden = !card.textContent.toLowerCase().includes(query);
    }
  });
  app.addEventListener("submit", (event) => {
    if (event.target.id === "settings-form") {
      event.preventDefault();
      toast("Settings saved");
    }
  });
  addEventListener("popstate", render);

  const dialog = document.getElementById("task-dialog");
  document.getElementById("task-project").innerHTML = projects.map((project) => `<option value="${project.id}">${escape(project.name)}</option>`).join("");
  document.getElementById("task-assignee").innerHTML = PEOPLE.map((person) => `<option>${escape(person)}</option>`).join("");
  document.getElementById("new-task").addEventListener("click", () => {
    document.getElementById("task-form").reset();
    dialog.showModal();
  });
  dialog.addEventListener("close", () => {
    if (dialog.returnValue !== "create") return;
    const title = document.getElementById("task-title").value.trim() || "Untitled task";
    const project = projects.find((candidate) => candidate.id === document.getElementById("task-project").value);
    project.tasks.push({ title, assignee: document.getElementById("task-assignee").value, column: "todo" });
    toast(`Task “${title}” added to ${project.name}`);
    render();
  });
  render();
})();
