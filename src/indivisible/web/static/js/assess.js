"use strict";
// Scenario page, "assess an action": a bundled or uploaded action against a baseline, run as a
// job; verdicts with probability, per-party deltas, engaged commitments, findings added and
// removed, and a map of the action's deployments with their reach rings.

(() => {
  const {api, el} = IV;
  const form = document.getElementById("assess-form");
  const box = document.getElementById("assess-result");
  const progress = document.getElementById("assess-progress");
  const stateBox = document.getElementById("assess-state");
  const cancelBtn = document.getElementById("assess-cancel");
  const svg = document.getElementById("assess-map");
  let suggested = {};
  let current = null;
  let last = null;

  async function file(name) {
    const f = form.elements.namedItem(name).files[0];
    return f ? {filename: f.name, text: await f.text()} : null;
  }

  async function request() {
    const body = {};
    const actionFile = await file("action_file");
    const baselineFile = await file("baseline_file");
    const action = form.elements.namedItem("action").value;
    const baseline = form.elements.namedItem("baseline").value;
    if (actionFile) body.action_upload = actionFile;
    else if (action) body.action = action;
    else throw new Error("choose a bundled example action or upload an action file");
    if (baselineFile) body.upload = baselineFile;
    else if (baseline) body.scenario = baseline;
    const on = form.elements.namedItem("on").value;
    const draws = form.elements.namedItem("draws").value;
    const seed = form.elements.namedItem("seed").value;
    if (on) body.on = on;
    if (draws) body.draws = Number(draws);
    if (seed !== "") body.seed = Number(seed);
    return body;
  }

  const signed = (better, worse) =>
    [...better.map((x) => `+${x}`), ...worse.map((x) => `−${x}`)].join(", ") || "—";

  function num(x) {
    if (x === null || x === undefined) return "not known";
    if (x === "inf" || x === "Infinity") return "none in reach";  // no threat: the safest value
    if (x === "-inf" || x === "-Infinity") return "now in reach";  // a change from no threat
    if (typeof x === "string") return x;
    return Math.abs(x) >= 1000 || Number.isInteger(x) ? x.toLocaleString("en") : x.toPrecision(4);
  }

  function renderVerdicts(r) {
    const all = document.getElementById("assess-all-pairs");
    const showAll = all ? all.checked : false;
    const moved = (v) => v.other_better.length || v.other_worse.length;
    const rank = {at_expense: 0, other_loses: 1, mutual_loss: 2, mixed: 3};
    const shown = r.verdicts.filter((v) => showAll || moved(v))
      .map((v, i) => [v, i]).sort((a, b) => ((rank[a[0].verdict] ?? 9) - (rank[b[0].verdict] ?? 9)) || a[1] - b[1])
      .map(([v]) => v);
    const hidden = r.verdicts.length - r.verdicts.filter(moved).length;
    const toggle = el("label", {class: "inline"},
      el("input", {type: "checkbox", id: "assess-all-pairs", "data-testid": "assess-all-pairs",
        checked: showAll}), ` show the ${hidden} pairs whose other state did not change`);
    toggle.querySelector("input").addEventListener("change", () => renderVerdicts(last));
    document.getElementById("assess-verdicts").replaceChildren(
      el("h2", {}, `Verdicts (${shown.length} of ${r.verdicts.length} ordered pairs)`),
      el("p", {class: "hint"}, r.draws
        ? `Probability: share of ${r.draws} Monte Carlo draws (seed ${r.seed}) giving the verdict.`
        : "Probability: share of the range readings giving the verdict (no draws)."),
      toggle,
      IV.table(["Actor", "Other", "Verdict", "p", "Actor +safer / −less safe", "Other +safer / −less safe"],
        shown.map((v) => ({attrs: {"data-testid": `verdict-${v.actor}-${v.other}`, "data-verdict": v.verdict},
          cells: [v.actor, v.other, el("span", {class: `verdict-${v.verdict}`, "data-csv": v.verdict}, IV.term("verdict", v.verdict)),
            v.probability.toFixed(2), signed(v.actor_better, v.actor_worse),
            signed(v.other_better, v.other_worse)]})),
        {"data-testid": "assess-verdicts-table"}));
  }

  function renderDeltas(r) {
    const pick = document.getElementById("assess-delta-state");
    const state = pick ? pick.value : "";
    const changed = r.deltas.filter((d) => d.better !== null);
    const states = [...new Set(changed.map((d) => d.state))].sort();
    const rows = (state ? r.deltas.filter((d) => d.state === state) : changed);
    const select = el("select", {id: "assess-delta-state", "data-testid": "assess-delta-state"},
      el("option", {value: ""}, "every state, changes beyond tolerance"),
      states.map((s) => el("option", {value: s, selected: s === state}, `${s}: every indicator`)));
    select.addEventListener("change", () => renderDeltas(last));
    document.getElementById("assess-deltas").replaceChildren(
      el("h2", {}, `Per-party deltas (${changed.length} of ${r.deltas.length} rows changed beyond tolerance)`),
      el("p", {class: "hint"}, `A change counts when |after − before| > max(${r.tolerance.absolute}, `
        + `${r.tolerance.relative} × |before|). Show `, select),
      IV.table(["State", "Indicator", "Reading", "Before", "After", "Change", "Unit", "Better"],
        rows.map((d) => ({attrs: {"data-testid": "delta-row", "data-state": d.state},
          cells: [d.state, IV.term("indicator", d.indicator), d.reading || "", num(d.before), num(d.after), num(d.change),
            d.unit, d.better === null ? "—" : el("span", {class: d.better ? "safer" : "less-safe"},
              d.better ? "safer" : "less safe")]})),
        {"data-testid": "assess-deltas-table"}));
  }

  function renderEngaged(r) {
    document.getElementById("assess-engaged").replaceChildren(
      el("h2", {}, `Commitments engaged (${r.engaged.length})`),
      r.engaged.length ? IV.table(["Instrument", "Clause", "Principle", "Parties", "Because"],
        r.engaged.map((e) => ({attrs: {"data-testid": "engaged-row"},
          cells: [e.instrument, e.ref, e.principle.replace(/_/g, " "), e.parties.join(" "),
            el("span", {title: Object.entries(e.status).map(([k, v]) => `${k}: ${v}`).join(", ")}, e.because)]})),
        {"data-testid": "assess-engaged-table"}) : el("p", {}, "None."));
  }

  function renderFindings(r) {
    const part = (title, fs, testid) => [el("h2", {}, `${title} (${fs.length})`),
      fs.length ? IV.table(["Instrument", "Clause", "Party", "Subject", "Result", "Reading", "Evidence"],
        fs.map((f) => ({attrs: {"data-testid": testid}, cells: [f.instrument, f.clause, f.party || "",
          f.subject || "", el("span", {class: `result-${f.result}`}, f.result), f.reading || "", f.evidence]})))
        : el("p", {}, "None.")];
    document.getElementById("assess-findings").replaceChildren(
      ...part("Findings the action adds", r.findings_added, "finding-added"),
      ...part("Findings the action removes", r.findings_removed, "finding-removed"));
  }

  function renderMap(r) {
    const rings = document.getElementById("assess-rings");
    const caps = document.getElementById("assess-capitals");
    const marks = document.getElementById("assess-markers");
    rings.replaceChildren();
    for (const d of r.map.deployments) {
      for (const ring of d.rings) {
        rings.append(el("path", {d: IV.geometryPath(ring.geometry), class: `ring ring-${d.change}`,
          "data-testid": "assess-ring", "data-deployment": d.id},
        el("title", {}, `${d.id}: ${ring.system}, ${ring.range_km} km (${ring.reading})`)));
      }
    }
    caps.replaceChildren(...r.map.capitals.map((c) => {
      const [x, y] = IV.project(c.lon, c.lat);
      return el("g", {"data-testid": `assess-capital-${c.state}`, "data-outcome": c.outcome},
        el("circle", {cx: x.toFixed(1), cy: y.toFixed(1), r: 7, class: `dot-${c.outcome}`},
          el("title", {}, `${c.capital} (${c.state}): ${c.outcome.replace("_", " ")}`)),
        el("text", {x: (x + 9).toFixed(1), y: (y - 6).toFixed(1), class: "map-label"}, c.state));
    }));
    marks.replaceChildren(...r.map.deployments.map((d) => {
      const [x, y] = IV.project(d.site.lon, d.site.lat);
      return el("path", {d: `M${x.toFixed(1)},${(y - 14).toFixed(1)}l12,22h-24z`,
        class: `deployment deployment-${d.change}`, "data-testid": `assess-deployment-${d.id}`,
        "data-change": d.change},
      el("title", {}, `${d.id} (${d.change}): ${IV.count(d.count, d.count_of)} ${d.system} at ${d.site.name}`));
    }));
    svg.dataset.deployments = String(r.map.deployments.length);
    const changed = r.map.deployments.filter((d) => d.change !== "kept");
    document.getElementById("assess-deployments").replaceChildren(
      el("h2", {}, "Deployments the action changes"),
      changed.length ? el("ul", {}, changed.map((d) => el("li", {"data-testid": "assess-changed-deployment"},
        `${d.change}: ${d.id}, ${IV.count(d.count, d.count_of)} ${d.system} at ${d.site.name} (${d.owner.join(", ")})`,
        d.rings.length ? `; range ${d.rings.map((g) => `${g.range_km} km (${g.reading})`).join(", ")}` : "")))
        : el("p", {}, "None: the action changes memberships, instruments or forces only."));
  }

  function render(r) {
    last = r;
    box.hidden = false;
    document.getElementById("assess-head").replaceChildren(
      el("p", {class: "summary", "data-testid": "assess-summary"}, r.summary || ""),
      el("h2", {"data-testid": "assess-title"}, `${r.action} — actor ${r.actor.join(", ")} — ${r.on}`),
      el("p", {}, `Baseline: ${r.scenario} (${r.baseline}).`),
      ...r.warnings.map((w) => el("p", {class: "hint"}, `Warning: ${w}`)),
      el("details", {}, el("summary", {}, `Assumptions (${r.assumptions.length})`),
        el("ul", {}, r.assumptions.map((a) => el("li", {}, a)))));
    renderVerdicts(r);
    renderDeltas(r);
    renderEngaged(r);
    renderFindings(r);
    renderMap(r);
    box.dataset.ready = "true";
  }

  function show(job) {
    IV.jobState(job, progress, stateBox, cancelBtn);
    if (job.state === "done") render(job.result);
    else if (job.error) IV.showError(job.error.message);
  }

  async function run() {
    const body = await request();
    box.dataset.ready = "false";
    const job = await api("/api/assess", {}, body);
    current = job.id;
    IV.showError(null);
    await IV.followJob(job, show, (id) => id === current);
  }

  function fail(e) { IV.showError(e.message); }

  async function init() {
    svg.setAttribute("viewBox", IV.viewBox());
    const list = await api("/api/actions");
    const actionSel = form.elements.namedItem("action");
    const baseSel = form.elements.namedItem("baseline");
    for (const a of list.actions) {
      actionSel.append(el("option", {value: a.name}, `${a.title} (${a.on || "no date"})`));
      suggested[a.name] = a.baseline;
    }
    for (const b of list.baselines) baseSel.append(el("option", {value: b.name}, `${b.title} (${b.date})`));
    actionSel.addEventListener("change", () => {
      baseSel.value = suggested[actionSel.value] || "";
    });
    form.addEventListener("submit", (ev) => { ev.preventDefault(); run().catch(fail); });
    cancelBtn.addEventListener("click", () => {
      if (current) api(`/api/jobs/${current}/cancel`, {}, {}).then(show).catch(fail);
    });
    await IV.drawCountries(document.getElementById("assess-countries"));
    const params = new URLSearchParams(window.location.search);
    if (params.get("action")) {
      actionSel.value = params.get("action");
      baseSel.value = params.get("baseline") || suggested[actionSel.value] || "";
    }
    form.dataset.ready = "true";
    if (params.get("action")) await run();
  }

  init().catch(fail);
})();
