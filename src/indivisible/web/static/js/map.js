"use strict";
// The map page: states coloured by alliance on any day (date picker and day slider), zoom and
// pan, country labels, a legend, the state panel following the date, deployments of an example
// scenario with a range ring per reading, and downloads of the view (PNG) and its data
// (CSV, GeoJSON).

(() => {
  const svg = document.getElementById("map");
  const gView = document.getElementById("viewport");
  const gCountries = document.getElementById("countries");
  const gRings = document.getElementById("rings");
  const gCapitals = document.getElementById("capitals");
  const gMarkers = document.getElementById("markers");
  const gLabels = document.getElementById("labels");
  const picker = document.getElementById("date");
  const slider = document.getElementById("day");
  const select = document.getElementById("scenario");
  const summary = document.querySelector("[data-testid=map-summary]");
  const countryInfo = document.getElementById("country-info");
  const reachInfo = document.getElementById("reach-info");
  const {api, el} = IV;
  const DAY = 86400000;
  let first = "1945-06-26";
  let reviewed = null;
  let alliances = {};
  let ticket = 0;
  let selected = null; // properties of the clicked country
  let reach = null; // {dep, data} of the clicked deployment
  let deployments = [];
  let features = [];
  let home = null; // the whole-map view box [x, y, w, h]
  let view = null;

  // ---- dates ---------------------------------------------------------------------------
  const toIndex = (iso) => Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / DAY);
  const fromIndex = (i) => new Date(Date.parse(`${first}T00:00:00Z`) + i * DAY).toISOString().slice(0, 10);
  function clamp(iso) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(Date.parse(iso))) return null;
    if (iso < first) return first;
    return reviewed && iso > reviewed ? reviewed : iso;
  }
  function setDate(iso) {
    const d = clamp(iso);
    if (!d) return;
    picker.value = d;
    slider.value = String(toIndex(d));
    const url = new URL(window.location.href);
    url.searchParams.set("date", d);
    url.searchParams.delete("year");
    window.history.replaceState(null, "", url);
    update().catch(fail);
  }
  const current = () => picker.value;

  // ---- view: zoom and pan --------------------------------------------------------------
  function applyView() {
    svg.setAttribute("viewBox", view.map((v) => v.toFixed(1)).join(" "));
    const k = view[2] / home[2]; // < 1 when zoomed in
    svg.style.setProperty("--k", String(k));
    svg.dataset.zoom = (1 / k).toFixed(2);
    // Labels keep ~12 px on screen at any zoom; a state gets its label only when its shape is
    // large enough on screen for the label to fit.
    const perPx = view[2] / Math.max(svg.clientWidth, 1); // map units per screen pixel
    for (const t of gLabels.children) {
      t.setAttribute("font-size", (12 * perPx).toFixed(1));
      const onScreen = Number(t.dataset.size) / perPx;
      t.style.display = onScreen > Math.max(30, 4.5 * t.textContent.length) ? "" : "none";
    }
  }
  function zoom(f, cx, cy) {
    const [x, y, w, h] = view;
    const nw = Math.min(Math.max(w / f, home[2] / 16), home[2] * 1.5);
    const nh = nw * h / w;
    const px = cx === undefined ? x + w / 2 : cx, py = cy === undefined ? y + h / 2 : cy;
    view = [px - (px - x) * nw / w, py - (py - y) * nh / h, nw, nh];
    applyView();
  }
  function svgPoint(evt) {
    const r = svg.getBoundingClientRect();
    return [view[0] + (evt.clientX - r.left) / r.width * view[2], view[1] + (evt.clientY - r.top) / r.height * view[3]];
  }
  let drag = null;
  let dragged = false;
  svg.addEventListener("wheel", (e) => {
    e.preventDefault();
    const [cx, cy] = svgPoint(e);
    zoom(e.deltaY < 0 ? 1.25 : 0.8, cx, cy);
  }, {passive: false});
  svg.addEventListener("pointerdown", (e) => {
    drag = {x: e.clientX, y: e.clientY, view: [...view]};
    dragged = false;
  });
  svg.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const r = svg.getBoundingClientRect();
    const dx = (e.clientX - drag.x) / r.width * view[2], dy = (e.clientY - drag.y) / r.height * view[3];
    if (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 4) dragged = true;
    if (dragged) {
      view = [drag.view[0] - dx, drag.view[1] - dy, view[2], view[3]];
      applyView();
    }
  });
  window.addEventListener("pointerup", () => { drag = null; });
  // A drag is not a click on the country under the pointer.
  svg.addEventListener("click", (e) => { if (dragged) { e.stopPropagation(); dragged = false; } }, true);

  // ---- labels --------------------------------------------------------------------------
  /** The projected centroid and area of the largest outer ring of a (Multi)Polygon. */
  function labelPoint(g) {
    const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : [];
    let best = null;
    for (const p of polys) {
      const pts = p[0].map(([lon, lat]) => IV.project(lon, lat));
      let a = 0, cx = 0, cy = 0;
      for (let i = 0; i < pts.length - 1; i++) {
        const [x0, y0] = pts[i], [x1, y1] = pts[i + 1];
        const c = x0 * y1 - x1 * y0;
        a += c; cx += (x0 + x1) * c; cy += (y0 + y1) * c;
      }
      if (a === 0) continue;
      const area = Math.abs(a / 2);
      if (!best || area > best.area) best = {area, x: cx / (3 * a), y: cy / (3 * a)};
    }
    return best;
  }
  function drawLabels() {
    gLabels.replaceChildren();
    for (const f of features) {
      const p = f.properties;
      const lp = labelPoint(f.geometry);
      if (!lp) continue;
      gLabels.append(el("text", {x: lp.x.toFixed(1), y: lp.y.toFixed(1), class: "map-label country-label",
        "text-anchor": "middle", "dominant-baseline": "middle", "data-testid": `label-${p.iso3}`,
        "data-size": Math.sqrt(lp.area).toFixed(0)}, p.name));
    }
  }

  // ---- the panel of a state ------------------------------------------------------------
  function showCountry() {
    if (!selected) return;
    const props = selected;
    const s = alliances[props.iso3] || alliances[props.sovereign];
    const names = (ids) => ids.map((m) => m.toUpperCase()).join(", ") || "none";
    countryInfo.replaceChildren(
      el("h2", {}, props.name),
      el("p", {class: "when"}, "On ", el("strong", {"data-testid": "country-date"}, current()), ":"),
      s ? el("p", {}, `${s.exists ? "" : "Not a state on this date. "}Alliance: `,
        el("strong", {"data-testid": "country-alliance"}, s.exists ? s.alliance === "none" ? "neither NATO nor CSTO" : s.alliance.toUpperCase() : "—"),
        el("br"), `Member of: ${names(s.memberships)}`,
        props.sovereign !== props.iso3 && alliances[props.sovereign] && !alliances[props.iso3]
          ? ` (territory of ${alliances[props.sovereign].name})` : "")
        : el("p", {}, "Not in the record (drawn for orientation)."),
      s && s.capital ? el("p", {class: "hint"}, `Capital: ${s.capital.name}.`) : "");
  }

  // ---- init and update -----------------------------------------------------------------
  async function init() {
    home = IV.viewBox().split(" ").map(Number);
    view = [...home];
    applyView();
    const meta = await api("/api/meta");
    reviewed = meta.coverage.reviewed;
    first = meta.coverage.start;
    picker.min = first;
    picker.max = reviewed;
    slider.min = "0";
    slider.max = String(toIndex(reviewed));
    const params = new URLSearchParams(window.location.search);
    const start = params.get("date") || (params.get("year") ? `${params.get("year")}-12-31` : reviewed);
    picker.value = clamp(start) || reviewed;
    slider.value = String(toIndex(picker.value));
    const list = await api("/api/scenarios");
    for (const s of list.scenarios) select.append(el("option", {value: s.name}, `${s.title} (${s.date})`));
    if (params.get("scenario")) select.value = params.get("scenario");
    const geo = await (await fetch("/api/geo/countries")).json();
    features = geo.features;
    for (const f of features) {
      const p = f.properties;
      gCountries.append(el("path", {
        d: IV.geometryPath(f.geometry), class: "country", "data-testid": `country-${p.iso3}`,
        "data-iso3": p.iso3, "data-sovereign": p.sovereign, "data-alliance": "absent",
        onclick: () => { selected = p; showCountry(); },
      }, el("title", {}, p.name)));
    }
    drawLabels();
    applyView();
    picker.addEventListener("change", () => setDate(picker.value));
    picker.addEventListener("input", () => { if (clamp(picker.value)) setDate(picker.value); });
    slider.addEventListener("input", () => setDate(fromIndex(Number(slider.value))));
    for (const b of document.querySelectorAll(".jump button")) {
      b.addEventListener("click", () => setDate(fromIndex(toIndex(current()) + Number(b.dataset.step))));
    }
    select.addEventListener("change", () => { reach = null; update().catch(fail); });
    document.getElementById("zoom-in").addEventListener("click", () => zoom(1.5));
    document.getElementById("zoom-out").addEventListener("click", () => zoom(1 / 1.5));
    document.getElementById("zoom-reset").addEventListener("click", () => { view = [...home]; applyView(); });
    document.getElementById("dl-png").addEventListener("click", () => downloadPng().catch(fail));
    document.getElementById("dl-csv").addEventListener("click", downloadCsv);
    document.getElementById("dl-geojson").addEventListener("click", downloadGeojson);
    window.addEventListener("resize", applyView);
    await update();
    svg.dataset.ready = "true";
  }

  async function update() {
    const mine = ++ticket;
    const on = current();
    const data = await api("/api/alliances", {on});
    if (mine !== ticket) return;
    alliances = Object.fromEntries(data.states.map((s) => [s.state, s]));
    for (const path of gCountries.children) {
      const s = alliances[path.dataset.iso3] || alliances[path.dataset.sovereign];
      path.dataset.alliance = s && s.exists ? s.alliance : "absent";
      const label = {nato: "NATO", csto: "CSTO", none: "neither alliance", absent: "not a state then / not in the record"};
      path.firstChild.textContent = `${path.firstChild.textContent.split(" · ")[0]} · ${label[path.dataset.alliance]}`;
    }
    const present = data.states.filter((s) => s.exists);
    const count = (a) => present.filter((s) => s.alliance === a).length;
    summary.textContent = `On ${on}: ${count("nato")} NATO members and ${count("csto")} CSTO members `
      + `among the ${present.length} states of the record; ${count("none")} in neither alliance.`;
    svg.dataset.date = on;
    showCountry();
    await drawDeployments(on, mine);
    IV.showError(null);
  }

  async function drawDeployments(on, mine) {
    const name = select.value;
    if (!name) {
      deployments = [];
      gMarkers.replaceChildren();
      clearReach();
      return;
    }
    const sc = await api(`/api/scenarios/${encodeURIComponent(name)}`, {on});
    if (mine !== ticket) return;
    deployments = sc.deployments;
    gMarkers.replaceChildren(...sc.deployments.map((d) => {
      const [x, y] = IV.project(d.site.lon, d.site.lat);
      return el("path", {
        d: `M${x.toFixed(1)},${(y - 14).toFixed(1)}l12,22h-24z`, class: "deployment",
        "data-testid": `deployment-${d.id}`, tabindex: 0, role: "button",
        onclick: () => showReach(name, d, on).catch(fail),
      }, el("title", {}, `${d.id}: ${d.count} ${d.system} (${d.owner}) at ${d.site.name}`));
    }));
    svg.dataset.deployments = String(sc.deployments.length);
    const again = reach && sc.deployments.find((d) => d.id === reach.dep.id);
    if (again) await showReach(name, again, on);
    else clearReach();
  }

  function clearReach() {
    reach = null;
    gRings.replaceChildren();
    gCapitals.replaceChildren();
  }

  async function showReach(scenario, dep, on) {
    const r = await api("/api/reach", {scenario, deployment: dep.id, on});
    gRings.replaceChildren();
    gCapitals.replaceChildren();
    reach = {dep, data: r};
    const readings = [];
    for (const f of r.geojson.features) {
      if (f.properties.kind === "range_ring") {
        const k = readings.length;
        readings.push(f.properties.reading);
        gRings.append(el("path", {d: IV.geometryPath(f.geometry), class: `ring ring-${k % 4}`,
          "data-testid": "reach-ring", "data-reading": f.properties.reading},
        el("title", {}, `${f.properties.system}: ${f.properties.range_km} km (${f.properties.reading})`)));
      } else if (f.properties.kind === "capital" && f.properties.reachable) {
        const [x, y] = IV.project(...f.geometry.coordinates);
        gCapitals.append(el("circle", {cx: x.toFixed(1), cy: y.toFixed(1), r: 7, class: "capital"},
          el("title", {}, f.properties.capital)));
      }
    }
    const reached = r.targets.filter((t) => t.reachable);
    const ranges = Object.entries(r.range_readings || {default: r.range_km});
    reachInfo.replaceChildren(
      el("h2", {}, `${dep.id}: ${r.system}`),
      el("p", {}, el("strong", {"data-testid": "reach-count"}, `${reached.length}`),
        ` capital${reached.length === 1 ? "" : "s"} within range on ${on}.`),
      el("p", {}, `${IV.count(dep.count, dep.count_of)} at ${dep.site.name} (${dep.owner} in ${dep.host}). `,
        `Range: ${ranges.map(([k, v]) => `${v} km (${k === "default" ? "one figure" : `figure of ${k}`})`).join(", ")}`,
        ranges.length > 1 ? " — one ring each." : "."),
      IV.table(["Capital", "State", "Distance (km)", "Warning time (min)"],
        reached.map((t) => ({attrs: {"data-testid": `reach-row-${t.state}`},
          cells: [t.capital, t.state, IV.fmt(t.distance_km, 0), IV.fmt(t.flight_time_min, 1)]})),
        {"data-testid": "reach-table"}));
  }

  // ---- downloads -----------------------------------------------------------------------
  function save(name, blob) {
    const a = el("a", {href: URL.createObjectURL(blob), download: name});
    document.body.append(a);
    a.click();
    setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  const stem = () => `indivisible-map-${current()}${select.value ? `-${select.value}` : ""}`;

  function rows() {
    return Object.values(alliances).map((s) => ({
      date: current(), state: s.state, name: s.name, exists: s.exists,
      alliance: s.exists ? s.alliance : "", memberships: s.memberships.join(";"),
      capital: s.capital ? s.capital.name : "", capital_lat: s.capital ? s.capital.lat : "",
      capital_lon: s.capital ? s.capital.lon : "",
    }));
  }
  function downloadCsv() {
    const rs = rows();
    const head = Object.keys(rs[0]);
    const cell = (v) => { const t = String(v); return /[",\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t; };
    const text = [head.join(","), ...rs.map((r) => head.map((h) => cell(r[h])).join(","))].join("\n") + "\n";
    save(`${stem()}.csv`, new Blob([text], {type: "text/csv"}));
  }
  function downloadGeojson() {
    const out = features.map((f) => {
      const s = alliances[f.properties.iso3] || alliances[f.properties.sovereign];
      return {type: "Feature", geometry: f.geometry, properties: {...f.properties, date: current(),
        alliance: s && s.exists ? s.alliance : null, memberships: s ? s.memberships : []}};
    });
    for (const d of deployments) {
      out.push({type: "Feature", geometry: {type: "Point", coordinates: [d.site.lon, d.site.lat]},
        properties: {kind: "deployment", id: d.id, system: d.system, owner: d.owner, host: d.host, count: d.count, date: current()}});
    }
    if (reach) out.push(...reach.data.geojson.features);
    save(`${stem()}.geojson`, new Blob([JSON.stringify({type: "FeatureCollection", features: out})], {type: "application/geo+json"}));
  }
  /** The current view as a PNG: the SVG with its computed styles inlined, drawn on a canvas. */
  async function downloadPng() {
    const clone = svg.cloneNode(true);
    const src = svg.querySelectorAll("*"), dst = clone.querySelectorAll("*");
    const props = ["fill", "stroke", "stroke-width", "stroke-dasharray", "opacity", "font-size", "font-family", "font-weight", "paint-order", "display"];
    src.forEach((n, i) => {
      const cs = getComputedStyle(n);
      dst[i].setAttribute("style", props.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(";"));
    });
    const w = svg.clientWidth * 2, h = svg.clientHeight * 2;
    clone.setAttribute("width", w);
    clone.setAttribute("height", h);
    clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    clone.setAttribute("style", `background:${getComputedStyle(svg).backgroundColor}`);
    const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
    const img = new Image();
    await new Promise((ok, ko) => { img.onload = ok; img.onerror = () => ko(new Error("could not draw the map")); img.src = url; });
    const canvas = document.createElement("canvas");
    canvas.width = w; canvas.height = h;
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = getComputedStyle(svg).backgroundColor;
    ctx.fillRect(0, 0, w, h);
    ctx.drawImage(img, 0, 0, w, h);
    ctx.fillStyle = "#1d2330";
    ctx.font = "24px sans-serif";
    ctx.fillText(`${current()} · indivisible · Natural Earth shapes`, 16, h - 16);
    const blob = await new Promise((ok) => canvas.toBlob(ok, "image/png"));
    save(`${stem()}.png`, blob);
  }

  function fail(e) { IV.showError(e.message); }

  init().catch(fail);
})();
