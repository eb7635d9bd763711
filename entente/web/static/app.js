// entente's dashboard: one script, no dependencies, no build step. Every piece of data reaches the
// page as a text node or an attribute value set through the DOM, never as markup.
"use strict";

const EVENT_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"];
const SECTORS = ["politics", "economy", "trade", "investment", "finance", "defence", "security", "energy",
  "transport", "industry", "agriculture", "science_technology", "digital", "education", "culture", "tourism",
  "health", "humanitarian", "legal", "environment", "migration"];
const PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf", "#8c564b", "#e377c2",
  "#7f7f7f", "#bcbd22", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd", "#e6550d",
  "#31a354", "#756bb1", "#636363", "#9c9ede"];
const SVGNS = "http://www.w3.org/2000/svg";
const DATE_RE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

const state = { pairs: [], route: null, article: null };
const cache = new Map();

// ---------- DOM helpers: text always goes in as text ----------
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVGNS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) throw new Error("no inline handlers");
    el.setAttribute(k, v === true ? "" : String(v));
  }
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

function titled(el, text) {
  el.append(s("title", {}, text));
  return el;
}

// ---------- data ----------
async function api(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    for (const one of [].concat(v)) if (one !== null && one !== undefined && one !== "") q.append(k, one);
  }
  const url = path + (q.toString() ? "?" + q : "");
  if (!cache.has(url)) {
    cache.set(url, fetch(url, { headers: { Accept: "application/json" } }).then(async (r) => {
      const body = await r.json().catch(() => ({}));
      if (!r.ok) {
        cache.delete(url);
        throw new Error(body.message || `${r.status} ${r.statusText}`);
      }
      return body;
    }));
  }
  return cache.get(url);
}

// ---------- routing: #/view/part?param=value ----------
function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, query] = raw.split("?", 2);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { view: parts[0] || "timeline", parts, params: new URLSearchParams(query || "") };
}

function pair(params) {
  const a = params.get("a"), b = params.get("b");
  if (a && b) return [a, b];
  return state.pairs.length ? [state.pairs[0].a, state.pairs[0].b] : [null, null];
}

// A link inside the dashboard; keeps the chosen country pair.
function href(path, params) {
  const [a, b] = pair(state.route ? state.route.params : new URLSearchParams());
  const q = new URLSearchParams();
  if (a && b) { q.set("a", a); q.set("b", b); }
  for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== "") q.set(k, v);
  return "#/" + path.map(encodeURIComponent).join("/") + (q.toString() ? "?" + q : "");
}

function link(text, path, params, attrs) {
  return h("a", { href: href(path, params), ...(attrs || {}) }, text);
}

// ---------- formatting ----------
function dateStart(d) {
  if (!d || d.startsWith("-")) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d.split("/")[0]);
  return m ? Date.UTC(+m[1], (+m[2] || 1) - 1, +m[3] || 1) : null;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// one record date as people write it: "20 Jun 2024", "Jun 2024", "2024", "31 Oct"
function dateWords(d) {
  const yearless = d.startsWith("--");
  const parts = (yearless ? d.slice(2) : d).split("-").map(Number);
  if (yearless) return `${parts[1]} ${MONTHS[parts[0] - 1]}`;
  if (parts.length === 3) return `${parts[2]} ${MONTHS[parts[1] - 1]} ${parts[0]}`;
  if (parts.length === 2) return `${MONTHS[parts[1] - 1]} ${parts[0]}`;
  return String(parts[0]);
}

// a record date for people, as entente.dates.human: "14 Jan 2025–15 Jan 2025", "31 Oct (year unknown)", "undated"
function humanDate(d) {
  if (!d) return "undated";
  if (!/^(--)?\d{2,4}(-\d{2}){0,2}(\/(--)?\d{2,4}(-\d{2}){0,2})?$/.test(d)) return d;
  const text = d.split("/").map(dateWords).join("–");
  return d.startsWith("--") ? text + " (year unknown)" : text;
}

// where a date is shown: on the time axis, in the year-unknown lane or the undated one
function laneOf(d) {
  return dateStart(d) !== null ? "dated" : d && d.startsWith("--") ? "year unknown" : "undated";
}

function fmtValue(v, unit) {
  const big = (x) => {
    const abs = Math.abs(x);
    if (abs >= 1e9) return (x / 1e9).toLocaleString("en", { maximumFractionDigits: 2 }) + " bn";
    if (abs >= 1e6) return (x / 1e6).toLocaleString("en", { maximumFractionDigits: 2 }) + " m";
    return x.toLocaleString("en", { maximumFractionDigits: 2 });
  };
  if (unit === "percent") return big(v) + " %";
  if (unit === "count") return big(v);
  return unit + " " + big(v);
}

function colorOf(list, key) {
  const i = list.indexOf(key);
  return PALETTE[(i < 0 ? list.length : i) % PALETTE.length];
}

function swatch(color) {
  return s("svg", { class: "swatch", viewBox: "0 0 10 10", "aria-hidden": "true" }, s("rect", { width: 10, height: 10, fill: color }));
}

function typeLabel(e) {
  return e.type + (e.mode ? " · " + e.mode : "");
}

// ---------- page frame ----------
const main = () => document.getElementById("main");

function show(title, ...content) {
  const m = main();
  m.replaceChildren(h("h2", { id: "view-title" }, title), ...content.filter((c) => c != null));
  document.title = title + " · entente";
}

function showError(err) {
  main().replaceChildren(h("h2", {}, "Something went wrong"), h("p", { class: "error", role: "alert" }, String(err.message || err)));
}

function emptyNote(text) {
  return h("p", { class: "empty" }, text);
}

function markNav(view) {
  for (const a of document.querySelectorAll("nav a")) {
    if (a.dataset.view === view) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
    const p = new URLSearchParams();
    const [x, y] = pair(state.route.params);
    if (x && y) { p.set("a", x); p.set("b", y); }
    a.setAttribute("href", "#/" + a.dataset.view + (p.toString() ? "?" + p : ""));
  }
}

function syncPairSelect() {
  const sel = document.getElementById("pair");
  const [a, b] = pair(state.route.params);
  if (a && b) sel.value = a + "-" + b;
}

// ---------- view: timeline ----------
function filterForm(params, fields) {
  const form = h("form", { class: "filters", "aria-label": "Filters" });
  const add = (name, label, control) => form.append(h("div", { class: "field" }, h("label", { for: "f-" + name }, label), control));
  if (fields.includes("type")) {
    add("type", "Event type", h("select", { id: "f-type", name: "type" }, h("option", { value: "" }, "any"),
      EVENT_TYPES.map((t) => h("option", { value: t, selected: params.get("type") === t }, t))));
  }
  if (fields.includes("sector")) {
    add("sector", "Sector", h("select", { id: "f-sector", name: "sector" }, h("option", { value: "" }, "any"),
      SECTORS.map((t) => h("option", { value: t, selected: params.get("sector") === t }, t.replace("_", " ")))));
  }
  if (fields.includes("actor")) {
    add("actor", "Actor", h("input", { id: "f-actor", name: "actor", type: "text", maxlength: 200, value: params.get("actor") || "", placeholder: "any name or alias" }));
  }
  for (const [name, label] of [["since", "From"], ["until", "To"]]) {
    if (!fields.includes(name)) continue;
    add(name, label, h("input", { id: "f-" + name, name, type: "text", inputmode: "numeric", maxlength: 10, size: 10,
      pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?", placeholder: "YYYY[-MM[-DD]]", value: params.get(name) || "" }));
  }
  form.append(h("div", { class: "field buttons" }, h("button", { type: "submit" }, "Apply"),
    h("button", { type: "reset", class: "secondary" }, "Clear")));
  return form;
}

function bindFilters(form, view) {
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const data = new FormData(form);
    const params = {};
    for (const [k, v] of data.entries()) if (String(v).trim()) params[k] = String(v).trim();
    for (const k of ["since", "until"]) {
      if (params[k] && !DATE_RE.test(params[k])) { form.querySelector("#f-" + k).focus(); return; }
    }
    location.hash = href([view], params);
  });
  form.addEventListener("reset", (ev) => {
    ev.preventDefault();
    location.hash = href([view], {});
  });
}

// a page's total as people read it: the API stops counting at 1,000 and says so
function shownTotal(page) {
  return page.total.toLocaleString("en") + (page.total_exact === false ? "+" : "");
}

async function viewTimeline(route) {
  const [a, b] = pair(route.params);
  const p = route.params;
  const form = filterForm(p, ["type", "sector", "actor", "since", "until"]);
  bindFilters(form, "timeline");
  // one item per happening (event group), each with every article's report of it
  const page = await api("/events", { country: [a, b], type: p.get("type"), sector: p.get("sector"), actor: p.get("actor"),
    since: p.get("since"), until: p.get("until"), sort: "oldest", page_size: 500, by: "group" });
  const groups = page.items;
  const lanes = { dated: [], "year unknown": [], undated: [] };
  for (const g of groups) lanes[laneOf(g.date)].push(g);
  const reports = groups.reduce((n, g) => n + g.reports, 0);
  const counts = Object.entries(lanes).filter(([, gs]) => gs.length).map(([k, gs]) => `${gs.length} ${k}`).join(", ");
  const summary = h("p", { class: "summary", "aria-live": "polite" },
    `${shownTotal(page)} happening${page.total === 1 ? "" : "s"} between ${a} and ${b}` +
    (groups.length ? ` (${reports} report${reports === 1 ? "" : "s"}): ${counts}` : "") +
    (page.total > groups.length ? ` (the first ${groups.length} shown)` : ""));
  const rest = ["year unknown", "undated"].filter((k) => lanes[k].length).map((k) =>
    h("section", { class: "lane", "data-lane": k }, h("h3", {}, `${k === "undated" ? "Undated" : "Year unknown"} (${lanes[k].length})`),
      h("ol", { class: "events" }, lanes[k].map(groupCard))));
  show(`Timeline: ${a} – ${b}`, form, summary, timelineChart(lanes.dated),
    lanes.dated.length || !groups.length ? eventList(lanes.dated, groupCard) : null, ...rest);
}

function timelineChart(events) {
  const dated = events.filter((e) => dateStart(e.date) !== null);
  if (!dated.length) return emptyNote("No dated events to draw.");
  const types = EVENT_TYPES.filter((t) => dated.some((e) => e.type === t));
  const W = 800, left = 92, right = 16, top = 8, R = 6, ROW = 2 * R + 3;
  let t0 = Math.min(...dated.map((e) => dateStart(e.date))), t1 = Math.max(...dated.map((e) => dateStart(e.date)));
  const pad = Math.max((t1 - t0) * 0.04, 15 * 864e5);
  t0 -= pad; t1 += pad;
  const x = (t) => left + ((t - t0) / (t1 - t0)) * (W - left - right);
  // dots that would touch stack in rows within their type's lane, so each stays clickable
  const lanes = types.map((t) => {
    const rows = [], placed = [];
    for (const e of dated.filter((d) => d.type === t).sort((p, q) => dateStart(p.date) - dateStart(q.date))) {
      const cx = x(dateStart(e.date));
      let row = rows.findIndex((last) => cx - last >= ROW);
      if (row < 0) { row = rows.length; rows.push(cx); } else rows[row] = cx;
      placed.push({ e, cx, row });
    }
    return { t, placed, rows: Math.max(rows.length, 1) };
  });
  let y = top;
  for (const lane of lanes) { lane.y = y; y += lane.rows * ROW + 10; }
  const H = y + 24;
  const svg = s("svg", { class: "chart timeline", viewBox: `0 0 ${W} ${H}`, role: "group", "aria-label": "Events over time by type" });
  for (const lane of lanes) {
    const mid = lane.y + (lane.rows * ROW) / 2;
    svg.append(s("line", { x1: left, x2: W - right, y1: mid, y2: mid, class: "grid" }), s("text", { x: left - 6, y: mid + 4, "text-anchor": "end", class: "lbl" }, lane.t));
  }
  // ticks every year, or every quarter when the span is short
  const y0 = new Date(t0).getUTCFullYear(), y1 = new Date(t1).getUTCFullYear();
  const months = y1 - y0 < 3 ? 3 : 12 * Math.max(1, Math.ceil((y1 - y0 + 1) / 10));
  for (let m = 0; y0 * 12 + m <= (y1 + 1) * 12; m += months) {
    const when = Date.UTC(y0, m, 1), tx = x(when);
    if (tx < left || tx > W - right) continue;
    const d = new Date(when), label = d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) : d.toLocaleString("en", { month: "short", timeZone: "UTC" });
    svg.append(s("line", { x1: tx, x2: tx, y1: top, y2: H - 24, class: "tick" }), s("text", { x: tx, y: H - 8, "text-anchor": "middle", class: "lbl" }, label));
  }
  for (const lane of lanes) {
    for (const { e, cx, row } of lane.placed) {
      const who = e.actors.concat(e.targets).join(", ");
      const first = e.evidence[0];
      const a = s("a", { href: href(["article", first.doc_id], { event: first.id }), class: "dot", "data-event": first.id,
        "data-group": e.group_id, "aria-label": `${typeLabel(e)} on ${humanDate(e.date)}${who ? ": " + who : ""}, ${reportsLabel(e)}` },
      s("circle", { cx, cy: lane.y + row * ROW + ROW / 2, r: R, fill: colorOf(EVENT_TYPES, e.type) }));
      titled(a, `${humanDate(e.date)} ${typeLabel(e)} — ${who} (${reportsLabel(e)})`);
      svg.append(a);
    }
  }
  return h("figure", { class: "chart-box" }, svg, h("figcaption", {},
    "Each dot is a happening (all its reports); select it to read the evidence. Those without a year are listed below the dated ones."));
}

function reportsLabel(g) {
  return `${g.reports} report${g.reports === 1 ? "" : "s"}: ${g.outlets.join(", ")}`;
}

// a happening: what its reports say together, then each report's evidence and a link to its article
function groupCard(g) {
  const who = [];
  if (g.actors.length) who.push(g.actors.join(", "));
  if (g.targets.length) who.push("→ " + g.targets.join(", "));
  return h("li", { class: "event group", "data-event": g.evidence[0].id, "data-group": g.group_id, "data-reports": g.reports },
    h("div", { class: "meta" },
      swatch(colorOf(EVENT_TYPES, g.type)), h("strong", {}, typeLabel(g)), " ",
      h("span", { class: "date" }, humanDate(g.date)), " ", h("span", { class: "status" }, g.status),
      g.location ? h("span", { class: "loc" }, " · " + g.location) : null),
    who.length ? h("div", { class: "who" }, who.join(" ")) : null,
    g.sectors.length ? h("div", { class: "tags" }, g.sectors.map((x) => h("span", { class: "tag" }, x.replace("_", " ")))) : null,
    h("div", { class: "reports" }, reportsLabel(g)),
    ...g.evidence.map((r) => h("div", { class: "report" }, h("blockquote", {}, r.evidence.text),
      h("a", { href: href(["article", r.doc_id], { event: r.id }), class: "open" },
        `Open evidence in article (${[r.outlet, r.published ? humanDate(r.published) : null].filter(Boolean).join(", ") || r.doc_id})`))));
}

function eventCard(e) {
  const who = [];
  if (e.actors.length) who.push(e.actors.join(", "));
  if (e.targets.length) who.push("→ " + e.targets.join(", "));
  return h("li", { class: "event", "data-event": e.id },
    h("div", { class: "meta" },
      swatch(colorOf(EVENT_TYPES, e.type)), h("strong", {}, typeLabel(e)), " ",
      h("span", { class: "date" }, humanDate(e.date)), " ", h("span", { class: "status" }, e.status),
      e.location ? h("span", { class: "loc" }, " · " + e.location) : null),
    who.length ? h("div", { class: "who" }, who.join(" ")) : null,
    e.sectors.length ? h("div", { class: "tags" }, e.sectors.map((x) => h("span", { class: "tag" }, x.replace("_", " ")))) : null,
    h("blockquote", {}, e.evidence.text),
    h("a", { href: href(["article", e.doc_id], { event: e.id }), class: "open" }, "Open evidence in article"));
}

function eventList(events, card) {
  if (!events.length) return emptyNote("No events match these filters.");
  return h("ol", { class: "events" }, events.map(card || eventCard));
}

// ---------- view: network ----------
function layout(nodes, edges, W, H) {
  // Fruchterman-Reingold from a circle: deterministic, and quick for the <= 80 nodes drawn
  const n = nodes.length, index = new Map(nodes.map((nd, i) => [nd.id, i]));
  const pos = nodes.map((_, i) => ({ x: W / 2 + (W / 3) * Math.cos((2 * Math.PI * i) / n), y: H / 2 + (H / 3) * Math.sin((2 * Math.PI * i) / n) }));
  const k = 0.6 * Math.sqrt((W * H) / Math.max(n, 1));
  const links = edges.map((e) => [index.get(e.source), index.get(e.target)]).filter(([i, j]) => i !== undefined && j !== undefined);
  for (let it = 0, temp = W / 8; it < 250; it++, temp *= 0.98) {
    const d = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x || 0.01 * (i - j), dy = pos[i].y - pos[j].y, dist = Math.max(Math.hypot(dx, dy), 1);
        const f = (k * k) / dist / dist;
        d[i].x += dx * f; d[i].y += dy * f; d[j].x -= dx * f; d[j].y -= dy * f;
      }
    }
    for (const [i, j] of links) {
      const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y, dist = Math.max(Math.hypot(dx, dy), 1), f = dist / k;
      d[i].x -= dx * f; d[i].y -= dy * f; d[j].x += dx * f; d[j].y += dy * f;
    }
    pos.forEach((p, i) => {
      d[i].x += (W / 2 - p.x) * 0.05; d[i].y += (H / 2 - p.y) * 0.05;
      const len = Math.max(Math.hypot(d[i].x, d[i].y), 0.01), step = Math.min(len, temp);
      p.x = Math.min(W - 70, Math.max(70, p.x + (d[i].x / len) * step));
      p.y = Math.min(H - 45, Math.max(25, p.y + (d[i].y / len) * step));
    });
  }
  return pos;
}

async function viewNetwork(route) {
  const [a, b] = pair(route.params);
  const p = route.params;
  const form = filterForm(p, ["type", "sector", "since", "until"]);
  bindFilters(form, "network");
  const net = await api("/dashboard/network", { country: [a, b], type: p.get("type"), sector: p.get("sector"), since: p.get("since"), until: p.get("until") });
  const actorId = route.view === "actor" ? route.parts[1] : p.get("actor");
  const panel = h("aside", { class: "panel", id: "actor-panel", "aria-live": "polite" });
  show(`Actor network: ${a} – ${b}`, form,
    h("p", { class: "summary" }, `${net.nodes.length} actors in ${net.events} events${net.truncated ? " (the newest only)" : ""}. Circle size: number of events; lines: took part in the same event.`),
    h("div", { class: "split" }, h("div", {}, networkChart(net, a, b, actorId), actorTable(net)), panel));
  if (actorId) await actorPanel(panel, actorId);
  else panel.append(emptyNote("Select an actor to see their roles over time and their events."));
}

function networkChart(net, a, b, selected) {
  if (!net.nodes.length) return emptyNote("No actors for these filters.");
  const nodes = net.nodes.slice(0, 80);
  const W = 800, H = 520;
  const pos = layout(nodes, net.edges, W, H);
  const at = new Map(nodes.map((nd, i) => [nd.id, pos[i]]));
  const max = Math.max(...nodes.map((nd) => nd.events), 1);
  const svg = s("svg", { class: "chart network", viewBox: `0 0 ${W} ${H}`, role: "group", "aria-label": "Who took part in events with whom" });
  for (const e of net.edges) {
    const p = at.get(e.source), q = at.get(e.target);
    if (!p || !q) continue;
    svg.append(titled(s("line", { x1: p.x, y1: p.y, x2: q.x, y2: q.y, class: "edge", "stroke-width": Math.min(1 + e.weight, 8) }), `${e.weight} shared event(s)`));
  }
  nodes.forEach((nd, i) => {
    const r = 6 + 18 * Math.sqrt(nd.events / max);
    const fill = nd.country === a ? "#1f77b4" : nd.country === b ? "#d62728" : "#7f7f7f";
    const g = s("a", { href: href(["actor", String(nd.id)], {}), class: "node" + (String(nd.id) === String(selected) ? " sel" : ""),
      "data-actor": nd.id, "aria-label": `${nd.name}${nd.country ? " (" + nd.country + ")" : ""}, ${nd.events} events` },
    s("circle", { cx: pos[i].x, cy: pos[i].y, r, fill }),
    s("text", { x: pos[i].x, y: pos[i].y + r + 13, "text-anchor": "middle", class: "lbl" }, nd.name));
    svg.append(titled(g, `${nd.name} — ${nd.events} events`));
  });
  const legend = h("p", { class: "legend" }, swatch("#1f77b4"), ` ${a}  `, swatch("#d62728"), ` ${b}  `, swatch("#7f7f7f"), " other or unknown");
  return h("figure", { class: "chart-box" }, svg, h("figcaption", {}, legend));
}

function actorTable(net) {
  return h("details", { class: "table" }, h("summary", {}, "Actors as a table"),
    h("table", {}, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Actor"), h("th", { scope: "col" }, "Country"), h("th", { scope: "col" }, "Events"))),
      h("tbody", {}, net.nodes.map((nd) => h("tr", {}, h("td", {}, link(nd.name, ["actor", String(nd.id)])), h("td", {}, nd.country || "—"), h("td", { class: "num" }, String(nd.events)))))));
}

async function actorPanel(panel, id) {
  const actor = await api("/actors/" + encodeURIComponent(id));
  const sm = actor.summary;
  panel.replaceChildren(
    h("h3", { id: "actor-name" }, sm.name),
    h("p", { class: "meta" }, `${sm.country || "country unknown"} · ${sm.events} events`),
    actor.aliases.length ? h("p", { class: "aliases" }, "Also written: " + actor.aliases.join("; ")) : null,
    h("h4", {}, "Roles over time"),
    actor.roles.length
      ? h("ol", { class: "roles" }, actor.roles.map((r) => h("li", {}, h("span", { class: "date" }, r.date || "undated"), " ", r.role, " ",
        link("(article)", ["article", r.doc_id], { actor: sm.id }))))
      : emptyNote("No roles recorded."),
    h("h4", {}, "Events"),
    actor.events.length ? h("ol", { class: "events compact" }, actor.events.map(eventCard)) : emptyNote("No events."));
}

// ---------- view: trends ----------
async function viewTrends(route) {
  const [a, b] = pair(route.params);
  const period = route.params.get("period") === "month" ? "month" : "year";
  const data = await api(`/dashboard/trends/${a}/${b}`, { period });
  const toggle = h("p", { class: "toggle" }, "By ",
    period === "year" ? h("strong", {}, "year") : link("year", ["trends"], { period: "year" }), " · ",
    period === "month" ? h("strong", {}, "month") : link("month", ["trends"], { period: "month" }));
  show(`Event types and sectors: ${a} – ${b}`, toggle,
    h("h3", {}, "Event types over time"),
    stackedBars(data.by_type.map((r) => ({ period: r.period, key: r.type, count: r.count })), EVENT_TYPES, "type", "Events by type and " + period),
    h("h3", {}, "Sectors over time"),
    stackedBars(data.by_sector.map((r) => ({ period: r.period, key: r.sector, count: r.count })), SECTORS, "sector", "Events by sector and " + period));
}

function periodRange(p) {
  return { since: p, until: p };
}

function stackedBars(rows, keys, param, label) {
  if (!rows.length) return emptyNote("Nothing dated to count.");
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const present = keys.filter((k) => rows.some((r) => r.key === k));
  const totals = new Map(periods.map((p) => [p, rows.filter((r) => r.period === p).reduce((n, r) => n + r.count, 0)]));
  const max = Math.max(...totals.values(), 1);
  const W = 800, H = 260, left = 36, bottom = 28, top = 8;
  const band = (W - left - 8) / periods.length, bw = Math.min(band * 0.7, 60);
  const y = (v) => H - bottom - (v / max) * (H - bottom - top);
  const svg = s("svg", { class: "chart bars", viewBox: `0 0 ${W} ${H}`, role: "group", "aria-label": label });
  for (const t of [0, Math.ceil(max / 2), max]) {
    svg.append(s("line", { x1: left, x2: W - 8, y1: y(t), y2: y(t), class: "grid" }), s("text", { x: left - 4, y: y(t) + 4, "text-anchor": "end", class: "lbl" }, String(t)));
  }
  periods.forEach((p, i) => {
    const x = left + i * band + (band - bw) / 2;
    let acc = 0;
    for (const k of present) {
      const r = rows.find((q) => q.period === p && q.key === k);
      if (!r) continue;
      const a = s("a", { href: href(["timeline"], { [param]: k, ...periodRange(p) }), class: "bar", "data-key": k, "data-period": p,
        "aria-label": `${k}, ${p}: ${r.count}` },
      s("rect", { x, y: y(acc + r.count), width: bw, height: Math.max(y(acc) - y(acc + r.count), 1), fill: colorOf(keys, k) }));
      svg.append(titled(a, `${k} in ${p}: ${r.count}`));
      acc += r.count;
    }
    svg.append(s("text", { x: x + bw / 2, y: H - 10, "text-anchor": "middle", class: "lbl" }, p));
  });
  const legend = h("ul", { class: "legend" }, present.map((k) => h("li", {}, swatch(colorOf(keys, k)), " ", k.replace("_", " "))));
  const table = h("details", { class: "table" }, h("summary", {}, "As a table"),
    h("table", {}, h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Period"), present.map((k) => h("th", { scope: "col" }, k)))),
      h("tbody", {}, periods.map((p) => h("tr", {}, h("th", { scope: "row" }, p), present.map((k) => {
        const r = rows.find((q) => q.period === p && q.key === k);
        return h("td", { class: "num" }, r ? link(String(r.count), ["timeline"], { [param]: k, ...periodRange(p) }) : "");
      }))))));
  return h("figure", { class: "chart-box" }, svg, h("figcaption", {}, legend, "Select a bar to list its events."), table);
}

// ---------- view: indicators ----------
async function viewIndicators(route) {
  const [a, b] = pair(route.params);
  const page = await api(`/facts/${a}/${b}`, { page_size: 500 });
  const series = new Map();
  for (const f of page.items) {
    const key = (f.about || "unspecified").toLowerCase() + "\u0000" + f.unit;
    if (!series.has(key)) series.set(key, { about: f.about || "unspecified", unit: f.unit, facts: [] });
    series.get(key).facts.push(f);
  }
  const list = [...series.values()].sort((x, y) => y.facts.length - x.facts.length || x.about.localeCompare(y.about));
  show(`Indicators: ${a} – ${b}`,
    h("p", { class: "summary" }, `${shownTotal(page)} figures stated in articles about ${a} and ${b}, grouped by what they measure.`),
    list.length ? h("div", { class: "multiples" }, list.map(indicatorChart)) : emptyNote("No figures recorded."));
}

function indicatorChart(ser) {
  const pts = ser.facts.map((f) => ({ f, t: dateStart(f.period) ?? dateStart(f.published) })).filter((p) => p.t !== null).sort((p, q) => p.t - q.t);
  const W = 360, H = 170, left = 78, right = 14, top = 12, bottom = 26;
  const svg = s("svg", { class: "chart indicator", viewBox: `0 0 ${W} ${H}`, role: "group", "aria-label": `${ser.about} (${ser.unit}) over time` });
  if (pts.length) {
    let t0 = pts[0].t, t1 = pts[pts.length - 1].t;
    if (t0 === t1) { t0 -= 180 * 864e5; t1 += 180 * 864e5; }
    const vmax = Math.max(...pts.map((p) => p.f.value), 0), vmin = Math.min(...pts.map((p) => p.f.value), 0);
    const x = (t) => left + ((t - t0) / (t1 - t0)) * (W - left - right);
    const y = (v) => H - bottom - ((v - vmin) / ((vmax - vmin) || 1)) * (H - bottom - top);
    svg.append(s("line", { x1: left, x2: W - right, y1: y(0), y2: y(0), class: "grid" }),
      s("text", { x: left - 4, y: y(vmax) + 4, "text-anchor": "end", class: "lbl" }, fmtValue(vmax, ser.unit)),
      s("text", { x: left, y: H - 8, class: "lbl" }, new Date(t0).getUTCFullYear()),
      s("text", { x: W - right, y: H - 8, "text-anchor": "end", class: "lbl" }, new Date(t1).getUTCFullYear()));
    if (pts.length > 1) svg.append(s("polyline", { points: pts.map((p) => `${x(p.t)},${y(p.f.value)}`).join(" "), class: "line" }));
    for (const p of pts) {
      const f = p.f;
      const a = s("a", { href: href(["article", f.doc_id], { at: f.evidence.start, value: f.value }), class: "point",
        "aria-label": `${fmtValue(f.value, f.unit)} for ${f.period || "an unstated period"}` },
      s("circle", { cx: x(p.t), cy: y(f.value), r: 6 }));
      svg.append(titled(a, `${f.qualifier ? f.qualifier + " " : ""}${fmtValue(f.value, f.unit)} — ${f.period || "period not stated"}`));
    }
  }
  const rows = ser.facts.map((f) => h("li", {}, h("span", { class: "date" }, f.period || "—"), " ",
    link((f.qualifier ? f.qualifier + " " : "") + fmtValue(f.value, f.unit), ["article", f.doc_id], { at: f.evidence.start, value: f.value })));
  return h("figure", { class: "chart-box small" }, h("figcaption", {}, h("strong", {}, ser.about), ` (${ser.unit})`),
    pts.length ? svg : null, h("ul", { class: "facts" }, rows));
}

// ---------- view: articles and one article ----------
async function viewArticles() {
  const page = await api("/articles", { page_size: 200 });
  show("Articles", h("p", { class: "summary" }, `${shownTotal(page)} articles, newest first.`),
    h("ol", { class: "articles" }, page.items.map((x) => h("li", {},
      link(x.title || x.doc_id, ["article", x.doc_id]), " ",
      h("span", { class: "meta" }, [x.published || "undated", x.source, `${x.events} events`].filter(Boolean).join(" · "))))));
}

function markLink(doc, mark) {
  const param = { actor: "actor", event: "event", fact: "fact" }[mark.target];
  return h("a", { href: href(["article", doc], { [param]: mark.id }), class: `mk ${mark.kind}`, "data-target": mark.target, "data-id": mark.id,
    "aria-label": `${mark.kind}: ${mark.label}` }, mark.label);
}

// The article text as nodes: evidence sentences wrap their marks; nothing is parsed as markup.
function articleBody(view) {
  const text = view.text;
  const body = h("div", { class: "text", id: "article-text" });
  const inline = (from, to, into) => {
    let at = from;
    for (const mk of view.marks) {
      if (mk.start < from || mk.end > to) continue;
      if (mk.start > at) into.append(text.slice(at, mk.start));
      into.append(markLink(view.doc_id, mk));
      at = mk.end;
    }
    if (at < to) into.append(text.slice(at, to));
  };
  let at = 0;
  for (const sent of view.sentences) {
    inline(at, sent.start, body);
    const span = h("span", { class: "ev", id: "s-" + sent.start, "data-events": sent.events.join(" "), "data-facts": sent.facts.join(" ") });
    inline(sent.start, sent.end, span);
    body.append(span);
    at = sent.end;
  }
  inline(at, text.length, body);
  return body;
}

async function viewArticle(route) {
  const doc = route.parts[1];
  const view = await api("/dashboard/articles/" + encodeURIComponent(doc));
  if (!(state.article && state.article.doc_id === view.doc_id && document.getElementById("article-text"))) {
    const safeUrl = view.url && /^https?:\/\//i.test(view.url) ? view.url : null;
    const legend = h("ul", { class: "legend marks" }, [["person", "people"], ["date", "dates"], ["number", "numbers"], ["trigger", "event triggers"]]
      .map(([k, label]) => h("li", {}, h("span", { class: "mk " + k }, label))), h("li", {}, h("span", { class: "ev" }, "evidence sentence")));
    show(view.title || view.doc_id,
      h("p", { class: "meta" }, [view.published || "undated", view.source, view.doc_id].filter(Boolean).join(" · "), " ",
        safeUrl ? h("a", { href: safeUrl, rel: "noopener noreferrer nofollow", target: "_blank" }, "original") : null),
      legend,
      h("div", { class: "split" }, h("article", {}, articleBody(view)), h("aside", { class: "panel", id: "record-panel", "aria-live": "polite" })));
  }
  state.article = view;
  selectInArticle(view, route.params);
}

function selectInArticle(view, params) {
  const panel = document.getElementById("record-panel");
  const text = document.getElementById("article-text");
  for (const el of text.querySelectorAll(".sel")) el.classList.remove("sel");
  let target = null;
  const event = params.get("event"), fact = params.get("fact"), actor = params.get("actor"), at = params.get("at");
  if (event) {
    const e = view.events.find((x) => String(x.id) === event);
    for (const el of text.querySelectorAll(".ev")) if (el.dataset.events.split(" ").includes(event)) el.classList.add("sel");
    for (const el of text.querySelectorAll(`.mk[data-target="event"][data-id="${CSS.escape(event)}"]`)) el.classList.add("sel");
    panel.replaceChildren(...(e ? eventRecord(view, e) : [emptyNote("This event is not in this article.")]));
  } else if (fact || at) {
    let f = fact ? view.facts.find((x) => String(x.id) === fact) : null;
    let sentence = null;
    if (!f && at) {
      sentence = view.sentences.find((x) => x.start <= +at && +at < x.end);
      const value = params.get("value");
      if (sentence) f = view.facts.find((x) => sentence.facts.includes(x.id) && (value === null || String(x.value) === value || x.value === +value)) || null;
    }
    if (f) {
      for (const el of text.querySelectorAll(".ev")) if (el.dataset.facts.split(" ").includes(String(f.id))) el.classList.add("sel");
      for (const el of text.querySelectorAll(`.mk[data-target="fact"][data-id="${f.id}"]`)) el.classList.add("sel");
      panel.replaceChildren(...factRecord(f));
    } else if (sentence) {
      document.getElementById("s-" + sentence.start).classList.add("sel");
      panel.replaceChildren(...allRecords(view));
    }
  } else if (actor) {
    const a = view.actors.find((x) => String(x.id) === actor);
    for (const el of text.querySelectorAll(`.mk[data-target="actor"][data-id="${CSS.escape(actor)}"]`)) el.classList.add("sel");
    panel.replaceChildren(...(a ? actorRecord(a) : [emptyNote("This actor is not mentioned here.")]));
  } else {
    panel.replaceChildren(...allRecords(view));
  }
  target = text.querySelector(".mk.sel") || text.querySelector(".ev.sel");
  if (target) {
    // focus follows the selection, so keyboard users land on the evidence they asked for
    if (!target.matches("a")) target.setAttribute("tabindex", "-1");
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  }
}

function actorLinks(view, names) {
  return names.map((n, i) => {
    const a = view.actors.find((x) => x.name === n);
    return [i ? ", " : "", a ? link(n, ["actor", String(a.id)]) : n];
  });
}

function dl(rows) {
  return h("dl", {}, rows.filter(([, v]) => v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && !v.length))
    .map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

function eventRecord(view, e) {
  return [h("h3", {}, "Event"),
    dl([["Type", typeLabel(e)], ["Status", e.status], ["Date", e.date], ["Where", e.location],
      ["Actors", e.actors.length ? actorLinks(view, e.actors) : null], ["Targets", e.targets.length ? actorLinks(view, e.targets) : null],
      ["Countries", e.countries.join(", ")], ["Sectors", e.sectors.join(", ").replaceAll("_", " ")]]),
    h("h4", {}, "Evidence"), h("blockquote", { id: "evidence" }, e.evidence.text),
    h("p", {}, link("All records of this article", ["article", view.doc_id]))];
}

function factRecord(f) {
  return [h("h3", {}, "Figure"),
    dl([["Value", (f.qualifier ? f.qualifier + " " : "") + fmtValue(f.value, f.unit)], ["Unit", f.unit], ["Period", f.period], ["About", f.about]]),
    h("p", {}, link("Indicator charts", ["indicators"]))];
}

function actorRecord(a) {
  return [h("h3", {}, "Person"), dl([["Name", a.name], ["Country", a.country], ["Roles here", a.roles.join("; ")]]),
    h("p", {}, link("Profile, roles over time and events", ["actor", String(a.id)]))];
}

function allRecords(view) {
  const sel = (param, id) => href(["article", view.doc_id], { [param]: id });
  return [h("h3", {}, "Records in this article"),
    h("h4", {}, `Events (${view.events.length})`),
    h("ul", { class: "records" }, view.events.map((e) => h("li", {}, h("a", { href: sel("event", e.id) }, `${typeLabel(e)} ${e.date || ""}`.trim()),
      " ", e.actors.concat(e.targets).join(", ")))),
    h("h4", {}, `Figures (${view.facts.length})`),
    h("ul", { class: "records" }, view.facts.map((f) => h("li", {}, h("a", { href: sel("fact", f.id) }, fmtValue(f.value, f.unit)), " ", f.about || ""))),
    h("h4", {}, `People (${view.actors.length})`),
    h("ul", { class: "records" }, view.actors.map((a) => h("li", {}, h("a", { href: sel("actor", a.id) }, a.name), a.country ? ` (${a.country})` : "")))];
}

// ---------- view: search ----------
async function viewSearch(route) {
  const q = (route.params.get("q") || "").trim();
  document.getElementById("q").value = q;
  if (!q) { show("Search", emptyNote("Type words to find in article text, or a name.")); return; }
  const [hits, actors] = await Promise.all([
    api("/search", { q, page_size: 50 }).catch((err) => ({ items: [], total: 0, error: err.message })),
    api("/actors", { name: q.slice(0, 200), page_size: 50 }).catch((err) => ({ items: [], total: 0, error: err.message }))]);
  show(`Search: ${q}`,
    h("h3", {}, `Actors (${shownTotal(actors)})`),
    actors.error ? h("p", { class: "error" }, actors.error) : null,
    actors.items.length ? h("ul", { class: "records" }, actors.items.map((x) => h("li", {}, link(x.name, ["actor", String(x.id)]),
      ` ${x.country || ""} · ${x.events} events`))) : emptyNote("No actor by that name."),
    h("h3", {}, `Articles (${shownTotal(hits)})`),
    hits.error ? h("p", { class: "error" }, hits.error) : null,
    hits.items.length ? h("ol", { class: "hits" }, hits.items.map((x) => h("li", {}, link(x.title || x.doc_id, ["article", x.doc_id]),
      " ", h("span", { class: "meta" }, x.published || ""), h("p", { class: "snippet" }, x.snippet)))) : emptyNote("No article contains these words."));
}

// ---------- start ----------
const VIEWS = { timeline: viewTimeline, network: viewNetwork, actor: viewNetwork, trends: viewTrends, indicators: viewIndicators,
  articles: viewArticles, article: viewArticle, search: viewSearch };

async function render() {
  const previous = state.route;
  state.route = parseHash();
  const route = state.route;
  const fn = VIEWS[route.view] || viewTimeline;
  delete document.body.dataset.ready;
  markNav(route.view === "actor" ? "network" : route.view === "article" ? "articles" : route.view);
  syncPairSelect();
  if (route.view !== "article") state.article = null;
  const needsPair = !PAIRLESS.includes(route.view);
  if (needsPair && !pair(route.params)[0]) { show("No events yet", emptyNote("The store holds no events between two countries. Ingest articles with `entente ingest`.")); return; }
  const sameView = previous && previous.view === route.view && previous.parts.join("/") === route.parts.join("/");
  try {
    await fn(route);
    if (!sameView && !main().contains(document.activeElement)) main().focus({ preventScroll: true });
    document.body.dataset.ready = route.view;
  } catch (err) {
    showError(err);
    document.body.dataset.ready = "error";
  }
}

const PAIRLESS = ["article", "articles", "search"];

async function start() {
  const select = document.getElementById("pair");
  // the view's own request need not wait for the list of pairs when the address names the pair
  const pairs = api("/dashboard/pairs").catch(() => []);
  select.addEventListener("change", () => {
    const [a, b] = select.value.split("-");
    const route = parseHash();
    route.params.set("a", a);
    route.params.set("b", b);
    const view = PAIRLESS.includes(route.view) ? "timeline" : route.view;
    location.hash = "#/" + (view === route.view ? route.parts.map(encodeURIComponent).join("/") : view) + "?" + route.params;
  });
  document.getElementById("search").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = document.getElementById("q").value.trim();
    if (q) location.hash = href(["search"], { q });
  });
  window.addEventListener("hashchange", render);
  const first = parseHash();
  if (!PAIRLESS.includes(first.view) && !(first.params.get("a") && first.params.get("b"))) state.pairs = await pairs;
  const rendered = render();
  state.pairs = await pairs;
  select.replaceChildren(...state.pairs.map((p) => h("option", { value: p.a + "-" + p.b }, `${p.a} – ${p.b} (${p.events} events)`)));
  await rendered;
  markNav(state.route.view === "actor" ? "network" : state.route.view === "article" ? "articles" : state.route.view);
  syncPairSelect();
}

// ---------- alerts from the watcher, as they arrive (server-sent events) ----------
const MAX_ALERTS = 10;

function alertItem(a) {
  const who = (a.actors || []).join(", ");
  const whom = (a.targets || []).join(", ");
  const text = `${a.type} ${(a.countries || []).join("–")} ${a.date || ""} ${who}${whom ? " → " + whom : ""}`;
  return h("li", {}, h("a", { href: href(["article", a.doc_id]) }, text),
    ` (${a.why}, ${a.source || a.doc_id}): `, h("q", {}, a.evidence));
}

function listenForAlerts() {
  if (!window.EventSource) return;
  const box = document.getElementById("alerts");
  const list = box.querySelector("ul");
  document.getElementById("alerts-clear").addEventListener("click", () => {
    list.replaceChildren();
    box.hidden = true;
  });
  const source = new EventSource("/watch/alerts");
  source.addEventListener("alert", (ev) => {
    let a;
    try { a = JSON.parse(ev.data); } catch { return; }
    list.prepend(alertItem(a));
    while (list.children.length > MAX_ALERTS) list.lastElementChild.remove();
    box.hidden = false;
  });
}

listenForAlerts();
start();
