// Shared helpers for the Tightrope dashboard pages. No external libraries: plain DOM and SVG.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";

function el(tag, attrs = {}, ...children) {
  const node = tag.startsWith("svg:") ? document.createElementNS(SVG_NS, tag.slice(4)) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (key === "onclick") node.addEventListener("click", value);
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

async function getJSON(url) {
  const response = await fetch(url);
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.detail : response.statusText);
  return body;
}

function showError(where, error) {
  where.replaceChildren(el("p", { class: "error", text: "Could not load: " + error.message }));
}

function goldsteinColour(mean) {
  if (mean > 0.5) return "#1a7f37";
  if (mean < -0.5) return "#c4320a";
  return "#98a2b3";
}

function header() {
  document.body.prepend(el("header", {},
    el("strong", { text: "Tightrope" }),
    el("a", { href: "/", text: "Network" }),
    el("a", { href: "/events", text: "Events" }),
    el("a", { href: "/articles", text: "Articles" }),
    el("a", { href: "/docs", text: "API" })));
}

// A date as precise as it is known: "later this year" is stored as the year's first day.
function shownDate(day, precision) {
  if (!day) return "–";
  if (precision === "year") return day.slice(0, 4);
  if (precision === "month") return day.slice(0, 7);
  return day;
}

// A party of an event: its name, with its code when there is one and it differs.
function party(name, code) {
  if (!name) return "–";
  return code && code !== name ? `${name} (${code})` : name;
}

// The page of an article with one event's sentence highlighted and scrolled into view.
function evidenceHref(articleId, mentionId) {
  return `/articles/${encodeURIComponent(articleId)}` + (mentionId ? `?mention=${encodeURIComponent(mentionId)}` : "");
}

// Fill a form from the URL and write the form back into the URL on submit (filters survive reloads
// and can be shared). ``names`` are the fields; ``onChange`` runs with the new values.
function bindForm(form, names) {
  const params = new URLSearchParams(location.search);
  for (const name of names) {
    const field = form.elements[name];
    if (field.type === "checkbox") field.checked = params.get(name) === "true";
    else field.value = params.get(name) || "";
  }
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const values = {};
    for (const name of names) {
      const field = form.elements[name];
      values[name] = field.type === "checkbox" ? (field.checked ? "true" : "") : field.value.trim();
    }
    location.search = query(values);
  });
  const filters = {};
  for (const name of names) filters[name] = params.get(name);
  return filters;
}

// "Showing 51–100 of 321" with previous/next links that keep every other URL parameter.
function pager(total, limit, offset) {
  const box = el("div", { class: "pager" });
  const to = Math.min(offset + limit, total);
  box.append(el("span", { class: "total", text: total ? `${offset + 1}–${to} of ${total}` : "0 of 0" }));
  const link = (label, at, enabled) => {
    const params = new URLSearchParams(location.search);
    params.set("offset", String(at));
    return enabled ? el("a", { href: "?" + params.toString(), class: "page-" + label.toLowerCase(), text: label })
                   : el("span", { class: "muted", text: label });
  };
  box.append(link("Previous", Math.max(0, offset - limit), offset > 0), link("Next", offset + limit, to < total));
  return box;
}

// A table header cell that sorts by ``key`` (toggling direction) through the URL's ``sort``.
function sortHeader(label, key, current) {
  if (!key) return el("th", { text: label });
  const params = new URLSearchParams(location.search);
  const descending = current === "-" + key;
  const next = current === key ? "-" + key : current === "-" + key ? key : (key === "date" || key === "published" ? "-" : "") + key;
  params.set("sort", next);
  params.delete("offset");
  const arrow = current === key ? " ▲" : descending ? " ▼" : "";
  return el("th", { "data-sort": key }, el("a", { href: "?" + params.toString(), text: label + arrow }));
}

const DAY = 86400000;
function day(text) { return Date.parse(text + "T00:00:00Z"); }
function iso(ms) { return new Date(ms).toISOString().slice(0, 10); }
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// Tick dates for a real time axis from start to end (ms): years, months or days, at most about 12.
function timeTicks(start, end) {
  const years = (end - start) / (365.25 * DAY), ticks = [];
  const first = new Date(start);
  if (years > 3) {
    const step = [1, 2, 5, 10, 20, 50].find((s) => years / s <= 12) || 100;
    for (let y = Math.ceil(first.getUTCFullYear() / step) * step; Date.UTC(y, 0, 1) <= end; y += step) {
      if (Date.UTC(y, 0, 1) >= start) ticks.push([Date.UTC(y, 0, 1), String(y)]);
    }
  } else if (end - start > 60 * DAY) {
    const months = (end - start) / (30.44 * DAY), step = [1, 2, 3, 6, 12].find((s) => months / s <= 12);
    let y = first.getUTCFullYear(), m = first.getUTCMonth();
    for (; Date.UTC(y, m, 1) <= end; m += 1) {
      const t = Date.UTC(y, m, 1), month = new Date(t).getUTCMonth();
      if (t >= start && month % step === 0) ticks.push([t, `${MONTHS[month]} ${new Date(t).getUTCFullYear()}`]);
    }
  } else {
    const step = Math.max(1, Math.ceil((end - start) / DAY / 10));
    for (let t = start; t <= end; t += step * DAY) {
      const d = new Date(t); ticks.push([t, `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`]);
    }
  }
  return ticks;
}

// A linear time scale: dates (YYYY-MM-DD) to x, with the ticks of timeTicks as [date, label].
function timeScale(first, last, x0, x1) {
  const t0 = Date.parse(first), t1 = Math.max(Date.parse(last), t0 + DAY);
  const x = (date) => x0 + ((Date.parse(date) - t0) / (t1 - t0)) * (x1 - x0);
  return { x, ticks: timeTicks(t0, t1).map(([t, label]) => [iso(t), label]) };
}

function query(params) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  const text = search.toString();
  return text ? "?" + text : "";
}
