"use strict";
// Shared helpers of the pages: API calls, DOM building, the map projection.

const IV = (() => {
  /** GET or POST a JSON API endpoint; throws an Error carrying the server's message. */
  async function api(path, params, body) {
    const url = new URL(path, window.location.origin);
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== undefined && v !== null && v !== "") url.searchParams.set(k, v);
    }
    const init = body === undefined ? {} : {
      method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body),
    };
    const res = await fetch(url, init);
    let data = null;
    try { data = await res.json(); } catch (_e) { data = null; }
    if (!res.ok) {
      const msg = data && data.error ? data.error.message : `HTTP ${res.status}`;
      const err = new Error(msg);
      err.status = res.status;
      throw err;
    }
    return data;
  }

  /** Create an element: el("a", {href: "/x", "data-testid": "y"}, "text", child). */
  function el(tag, attrs, ...children) {
    const svgTags = new Set(["svg", "g", "path", "circle", "polygon", "title", "text", "line", "rect"]);
    const node = svgTags.has(tag)
      ? document.createElementNS("http://www.w3.org/2000/svg", tag)
      : document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "onclick") node.addEventListener("click", v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat()) {
      if (c === undefined || c === null) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function showError(message) {
    const box = document.querySelector("[data-testid=error]");
    if (!box) return;
    box.textContent = message ? `Error: ${message}` : "";
    box.hidden = !message;
  }

  /** The text of a cell for CSV: its data-csv, else its text without "why" details. */
  function cellText(c) {
    if (c === null || c === undefined) return "";
    if (!(c instanceof Node)) return String(c);
    if (c.dataset && c.dataset.csv !== undefined) return c.dataset.csv;
    const copy = c.cloneNode(true);
    if (copy.querySelectorAll) for (const d of copy.querySelectorAll("details")) d.remove();
    return copy.textContent.trim();
  }

  function csvLine(values) {
    return values.map((v) => {
      const t = String(v);
      return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
    }).join(",");
  }

  /** Save text as a file download (CSV, GeoJSON...). */
  function download(name, text, type) {
    const a = el("a", {href: URL.createObjectURL(new Blob([text], {type})), download: name});
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  /**
   * A table from rows of cells (strings or nodes), with a footer: the first `page` rows show,
   * "Show more" and "Show all" reveal the rest (every row stays in the page, hidden), and
   * "Download CSV" saves every row.
   */
  function table(headers, rows, attrs, opts) {
    const o = {page: 25, name: "table", ...(opts || {})};
    const t = el("table", attrs || {},
      el("thead", {}, el("tr", {}, headers.map((h) => el("th", {scope: "col"}, h)))),
      el("tbody", {}, rows.map((r, i) => el("tr", {...(r.attrs || {}), hidden: i >= o.page ? true : undefined},
        r.cells.map((c) => el("td", {}, c))))));
    const wrap = el("div", {class: "table-wrap"}, t);
    const foot = el("p", {class: "table-foot"});
    const shownText = el("span", {"data-testid": "table-shown"});
    const body = t.tBodies[0];
    const more = el("button", {type: "button", "data-testid": "show-more"}, `Show ${o.page} more`);
    const all = el("button", {type: "button", "data-testid": "show-all"}, "Show all");
    function count() {
      const shown = [...body.rows].filter((r) => !r.hidden).length;
      shownText.textContent = rows.length > o.page ? `Showing ${shown} of ${rows.length} rows. ` : `${rows.length} row${rows.length === 1 ? "" : "s"}. `;
      more.hidden = all.hidden = shown >= rows.length;
    }
    more.addEventListener("click", () => {
      let n = o.page;
      for (const r of body.rows) if (r.hidden && n-- > 0) r.hidden = false;
      count();
    });
    all.addEventListener("click", () => { for (const r of body.rows) r.hidden = false; count(); });
    const csv = el("button", {type: "button", "data-testid": "download-csv"}, "Download CSV");
    csv.addEventListener("click", () => download(`${o.name}.csv`,
      [csvLine(headers), ...rows.map((r) => csvLine(r.cells.map(cellText)))].join("\n") + "\n", "text/csv"));
    foot.append(shownText, more, " ", all, " ", csv);
    count();
    wrap.append(foot);
    return wrap;
  }

  /** Show a row a paged table may hide (and the rows before it). */
  function reveal(row) {
    if (!row || !row.hidden) return;
    for (const r of row.parentNode.rows) { r.hidden = false; if (r === row) break; }
  }

  let glossary = null;
  /** A term with its plain label and one-line definition as a tooltip (from /api/glossary). */
  function term(kind, id, text) {
    const span = el("span", {class: "term", "data-term": `${kind}:${id}`}, text === undefined ? id : text);
    if (!glossary) glossary = fetch("/api/glossary").then((r) => r.json()).catch(() => ({}));
    glossary.then((g) => {
      let key = id;
      if (kind === "indicator") key = String(id).replace(/\s*\[.*$/, "").replace(/_\d+km$/, "");
      const e = (g[kind] || {})[key];
      if (e) span.title = `${e.label}: ${e.definition}`;
    });
    return span;
  }

  /** A link to a source of the bibliography (its URL if it has one). */
  function sourceLink(id, sources) {
    const s = (sources || {})[id];
    if (s && s.url) return el("a", {href: s.url, title: s.title, rel: "noreferrer", target: "_blank"}, id);
    return el("span", {title: s ? s.title : id}, id);
  }

  // Lambert azimuthal equal-area projection on a sphere, centred on Europe.
  const RAD = Math.PI / 180;
  const LON0 = 20 * RAD, LAT0 = 52 * RAD, R = 1000;
  function project(lon, lat) {
    const l = lon * RAD - LON0, p = lat * RAD;
    const c = 1 + Math.sin(LAT0) * Math.sin(p) + Math.cos(LAT0) * Math.cos(p) * Math.cos(l);
    const k = Math.sqrt(2 / Math.max(c, 1e-9));
    const x = R * k * Math.cos(p) * Math.sin(l);
    const y = R * k * (Math.cos(LAT0) * Math.sin(p) - Math.sin(LAT0) * Math.cos(p) * Math.cos(l));
    return [x, -y];
  }

  function ringPath(ring) {
    let d = "";
    ring.forEach(([lon, lat], i) => {
      const [x, y] = project(lon, lat);
      d += `${i ? "L" : "M"}${x.toFixed(1)},${y.toFixed(1)}`;
    });
    return d + "Z";
  }

  /** SVG path data of a GeoJSON Polygon or MultiPolygon. */
  function geometryPath(g) {
    if (!g) return "";
    if (g.type === "Polygon") return g.coordinates.map(ringPath).join("");
    if (g.type === "MultiPolygon") return g.coordinates.map((p) => p.map(ringPath).join("")).join("");
    return "";
  }

  /** The viewBox of the map: a window over Europe and its neighbours. */
  function viewBox() {
    const pts = [[-25, 35], [-25, 70], [60, 40], [60, 72], [20, 33], [20, 72], [-12, 62], [50, 37]];
    const xy = pts.map(([lon, lat]) => project(lon, lat));
    const xs = xy.map((p) => p[0]), ys = xy.map((p) => p[1]);
    const x0 = Math.min(...xs), y0 = Math.min(...ys);
    return [x0, y0, Math.max(...xs) - x0, Math.max(...ys) - y0].map((v) => v.toFixed(0)).join(" ");
  }

  function fmt(x, digits) {
    return x === null || x === undefined ? "—" : Number(x).toFixed(digits);
  }

  let countries = null;
  /** Draw the shipped country shapes (fetched once per page) into an SVG group. */
  async function drawCountries(g) {
    if (!countries) countries = fetch("/api/geo/countries").then((r) => r.json());
    const geo = await countries;
    g.replaceChildren(...geo.features.map((f) => el("path", {
      d: geometryPath(f.geometry), class: "country plain", "data-iso3": f.properties.iso3,
    }, el("title", {}, f.properties.name))));
  }

  /** Poll a job until it finishes (or still(id) turns false), calling show(job) each time. */
  async function followJob(job, show, still) {
    show(job);
    while (["queued", "running"].includes(job.state) && still(job.id)) {
      await new Promise((r) => setTimeout(r, 250));
      job = await api(`/api/jobs/${job.id}`);
      show(job);
    }
    return job;
  }

  /** Show a job's state on a <progress> and a text box; returns whether it still runs. */
  function jobState(job, progress, stateBox, cancelBtn) {
    progress.hidden = false;
    const f = job.progress.fraction;
    if (f === null || f === undefined) progress.removeAttribute("value");
    else progress.value = f;
    const p = job.progress;
    const count = p.total ? ` (${p.done} / ${p.total})` : "";
    const words = {queued: "waiting", running: "running", done: "done", failed: "failed",
      cancelled: "cancelled", timed_out: "stopped: took too long"};
    const said = words[job.state] || job.state;
    const msg = p.message && p.message.toLowerCase() !== job.state && p.message.toLowerCase() !== said
      ? `: ${p.message}` : "";
    stateBox.textContent = `${said}${msg}${count}`;
    stateBox.dataset.state = job.state;
    const running = ["queued", "running"].includes(job.state);
    cancelBtn.disabled = !running;
    return running;
  }

  /** "1 brigade", "3 brigades": a count and its noun, the noun's plural right. */
  function count(n, noun) {
    if (!noun) return String(n);
    const one = noun.replace(/ies$/, "y").replace(/(ss|sh|ch|x)es$/, "$1").replace(/([^s])s$/, "$1");
    const many = /s$/.test(noun) ? noun : /[^aeiou]y$/.test(noun) ? noun.replace(/y$/, "ies") : `${noun}s`;
    return `${n} ${Number(n) === 1 ? one : many}`;
  }

  /** A number for people: "none in reach" for an infinity, "not known" when missing. */
  function human(x, digits) {
    if (x === null || x === undefined || Number.isNaN(Number(x))) return "not known";
    if (!Number.isFinite(Number(x))) return "none in reach";
    return Number(x).toFixed(digits);
  }

  return {api, el, showError, table, reveal, term, download, csvLine, count, human, sourceLink, project, geometryPath, viewBox, fmt,
    drawCountries, followJob, jobState};
})();
