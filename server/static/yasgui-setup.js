/* Configure the vendored YASGUI for this server (no network access beyond this host).
 * - the endpoint is this server's /sparql; the endpoint list offers only it;
 * - the LOV class/property autocompleters (they call lov.linkeddata.es) are switched off;
 *   prefix autocompletion uses the list built into YASQE (prefixCcApi stays null);
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

  var LOCAL_COMPLETERS = ["prefixes", "variables", "entities"];
  Yasgui.Yasqe.defaults.autocompleters = LOCAL_COMPLETERS.slice();
  Yasgui.Yasqe.defaults.prefixCcApi = null;
  Yasgui.defaults.endpointCatalogueOptions.getData = function () {
    return [{ endpoint: endpoint }];
  };

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    autofocus: false,
    corsProxy: undefined,
    persistenceId: "diplograph-yasgui",
    yasqe: { autocompleters: LOCAL_COMPLETERS.slice(), prefixCcApi: null },
  });
  window.diplographYasgui = yasgui;

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
