"use strict";
// The architecture timeline: instruments binding a pair over time, with their events.

(() => {
  const {api, el} = IV;
  const form = document.getElementById("pair");
  const chart = document.getElementById("chart");
  const events = document.getElementById("events");
  const RED = new Set(["withdrawn", "terminated", "expired"]);
  const ORANGE = new Set(["suspended", "notice_of_withdrawal"]);

  function evClass(ev) {
    return RED.has(ev) ? `ev-${ev}` : ORANGE.has(ev) ? `ev-${ev}` : "ev-other";
  }

  function runs(years) {
    const out = [];
    for (const y of years) {
      const last = out[out.length - 1];
      if (last && last[1] === y - 1) last[1] = y; else out.push([y, y]);
    }
    return out;
  }

  function draw(t) {
    const left = 190, right = 20, top = 24, rowH = 26;
    const width = Math.max(chart.clientWidth || 1100, 700);
    const y0 = t.from, y1 = t.to + 1;
    const xOf = (year) => left + (year - y0) / (y1 - y0) * (width - left - right);
    const xOfDate = (iso) => {
      const [y, m, d] = iso.split("-").map(Number);
      return xOf(y + ((m - 1) * 30.5 + d) / 366);
    };
    const height = top + rowH * Math.max(t.instruments.length, 1) + 30;
    chart.setAttribute("viewBox", `0 0 ${width} ${height}`);
    chart.setAttribute("height", String(height));
    const nodes = [];
    const step = (y1 - y0) > 30 ? 5 : (y1 - y0) > 10 ? 2 : 1;
    for (let y = Math.ceil(y0 / step) * step; y <= y1; y += step) {
      nodes.push(el("line", {x1: xOf(y), x2: xOf(y), y1: top - 6, y2: height - 24, stroke: "#ddd"}));
      nodes.push(el("text", {x: xOf(y), y: height - 8, "text-anchor": "middle"}, String(y)));
    }
    t.instruments.forEach((inst, i) => {
      const y = top + i * rowH;
      nodes.push(el("text", {x: 4, y: y + 16}, inst.short.length > 26 ? inst.short.slice(0, 25) + "…" : inst.short,
        el("title", {}, inst.title)));
      for (const [a, b] of runs(inst.bound_years)) {
        nodes.push(el("rect", {x: xOf(a), y: y + 4, width: xOf(b + 1) - xOf(a), height: rowH - 8,
          class: inst.binding === "legal" ? "bar-legal" : "bar-political",
          "data-testid": `bar-${inst.id}`}));
      }
      for (const [a, b] of runs(inst.disputed_years || [])) {
        nodes.push(el("rect", {x: xOf(a), y: y + 4, width: xOf(b + 1) - xOf(a), height: rowH - 8,
          fill: "none", stroke: "#1f5f8b", "stroke-dasharray": "4 3",
          "data-testid": `disputed-${inst.id}`},
        el("title", {}, `${inst.short}: disputed in ${a}–${b} (binding under some readings only)`)));
      }
      for (const s of inst.segments) {
        const year = Number(s.start.slice(0, 4));
        if (year < y0 || year > t.to || s.status === "not_party") continue;
        nodes.push(el("circle", {cx: xOfDate(s.start), cy: y + rowH / 2, r: 5,
          class: `event ${evClass(s.event)}`, "data-testid": `event-${inst.id}-${s.party}-${s.start}`,
          onclick: () => {
            const row = document.getElementById(`ev-${inst.id}-${s.party}-${s.start}`);
            if (row) { IV.reveal(row); row.scrollIntoView({block: "center"}); row.classList.add("flash"); }
          }},
        el("title", {}, `${s.start} ${s.party}: ${s.event} → ${s.status} (source: ${s.source})`)));
      }
    });
    chart.replaceChildren(...nodes);
  }

  function list(t) {
    const rows = [];
    for (const inst of t.instruments) {
      for (const s of inst.segments) {
        if (s.status === "not_party") continue;
        const status = s.readings ? `${s.status} (disputed: ${s.readings})` : s.status;
        rows.push({attrs: {id: `ev-${inst.id}-${s.party}-${s.start}`, "data-testid": "event-row"},
          cells: [s.start, inst.short, s.party, s.event, status, IV.sourceLink(s.source, t.sources), s.note || ""]});
      }
      for (const e of inst.events) {
        rows.push({attrs: {"data-testid": "event-row"},
          cells: [e.date, inst.short, "(all)", e.event, "", IV.sourceLink(e.source, t.sources), e.note || ""]});
      }
    }
    rows.sort((a, b) => (a.cells[0] < b.cells[0] ? -1 : a.cells[0] > b.cells[0] ? 1 : 0));
    events.replaceChildren(el("h2", {}, `Events (${rows.length})`),
      IV.table(["Date", "Instrument", "Party", "Event", "Status after", "Source", "Note"], rows,
        {"data-testid": "events-table"}));
  }

  async function show() {
    const data = Object.fromEntries(new FormData(form).entries());
    const t = await api("/api/timeline", data);
    draw(t);
    list(t);
    chart.dataset.pair = t.parties.join("-");
    chart.dataset.ready = "true";
    IV.showError(null);
    const q = new URLSearchParams(data);
    window.history.replaceState(null, "", `?${q}`);
  }

  async function init() {
    const meta = await api("/api/meta");
    const sel = form.elements.namedItem("category");
    for (const c of meta.categories) sel.append(el("option", {value: c}, c));
    const params = new URLSearchParams(window.location.search);
    for (const [k, v] of params) {
      const f = form.elements.namedItem(k);
      if (f && f.type === "checkbox") f.checked = v === "true"; else if (f) f.value = v;
    }
    form.addEventListener("submit", (ev) => { ev.preventDefault(); show().catch((e) => IV.showError(e.message)); });
    await show();
  }

  init().catch((e) => IV.showError(e.message));
})();
