// A data grid: 600 generated vessels, live search, filters, sortable columns, paging, row
// selection, expandable rows and a bulk action. Every change re-renders the table body.
(() => {
  const rand = Seeded.random(4242);
  const TYPES = ["Trawler", "Ferry", "Tug", "Yacht", "Barge", "Pilot boat"];
  const STATUSES = ["Active", "Active", "Active", "In repair", "Inspection due", "Laid up"];
  const PORTS = ["Aberdeen", "Bergen", "Cork", "Dover", "Esbjerg", "Falmouth", "Gdańsk", "Hamburg", "Ijmuiden", "Kiel", "Le Havre", "Lisbon", "Oban", "Rotterdam"];
  const PREFIXES = ["North", "Sea", "Morning", "Silver", "Brave", "Storm", "Grey", "Blue", "Iron", "Lucky", "Swift", "Quiet"];
  const SUFFIXES = ["Star", "Gull", "Wind", "Heron", "Tern", "Spray", "Crest", "Voyager", "Petrel", "Lady", "Runner", "Dawn"];
  const vessels = Array.from({ length: 600 }, (_, index) => {
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(rand() * 600) * 86400000);
    return {
      id: `V-${String(10231 + index * 7)}`,
      name: `${Seeded.pick(rand, PREFIXES)} ${Seeded.pick(rand, SUFFIXES)}${rand() < 0.3 ? ` ${1 + Math.floor(rand() * 9)}` : ""}`,
      type: Seeded.pick(rand, TYPES),
      port: Seeded.pick(rand, PORTS),
      owner: Seeded.personName(rand),
      status: Seeded.pick(rand, STATUSES),
      tonnage: 20 + Math.floor(rand() * 4800),
      inspected: day.toISOString().slice(0, 10),
      flagged: rand() < 0.12,
      notes: Seeded.sentence(rand, 10, 20),
    };
  });

  const state = { query: "", status: "", type: "", flaggedOnly: false, sortKey: "id", sortDirection: 1, page: 0, pageSize: 50, selected: new Set(), expanded: new Set() };
  const rowsElement = document.getElementById("rows");
  const summary = document.getElementById("summary");
  const pageLabel = document.getElementById("page-label");
  const bulk = document.getElementById("bulk-inspect");
  const STATUS_CLASS = { Active: "good", "In repair": "warn", "Inspection due": "warn", "Laid up": "bad" };

  function visibleVessels() {
    const query = state.query.toLowerCase();
    return vessels
      .filter((vessel) => !state.status || vessel.status === state.status)
      .filter((vessel) => !state.type || vessel.type === state.type)
      .filter((vessel) => !state.flaggedOnly || vessel.flagged)
      .filter((vessel) => !query || `${vessel.id} ${vessel.name} ${vessel.port} ${vessel.owner}`.toLowerCase().includes(query))
      .sort((left, right) => {
        const a = left[state.sortKey];
        const b = right[state.sortKey];
        return (typeof a === "number" ? a - b : String(a).localeCompare(String(b))) * state.sortDirection;
      });
  }

  function highlighted(text) {
    const escaped = text.replace(/[&<>]/g, (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[character]);
    if (!state.query) {
      return escaped;
    }
    const at = escaped.toLowerCase().indexOf(state.query.toLowerCase());
    return at < 0 ? escaped : `${escaped.slice(0, at)}<mark>${escaped.slice(at, at + state.query.length)}</mark>${escaped.slice(at + state.query.length)}`;
  }

  function render() {
    const list = visibleVessels();
    const pageCount = Math.max(1, Math.ceil(list.length / state.pageSize));
    state.page = Math.min(state.page, pageCount - 1);
    const pageItems = list.slice(state.page * state.pageSize, (state.page + 1) * state.pageSize);
    const fragment = document.createDocumentFragment();
    for (const vessel of pageItems) {
      const row = document.createElement("tr");
      row.dataset.id = vessel.id;
      row.className = state.selected.has(vessel.id) ? "selected" : "";
      row.innerHTML = `<td class="select"><input type="checkbox" ${state.selected.has(vessel.id) ? "checked" : ""} aria-label="Select ${vessel.id}"></td>
        <td>${highlighted(vessel.id)}</td><td><a href="#${vessel.id}" class="expand">${highlighted(vessel.name)}</a>${vessel.flagged ? '<span class="flag" title="Flagged">!</span>' : ""}</td>
        <td>${vessel.type}</td><td>${highlighted(vessel.port)}</td><td>${highlighted(vessel.owner)}</td>
        <td><span class="badge ${STATUS_CLASS[vessel.status]}">${vessel.status}</span></td>
        <td class="num">${vessel.tonnage.toLocaleString("en-GB")}</td><td>${vessel.inspected}</td>`;
      fragment.append(row);
      if (state.expanded.has(vessel.id)) {
        const details = document.createElement("tr");
        details.className = "details";
        details.innerHTML = `<td></td><td colspan="8"><strong>Notes.</strong> ${vessel.notes} Owner contact: ${vessel.owner.toLowerCase().replace(/[^a-z]+/g, ".")}@fleet.example</td>`;
        fragment.append(details);
      }
    }
    rowsElement.replaceChildren(fragment);
    const first = list.length === 0 ? 0 : state.page * state.pageSize + 1;
    summary.textContent = `Showing ${first}–${state.page * state.pageSize + pageItems.length} of ${list.length} vessels (${vessels.length} in fleet)`;
    pageLabel.textContent = `Page ${state.page + 1} of ${pageCount}`;
    document.getElementById("prev").disabled = state.page === 0;
    document.getElementById("next").disabled = state.page >= pageCount - 1;
    bulk.disabled = state.selected.size === 0;
    bulk.textContent = state.selected.size === 0 ? "Mark inspected" : `Mark ${state.selected.size} inspected`;
    for (const header of document.querySelectorAll("th[data-key]")) {
      header.setAttribute("aria-sort", header.dataset.key === state.sortKey ? (state.sortDirection === 1 ? "ascending" : "descending") : "none");
    }
  }

  let searchTimer = null;
  document.getElementById("search").addEventListener("input", (event) => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      state.query = event.target.value.trim();
      state.page = 0;
      render();
    }, 150);
  });
  document.getElementById("status-filter").addEventListener("change", (event) => { state.status = event.target.value; state.page = 0; render(); });
  document.getElementById("type-filter").addEventListener("change", (event) => { state.type = event.target.value; state.page = 0; render(); });
  document.getElementById("only-flagged").addEventListener("change", (event) => { state.flaggedOnly = event.target.checked; state.page = 0; render(); });
  document.getElementById("page-size").addEventListener("change", (event) => { state.pageSize = Number(event.target.value); state.page = 0; render(); });
  document.getElementById("prev").addEventListener("click", () => { state.page -= 1; render(); });
  document.getElementById("next").addEventListener("click", () => { state.page += 1; render(); });
  for (const header of document.querySelectorAll("th[data-key]")) {
    header.addEventListener("click", () => {
      state.sortDirection = state.sortKey === header.dataset.key ? -state.sortDirection : 1;
      state.sortKey = header.dataset.key;
      render();
    });
  }
  document.getElementById("select-all").addEventListener("change", (event) => {
    for (const row of rowsElement.querySelectorAll("tr[data-id]")) {
      if (event.target.checked) state.selected.add(row.dataset.id); else state.selected.delete(row.dataset.id);
    }
    render();
  });
  rowsElement.addEventListener("click", (event) => {
    const row = event.target.closest("tr[data-id]");
    if (!row) return;
    if (event.target.matches("input[type=checkbox]")) {
      if (event.target.checked) state.selected.add(row.dataset.id); else state.selected.delete(row.dataset.id);
      render();
    } else if (event.target.closest("a.expand")) {
      event.preventDefault();
      if (state.expanded.has(row.dataset.id)) state.expanded.delete(row.dataset.id); else state.expanded.add(row.dataset.id);
      render();
    }
  });
  function toast(text) {
    const element = document.createElement("div");
    element.className = "toast";
    element.textContent = text;
    document.getElementById("toasts").append(element);
    setTimeout(() => element.remove(), 2500);
  }
  bulk.addEventListener("click", () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const vessel of vessels) {
      if (state.selected.has(vessel.id)) {
        vessel.status = "Active";
        vessel.inspected = today;
      }
    }
    toast(`${state.selected.size} vessels marked as inspected`);
    state.selected.clear();
    document.getElementById("select-all").checked = false;
    render();
  });
  document.getElementById("export").addEventListener("click", () => {
    console.info(`[export] ${visibleVessels().length} rows`);
    toast(`Export of ${visibleVessels().length} rows started`);
  });
  render();
})();
