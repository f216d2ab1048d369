/* Draws the plan's layers on a Leaflet map from a JSON "map spec" built in Python (layers/mapspec.py).
 * Every text from data is inserted with textContent, never as HTML, so feature text cannot run script. */
(function () {
  "use strict";

  var LINK_ICON = '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" style="margin-top:6px">' +
    '<path d="M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1" ' +
    'fill="none" stroke="#333" stroke-width="2" stroke-linecap="round"/></svg>';

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function safeHref(href) {
    return typeof href === "string" && /^(\?|\/|#)/.test(href) ? href : null;
  }

  function styleFor(layer, props) {
    var style = Object.assign({}, layer.style);
    if (layer.styleBy && layer.styleBy.values) {
      var extra = layer.styleBy.values[props[layer.styleBy.property]];
      if (extra) Object.assign(style, extra);
    }
    if (props.geometry_basis === "schematic") {
      style.dashArray = style.dashArray || "7 5";
      style.fillOpacity = Math.min(style.fillOpacity === undefined ? 0.2 : style.fillOpacity, 0.18);
    }
    return style;
  }

  function popupContent(spec, layer, props) {
    var t = spec.text, lang = spec.lang, other = lang === "en" ? "zh" : "en";
    var box = el("div", "pm-popup");
    box.appendChild(el("div", "pm-layer", layer.title));
    box.appendChild(el("h3", "pm-name", props["name_" + lang] || props["name_" + other]));
    if (props["name_" + other]) box.appendChild(el("div", "pm-name-other", props["name_" + other]));
    var fn = props["function_" + lang] || props["function_" + other];
    if (fn) box.appendChild(el("p", "pm-function", fn));
    if (lang === "en" && props.function_zh) {
      var orig = el("blockquote", "pm-original");
      orig.appendChild(el("span", "pm-label", t.plan_wording));
      orig.appendChild(el("span", null, props.function_zh));
      box.appendChild(orig);
    }
    (layer.extraFields || []).forEach(function (f) {
      var v = props[f.key + "_" + lang] || props[f.key + "_" + other];
      if (v) {
        var row = el("div", "pm-row");
        row.appendChild(el("span", "pm-label", f.label));
        row.appendChild(el("span", null, v));
        box.appendChild(row);
      }
    });
    var projects = Array.isArray(props.projects) ? props.projects : [];
    if (projects.length) {
      box.appendChild(el("div", "pm-label", t.projects + " (" + projects.length + ")"));
      var ul = el("ul", "pm-projects");
      projects.slice(0, 8).forEach(function (p) {
        var name = (lang === "en" && p.name_en) ? p.name_en : p.name_zh;
        ul.appendChild(el("li", null, name + (p.source ? " — " + p.source : "")));
      });
      if (projects.length > 8) ul.appendChild(el("li", "pm-more", "… +" + (projects.length - 8)));
      box.appendChild(ul);
    }
    var src = el("div", "pm-source");
    src.appendChild(el("span", "pm-label", t.source));
    src.appendChild(el("span", null, props.source || "—"));
    box.appendChild(src);
    var basis = props.geometry_basis;
    if (basis) {
      var b = el("div", "pm-basis pm-basis-" + basis);
      b.appendChild(el("span", "pm-badge", t["basis_" + basis] || basis));
      var note = props["geometry_note_" + lang] || props["geometry_note_" + other];
      if (note) b.appendChild(el("span", "pm-note", note));
      box.appendChild(b);
    }
    var href = safeHref(spec.planLink && props.source ? spec.planLink + encodeURIComponent(props.source) : null);
    if (href) {
      var a = el("a", "pm-link", t.read_plan);
      a.href = href;
      a.target = "_top";
      box.appendChild(a);
    }
    return box;
  }

  function swatch(item) {
    var s = el("span", "pm-swatch pm-swatch-" + (item.shape || "fill"));
    var c = item.color || "#666";
    if (item.shape === "line") {
      s.style.borderTopColor = c;
      if (item.dash) s.style.borderTopStyle = "dashed";
    } else if (item.shape === "point") {
      s.style.background = item.fill_color || c;
      s.style.borderColor = c;
    } else {
      s.style.background = item.fill_color || c;
      s.style.borderColor = c;
      if (item.dash) s.style.borderStyle = "dashed";
    }
    return s;
  }

  function addLegend(map, spec) {
    if (!spec.legend || !spec.legend.length) return;
    var ctl = L.control({ position: "bottomright" });
    ctl.onAdd = function () {
      var box = el("details", "pm-legend leaflet-control");
      if (window.innerWidth > 600) box.open = true;  // phones start with the legend folded
      box.appendChild(el("summary", "pm-legend-title", spec.text.legend));
      var list = el("div", "pm-legend-list");
      list.setAttribute("role", "list");
      list.setAttribute("aria-label", spec.text.legend);
      spec.legend.forEach(function (item) {
        var row = el("div", "pm-legend-item");
        row.setAttribute("role", "listitem");
        row.appendChild(swatch(item));
        row.appendChild(el("span", null, item.label));
        list.appendChild(row);
      });
      box.appendChild(list);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    ctl.addTo(map);
  }

  function addTitleAndNorth(map, spec) {
    var ctl = L.control({ position: "topright" });
    ctl.onAdd = function () {
      var box = el("div", "pm-corner leaflet-control");
      if (spec.title) {
        var title = el("div", "pm-title");
        title.appendChild(el("div", "pm-title-main", spec.title));
        if (spec.subtitle) title.appendChild(el("div", "pm-title-sub", spec.subtitle));
        box.appendChild(title);
      }
      var north = el("div", "pm-north");
      north.setAttribute("role", "img");
      north.setAttribute("aria-label", spec.text.north);
      north.innerHTML = '<svg viewBox="0 0 40 52" width="30" height="39" aria-hidden="true">' +
        '<polygon points="20,4 31,40 20,33 9,40" fill="#222"/><polygon points="20,4 9,40 20,33" fill="#fff" stroke="#222" stroke-width="1.2"/>' +
        '<text x="20" y="51" text-anchor="middle" font-size="12" font-weight="700" fill="#222">N</text></svg>';
      box.appendChild(north);
      return box;
    };
    ctl.addTo(map);
  }

  function viewUrl(map) {
    var c = map.getCenter();
    var view = c.lat.toFixed(4) + "," + c.lng.toFixed(4) + "," + map.getZoom();
    try {
      var url = new URL(window.parent.location.href);
      url.searchParams.set("view", view);
      url.searchParams.delete("select");
      return url;
    } catch (e) {
      return null;  // not allowed to read the page's address: no share link
    }
  }

  function addShare(map, spec) {
    var ctl = L.control({ position: "topleft" });
    ctl.onAdd = function () {
      var box = el("div", "pm-share leaflet-bar leaflet-control");
      var button = el("a", "pm-share-button");
      button.innerHTML = LINK_ICON;  // a constant, never data
      button.href = "#";
      button.title = spec.text.share;
      button.setAttribute("role", "button");
      button.setAttribute("aria-label", spec.text.share);
      var field = el("input", "pm-share-field");
      field.type = "text";
      field.readOnly = true;
      field.setAttribute("aria-label", spec.text.share);
      field.style.display = "none";
      L.DomEvent.on(button, "click", function (e) {
        L.DomEvent.preventDefault(e);
        var url = viewUrl(map);
        if (!url) return;
        field.value = url.toString();
        field.style.display = field.style.display === "none" ? "block" : "none";
        field.select();
        if (navigator.clipboard) navigator.clipboard.writeText(field.value).catch(function () {});
      });
      box.appendChild(button);
      box.appendChild(field);
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    ctl.addTo(map);
    map.on("moveend", function () {
      if (!map._pmReady) return;
      var url = viewUrl(map);
      try {
        if (url) window.parent.history.replaceState(window.parent.history.state, "", url.toString());
      } catch (e) { /* the address bar is not ours to change: ignore */ }
    });
  }

  function addNotice(map, spec) {
    if (!spec.notice) return;
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(spec.notice.replace(/[<>&"]/g, ""));
  }

  function drawLayer(map, spec, layer, data, state) {
    var isBase = layer.role === "basemap";
    var only = Array.isArray(layer.only) ? new Set(layer.only.map(String)) : null;
    var gj = L.geoJSON(data, {
      pane: isBase ? "pm-basemap" : undefined,
      interactive: !isBase,
      filter: function (f) { return !only || only.has(String((f.properties || {}).id)); },
      style: function (f) { return styleFor(layer, f.properties || {}); },
      pointToLayer: function (f, latlng) {
        var s = styleFor(layer, f.properties || {});
        s.radius = s.radius || 7;
        return L.circleMarker(latlng, s);
      },
      onEachFeature: function (f, lyr) {
        state.drawn += 1;
        if (isBase) return;
        var props = f.properties || {};
        state.index[layer.id + "/" + props.id] = lyr;
        lyr.bindPopup(function () { return popupContent(spec, layer, props); },
                      { maxWidth: 360, minWidth: 240, maxHeight: 340 });
        var name = props["name_" + spec.lang] || props.name_zh;
        lyr.bindTooltip(function () { return el("span", null, name); }, { sticky: true, className: "pm-tip" });  // a string would be innerHTML
        var where = layer.labelPoints && layer.labelPoints[String(props.id)];
        if (where) {
          var isPoint = f.geometry && /Point/.test(f.geometry.type);
          var text = el("span", "pm-label-text" + (isPoint ? " pm-label-right" : ""), name);
          var label = L.marker([where[0], where[1]], {
            icon: L.divIcon({ html: text, className: "pm-label-perm", iconSize: null }),
            interactive: false, keyboard: false
          });
          label.pmMinZoom = where[2] || 0;
          label.addTo(state.labels);
        }
      }
    });
    if (layer.cluster && L.markerClusterGroup) {
      var group = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 36,
                                         spiderfyOnMaxZoom: true, disableClusteringAtZoom: 12 });
      group.addLayer(gj);
      group.addTo(map);
      state.clusters[layer.id] = group;
    } else {
      gj.addTo(map);
    }
  }

  function layerData(layer) {
    if (!layer.dataUrl) return Promise.resolve(layer.data);
    return fetch(layer.dataUrl).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + r.statusText);
      return r.json();
    });
  }

  function addDataProblems(map, spec, failed) {
    if (!failed.length) return;
    var ctl = L.control({ position: "bottomleft" });
    ctl.onAdd = function () {
      var box = el("div", "pm-data-problem leaflet-control");
      box.setAttribute("role", "alert");
      box.appendChild(el("div", null, spec.text.data_failed + " " + failed.join("、")));
      return box;
    };
    ctl.addTo(map);
  }

  function select(map, spec, state) {
    var target = spec.selected && state.index[spec.selected];
    if (!target) return;
    var cluster = state.clusters[spec.selected.split("/")[0]];
    if (spec.openPopup === false) {  // focus only: outline the feature, the page shows its text beside the map
      if (target.getBounds) map.fitBounds(target.getBounds(), { maxZoom: 12, padding: [20, 20], animate: false });
      if (target.setStyle) target.setStyle({ color: "#111111", weight: 3.5, dashArray: null });
      return;
    }
    if (target.getBounds) {
      map.fitBounds(target.getBounds(), { maxZoom: 12, padding: [30, 30], animate: false });
      target.openPopup();
    } else if (cluster) {
      map.setView(target.getLatLng(), 12, { animate: false });  // clusters open up from zoom 12
      setTimeout(function () {
        if (target._map) target.openPopup();
        else cluster.zoomToShowLayer(target, function () { target.openPopup(); });
      }, 60);
    } else {
      map.setView(target.getLatLng(), 12, { animate: false });
      target.openPopup();
    }
  }

  function render(map, spec) {
    window.PlanMap.map = map;  // for tests and debugging
    if (!map.options.maxZoom) map.options.maxZoom = 18;  // marker clusters need it; there may be no tile layer
    var base = map.createPane("pm-basemap");
    base.style.zIndex = 150;
    base.style.pointerEvents = "none";
    var state = { drawn: 0, index: {}, clusters: {}, labels: L.layerGroup() };
    state.labels.addTo(map);
    function fitLabels() {
      var z = map.getZoom();
      state.labels.eachLayer(function (m) { m.setOpacity(z >= m.pmMinZoom ? 1 : 0); });
    }
    map.on("zoomend", fitLabels);
    L.control.scale({ imperial: false, maxWidth: 160 }).addTo(map);
    addTitleAndNorth(map, spec);
    addLegend(map, spec);
    addNotice(map, spec);
    addShare(map, spec);
    function initialView() {
      if (spec.view) {
        map.setView([spec.view.lat, spec.view.lon], spec.view.zoom, { animate: false });
      } else if (spec.bounds) {
        map.fitBounds([[spec.bounds[1], spec.bounds[0]], [spec.bounds[3], spec.bounds[2]]],
                      { padding: [8, 8], animate: false });
      }
    }
    initialView();
    // The host page sizes the map after it is drawn (Streamlit's iframe). Until the reader moves the map,
    // a new size re-applies the intended view; after that, Leaflet just learns the new size.
    var touched = false;
    ["mousedown", "touchstart", "wheel", "keydown"].forEach(function (name) {
      map.getContainer().addEventListener(name, function () { touched = true; }, { passive: true });
    });
    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        map.invalidateSize({ pan: false });
        if (!touched) { initialView(); if (state.loaded) select(map, spec, state); }
      }).observe(map.getContainer());
    }
    var failed = [];
    // Fetch all layers at once, draw them in spec order (basemap first) as they become available.
    var loads = spec.layers.map(function (layer) {
      return layerData(layer).catch(function () { failed.push(layer.title); return null; });
    });
    var chain = Promise.resolve();
    loads.forEach(function (load, i) {
      chain = chain.then(function () { return load; }).then(function (data) {
        if (data) drawLayer(map, spec, spec.layers[i], data, state);
      });
    });
    return chain.then(function () {
      state.loaded = true;
      addDataProblems(map, spec, failed);
      select(map, spec, state);
      fitLabels();
      setTimeout(function () { map._pmReady = true; }, 0);
      document.documentElement.setAttribute("data-planmap-features", String(state.drawn));
      Array.prototype.forEach.call(document.querySelectorAll(".pm-fallback"), function (n) { n.remove(); });
      return state.index;
    });
  }

  window.PlanMap = { render: render };
})();
