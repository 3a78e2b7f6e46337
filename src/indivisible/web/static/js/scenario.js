"use strict";
// Scenario: check a bundled example or an uploaded file; findings with --explain detail;
// a range check run as a job with progress and cancel.

(() => {
  const {api, el} = IV;
  const form = document.getElementById("check-form");
  const rangeForm = document.getElementById("range-form");
  const summary = document.getElementById("summary");
  const findingsBox = document.getElementById("findings");
  const changesBox = document.getElementById("changes");
  const filter = document.getElementById("result-filter");
  const progress = document.getElementById("range-progress");
  const stateBox = document.getElementById("range-state");
  const cancelBtn = document.getElementById("range-cancel");
  let lastFindings = [];
  let lastName = "scenario";
  let currentJob = null;

  async function source() {
    const example = form.elements.namedItem("scenario").value;
    const file = form.elements.namedItem("file").files[0];
    if (file) return {upload: {filename: file.name, text: await file.text()}};
    if (example) return {scenario: example};
    throw new Error("choose a bundled example or upload a YAML file");
  }

  function detail(f) {
    const c = f.clause_text;
    return el("details", {"data-testid": "finding-detail"},
      el("summary", {}, "why"),
      c ? el("p", {}, el("strong", {}, `${c.instrument_title}, ${c.ref}${c.title ? ` (${c.title})` : ""}: `),
        c.text, " ", el("span", {class: "hint"}, "Source: "),
        c.source_url ? el("a", {href: c.source_url, rel: "noreferrer", target: "_blank"}, c.source_title || c.source)
          : (c.source_title || c.source)) : null,
      el("pre", {class: "explain", "data-testid": "finding-explain"}, f.explain.map((l) => `- ${l}`).join("\n")),
      Object.keys(f.sources).length ? el("p", {}, "Evidence sources: ",
        Object.keys(f.sources).map((id) => [IV.sourceLink(id, f.sources), " "])) : null);
  }

  // Breached and disputed first, then what could not be decided, then the rest.
  const ORDER = {breached: 0, disputed: 1, undetermined: 2, holds: 3, not_applicable: 4};
  const LABEL = {breached: "breached", disputed: "disputed", undetermined: "not determined",
    holds: "holds", not_applicable: "does not apply"};

  // Findings about one clause, party and subject under several readings are one check.
  const keyOf = (f) => [f.instrument, f.clause, f.party || "", f.subject || ""].join("\u0000");
  // One result per check, as indivisible.rulebook.overall_results gives it: the common
  // result where the readings agree; where they differ, the engine's reading-less verdict
  // if it is "undetermined" (readings differing only between an interval's ends), else
  // disputed.
  function combined(findings) {
    const by = new Map();
    const engine = new Map();
    for (const f of findings) {
      if (!by.has(keyOf(f))) by.set(keyOf(f), new Set());
      by.get(keyOf(f)).add(f.result);
      if (!f.reading) engine.set(keyOf(f), f.result);
    }
    return new Map([...by].map(([k, rs]) => [k, rs.size === 1 ? [...rs][0]
      : engine.get(k) === "undetermined" ? "undetermined" : "disputed"]));
  }

  function render() {
    const only = filter.value;
    const overall = combined(lastFindings);
    const rank = (f) => ORDER[overall.get(keyOf(f))] * 10 + ORDER[f.result];
    const shown = lastFindings.filter((f) => !only || f.result === only)
      .map((f, i) => [f, i]).sort((a, b) => (rank(a[0]) - rank(b[0])) || (a[1] - b[1]))
      .map(([f]) => f);
    findingsBox.replaceChildren(IV.table(
      ["Instrument", "Clause", "Party", "Subject", "Result", "Reading", "Evidence"],
      shown.map((f) => ({attrs: {"data-testid": "finding-row", "data-result": f.result},
        cells: [f.instrument, f.clause, f.party || "", f.subject || "",
          el("span", {class: `result-${f.result}`, "data-csv": f.result}, IV.term("result", f.result)),
          f.reading ? IV.term("term", "reading", f.reading) : "",
          el("div", {}, f.evidence, detail(f))]})),
      {"data-testid": "findings-table"}, {name: `findings-${lastName}`}));
  }

  function plural(n, one, many) { return `${n} ${n === 1 ? one : many || `${one}s`}`; }

  function sentence(res) {
    const overall = [...combined(res.findings).values()];
    const n = (k) => overall.filter((r) => r === k).length;
    const head = n("breached") || n("disputed")
      ? `${plural(n("breached"), "clause")} breached under every reading and ${n("disputed")} disputed (the result depends on a reading the parties disagree on)`
      : "No clause is breached or disputed";
    return `On ${res.date}: ${head}, of ${plural(overall.length, "check")} of a clause for a party and subject; `
      + `${n("undetermined")} not determined (data missing), ${n("holds")} hold, ${n("not_applicable")} do not apply `
      + `(${plural(res.findings.length, "finding")}, one per reading). Breached and disputed come first.`;
  }

  async function check() {
    const body = {...await source()};
    const on = form.elements.namedItem("on").value;
    const party = form.elements.namedItem("party").value.trim();
    if (on) body.on = on;
    if (party) body.party = party;
    const res = await api("/api/check", {}, body);
    lastFindings = res.findings;
    lastName = `${body.scenario || "upload"}-${res.date}`;
    const counts = {};
    for (const f of res.findings) counts[f.result] = (counts[f.result] || 0) + 1;
    summary.replaceChildren(el("h2", {}, `${res.scenario} — ${res.date}`),
      el("p", {class: "summary", "data-testid": "check-sentence"}, sentence(res)),
      el("p", {"data-testid": "check-counts", "data-total": String(res.findings.length)},
        `${res.findings.length} findings: ` + Object.keys(ORDER).filter((k) => counts[k])
          .map((k) => `${counts[k]} ${LABEL[k]}`).join(", ")),
      ...res.warnings.map((w) => el("p", {class: "hint"}, `Warning: ${w}`)));
    document.getElementById("result-filter-label").hidden = false;
    render();
    summary.dataset.ready = "true";
    IV.showError(null);
  }

  function showJob(job) {
    progress.hidden = false;
    progress.value = job.progress.fraction || 0;
    stateBox.textContent = `${job.state}${job.progress.message ? `: ${job.progress.message}` : ""}`;
    stateBox.dataset.state = job.state;
    cancelBtn.disabled = !["queued", "running"].includes(job.state);
    if (job.state === "done") {
      const r = job.result;
      changesBox.replaceChildren(el("h2", {}, `Changes from ${r.from} to ${r.to}: ${r.changes.length}`),
        IV.table(["Date", "Instrument", "Clause", "Party", "Subject", "Reading", "Before", "After", "Evidence"],
          r.changes.map((c) => ({attrs: {"data-testid": "change-row"},
            cells: [c.date, c.instrument, c.clause, c.party || "", c.subject || "", c.reading || "",
              c.before || "(absent)", c.after || "(absent)", c.evidence]})),
          {"data-testid": "changes-table"}));
    } else if (job.error) {
      IV.showError(job.error.message);
    }
  }

  async function runRange() {
    const body = {...await source(), from: rangeForm.elements.namedItem("from").value,
      to: rangeForm.elements.namedItem("to").value};
    const party = form.elements.namedItem("party").value.trim();
    if (party) body.party = party;
    let job = await api("/api/check/range", {}, body);
    currentJob = job.id;
    changesBox.replaceChildren();
    showJob(job);
    while (["queued", "running"].includes(job.state) && currentJob === job.id) {
      await new Promise((r) => setTimeout(r, 250));
      job = await api(`/api/jobs/${job.id}`);
      showJob(job);
    }
  }

  function fail(e) { IV.showError(e.message); }

  async function init() {
    const list = await api("/api/scenarios");
    const sel = form.elements.namedItem("scenario");
    for (const s of list.scenarios) sel.append(el("option", {value: s.name}, `${s.title} (${s.date})`));
    const params = new URLSearchParams(window.location.search);
    if (params.get("scenario")) sel.value = params.get("scenario");
    form.addEventListener("submit", (ev) => { ev.preventDefault(); check().catch(fail); });
    rangeForm.addEventListener("submit", (ev) => { ev.preventDefault(); runRange().catch(fail); });
    cancelBtn.addEventListener("click", () => {
      if (currentJob) api(`/api/jobs/${currentJob}/cancel`, {}, {}).then(showJob).catch(fail);
    });
    filter.addEventListener("change", render);
    form.dataset.ready = "true";
    if (params.get("scenario")) await check();
  }

  init().catch(fail);
})();
