{# planmap.js's share button puts ?view=lat,lon,zoom in the address; a static page applies it itself.
   map_name: the folium map's variable name, as script JSON. #}
(function () {
  var map = window[{{ map_name }}], view = new URLSearchParams(location.search).get("view");
  var v = (view || "").split(",").map(Number);
  if (!map || v.length !== 3 || !v.every(isFinite)) return;
  function apply() { map.setView([v[0], v[1]], v[2], { animate: false }); }
  if (map._animatingZoom) map.once("zoomend", apply); else apply();  // let the first fit finish, then move
})();
