/* geoevents alerts page: reads /api/alerts and draws each alert's series with plotly.js.
   Untrusted text (titles, evidence, names) is only ever written with textContent. */
"use strict";

(function () {
  const PLOT_CONFIG = { displaylogo: false, responsive: true, staticPlot: false };
  const PART_COLORS = { before: "#c9ced8", baseline: "#8a94a6", window: "#d62728", after: "#c9ced8" };

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }

  function setStatus(text) {
    document.getElementById("alerts-status").textContent = text;
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body && body.error ? body.error.message : response.statusText);
    return body;
  }

  function effect(a) {
    if (a.series === "goldstein") return a.direction + " " + (a.effect > 0 ? "+" : "") + a.effect.toFixed(1) + " Goldstein";
    return a.direction + " " + a.effect.toFixed(1) + "x";
  }

  function drawChart(node, alert) {
    const rows = alert.chart || [];
    const y = rows.map((r) => r.value);
    const trace = {
      type: "bar", x: rows.map((r) => r.period), y,
      marker: { color: rows.map((r) => PART_COLORS[r.part] || "#8a94a6") },
      text: rows.map((r) => r.events + " events, " + r.articles + " articles (" + r.part + ")"),
      hovertemplate: "%{x}: %{y}<br>%{text}<extra></extra>",
    };
    const title = alert.series === "goldstein" ? "mean Goldstein score" : alert.series + " events per article";
    Plotly.newPlot(node, [trace], {
      margin: { t: 30, r: 10, b: 40, l: 55 }, title: { text: title, font: { size: 13 } },
      yaxis: { zeroline: true }, showlegend: false, bargap: 0.15,
    }, PLOT_CONFIG);
    node.dataset.points = String(rows.length);
  }

  function renderAlert(alert, index) {
    const box = el("section", null, { class: "alert", id: "alert-" + index });
    const head = el("h2", "#" + (index + 1) + " " + alert.parties + " · " + alert.series + " " + effect(alert));
    box.appendChild(head);
    box.appendChild(el("p", alert.summary + (alert.stored ? "" : " (detected now, not stored: the server is read-only)"),
      { class: "meta" }));
    const chart = el("div", null, { class: "chart small alert-chart" });
    box.appendChild(chart);
    const articles = el("ul", null, { class: "alert-articles" });
    for (const d of alert.articles || []) {
      const li = el("li");
      li.appendChild(el("span", (d.published || "").slice(0, 10) + " ", { class: "meta" }));
      li.appendChild(el("a", d.title || d.doc_id, { href: "/articles/" + encodeURIComponent(d.doc_id) }));
      articles.appendChild(li);
    }
    box.appendChild(el("h3", "Articles (" + (alert.articles || []).length + ")"));
    box.appendChild(articles);
    const table = el("table", null, { class: "data alert-events" });
    const headRow = el("tr");
    for (const name of ["source", "event", "target", "status", "evidence"]) headRow.appendChild(el("th", name));
    const thead = el("thead");
    thead.appendChild(headRow);
    table.appendChild(thead);
    const body = el("tbody");
    for (const e of alert.events || []) {
      const tr = el("tr");
      tr.appendChild(el("td", e.source_code || ""));
      tr.appendChild(el("td", (e.cameo || "") + " " + (e.plover || "")));
      tr.appendChild(el("td", e.target_code || ""));
      tr.appendChild(el("td", e.status || ""));
      const td = el("td", null, { class: "evidence" });
      td.appendChild(el("a", e.evidence_text || "(evidence)", {
        href: "/articles/" + encodeURIComponent(e.doc_id) + "#ev-" + e.position }));
      tr.appendChild(td);
      body.appendChild(tr);
    }
    table.appendChild(body);
    box.appendChild(el("h3", "Events (" + (alert.events || []).length + ")"));
    box.appendChild(table);
    return [box, chart];
  }

  async function load(form) {
    const params = new URLSearchParams();
    const since = form.elements.namedItem("since").value.trim();
    if (since) params.set("since", since);
    history.replaceState(null, "", "?" + params.toString());
    params.set("limit", "100");
    setStatus("loading…");
    const holder = document.getElementById("alerts");
    holder.replaceChildren();
    try {
      const data = await getJSON("/api/alerts?" + params.toString());
      data.items.forEach((alert, i) => {
        const [box, chart] = renderAlert(alert, i);
        holder.appendChild(box);
        drawChart(chart, alert);
      });
      setStatus(data.items.length ? data.total + " alerts" + (data.next_offset ? " (first " + data.items.length + " shown)" : "")
        : "No alerts: no series has broken from its baseline.");
    } catch (err) {
      setStatus("Error: " + err.message);
    }
  }

  const form = document.getElementById("alerts-form");
  const since = new URLSearchParams(location.search).get("since");
  if (since) form.elements.namedItem("since").value = since;
  form.addEventListener("submit", (ev) => { ev.preventDefault(); load(form); });
  load(form);
})();
