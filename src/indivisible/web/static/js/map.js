"use strict";
// The map page: states coloured by alliance on the slider's date, deployments of an example
// scenario, and a deployment's range ring with the capitals it reaches.

(() => {
  const svg = document.getElementById("map");
  const gCountries = document.getElementById("countries");
  const gRings = document.getElementById("rings");
  const gCapitals = document.getElementById("capitals");
  const gMarkers = document.getElementById("markers");
  const slider = document.getElementById("year");
  const out = document.getElementById("map-date");
  const select = document.getElementById("scenario");
  const countryInfo = document.getElementById("country-info");
  const reachInfo = document.getElementById("reach-info");
  const {api, el} = IV;
  let reviewed = null;
  let alliances = {};
  let ticket = 0;

  function dateOf(year) {
    const d = `${year}-12-31`;
    return reviewed && d > reviewed ? reviewed : d;
  }

  function stateOf(path) {
    return alliances[path.dataset.iso3] || alliances[path.dataset.sovereign];
  }

  function showCountry(props) {
    const s = alliances[props.iso3] || alliances[props.sovereign];
    countryInfo.replaceChildren(
      el("h2", {}, props.name),
      s ? el("p", {}, `${s.exists ? "" : "Not a state on this date. "}Alliance: `,
        el("strong", {"data-testid": "country-alliance"}, s.alliance.toUpperCase()),
        ` · member of: ${s.memberships.join(", ").toUpperCase() || "none"}`,
        props.sovereign !== props.iso3 && alliances[props.sovereign] && !alliances[props.iso3]
          ? ` (territory of ${alliances[props.sovereign].name})` : "")
        : el("p", {}, "Not in the record (drawn for orientation)."),
      el("p", {class: "hint"}, `On ${out.value}.`));
  }

  async function init() {
    svg.setAttribute("viewBox", IV.viewBox());
    const meta = await api("/api/meta");
    reviewed = meta.coverage.reviewed;
    const params = new URLSearchParams(window.location.search);
    slider.max = reviewed.slice(0, 4);
    slider.value = params.get("year") || slider.max;
    const list = await api("/api/scenarios");
    for (const s of list.scenarios) select.append(el("option", {value: s.name}, `${s.title} (${s.date})`));
    if (params.get("scenario")) select.value = params.get("scenario");
    const geo = await (await fetch("/api/geo/countries")).json();
    for (const f of geo.features) {
      const p = f.properties;
      gCountries.append(el("path", {
        d: IV.geometryPath(f.geometry), class: "country", "data-testid": `country-${p.iso3}`,
        "data-iso3": p.iso3, "data-sovereign": p.sovereign, "data-alliance": "absent",
        onclick: () => showCountry(p),
      }, el("title", {}, p.name)));
    }
    slider.addEventListener("input", () => update().catch(fail));
    select.addEventListener("change", () => update().catch(fail));
    await update();
    svg.dataset.ready = "true";
  }

  async function update() {
    const mine = ++ticket;
    const on = dateOf(slider.value);
    out.value = on;
    const data = await api("/api/alliances", {on});
    if (mine !== ticket) return;
    alliances = Object.fromEntries(data.states.map((s) => [s.state, s]));
    for (const path of gCountries.children) {
      const s = stateOf(path);
      path.dataset.alliance = s && s.exists ? s.alliance : "absent";
      path.firstChild.textContent = `${path.firstChild.textContent.split(" · ")[0]} · ${path.dataset.alliance}`;
    }
    svg.dataset.date = on;
    await drawDeployments(on, mine);
    IV.showError(null);
  }

  async function drawDeployments(on, mine) {
    const name = select.value;
    if (!name) {
      gMarkers.replaceChildren();
      clearReach();
      return;
    }
    const sc = await api(`/api/scenarios/${encodeURIComponent(name)}`, {on});
    if (mine !== ticket) return;
    gMarkers.replaceChildren(...sc.deployments.map((d) => {
      const [x, y] = IV.project(d.site.lon, d.site.lat);
      return el("path", {
        d: `M${x.toFixed(1)},${(y - 14).toFixed(1)}l12,22h-24z`, class: "deployment",
        "data-testid": `deployment-${d.id}`, tabindex: 0, role: "button",
        onclick: () => showReach(name, d, on).catch(fail),
      }, el("title", {}, `${d.id}: ${d.count} ${d.system} (${d.owner}) at ${d.site.name}`));
    }));
    svg.dataset.deployments = String(sc.deployments.length);
  }

  function clearReach() {
    gRings.replaceChildren();
    gCapitals.replaceChildren();
  }

  async function showReach(scenario, dep, on) {
    const r = await api("/api/reach", {scenario, deployment: dep.id, on});
    clearReach();
    for (const f of r.geojson.features) {
      if (f.properties.kind === "range_ring") {
        gRings.append(el("path", {d: IV.geometryPath(f.geometry), class: "ring",
          "data-testid": "reach-ring", "data-reading": f.properties.reading},
        el("title", {}, `${f.properties.system}: ${f.properties.range_km} km (${f.properties.reading})`)));
      } else if (f.properties.kind === "capital" && f.properties.reachable) {
        const [x, y] = IV.project(...f.geometry.coordinates);
        gCapitals.append(el("circle", {cx: x.toFixed(1), cy: y.toFixed(1), r: 7, class: "capital"},
          el("title", {}, f.properties.capital)));
      }
    }
    const reached = r.targets.filter((t) => t.reachable);
    reachInfo.replaceChildren(
      el("h2", {}, `${dep.id}: ${r.system}`),
      el("p", {}, `${dep.count} ${dep.count_of || ""} at ${dep.site.name} (${dep.owner} in ${dep.host}), `,
        `range ${Object.entries(r.range_readings || {default: r.range_km}).map(([k, v]) => `${v} km (${k})`).join(", ")}. `,
        el("strong", {"data-testid": "reach-count"}, `${reached.length}`), " capitals within range."),
      IV.table(["Capital", "State", "Distance (km)", "Warning time (min)"],
        reached.map((t) => ({attrs: {"data-testid": `reach-row-${t.state}`},
          cells: [t.capital, t.state, IV.fmt(t.distance_km, 0), IV.fmt(t.flight_time_min, 1)]})),
        {"data-testid": "reach-table"}));
  }

  function fail(e) { IV.showError(e.message); }

  init().catch(fail);
})();
