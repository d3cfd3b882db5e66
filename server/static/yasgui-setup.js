/* Configure the vendored YASGUI for this server (no network access beyond this host).
 * - the endpoint is this server's /sparql; the endpoint list offers only it;
 * - the LOV class/property autocompleters (they call lov.linkeddata.es) are switched off;
 *   prefix autocompletion uses the list built into YASQE (prefixCcApi stays null);
 * - the editor knows the prefixes the endpoint predefines (no error mark for dg:, wd: …);
 * - an error from the endpoint shows its message (and the query line with a caret), not JSON;
 * - result IRIs minted here (<site base>id/…) link to this server's pages;
 * - each named query opens in its own tab (buttons above the editor, or #name in the URL). */
(function () {
  "use strict";
  var queries = JSON.parse(document.getElementById("named-queries-data").textContent);
  var endpoint = document.getElementById("endpoint-url").textContent.trim();

  // Entities of this graph by name: type a name (English or Vietnamese, any diacritics) or the
  // start of one of our IRIs and press Ctrl+Space; the IRI is inserted. Asks this server's
  // /search.json only.
  var searchUrl = document.getElementById("yasgui").dataset.search;
  var labels = {};
  Yasgui.Yasqe.registerAutocompleter({
    name: "entities",
    bulk: false,
    autoShow: false,
    isValidCompletionPosition: function (yasqe) {
      var s = yasqe.getCompleteToken().string || "";
      if (s.indexOf("<https://diplograph.org/id/") === 0) return true;
      return /^[^\s?$<>"':#{}().,;0-9][^\s<>"'#{}().,;:]{1,}$/.test(s) && s !== s.toUpperCase();
    },
    get: function (yasqe, token) {
      var text = token.string.replace(/^<https:\/\/diplograph\.org\/id\/[^/]*\/?/, "").replace(/>$/, "");
      if (!text) return Promise.resolve([]);
      return fetch(searchUrl + "?limit=12&q=" + encodeURIComponent(text),
                   { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : { results: [] }; })
        .then(function (d) {
          return (d.results || []).map(function (h) {
            var iri = "<" + h.iri + ">";
            labels[iri] = h.label + " (" + h.kind + ")";
            return iri;
          });
        });
    },
    postprocessHints: function (yasqe, hints) {
      hints.forEach(function (h) { if (labels[h.text]) h.displayText = labels[h.text] + "  " + h.text; });
      return hints;
    },
  });

  // Result views drawn by this server (like WDQS's): map, timeline, chart, graph. The result
  // YASR already has is posted to /pictures/results.svg; nothing is queried twice.
  var picturesUrl = document.getElementById("yasgui").dataset.pictures;
  function resultView(view, label, test) {
    function Plugin(yasr) { this.yasr = yasr; this.label = label; this.priority = 1; }
    Plugin.prototype.canHandleResults = function () {
      var r = this.yasr.results;
      if (!r) return false;
      if (view === "graph") return r.getType && r.getType() !== "json" || test(r);
      return !!(r.getVariables && r.getVariables().length && test(r));
    };
    Plugin.prototype.getIcon = function () {
      var span = document.createElement("span"); span.textContent = label.charAt(0); return span;
    };
    Plugin.prototype.draw = function () {
      var el = this.yasr.resultsEl, r = this.yasr.results;
      var json = r.getType && r.getType() === "json";
      el.textContent = "drawing…";
      fetch(picturesUrl + "?view=" + view, {
        method: "POST",
        headers: { "Content-Type": json ? "application/sparql-results+json" : "application/n-triples" },
        body: json ? r.getOriginalResponseAsString() : (r.asNtriples ? r.asNtriples() : r.getOriginalResponseAsString()),
      }).then(function (resp) {
        return resp.text().then(function (text) { return { ok: resp.ok, text: text }; });
      }).then(function (res) {
        el.textContent = "";
        var box = document.createElement("div"); box.className = "result-view";
        if (res.ok) { box.innerHTML = res.text; }  // an SVG made and escaped by this server
        else { box.className += " error"; box.textContent = res.text; }
        el.appendChild(box);
      });
    };
    Yasgui.Yasr.registerPlugin(view + "View", Plugin);
  }
  function anyCell(r, pred) {
    var vars = r.getVariables(), rows = r.getBindings ? r.getBindings() : [];
    return rows.slice(0, 50).some(function (b) {
      return vars.some(function (v) { return b[v] && pred(b[v]); });
    });
  }
  resultView("map", "Map", function (r) {
    return anyCell(r, function (c) { return /POINT\s*\(/i.test(c.value) || /\/id\/state\/[A-Z]{3}$/.test(c.value); });
  });
  resultView("timeline", "Timeline", function (r) {
    return anyCell(r, function (c) { return /^-?\d{4}(-\d\d(-\d\d)?)?/.test(c.value) && c.type !== "uri"; });
  });
  resultView("chart", "Chart", function (r) {
    return anyCell(r, function (c) { return c.type !== "uri" && /^-?\d+(\.\d+)?$/.test(c.value); });
  });
  resultView("graph", "Graph", function (r) {
    return anyCell(r, function (c) { return c.type === "uri"; });
  });

  // The endpoint's predefined prefixes count as declared when YASQE checks the query: its
  // SPARQL mode starts every parse with them.
  var predefined = JSON.parse(document.getElementById("predefined-prefixes").textContent);
  var sparqlMode = Yasgui.Yasqe.modes.sparql11;
  if (sparqlMode && !sparqlMode.diplographPrefixes) {
    var withPrefixes = function (config, parserConfig) {
      var mode = sparqlMode(config, parserConfig);
      var startState = mode.startState;
      mode.startState = function () {
        var state = startState.apply(this, arguments);
        Object.keys(predefined).forEach(function (p) {
          if (state.prefixes[p] === undefined) state.prefixes[p] = predefined[p];
        });
        return state;
      };
      return mode;
    };
    withPrefixes.diplographPrefixes = true;
    Yasgui.Yasqe.defineMode("sparql11", withPrefixes);
  }

  // Errors: the endpoint answers {"error", "status", "message", "details"}; show the words.
  function errorBox(error) {
    var data;
    try { data = JSON.parse(error.text); } catch (e) { return Promise.resolve(undefined); }
    if (!data || typeof data.message !== "string") return Promise.resolve(undefined);
    var box = document.createElement("div");
    box.className = "diplograph-error";
    var head = document.createElement("p");
    head.className = "error-status";
    head.textContent = "Error " + (error.status || data.status || "") + (data.error ? " (" + data.error + ")" : "");
    var msg = document.createElement("p");
    msg.className = "error-message";
    msg.textContent = data.message;
    box.appendChild(head);
    box.appendChild(msg);
    if (data.details && data.details.length) {
      var pre = document.createElement("pre");
      pre.className = "error-details";
      pre.textContent = data.details.join("\n");
      box.appendChild(pre);
    }
    var at = /at line (\d+), column (\d+)/.exec(data.message);
    if (at) {
      var go = document.createElement("button");
      go.type = "button";
      go.className = "error-goto";
      go.textContent = "Show line " + at[1] + ", column " + at[2] + " in the editor";
      go.addEventListener("click", function () {
        var yq = yasgui.getTab().getYasqe();
        yq.focus();
        yq.setCursor({ line: +at[1] - 1, ch: +at[2] - 1 });
      });
      box.appendChild(go);
    }
    return Promise.resolve(box);
  }
  Yasgui.Yasr.defaults.errorRenderers = [errorBox];

  var LOCAL_COMPLETERS = ["prefixes", "variables", "entities"];
  Yasgui.Yasqe.defaults.autocompleters = LOCAL_COMPLETERS.slice();
  Yasgui.Yasqe.defaults.prefixCcApi = null;
  // the editor's input (CodeMirror's textarea) has no label of its own: name it for screen
  // readers, in the interface's language
  var editorLabel = document.getElementById("yasgui").dataset.editorLabel || "SPARQL query editor";
  Yasgui.Yasqe.defaults.screenReaderLabel = editorLabel;
  Yasgui.defaults.endpointCatalogueOptions.getData = function () {
    return [{ endpoint: endpoint }];
  };

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    autofocus: false,
    corsProxy: undefined,
    persistenceId: "diplograph-yasgui",
    yasqe: { autocompleters: LOCAL_COMPLETERS.slice(), prefixCcApi: null,
             screenReaderLabel: editorLabel },
  });
  window.diplographYasgui = yasgui;

  // IRIs minted here (<site base>id/…) do not resolve on the public web from a local copy:
  // their links in the results go to this server's pages instead (the IRI stays the text).
  var root = document.getElementById("yasgui");
  var idBase = root.dataset.siteBase + "id/";
  var pages = root.dataset.pages;
  function localise(el) {
    var links = el.matches && el.matches("a[href]") ? [el] : [];
    links = links.concat(Array.prototype.slice.call(el.querySelectorAll ? el.querySelectorAll("a[href]") : []));
    links.forEach(function (a) {
      var href = a.getAttribute("href");
      if (href && href.indexOf(idBase) === 0 && href.length > idBase.length) {
        a.setAttribute("href", pages + href.slice(idBase.length));
        a.setAttribute("data-iri", href);
        a.title = href;
      }
    });
  }
  // YASGUI's own controls with no accessible name: the endpoint's box, the result formats
  function labelControls(el) {
    if (!el.querySelectorAll) return;
    el.querySelectorAll(".autocompleteWrapper input:not([aria-label])").forEach(function (input) {
      input.setAttribute("aria-label", root.dataset.endpointLabel || "SPARQL endpoint");
    });
    el.querySelectorAll(".selector select:not([aria-label])").forEach(function (select) {
      var label = select.parentNode.querySelector(".selectorLabel");
      select.setAttribute("aria-label", (root.dataset.acceptLabel || "Result format") +
                          (label ? ": " + label.textContent : ""));
    });
  }
  new MutationObserver(function (mutations) {
    mutations.forEach(function (m) {
      m.addedNodes.forEach(function (n) { if (n.nodeType === 1) { localise(n); labelControls(n); } });
      if (m.type === "attributes" && m.target.nodeType === 1) localise(m.target);
    });
  }).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ["href"] });
  localise(root);
  labelControls(root);

  function header(q) {
    var lines = ["# " + q.title, "# " + (q.description || "")];
    if (q.parameters.length) {
      lines.push("# Parameters (bound as RDF terms by the API " + q.url + "?name=value):");
      q.parameters.forEach(function (p) {
        lines.push("#   ?" + p.name + " (" + p.type + (p.required ? ", required" : "") +
                   (p.default ? ", default " + p.default : "") + ") " + (p.description || ""));
      });
      lines.push("# Here they are unbound: edit the query (e.g. VALUES) to restrict them.");
    }
    return lines.join("\n") + "\n";
  }

  function openQuery(name) {
    var q = queries.find(function (x) { return x.name === name; });
    if (!q) return null;
    var tabs = yasgui._tabs;
    for (var id in tabs) {
      if (tabs[id].getName && tabs[id].getName() === q.title) { yasgui.selectTabId(id); return tabs[id]; }
      if (tabs[id].name && tabs[id].name() === q.title) { yasgui.selectTabId(id); return tabs[id]; }
    }
    var body = q.query.split("\n").filter(function (l) { return l.indexOf("#+") !== 0; }).join("\n");
    return yasgui.addTab(true, {
      name: q.title,
      yasqe: { value: header(q) + body.replace(/^\s+/, "") },
      requestConfig: { endpoint: endpoint },
    });
  }
  window.diplographOpenQuery = openQuery;

  document.querySelectorAll(".open-query").forEach(function (btn) {
    btn.addEventListener("click", function () { openQuery(btn.dataset.name); });
  });
  if (location.hash.length > 1) openQuery(decodeURIComponent(location.hash.slice(1)));
})();
