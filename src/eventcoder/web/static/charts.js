// eventcoder dashboard charts: map, timeline, network, drawn as plain SVG (Apache-2.0).
// Needs topojson-client (vendored) for the map. Data come from the REST API with the page's
// filters (data-query on each chart element).
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var typesPromise = null;
  var quads = {};  // quad class -> {label, colour}, from plover-types.json
  var QUAD_ORDER = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }
  function title(node, text) { el("title", {}, node).textContent = text; }
  function svgIn(box, w, h) {
    box.textContent = "";
    return el("svg", { viewBox: "0 0 " + w + " " + h, preserveAspectRatio: "xMidYMid meet" }, box);
  }
  function noData(box, text) {
    box.textContent = "";
    var p = document.createElement("p");
    p.className = "nodata";
    p.textContent = text;
    box.appendChild(p);
  }
  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.json();
    });
  }
  function withQuery(path, query, extra) {
    var parts = [query, extra].filter(Boolean).join("&");
    return parts ? path + "?" + parts : path;
  }
  function types() {
    if (!typesPromise) typesPromise = getJSON("/static/plover-types.json").then(function (d) { quads = d.quads || {}; return d.types; });
    return typesPromise;
  }
  function colourOf(info, type) { return (info[type] && info[type].colour) || "#888"; }
  function quadOf(info, type) { return (info[type] && info[type].quad) || "unknown"; }
  function quadColour(q) { return (quads[q] && quads[q].colour) || "#888"; }
  // a pie of the marker's quad classes (one full circle when there is only one)
  function pie(parent, cx, cy, r, byQuad, attrs) {
    var keys = QUAD_ORDER.filter(function (q) { return byQuad[q]; });
    Object.keys(byQuad).forEach(function (q) { if (keys.indexOf(q) < 0) keys.push(q); });
    var total = keys.reduce(function (a, q) { return a + byQuad[q]; }, 0);
    if (keys.length === 1) {
      return el("circle", Object.assign({ cx: cx.toFixed(2), cy: cy.toFixed(2), r: r.toFixed(2), fill: quadColour(keys[0]), "data-quad": keys[0] }, attrs), parent);
    }
    var g = el("g", { class: "marker-mix" }, parent);
    var a0 = -Math.PI / 2;
    keys.forEach(function (q) {
      var a1 = a0 + 2 * Math.PI * byQuad[q] / total;
      var large = a1 - a0 > Math.PI ? 1 : 0;
      var d = "M" + cx.toFixed(2) + "," + cy.toFixed(2) + "L" + (cx + r * Math.cos(a0)).toFixed(2) + "," + (cy + r * Math.sin(a0)).toFixed(2) +
        "A" + r.toFixed(2) + "," + r.toFixed(2) + " 0 " + large + " 1 " + (cx + r * Math.cos(a1)).toFixed(2) + "," + (cy + r * Math.sin(a1)).toFixed(2) + "Z";
      el("path", { class: "slice", d: d, fill: quadColour(q), "data-quad": q }, g);
      a0 = a1;
    });
    // the clickable, counted marker on top (transparent fill keeps the slices visible)
    return el("circle", Object.assign({ cx: cx.toFixed(2), cy: cy.toFixed(2), r: r.toFixed(2), fill: "transparent", "data-mix": keys.join(" ") }, attrs), g);
  }

  // ---- map: equirectangular projection, Natural Earth country shapes, one circle per place
  function project(lon, lat) { return [(lon + 180) * 2, (90 - lat) * 2]; } // 720 x 360 world

  function ringPath(ring) {
    return ring.map(function (p, i) {
      var xy = project(p[0], p[1]);
      return (i ? "L" : "M") + xy[0].toFixed(1) + "," + xy[1].toFixed(1);
    }).join("") + "Z";
  }
  function shapePath(geom) {
    if (!geom) return "";
    var polys = geom.type === "Polygon" ? [geom.coordinates] : geom.coordinates;
    return polys.map(function (poly) { return poly.map(ringPath).join(""); }).join("");
  }

  function drawMap(box, query) {
    return Promise.all([
      getJSON("/static/vendor/countries-110m.json"),
      getJSON(withQuery("/events", query, "limit=1000&total=false")),
      types(),
    ]).then(function (res) {
      var world = res[0], events = res[1].events, info = res[2];
      var places = {};
      events.forEach(function (ev) {
        var loc = ev.location;
        if (!loc || loc.lat == null || loc.lon == null) return;
        var key = loc.lat.toFixed(2) + "," + loc.lon.toFixed(2);
        var p = places[key] || (places[key] = { lat: loc.lat, lon: loc.lon, name: loc.name || loc.text || "", n: 0, byType: {}, first: ev });
        p.n += 1;
        p.byType[ev.type] = (p.byType[ev.type] || 0) + 1;
        var q = quadOf(info, ev.type);
        p.byQuad = p.byQuad || {};
        p.byQuad[q] = (p.byQuad[q] || 0) + 1;
      });
      var list = Object.keys(places).map(function (k) { return places[k]; });
      var svg = svgIn(box, 720, 300);
      // view: fit the markers (at least 60 x 25 degrees), or the inhabited world
      var x0 = 0, y0 = 12, w = 720, h = 300;
      if (list.length) {
        var xs = list.map(function (p) { return project(p.lon, p.lat)[0]; });
        var ys = list.map(function (p) { return project(p.lon, p.lat)[1]; });
        var cx = (Math.min.apply(null, xs) + Math.max.apply(null, xs)) / 2;
        var cy = (Math.min.apply(null, ys) + Math.max.apply(null, ys)) / 2;
        w = Math.min(720, Math.max(120, (Math.max.apply(null, xs) - Math.min.apply(null, xs)) * 1.6));
        h = Math.max(50, (Math.max.apply(null, ys) - Math.min.apply(null, ys)) * 1.6);
        if (w / h > 2.4) h = w / 2.4; else w = Math.min(720, h * 2.4);
        h = Math.min(h, 300);
        x0 = Math.max(0, Math.min(720 - w, cx - w / 2));
        y0 = Math.max(0, Math.min(360 - h, cy - h / 2));
      }
      svg.setAttribute("viewBox", [x0, y0, w, h].map(function (v) { return v.toFixed(1); }).join(" "));
      var k = w / 720;
      el("rect", { class: "sea", x: 0, y: 0, width: 720, height: 360 }, svg);
      var land = el("g", { class: "countries" }, svg);
      topojson.feature(world, world.objects.countries).features.forEach(function (f) {
        if (f.properties && f.properties.name === "Antarctica") return;
        var path = el("path", { class: "country", d: shapePath(f.geometry) }, land);
        title(path, (f.properties && f.properties.name) || "");
      });
      var markers = el("g", { class: "markers" }, svg);
      list.sort(function (a, b) { return b.n - a.n; }).forEach(function (p) {
        var top = Object.keys(p.byType).sort(function (a, b) { return p.byType[b] - p.byType[a]; });
        var xy = project(p.lon, p.lat);
        var link = el("a", { href: "/ui/articles/" + encodeURIComponent(p.first.article_id) + "#ev-" + encodeURIComponent(p.first.id) }, markers);
        var c = pie(link, xy[0], xy[1], (3 + 2.2 * Math.sqrt(p.n)) * Math.max(k, 0.2), p.byQuad, { class: "marker", "data-count": p.n });
        title(c, p.name + ": " + top.map(function (t) { return t + " " + p.byType[t]; }).join(", "));
      });
      // legend below the map (never over it): the quad classes present
      var shown = {};
      list.forEach(function (p) { Object.keys(p.byQuad).forEach(function (q) { shown[q] = 1; }); });
      var legend = document.createElement("p");
      legend.className = "map-legend legend";
      QUAD_ORDER.concat(Object.keys(shown).filter(function (q) { return QUAD_ORDER.indexOf(q) < 0; }))
        .filter(function (q) { return shown[q]; }).forEach(function (q) {
          var item = document.createElement("span");
          item.className = "legend-item";
          item.setAttribute("data-quad", q);
          var sw = document.createElement("span");
          sw.className = "swatch";
          sw.style.background = quadColour(q);
          item.appendChild(sw);
          item.appendChild(document.createTextNode((quads[q] && quads[q].label) || q));
          legend.appendChild(item);
        });
      if (list.length) box.appendChild(legend);
      if (!list.length) {
        var t = el("text", { x: 360, y: 160, "text-anchor": "middle", class: "nodata-text", fill: "#5b6472" }, svg);
        t.textContent = "no events with a location";
      }
    });
  }

  // ---- timeline: stacked bars per day, one colour per type
  function drawTimeline(box, query) {
    return Promise.all([getJSON(withQuery("/timeline", query)), types()]).then(function (res) {
      var data = res[0], info = res[1];
      var days = data.days;
      if (!days.length) { noData(box, "no dated events"); return; }
      var lastYear = null;
      var label = function (d) {  // the year on the first label and wherever it changes
        var year = d.slice(0, 4), withYear = year !== lastYear;
        lastYear = year;
        if (data.bucket === "month") return d.slice(0, 7);
        return withYear ? d : d.slice(5);
      };
      var idx = {}, totals = days.map(function () { return 0; }), cells = {};
      days.forEach(function (d, i) { idx[d] = i; });
      data.series.forEach(function (r) {
        if (!(r.day in idx)) return;
        totals[idx[r.day]] += r.count;
        (cells[r.day] = cells[r.day] || []).push(r);
      });
      var raw = Math.max.apply(null, totals) || 1;
      var mag = Math.pow(10, Math.floor(Math.log10(raw / 4 || 1)));
      var tick = [1, 2, 5, 10].map(function (m) { return m * mag; }).filter(function (v) { return v >= raw / 4; })[0] || mag;
      tick = Math.max(1, tick);
      var max = Math.ceil(raw / tick) * tick;
      var W = Math.max(420, Math.round(box.clientWidth || 600)), H = 260, L = 34, B = 40, T = 10;
      var perRow = Math.max(2, Math.floor((W - L) / 140)), legendH = 16 * Math.ceil(data.types.length / perRow);
      var svg = svgIn(box, W, H + legendH);
      var bw = (W - L - 10) / days.length;
      var axis = el("g", { class: "axis" }, svg);
      for (var v = 0; v <= max; v += tick) {
        var y = T + (H - T - B) * (1 - v / max);
        el("line", { x1: L, x2: W - 10, y1: y, y2: y }, axis);
        el("text", { x: L - 4, y: y + 4, "text-anchor": "end" }, axis).textContent = v;
      }
      var step = Math.max(1, Math.ceil(days.length / 8));
      var bars = el("g", { class: "bars" }, svg);
      days.forEach(function (d, i) {
        var x = L + i * bw, y = H - B;
        (cells[d] || []).sort(function (a, b) { return data.types.indexOf(a.type) - data.types.indexOf(b.type); })
          .forEach(function (r) {
            var h = (H - T - B) * r.count / max;
            y -= h;
            var rect = el("rect", { class: "bar", "data-type": r.type, x: (x + bw * 0.1).toFixed(2), y: y.toFixed(2),
              width: Math.max(1, bw * 0.8).toFixed(2), height: h.toFixed(2), fill: colourOf(info, r.type) }, bars);
            title(rect, (data.bucket === "day" ? "" : data.bucket + " of ") + d + ": " + r.type + " " + r.count);
          });
        if (i % step === 0) {
          el("text", { x: (x + bw / 2).toFixed(1), y: H - B + 14, "text-anchor": "middle" }, axis).textContent = label(d);
        }
      });
      var clipped = data.clipped || {};
      if (clipped.before || clipped.after) {
        var note = el("text", { class: "clipped-note", x: W - 10, y: T + 2, "text-anchor": "end", "font-size": 11, fill: "#5b6472" }, svg);
        note.textContent = [clipped.before ? clipped.before + " earlier" : "", clipped.after ? clipped.after + " later" : ""]
          .filter(Boolean).join(", ") + " event(s) outside the shown range";
      }
      var legend = el("g", { class: "legend" }, svg);
      data.types.forEach(function (t, i) {
        var x = L + (i % perRow) * 140, y = H - 8 + 16 * Math.floor(i / perRow);
        el("rect", { x: x, y: y - 9, width: 10, height: 10, fill: colourOf(info, t) }, legend);
        el("text", { x: x + 14, y: y }, legend).textContent = t;
      });
    });
  }

  // ---- network: actors on a circle, edges source -> target, green cooperative / red hostile
  function drawNetwork(box, query) {
    return getJSON(withQuery("/network", query, "limit=40")).then(function (data) {
      var edges = data.edges || [];
      if (!edges.length) { noData(box, "no events with both a source and a target"); return; }
      var weight = {};
      edges.forEach(function (e) {
        weight[e.source] = (weight[e.source] || 0) + e.count;
        weight[e.target] = (weight[e.target] || 0) + e.count;
      });
      var names = Object.keys(weight).sort(function (a, b) { return weight[b] - weight[a]; });
      var W = Math.max(420, Math.round(box.clientWidth || 600));
      var H = Math.round(Math.max(380, Math.min(640, W * 0.55))), cx = W / 2, cy = H / 2;
      var R = Math.min(W, H) / 2 - 70;
      var pos = {};
      names.forEach(function (n, i) {
        var a = -Math.PI / 2 + 2 * Math.PI * i / names.length;
        pos[n] = [cx + R * Math.cos(a), cy + R * Math.sin(a), a];
      });
      var svg = svgIn(box, W, H);
      var defs = el("defs", {}, svg);
      [["coop", "#1b9e3a"], ["host", "#c0282f"], ["mixed", "#8a8f98"]].forEach(function (m) {
        var mk = el("marker", { id: "arrow-" + m[0], viewBox: "0 0 10 10", refX: 16, refY: 5, markerWidth: 9,
          markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" }, defs);
        el("path", { d: "M0,0L10,5L0,10Z", fill: m[1] }, mk);
      });
      var maxCount = Math.max.apply(null, edges.map(function (e) { return e.count; }));
      var g = el("g", { class: "edges" }, svg);
      edges.forEach(function (e) {
        var s = pos[e.source], t = pos[e.target];
        var coop = e.cooperative || 0, host = e.hostile || 0;
        var kind = coop > host ? "coop" : host > coop ? "host" : "mixed";
        var colour = { coop: "#1b9e3a", host: "#c0282f", mixed: "#8a8f98" }[kind];
        var d;
        if (e.source === e.target) {
          var a = s[2], ux = Math.cos(a), uy = Math.sin(a), px = -uy, py = ux;  // loop outward
          d = "M" + s[0].toFixed(1) + "," + s[1].toFixed(1) + "c" +
            (45 * ux + 22 * px).toFixed(1) + "," + (45 * uy + 22 * py).toFixed(1) + " " +
            (45 * ux - 22 * px).toFixed(1) + "," + (45 * uy - 22 * py).toFixed(1) + " 0,0";
        } else {
          var mx = (s[0] + t[0]) / 2, my = (s[1] + t[1]) / 2;
          var dx = t[0] - s[0], dy = t[1] - s[1];
          d = "M" + s[0].toFixed(1) + "," + s[1].toFixed(1) + "Q" + (mx - dy * 0.15).toFixed(1) + "," +
            (my + dx * 0.15).toFixed(1) + " " + t[0].toFixed(1) + "," + t[1].toFixed(1);
        }
        var path = el("path", { class: "edge edge-" + kind, d: d, stroke: colour,
          "stroke-width": (1 + 4 * Math.sqrt(e.count / maxCount)).toFixed(2), "marker-end": "url(#arrow-" + kind + ")" }, g);
        title(path, e.source + " → " + e.target + ": " + e.count + " (cooperative " + coop + ", hostile " + host + ")");
      });
      var nodes = el("g", { class: "nodes" }, svg);
      names.forEach(function (n) {
        var p = pos[n];
        var node = el("g", { class: "node" }, nodes);
        el("circle", { cx: p[0].toFixed(1), cy: p[1].toFixed(1), r: 5 }, node);
        var right = Math.cos(p[2]) >= 0;
        var label = el("text", { x: (p[0] + (right ? 9 : -9)).toFixed(1), y: (p[1] + 4).toFixed(1), "text-anchor": right ? "start" : "end" }, node);
        label.textContent = n.length > 28 ? n.slice(0, 27) + "…" : n;
        title(node, n + " (" + weight[n] + ")");
      });
    });
  }

  var charts = { map: drawMap, timeline: drawTimeline, network: drawNetwork };
  document.querySelectorAll("[data-chart]").forEach(function (box) {
    var draw = charts[box.dataset.chart];
    if (!draw) return;
    draw(box, box.dataset.query || "").then(function () {
      box.dataset.ready = "1";
    }).catch(function (err) {
      noData(box, "could not draw: " + err.message);
      box.dataset.ready = "error";
    });
  });
})();
