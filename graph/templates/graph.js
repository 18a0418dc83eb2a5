/* newskg graph page: draws the view model of graph/html.py with vis-network.
 *
 * Rules this file keeps, because every label and sentence comes from untrusted documents:
 *   - data is read with JSON.parse from a non-executable application/json script element;
 *   - the DOM is built with createElement/textContent only (never innerHTML with data);
 *   - vis-network tooltips get plain strings (vis 9 shows them with innerText).
 * window.kgState exposes the page's own state so tests assert what the page believes.
 */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var META = DATA.meta;
  var NODES = DATA.nodes;
  var EDGES = DATA.edges;
  var THRESHOLD = META.threshold;
  var NEIGHBOUR_LIMIT = META.neighbourLimit || 60;

  var UI = {
    ja: {
      search: "検索（日本語・英語・別名）", noMatch: "該当なし", physicsOn: "物理演算: オン",
      physicsOff: "物理演算: オフ", fit: "全体表示", status: "表示状況", classes: "クラス",
      relations: "関係", close: "閉じる", shown: "表示中: ノード {n} / {N}、エッジ {e} / {E}",
      capped: "重要度の高い {k} 件を表示中。{h} 件のノードを非表示。", showAll: "すべて表示",
      layout: "レイアウト計算中…", aka: "別名", iri: "IRI", wikidata: "Wikidata",
      mentions: "言及数", attributes: "属性", relationsOf: "関係", evidence: "根拠",
      confidence: "確信度", method: "抽出方法", noEvidence: "根拠の記録なし", cls: "クラス",
      raw: "原文表記", baseline: "基準", more: "さらに {n} 件を表示",
      period: "文書の日付", from: "開始", to: "終了", undated: "日付のない文書も表示",
      allDates: "全期間", docsIn: "期間内の文書: {k} / {D}",
    },
    en: {
      search: "Search (Japanese, English or alias)", noMatch: "No match", physicsOn: "Physics: on",
      physicsOff: "Physics: off", fit: "Fit", status: "Status", classes: "Classes",
      relations: "Relations", close: "Close", shown: "Showing {n} of {N} nodes, {e} of {E} edges",
      capped: "Showing the {k} most important nodes; {h} nodes hidden.", showAll: "Show all",
      layout: "Laying out…", aka: "Also known as", iri: "IRI", wikidata: "Wikidata",
      mentions: "Mentions", attributes: "Attributes", relationsOf: "Relations",
      evidence: "Evidence", confidence: "confidence", method: "method",
      noEvidence: "No evidence recorded", cls: "Class", raw: "raw text", baseline: "baseline",
      more: "Show {n} more",
      period: "Document date", from: "From", to: "To", undated: "Include undated documents",
      allDates: "All dates", docsIn: "{k} of {D} documents in the period",
    },
  };

  var lang = META.language === "en" ? "en" : "ja";
  var classMeta = {};
  DATA.classes.forEach(function (c) { classMeta[c.id] = c; });
  var relMeta = {};
  DATA.relations.forEach(function (r) { relMeta[r.id] = r; });
  var classOn = {};
  DATA.classes.forEach(function (c) { classOn[c.id] = true; });
  var relOn = {};
  DATA.relations.forEach(function (r) { relOn[r.id] = true; });
  var capped = NODES.length > THRESHOLD;
  var showAll = !capped;
  var forced = {};               // nodes revealed by search/selection while capped
  var placed = {};               // nodes that already have a laid-out position
  var selected = null;           // {type: "node"|"edge", id}
  var stable = false;
  var autoFreeze = true;         // our stabilisation runs end with physics off
  var physicsOn = true;
  var ready = false;              // set once the first render is done
  var fitWhenStable = false;     // a new period shows its whole result once laid out
  var t0 = performance.now();

  // -------------------------------------------------------------- helpers

  function t(key, values) {
    var text = UI[lang][key];
    if (values) {
      Object.keys(values).forEach(function (k) { text = text.split("{" + k + "}").join(String(values[k])); });
    }
    return text;
  }

  /** Element with attributes and children; strings become text nodes, never markup. */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === "text") node.textContent = attrs[k];
        else if (k === "className") node.className = attrs[k];
        else node.setAttribute(k, attrs[k]);
      });
    }
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === "string" || typeof child === "number"
        ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  /** Search key: NFKC (full-width → half-width, compatibility forms), lower case, katakana. */
  function fold(text) {
    var s = String(text).normalize("NFKC").toLowerCase();
    var out = "";
    for (var i = 0; i < s.length; i++) {
      var code = s.charCodeAt(i);
      out += code >= 0x3041 && code <= 0x3096 ? String.fromCharCode(code + 0x60) : s.charAt(i);
    }
    return out.replace(/\s+/g, " ").trim();
  }

  function label(n) { return n.l[lang] || n.l.ja || n.l.en || n.iri; }
  function otherLabel(n) { var o = lang === "ja" ? "en" : "ja"; return n.l[o]; }
  function classLabel(c) { return (classMeta[c] || { label: { ja: c, en: c } }).label[lang]; }
  function relLabel(p) { return (relMeta[p] || { label: { ja: p, en: p } }).label[lang]; }
  function fmtConf(c) { return typeof c === "number" ? c.toFixed(2) : "–"; }

  function hashUnit(id) {       // deterministic pseudo-random in [0, 1) per id
    var x = Math.sin((id + 1) * 12.9898) * 43758.5453;
    return x - Math.floor(x);
  }

  // -------------------------------------------------------------- search index

  var searchKeys = NODES.map(function (n) {
    return n.n.concat([n.l.ja, n.l.en]).filter(Boolean).map(fold);
  });

  var neighbours = NODES.map(function () { return []; });
  EDGES.forEach(function (e) {
    neighbours[e.from].push(e.id);
    if (e.to !== e.from) neighbours[e.to].push(e.id);
  });

  // -------------------------------------------------------------- document dates
  //
  // A fact is dated by the documents its evidence comes from (DATA.docs[d].from/to, the
  // first and last day of the dcterms:issued date, month or year). A fact is in the period
  // when one of its documents is; documents without a date count only while "include
  // undated" is on. An entity is in the period when one of its facts is; an entity with no
  // fact at all has nothing to date it and goes with the undated ones.

  var DOCS = DATA.docs;
  var DATES = META.dates || { min: null, max: null, dated: 0, undated: DOCS.length };
  var period = { from: "", to: "", undated: true };

  function docsOf(evidence) {
    var out = [];
    (evidence || []).forEach(function (i) {
      var d = DATA.evidence[i] ? DATA.evidence[i].d : undefined;
      var key = typeof d === "number" ? d : -1;
      if (out.indexOf(key) < 0) out.push(key);
    });
    return out;
  }
  var edgeDocs = EDGES.map(function (e) { return docsOf(e.ev); });
  var attributeDocs = NODES.map(function (n) {
    return (n.a || []).map(function (a) { return docsOf(a.ev); });
  });
  var docIn = DOCS.map(function () { return true; });
  var edgeIn = EDGES.map(function () { return true; });
  var nodeIn = NODES.map(function () { return true; });

  function periodActive() { return period.from !== "" || period.to !== "" || !period.undated; }

  function docInPeriod(doc) {
    if (!doc.from) return period.undated;
    return (period.from === "" || doc.to >= period.from) && (period.to === "" || doc.from <= period.to);
  }

  function factInPeriod(docs) {
    if (!docs.length) return period.undated;
    for (var i = 0; i < docs.length; i++) {
      if (docs[i] < 0 ? period.undated : docIn[docs[i]]) return true;
    }
    return false;
  }

  /** Recompute which documents, facts and entities the period admits: O(documents + facts). */
  function applyPeriod() {
    var all = !periodActive();
    DOCS.forEach(function (doc, d) { docIn[d] = all || docInPeriod(doc); });
    EDGES.forEach(function (e) { edgeIn[e.id] = all || factInPeriod(edgeDocs[e.id]); });
    NODES.forEach(function (n) { nodeIn[n.id] = all; });
    if (all) return;
    EDGES.forEach(function (e) { if (edgeIn[e.id]) { nodeIn[e.from] = true; nodeIn[e.to] = true; } });
    NODES.forEach(function (n) {
      if (nodeIn[n.id]) return;
      var facts = attributeDocs[n.id];
      if (!neighbours[n.id].length && !facts.length) nodeIn[n.id] = period.undated;
      else nodeIn[n.id] = facts.some(factInPeriod);
    });
  }

  function docsInPeriod() {
    var count = 0;
    docIn.forEach(function (on) { if (on) count++; });
    return count;
  }

  // -------------------------------------------------------------- visibility
  //
  // What is drawn: the entities that pass the class and period filters, capped (in a big
  // graph) to the THRESHOLD most important of them, plus those a search or a selection
  // brought in ("forced"). Computed once per filter change into `visible`, so the DataView
  // filters below are array lookups, even with tens of thousands of items.

  var byRank = NODES.map(function (n) { return n.id; });
  byRank.sort(function (a, b) { return NODES[a].rank - NODES[b].rank; });
  var visible = NODES.map(function () { return false; });
  var hiddenCount = 0;

  function computeVisible() {
    var budget = showAll ? Infinity : THRESHOLD;
    var taken = 0;
    hiddenCount = 0;
    for (var k = 0; k < byRank.length; k++) {
      var id = byRank[k];
      var on = false;
      if (classOn[NODES[id].c] && (nodeIn[id] || forced[id] === true)) {
        if (taken < budget) { on = true; taken++; }
        else if (forced[id] === true) on = true;
        else hiddenCount++;
      }
      visible[id] = on;
    }
  }

  function nodeVisible(id) { return visible[id]; }
  function edgeVisible(e) {
    return relOn[e.p] === true && edgeIn[e.id] && visible[e.from] && visible[e.to];
  }

  applyPeriod();
  computeVisible();

  // -------------------------------------------------------------- vis data
  //
  // Items stay lean (class style lives in vis "groups", size in "value") because vis parses
  // every item's options: thousands of full style objects cost seconds.

  var BIG = NODES.length > 1500 || EDGES.length > 3000;

  function shade(hex) {
    var v = parseInt(hex.slice(1), 16);
    var r = Math.round(((v >> 16) & 255) * 0.7), g = Math.round(((v >> 8) & 255) * 0.7), b = Math.round((v & 255) * 0.7);
    return "#" + ((1 << 24) + (r << 16) + (g << 8) + b).toString(16).slice(1);
  }

  var groups = {};
  DATA.classes.forEach(function (c) {
    groups[c.id] = {
      shape: c.shape,
      color: {
        background: c.color, border: shade(c.color),
        highlight: { background: c.color, border: "#111111" },
        hover: { background: c.color, border: "#111111" },
      },
      shapeProperties: { borderDashes: c.dashes ? [4, 3] : false },
    };
  });

  function nodeItem(n) {
    return { id: n.id, group: n.c, value: n.imp || 0, label: label(n), title: label(n) + "\n" + classLabel(n.c) };
  }

  function edgeColour(e) {
    var c = relMeta[e.p].color;
    return { color: c, highlight: c, hover: c, opacity: 0.85 };
  }

  function edgeItem(e) {
    var conf = typeof e.conf === "number" ? e.conf : 0.5;
    var item = {
      id: e.id, from: e.from, to: e.to, label: relLabel(e.p),
      title: label(NODES[e.from]) + " → " + relLabel(e.p) + " → " + label(NODES[e.to]) +
        "\n" + t("confidence") + " " + fmtConf(e.conf),
      color: edgeColour(e), width: 1 + 2 * conf,
    };
    if (conf < 0.5) item.dashes = true;
    if (e.k && !BIG) {
      // Parallel edges bow alternately to either side, further out each pair, so neither
      // the lines nor their labels sit on top of each other.
      item.smooth = { enabled: true, type: e.k % 2 ? "curvedCCW" : "curvedCW", roundness: 0.12 + 0.28 * Math.ceil(e.k / 2) };
      item.font = { vadjust: e.k % 2 ? 8 : -8 };
    }
    return item;
  }

  var nodesDS = new vis.DataSet(NODES.map(nodeItem));
  var edgesDS = new vis.DataSet(EDGES.map(edgeItem));
  var nodesView = new vis.DataView(nodesDS, { filter: function (item) { return nodeVisible(item.id); } });
  var edgesView = new vis.DataView(edgesDS, { filter: function (item) { return edgeVisible(EDGES[item.id]); } });

  function visibleCount() { return nodesView.length; }

  // -------------------------------------------------------------- initial positions
  //
  // Nodes without a place start on a golden-angle spiral around their most important
  // placed neighbour (hubs first), or on an outer spiral if they have none. News graphs are
  // hubs with satellites, so this start is close to the final layout and physics needs
  // only a few iterations; it is also deterministic.

  var satellites = {};
  var loners = 0;

  function seedPositions(ids) {
    ids.sort(function (a, b) { return NODES[a].rank - NODES[b].rank; });
    var out = [];
    ids.forEach(function (id) {
      if (placed[id]) { out.push({ id: id, x: placed[id].x, y: placed[id].y }); return; }
      var anchor = null;
      neighbours[id].forEach(function (eid) {
        var e = EDGES[eid];
        var other = e.from === id ? e.to : e.from;
        if (placed[other] && shown[other] && (anchor === null || NODES[other].rank < NODES[anchor].rank)) anchor = other;
      });
      var p;
      if (anchor === null) {
        var k = loners++;
        var r0 = k === 0 ? 0 : 140 * Math.sqrt(k);
        p = { x: r0 * Math.cos(k * 2.39996), y: r0 * Math.sin(k * 2.39996) };
      } else {
        var j = satellites[anchor] = (satellites[anchor] || 0) + 1;
        var r = 120 + 30 * Math.sqrt(j);
        var a = j * 2.39996 + 6.283 * hashUnit(anchor);
        p = { x: placed[anchor].x + r * Math.cos(a), y: placed[anchor].y + r * Math.sin(a) };
      }
      placed[id] = p;
      out.push({ id: id, x: p.x, y: p.y });
    });
    return out;
  }

  var shown = NODES.map(function (n) { return nodeVisible(n.id); });   // what the network has
  var startIds = [];
  shown.forEach(function (on, id) { if (on) startIds.push(id); });
  var startCount = startIds.length;
  var KK = startCount <= 100;      // vis's Kamada-Kawai start is best for small graphs
  if (!KK) nodesDS.update(seedPositions(startIds));

  // -------------------------------------------------------------- layout runs

  var LAYOUT_BUDGET_MS = 1500;      // a layout run stops after this long, settled or not
  var layoutStart = 0;

  function iterationsFor(count) {
    return count <= 100 ? 250 : count <= 500 ? 200 : 150;
  }
  function batchFor(count) {        // iterations between progress events (~50 ms each)
    return Math.max(1, Math.min(25, Math.round(1500 / Math.max(1, count))));
  }

  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, {
    autoResize: true,
    layout: { improvedLayout: KK, randomSeed: 7 },
    groups: groups,
    physics: {
      enabled: true,
      solver: "barnesHut",
      barnesHut: { gravitationalConstant: -5000, centralGravity: 0.2, springLength: 120, springConstant: 0.04, damping: 0.4, avoidOverlap: 0.1 },
      maxVelocity: 40, minVelocity: 0.75, timestep: 0.5,
      stabilization: { enabled: true, iterations: iterationsFor(startCount), updateInterval: batchFor(startCount), fit: true },
    },
    interaction: {
      hover: !BIG, tooltipDelay: 250, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG,
      multiselect: false, navigationButtons: false, keyboard: false,
    },
    nodes: {
      borderWidth: 1.5,
      chosen: { node: chosenNode, label: chosenNodeLabel },
      scaling: { min: 10, max: 36, label: { enabled: true, min: 13, max: 20, drawThreshold: 6 } },
      font: { face: "system-ui, sans-serif", color: "#1d2433", strokeWidth: 3, strokeColor: "#ffffff" },
    },
    edges: {
      arrows: { to: { enabled: true, scaleFactor: 0.55 } },
      smooth: BIG ? false : { enabled: true, type: "curvedCW", roundness: 0.12 },
      font: { size: 11, align: "horizontal", color: "#46505c", strokeWidth: 3, strokeColor: "#ffffff", face: "system-ui, sans-serif" },
      selectionWidth: 0, hoverWidth: 0,
      chosen: { edge: chosenEdge, label: chosenEdgeLabel },
      scaling: { label: { drawThreshold: 7 } },
    },
  });
  layoutStart = t0;

  var progressBar = document.getElementById("kg-progress-bar");
  var progress = document.getElementById("kg-progress");

  network.on("stabilizationProgress", function (p) {
    progressBar.style.width = Math.round(100 * p.iterations / Math.max(1, p.total)) + "%";
    // Calm beats perfect: past the budget, stop; the seeded start is already readable.
    if (performance.now() - layoutStart > LAYOUT_BUDGET_MS) network.stopSimulation();
  });

  network.on("stabilizationIterationsDone", function () {
    if (autoFreeze) setPhysics(false);
    rememberPositions();
    stable = true;
    state.stabilizedAt = performance.now();
    state.layoutMs = state.stabilizedAt - layoutStart;
    progress.classList.add("kg-done");
    if (fitWhenStable) { fitWhenStable = false; network.fit(); }
    updateStatus();
  });

  // Opening or closing the side panel changes the canvas width. vis-network would then
  // rescale the drawing in proportion and re-centre it, so every node moves away from under
  // the pointer. Instead the drawing stays where it was on the screen (same scale, same
  // top-left corner); only when the selected item would end up outside the narrower canvas
  // does the view pan, no further than needed to show it.
  network.on("resize", function (size) {
    // Fired inside vis's resize handler, before it moves the camera: the view is still old.
    var scale = network.getScale();
    var corner = network.DOMtoCanvas({ x: 0, y: 0 });
    queueMicrotask(function () { keepView(scale, corner, size.width, size.height); });
  });

  function keepView(scale, corner, width, height) {
    var center = { x: corner.x + width / 2 / scale, y: corner.y + height / 2 / scale };
    var focus = selectionPoint();
    if (focus) {
      var margin = Math.min(60, width / 4) / scale;
      var halfW = width / 2 / scale - margin, halfH = height / 2 / scale - margin;
      center.x += Math.max(0, focus.x - (center.x + halfW)) - Math.max(0, center.x - halfW - focus.x);
      center.y += Math.max(0, focus.y - (center.y + halfH)) - Math.max(0, center.y - halfH - focus.y);
    }
    network.moveTo({ position: center, scale: scale, animation: false });
  }

  /** Canvas position of the selected node (or the middle of the selected edge). */
  function selectionPoint() {
    if (!selected) return null;
    var ids = selected.type === "node" ? [selected.id] : [EDGES[selected.id].from, EDGES[selected.id].to];
    ids = ids.filter(function (id) { return shown[id]; });
    if (!ids.length) return null;
    var pos = network.getPositions(ids);
    var x = 0, y = 0;
    ids.forEach(function (id) { x += pos[id].x; y += pos[id].y; });
    return { x: x / ids.length, y: y / ids.length };
  }

  network.on("dragEnd", function (params) {
    if (params.nodes && params.nodes.length) rememberPositions(params.nodes);
  });

  function rememberPositions(ids) {
    var pos = network.getPositions(ids);
    Object.keys(pos).forEach(function (id) { placed[id] = pos[id]; });
  }

  function setPhysics(on) {
    physicsOn = !!on;
    network.setOptions({ physics: { enabled: physicsOn } });
    syncPhysicsButton();
    if (!physicsOn) rememberPositions();
  }

  function syncPhysicsButton() {
    var button = document.getElementById("kg-physics");
    button.textContent = physicsOn ? t("physicsOn") : t("physicsOff");
    button.setAttribute("aria-pressed", physicsOn ? "true" : "false");
  }

  /** Re-apply filters; nodes keep the places they had, newcomers start near a neighbour. */
  function refresh() {
    computeVisible();
    if (stable) rememberPositions();
    // (Not nodesView.getIds(): a DataView applies its filter afresh on every call.)
    var incoming = [];
    var unplaced = 0;
    NODES.forEach(function (n) {
      var now = nodeVisible(n.id);
      if (now && !shown[n.id]) {
        incoming.push(n.id);
        if (!placed[n.id]) unplaced++;
      }
      shown[n.id] = now;
    });
    if (incoming.length) nodesDS.update(seedPositions(incoming));
    nodesView.refresh();
    edgesView.refresh();
    if (stable && unplaced > 0 && !physicsOn) {
      // Settle the newcomers briefly, then freeze again: calm, but not overlapping.
      stable = false;
      autoFreeze = true;
      progress.classList.remove("kg-done");
      var count = visibleCount();
      network.setOptions({ physics: { enabled: true, stabilization: { updateInterval: batchFor(count), fit: false } } });
      layoutStart = performance.now();
      network.stabilize(Math.min(150, iterationsFor(count)));
    }
    if (selected) applyHighlight();
    updateStatus();
  }

  // -------------------------------------------------------------- highlight
  //
  // The neighbourhood is highlighted by *selecting* it (styled by the "chosen" callbacks in
  // the options): no data updates, so a click costs one redraw even on big graphs. Dimming
  // everything else would need a data update per item and vis redraws on each one.

  function applyHighlight() {
    if (!selected) { network.unselectAll(); return; }
    var nodes = [], edges = [], seen = {};
    function addNode(id) { if (shown[id] && !seen[id]) { seen[id] = true; nodes.push(id); } }
    if (selected.type === "node") {
      addNode(selected.id);
      neighbours[selected.id].forEach(function (eid) {
        var e = EDGES[eid];
        if (!edgeVisible(e)) return;
        edges.push(eid);
        addNode(e.from);
        addNode(e.to);
      });
    } else {
      var e = EDGES[selected.id];
      addNode(e.from);
      addNode(e.to);
      if (edgeVisible(e)) edges.push(e.id);
    }
    network.setSelection({ nodes: nodes, edges: edges }, { unselectAll: true, highlightEdges: false });
  }

  function chosenNode(values, id, isSelected, hovering) {
    if (isSelected) {
      var focal = selected && selected.type === "node" && selected.id === id;
      values.borderWidth = focal ? 5 : 3;
      values.borderColor = "#111111";
      if (focal) values.size = values.size * 1.15;
    } else if (hovering) {
      values.borderWidth = 3;
    }
  }
  function chosenNodeLabel(values, id, isSelected) {
    if (isSelected) { values.mod = "bold"; values.color = "#000000"; }
  }
  function chosenEdge(values, id, isSelected, hovering) {
    if (isSelected) { values.width = values.width * 2 + 1; values.opacity = 1; values.toArrowScale = 0.8; } else if (hovering) { values.width += 1; }
  }
  function chosenEdgeLabel(values, id, isSelected) {
    if (isSelected) { values.mod = "bold"; values.color = "#111111"; }
  }

  /** Labels and tooltips in the current language (after a language switch). */
  function relabel() {
    nodesDS.update(NODES.map(function (n) { var i = nodeItem(n); return { id: i.id, label: i.label, title: i.title }; }));
    edgesDS.update(EDGES.map(function (e) { var i = edgeItem(e); return { id: i.id, label: i.label, title: i.title }; }));
  }

  // -------------------------------------------------------------- side panel

  var PANEL_PAGE = 25;
  var panel = document.getElementById("kg-panel");
  var panelBody = document.getElementById("kg-panel-body");

  function nodeButton(id) {
    var b = el("button", { type: "button", className: "kg-link", text: label(NODES[id]) });
    b.addEventListener("click", function () { focusNode(id); });
    return b;
  }

  /** The sentence with the supporting span marked; offsets are code points (Array.from). */
  function sentenceBlock(ev) {
    var text = DATA.texts[ev.s] || "";
    var chars = Array.from(text);
    var quote = el("blockquote", { className: "kg-evidence-sentence" });
    if (typeof ev.a === "number" && typeof ev.b === "number" && ev.a >= 0 && ev.b > ev.a && ev.b <= chars.length) {
      quote.appendChild(document.createTextNode(chars.slice(0, ev.a).join("")));
      quote.appendChild(el("mark", { text: chars.slice(ev.a, ev.b).join("") }));
      quote.appendChild(document.createTextNode(chars.slice(ev.b).join("")));
    } else {
      quote.textContent = text;
    }
    return quote;
  }

  function evidenceList(indices) {
    var box = el("div", { className: "kg-evidence" });
    if (!indices || !indices.length) {
      box.appendChild(el("p", { className: "kg-none", text: t("noEvidence") }));
      return box;
    }
    indices.forEach(function (i) {
      var ev = DATA.evidence[i];
      box.appendChild(sentenceBlock(ev));
      var doc = typeof ev.d === "number" ? DATA.docs[ev.d] : null;
      var parts = [];
      if (doc) parts.push("— " + doc.title + (doc.path ? " (" + doc.path + ")" : ""));
      if (ev.m) parts.push(t("method") + ": " + ev.m);
      if (typeof ev.c === "number") parts.push(t("confidence") + " " + fmtConf(ev.c));
      if (ev.r) parts.push(t("raw") + ": " + ev.r);
      box.appendChild(el("p", { className: "kg-source", text: parts.join(" · ") }));
    });
    return box;
  }

  function classChip(c) {
    var chip = el("span", { className: "kg-chip", text: classLabel(c) });
    chip.style.background = (classMeta[c] || { color: "#999" }).color;
    return chip;
  }

  function renderNodePanel(id) {
    var n = NODES[id];
    clear(panelBody);
    panelBody.appendChild(el("h2", { text: label(n) }));
    var other = otherLabel(n);
    panelBody.appendChild(el("p", { className: "kg-sub" }, classChip(n.c), other && other !== label(n) ? " " + other : null));
    var dl = el("dl");
    var aliases = n.n.filter(function (x) { return x !== n.l.ja && x !== n.l.en; });
    if (aliases.length) dl.append(el("dt", { text: t("aka") }), el("dd", { text: aliases.join("、") }));
    if (n.wd && /^Q[0-9]+$/.test(n.wd)) {
      var a = el("a", { href: "https://www.wikidata.org/wiki/" + n.wd, target: "_blank", rel: "noopener noreferrer", text: n.wd });
      dl.append(el("dt", { text: t("wikidata") }), el("dd", null, a));
    }
    if (n.m) dl.append(el("dt", { text: t("mentions") }), el("dd", { text: String(n.m) }));
    dl.append(el("dt", { text: t("iri") }), el("dd", { className: "kg-iri", text: n.iri }));
    panelBody.appendChild(dl);

    if (n.a && n.a.length) {
      panelBody.appendChild(el("h3", { text: t("attributes") }));
      n.a.forEach(function (attr) {
        var name = (DATA.attributes[attr.p] || { ja: attr.p, en: attr.p })[lang];
        var value = attr.t ? attr.t[lang] : attr.v;
        var fact = el("div", { className: "kg-fact kg-attribute" },
          el("div", { className: "kg-fact-head" }, el("strong", { text: name }), el("span", { text: value }),
            el("span", { className: "kg-conf", text: t("confidence") + " " + fmtConf(attr.conf) })));
        if (typeof attr.base === "number") {
          fact.appendChild(el("div", null, t("baseline") + ": ", nodeButton(attr.base)));
        }
        fact.appendChild(evidenceList(attr.ev));
        panelBody.appendChild(fact);
      });
    }

    panelBody.appendChild(el("h3", { text: t("relationsOf") + " (" + neighbours[id].length + ")" }));
    if (!neighbours[id].length) panelBody.appendChild(el("p", { className: "kg-none", text: "—" }));
    // Most important neighbours first; a hub's hundreds of facts come in pages, so a click
    // on a hub stays quick.
    var facts = neighbours[id].slice().sort(function (a, b) {
      var ea = EDGES[a], eb = EDGES[b];
      var ra = NODES[ea.from === id ? ea.to : ea.from].rank, rb = NODES[eb.from === id ? eb.to : eb.from].rank;
      return ra - rb || a - b;
    });
    var list = el("div", { className: "kg-relations" });
    panelBody.appendChild(list);
    function addFacts(from) {
      facts.slice(from, from + PANEL_PAGE).forEach(function (eid) {
        var e = EDGES[eid];
        var head = el("div", { className: "kg-fact-head" },
          e.from === id ? el("strong", { text: label(n) }) : nodeButton(e.from),
          el("span", { text: "→ " + relLabel(e.p) + " →" }),
          e.to === id ? el("strong", { text: label(n) }) : nodeButton(e.to),
          el("span", { className: "kg-conf", text: t("confidence") + " " + fmtConf(e.conf) }));
        list.appendChild(el("div", { className: "kg-fact kg-relation" }, head, evidenceList(e.ev)));
      });
      if (from + PANEL_PAGE < facts.length) {
        var more = el("button", { type: "button", className: "kg-more", text: t("more", { n: facts.length - from - PANEL_PAGE }) });
        more.addEventListener("click", function () { list.removeChild(more); addFacts(from + PANEL_PAGE); });
        list.appendChild(more);
      }
    }
    addFacts(0);
  }

  function renderEdgePanel(eid) {
    var e = EDGES[eid];
    clear(panelBody);
    panelBody.appendChild(el("h2", { text: relLabel(e.p) }));
    panelBody.appendChild(el("p", { className: "kg-sub" }, nodeButton(e.from), " → " + relLabel(e.p) + " → ", nodeButton(e.to)));
    panelBody.appendChild(el("dl", null,
      el("dt", { text: t("confidence") }), el("dd", { text: fmtConf(e.conf) })));
    panelBody.appendChild(el("h3", { text: t("evidence") + " (" + (e.ev ? e.ev.length : 0) + ")" }));
    panelBody.appendChild(evidenceList(e.ev));
  }

  function renderPanel() {
    if (!selected) { panel.hidden = true; return; }
    panel.hidden = false;
    if (selected.type === "node") renderNodePanel(selected.id); else renderEdgePanel(selected.id);
    panelBody.scrollTop = 0;
  }

  function closePanel() {
    selected = null;
    applyHighlight();
    renderPanel();
  }

  // -------------------------------------------------------------- selection & search

  function toId(ref) {
    if (typeof ref === "number") return NODES[ref] ? ref : null;
    for (var i = 0; i < NODES.length; i++) if (NODES[i].iri === ref) return i;
    return null;
  }

  /** Make a node visible even if filtered or capped away. */
  function reveal(id) {
    var n = NODES[id];
    var changed = false;
    if (!classOn[n.c]) { classOn[n.c] = true; changed = true; syncFilterBoxes(); }
    if (!visible[id]) { forced[id] = true; changed = true; }
    if (changed) refresh();
  }

  /** Reveal a node with its most important neighbours (through facts the filters admit). */
  function revealWithNeighbours(id) {
    var n = NODES[id];
    if (!classOn[n.c]) { classOn[n.c] = true; syncFilterBoxes(); }
    forced[id] = true;
    var others = [];
    neighbours[id].forEach(function (eid) {
      var e = EDGES[eid];
      var other = e.from === id ? e.to : e.from;
      if (relOn[e.p] && edgeIn[eid] && classOn[NODES[other].c] && others.indexOf(other) < 0) others.push(other);
    });
    others.sort(function (a, b) { return NODES[a].rank - NODES[b].rank; });
    others.slice(0, NEIGHBOUR_LIMIT).forEach(function (other) { if (!visible[other]) forced[other] = true; });
    refresh();
  }

  function selectNode(ref) {
    var id = toId(ref);
    if (id === null) return false;
    reveal(id);
    selected = { type: "node", id: id };
    applyHighlight();
    renderPanel();
    return true;
  }

  function selectEdge(eid) {
    var e = EDGES[eid];
    if (!e) return false;
    reveal(e.from); reveal(e.to);
    if (!relOn[e.p]) { relOn[e.p] = true; syncFilterBoxes(); refresh(); }
    selected = { type: "edge", id: eid };
    applyHighlight();
    renderPanel();
    return true;
  }

  /** Go to a node (search, links in the panel): bring it in with its neighbours, select it. */
  function focusNode(ref) {
    var id = toId(ref);
    if (id === null) return false;
    revealWithNeighbours(id);
    selectNode(id);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    return true;
  }

  /** Node ids whose labels contain the query (folded); exact, then prefix, then substring. */
  function search(text) {
    var q = fold(text || "");
    if (!q) return [];
    var hits = [];
    searchKeys.forEach(function (keys, id) {
      var best = 3;
      keys.forEach(function (k) {
        if (k === q) best = Math.min(best, 0);
        else if (k.indexOf(q) === 0) best = Math.min(best, 1);
        else if (k.indexOf(q) > 0) best = Math.min(best, 2);
      });
      if (best < 3) hits.push([best, NODES[id].rank, id]);
    });
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    return hits.map(function (h) { return h[2]; });
  }

  var searchInput = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");
  var activeResult = -1;

  function showResults() {
    var ids = search(searchInput.value).slice(0, 30);
    clear(results);
    activeResult = -1;
    if (!searchInput.value.trim()) { results.hidden = true; return; }
    if (!ids.length) {
      results.appendChild(el("li", { className: "kg-empty", text: t("noMatch") }));
    }
    ids.forEach(function (id, i) {
      var n = NODES[id];
      var aliases = n.n.filter(function (x) { return x !== label(n); }).slice(0, 3).join(", ");
      var item = el("li", { role: "option", "data-id": String(id) },
        el("span", { text: label(n) }), el("span", { className: "kg-hint", text: classLabel(n.c) + (aliases ? " · " + aliases : "") }));
      item.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(id); });
      results.appendChild(item);
      if (i === 0) { item.setAttribute("aria-selected", "true"); activeResult = 0; }
    });
    results.hidden = false;
  }

  function pick(id) {
    results.hidden = true;
    searchInput.value = label(NODES[id]);
    focusNode(id);
  }

  searchInput.addEventListener("input", showResults);
  searchInput.addEventListener("focus", function () { if (searchInput.value) showResults(); });
  searchInput.addEventListener("blur", function () { results.hidden = true; });
  searchInput.addEventListener("keydown", function (ev) {
    var items = results.querySelectorAll("li[data-id]");
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      if (!items.length) return;
      ev.preventDefault();
      if (activeResult >= 0) items[activeResult].removeAttribute("aria-selected");
      activeResult = (activeResult + (ev.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
      items[activeResult].setAttribute("aria-selected", "true");
      items[activeResult].scrollIntoView({ block: "nearest" });
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      if (!items.length) showResults();
      items = results.querySelectorAll("li[data-id]");
      if (items.length) pick(Number(items[Math.max(0, activeResult)].getAttribute("data-id")));
    } else if (ev.key === "Escape") {
      results.hidden = true;
    }
  });

  network.on("click", function (params) {
    if (params.nodes && params.nodes.length) selectNode(params.nodes[0]);
    else if (params.edges && params.edges.length) selectEdge(params.edges[0]);
    else if (selected) closePanel();
  });

  // -------------------------------------------------------------- legend & filters

  function swatch(c) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "16"); svg.setAttribute("height", "16"); svg.setAttribute("viewBox", "-8 -8 16 16");
    var shapes = {
      dot: ["circle", { r: "6" }],
      hexagon: ["polygon", { points: "6,0 3,5.2 -3,5.2 -6,0 -3,-5.2 3,-5.2" }],
      diamond: ["polygon", { points: "0,-7 7,0 0,7 -7,0" }],
      triangle: ["polygon", { points: "0,-6.5 6.5,5 -6.5,5" }],
      triangleDown: ["polygon", { points: "0,6.5 6.5,-5 -6.5,-5" }],
      square: ["rect", { x: "-5.5", y: "-5.5", width: "11", height: "11" }],
      star: ["polygon", { points: "0,-7 1.8,-2.4 6.7,-2.2 2.9,0.9 4.1,5.7 0,3 -4.1,5.7 -2.9,0.9 -6.7,-2.2 -1.8,-2.4" }],
    };
    var spec = shapes[c.shape] || shapes.dot;
    var shape = document.createElementNS(ns, spec[0]);
    Object.keys(spec[1]).forEach(function (k) { shape.setAttribute(k, spec[1][k]); });
    shape.setAttribute("fill", c.color);
    shape.setAttribute("stroke", shade(c.color));
    shape.setAttribute("stroke-width", "1.2");
    if (c.dashes) shape.setAttribute("stroke-dasharray", "2 1.5");
    svg.appendChild(shape);
    return svg;
  }

  function lineSwatch(r) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("width", "22"); svg.setAttribute("height", "10");
    var line = document.createElementNS(ns, "path");
    line.setAttribute("d", "M1 5 H17 M14 2 L19 5 L14 8");
    line.setAttribute("stroke", r.color); line.setAttribute("stroke-width", "2"); line.setAttribute("fill", "none");
    svg.appendChild(line);
    return svg;
  }

  var classList = document.getElementById("kg-classes");
  var relationList = document.getElementById("kg-relations");

  function buildFilters() {
    clear(classList);
    DATA.classes.forEach(function (c) {
      var box = el("input", { type: "checkbox", "data-class": c.id });
      box.checked = classOn[c.id];
      box.addEventListener("change", function () { setClassVisible(c.id, box.checked); });
      classList.appendChild(el("li", null, el("label", null, box, swatch(c), el("span", { text: c.label[lang] }), el("span", { className: "kg-count", text: String(c.count) }))));
    });
    clear(relationList);
    DATA.relations.forEach(function (r) {
      var box = el("input", { type: "checkbox", "data-relation": r.id });
      box.checked = relOn[r.id];
      box.addEventListener("change", function () { setRelationVisible(r.id, box.checked); });
      relationList.appendChild(el("li", null, el("label", null, box, lineSwatch(r), el("span", { text: r.label[lang] }), el("span", { className: "kg-count", text: String(r.count) }))));
    });
  }

  function syncFilterBoxes() {
    classList.querySelectorAll("input[data-class]").forEach(function (b) { b.checked = !!classOn[b.getAttribute("data-class")]; });
    relationList.querySelectorAll("input[data-relation]").forEach(function (b) { b.checked = !!relOn[b.getAttribute("data-relation")]; });
  }

  function setClassVisible(c, on) {
    if (!(c in classOn)) return false;
    classOn[c] = !!on;
    syncFilterBoxes();
    if (!on && selected && selected.type === "node" && NODES[selected.id].c === c) closePanel();
    refresh();
    return true;
  }

  function setRelationVisible(p, on) {
    if (!(p in relOn)) return false;
    relOn[p] = !!on;
    syncFilterBoxes();
    refresh();
    return true;
  }

  // -------------------------------------------------------------- period filter

  var periodBox = document.getElementById("kg-period-box");
  var fromInput = document.getElementById("kg-date-from");
  var toInput = document.getElementById("kg-date-to");
  var undatedBox = document.getElementById("kg-undated");

  /** "2024" / "2024-03" / "2024-03-21" as the first (or last) day it names; "" stays "". */
  function dayOf(value, last) {
    var text = String(value === null || value === undefined ? "" : value).trim();
    if (text === "") return "";
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
    if (!m) return null;
    var year = Number(m[1]), month = m[2] ? Number(m[2]) : (last ? 12 : 1);
    if (month < 1 || month > 12) return null;
    var days = new Date(Date.UTC(year, month, 0)).getUTCDate();
    var day = m[3] ? Number(m[3]) : (last ? days : 1);
    if (day < 1 || day > days) return null;
    return m[1] + "-" + String(month).padStart(2, "0") + "-" + String(day).padStart(2, "0");
  }

  /** Show only facts from documents dated within [from, to] (either end may be open). */
  function setPeriod(from, to, undated) {
    var first = dayOf(from, false), last = dayOf(to, true);
    if (first === null || last === null) return false;
    if (first && last && first > last) return setPeriod(to, from, undated);  // ends swapped
    period = { from: first, to: last, undated: undated === undefined ? period.undated : !!undated };
    syncPeriodInputs();
    applyPeriod();
    // A new period is a new question: what earlier searches brought in goes back under the cap.
    forced = {};
    fitWhenStable = true;
    refresh();
    if (selected && (selected.type === "node" ? !visible[selected.id] : !edgeVisible(EDGES[selected.id]))) closePanel();
    if (stable || physicsOn) { fitWhenStable = false; network.fit(); }
    updateStatus();
    return true;
  }

  function syncPeriodInputs() {
    fromInput.value = period.from;
    toInput.value = period.to;
    undatedBox.checked = period.undated;
  }

  function onPeriodInput() { setPeriod(fromInput.value, toInput.value, undatedBox.checked); }

  periodBox.hidden = !DATES.dated;
  if (DATES.min) { fromInput.min = toInput.min = DATES.min; }
  if (DATES.max) { fromInput.max = toInput.max = DATES.max; }
  fromInput.addEventListener("change", onPeriodInput);
  toInput.addEventListener("change", onPeriodInput);
  undatedBox.addEventListener("change", onPeriodInput);
  document.getElementById("kg-period-reset").addEventListener("click", function () { setPeriod("", "", true); });

  // -------------------------------------------------------------- status & language

  function hiddenByCap() { return hiddenCount; }

  function updateStatus() {
    document.getElementById("kg-status").textContent = stable || !progress ? t("shown", {
      n: nodesView.length, N: NODES.length, e: edgesView.length, E: EDGES.length,
    }) : t("layout");
    var hidden = hiddenByCap();
    document.getElementById("kg-capped").hidden = hidden === 0;
    document.getElementById("kg-capped-text").textContent = t("capped", { k: THRESHOLD, h: hidden });
    document.getElementById("kg-period-status").textContent = t("docsIn", { k: docsInPeriod(), D: DOCS.length });
  }

  function setLanguage(l) {
    if (l !== "ja" && l !== "en") return false;
    lang = l;
    document.documentElement.lang = l;
    ["ja", "en"].forEach(function (x) {
      document.getElementById("kg-lang-" + x).setAttribute("aria-pressed", x === l ? "true" : "false");
    });
    searchInput.placeholder = t("search");
    searchInput.setAttribute("aria-label", t("search"));
    document.getElementById("kg-physics").textContent = physicsOn ? t("physicsOn") : t("physicsOff");
    document.getElementById("kg-fit").textContent = t("fit");
    document.getElementById("kg-show-all").textContent = t("showAll");
    document.getElementById("kg-panel-close").textContent = t("close");
    document.getElementById("kg-h-status").textContent = t("status");
    document.getElementById("kg-h-classes").textContent = t("classes");
    document.getElementById("kg-h-relations").textContent = t("relations");
    document.getElementById("kg-h-period").textContent = t("period");
    document.getElementById("kg-l-from").textContent = t("from");
    document.getElementById("kg-l-to").textContent = t("to");
    document.getElementById("kg-l-undated").textContent = t("undated");
    document.getElementById("kg-period-reset").textContent = t("allDates");
    buildFilters();
    if (ready) relabel();
    updateStatus();
    renderPanel();
    if (!results.hidden) showResults();
    return true;
  }

  function revealAll() {
    showAll = true;
    refresh();
  }

  document.getElementById("kg-lang-ja").addEventListener("click", function () { setLanguage("ja"); });
  document.getElementById("kg-lang-en").addEventListener("click", function () { setLanguage("en"); });
  document.getElementById("kg-physics").addEventListener("click", function () {
    autoFreeze = false;       // the reader asked for it: keep simulating until they stop it
    setPhysics(!physicsOn);
  });
  document.getElementById("kg-fit").addEventListener("click", function () { network.fit({ animation: { duration: 300 } }); });
  document.getElementById("kg-show-all").addEventListener("click", revealAll);
  document.getElementById("kg-panel-close").addEventListener("click", closePanel);
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && selected && document.activeElement !== searchInput) closePanel();
  });

  // -------------------------------------------------------------- state for tests

  var state = {
    nodeCount: NODES.length,
    edgeCount: EDGES.length,
    threshold: THRESHOLD,
    stabilizedAt: null,
    layoutMs: null,
    network: network,
    get stable() { return stable; },
    get physics() { return physicsOn; },
    get language() { return lang; },
    get capped() { return !showAll; },
    get visibleNodeCount() { return nodesView.length; },
    get visibleEdgeCount() { return edgesView.length; },
    get hiddenByCap() { return hiddenByCap(); },
    get renderedNodeCount() { return network.body.nodeIndices.length; },
    get renderedEdgeCount() { return network.body.edgeIndices.length; },
    get selected() { return selected ? { type: selected.type, id: selected.id } : null; },
    get period() { return { from: period.from, to: period.to, undated: period.undated }; },
    get docsInPeriod() { return docsInPeriod(); },
    visibleNodeIds: function () { return nodesView.getIds(); },
    visibleEdgeIds: function () { return edgesView.getIds(); },
    setPeriod: setPeriod,
    nodeId: function (iri) { return toId(iri); },
    label: function (ref) { var id = toId(ref); return id === null ? null : label(NODES[id]); },
    iri: function (ref) { var id = toId(ref); return id === null ? null : NODES[id].iri; },
    search: search,
    focus: focusNode,
    selectNode: selectNode,
    selectEdge: selectEdge,
    closePanel: closePanel,
    setClassVisible: setClassVisible,
    setRelationVisible: setRelationVisible,
    setLanguage: setLanguage,
    setPhysics: function (on) { autoFreeze = false; setPhysics(on); },
    showAll: revealAll,
    panelText: function () { return panel.hidden ? "" : panelBody.textContent; },
  };
  window.kgState = state;

  setLanguage(lang);
  ready = true;
  syncPhysicsButton();
  if (startCount === 0) {
    stable = true;
    state.stabilizedAt = performance.now();
    state.layoutMs = 0;
    progress.classList.add("kg-done");
    updateStatus();
  }
})();
