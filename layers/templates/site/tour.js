{# The tour draws one step at a time on a fresh Leaflet map: the spec holds every tour layer once, each step names
   its layers, legend and view. Buttons switch steps; without scripts the steps still read as text.
   The map scripts in the page's head are deferred, so they run after this inline script has run, just before
   DOMContentLoaded: hence it waits for that event (and must stay in the page, not become a deferred file). #}
document.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("site-tour-map");
  if (!box || !window.L || !window.PlanMap) return;  // the fallback message stays and says why
  var data = JSON.parse(document.getElementById("site-tour-data").textContent);
  var buttons = Array.prototype.slice.call(document.querySelectorAll("button[data-step]"));
  var map = null;
  function show(i) {
    var step = data.steps[i], v = step.view;
    if (map) map.remove();
    map = L.map(box, { zoomSnap: 0.25, zoomDelta: 0.5, minZoom: 6, maxZoom: 18 });
    PlanMap.render(map, Object.assign({}, data.spec, {
      layers: data.spec.layers.filter(function (l) { return l.role === "basemap" || step.layers.indexOf(l.id) >= 0; }),
      legend: step.legend, title: step.title, view: v.bounds ? null : v, bounds: v.bounds || data.spec.bounds,
      highlight: step.highlight }));
    buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(Number(b.dataset.step) === i)); });
  }
  buttons.forEach(function (b) {
    b.addEventListener("click", function () { show(Number(b.dataset.step)); box.scrollIntoView({ block: "nearest" }); });
  });
  show(0);
});
