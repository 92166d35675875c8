/// The dashboard's HTML, CSS and JavaScript.
enum DashboardPage {
    static let html = #"""
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Leeway on call</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M1 11h14l-3 4H4z' fill='%230f2a3d'/%3E%3C/svg%3E">
<style>
  :root { --ink:#1b2630; --muted:#5d6b78; --line:#d9e0e6; --bg:#f5f7f9; --ok:#1f7a4d; --warn:#b26a00; --bad:#b3261e; }
  * { box-sizing: border-box; }
  body { margin:0; font:14px/1.4 system-ui, "DejaVu Sans", sans-serif; color:var(--ink); background:var(--bg); }
  header { display:flex; align-items:baseline; gap:1rem; padding:.8rem 1.2rem; background:#0f2a3d; color:#fff; }
  header h1 { margin:0; font-size:1.2rem; }
  header #conn { margin-left:auto; font-size:.85rem; }
  main { display:grid; grid-template-columns: minmax(0,2fr) minmax(0,1fr); gap:1rem; padding:1rem 1.2rem; }
  section { background:#fff; border:1px solid var(--line); border-radius:6px; padding:.8rem 1rem; overflow-x:auto; }
  h2 { margin:.1rem 0 .6rem; font-size:1rem; }
  .tiles { grid-column:1 / -1; display:grid; grid-template-columns:repeat(5, 1fr); gap:1rem; }
  .tile { background:#fff; border:1px solid var(--line); border-radius:6px; padding:.6rem 1rem; }
  .tile b { display:block; font-size:1.5rem; }
  .tile span { color:var(--muted); font-size:.8rem; }
  table { width:100%; border-collapse:collapse; font-variant-numeric:tabular-nums; font-size:.85rem; }
  th, td { text-align:left; padding:.3rem .4rem; border-bottom:1px solid var(--line); white-space:nowrap; }
  th { color:var(--muted); font-weight:600; font-size:.8rem; }
  td.num { text-align:right; }
  .fresh { color:var(--ok); } .stale { color:var(--warn); } .expired { color:var(--bad); }
  .alert { border-left:4px solid var(--warn); padding:.4rem .6rem; margin-bottom:.5rem; background:#fffaf0; }
  .alert.critical { border-color:var(--bad); background:#fff4f3; }
  .alert small { color:var(--muted); display:block; }
  #empty-alerts { color:var(--muted); }
  select { font:inherit; }
</style>
</head>
<body>
<header><h1>Leeway on call</h1><span id="summary">connecting…</span><span id="conn">alerts stream: connecting</span></header>
<main>
  <div class="tiles">
    <div class="tile"><b id="t-ready">–</b><span>cache</span></div>
    <div class="tile"><b id="t-vessels">–</b><span>vessels</span></div>
    <div class="tile"><b id="t-firing">–</b><span>alerts firing</span></div>
    <div class="tile"><b id="t-lag">–</b><span>consumer lag (records)</span></div>
    <div class="tile"><b id="t-rate">–</b><span>predictions read / s</span></div>
  </div>
  <section>
    <h2>Fleet <select id="type" aria-label="vessel type"><option value="">all types</option></select></h2>
    <table>
      <thead><tr><th>vessel</th><th>type</th><th>model</th><th class="num">fuel predicted t/h</th><th class="num">fuel actual t/h</th><th class="num">diff</th><th>freshness</th><th class="num">age</th></tr></thead>
      <tbody id="fleet"><tr><td colspan="8">loading…</td></tr></tbody>
    </table>
  </section>
  <section>
    <h2>Firing alerts</h2>
    <div id="alerts"><p id="empty-alerts">none</p></div>
  </section>
</main>
<script>
"use strict";
const types = ["tanker","container","bulk","cruise","passenger","dredger","tug","fishing","other"];
const $ = (id) => document.getElementById(id);
for (const t of types) { const o = document.createElement("option"); o.value = t; o.textContent = t; $("type").append(o); }
const cell = (row, text, cls) => { const td = document.createElement("td"); td.textContent = text; if (cls) td.className = cls; row.append(td); };
const fixed = (x, d) => (typeof x === "number" && isFinite(x)) ? x.toFixed(d) : "–";
const ago = (s) => s == null ? "–" : s < 120 ? s + " s" : s < 7200 ? Math.round(s / 60) + " min" : Math.round(s / 3600) + " h";

async function loadFleet() {
  const type = $("type").value;
  const r = await fetch("/v1/vessels?limit=200" + (type ? "&type=" + type : ""));
  if (!r.ok) { $("fleet").replaceChildren(); const tr = document.createElement("tr"); cell(tr, (await r.json()).detail || r.statusText); $("fleet").append(tr); return; }
  const page = await r.json();
  const rows = page.vessels.map((v) => {
    const tr = document.createElement("tr");
    const p = v.prediction || {};
    const pred = p.targets ? p.targets.fuel_rate_tph : null, act = p.actuals ? p.actuals.fuel_rate_tph : null;
    cell(tr, v.vessel_id); cell(tr, v.vessel_type); cell(tr, p.model ? p.model.name + " v" + p.model.version : "–");
    cell(tr, fixed(pred, 3), "num"); cell(tr, fixed(act, 3), "num");
    // A difference only under way: near zero fuel (stopped, or no fuel meter) it means nothing.
    cell(tr, (pred > 0.05 && act > 0.05) ? ((act / pred - 1) * 100).toFixed(1) + " %" : "–", "num");
    cell(tr, v.freshness || "–", v.freshness || ""); cell(tr, ago(v.age_s), "num");
    return tr;
  });
  $("fleet").replaceChildren(...rows);
  $("summary").textContent = page.total + " vessels in cache, showing " + page.vessels.length;
}

let last = null;
async function loadStatus() {
  const s = await (await fetch("/v1/status")).json();
  $("t-ready").textContent = s.ready ? "ready" : "warming";
  $("t-ready").className = s.ready ? "fresh" : "stale";
  $("t-vessels").textContent = s.vessels;
  $("t-firing").textContent = s.alerts_firing;
  $("t-lag").textContent = Object.values(s.lag).reduce((a, b) => a + b, 0);
  const read = Object.entries(s.records).filter(([t]) => t.includes("predictions")).reduce((a, [, n]) => a + n, 0);
  if (last && s.time > last.time) $("t-rate").textContent = Math.round((read - last.read) / (s.time - last.time));
  last = { read, time: s.time };
}

const firing = new Map();
function drawAlerts() {
  const list = [...firing.values()].sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  if (list.length === 0) { const p = document.createElement("p"); p.id = "empty-alerts"; p.textContent = "none"; $("alerts").replaceChildren(p); return; }
  $("alerts").replaceChildren(...list.map((a) => {
    const div = document.createElement("div");
    div.className = "alert " + a.labels.severity;
    const title = document.createElement("b");
    title.textContent = a.labels.alertname + " · " + (a.labels.vessel_id || a.labels.vessel_type) + " · " + a.labels.severity;
    const text = document.createElement("small"); text.textContent = a.annotations.summary;
    const since = document.createElement("small"); since.textContent = "since " + a.startsAt;
    div.append(title, text, since);
    return div;
  }));
}
function follow() {
  const source = new EventSource("/v1/alerts/stream");
  source.onopen = () => { $("conn").textContent = "alerts stream: live"; };
  source.onerror = () => { $("conn").textContent = "alerts stream: reconnecting"; };
  source.addEventListener("alert", (e) => {
    const a = JSON.parse(e.data);
    if (a.status === "firing") firing.set(a.id, a); else firing.delete(a.id);
    drawAlerts();
  });
}

const every = (f, ms) => { const run = () => f().catch((e) => { $("summary").textContent = "cannot reach Leeway: " + e.message; }); run(); setInterval(run, ms); };
$("type").addEventListener("change", () => loadFleet().catch(() => {}));
every(loadStatus, 2000);
every(loadFleet, 5000);
follow();
</script>
</body>
</html>
"""#
}
