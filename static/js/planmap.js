/* Draws the plan's layers on a Leaflet map from a JSON "map spec" built in Python (layers/mapspec.py).
 * Every text from data is inserted with textContent, never as HTML, so feature text cannot run script.
 *
 * A feature's details open in a popup on wide maps and in a bottom sheet on narrow ones (phones), so they always
 * fit the screen. The page address describes what is shown: ?view= is written only after the reader moves the map;
 * ?select= (the feature picked on the page) is left to the page. */
(function () {
  "use strict";

  var NARROW_PX = 600;  // maps narrower than this show details in a bottom sheet instead of a popup
  var FREE_SHARE_LEFT = 0.45;  // an open legend may take this share of the map's width; the first view avoids it
  var LINK_ICON = '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" style="margin-top:6px">' +
    '<path d="M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1" ' +
    'fill="none" stroke="#333" stroke-width="2" stroke-linecap="round"/></svg>';
  var HIGHLIGHT = { color: "#111111", weight: 4, opacity: 1 };

  // Leaflet focuses the map on the first press so the keyboard works. A plain focus() scrolls the page around the
  // map's frame on a phone, and the tap that caused it lands somewhere else: focus without scrolling instead.
  if (window.L && L.Map.Keyboard) {
    L.Map.Keyboard.prototype._onMouseDown = function () {
      if (!this._focused) this._map._container.focus({ preventScroll: true });
    };
  }
  if (window.L && L.Control) {
    L.Control.prototype._refocusOnMap = function (e) {
      if (this._map && e && e.screenX > 0 && e.screenY > 0) this._map.getContainer().focus({ preventScroll: true });
    };
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function safeHref(href) {
    return typeof href === "string" && /^(\?|\/|#|[a-z0-9_-]+\.html(?:[?#]|$))/.test(href) ? href : null;
  }

  function framed() {
    try { return window.parent !== window && !!window.parent.location.href; } catch (e) { return false; }
  }

  // The map sits in the app's sandboxed component frame, which may not navigate the page itself. Same-origin, it
  // may change the page's address and tell the app, which then shows that page (as its own links do).
  function openInApp(href) {
    if (!framed()) return false;
    try {
      var host = window.parent;
      host.history.pushState(null, "", href);
      host.dispatchEvent(new host.PopStateEvent("popstate", { state: null }));
      return true;
    } catch (e) {
      return false;
    }
  }

  function sourceText(spec, source) {
    return (spec.sourceLabels && spec.sourceLabels[source]) || source;
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

  function emphasised(style, isPoint) {
    var out = Object.assign({}, style, { color: HIGHLIGHT.color, opacity: 1 });
    out.weight = Math.max(style.weight || 1, isPoint ? 3 : HIGHLIGHT.weight);
    if (isPoint) out.radius = (style.radius || 7) + 3;
    return out;
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
        ul.appendChild(el("li", null, name + (p.source ? " — " + sourceText(spec, p.source) : "")));
      });
      if (projects.length > 8) ul.appendChild(el("li", "pm-more", "… +" + (projects.length - 8)));
      box.appendChild(ul);
    }
    var src = el("div", "pm-source");
    src.appendChild(el("span", "pm-label", t.source));
    src.appendChild(el("span", null, props.source ? sourceText(spec, props.source) : "—"));
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
      if (framed()) { a.target = "_blank"; a.rel = "noopener"; }  // the fallback: a new tab (the frame may open one)
      L.DomEvent.on(a, "click", function (e) {
        if (e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;  // the reader asked for a new tab
        if (openInApp(href)) L.DomEvent.preventDefault(e);
      });
      box.appendChild(a);
    }
    return box;
  }

  // ------------------------------------------------------------------------------------------------ details

  function cornerBottom(map) {
    var corner = map.getContainer().querySelector(".pm-corner");
    if (!corner) return 0;
    var top = map.getContainer().getBoundingClientRect().top;
    return corner.getBoundingClientRect().bottom - top;
  }

  function makeSheet(map, spec) {
    var sheet = el("section", "pm-sheet");
    sheet.setAttribute("role", "dialog");
    sheet.setAttribute("aria-label", spec.text.details);
    sheet.hidden = true;
    var close = el("button", "pm-sheet-close", "×");
    close.type = "button";
    close.setAttribute("aria-label", spec.text.close);
    close.title = spec.text.close;
    var body = el("div", "pm-sheet-body");
    sheet.appendChild(close);
    sheet.appendChild(body);
    map.getContainer().appendChild(sheet);
    L.DomEvent.disableClickPropagation(sheet);
    L.DomEvent.disableScrollPropagation(sheet);
    return { node: sheet, body: body, close: close };
  }

  function Details(map, spec, state) {
    this.map = map;
    this.spec = spec;
    this.state = state;
    this.sheet = makeSheet(map, spec);
    this.current = null;  // the feature key whose details are shown
    var self = this;
    L.DomEvent.on(this.sheet.close, "click", function () { self.close(); });
    map.on("popupclose", function (e) { if (e.popup === self.popup) self.unmark(); });
    map.on("click", function () { if (!self.sheet.node.hidden) self.close(); });
    map.on("unload", function () { self.sheet.node.remove(); });  // not Leaflet's: removed with the map
  }

  Details.prototype.narrow = function () { return this.map.getSize().x < NARROW_PX; };

  Details.prototype.mark = function (key) {
    this.unmark();
    var f = this.state.features[key];
    if (f && f.lyr.setStyle) {
      f.lyr.setStyle(emphasised(f.base, f.isPoint));
      if (f.lyr.bringToFront) f.lyr.bringToFront();
    }
    this.current = key;
  };

  Details.prototype.unmark = function () {
    var f = this.current && this.state.features[this.current];
    if (f && f.lyr.setStyle) f.lyr.setStyle(f.shown);
    this.current = null;
  };

  Details.prototype.close = function () {
    this.sheet.node.hidden = true;
    this.sheet.body.textContent = "";
    if (this.popup) this.map.closePopup(this.popup);
    this.unmark();
  };

  Details.prototype.anchor = function (lyr) {
    if (lyr.getLatLng) return lyr.getLatLng();
    return lyr.getBounds ? lyr.getBounds().getCenter() : this.map.getCenter();
  };

  // Show a feature's details; pan: may the map move to show it (not when restoring a shared view).
  Details.prototype.open = function (key, latlng, pan) {
    var f = this.state.features[key];
    if (!f) return;
    var where = latlng || this.anchor(f.lyr);
    var content = popupContent(this.spec, f.layer, f.props);
    if (this.narrow()) {
      if (this.popup) this.map.closePopup(this.popup);
      this.sheet.body.textContent = "";
      this.sheet.body.appendChild(content);
      this.sheet.node.hidden = false;
      this.sheet.body.scrollTop = 0;
      var self = this;
      this.map.fire("pmdetailsopen", { node: content, latlng: where, close: function () { self.close(); } });  // sitetools.js adds "report for this place"
      this.mark(key);
      if (pan !== false) this.keepInSight(where);
      return;
    }
    this.sheet.node.hidden = true;
    var size = this.map.getSize(), top = cornerBottom(this.map) + 8;
    this.popup = L.popup({
      maxWidth: Math.min(360, size.x - 80), minWidth: Math.min(240, size.x - 80),
      maxHeight: Math.max(160, Math.min(340, size.y - top - 90)), autoPan: pan !== false,
      // keep the popup (and its close button) clear of the title box, the zoom buttons and the scale bar
      autoPanPaddingTopLeft: L.point(56, top), autoPanPaddingBottomRight: L.point(12, 30)
    }).setLatLng(where).setContent(content);
    this.popup.openOn(this.map);
    this.mark(key);
  };

  // On a phone the sheet covers the lower part of the map: move the feature into the part still visible.
  Details.prototype.keepInSight = function (latlng) {
    var map = this.map, size = map.getSize();
    var visible = size.y - this.sheet.node.offsetHeight;
    var p = map.latLngToContainerPoint(latlng);
    if (p.y > 40 && p.y < visible - 30 && p.x > 20 && p.x < size.x - 20) return;
    var target = L.point(size.x / 2, Math.max(60, visible / 2));
    map.panBy(p.subtract(target), { animate: false });
  };

  // ------------------------------------------------------------------------------------------------ legend

  function swatch(item) {
    var s = el("span", "pm-swatch pm-swatch-" + (item.shape || "fill"));
    var c = item.color || "#666";
    if (item.shape === "line") {
      s.style.borderTopColor = c;
      if (item.dash) s.style.borderTopStyle = "dashed";
    } else if (item.shape === "point") {
      s.style.background = item.fill_color || c;
      s.style.borderColor = c;
    } else if (item.shape === "cluster") {
      s.textContent = "3";
    } else {
      s.style.background = item.fill_color || c;
      s.style.borderColor = c;
      if (item.dash) s.style.borderStyle = "dashed";
    }
    return s;
  }

  function legendRow(item) {
    var row = el("div", "pm-legend-item");
    row.setAttribute("role", "listitem");
    row.appendChild(swatch(item));
    row.appendChild(el("span", null, item.label));
    return row;
  }

  function addLegend(map, spec) {
    if (!spec.legend || !spec.legend.length) return null;
    var ctl = L.control({ position: "bottomright" });
    var parts = {};
    ctl.onAdd = function () {
      var box = el("details", "pm-legend leaflet-control");  // open or folded once the map's width is known
      box.appendChild(el("summary", "pm-legend-title", spec.text.legend));
      var list = el("div", "pm-legend-list");
      list.setAttribute("role", "list");
      list.setAttribute("aria-label", spec.text.legend);
      spec.legend.forEach(function (item) { list.appendChild(legendRow(item)); });
      var cluster = legendRow({ shape: "cluster", label: spec.text.cluster_legend });
      cluster.classList.add("pm-legend-cluster");
      cluster.hidden = true;
      list.appendChild(cluster);
      box.appendChild(list);
      parts = { box: box, list: list, cluster: cluster };
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      L.DomEvent.on(box, "toggle", function () {
        if (parts.quiet) { parts.quiet = false; return; }
        fitLegend(map, parts);
      });
      return box;
    };
    ctl.addTo(map);
    fitLegend(map, parts);
    return parts;
  }

  // The legend never reaches under the title box or off the map: it gets two columns where the map is wide enough
  // to keep most of its width free of them, and otherwise scrolls (with a scroll bar always shown).
  function fitLegend(map, parts) {
    if (!parts || !parts.box) return;
    var box = parts.box, list = parts.list, size = map.getSize();
    if (!size.x || !size.y) return;
    if (!parts.decided) {  // phones start with the legend folded
      parts.decided = true;
      if (box.open !== size.x >= NARROW_PX) {
        parts.quiet = true;  // the toggle event this fires is not the reader's
        box.open = size.x >= NARROW_PX;
      }
    }
    var attribution = map.getContainer().querySelector(".leaflet-control-attribution");
    var below = attribution ? attribution.offsetHeight + 14 : 14;
    var room = Math.max(90, size.y - cornerBottom(map) - below - 12);
    box.style.maxHeight = room + "px";
    box.classList.remove("pm-legend-cols", "pm-legend-scroll");
    list.removeAttribute("tabindex");
    if (!box.open) return;
    var head = box.querySelector("summary").offsetHeight + 16;
    list.style.maxHeight = "";
    if (list.scrollHeight + head > room) {
      box.classList.add("pm-legend-cols");
      if (list.scrollHeight + head > room || box.offsetWidth > FREE_SHARE_LEFT * size.x) {
        box.classList.remove("pm-legend-cols");
      }
    }
    if (list.scrollHeight + head > room) {
      box.classList.add("pm-legend-scroll");
      list.style.maxHeight = (room - head) + "px";
      list.setAttribute("tabindex", "0");  // a list that scrolls can be scrolled from the keyboard too
    }
  }

  function legendWidth(map) {
    var box = map.getContainer().querySelector(".pm-legend");
    return box && box.open ? box.offsetWidth : 0;
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

  // ------------------------------------------------------------------------------------------------ address

  function viewText(map) {
    var c = map.getCenter();
    return c.lat.toFixed(4) + "," + c.lng.toFixed(4) + "," + Math.round(map.getZoom() * 100) / 100;
  }

  function pageUrl(map) {
    try {
      var url = new URL(window.parent.location.href);
      url.searchParams.set("view", viewText(map));
      return url;
    } catch (e) {
      return null;  // not allowed to read the page's address: no share link
    }
  }

  function addShare(map, spec, state) {
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
        var url = state.moved ? pageUrl(map) : null;
        try { url = url || new URL(window.parent.location.href); } catch (err) { return; }
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
    // Only the reader's own moves go into the address: the first fit, a resize, the page rebuilding the map or
    // opening a feature the page picked are not theirs, and the page's own parameters already describe them.
    map.on("moveend", function () {
      var node = map.getContainer();
      if (!state.touched || !node.isConnected || !node.clientWidth || !node.clientHeight) return;
      var url = pageUrl(map);
      try {
        if (url) window.parent.history.replaceState(window.parent.history.state, "", url.toString());
        state.moved = true;
      } catch (e) { /* the address bar is not ours to change: ignore */ }
    });
  }

  function addNotice(map, spec) {
    if (!spec.notice) return;
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution(spec.notice.replace(/[<>&"]/g, ""));
  }

  // ------------------------------------------------------------------------------------------------ layers

  var POINT_LABEL_ZOOM = 12;  // plan point features get their name from this zoom on
  // Which label wins where two would overlap: what a tour step talks about first, then plan features, then seas,
  // county seats, islands, towns.
  var LABEL_RANK = { highlight: -1, plan: 0, sea: 1, county_seat: 2, bay: 3, island: 3, town_seat: 4 };

  // kind: "plan" or a place-name kind (sea, county_seat, ...); place: "right" of a point, "above" the middle of a
  // group of points, or centred (lines, areas); highlighted: what a tour step talks about, always shown.
  function addLabel(state, name, where, kind, place, highlighted) {
    var placeName = kind !== "plan" && kind !== undefined;
    var cls = "pm-label-text" + (place ? " pm-label-" + place : "") + (highlighted ? " pm-label-hl" : "") +
      (placeName ? " pm-place pm-place-" + kind : "");
    var label = L.marker([where[0], where[1]], {
      icon: L.divIcon({ html: el("span", cls, name), className: "pm-label-perm", iconSize: null }),
      interactive: false, keyboard: false, zIndexOffset: highlighted ? 1000 : 0
    });
    label.pmMinZoom = highlighted ? 0 : where[2] || 0;
    label.pmRank = highlighted ? LABEL_RANK.highlight : LABEL_RANK[kind] !== undefined ? LABEL_RANK[kind] : 0;
    label.addTo(state.labels);
  }

  // Show each label from its zoom on, unless a label of higher rank already covers its place on the screen (what a
  // tour step names is always shown); a name beside a point near the map's right edge goes to its left instead.
  function fitLabels(map, state) {
    var z = map.getZoom(), placed = [], all = [];
    var right = map.getContainer().getBoundingClientRect().right - 4;
    state.labels.eachLayer(function (m) { all.push(m); });
    all.sort(function (a, b) { return a.pmRank - b.pmRank; });
    all.forEach(function (m) {
      var show = z >= m.pmMinZoom;
      var text = m._icon && m._icon.firstChild;
      if (show && text && /pm-label-(right|left)/.test(text.className)) {
        text.classList.replace("pm-label-left", "pm-label-right");
        if (text.getBoundingClientRect().right > right) text.classList.replace("pm-label-right", "pm-label-left");
      }
      var box = show && text ? text.getBoundingClientRect() : null;
      if (box && box.width) {
        show = m.pmRank === LABEL_RANK.highlight || !placed.some(function (o) {  // what a tour step names: always
          return box.left < o.right + 4 && box.right > o.left - 4 && box.top < o.bottom + 2 && box.bottom > o.top - 2;
        });
        if (show) placed.push(box);
      }
      m.setOpacity(show ? 1 : 0);
    });
  }

  function drawLayer(map, spec, layer, data, state) {
    var isBase = layer.role === "basemap";
    var only = Array.isArray(layer.only) ? new Set(layer.only.map(String)) : null;
    var connectors = [];
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
        var props = f.properties || {};
        var name = props["name_" + spec.lang] || props.name_zh;
        var isPoint = !!(f.geometry && /Point/.test(f.geometry.type));
        var where = layer.labelPoints && layer.labelPoints[String(props.id)];
        if (isBase) {  // place names of the basemap: a label, nothing to click
          if (where) addLabel(state, name, where, props.kind, isPoint ? "right" : "", false);
          return;
        }
        var key = layer.id + "/" + props.id;
        var base = styleFor(layer, props);
        if (isPoint) base.radius = base.radius || 7;
        var highlighted = state.highlight.has(key);
        var shown = highlighted ? emphasised(base, isPoint) : base;
        if (highlighted && lyr.setStyle) lyr.setStyle(shown);
        lyr.pmHighlight = highlighted;
        state.index[key] = lyr;
        state.features[key] = { layer: layer, props: props, lyr: lyr, base: base, shown: shown, isPoint: isPoint };
        lyr.on("click", function (e) {
          L.DomEvent.stopPropagation(e);
          // while a measuring or drawing tool is on, the click is the tool's (sitetools.js)
          if (map.pmToolClick && map.pmToolClick(lyr.getLatLng ? lyr.getLatLng() : e.latlng)) return;
          state.details.open(key, lyr.getLatLng ? null : e.latlng);
        });
        if (state.hover) {  // a name on hover; on a touch screen a tap opens the details instead
          lyr.bindTooltip(function () { return el("span", null, name); }, { sticky: true, className: "pm-tip" });  // a string would be innerHTML
        }
        var multi = !!(f.geometry && f.geometry.type === "MultiPoint" && f.geometry.coordinates.length > 1);
        if (multi) {
          // one place made of several points (皮杨组团: 皮口 and 杨树房): join them so they read as one
          connectors.push(L.polyline(f.geometry.coordinates.map(function (c) { return [c[1], c[0]]; }),
            { color: base.color || "#333", weight: 2, dashArray: "2 5", opacity: 0.9, interactive: false }));
        }
        if (!where && f.geometry && f.geometry.type === "Point") {  // plan points: named when zoomed in
          where = [f.geometry.coordinates[1], f.geometry.coordinates[0], POINT_LABEL_ZOOM];
        }
        if (where) addLabel(state, name, where, "plan", multi ? "above" : isPoint ? "right" : "", highlighted);
      }
    });
    connectors.forEach(function (line) { line.addTo(map); });
    if (layer.cluster && L.markerClusterGroup) {
      // One cluster group for all the map's clustered layers: groups of their own drew bubbles on top of each
      // other, too close to tap (axe target-size: a bubble only 1 px wide uncovered).
      if (!state.clusterGroup) {
        state.clusterGroup = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40,
                                                    spiderfyOnMaxZoom: true, disableClusteringAtZoom: 12 });
        state.clusterGroup.addTo(map);
      }
      var group = state.clusterGroup, members = [];
      gj.eachLayer(function (lyr) {
        if (lyr.pmHighlight) lyr.addTo(map);  // what a tour step talks about is never hidden in a bubble
        else members.push(lyr);
      });
      group.addLayers(members);
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

  // The feature the page picked (?select=, a district, a tour step): zoom to it and show its details. With a
  // view from the address, the view stays as it was shared and the details open in it.
  function select(map, spec, state) {
    var key = spec.selected, target = key && state.index[key];
    if (!target) return;
    var cluster = state.clusters[key.split("/")[0]];
    if (spec.openPopup === false) {  // focus only: outline the feature, the page shows its text beside the map
      if (target.getBounds && !spec.view) {
        map.fitBounds(target.getBounds(), { maxZoom: 12, padding: [20, 20], animate: false });
      }
      if (target.setStyle) target.setStyle({ color: "#111111", weight: 3.5, dashArray: null });
      return;
    }
    if (spec.view) {
      if (target.getBounds || !cluster || target._map) state.details.open(key, null, false);
      else cluster.zoomToShowLayer(target, function () { state.details.open(key, null, false); });
      return;
    }
    if (target.getBounds) {
      map.fitBounds(target.getBounds(), { maxZoom: 12, padding: [30, 30], animate: false });
      state.details.open(key);
    } else if (cluster) {
      map.setView(target.getLatLng(), 12, { animate: false });  // clusters open up from zoom 12
      setTimeout(function () {
        if (target._map) state.details.open(key);
        else cluster.zoomToShowLayer(target, function () { state.details.open(key); });
      }, 60);
    } else {
      map.setView(target.getLatLng(), 12, { animate: false });
      state.details.open(key);
    }
  }

  function showClusterLegend(map, state, legend) {
    if (!legend || !legend.cluster) return;
    var any = false, group = state.clusterGroup;
    if (group) group.eachLayer(function (m) {
      var parent = group.getVisibleParent(m);
      if (parent && parent !== m) any = true;
    });
    if (legend.cluster.hidden === !any) return;
    legend.cluster.hidden = !any;
    fitLegend(map, legend);
  }

  // Leaflet names its zoom buttons in English only; the map speaks the page's language.
  function nameZoomButtons(map, spec) {
    var zoom = map.zoomControl;
    if (!zoom || !spec.text) return;
    [[zoom._zoomInButton, spec.text.zoom_in], [zoom._zoomOutButton, spec.text.zoom_out]].forEach(function (pair) {
      if (pair[0] && pair[1]) { pair[0].title = pair[1]; pair[0].setAttribute("aria-label", pair[1]); }
    });
  }

  function render(map, spec) {
    window.PlanMap.map = map;  // for tests and debugging
    // the app's map frame says lang="en" whatever it shows; a static page sets its own language
    if (framed() && spec.lang) document.documentElement.lang = spec.lang === "en" ? "en" : "zh-Hans";
    nameZoomButtons(map, spec);
    if (!map.options.maxZoom) map.options.maxZoom = 18;  // marker clusters need it; there may be no tile layer
    var base = map.createPane("pm-basemap");
    base.style.zIndex = 150;
    base.style.pointerEvents = "none";
    var state = { drawn: 0, index: {}, features: {}, clusters: {}, labels: L.layerGroup(),
                  highlight: new Set(spec.highlight || []), touched: false, moved: false,
                  hover: !window.matchMedia || window.matchMedia("(hover: hover)").matches };
    state.labels.addTo(map);
    map.on("zoomend moveend resize", function () { fitLabels(map, state); });
    L.control.scale({ imperial: false, maxWidth: 160 }).addTo(map);
    addTitleAndNorth(map, spec);
    var legend = addLegend(map, spec);
    addNotice(map, spec);
    addShare(map, spec, state);
    state.details = new Details(map, spec, state);
    if (window.SiteTools) window.SiteTools.add(map, spec);  // measure, locate, site report (sitetools.js)
    function initialView() {
      if (spec.view) {
        map.setView([spec.view.lat, spec.view.lon], spec.view.zoom, { animate: false });
      } else if (spec.bounds) {
        // leave the legend's corner free, so it does not cover what the page is about
        var size = map.getSize(), right = legendWidth(map);
        right = right && right <= FREE_SHARE_LEFT * size.x ? right + 12 : 8;
        map.fitBounds([[spec.bounds[1], spec.bounds[0]], [spec.bounds[3], spec.bounds[2]]],
                      { paddingTopLeft: [8, 8], paddingBottomRight: [right, 8], animate: false });
      }
    }
    initialView();
    // The host page sizes the map after it is drawn (Streamlit's iframe). Until the reader moves the map,
    // a new size re-applies the intended view; after that, Leaflet just learns the new size.
    ["mousedown", "touchstart", "wheel", "keydown"].forEach(function (name) {
      map.getContainer().addEventListener(name, function (e) {
        if (!e.target.closest || !e.target.closest(".pm-sheet, .pm-legend")) state.touched = true;
      }, { passive: true });
    });
    // The legend's size matters too: its stylesheet may arrive after this script, and the first view leaves its
    // corner free.
    if (window.ResizeObserver) {
      var observer = new ResizeObserver(function () {
        map.invalidateSize({ pan: false });
        fitLegend(map, legend);
        if (!state.touched) { initialView(); if (state.loaded) select(map, spec, state); }
      });
      observer.observe(map.getContainer());
      if (legend) observer.observe(legend.box);
      map.on("unload", function () { observer.disconnect(); });  // the static tour replaces its map in place
    }
    // after the clusters have redrawn themselves (their own zoomend handler and animation come first)
    map.on("zoomend", function () { setTimeout(function () { showClusterLegend(map, state, legend); }, 350); });
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
      fitLabels(map, state);
      showClusterLegend(map, state, legend);
      document.documentElement.setAttribute("data-planmap-features", String(state.drawn));
      Array.prototype.forEach.call(document.querySelectorAll(".pm-fallback"), function (n) { n.remove(); });
      return state.index;
    });
  }

  window.PlanMap = { render: render, openInApp: openInApp, framed: framed };
})();
