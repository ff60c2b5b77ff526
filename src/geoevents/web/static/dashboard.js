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
        body.appendChild(row([e.day + (e.placed_by_published ? " *" : ""), e.partner, e.source_code,
          e.cameo + " " + (e.plover || ""), e.target_code, e.status, e.evidence_text,
          articleLink(e.doc_id, e.position, e.title)]));
      }
    } catch (err) {
      status("relations-status", "Error: " + err.message);
    }
  };
  form.addEventListener("submit", (ev) => { ev.preventDefault(); draw(); });
  await draw();
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
      line: { color }, marker: { symbol: symbols, size: 8 }, text, hovertemplate: "%{x}: %{y} cooperation<br>%{text}<extra>" + partner + "</extra>" });
    traces.push({ x, y: rows.map((r) => r.conflict), name: partner + " conflict", mode: "lines+markers",
      line: { color, dash: "dash" }, marker: { symbol: "x", size: 7 } });
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
  status("relations-status", data.series.length ? points + " points for " + partners.join(", ") :
    "No events between " + data.country + " and " + partners.join(", ") + ".");
}

/* -- events ------------------------------------------------------------------------------- */

async function eventsPage() {
  const form = document.getElementById("events-form");
  fillForm(form);
  let offset = Number(new URLSearchParams(location.search).get("offset") || 0);
  const limit = 50;
  const load = async () => {
    const params = formQuery(form);
    history.replaceState(null, "", "?" + params.toString());
    params.set("limit", String(limit));
    params.set("offset", String(offset));
    status("events-status", "loading…");
    try {
      const data = await getJSON("/api/events?" + params.toString());
      const body = document.querySelector("#events-table tbody");
      body.replaceChildren();
      for (const e of data.items) {
        body.appendChild(row([e.date || (e.doc_published || "?") + " *", actorLabel(e.source),
          e.cameo + " " + (e.plover || ""), actorLabel(e.target), e.status,
          e.location ? e.location.name || e.location.text : "", e.group_id === null ? "" : "#" + e.group_id,
          e.evidence ? e.evidence.text : "", articleLink(e.doc_id, e.position, e.doc_title)]));
      }
      status("events-status", data.total + " events; showing " + (data.total ? offset + 1 : 0) + "–" +
        (offset + data.count) + ". * = no date in the text, placed by publication date.");
      document.getElementById("prev").disabled = offset === 0;
      document.getElementById("next").disabled = data.next_offset === null;
    } catch (err) {
      status("events-status", "Error: " + err.message);
    }
  };
  form.addEventListener("submit", (ev) => { ev.preventDefault(); offset = 0; load(); });
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
      const n = data.nodes.length;
      const pos = {};
      data.nodes.forEach((node, i) => {
        const angle = (2 * Math.PI * i) / Math.max(n, 1);
        pos[node.id] = [Math.cos(angle), Math.sin(angle)];
      });
      const maxEvents = Math.max(1, ...data.edges.map((e) => e.events));
      const traces = data.edges.map((e) => ({
        x: [pos[e.source][0], pos[e.target][0]], y: [pos[e.source][1], pos[e.target][1]], mode: "lines",
        line: { width: 1 + 6 * (e.events / maxEvents), color: e.cooperation >= e.conflict ? "rgba(44,160,44,0.6)" : "rgba(214,39,40,0.6)" },
        hoverinfo: "text", text: e.source + " → " + e.target + ": " + e.events + " events", showlegend: false,
      }));
      traces.push({ x: data.nodes.map((d) => pos[d.id][0]), y: data.nodes.map((d) => pos[d.id][1]),
        mode: "markers+text", text: data.nodes.map((d) => d.id), textposition: "top center",
        hovertext: data.nodes.map((d) => (d.label || d.id) + ": " + d.events + " events"), hoverinfo: "text",
        marker: { size: data.nodes.map((d) => 10 + 4 * Math.sqrt(d.events)), color: "#2458a6" }, showlegend: false });
      const chart = document.getElementById("network-chart");
      Plotly.newPlot(chart, traces, { margin: { t: 20, r: 20, b: 20, l: 20 },
        xaxis: { visible: false }, yaxis: { visible: false, scaleanchor: "x" } }, PLOT_CONFIG);
      chart.dataset.points = String(n);
      status("network-status", n + " actors, " + data.edges.length + " relations.");
    } catch (err) {
      status("network-status", "Error: " + err.message);
    }
  };
  form.addEventListener("submit", (ev) => { ev.preventDefault(); draw(); });
  await draw();
}

/* -- map ---------------------------------------------------------------------------------- */

async function mapPage() {
  const form = document.getElementById("map-form");
  fillForm(form);
  const draw = async () => {
    const params = formQuery(form);
    history.replaceState(null, "", "?" + params.toString());
    try {
      const data = await getJSON("/api/map?" + params.toString());
      const reference = (await getJSON("/api/map/reference")).places;
      const places = data.places;
      const chart = document.getElementById("map-chart");
      Plotly.newPlot(chart, [{
        x: reference.map((p) => p.lon), y: reference.map((p) => p.lat), mode: "markers", type: "scatter",
        hovertext: reference.map((p) => p.capital + ", " + p.name), hoverinfo: "text", name: "capitals",
        marker: { size: 4, color: "#b8c0cc" }, showlegend: false,
      }, {
        x: places.map((p) => p.lon), y: places.map((p) => p.lat), mode: "markers+text", type: "scatter",
        text: places.map((p) => p.name), textposition: "top center",
        hovertext: places.map((p) => p.name + " (" + (p.country || "?") + "): " + p.events + " events — " + (p.examples || "")),
        hoverinfo: "text", marker: { size: places.map((p) => 8 + 5 * Math.sqrt(p.events)), color: "#d62728", opacity: 0.75 },
        name: "events", showlegend: false,
      }], { margin: { t: 20, r: 20, b: 40, l: 50 },
        xaxis: { range: [-180, 180], dtick: 30, title: { text: "longitude" }, zeroline: false },
        yaxis: { range: [-90, 90], dtick: 30, title: { text: "latitude" }, scaleanchor: "x", zeroline: false } }, PLOT_CONFIG);
      chart.dataset.points = String(places.length);
      status("map-status", places.length + " places with events.");
    } catch (err) {
      status("map-status", "Error: " + err.message);
    }
  };
  form.addEventListener("submit", (ev) => { ev.preventDefault(); draw(); });
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

const PAGES = { relations: relationsPage, events: eventsPage, network: networkPage, map: mapPage, article: articlePage };
document.addEventListener("DOMContentLoaded", () => {
  const page = PAGES[document.body.dataset.page];
  if (page) page();
});
