// dateline's page script: zoom to a range of years and show a contact's
// card on hover and keyboard focus. It reads only numbers from data-*
// attributes and clones cards already in the page: no data is ever code.
(function () {
  "use strict";
  var svg = document.getElementById("chart");
  var P0 = Number(svg.dataset.p0), P1 = Number(svg.dataset.p1);
  var top = Number(svg.dataset.top), height = Number(svg.dataset.height);
  var NS = "http://www.w3.org/2000/svg";
  var from = document.getElementById("from"), to = document.getElementById("to");
  var fromOut = document.getElementById("from-out"), toOut = document.getElementById("to-out");
  var axis = document.getElementById("axis");
  var tip = document.getElementById("tip");

  function dayOf(year) { return Date.UTC(year, 0, 1) / 86400000; }

  function el(name, attrs) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) { e.setAttribute(k, String(attrs[k])); }
    return e;
  }

  function layout() {
    var y0 = Number(from.value), y1 = Number(to.value);
    if (y1 < y0) { if (this === from) { to.value = y0; y1 = y0; } else { from.value = y1; y0 = y1; } }
    fromOut.textContent = String(y0);
    toOut.textContent = String(y1);
    var d0 = dayOf(y0), d1 = dayOf(y1 + 1);
    var x = function (d) { return P0 + (d - d0) / (d1 - d0) * (P1 - P0); };
    var nodes = document.querySelectorAll("[data-fit]");
    for (var i = 0; i < nodes.length; i++) {
      var n = nodes[i], a = Number(n.dataset.a), b = Number(n.dataset.b);
      switch (n.dataset.fit) {
        case "line": n.setAttribute("x1", x(a)); n.setAttribute("x2", x(b)); break;
        case "rect": n.setAttribute("x", x(a)); n.setAttribute("width", Math.max(1, x(b) - x(a))); break;
        case "mid": n.setAttribute("x", (x(a) + x(b)) / 2); break;
        case "move": n.setAttribute("transform", "translate(" + x((a + b) / 2) + "," + Number(n.dataset.y) + ")"); break;
      }
      if (n.classList.contains("gap-label")) {
        var room = x(b) - x(a) - 12;
        n.style.visibility = n.getComputedTextLength() > room ? "hidden" : "visible";
      }
    }
    // Year ticks, as many as fit.
    while (axis.firstChild) { axis.removeChild(axis.firstChild); }
    var perYear = (P1 - P0) / (y1 + 1 - y0), steps = [1, 2, 5, 10, 20, 50, 100], step = 100;
    for (var s = 0; s < steps.length; s++) { if (perYear * steps[s] >= 44) { step = steps[s]; break; } }
    for (var y = Math.ceil(y0 / step) * step; y <= y1 + 1; y += step) {
      var tx = x(dayOf(y));
      axis.appendChild(el("line", { x1: tx, x2: tx, y1: top - 6, y2: height, "class": "tick" }));
      if (y <= y1) {
        var t = el("text", { x: tx + 4, y: top - 10, "class": "year" });
        t.textContent = String(y);
        axis.appendChild(t);
      }
    }
  }

  function show(target) {
    var card = document.getElementById(target.dataset.card || "");
    if (!card) { return; }
    tip.replaceChildren.apply(tip, Array.prototype.map.call(card.childNodes, function (c) { return c.cloneNode(true); }));
    tip.hidden = false;
    var r = target.getBoundingClientRect(), w = tip.offsetWidth;
    var left = Math.min(Math.max(8, r.left + window.scrollX + r.width / 2 - w / 2), window.scrollX + document.documentElement.clientWidth - w - 8);
    tip.style.left = left + "px";
    tip.style.top = (r.bottom + window.scrollY + 8) + "px";
  }
  function hide() { tip.hidden = true; }
  function owner(e) { return e.target.closest ? e.target.closest("[data-card]") : null; }

  svg.addEventListener("mouseover", function (e) { var t = owner(e); if (t) { show(t); } });
  svg.addEventListener("mouseout", function (e) { if (owner(e)) { hide(); } });
  svg.addEventListener("focusin", function (e) { var t = owner(e); if (t) { show(t); } });
  svg.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });
  from.addEventListener("input", layout);
  to.addEventListener("input", layout);
  layout.call(from);
  document.documentElement.dataset.ready = "1";
})();
