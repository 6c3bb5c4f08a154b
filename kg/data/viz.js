/* kg viz: the page script of `kg viz` (kg/viz.py inlines it after vis-network).
 * Every piece of graph text reaches the page through textContent or a form
 * value, never as HTML; nothing here creates a link. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var byId = new Map(data.nodes.map(function (n) { return [n.id, n]; }));
  var hiddenClasses = new Set();
  var range = { from: null, to: null };

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function fold(text) { return String(text || "").toLowerCase().replace(/\s+/g, " ").trim(); }
  function row(box, name, value) {
    var line = el("div", null, "kg-row");
    line.appendChild(el("span", name + ": ", "kg-key"));
    line.appendChild(el("span", value));
    box.appendChild(line);
  }

  /* The tooltip / details box of a node, built as DOM (vis-network shows an Element as is). */
  function nodeBox(node) {
    var info = node.info, box = el("div", null, "kg-tip");
    box.appendChild(el("div", info.label, "kg-tip-title"));
    box.appendChild(el("div", info.typeTitle, "kg-tip-type"));
    if (info.aliases) row(box, "Also", info.aliases.join(", "));
    if (info.date) row(box, "Date", info.end_date ? info.date + " \u2013 " + info.end_date : info.date);
    if (info.status) row(box, "Status", info.status);
    (info.evidence || []).forEach(function (sentence) {
      box.appendChild(el("blockquote", sentence, "kg-quote"));
    });
    if (info.documents) row(box, info.documents.length > 1 ? "Documents" : "Document", info.documents.join(", "));
    return box;
  }
  function edgeBox(edge) {
    var from = byId.get(edge.from), to = byId.get(edge.to), box = el("div", null, "kg-tip");
    box.appendChild(el("div", from.info.label, "kg-tip-title"));
    box.appendChild(el("div", "\u2192 " + edge.label + " \u2192", "kg-tip-type"));
    box.appendChild(el("div", to.info.label, "kg-tip-title"));
    return box;
  }

  /* Dates: "2025", "2025-12", "2025-12-04" (a timezone suffix is ignored); "--07-08" has no year. */
  function bounds(text) {
    var m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(String(text || "").trim());
    if (!m) return null;
    return [m[1] + "-" + (m[2] || "01") + "-" + (m[3] || "01"), m[1] + "-" + (m[2] || "12") + "-" + (m[3] || "31")];
  }
  function inRange(node) {
    if (node.kind !== "event" || (!range.from && !range.to)) return true;
    var start = bounds(node.info.date), end = bounds(node.info.end_date) || start;
    if (!start) return false; /* undated events are hidden while a range is set */
    return (!range.from || end[1] >= range.from) && (!range.to || start[0] <= range.to);
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return Object.assign({}, n, { title: nodeBox(n) });
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return Object.assign({}, e, { title: edgeBox(e) });
  }));
  var view = new vis.DataView(nodes, {
    filter: function (n) { return !hiddenClasses.has(n.group) && inRange(n); }
  });
  var network = new vis.Network(document.getElementById("kg-graph"), { nodes: [], edges: [] }, data.options);
  window.kgNetwork = network;

  function markReady() {
    network.once("afterDrawing", function () {
      window.kgReady = true;
      document.documentElement.setAttribute("data-kg-ready", "true");
    });
    network.redraw();
  }
  if (data.physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit();
      markReady();
    });
  }
  network.setData({ nodes: view, edges: edges });
  if (!data.physics) {
    network.fit();
    markReady();
  }

  var stats = document.getElementById("kg-stats");
  function refresh() {
    var pos = network.getPositions();
    nodes.update(Object.keys(pos).map(function (id) { return { id: id, x: pos[id].x, y: pos[id].y }; }));
    view.refresh();
    stats.textContent = view.length + " of " + data.nodes.length + " nodes shown \u00b7 " + data.edges.length + " edges";
  }
  stats.textContent = data.nodes.length + " nodes \u00b7 " + data.edges.length + " edges";

  /* Legend = class filter. */
  var legend = document.getElementById("kg-legend");
  data.classes.forEach(function (cls) {
    var label = el("label", null, "kg-class"), box = el("input"), glyph = el("span", cls.glyph, "kg-glyph");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", function () {
      if (box.checked) hiddenClasses.delete(cls.name); else hiddenClasses.add(cls.name);
      refresh();
    });
    glyph.style.color = cls.color;
    label.appendChild(box);
    label.appendChild(glyph);
    label.appendChild(el("span", cls.title));
    label.appendChild(el("span", cls.count, "kg-count"));
    legend.appendChild(label);
  });

  /* Event date range. */
  ["from", "to"].forEach(function (side) {
    var input = document.getElementById("kg-" + side);
    input.addEventListener("input", function () {
      var text = input.value.trim(), b = /^\d{4}(-\d{2}(-\d{2})?)?$/.test(text) ? bounds(text) : null;
      input.classList.toggle("kg-bad", text !== "" && !b);
      range[side] = b ? b[side === "from" ? 0 : 1] : null;
      refresh();
    });
  });

  /* Search and details. */
  var search = document.getElementById("kg-search"), status = document.getElementById("kg-status");
  var details = document.getElementById("kg-details"), list = document.getElementById("kg-labels");
  Array.from(new Set(data.nodes.map(function (n) { return n.info.label; }))).sort().forEach(function (label) {
    var option = document.createElement("option");
    option.value = label;
    list.appendChild(option);
  });
  function show(node) {
    if (node) details.replaceChildren(nodeBox(node)); else details.replaceChildren();
  }
  function find() {
    var q = fold(search.value), exact = null, partial = null;
    if (!q) return;
    data.nodes.forEach(function (n) {
      var names = [n.info.label].concat(n.info.aliases || []).map(fold);
      if (!exact && names.indexOf(q) >= 0) exact = n;
      if (!partial && names.some(function (name) { return name.indexOf(q) >= 0; })) partial = n;
    });
    var hit = exact || partial;
    if (!hit) { status.textContent = "Nothing matches \u201c" + search.value + "\u201d"; return; }
    if (!view.get(hit.id)) { status.textContent = "\u201c" + hit.info.label + "\u201d is hidden by the filters"; return; }
    status.textContent = "";
    network.selectNodes([hit.id]);
    network.focus(hit.id, { scale: 1.3, animation: { duration: 400 } });
    show(hit);
  }
  document.getElementById("kg-find").addEventListener("click", find);
  search.addEventListener("change", find);
  search.addEventListener("keydown", function (event) { if (event.key === "Enter") find(); });
  network.on("selectNode", function (params) { show(byId.get(params.nodes[0])); });
  network.on("deselectNode", function () { show(null); });
})();
