// A live operations dashboard without canvas: a ticking clock, KPI counters, a 48-bar chart
// that shifts every second, a tide curve of 60 dots, a movements log that grows every few
// seconds and a clickable berth map. Everything is DOM and inline-style updates.
(() => {
  const rand = Seeded.random(99);
  const clock = document.getElementById("clock");
  const tickClock = () => { clock.textContent = new Date().toLocaleTimeString("en-GB"); };
  tickClock();
  setInterval(tickClock, 1000);

  const kpis = {
    vessels: { value: 142, format: (value) => String(value) },
    arrivals: { value: 37, format: (value) => String(value) },
    wait: { value: 12.4, format: (value) => `${value.toFixed(1)} min` },
    fuel: { value: 18240, format: (value) => `${value.toLocaleString("fr-FR")} l` },
  };
  function bumpKpi(name, change) {
    const kpi = kpis[name];
    kpi.value = Math.max(0, kpi.value + change);
    const valueElement = document.getElementById(`kpi-${name}`);
    valueElement.textContent = kpi.format(kpi.value);
    valueElement.classList.add("changed");
    setTimeout(() => valueElement.classList.remove("changed"), 600);
    const delta = document.getElementById(`kpi-${name}-delta`);
    delta.textContent = `${change >= 0 ? "+" : ""}${Number.isInteger(change) ? change : change.toFixed(1)} in the last minute`;
    delta.classList.toggle("down", change < 0);
  }
  setInterval(() => {
    const pick = Seeded.pick(rand, ["vessels", "arrivals", "wait", "fuel"]);
    const change = pick === "fuel" ? Math.round(rand() * 400) : pick === "wait" ? (rand() - 0.5) * 2 : Math.round((rand() - 0.4) * 4);
    bumpKpi(pick, change);
  }, 1700);

  const barsElement = document.getElementById("bars");
  let range = 60;
  let series = [];
  const nextValue = (previous) => Math.min(99, Math.max(12, previous + (rand() - 0.5) * 18));
  function resetSeries() {
    series = [];
    let value = 40 + rand() * 30;
    for (let index = 0; index < 48; index += 1) {
      value = nextValue(value);
      series.push(value);
    }
    barsElement.replaceChildren(...series.map(() => {
      const bar = document.createElement("div");
      bar.className = "bar";
      return bar;
    }));
    document.getElementById("axis-start").textContent = { 60: "60 min ago", 24: "24 h ago", 7: "7 days ago" }[range];
    drawBars();
  }
  function drawBars() {
    [...barsElement.children].forEach((bar, index) => {
      const value = series[index];
      bar.style.height = `${value.toFixed(1)}%`;
      bar.dataset.value = value.toFixed(0);
      bar.classList.toggle("high", value > 85);
    });
  }
  resetSeries();
  setInterval(() => {
    series.shift();
    series.push(nextValue(series[series.length - 1]));
    drawBars();
  }, 1000);
  for (const tab of document.querySelectorAll(".tabs button")) {
    tab.addEventListener("click", () => {
      document.querySelectorAll(".tabs button").forEach((other) => other.setAttribute("aria-selected", String(other === tab)));
      range = Number(tab.dataset.range);
      resetSeries();
    });
  }

  const tide = document.getElementById("tide");
  const dots = Array.from({ length: 60 }, (_, index) => {
    const dot = document.createElement("span");
    dot.className = "dot";
    dot.style.left = `${(index / 59) * 100}%`;
    tide.append(dot);
    return dot;
  });
  let phase = 0;
  function drawTide() {
    phase += 0.08;
    dots.forEach((dot, index) => {
      const level = Math.sin(phase + index / 9) * 0.35 + Math.sin(phase / 3 + index / 23) * 0.1;
      dot.style.top = `${(50 - level * 100).toFixed(1)}%`;
    });
    document.getElementById("tide-now").textContent = `${(3.1 + Math.sin(phase + 59 / 9) * 1.4).toFixed(2)} m and ${Math.cos(phase + 59 / 9) > 0 ? "rising" : "falling"}`;
  }
  drawTide();
  setInterval(drawTide, 2000);

  const log = document.getElementById("log");
  const pause = document.getElementById("pause-log");
  const VESSELS = ["North Star", "Grey Heron", "Silver Tern", "Morning Spray", "Iron Petrel", "Lucky Dawn", "Swift Runner", "Storm Crest"];
  const EVENTS = ["arrived", "departed", "refuelled", "moved berth", "requested pilot", "cleared customs"];
  function addMovement() {
    if (pause.checked) return;
    const row = document.createElement("tr");
    row.className = "new";
    row.innerHTML = `<td>${new Date().toLocaleTimeString("en-GB")}</td><td>${Seeded.pick(rand, VESSELS)}</td><td>${Seeded.pick(rand, EVENTS)}</td><td>${String.fromCharCode(65 + Math.floor(rand() * 6))}${1 + Math.floor(rand() * 40)}</td>`;
    log.prepend(row);
    while (log.children.length > 14) log.lastElementChild.remove();
    setTimeout(addMovement, 1500 + rand() * 2500);
  }
  addMovement();
  pause.addEventListener("change", () => { if (!pause.checked) addMovement(); });

  const berths = document.getElementById("berths");
  const detail = document.getElementById("berth-detail");
  for (let index = 0; index < 60; index += 1) {
    const berth = document.createElement("button");
    berth.className = `berth${rand() < 0.6 ? " taken" : ""}`;
    berth.textContent = `${String.fromCharCode(65 + Math.floor(index / 10))}${(index % 10) + 1}`;
    berth.addEventListener("click", () => {
      berths.querySelector(".selected")?.classList.remove("selected");
      berth.classList.add("selected");
      detail.textContent = berth.classList.contains("taken")
        ? `Berth ${berth.textContent}: occupied by ${Seeded.pick(rand, VESSELS)} until ${1 + Math.floor(rand() * 28)} ${Seeded.pick(rand, ["May", "June", "July"])}.`
        : `Berth ${berth.textContent}: free. Max length 14 m, shore power available.`;
    });
    berths.append(berth);
  }
  setInterval(() => {
    const berth = berths.children[Math.floor(rand() * berths.children.length)];
    berth.classList.toggle("taken");
  }, 4000);

  // Polls the metrics endpoint like a real dashboard; the server fails now and then.
  setInterval(async () => {
    try {
      const response = await fetch("/api/metrics");
      if (!response.ok) {
        console.warn(`[metrics] refresh failed: HTTP ${response.status}, keeping the last values`);
        return;
      }
      const metrics = await response.json();
      document.getElementById("kpi-arrivals").textContent = String(kpis.arrivals.value + metrics.arrivalsSinceLoad);
    } catch (error) {
      console.error("[metrics] network error", error);
    }
  }, 5000);

  setTimeout(() => {
    document.getElementById("alert-text").textContent = "Gale force 8 expected after 18:00. Secure loose gear on the pontoons.";
    document.getElementById("alert").hidden = false;
  }, 20000);
  document.getElementById("dismiss-alert").addEventListener("click", () => { document.getElementById("alert").hidden = true; });
})();
