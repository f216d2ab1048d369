{# A map popup links to plan.html?source=<the feature's source>; this shows the passage it cites. Without scripts
   the page opens at the top, with the contents. #}
(function () {
  var source = new URLSearchParams(location.search).get("source");
  var anchors = JSON.parse(document.getElementById("site-plan-anchors").textContent);
  var id = source && Object.prototype.hasOwnProperty.call(anchors, source) ? anchors[source] : null;
  var target = id && document.getElementById(id);
  if (!target) return;
  target.classList.add("site-target");
  target.scrollIntoView();
})();
