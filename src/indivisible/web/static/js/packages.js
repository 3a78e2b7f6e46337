"use strict";
// Packages: a package search over a bundled menu, run as a job with progress and cancel; the
// compatible bundles ranked, each with why it works, and the Pareto set.

(() => {
  const {api, el} = IV;
  const form = document.getElementById("negotiate-form");
  const progress = document.getElementById("negotiate-progress");
  const stateBox = document.getElementById("negotiate-state");
  const cancelBtn = document.getElementById("negotiate-cancel");
  const measuresBox = document.getElementById("measures");
  let menus = {};
  let current = null;

  const gain = (x) => (typeof x === "number" ? (x > 0 ? `+${x}` : `${x}`) : String(x));
  const bundleName = (ms) => (ms.length ? ms.join(" + ") : "(nothing: the baseline)");

  function showMenu() {
    const m = menus[form.elements.namedItem("menu").value];
    if (!m) { measuresBox.replaceChildren(); return; }
    measuresBox.replaceChildren(
      ...(m.note ? [el("p", {class: "hint"}, m.note)] : []),
      IV.table(["", "Measure", "Summary", "Proposed by", "Implemented by", "Requires / extends", "Actions"],
        m.measures.map((x) => ({attrs: {"data-testid": `measure-${x.id}`}, cells: [
          el("input", {type: "checkbox", name: "measure", value: x.id, checked: true,
            "data-testid": `measure-tick-${x.id}`, "aria-label": `include ${x.id}`}),
          x.id, el("span", {title: x.note || ""}, x.summary), x.proposed_by.join(", "),
          x.implemented_by.join(", "), [...x.require, ...x.extend.map((e) => `${e} (extends)`)].join(", ") || "—",
          x.actions ? String(x.actions) : "none"]})),
        {"data-testid": "measures-table"}));
  }

  function request() {
    const parties = form.elements.namedItem("parties").value.split(/[\s,]+/).filter(Boolean);
    const body = {menu: form.elements.namedItem("menu").value, parties,
      mode: form.elements.namedItem("mode").value};
    const ticks = [...measuresBox.querySelectorAll("input[name=measure]")];
    const chosen = ticks.filter((t) => t.checked).map((t) => t.value);
    if (!chosen.length) throw new Error("tick at least one measure");
    if (chosen.length < ticks.length) body.measures = chosen;
    const scenario = form.elements.namedItem("scenario").value;
    const on = form.elements.namedItem("on").value;
    const draws = form.elements.namedItem("draws").value;
    const seed = form.elements.namedItem("seed").value;
    if (scenario) body.scenario = scenario;
    if (on) body.on = on;
    if (draws) body.draws = Number(draws);
    if (seed !== "") body.seed = Number(seed);
    const level = form.elements.namedItem("level").value;
    if (level !== "") body.level = Number(level);
    return body;
  }

  function why(b) {
    const w = b.why;
    if (!w) return el("span", {class: "hint"}, "(not explained: beyond the first bundles)");
    const rows = [];
    for (const [measure, per] of Object.entries(w.gives)) {
      for (const [party, inds] of Object.entries(per)) {
        rows.push({cells: [measure, party,
          Object.entries(inds).map(([k, v]) => `${k} ${gain(v)}`).join(", ")]});
      }
    }
    return el("details", {"data-testid": "bundle-why"}, el("summary", {}, "why it works"),
      el("ul", {}, w.sentences.map((s) => el("li", {"data-testid": "why-sentence"}, s))),
      rows.length ? IV.table(["Measure", "Gives to", "Indicators (safer direction +)"], rows) : null);
  }

  function render(r) {
    const compatible = r.bundles.filter((b) => b.compatible);
    const robust = new Set(r.robust.map((b) => b.join("+")));
    const total = r.n_compatible ?? compatible.length;
    const best = compatible[0];
    document.getElementById("negotiate-summary").replaceChildren(
      el("p", {class: "summary", "data-testid": "negotiate-sentence", "data-total": String(total)},
        `${total} of ${r.evaluated} bundle${r.evaluated === 1 ? "" : "s"} ${total === 1 ? "is" : "are"} compatible `
        + `(${r.mode}: no party worse off, at least one better off)`
        + (best ? `; the best is ${best.measures.join(" + ")}, which makes ${best.better.join(", ") || "no party"} better off.` : ".")
        + (total > compatible.length ? ` The ${compatible.length} best are listed.` : "")),
      el("h2", {}, `${r.menu} — ${r.scenario} — ${r.on}`),
      el("p", {"data-testid": "negotiate-counts", "data-compatible": String(compatible.length),
        "data-evaluated": String(r.evaluated)},
      `Parties ${r.parties.join(", ")}, ${r.mode} mode: ${r.evaluated} bundles evaluated `
        + `(${r.exhaustive ? "exhaustive" : `bound ${r.bound}`}), ${compatible.length} compatible, `
        + `${r.pareto.length} on the Pareto set; ${r.profile_calls} profile evaluations`
        + (r.draws ? `; ${r.draws} draws (seed ${r.seed}), robust at ${r.level}: ${r.robust.length}.` : ".")),
      ...r.warnings.map((x) => el("p", {class: "hint"}, `Warning: ${x}`)),
      el("details", {}, el("summary", {}, `Assumptions (${r.assumptions.length})`),
        el("ul", {}, r.assumptions.map((a) => el("li", {}, a)))));
    document.getElementById("bundles").replaceChildren(
      el("h2", {}, `Compatible bundles, ranked (${total > compatible.length ? `${compatible.length} best of ${total}` : total})`),
      compatible.length ? IV.table(["#", "Bundle", "Probability", "Better off", "Worse off", "Why"],
        compatible.map((b, i) => ({attrs: {"data-testid": "bundle-row", "data-measures": b.measures.join(" ")},
          cells: [String(i + 1), bundleName(b.measures),
            b.probability === null ? "—" : `${b.probability.toFixed(2)}${robust.has(b.measures.join("+")) ? " (robust)" : ""}`,
            b.better.join(", ") || "—", b.worse.join(", ") || "—", why(b)]})),
        {"data-testid": "bundles-table"}, {name: `bundles-${r.mode}`})
        : el("p", {"data-testid": "no-compatible"},
          "No compatible bundle: every bundle of these measures leaves some party worse off, or no party better. "
          + "The Pareto set below shows the trade-offs."));
    document.getElementById("pareto").replaceChildren(
      el("h2", {}, `Pareto set (${r.pareto.length} outcome${r.pareto.length === 1 ? "" : "s"})`),
      el("p", {class: "hint"}, "Non-dominated outcomes over every evaluated bundle, each reached by its smallest bundle."),
      IV.table(["Smallest bundle", "Bundles with this outcome", "Compatible", "Gains (non-zero)"],
        r.pareto.map((p) => ({attrs: {"data-testid": "pareto-row"}, cells: [bundleName(p.measures),
          String(p.equivalent), p.compatible ? "yes" : "no",
          p.gains ? Object.entries(p.gains).map(([party, g]) => {
            const nz = Object.entries(g).filter(([, v]) => v !== 0 && v !== null);
            return nz.length ? `${party}: ${nz.map(([k, v]) => `${k} ${gain(v)}`).join(", ")}` : null;
          }).filter(Boolean).join("; ") || "none" : "—"]})),
        {"data-testid": "pareto-table"}));
    document.getElementById("negotiate-summary").dataset.ready = "true";
  }

  function show(job) {
    IV.jobState(job, progress, stateBox, cancelBtn);
    if (job.state === "done") render(job.result);
    else if (job.error) IV.showError(job.error.message);
  }

  async function run() {
    const body = request();
    document.getElementById("negotiate-summary").dataset.ready = "false";
    for (const id of ["negotiate-summary", "bundles", "pareto"]) document.getElementById(id).replaceChildren();
    const job = await api("/api/negotiate", {}, body);
    current = job.id;
    IV.showError(null);
    await IV.followJob(job, show, (id) => id === current);
  }

  function fail(e) { IV.showError(e.message); }

  async function init() {
    const [list, actions] = await Promise.all([api("/api/menus"), api("/api/actions")]);
    const menuSel = form.elements.namedItem("menu");
    for (const m of list.menus) {
      menus[m.name] = m;
      menuSel.append(el("option", {value: m.name}, `${m.title} (${m.measures.length} measures)`));
    }
    const baseSel = form.elements.namedItem("scenario");
    for (const b of actions.baselines) baseSel.append(el("option", {value: b.name}, `${b.title} (${b.date})`));
    const params = new URLSearchParams(window.location.search);
    if (params.get("menu")) menuSel.value = params.get("menu");
    if (params.get("parties")) form.elements.namedItem("parties").value = params.get("parties");
    menuSel.addEventListener("change", showMenu);
    showMenu();
    form.addEventListener("submit", (ev) => { ev.preventDefault(); run().catch(fail); });
    cancelBtn.addEventListener("click", () => {
      if (current) api(`/api/jobs/${current}/cancel`, {}, {}).then(show).catch(fail);
    });
    form.dataset.ready = "true";
  }

  init().catch(fail);
})();
