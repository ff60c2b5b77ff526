/* geoevents dashboard: reads the JSON API of the same server and draws with plotly.js.
   Untrusted text (titles, evidence, names) is only ever written with textContent. */
"use strict";

const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2"];
const PLOT_CONFIG = { displaylogo: false, responsive: true };

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

function status(id, text) {
  const node = document.getElementById(id);
  if (node) node.textContent = text;
}

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    throw new Error(message);
  }
  return body;
}

function formQuery(form) {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) params.set(k, String(v).trim());
  // toggles marked data-bool are sent either way: the API's default includes everything
  for (const box of form.querySelectorAll("input[type=checkbox][data-bool]")) params.set(box.name, box.checked ? "true" : "false");
  return params;
}

function fillForm(form) {
  const params = new URLSearchParams(location.search);
  for (const [k, v] of params.entries()) {
    const input = form.elements.namedItem(k);
    if (!input) continue;
    if (input.type === "checkbox") input.checked = v === "true"; else input.value = v;
  }
}

function articleLink(docId, position, title) {
  const a = el("a", title || docId, { href: "/articles/" + encodeURIComponent(docId) + "#ev-" + position });
  return a;
}

function row(cells) {
  const tr = el("tr");
  for (const cell of cells) {
    const td = el("td");
    if (cell instanceof Node) td.appendChild(cell); else td.textContent = cell === null || cell === undefined ? "" : String(cell);
    tr.appendChild(td);
  }
  return tr;
}

function actorLabel(actor) {
  if (!actor) return "";
  return (actor.code || "?") + (actor.name && actor.name !== actor.code ? " " + actor.name : "");
}

function placeName(location) {
  return location ? location.name || location.text || "" : "";
}

function eventDate(e) {
  return e.date || (e.doc_published ? String(e.doc_published).slice(0, 10) + " *" : "?");
}

const QUAD_NAMES = { 0: "no QuadClass", 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
const QUAD_COLORS = { 0: "#b8c0cc", 1: "#8fd19e", 2: "#2ca02c", 3: "#ffb067", 4: "#d62728" };

/* Labels that do not pile up: the most important first, each placed at the first of a few
   positions around its point whose box overlaps no label already placed (else left to the
   hover); no label covers a marker either. points: [{x, y (pixels), text, r (marker radius
   px)}], most important first;
   returns each point's textposition, or null when it gets no label. */
function placeLabels(points, fontPx, preferred) {
  // the markers themselves are obstacles too: a label never covers another point
  const boxes = points.map((p) => { const r = p.r || 4; return { x0: p.x - r, x1: p.x + r, y0: p.y - r, y1: p.y + r }; });
  const overlaps = (b) => boxes.some((o) => b.x0 < o.x1 && b.x1 > o.x0 && b.y0 < o.y1 && b.y1 > o.y0);
  return points.map((p, i) => {
    if (!p.text) return null;
    const w = p.text.length * fontPx * 0.62 + 4, h = fontPx + 4, r = (p.r || 4) + 2;
    const candidates = {
      "top center": { x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y - r - h, y1: p.y - r },
      "bottom center": { x0: p.x - w / 2, x1: p.x + w / 2, y0: p.y + r, y1: p.y + r + h },
      "middle right": { x0: p.x + r, x1: p.x + r + w, y0: p.y - h / 2, y1: p.y + h / 2 },
      "middle left": { x0: p.x - r - w, x1: p.x - r, y0: p.y - h / 2, y1: p.y + h / 2 },
    };
    for (const name of [preferred ? preferred(i) : "top center", ...Object.keys(candidates)]) {
      if (!overlaps(candidates[name])) { boxes.push(candidates[name]); return name; }
    }
    return null;
  });
}

/* Pixel position of data point (x, y) in a drawn plotly chart. */
function toPixels(chart) {
  const xa = chart._fullLayout.xaxis, ya = chart._fullLayout.yaxis;
  return (x, y) => [xa._offset + xa.l2p(x), ya._offset + ya.l2p(y)];
}

/* After plotting: label trace `index` (points sorted by importance) where labels fit, and redraw. */
async function labelWithoutOverlap(chart, index, labels, sizes, preferred) {
  const trace = chart.data[index];
  const pix = toPixels(chart);
  const points = trace.x.map((x, i) => { const [px, py] = pix(x, trace.y[i]); return { x: px, y: py, text: labels[i], r: sizes[i] / 2 }; });
  const positions = placeLabels(points, 12, preferred);
  const data = chart.data.slice();
  data[index] = { ...trace, text: labels.map((t, i) => (positions[i] ? t : "")),
    textposition: positions.map((p) => p || "top center"), textfont: { size: 12, color: "#1d2330" } };
  await Plotly.newPlot(chart, data, chart.layout, PLOT_CONFIG);  // (react drops text added to a trace drawn without)
  return positions.filter(Boolean).length;
}

function bindSorting(table, form, onChange) {
  const input = form.elements.namedItem("sort");
  const mark = () => {
    const current = input.value || "-date";
    for (const th of table.querySelectorAll("th[data-sort]")) {
      const key = th.dataset.sort;
      const active = current.replace(/^-/, "") === key;
      th.classList.toggle("sorted", active);
      th.setAttribute("aria-sort", active ? (current.startsWith("-") ? "descending" : "ascending") : "none");
      th.dataset.arrow = active ? (current.startsWith("-") ? "▼" : "▲") : "";
    }
  };
  for (const th of table.querySelectorAll("th[data-sort]")) {
    th.tabIndex = 0;
    const click = () => {
      const key = th.dataset.sort, current = input.value || "-date";
      const descFirst = key === "date" || key === "goldstein" || key === "quad_class";
      input.value = current.replace(/^-/, "") === key ? (current.startsWith("-") ? key : "-" + key) : (descFirst ? "-" + key : key);
      mark();
      onChange();
    };
    th.addEventListener("click", click);
    th.addEventListener("keydown", (ev) => { if (ev.key === "Enter") click(); });
  }
  mark();
}

function scopeNote(params) {
  const hidden = [];
  if (params.get("statements") === "false") hidden.push("statements (CAMEO 01–02)");
  if (params.get("uncoded") === "false") hidden.push("events without a coded actor");
  return hidden.length ? " Hidden: " + hidden.join(" and ") + " (tick the boxes above to include them)." : "";
}

/* -- overview ----------------------------------------------------------------------------- */

async function overviewPage() {
  const form = document.getElementById("overview-form");
  fillForm(form);
  const draw = async () => {
    const params = formQuery(form);
    history.replaceState(null, "", "?" + params.toString());
    status("overview-status", "loading…");
    try {
      const data = await getJSON("/api/overview?" + params.toString());
      drawCoverage(data.coverage, params);
      drawTimeline(data.timeline);
      drawCountries(data.countries, params);
      drawDyads(data.dyads, params);
      const body = document.querySelector("#latest-table tbody");
      body.replaceChildren();
      for (const e of data.latest) {
        body.appendChild(row([eventDate(e), actorLabel(e.source), e.cameo + " " + (e.plover || ""), actorLabel(e.target),
          e.status, placeName(e.location), e.evidence ? e.evidence.text : "", articleLink(e.doc_id, e.position, e.doc_title)]));
      }
      status("overview-status", data.coverage.shown ? "" : !data.coverage.documents
        ? "The store is empty: geoevents ingest FILES (or geoevents demo for the example)."
        : "No events in this selection." + scopeNote(params));
    } catch (err) {
      status("overview-status", "Error: " + err.message);
    }
  };
  form.addEventListener("submit", (ev) => { ev.preventDefault(); draw(); });
  for (const box of form.querySelectorAll("input[type=checkbox]")) box.addEventListener("change", draw);
  await draw();
}

function drawCoverage(c, params) {
  const node = document.getElementById("coverage");
  node.replaceChildren();
  const card = (value, label, detail) => {
    const div = el("div", null, { class: "card" });
    div.appendChild(el("div", value, { class: "value" }));
    div.appendChild(el("div", label, { class: "label" }));
    if (detail) div.appendChild(el("div", detail, { class: "detail" }));
    node.appendChild(div);
  };
  card(c.documents.toLocaleString(), "documents", c.skipped ? c.skipped + " stored without extraction" : "all extracted");
  card(c.sources.toLocaleString(), c.sources === 1 ? "source" : "sources", c.published_first ? "published " + (c.published_first === c.published_last ? c.published_first : c.published_first + " – " + c.published_last) : "no publication dates");
  const hidden = [];
  if (c.statements_hidden) hidden.push(c.statements + " statements");
  if (c.uncoded_hidden) hidden.push(c.uncoded + " without a coded actor");
  card(c.shown.toLocaleString(), "events shown", "of " + c.events + (hidden.length ? "; hidden: " + hidden.join(", ") + " (may overlap)" : ""));
  card(c.first ? (c.first === c.last ? c.first : c.first + " – " + c.last) : "–", "event dates",
    c.undated ? c.undated + " without a date in the text, placed by publication date" : "every event dated by its text");
  card(c.placed.toLocaleString(), "events with a place", c.shown ? Math.round((100 * c.placed) / c.shown) + "% of those shown" : "");
}

function drawTimeline(timeline) {
  const chart = document.getElementById("timeline-chart");
  const periods = [...new Set(timeline.series.map((r) => r.period))];
  const traces = [0, 1, 2, 3, 4].map((q) => {
    const byPeriod = Object.fromEntries(timeline.series.filter((r) => r.quad_class === q).map((r) => [r.period, r.events]));
    return { x: periods, y: periods.map((p) => byPeriod[p] || 0), type: "bar", name: QUAD_NAMES[q], marker: { color: QUAD_COLORS[q] } };
  }).filter((t) => t.y.some((v) => v > 0));
  Plotly.newPlot(chart, traces, { barmode: "stack", margin: { t: 10, r: 20, b: 40, l: 50 }, legend: { orientation: "h", y: 1.15 },
    xaxis: { type: "date", title: { text: "events by " + timeline.by + " (their own date, else the article's)" } },
    yaxis: { title: { text: "events" } } }, PLOT_CONFIG);
  chart.dataset.points = String(timeline.series.length);
}

function drawBars(chart, labels, values, hover, onClick) {
  Plotly.newPlot(chart, [{ type: "bar", orientation: "h", x: values.slice().reverse(), y: labels.slice().reverse(),
    hovertext: hover.slice().reverse(), hoverinfo: "text", marker: { color: "#2458a6" } }],
  { margin: { t: 10, r: 20, b: 40, l: 150 }, xaxis: { title: { text: "events" } }, yaxis: { automargin: true } }, PLOT_CONFIG);
  chart.dataset.points = String(values.length);
  chart.on("plotly_click", (ev) => { if (ev.points.length) onClick(labels.length - 1 - ev.points[0].pointIndex); });
}

function passScope(params, target) {
  for (const k of ["statements", "uncoded", "since", "until"]) if (params.get(k)) target.set(k, params.get(k));
  return target;
}

function drawCountries(countries, params) {
  drawBars(document.getElementById("countries-chart"), countries.map((c) => c.name + " (" + c.country + ")"),
    countries.map((c) => c.events), countries.map((c) => c.name + ": " + c.events + " events (source " + c.as_source + ", target " + c.as_target + ", place " + c.as_place + ")"),
    (i) => { location.href = "/events?" + passScope(params, new URLSearchParams({ country: countries[i].country })).toString(); });
}

function drawDyads(dyads, params) {
  drawBars(document.getElementById("dyads-chart"), dyads.map((d) => d.a + " – " + d.b), dyads.map((d) => d.events),
    dyads.map((d) => d.a_name + " – " + d.b_name + ": " + d.events + " events, " + d.cooperation + " cooperation, " + d.conflict + " conflict"),
    (i) => { location.href = "/relations?" + passScope(params, new URLSearchParams({ country: dyads[i].a, with: dyads[i].b })).toString(); });
}

/* -- relations ---------------------------------------------------------------------------- */

async function relationsPage() {
  const form = document.getElementById("relations-form");
  fillForm(form);
  const draw = async () => {
    const params = formQuery(form);
    history.replaceState(null, "", "?" + params.toString());
    status("relations-status", "loading…");
    try {
      const data = await getJSON("/api/relations?" + params.toString());
      drawRelations(data);
      const behind = await getJSON("/api/relations/events?" + params.toString() + "&limit=500");
      const body = document.querySelector("#relation-events tbody");
      body.replaceChildren();
      for (const e of behind.items) {
        body.appendChild(row([String(e.day).slice(0, 10) + (e.placed_by_published ? " *" : ""), e.partner, e.source_code,
          e.cameo + " " + (e.plover || ""), e.target_code, e.status, e.evidence_text,
          articleLink(e.doc_id, e.position, e.title)]));
      }
    } catch (err) {
      status("relations-status", "Error: " + err.message);
    }
  };
  form.addEventListener("submit", (ev) => { ev.preventDefault(); draw(); });
  if (form.elements.namedItem("country").value) await draw();
}

function drawRelations(data) {
  const chart = document.getElementById("relations-chart");
  const goldChart = document.getElementById("goldstein-chart");
  const partners = data.partners;
  const traces = [], gold = [];
  let points = 0;
  partners.forEach((partner, i) => {
    const rows = data.series.filter((r) => r.partner === partner);
    const x = rows.map((r) => r.period);
    const color = COLORS[i % COLORS.length];
    const symbols = rows.map((r) => (r.placed_by_published > 0 ? "diamond" : "circle"));
    const text = rows.map((r) => r.events + " events, share of cooperation " +
      (r.cooperation_share === null ? "–" : Math.round(r.cooperation_share * 100) + "%"));
    traces.push({ x, y: rows.map((r) => r.cooperation), name: partner + " cooperation", mode: "lines+markers",
      line: { color }, marker: { symbol: symbols, size: rows.map((r) => (r.cooperation ? 9 : 3)) }, text,
      hovertemplate: "%{x}: %{y} cooperation<br>%{text}<extra>" + partner + "</extra>" });
    traces.push({ x, y: rows.map((r) => r.conflict), name: partner + " conflict", mode: "lines+markers",
      line: { color, dash: "dash" }, marker: { symbol: "x", size: rows.map((r) => (r.conflict ? 8 : 3)) } });
    gold.push({ x, y: rows.map((r) => r.goldstein_mean), name: partner, mode: "lines+markers",
      line: { color }, connectgaps: false });
    points += rows.length;
  });
  const layout = { margin: { t: 40, r: 20, b: 40, l: 50 }, title: { text: data.country + ": cooperation and conflict by " + data.by },
    yaxis: { title: { text: "events" }, rangemode: "tozero" }, legend: { orientation: "h" } };
  Plotly.newPlot(chart, traces, layout, PLOT_CONFIG);
  Plotly.newPlot(goldChart, gold, { margin: { t: 30, r: 20, b: 40, l: 50 }, title: { text: "Goldstein mean" },
    yaxis: { zeroline: true }, showlegend: false }, PLOT_CONFIG);
  chart.dataset.points = String(points);
  goldChart.dataset.points = String(data.series.filter((r) => r.goldstein_mean !== null).length);
  status("relations-status", data.series.length ? points + " points for " + partners.join(", ") + ", by " + data.by + "." :
    "No events between " + data.country + " and " + partners.join(", ") + ".");
}

/* -- events ------------------------------------------------------------------------------- */

async function eventsPage() {
  const form = document.getElementById("events-form");
  const table = document.getElementById("events-table");
  fillForm(form);
  let offset = Number(new URLSearchParams(location.search).get("offset") || 0);
  const limit = 50;
  const load = async () => {
    const params = formQuery(form);
    history.replaceState(null, "", "?" + params.toString() + (offset ? "&offset=" + offset : ""));
    for (const [id, format] of [["download-csv", "csv"], ["download-json", "json"]]) {
      const query = new URLSearchParams(params);
      query.set("format", format);
      document.getElementById(id).href = "/api/events/download?" + query.toString();
    }
    params.set("limit", String(limit));
    params.set("offset", String(offset));
    status("events-status", "loading…");
    try {
      const data = await getJSON("/api/events?" + params.toString());
      const body = table.querySelector("tbody");
      body.replaceChildren();
      for (const e of data.items) {
        body.appendChild(row([eventDate(e), actorLabel(e.source), e.cameo + " " + (e.plover || ""), e.quad_class,
          e.goldstein, actorLabel(e.target), e.status, placeName(e.location), e.group_id === null ? "" : "#" + e.group_id,
          e.evidence ? e.evidence.text : "", articleLink(e.doc_id, e.position, e.doc_title)]));
      }
      table.dataset.total = String(data.total);
      table.dataset.shownSort = params.get("sort") || "-date";  // what the rows are sorted by, once drawn
      status("events-status", data.total + " events; showing " + (data.total ? offset + 1 : 0) + "–" +
        (offset + data.count) + ". * = no date in the text, placed by publication date." + scopeNote(params));
      document.getElementById("prev").disabled = offset === 0;
      document.getElementById("next").disabled = data.next_offset === null;
    } catch (err) {
      status("events-status", "Error: " + err.message);
    }
  };
  form.addEventListener("submit", (ev) => { ev.preventDefault(); offset = 0; load(); });
  for (const box of form.querySelectorAll("input[type=checkbox]")) box.addEventListener("change", () => { offset = 0; load(); });
  bindSorting(table, form, () => { offset = 0; load(); });
  document.getElementById("prev").addEventListener("click", () => { offset = Math.max(0, offset - limit); load(); });
  document.getElementById("next").addEventListener("click", () => { offset += limit; load(); });
  await load();
}

/* -- network ------------------------------------------------------------------------------ */

async function networkPage() {
  const form = document.getElementById("network-form");
  fillForm(form);
  const draw = async () => {
    const params = formQuery(form);
    history.replaceState(null, "", "?" + params.toString());
    try {
      const data = await getJSON("/api/network?" + params.toString());
      const nodes = data.nodes;  // most events first
      const n = nodes.length;
      const pos = {}, angle = {};
      nodes.forEach((node, i) => {
        const a = Math.PI / 2 - (2 * Math.PI * i) / Math.max(n, 1);
        angle[node.id] = a;
        pos[node.id] = [Math.cos(a), Math.sin(a)];
      });
      const maxEvents = Math.max(1, ...data.edges.map((e) => e.events));
      const traces = data.edges.map((e) => ({
        x: [pos[e.source][0], pos[e.target][0]], y: [pos[e.source][1], pos[e.target][1]], mode: "lines",
        line: { width: 1 + 6 * (e.events / maxEvents), color: e.cooperation >= e.conflict ? "rgba(44,160,44,0.6)" : "rgba(214,39,40,0.6)" },
        hoverinfo: "text", text: e.source + " → " + e.target + ": " + e.events + " events", showlegend: false,
      }));
      const sizes = nodes.map((d) => Math.min(40, 10 + 4 * Math.sqrt(d.events)));
      traces.push({ x: nodes.map((d) => pos[d.id][0]), y: nodes.map((d) => pos[d.id][1]),
        mode: "markers+text", text: nodes.map(() => ""), cliponaxis: false,
        hovertext: nodes.map((d) => (d.label && d.label !== d.id ? d.label + " (" + d.id + ")" : d.id) + ": " + d.events + " events, " + d.cooperation + " cooperation, " + d.conflict + " conflict"),
        hoverinfo: "text", marker: { size: sizes, color: "#2458a6" }, showlegend: false });
      const chart = document.getElementById("network-chart");
      await Plotly.newPlot(chart, traces, { margin: { t: 30, r: 60, b: 30, l: 60 },
        xaxis: { visible: false, range: [-1.35, 1.35] }, yaxis: { visible: false, scaleanchor: "x", range: [-1.2, 1.2] } }, PLOT_CONFIG);
      // labels outside the circle, dropped where they would overlap
      const radial = (i) => {
        const c = Math.cos(angle[nodes[i].id]), s = Math.sin(angle[nodes[i].id]);
        if (Math.abs(c) < 0.35) return s > 0 ? "top center" : "bottom center";
        return c > 0 ? "middle right" : "middle left";
      };
      const labelled = n ? await labelWithoutOverlap(chart, traces.length - 1, nodes.map((d) => d.id), sizes, radial) : 0;
      chart.dataset.points = String(n);
      chart.dataset.labels = String(labelled);
      status("network-status", n + (data.level === "country" ? " countries, " : " actors, ") + data.edges.length + " relations" +
        (labelled < n ? "; " + (n - labelled) + " labels left to the hover." : ".") + scopeNote(params));
    } catch (err) {
      status("network-status", "Error: " + err.message);
    }
  };
  form.addEventListener("submit", (ev) => { ev.preventDefault(); draw(); });
  for (const box of form.querySelectorAll("input[type=checkbox]")) box.addEventListener("change", draw);
  await draw();
}

/* -- map ---------------------------------------------------------------------------------- */

/* TopoJSON (world-atlas) -> {id, name, rings: [[[lon, lat], ...], ...]} per country. */
function topoRings(topo, objectName) {
  const [sx, sy] = topo.transform.scale, [tx, ty] = topo.transform.translate;
  const arcs = topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * sx + tx, y * sy + ty]; });
  });
  const ring = (indexes) => {
    const points = [];
    for (const i of indexes) {
      const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
      points.push(...(points.length ? arc.slice(1) : arc));
    }
    return points;
  };
  // A ring crossing the antimeridian jumps from 180 to -180: unwrap it, then draw it again
  // shifted by 360 degrees so that both sides of the map show their part.
  const unwrap = (points) => {
    const out = [];
    for (const [lon, lat] of points) {
      let x = lon;
      if (out.length) { const prev = out[out.length - 1][0]; while (x - prev > 180) x -= 360; while (x - prev < -180) x += 360; }
      out.push([x, lat]);
    }
    const lons = out.map((p) => p[0]);
    const copies = [out];
    if (Math.max(...lons) > 180) copies.push(out.map(([x, y]) => [x - 360, y]));
    if (Math.min(...lons) < -180) copies.push(out.map(([x, y]) => [x + 360, y]));
    return copies;
  };
  return topo.objects[objectName].geometries.map((g) => {
    const polygons = g.type === "Polygon" ? [g.arcs] : g.type === "MultiPolygon" ? g.arcs : [];
    return { id: g.id, name: (g.properties || {}).name, rings: polygons.flatMap((poly) => poly.flatMap((r) => unwrap(ring(r)))) };
  });
}

function ringsTrace(countries, style) {
  const x = [], y = [];
  for (const c of countries) for (const r of c.rings) { for (const [lon, lat] of r) { x.push(lon); y.push(lat); } x.push(null); y.push(null); }
  return { x, y, mode: "lines", type: "scatter", fill: "toself", hoverinfo: "skip", showlegend: false, ...style };
}

let WORLD = null;

async function mapPage() {
  const form = document.getElementById("map-form");
  fillForm(form);
  const draw = async () => {
    const params = formQuery(form);
    history.replaceState(null, "", "?" + params.toString());
    try {
      if (!WORLD) WORLD = topoRings(await getJSON("/static/vendor/world-atlas/countries-110m.json"), "countries");
      const data = await getJSON("/api/map?" + params.toString());
      const places = data.places;  // most events first
      const byNumber = Object.fromEntries(WORLD.map((c) => [c.id, c]));
      const most = Math.max(1, ...data.countries.map((c) => c.events));
      const traces = [ringsTrace(WORLD, { fillcolor: "#eceff3", line: { color: "#a7b0bd", width: 0.6 } })];
      for (const c of data.countries) {
        const shape = byNumber[c.numeric];
        if (!shape) continue;
        const t = ringsTrace([shape], { fillcolor: "rgba(36,88,166," + (0.1 + 0.35 * c.events / most).toFixed(2) + ")", line: { color: "#6d87b3", width: 0.8 },
          hoverinfo: "text", hoveron: "fills", text: c.name + ": " + c.events + " events placed here" });
        traces.push(t);
      }
      const sizes = places.map((p) => Math.min(40, 8 + 5 * Math.sqrt(p.events)));
      traces.push({
        x: places.map((p) => p.lon), y: places.map((p) => p.lat), mode: "markers+text", type: "scatter",
        text: places.map(() => ""), cliponaxis: false,
        hovertext: places.map((p) => p.name + " (" + (p.country || "?") + "): " + p.events + " events — " + (p.examples || "")),
        hoverinfo: "text", marker: { size: sizes, color: "#d62728", opacity: 0.75, line: { color: "#fff", width: 1 } },
        name: "events", showlegend: false,
      });
      const chart = document.getElementById("map-chart");
      await Plotly.newPlot(chart, traces, { margin: { t: 10, r: 10, b: 30, l: 40 }, plot_bgcolor: "#f4f8fc",
        xaxis: { range: [-180, 180], dtick: 30, zeroline: false, showgrid: false },
        yaxis: { range: [-60, 85], dtick: 30, scaleanchor: "x", zeroline: false, showgrid: false } }, PLOT_CONFIG);
      // the biggest places are labelled where the labels fit; at most 12
      const labels = places.map((p, i) => (i < 12 ? p.name : ""));
      const labelled = places.length ? await labelWithoutOverlap(chart, traces.length - 1, labels, sizes) : 0;
      chart.dataset.points = String(places.length);
      chart.dataset.outlines = String(WORLD.length);
      chart.dataset.labels = String(labelled);
      status("map-status", places.length + " places with events in " + data.countries.length + " countries." + scopeNote(params));
    } catch (err) {
      status("map-status", "Error: " + err.message);
    }
  };
  form.addEventListener("submit", (ev) => { ev.preventDefault(); draw(); });
  for (const box of form.querySelectorAll("input[type=checkbox]")) box.addEventListener("change", draw);
  await draw();
}

/* -- article ------------------------------------------------------------------------------ */

function articlePage() {
  const spans = Array.from(document.querySelectorAll("#article-text [data-events]"));
  const focus = (index, on) => {
    for (const span of spans) {
      if (span.dataset.events.split(" ").includes(String(index))) span.classList.toggle("focus", on);
    }
  };
  for (const item of document.querySelectorAll(".event-item")) {
    const index = item.dataset.event;
    item.addEventListener("mouseenter", () => { item.classList.add("focus"); focus(index, true); });
    item.addEventListener("mouseleave", () => { item.classList.remove("focus"); focus(index, false); });
  }
  const hash = location.hash.match(/^#ev-(\d+)$/);
  if (hash) focus(hash[1], true);
}

/* Pages by the body's data-page. A new view registers its function from its own script:
   geoevents.registerPage("alerts", alertsPage) (web/__init__.py: View.scripts). */
const PAGES = { overview: overviewPage, relations: relationsPage, events: eventsPage, network: networkPage, map: mapPage,
  article: articlePage };

function registerPage(name, fn) {
  PAGES[name] = fn;
}

window.geoevents = { registerPage, getJSON, el, row, status, formQuery, fillForm, articleLink, actorLabel, placeName,
  eventDate, labelWithoutOverlap, bindSorting, scopeNote, PLOT_CONFIG, COLORS };

document.addEventListener("DOMContentLoaded", () => {
  const page = PAGES[document.body.dataset.page];
  if (page) page();
});
