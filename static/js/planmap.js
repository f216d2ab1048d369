/* Draws the plan's layers on a Leaflet map from a JSON "map spec" built in Python (layers/mapspec.py).
 * Every text from data is inserted with textContent, never as HTML, so feature text cannot run script. */
(function () {
  "use strict";

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
      projects.slice(0, 12).forEach(function (p) {
        var name = (lang === "en" && p.name_en) ? p.name_en : p.name_zh;
        ul.appendChild(el("li", null, name + (p.source ? " — " + p.source : "")));
      });
      if (projects.length > 12) ul.appendChild(el("li", "pm-more", "… +" + (projects.length - 12)));
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
      var box = el("div", "pm-legend leaflet-control");
      box.setAttribute("role", "list");
      box.setAttribute("aria-label", spec.text.legend);
      box.appendChild(el("div", "pm-legend-title", spec.text.legend));
      spec.legend.forEach(function (item) {
        var row = el("div", "pm-legend-item");
        row.setAttribute("role", "listitem");
        row.appendChild(swatch(item));
        row.appendChild(el("span", null, item.label));
        box.appendChild(row);
      });
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

  function addNotice(map, spec) {
    if (!spec.notice) return;
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(spec.notice.replace(/[<>&"]/g, ""));
  }

  function render(map, spec) {
    if (!map.options.maxZoom) map.options.maxZoom = 18;  // marker clusters need it; there may be no tile layer
    var base = map.createPane("pm-basemap");
    base.style.zIndex = 150;
    base.style.pointerEvents = "none";
    var drawn = 0, index = {};
    var labels = L.layerGroup();
    var clusters = {};
    spec.layers.forEach(function (layer) {
      var isBase = layer.role === "basemap";
      var featureNo = -1;
      var gj = L.geoJSON(layer.data, {
        pane: isBase ? "pm-basemap" : undefined,
        interactive: !isBase,
        style: function (f) { return styleFor(layer, f.properties || {}); },
        pointToLayer: function (f, latlng) {
          var s = styleFor(layer, f.properties || {});
          s.radius = s.radius || 7;
          return L.circleMarker(latlng, s);
        },
        onEachFeature: function (f, lyr) {
          drawn += 1;
          featureNo += 1;
          if (isBase) return;
          var props = f.properties || {};
          index[layer.id + "/" + props.id] = lyr;
          lyr.bindPopup(function () { return popupContent(spec, layer, props); }, { maxWidth: 360, minWidth: 240 });
          var name = props["name_" + spec.lang] || props.name_zh;
          lyr.bindTooltip(name, { sticky: true, className: "pm-tip" });
          if (layer.labelPoints && layer.labelPoints[featureNo]) {
            var isPoint = f.geometry && /Point/.test(f.geometry.type);
            var text = el("span", "pm-label-text" + (isPoint ? " pm-label-right" : ""), name);
            L.marker(layer.labelPoints[featureNo], {
              icon: L.divIcon({ html: text, className: "pm-label-perm", iconSize: null }),
              interactive: false, keyboard: false
            }).addTo(labels);
          }
        }
      });
      if (layer.cluster && L.markerClusterGroup) {
        var group = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 36,
                                           spiderfyOnMaxZoom: true, disableClusteringAtZoom: 12 });
        group.addLayer(gj);
        group.addTo(map);
        clusters[layer.id] = group;
      } else {
        gj.addTo(map);
      }
    });
    labels.addTo(map);
    L.control.scale({ imperial: false, maxWidth: 160 }).addTo(map);
    addTitleAndNorth(map, spec);
    addLegend(map, spec);
    addNotice(map, spec);
    if (spec.view) {
      map.setView([spec.view.lat, spec.view.lon], spec.view.zoom);
    } else if (spec.bounds) {
      map.fitBounds([[spec.bounds[1], spec.bounds[0]], [spec.bounds[3], spec.bounds[2]]], { padding: [8, 8] });
    }
    if (spec.selected && index[spec.selected]) {
      var target = index[spec.selected];
      var cluster = clusters[spec.selected.split("/")[0]];
      if (target.getBounds) {
        map.fitBounds(target.getBounds(), { maxZoom: 12, padding: [30, 30] });
        target.openPopup();
      } else if (cluster) {
        map.setView(target.getLatLng(), 12);
        cluster.zoomToShowLayer(target, function () { target.openPopup(); });
      } else {
        map.setView(target.getLatLng(), 12);
        target.openPopup();
      }
    }
    document.documentElement.setAttribute("data-planmap-features", String(drawn));
    Array.prototype.forEach.call(document.querySelectorAll(".pm-fallback"), function (n) { n.remove(); });
    return index;
  }

  window.PlanMap = { render: render };
})();
