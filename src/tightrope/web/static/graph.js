// The relations network drawn as SVG: a small force-directed layout and a label pass that keeps
// labels apart. Deterministic: the first positions come from a hash of each node's id, never from
// Math.random, so the same data always gives the same picture. Needs app.js (el, goldsteinColour).
"use strict";

const TightropeGraph = (() => {
  const ITERATIONS = 420;
  const LABEL_GAP = 3;  // between a circle and its label
  const PAD = 8;        // kept free inside the drawing's edge
  const REACH = 2.5;    // nodes farther apart than this many ideal edge lengths do not push each other
  const GRAVITY = 3.6;  // the pull to the centre, against the push of the nodes within reach

  // FNV-1a: a fixed pseudo-random number in [0, 1) for an id and a salt.
  function unit(id, salt) {
    let h = 2166136261;
    for (const ch of salt + ":" + id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
    return (h >>> 0) / 4294967296;
  }

  // Node radius by volume on a square-root scale, so area grows with the number of events.
  function radius(events, most, many) {
    const [small, big] = many ? [4, 20] : [6, 26];
    return small + (big - small) * Math.sqrt(events / most);
  }

  // Fruchterman-Reingold with a centring pull, plus a push that keeps circles from overlapping, for one
  // connected group of nodes: nodes [{id, r}], edges [{a, b, events}]; returns {id: [x, y]} inside the box.
  function layoutGroup(nodes, edges, width, height) {
    const n = nodes.length, cx = width / 2, cy = height / 2;
    const index = new Map(nodes.map((node, i) => [node.id, i]));
    const x = new Float64Array(n), y = new Float64Array(n), r = nodes.map((node) => node.r);
    nodes.forEach((node, i) => {
      const angle = 2 * Math.PI * unit(node.id, "angle"), spread = Math.sqrt(unit(node.id, "radius"));
      x[i] = cx + 0.4 * width * spread * Math.cos(angle);
      y[i] = cy + 0.4 * height * spread * Math.sin(angle);
    });
    const k = 0.75 * Math.sqrt((width * height) / Math.max(n, 1));
    const most = Math.max(1, ...edges.map((e) => e.events));
    const springs = edges.filter((e) => index.has(e.a) && index.has(e.b))
      .map((e) => [index.get(e.a), index.get(e.b), 0.6 + 0.8 * Math.log1p(e.events) / Math.log1p(most)]);
    const stretch = width / height;  // the pull is stronger up and down, so the picture fills a wide box
    const dx = new Float64Array(n), dy = new Float64Array(n);
    for (let step = 0; step < ITERATIONS; step++) {
      const heat = 0.1 * width * (1 - step / ITERATIONS) + 0.5;
      dx.fill(0); dy.fill(0);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          let ex = x[i] - x[j], ey = y[i] - y[j];
          let d = Math.hypot(ex, ey);
          if (d < 0.01) {  // two nodes on one spot: part them in a direction fixed by their ids
            ex = unit(nodes[i].id, nodes[j].id) - 0.5; ey = 0.5 - unit(nodes[j].id, nodes[i].id);
            d = Math.max(Math.hypot(ex, ey), 0.01); ex = (ex / d) * 0.01; ey = (ey / d) * 0.01; d = 0.01;
          }
          // Repulsion only at short range (as Fruchterman and Reingold advise): a lone partner of a big
          // cluster then sits by its partner instead of being pushed to the edge of the picture.
          if (d > REACH * k) continue;
          let force = (k * k) / d;
          const room = r[i] + r[j] + 2 * LABEL_GAP;
          if (d < room) force += 4 * k * (room - d) / room;
          dx[i] += (ex / d) * force; dy[i] += (ey / d) * force;
          dx[j] -= (ex / d) * force; dy[j] -= (ey / d) * force;
        }
      }
      for (const [i, j, weight] of springs) {
        const ex = x[i] - x[j], ey = y[i] - y[j], d = Math.max(Math.hypot(ex, ey), 0.01);
        const force = (d * d / k) * weight;
        dx[i] -= (ex / d) * force; dy[i] -= (ey / d) * force;
        dx[j] += (ex / d) * force; dy[j] += (ey / d) * force;
      }
      for (let i = 0; i < n; i++) {
        dx[i] -= GRAVITY * (x[i] - cx) * k / width;
        dy[i] -= GRAVITY * (y[i] - cy) * k / height * stretch;
        const d = Math.hypot(dx[i], dy[i]);
        if (d > 0) { const move = Math.min(d, heat); x[i] += (dx[i] / d) * move; y[i] += (dy[i] / d) * move; }
      }
    }
    fit(x, y, r, width, height, Math.min(70, width / 4), Math.min(40, height / 4));
    const where = {};
    nodes.forEach((node, i) => { where[node.id] = [x[i], y[i]]; });
    return where;
  }

  // Scale and move the layout into the box, then push apart circles that still touch.
  function fit(x, y, r, width, height, marginX, marginY) {
    const n = x.length;
    if (!n) return;
    let left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity;
    for (let i = 0; i < n; i++) {
      left = Math.min(left, x[i] - r[i]); right = Math.max(right, x[i] + r[i]);
      top = Math.min(top, y[i] - r[i]); bottom = Math.max(bottom, y[i] + r[i]);
    }
    // The margins leave room for the labels of the outermost nodes. One axis may stretch a little
    // more than the other, to fill a wide box without distorting the picture much.
    const fx = (width - 2 * marginX) / Math.max(right - left, 1), fy = (height - 2 * marginY) / Math.max(bottom - top, 1);
    const even = Math.min(fx, fy, 3), sx = Math.min(fx, 1.4 * even, 3), sy = Math.min(fy, 1.4 * even, 3);
    const ox = (width - sx * (right - left)) / 2, oy = (height - sy * (bottom - top)) / 2;
    for (let i = 0; i < n; i++) { x[i] = ox + (x[i] - left) * sx; y[i] = oy + (y[i] - top) * sy; }
    for (let round = 0; round < 60; round++) {
      let moved = false;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const ex = x[i] - x[j], ey = y[i] - y[j], d = Math.max(Math.hypot(ex, ey), 0.01);
          const room = r[i] + r[j] + 2 * LABEL_GAP;
          if (d >= room) continue;
          const push = (room - d) / 2;
          x[i] += (ex / d) * push; y[i] += (ey / d) * push; x[j] -= (ex / d) * push; y[j] -= (ey / d) * push;
          moved = true;
        }
      }
      for (let i = 0; i < n; i++) {
        x[i] = Math.min(width - r[i] - PAD, Math.max(r[i] + PAD, x[i]));
        y[i] = Math.min(height - r[i] - PAD, Math.max(r[i] + PAD, y[i]));
      }
      if (!moved) break;
    }
  }

  // The connected groups of the network, biggest first (ties by their first id), each a list of nodes.
  function groups(nodes, edges) {
    const parent = new Map(nodes.map((node) => [node.id, node.id]));
    const root = (id) => { while (parent.get(id) !== id) { parent.set(id, parent.get(parent.get(id))); id = parent.get(id); } return id; };
    for (const edge of edges) if (parent.has(edge.a) && parent.has(edge.b)) parent.set(root(edge.a), root(edge.b));
    const found = new Map();
    for (const node of nodes) {
      const key = root(node.id);
      if (!found.has(key)) found.set(key, []);
      found.get(key).push(node);
    }
    return [...found.values()].sort((p, q) => q.length - p.length || p[0].id.localeCompare(q[0].id));
  }

  // Lay out each connected group in its own box and stack the boxes: big groups across the whole
  // width, small ones (often a single pair) side by side in rows below, so that no far-off pair
  // shrinks the main picture. Returns {where: {id: [x, y]}, height}.
  function layout(nodes, edges, width) {
    const sized = groups(nodes, edges).map((group) => {
      const m = group.length;
      const [w, h] = m >= 12 ? [width, Math.min(900, Math.max(380, 80 * Math.sqrt(m)))]
        : [Math.min(width, 150 + 75 * Math.sqrt(m)), 50 + 45 * Math.sqrt(m)];
      return { group, w, h };
    });
    // Few small groups fit in one row: give them the whole width instead of a corner of it.
    const total = sized.reduce((sum, box) => sum + box.w, 0);
    const grow = total < width ? Math.min(width / total, 2) : 1;
    const rows = [];
    for (const { group, w: w0, h: h0 } of sized) {
      const w = w0 * grow, h = h0 * grow;
      const ids = new Set(group.map((node) => node.id));
      const own = edges.filter((edge) => ids.has(edge.a) && ids.has(edge.b));
      const row = rows[rows.length - 1];
      const box = { w, h, where: layoutGroup(group, own, w, h) };
      if (row && row.w + w <= width + 0.5) { row.boxes.push(box); row.w += w; row.h = Math.max(row.h, h); }
      else rows.push({ boxes: [box], w, h });
    }
    const where = {};
    let y = 0;
    for (const row of rows) {
      let x = (width - row.w) / 2;  // a short row is centred
      for (const box of row.boxes) {
        const dy = (row.h - box.h) / 2;
        for (const [id, [px, py]] of Object.entries(box.where)) where[id] = [x + px, y + dy + py];
        x += box.w;
      }
      y += row.h;
    }
    // Crop the empty bands above and below, leaving room for labels.
    const radius = new Map(nodes.map((node) => [node.id, node.r]));
    const ys = Object.entries(where);
    const top = Math.max(0, Math.min(...ys.map(([id, [, py]]) => py - radius.get(id))) - 40);
    const bottom = Math.min(y, Math.max(...ys.map(([id, [, py]]) => py + radius.get(id))) + 40);
    for (const point of Object.values(where)) point[1] -= top;
    return { where, height: Math.ceil(bottom - top) };
  }

  function overlaps(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }

  function touchesCircle(box, [cx, cy, r]) {
    const nx = Math.max(box.x, Math.min(cx, box.x + box.w)), ny = Math.max(box.y, Math.min(cy, box.y + box.h));
    return Math.hypot(cx - nx, cy - ny) < r + 1;
  }

  function crossesSegment(box, [x1, y1, x2, y2]) {
    // Liang-Barsky clipping: does the segment pass through the box?
    let t0 = 0, t1 = 1;
    const ex = x2 - x1, ey = y2 - y1;
    for (const [p, q] of [[-ex, x1 - box.x], [ex, box.x + box.w - x1], [-ey, y1 - box.y], [ey, box.y + box.h - y1]]) {
      if (p === 0) { if (q < 0) return false; continue; }
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t); else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
    return true;
  }

  // Where a label of size w x h may go around a circle at (x, y) of radius r, best first.
  function candidates(x, y, r, w, h) {
    const out = [];
    for (const far of [LABEL_GAP, LABEL_GAP + 10]) {
      const d = r + far, s = (r + far) * Math.SQRT1_2;
      out.push({ x: x + d, y: y - h / 2 }, { x: x - d - w, y: y - h / 2 },
               { x: x - w / 2, y: y - d - h }, { x: x - w / 2, y: y + d },
               { x: x + s, y: y - s - h }, { x: x - s - w, y: y - s - h },
               { x: x + s, y: y + s }, { x: x - s - w, y: y + s });
    }
    return out.map((p) => ({ ...p, w, h }));
  }

  // Anchor a label on its side nearest the node, so a longer text (the hover copy) grows away from it.
  function anchor(label, box) {
    const side = box.x + box.w <= label.x ? "end" : box.x >= label.x ? "start" : "middle";
    label.text.setAttribute("text-anchor", side);
    label.text.setAttribute("x", side === "end" ? box.x + box.w - 1 : side === "start" ? box.x + 1 : box.x + box.w / 2);
  }

  // Place each label (biggest node first) where it meets no other label, no other circle and as few
  // lines as possible; fall back to the country code; hide it if neither fits (it shows on hover).
  // labels: [{text (an SVG <text> in the document), full, short, x, y, r}], in priority order.
  function placeLabels(labels, circles, segments, width, height) {
    const placed = [];
    for (const label of labels) {
      let best = null;
      for (const words of [label.full, label.short]) {
        label.text.textContent = words;
        label.text.setAttribute("x", 0); label.text.setAttribute("y", 0);
        const size = label.text.getBBox();
        for (const box of candidates(label.x, label.y, label.r, size.width + 2, size.height)) {
          if (box.x < 2 || box.y < 2 || box.x + box.w > width - 2 || box.y + box.h > height - 2) continue;
          if (placed.some((other) => overlaps(box, other))) continue;
          if (circles.some((c) => c !== label.circle && touchesCircle(box, c))) continue;
          const crossings = segments.filter((s) => crossesSegment(box, s)).length;
          if (!best || crossings < best.crossings) best = { box, words, crossings, ascent: -size.y };
          if (crossings === 0) break;
        }
        if (best) break;
      }
      if (!best) {  // kept at its first place, for the hover copy
        label.text.textContent = label.full;
        const size = label.text.getBBox(), box = candidates(label.x, label.y, label.r, size.width + 2, size.height)[0];
        anchor(label, box); label.text.setAttribute("y", box.y - size.y);
        label.text.classList.add("net-label-hidden");
        continue;
      }
      label.text.textContent = best.words;
      anchor(label, best.box);
      label.text.setAttribute("y", best.box.y + best.ascent);
      placed.push(best.box);
    }
  }

  function plural(n, word) { return `${n} ${word}${n === 1 ? "" : "s"}`; }

  // The whole network as an <svg id="network">, appended to container before labels are measured.
  function draw(container, data, onNode, onEdge) {
    const many = data.nodes.length > 40;
    const width = 1100;
    const mostVolume = Math.max(1, ...data.nodes.map((node) => node.events));
    const mostEvents = Math.max(1, ...data.edges.map((edge) => edge.events));
    const nodes = data.nodes.map((node) => ({ ...node, r: radius(node.events, mostVolume, many) }));
    const byId = new Map(nodes.map((node) => [node.id, node]));
    const { where, height } = layout(nodes, data.edges, width);
    const svg = el("svg:svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", id: "network", role: "img",
                                "aria-label": "network of countries linked by their events" });
    container.replaceChildren(svg);
    const edgeLayer = el("svg:g", { class: "net-edges" }), nodeLayer = el("svg:g", { class: "net-nodes" });
    svg.append(edgeLayer, nodeLayer);
    const segments = [], picks = [];
    // Thick lines first, so a thin line crossing a thick one stays clickable on top of it.
    for (const edge of [...data.edges].sort((p, q) => q.events - p.events || (p.a + p.b).localeCompare(q.a + q.b))) {
      const a = byId.get(edge.a), b = byId.get(edge.b);
      const [xa, ya] = where[edge.a], [xb, yb] = where[edge.b];
      const d = Math.max(Math.hypot(xb - xa, yb - ya), 0.01), ux = (xb - xa) / d, uy = (yb - ya) / d;
      // Lines stop at the circles' rims, so the click area of a line never covers a node or another line's end.
      const x1 = xa + ux * (a.r + 2), y1 = ya + uy * (a.r + 2), x2 = xb - ux * (b.r + 2), y2 = yb - uy * (b.r + 2);
      if ((x2 - x1) * ux + (y2 - y1) * uy <= 0) continue;
      segments.push([x1, y1, x2, y2]);
      const title = `${a.name} (${a.id}) – ${b.name} (${b.id}): ${plural(edge.events, "event")}\n` +
        `${a.name} → ${b.name}: ${edge.a_to_b}\n${b.name} → ${a.name}: ${edge.b_to_a}\n` +
        `mean Goldstein ${edge.goldstein_mean}\nclick for the pair's page`;
      const width = 1 + 6 * Math.sqrt(edge.events / mostEvents);
      const reach = Math.max(width + 4, 9);
      const group = el("svg:g", { class: "edge", "data-a": edge.a, "data-b": edge.b },
        el("svg:title", { text: title }),
        el("svg:line", { class: "edge-line", x1, y1, x2, y2, stroke: goldsteinColour(edge.goldstein_mean),
                         "stroke-width": width, "stroke-linecap": "round" }),
        el("svg:line", { class: "edge-hit", x1, y1, x2, y2, "stroke-width": reach }));
      edgeLayer.append(group);
      picks.push({ edge, group, x1, y1, x2, y2, reach: reach / 2 + 0.5 });
    }
    pickNearest(svg, edgeLayer, picks, onEdge);
    const labels = [], circles = [];
    for (const node of [...nodes].sort((p, q) => q.events - p.events || p.id.localeCompare(q.id))) {
      const [x, y] = where[node.id];
      const text = el("svg:text", { class: "net-label", "data-name": node.name });
      const circle = [x, y, node.r];
      nodeLayer.append(el("svg:g", { class: "node", "data-id": node.id, tabindex: 0, role: "link",
                                     "aria-label": `${node.name} (${node.id})`, onclick: () => onNode(node) },
        el("svg:title", { text: `${node.name} (${node.id}): ${plural(node.events, "event")} with ` +
                                `${plural(node.partners, "partner")}, mean Goldstein ${node.goldstein_mean}\n` +
                                "click for the country's page" }),
        el("svg:circle", { cx: x, cy: y, r: node.r, fill: "#344054" }), text));
      circles.push(circle);
      labels.push({ text, circle, full: node.name, short: node.id, x, y, r: node.r });
    }
    placeLabels(labels, circles, segments, width, height);
    highlightOnHover(svg, nodeLayer);
    return { hidden: labels.filter((l) => l.text.classList.contains("net-label-hidden")).length };
  }

  function distance(px, py, { x1, y1, x2, y2 }) {
    const ex = x2 - x1, ey = y2 - y1, t = Math.max(0, Math.min(1, ((px - x1) * ex + (py - y1) * ey) / (ex * ex + ey * ey || 1)));
    return Math.hypot(px - (x1 + t * ex), py - (y1 + t * ey));
  }

  // Where the click areas of two lines overlap (lines that meet at a node, or run side by side), the
  // pointer belongs to the nearest line: that line is raised on top, so its tooltip and highlight are
  // the ones shown, and a click opens that pair and no other.
  function pickNearest(svg, edgeLayer, picks, onEdge) {
    const nearest = (event) => {
      const point = svg.createSVGPoint();
      point.x = event.clientX; point.y = event.clientY;
      const { x, y } = point.matrixTransform(svg.getScreenCTM().inverse());
      let best = null, closest = Infinity;
      for (const pick of picks) {
        const d = distance(x, y, pick);
        if (d <= pick.reach && d < closest) { best = pick; closest = d; }
      }
      return best || picks.find((pick) => pick.group.contains(event.target));
    };
    edgeLayer.addEventListener("mousemove", (event) => {
      const pick = nearest(event);
      if (pick && edgeLayer.lastChild !== pick.group) edgeLayer.append(pick.group);
    });
    edgeLayer.addEventListener("click", (event) => { const pick = nearest(event); if (pick) onEdge(pick.edge); });
  }

  // Hovering (or focusing) a node lights its lines and partners and dims the rest.
  function highlightOnHover(svg, nodeLayer) {
    const edges = [...svg.querySelectorAll(".edge")];
    const overlay = el("svg:g", { class: "net-hover" });
    svg.append(overlay);
    for (const group of nodeLayer.querySelectorAll(".node")) {
      const id = group.dataset.id;
      const on = () => {
        svg.classList.add("net-focus");
        group.classList.add("lit", "hovered");
        for (const edge of edges) {
          if (edge.dataset.a !== id && edge.dataset.b !== id) continue;
          edge.classList.add("lit");
          const other = edge.dataset.a === id ? edge.dataset.b : edge.dataset.a;
          nodeLayer.querySelector(`.node[data-id="${other}"]`).classList.add("lit");
        }
        // A copy of its label goes on top of everything (moving the node itself would restart the hover).
        const label = group.querySelector(".net-label").cloneNode(true);
        label.classList.remove("net-label-hidden");
        label.textContent = label.dataset.name;
        overlay.replaceChildren(label);
      };
      const off = () => {
        overlay.replaceChildren();
        svg.classList.remove("net-focus");
        for (const lit of svg.querySelectorAll(".lit")) lit.classList.remove("lit", "hovered");
      };
      group.addEventListener("mouseenter", on); group.addEventListener("focus", on);
      group.addEventListener("mouseleave", off); group.addEventListener("blur", off);
      group.addEventListener("keydown", (event) => { if (event.key === "Enter") group.dispatchEvent(new Event("click")); });
    }
  }

  return { draw, layout, placeLabels, radius, unit };
})();
