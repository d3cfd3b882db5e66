// The search box's autocompletion (an ARIA 1.2 combobox with a listbox popup).
// Without JavaScript the box is a plain form that submits to /search.
(function () {
  "use strict";
  var input = document.getElementById("site-search");
  if (!input || !window.fetch) { return; }
  var list = document.getElementById("site-search-list");
  var url = input.getAttribute("data-suggest");
  var timer = null, active = -1, items = [], seq = 0;

  function close() {
    list.hidden = true; list.textContent = ""; items = []; active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }
  function highlight(i) {
    items.forEach(function (li, k) { li.setAttribute("aria-selected", k === i ? "true" : "false"); });
    active = i;
    if (i >= 0) { input.setAttribute("aria-activedescendant", items[i].id); }
    else { input.removeAttribute("aria-activedescendant"); }
  }
  function show(results) {
    list.textContent = ""; items = []; active = -1;
    results.forEach(function (r, k) {
      var li = document.createElement("li");
      li.id = "site-search-option-" + k;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.dataset.url = r.url;
      var name = document.createElement("span");
      name.textContent = r.label + (r.matched !== r.label ? " (" + r.matched + ")" : "");
      var kind = document.createElement("span");
      kind.className = "kind"; kind.textContent = r.kind;
      li.appendChild(name); li.appendChild(kind);
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); window.location = r.url; });
      list.appendChild(li); items.push(li);
    });
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
  }
  function suggest() {
    var q = input.value.trim();
    if (q.length < 1) { close(); return; }
    var mine = ++seq;
    fetch(url + "?limit=8&q=" + encodeURIComponent(q), { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { results: [] }; })
      .then(function (data) { if (mine === seq) { show(data.results || []); } })
      .catch(function () { close(); });
  }
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(suggest, 120); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown" && items.length) { ev.preventDefault(); highlight((active + 1) % items.length); }
    else if (ev.key === "ArrowUp" && items.length) { ev.preventDefault(); highlight((active - 1 + items.length) % items.length); }
    else if (ev.key === "Enter" && active >= 0) { ev.preventDefault(); window.location = items[active].dataset.url; }
    else if (ev.key === "Escape") { close(); }
  });
  input.addEventListener("blur", function () { setTimeout(close, 150); });
}());
