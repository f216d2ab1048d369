/* Measure, locate and "report for this place" on every map (issue 16), drawn by PlanMap.render through
 * SiteTools.add(map, spec). Offline, no plugin: a Leaflet control of a few buttons, a pointer readout and a go-to box.
 *   distance / area   click points, double-click or Finish; true lengths and areas from PlanGeo (geo.js)
 *   report            click a place: a popup with its coordinates and a link to the site report page
 *                     (spec.tools.siteLink); on the site report page itself (mode "site") the click is the report
 *   draw              (site page) click a site's corners; Finish sends the polygon to the page
 * The site page hears about clicks and drawings through Leaflet's "draw:created" event, which streamlit-folium
 * passes to Python as last_active_drawing. All text is set with textContent. */
(function () {
  "use strict";

  var SVG = '<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" ' +
    'stroke-width="2" stroke-linecap="round" stroke-linejoin="round">';
  var ICONS = {  // constants, never data
    distance: SVG + '<path d="M3 17 17 3l4 4L7 21z"/><path d="m7 13 2 2m1-5 2 2m1-5 2 2"/></svg>',
    area: SVG + '<path d="M4 7 12 3l8 5-2 11H6z" stroke-dasharray="3 2"/></svg>',
    report: SVG + '<path d="M12 22s7-6.2 7-12a7 7 0 0 0-14 0c0 5.8 7 12 7 12z"/><circle cx="12" cy="10" r="2.5"/></svg>',
    draw: SVG + '<path d="M4 8 11 3l9 6-3 11H7z"/><circle cx="4" cy="8" r="1.5"/><circle cx="11" cy="3" r="1.5"/>' +
      '<circle cx="20" cy="9" r="1.5"/></svg>',
    clear: SVG + '<path d="M6 6l12 12M18 6 6 18"/></svg>',
    tools: SVG + '<path d="M3 17 17 3l4 4L7 21z"/><path d="m7 13 2 2m1-5 2 2m1-5 2 2"/></svg>'
  };

  function iconButton(name, title) {
    var b = el("button", "st-button st-" + name);
    b.type = "button";
    b.innerHTML = ICONS[name];  // a constant
    b.title = title;
    b.setAttribute("aria-label", title);
    return b;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function fmtLonLat(ll) {
    var lng = ll.lng, lat = ll.lat;
    return lng.toFixed(5) + ", " + lat.toFixed(5) + "  (" + PlanGeo.formatDMS(lat, "lat") + " " +
      PlanGeo.formatDMS(lng, "lon") + ")";
  }

  function siteMarker(ll) {  // the place a report is about: a red dot in a ring, above every layer
    return L.featureGroup([
      L.circleMarker(ll, { className: "st-site", pane: "st-site", radius: 14, color: "#c0392b", weight: 2.5,
                           fill: false, interactive: false }),
      L.circleMarker(ll, { className: "st-site", pane: "st-site", radius: 6, color: "#fff", weight: 2.5,
                           fillColor: "#c0392b", fillOpacity: 1, interactive: false })
    ]);
  }

  // A link to another page of the app. The map's frame may not navigate the page itself (sandbox): planmap.js
  // changes the page's address and tells the app; a new tab is the fallback.
  function appLink(href, text) {
    var a = el("a", "st-report-link", text);
    a.href = href;
    var PM = window.PlanMap || {};
    if (PM.framed && PM.framed()) { a.target = "_blank"; a.rel = "noopener"; }
    L.DomEvent.on(a, "click", function (e) {
      if (e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;  // the reader asked for a new tab
      if (PM.openInApp && PM.openInApp(href)) L.DomEvent.preventDefault(e);
    });
    return a;
  }

  function siteHref(tools, ll) {
    if (!tools.siteLink || !/^\//.test(tools.siteLink)) return null;
    return tools.siteLink + ll.lng.toFixed(6) + "," + ll.lat.toFixed(6);
  }

  function add(map, spec) {
    var tools = spec.tools;
    if (!tools || !window.PlanGeo) return;
    var T = tools.text || {};
    var sitePage = tools.mode === "site";
    var state = { mode: null, points: [], seq: 0 };
    var pane = map.createPane("st-site");  // above the plan's layers and markers, below popups
    pane.style.zIndex = 640;
    pane.style.pointerEvents = "none";
    var sketch = L.layerGroup().addTo(map);
    var overlay = L.layerGroup().addTo(map);
    var buttons = {};

    /* ---- the panel: tool buttons, hint/result line, go-to box ---- */
    var ctl = L.control({ position: "topleft" });
    var panel, result, finish, input, error;
    ctl.onAdd = function () {
      panel = el("div", "st-panel leaflet-bar leaflet-control");
      panel.setAttribute("role", "group");
      panel.setAttribute("aria-label", T.sr_tool_title || "");
      if (window.innerWidth <= 480 && !sitePage) panel.classList.add("st-collapsed");  // phones: one button first
      var toggle = iconButton("tools", T.sr_tool_title || "Tools");
      toggle.setAttribute("aria-expanded", panel.classList.contains("st-collapsed") ? "false" : "true");
      L.DomEvent.on(toggle, "click", function (e) {
        L.DomEvent.stop(e);
        var collapsed = panel.classList.toggle("st-collapsed");
        toggle.setAttribute("aria-expanded", collapsed ? "false" : "true");
        if (collapsed) setMode(null);
      });
      panel.appendChild(toggle);
      var row = el("div", "st-buttons");
      var modes = ["distance", "area"];
      if (tools.siteLink || sitePage) modes.push("report");
      if (sitePage) modes.push("draw");
      modes.forEach(function (mode) {
        var b = iconButton(mode, T["sr_tool_" + mode] || mode);
        b.setAttribute("aria-pressed", "false");
        L.DomEvent.on(b, "click", function (e) { L.DomEvent.stop(e); setMode(state.mode === mode ? null : mode); });
        buttons[mode] = b;
        row.appendChild(b);
      });
      var clear = iconButton("clear", T.sr_tool_clear || "Clear");
      L.DomEvent.on(clear, "click", function (e) { L.DomEvent.stop(e); reset(); setMode(sitePage ? "report" : null); });
      row.appendChild(clear);
      panel.appendChild(row);
      result = el("div", "st-result");
      result.setAttribute("aria-live", "polite");
      panel.appendChild(result);
      finish = el("button", "st-finish", T.sr_tool_finish || "Finish");
      finish.type = "button";
      finish.style.display = "none";
      L.DomEvent.on(finish, "click", function (e) { L.DomEvent.stop(e); complete(); });
      panel.appendChild(finish);
      var form = el("form", "st-goto");
      input = el("input", "st-goto-input");
      input.type = "text";
      input.maxLength = tools.maxText || 120;
      input.placeholder = T.sr_tool_goto_placeholder || "";
      input.setAttribute("aria-label", T.sr_tool_goto || "Go to");
      var go = el("button", "st-goto-button", "→");
      go.type = "submit";
      go.title = T.sr_tool_goto || "Go to";
      go.setAttribute("aria-label", go.title);
      form.appendChild(input);
      form.appendChild(go);
      L.DomEvent.on(form, "submit", function (e) { L.DomEvent.preventDefault(e); goTo(input.value); });
      panel.appendChild(form);
      error = el("div", "st-error");
      error.setAttribute("role", "alert");
      panel.appendChild(error);
      L.DomEvent.disableClickPropagation(panel);
      L.DomEvent.disableScrollPropagation(panel);
      return panel;
    };
    ctl.addTo(map);

    /* ---- pointer readout ---- */
    var readout = L.control({ position: "bottomleft" });
    var readText;
    readout.onAdd = function () {
      var box = el("div", "st-readout leaflet-control");
      box.title = T.sr_tool_readout || "";
      readText = el("span", null, "");
      box.appendChild(readText);
      return box;
    };
    readout.addTo(map);
    function showCentre() { readText.textContent = fmtLonLat(map.getCenter()); }
    map.on("mousemove", function (e) { readText.textContent = fmtLonLat(e.latlng); });
    map.on("moveend", function () { if (!matchMedia("(hover: hover)").matches) showCentre(); });
    map.whenReady(showCentre);  // a map that gets its view later (the static tour) has no centre yet

    function setMode(mode) {
      if (state.points.length && state.mode !== mode) clearSketch();
      state.mode = mode;
      Object.keys(buttons).forEach(function (k) {
        buttons[k].setAttribute("aria-pressed", k === mode ? "true" : "false");
        buttons[k].classList.toggle("st-active", k === mode);
      });
      map.getContainer().classList.toggle("st-picking", !!mode);
      if (mode) map.doubleClickZoom.disable(); else map.doubleClickZoom.enable();
      result.textContent = mode ? (T["sr_tool_hint_" + mode] || "") : "";
      finish.style.display = "none";
    }

    function clearSketch() { sketch.clearLayers(); state.points = []; finish.style.display = "none"; }
    function reset() { clearSketch(); result.textContent = ""; error.textContent = ""; }

    function lonlats() { return state.points.map(function (ll) { return [ll.lng, ll.lat]; }); }

    function redraw() {
      sketch.clearLayers();
      var pts = state.points;
      var closed = state.mode === "area" || state.mode === "draw";
      if (pts.length > 1) {
        (closed && pts.length > 2 ? L.polygon(pts, { className: "st-shape", color: "#c0392b", weight: 2, fillOpacity: 0.15 })
                                  : L.polyline(pts, { className: "st-shape", color: "#c0392b", weight: 2, dashArray: "6 4" }))
          .addTo(sketch);
      }
      pts.forEach(function (ll) {
        L.circleMarker(ll, { radius: 4, color: "#c0392b", fillColor: "#fff", fillOpacity: 1, weight: 2,
                             interactive: false }).addTo(sketch);
      });
      var ring = lonlats();
      if (state.mode === "distance") {
        result.textContent = (T.sr_tool_length || "Length") + ": " + PlanGeo.formatLength(PlanGeo.pathLength(ring));
      } else if (ring.length > 2) {
        var perimeter = PlanGeo.pathLength(ring.concat([ring[0]]));
        result.textContent = (T.sr_tool_area_value || "Area") + ": " + PlanGeo.formatArea(PlanGeo.area(ring)) +
          " · " + (T.sr_tool_perimeter || "Perimeter") + ": " + PlanGeo.formatLength(perimeter);
      }
      finish.style.display = pts.length > (closed ? 2 : 1) ? "block" : "none";
    }

    function send(layer, props) {  // to Python (site page): streamlit-folium reports last_active_drawing
      state.seq += 1;
      layer.feature = { type: "Feature", properties: Object.assign({ seq: Date.now() + "-" + state.seq,
                                                                     zoom: map.getZoom() }, props) };
      result.textContent = T.sr_tool_sending || "";
      map.fire("draw:created", { layer: layer, layerType: props.kind === "area" ? "polygon" : "marker" });
    }

    function complete() {
      if (state.mode === "draw" && state.points.length > 2) {
        var poly = L.polygon(state.points);
        clearSketch();
        L.polygon(poly.getLatLngs(), { className: "st-site", pane: "st-site", color: "#b03a2e", weight: 2,
                                       fillOpacity: 0.2, interactive: false }).addTo(overlay);
        send(poly, { kind: "area" });
        return;
      }
      finish.style.display = "none";
      state.done = true;
    }

    function reportAt(ll) {
      if (sitePage) {
        overlay.clearLayers();
        siteMarker(ll).addTo(overlay);
        send(L.marker(ll), { kind: "site" });
        return;
      }
      var box = el("div", "st-popup");
      box.appendChild(el("div", "st-popup-coords", fmtLonLat(ll)));
      var href = siteHref(tools, ll);
      if (href) box.appendChild(appLink(href, T.sr_tool_report_here || "Report"));
      L.popup({ className: "st-popup-wrap" }).setLatLng(ll).setContent(box).openOn(map);
    }

    function handleClick(ll) {
      if (!state.mode) return;
      if (state.mode === "report") { reportAt(ll); return; }
      if (state.done) { clearSketch(); state.done = false; }
      state.points.push(ll);
      redraw();
    }
    map.on("click", function (e) { handleClick(e.latlng); });
    // planmap.js asks before it opens a feature's details: while a tool is on, a click on a feature is the tool's
    map.pmToolClick = function (ll) {
      if (!state.mode || (state.mode === "report" && !sitePage)) return false;
      handleClick(ll);
      return true;
    };
    map.on("dblclick", function (e) {
      if (state.mode === "distance" || state.mode === "area" || state.mode === "draw") {
        L.DomEvent.stop(e);
        // the double-click's two clicks added the same point twice: drop the repeat
        var pts = state.points;
        if (pts.length > 1 && pts[pts.length - 1].distanceTo(pts[pts.length - 2]) < 1e-6 * 111000) pts.pop();
        redraw();
        complete();
      }
    });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") { reset(); setMode(sitePage ? "report" : null); } });

    function goTo(text) {
      error.textContent = "";
      var at;
      try {
        at = PlanGeo.parse(text, tools.region, tools.maxText);
      } catch (err) {
        error.textContent = PlanGeo.message(T, err);
        return;
      }
      var ll = L.latLng(at.lat, at.lon);
      map.setView(ll, Math.max(map.getZoom(), 13), { animate: false });
      if (at.swapped) error.textContent = PlanGeo.message(T, { key: "sr_note_swapped", params: { lon: at.lon, lat: at.lat } });
      if (sitePage) { reportAt(ll); return; }
      overlay.clearLayers();
      siteMarker(ll).addTo(overlay);
      reportAt(ll);
    }

    /* "report for this place" under every feature's details: in its popup, or in the phone's bottom sheet */
    function addReportLink(node, ll, close) {
      if (!node || node.querySelector(".st-report-link")) return;
      if (sitePage) {
        var b = el("button", "st-report-link st-report-button", T.sr_tool_report_here || "Report");
        b.type = "button";
        L.DomEvent.on(b, "click", function (ev) { L.DomEvent.stop(ev); close(); reportAt(ll); });
        node.appendChild(b);
        return;
      }
      var href = siteHref(tools, ll);
      if (!href) return;
      node.appendChild(appLink(href, T.sr_tool_report_here || "Report"));
    }
    map.on("popupopen", function (e) {
      var content = e.popup.getContent && e.popup.getContent();
      var ours = content && content.className === "st-popup";
      // A click on a feature that opened a popup by itself: while a tool is on, the click is the tool's.
      if (!ours && state.mode && (state.mode !== "report" || sitePage)) {
        setTimeout(function () { map.closePopup(e.popup); }, 0);
        handleClick(e.popup.getLatLng());
        return;
      }
      if (!ours) addReportLink(e.popup._contentNode, e.popup.getLatLng(), function () { map.closePopup(); });
    });
    map.on("pmdetailsopen", function (e) {
      addReportLink(e.node, e.latlng, e.close);
    });

    /* the site (point or boundary) the page reports on */
    var site = spec.site;
    if (site && site.geojson) {
      var drawn = L.geoJSON(site.geojson, {
        interactive: false,
        pane: "st-site",
        style: function () { return { className: "st-site", color: "#b03a2e", weight: 2.5, fillOpacity: 0.18 }; },
        pointToLayer: function (f, ll) { return siteMarker(ll); }
      }).addTo(overlay);
      document.documentElement.setAttribute("data-site-drawn", site.kind || "point");
      window.SiteTools.siteLayer = drawn;
    }
    if (sitePage) setMode("report");
    window.SiteTools.state = state;
    window.SiteTools.setMode = setMode;
  }

  window.SiteTools = { add: add };
})();
