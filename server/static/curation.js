/* The curation page (server/curation.py): review candidate facts against their document.
   Every API call sends the update token; nothing is stored beyond this browser tab. */
(function () {
  "use strict";
  var META = ["id", "type", "review", "confidence", "rule", "quote", "offsets", "occurrence",
              "flags", "unresolved"];
  var NAME_KEYS = ["member", "organization", "reporter", "partner", "investor", "recipient",
                   "place", "about", "count_scope", "located_in", "named_after", "capital_of"];
  var NAMES_KEYS = ["parties", "subjects", "objects"];
  var TYPES = ["relation", "membership", "agreement", "event", "partnership", "trade",
               "investment", "claim", "mechanism", "cooperation", "place"];
  var TEMPLATES = {
    relation: {parties: [], status: "established"},
    membership: {member: "", organization: ""},
    agreement: {instrument: "agreement", parties: []},
    event: {event_type: "visit", participants: [{actor: "", role: "visitor"}]},
    partnership: {parties: [], framework: "strategic-partnership"},
    trade: {reporter: "", partner: "", period: "", value: 0, currency: "USD", multiplier: 9},
    investment: {investor: "", recipient: "", value: 0, currency: "USD", multiplier: 9},
    claim: {claim_type: "intention", subjects: []},
    mechanism: {name: "", parties: []},
    cooperation: {parties: [], fields: []},
    place: {place: "", located_in: "", named_after: ""}
  };
  var state = null, edits = {}, added = [], selected = null;
  var $ = function (id) { return document.getElementById(id); };

  function token() { return sessionStorage.getItem("diplograph-token") || ""; }
  function message(text, isError) {
    var m = $("message"); m.textContent = text; m.className = isError ? "error" : "";
  }
  function api(path, opts) {
    opts = opts || {};
    opts.headers = Object.assign({"Authorization": "Bearer " + token()}, opts.headers || {});
    return fetch(path, opts).then(function (r) {
      return r.text().then(function (body) {
        var data = null;
        try { data = JSON.parse(body); } catch (e) { data = null; }
        if (!r.ok) {
          var msg = (data && (data.message || data.error)) || body || r.statusText;
          if (data && data.details && data.details.length) { msg += "\n" + data.details.join("\n"); }
          throw new Error(r.status + ": " + msg);
        }
        return data;
      });
    });
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  function loadList() {
    return api("/curate/api/documents").then(function (data) {
      var sel = $("doc-select"); sel.textContent = "";
      data.documents.forEach(function (d) {
        var c = d.counts || {};
        var label = d.name + (d.error ? " (error)" : " — " + (c.candidate || 0) + " candidates, " +
                    (c.accepted || 0) + " accepted");
        sel.appendChild(el("option", {value: d.name}, label));
      });
      var want = sessionStorage.getItem("diplograph-doc");
      if (want && data.documents.some(function (d) { return d.name === want; })) { sel.value = want; }
      if (sel.value) { return loadDoc(sel.value); }
      message("no facts files in the curation folder");
    });
  }

  function loadDoc(name) {
    sessionStorage.setItem("diplograph-doc", name);
    var t0 = performance.now();
    return api("/curate/api/documents/" + encodeURIComponent(name)).then(function (data) {
      state = data; edits = {}; added = []; selected = null;
      render();
      $("save").disabled = false;
      message("loaded " + name + " in " + Math.round(performance.now() - t0) + " ms");
    });
  }

  function status(f) { return (edits[f.id] && edits[f.id].review) || f.review || "accepted"; }

  function renderText() {
    var text = state.text, box = $("doc-text");
    box.textContent = "";
    var cuts = {0: true}; cuts[text.length] = true;
    var spans = state.facts.concat(added).filter(function (f) { return f.offsets; });
    spans.forEach(function (f) { cuts[f.offsets[0]] = true; cuts[f.offsets[1]] = true; });
    var points = Object.keys(cuts).map(Number).sort(function (a, b) { return a - b; });
    for (var i = 0; i + 1 < points.length; i++) {
      var a = points[i], b = points[i + 1];
      var covering = spans.filter(function (f) { return f.offsets[0] <= a && b <= f.offsets[1]; });
      covering.sort(function (x, y) { return (x.offsets[1] - x.offsets[0]) - (y.offsets[1] - y.offsets[0]); });
      var s = el("span", {"data-start": a}, text.slice(a, b));
      if (covering.length) {
        var f = covering[0];
        s.className = "hl st-" + status(f) + (selected === f.id ? " sel" : "");
        s.setAttribute("data-facts", covering.map(function (c) { return c.id; }).join(" "));
        s.title = covering.map(function (c) { return c.type + " " + c.id + " (" + status(c) + ")"; }).join("\n");
        s.addEventListener("click", (function (id) { return function () { select(id, true); }; })(f.id));
      }
      box.appendChild(s);
    }
  }

  function fieldFor(f, key, value) {
    var wrap = el("label", {}, key);
    var input;
    if (value !== null && typeof value === "object" && !(Array.isArray(value) &&
        value.every(function (v) { return typeof v !== "object"; }))) {
      input = el("textarea", {"data-key": key, "data-kind": "json"});
      input.value = JSON.stringify(value, null, 1);
    } else if (Array.isArray(value)) {
      input = el("input", {type: "text", "data-key": key, "data-kind": "list"});
      input.value = value.join(", ");
      if (NAMES_KEYS.indexOf(key) >= 0) { input.setAttribute("list", "names"); }
    } else {
      input = el("input", {type: "text", "data-key": key,
                           "data-kind": typeof value === "number" ? "number" :
                                        typeof value === "boolean" ? "bool" : "text"});
      input.value = value === null || value === undefined ? "" : String(value);
      if (NAME_KEYS.indexOf(key) >= 0) { input.setAttribute("list", "names"); }
    }
    // a value typed but not saved yet survives a re-render (selecting, accepting another fact)
    var draft = edits[f.id] && edits[f.id].values;
    if (draft && draft[key] !== undefined) { input.value = draft[key]; }
    input.addEventListener("input", function () {
      suggest(input); markEdited(f);
      edits[f.id].values = edits[f.id].values || {};
      edits[f.id].values[key] = input.value;
    });
    wrap.appendChild(input);
    return wrap;
  }

  var suggestTimer = null;
  function suggest(input) {
    if (!input.getAttribute("list")) { return; }
    var q = input.value.split(",").pop().trim();
    if (q.length < 2) { return; }
    clearTimeout(suggestTimer);
    suggestTimer = setTimeout(function () {
      api("/curate/api/names?q=" + encodeURIComponent(q)).then(function (data) {
        var dl = $("names"); dl.textContent = "";
        var prefix = input.value.indexOf(",") >= 0 ? input.value.slice(0, input.value.lastIndexOf(",") + 1) + " " : "";
        data.names.forEach(function (n) {
          dl.appendChild(el("option", {value: prefix + n.label}, n.kind + (n.vi ? " · " + n.vi : "")));
        });
      }).catch(function () {});
    }, 150);
  }

  function markEdited(f) {
    edits[f.id] = edits[f.id] || {};
    edits[f.id].edited = true;
  }

  function readCard(card, f) {
    var out = {};
    Object.keys(f).forEach(function (k) { if (META.indexOf(k) < 0) { out[k] = f[k]; } });
    out.type = card.querySelector("[data-key=type]") ? card.querySelector("[data-key=type]").value : f.type;
    out.quote = f.quote;
    if (f.offsets) { out.offsets = f.offsets; }
    card.querySelectorAll("[data-key]").forEach(function (input) {
      var key = input.getAttribute("data-key"), kind = input.getAttribute("data-kind"), v = input.value;
      if (key === "type") { return; }
      if (kind === "json") {
        try { out[key] = JSON.parse(v); } catch (e) { throw new Error(f.id + "." + key + ": not valid JSON"); }
      } else if (kind === "list") {
        out[key] = v.split(",").map(function (x) { return x.trim(); }).filter(Boolean);
      } else if (kind === "number") {
        out[key] = Number(v);
      } else if (kind === "bool") {
        out[key] = v.trim() === "true";
      } else if (v.trim() === "") {
        delete out[key];
      } else {
        out[key] = v.trim();
      }
    });
    ["confidence", "rule", "flags", "unresolved"].forEach(function (k) { if (f[k] !== undefined) { out[k] = f[k]; } });
    return out;
  }

  function card(f, isNew) {
    var st = status(f);
    var c = el("div", {"class": "cand st-" + st + (selected === f.id ? " sel" : ""), id: "fact-" + f.id,
                       "data-id": f.id});
    var head = el("div", {});
    head.appendChild(el("strong", {}, f.type + " "));
    head.appendChild(el("code", {}, f.id + " "));
    head.appendChild(el("span", {"class": "status"}, st));
    if (f.confidence !== undefined) { head.appendChild(el("small", {}, "  confidence " + f.confidence + " · " + (f.rule || ""))); }
    c.appendChild(head);
    c.appendChild(el("blockquote", {"class": "quote"}, f.quote || ""));
    if (f.unresolved && f.unresolved.length) {
      c.appendChild(el("p", {"class": "error"}, "unresolved names: " + f.unresolved.join(", ")));
    }
    if (f.flags && f.flags.length) { c.appendChild(el("p", {}, "flags: " + f.flags.join(", "))); }
    if (isNew) {
      var tl = el("label", {}, "type"), ts = el("select", {"data-key": "type"});
      TYPES.forEach(function (t) { var o = el("option", {value: t}, t); if (t === f.type) { o.selected = true; } ts.appendChild(o); });
      ts.addEventListener("change", function () {
        var keep = {id: f.id, type: ts.value, quote: f.quote, offsets: f.offsets, review: "accepted"};
        Object.assign(keep, JSON.parse(JSON.stringify(TEMPLATES[ts.value] || {})));
        Object.keys(f).forEach(function (k) { delete f[k]; });
        Object.assign(f, keep); render();
      });
      tl.appendChild(ts); c.appendChild(tl);
    }
    Object.keys(f).forEach(function (k) { if (META.indexOf(k) < 0) { c.appendChild(fieldFor(f, k, f[k])); } });
    var actions = el("div", {"class": "actions"});
    [["accept", "accepted"], ["reject", "rejected"], ["candidate", "candidate"]].forEach(function (a) {
      var b = el("button", {type: "button", "data-action": a[0]}, a[0]);
      b.addEventListener("click", function () {
        edits[f.id] = edits[f.id] || {}; edits[f.id].review = a[1]; select(f.id, false);
      });
      actions.appendChild(b);
    });
    c.appendChild(actions);
    c.addEventListener("click", function (ev) { if (ev.target === c || ev.target.tagName === "BLOCKQUOTE") { select(f.id, true); } });
    return c;
  }

  // the facts in the order the curator chose: as the file (and the text) gives them, or by
  // confidence, highest first (a fact with none, reviewed by hand, counts as 1, as
  // `diplograph evaluate --min-confidence` counts it); ties keep the file's order
  function ordered(facts) {
    if ($("order").value !== "confidence") { return facts; }
    function conf(f) { return typeof f.confidence === "number" ? f.confidence : 1; }
    return facts.map(function (f, i) { return [f, i]; })
      .sort(function (x, y) { return conf(y[0]) - conf(x[0]) || x[1] - y[1]; })
      .map(function (x) { return x[0]; });
  }

  function render() {
    $("doc-title").textContent = (state.document.title && (state.document.title.en || state.document.title.vi)) || state.name;
    renderText();
    var box = $("facts"); box.textContent = "";
    var counts = {};
    ordered(state.facts).forEach(function (f) { counts[status(f)] = (counts[status(f)] || 0) + 1; box.appendChild(card(f, false)); });
    added.forEach(function (f) { box.appendChild(card(f, true)); });
    $("counts").textContent = Object.keys(counts).map(function (k) { return counts[k] + " " + k; }).join(", ");
  }

  function select(id, scroll) {
    selected = id; render();
    var c = $("fact-" + id);
    if (c && scroll) { c.scrollIntoView({block: "nearest"}); }
    var hl = document.querySelector("#doc-text span.hl.sel");
    if (hl && !scroll) { hl.scrollIntoView({block: "nearest"}); }
  }

  function selectionOffsets() {
    var sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) { return null; }
    var r = sel.getRangeAt(0), box = $("doc-text");
    if (!box.contains(r.startContainer) || !box.contains(r.endContainer)) { return null; }
    function off(node, o) {
      var span = node.nodeType === 3 ? node.parentNode : node;
      return Number(span.getAttribute("data-start")) + (node.nodeType === 3 ? o : 0);
    }
    var a = off(r.startContainer, r.startOffset), b = off(r.endContainer, r.endOffset);
    return a < b ? [a, b] : null;
  }

  function addFromSelection() {
    var o = selectionOffsets();
    if (!o) { message("select a passage of the document first", true); return; }
    var f = {id: "new-" + (added.length + 1), type: "relation", review: "accepted",
             quote: state.text.slice(o[0], o[1]), offsets: o};
    Object.assign(f, JSON.parse(JSON.stringify(TEMPLATES.relation)));
    added.push(f); selected = f.id; render();
    message("new fact from the selection: choose its type and fill it in, then save");
  }

  function save() {
    var ops = [];
    try {
      state.facts.forEach(function (f) {
        var e = edits[f.id];
        if (!e) { return; }
        if (e.edited) {
          var fact = readCard($("fact-" + f.id), f);
          fact.review = e.review || f.review;
          ops.push({op: "replace", id: f.id, fact: fact});
        } else if (e.review && e.review !== f.review) {
          ops.push({op: "status", id: f.id, status: e.review});
        }
      });
      added.forEach(function (f) {
        var fact = readCard($("fact-" + f.id), f);
        fact.review = (edits[f.id] && edits[f.id].review) || "accepted";
        ops.push({op: "add", fact: fact});
      });
    } catch (err) { message(err.message, true); return; }
    if (!ops.length) { message("nothing to save"); return; }
    $("save").disabled = true;
    api("/curate/api/documents/" + encodeURIComponent(state.name), {
      method: "POST", headers: {"Content-Type": "application/json"},
      body: JSON.stringify({operations: ops})
    }).then(function (data) {
      state = data; edits = {}; added = []; render();
      message("saved: " + data.saved.accepted + " accepted facts in the file; " + data.saved.triples +
              " triples in the graph " + data.saved.graph);
    }).catch(function (err) { message("not saved: " + err.message, true); })
      .then(function () { $("save").disabled = false; });
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("token").value = token();
    $("token-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      sessionStorage.setItem("diplograph-token", $("token").value);
      loadList().catch(function (err) { message(err.message, true); });
    });
    $("doc-select").addEventListener("change", function () {
      loadDoc($("doc-select").value).catch(function (err) { message(err.message, true); });
    });
    $("save").addEventListener("click", save);
    $("order").addEventListener("change", function () { if (state) { render(); } });
    $("add-selection").addEventListener("click", addFromSelection);
    document.addEventListener("selectionchange", function () {
      $("add-selection").disabled = !(state && selectionOffsets());
    });
    if (token()) { loadList().catch(function (err) { message(err.message, true); }); }
  });
})();
