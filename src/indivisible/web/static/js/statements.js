"use strict";
// Statements: search and filter; each statement opens its place in its source document.

(() => {
  const {api, el} = IV;
  const form = document.getElementById("filters");
  const results = document.getElementById("results");
  const count = document.querySelector("[data-testid=statements-count]");
  const docBox = document.getElementById("document");
  const docText = document.getElementById("document-text");
  const docTitle = document.getElementById("document-title");
  const FILTERS = ["speaker", "instrument", "org", "stance", "from", "to"];

  async function search(push) {
    const data = {};
    for (const k of FILTERS) {
      const v = form.elements.namedItem(k).value.trim();
      if (v) data[k] = v;
    }
    const res = await api("/api/statements", data);
    count.textContent = `${res.count} statement${res.count === 1 ? "" : "s"}` +
      (res.returned < res.count ? ` (first ${res.returned} shown)` : "");
    count.dataset.count = String(res.count);
    results.replaceChildren(IV.table(
      ["Date", "Speaker", "Stance", "Instruments", "Organisations", "Statement", ""],
      res.statements.map((s) => ({attrs: {"data-testid": "statement-row", "data-stance": s.stance},
        cells: [s.date || "", s.speaker || "(unattributed)", s.stance, s.instruments.join(", "),
          s.organisations.join(", "), s.text,
          el("a", {href: s.link, "data-testid": "statement-link", title: s.document_title || "",
            onclick: (ev) => { ev.preventDefault(); openDocument(s.document_id, s.start, s.end, s.document_title, true).catch(fail); }},
          "in context")]})),
      {"data-testid": "statements-table"}));
    if (push) {
      const q = new URLSearchParams(data);
      window.history.replaceState(null, "", `?${q}`);
    }
    IV.showError(null);
  }

  async function openDocument(id, start, end, title, push) {
    const doc = await api(`/api/documents/${encodeURIComponent(id)}`);
    const s = Math.max(0, Number(start)), e = Math.min(doc.text.length, Number(end));
    const mark = el("mark", {class: "here", id: "statement", "data-testid": "statement-in-document"}, doc.text.slice(s, e));
    docText.replaceChildren(doc.text.slice(0, s), mark, doc.text.slice(e));
    docTitle.textContent = title || "Document";
    docBox.hidden = false;
    mark.scrollIntoView({block: "center"});
    if (push) {
      const q = new URLSearchParams(window.location.search);
      q.set("doc", id); q.set("start", String(start)); q.set("end", String(end));
      window.history.replaceState(null, "", `?${q}#statement`);
    }
  }

  function fail(e) { IV.showError(e.message); }

  async function init() {
    const meta = await api("/api/meta");
    const insts = await api("/api/instruments");
    const add = (name, values) => {
      const sel = form.elements.namedItem(name);
      for (const [v, label] of values) sel.append(el("option", {value: v}, label));
    };
    add("instrument", insts.instruments.map((i) => [i.id, `${i.short} (${i.id})`]));
    add("org", meta.organisations.map((o) => [o.id, o.name]));
    add("stance", meta.stances.map((s) => [s, s]));
    const params = new URLSearchParams(window.location.search);
    for (const k of FILTERS) if (params.get(k)) form.elements.namedItem(k).value = params.get(k);
    form.addEventListener("submit", (ev) => { ev.preventDefault(); search(true).catch(fail); });
    await search(false);
    if (params.get("doc")) await openDocument(params.get("doc"), params.get("start"), params.get("end"), null, false);
    results.dataset.ready = "true";
  }

  init().catch(fail);
})();
