/* The basic query page: used when YASGUI is not installed (or with ?ui=basic).
 * Free SPARQL goes to /sparql (form POST); named queries go to /queries/<name>. */
(function () {
  "use strict";
  var queries = JSON.parse(document.getElementById("named-queries-data").textContent);
  var endpoint = document.getElementById("endpoint-url").textContent.trim();
  var ACCEPT = "application/sparql-results+json, text/turtle;q=0.9, */*;q=0.1";
  var $ = function (id) { return document.getElementById(id); };
  var current = null;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function status(text, isError) {
    var s = $("status");
    s.textContent = text;
    s.className = isError ? "error" : "muted";
  }

  function termCell(t) {
    var td = el("td");
    if (!t) return td;
    if (t.type === "uri") {
      var a = el("a", { href: t.value.indexOf(location.origin) === 0 ? t.value : localHref(t.value) }, t.value);
      td.appendChild(a);
    } else {
      td.appendChild(document.createTextNode(t.value));
      if (t["xml:lang"]) td.appendChild(el("span", { class: "lang" }, "@" + t["xml:lang"]));
    }
    return td;
  }

  var BASE_ID = (document.body.dataset.base || "https://diplograph.org/") + "id/";
  function localHref(iri) {
    return iri.indexOf(BASE_ID) === 0 ? "/id/" + iri.slice(BASE_ID.length) : iri;
  }

  function render(data, started) {
    var out = $("results");
    out.innerHTML = "";
    var ms = Math.round(performance.now() - started);
    if (typeof data === "string") {
      out.appendChild(el("pre", { class: "turtle" }, data));
      status("Graph result (" + ms + " ms).");
      return;
    }
    if (data.boolean !== undefined) {
      out.appendChild(el("p", { class: "boolean" }, "Answer: " + (data.boolean ? "yes" : "no")));
      status("ASK result (" + ms + " ms).");
      return;
    }
    var vars = data.head.vars || [];
    var rows = data.results.bindings;
    var max = parseInt($("max-rows").value, 10) || 1000;
    var wrap = el("div", { class: "table-wrap" });
    var table = el("table", { class: "results", id: "results-table" });
    var tr = el("tr");
    vars.forEach(function (v) { tr.appendChild(el("th", {}, v)); });
    table.appendChild(el("thead")).appendChild(tr);
    var tbody = table.appendChild(el("tbody"));
    rows.slice(0, max).forEach(function (b) {
      var r = el("tr");
      vars.forEach(function (v) { r.appendChild(termCell(b[v])); });
      tbody.appendChild(r);
    });
    wrap.appendChild(table);
    out.appendChild(wrap);
    status(rows.length + " row" + (rows.length === 1 ? "" : "s") +
           (rows.length > max ? " (first " + max + " shown)" : "") + " in " + ms + " ms.");
  }

  function handle(promise, started) {
    return promise.then(function (resp) {
      var ct = resp.headers.get("Content-Type") || "";
      return resp.text().then(function (body) {
        if (!resp.ok) {
          var msg = body, details = [];
          try { var j = JSON.parse(body); msg = j.message; details = j.details || []; } catch (e) { /* plain text */ }
          $("results").innerHTML = "";
          status("Error " + resp.status + ": " + msg, true);
          if (details.length) {  // e.g. the query line with a caret under the place
            var pre = document.createElement("pre");
            pre.className = "error-details";
            pre.textContent = details.join("\n");
            $("results").appendChild(pre);
          }
          return;
        }
        render(ct.indexOf("json") >= 0 ? JSON.parse(body) : body, started);
      });
    }).catch(function (e) { status("Request failed: " + e, true); });
  }

  $("sparql-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    status("Running…");
    var started = performance.now();
    handle(fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT },
      body: new URLSearchParams({ query: $("query").value }),
    }), started);
  });

  function namedUrl(q) {
    var params = new URLSearchParams();
    q.parameters.forEach(function (p) {
      var v = $("param-" + p.name).value.trim();
      if (v) params.set(p.name, v);
    });
    var qs = params.toString();
    return q.url + (qs ? "?" + qs : "");
  }

  function openQuery(name) {
    var q = queries.find(function (x) { return x.name === name; });
    if (!q) return;
    current = q;
    $("named-form").hidden = false;
    $("named-title").textContent = q.title;
    $("named-description").textContent = q.description;
    var form = $("named-params");
    form.innerHTML = "";
    q.parameters.forEach(function (p) {
      var label = el("label", {}, p.name + " ");
      label.appendChild(el("span", { class: "muted" }, "(" + p.type + (p.required ? ", required" : "") + ") "));
      var input = el("input", { id: "param-" + p.name, name: p.name, placeholder: p.default || "" });
      if (p.required) input.required = true;
      input.addEventListener("input", function () { $("named-link").href = namedUrl(q); });
      label.appendChild(input);
      label.appendChild(el("small", { class: "muted" }, " " + (p.description || "")));
      form.appendChild(label);
    });
    if (!q.parameters.length) form.appendChild(el("p", { class: "muted" }, "No parameters."));
    $("named-link").href = namedUrl(q);
    $("named-form").scrollIntoView({ block: "nearest" });
  }

  $("run-named").addEventListener("click", function () {
    if (!current) return;
    status("Running " + current.name + "…");
    var started = performance.now();
    handle(fetch(namedUrl(current), { headers: { "Accept": ACCEPT } }), started);
  });
  $("edit-named").addEventListener("click", function () {
    if (!current) return;
    $("query").value = current.query;
    $("query").focus();
  });
  document.querySelectorAll(".open-query").forEach(function (btn) {
    btn.addEventListener("click", function () { openQuery(btn.dataset.name); });
  });
  $("named-params").addEventListener("submit", function (ev) { ev.preventDefault(); $("run-named").click(); });
  if (location.hash.length > 1) openQuery(decodeURIComponent(location.hash.slice(1)));
})();
