// Entity pages: a folded reference table too long to write into the page
// (server/page_layout.py, LAZY_ROWS) is read when it is opened. The group's own view (the page
// filtered to its kind, where the table is open) is fetched and its table put in place of the
// link, which is what a reader without JavaScript follows.
(function () {
  "use strict";
  if (!window.fetch || !window.DOMParser) { return; }
  document.querySelectorAll("details.reference[data-rows]").forEach(function (details) {
    var busy = false;
    details.addEventListener("toggle", function () {
      if (!details.open || busy || details.dataset.loaded) { return; }
      var slot = details.querySelector(".lazy-rows");
      if (!slot) { return; }
      busy = true;
      details.setAttribute("aria-busy", "true");
      fetch(details.dataset.rows, {headers: {"Accept": "text/html"}, credentials: "same-origin"})
        .then(function (resp) {
          if (!resp.ok) { throw new Error("HTTP " + resp.status); }
          return resp.text();
        })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          var section = doc.getElementById(details.dataset.group);
          var table = section && section.querySelector("details.reference .table-wrap");
          if (!table) { throw new Error("no table in the group's view"); }
          slot.replaceWith(document.importNode(table, true));
          details.dataset.loaded = "1";
        })
        .catch(function () { /* the link stays: it opens the table on its own page */ })
        .then(function () { busy = false; details.removeAttribute("aria-busy"); });
    });
  });
})();
