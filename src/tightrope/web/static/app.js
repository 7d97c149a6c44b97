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
    el("a", { href: "/docs", text: "API" })));
}

function query(params) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) search.set(k, v);
  const text = search.toString();
  return text ? "?" + text : "";
}
