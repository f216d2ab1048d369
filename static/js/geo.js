/* Pure geodesy and coordinate parsing for the map's measure and go-to tools (no Leaflet, no DOM).
 * Distances: Vincenty's inverse formula on the WGS-84 ellipsoid (mm-level). Areas: the polygon with geodesic edges on
 * the authalic sphere of WGS-84 (equal-area latitudes): ellipsoidal areas to well under 0.1 % at city scale.
 * parse() follows the same rules as layers/coords.py (tests/cases/coords.json checks both). */
(function (root) {
  "use strict";

  var A = 6378137.0, F = 1 / 298.257223563, B = A * (1 - F), E2 = F * (2 - F), E = Math.sqrt(E2);
  var RAD = Math.PI / 180;

  function q(phi) {  // the authalic "q" function of latitude
    var s = Math.sin(phi);
    return (1 - E2) * (s / (1 - E2 * s * s) - (1 / (2 * E)) * Math.log((1 - E * s) / (1 + E * s)));
  }
  var QP = q(Math.PI / 2), RQ = A * Math.sqrt(QP / 2);

  function authalic(latDeg) { return Math.asin(Math.max(-1, Math.min(1, q(latDeg * RAD) / QP))); }

  /* Geodesic distance in metres between two lon/lat points (Vincenty inverse). */
  function distance(lon1, lat1, lon2, lat2) {
    var L = (lon2 - lon1) * RAD;
    var U1 = Math.atan((1 - F) * Math.tan(lat1 * RAD)), U2 = Math.atan((1 - F) * Math.tan(lat2 * RAD));
    var sinU1 = Math.sin(U1), cosU1 = Math.cos(U1), sinU2 = Math.sin(U2), cosU2 = Math.cos(U2);
    var lambda = L, lambdaP, iter = 0, sinSigma, cosSigma, sigma, cosSqAlpha, cos2SigmaM;
    do {
      var sinLambda = Math.sin(lambda), cosLambda = Math.cos(lambda);
      sinSigma = Math.sqrt(Math.pow(cosU2 * sinLambda, 2) + Math.pow(cosU1 * sinU2 - sinU1 * cosU2 * cosLambda, 2));
      if (sinSigma === 0) return 0;
      cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
      sigma = Math.atan2(sinSigma, cosSigma);
      var sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
      cosSqAlpha = 1 - sinAlpha * sinAlpha;
      cos2SigmaM = cosSqAlpha ? cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha : 0;
      var C = F / 16 * cosSqAlpha * (4 + F * (4 - 3 * cosSqAlpha));
      lambdaP = lambda;
      lambda = L + (1 - C) * F * sinAlpha *
        (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
    } while (Math.abs(lambda - lambdaP) > 1e-12 && ++iter < 200);
    if (iter >= 200) {  // nearly antipodal: never on a city map; fall back to the authalic sphere
      var b1 = authalic(lat1), b2 = authalic(lat2);
      return RQ * Math.acos(Math.min(1, Math.sin(b1) * Math.sin(b2) + Math.cos(b1) * Math.cos(b2) * Math.cos(L)));
    }
    var uSq = cosSqAlpha * (A * A - B * B) / (B * B);
    var Ak = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
    var Bk = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
    var deltaSigma = Bk * sinSigma * (cos2SigmaM + Bk / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM) -
      Bk / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));
    return B * Ak * (sigma - deltaSigma);
  }

  /* Length in metres of a path given as [[lon, lat], ...]. */
  function pathLength(points) {
    var total = 0;
    for (var i = 1; i < points.length; i++) {
      total += distance(points[i - 1][0], points[i - 1][1], points[i][0], points[i][1]);
    }
    return total;
  }

  /* Points along the great circle from p to q (lon/lat degrees), every ~step metres, q excluded. */
  function densify(p, q, step) {
    var lon1 = p[0] * RAD, lat1 = p[1] * RAD, lon2 = q[0] * RAD, lat2 = q[1] * RAD;
    var a = [Math.cos(lat1) * Math.cos(lon1), Math.cos(lat1) * Math.sin(lon1), Math.sin(lat1)];
    var b = [Math.cos(lat2) * Math.cos(lon2), Math.cos(lat2) * Math.sin(lon2), Math.sin(lat2)];
    var omega = Math.acos(Math.max(-1, Math.min(1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2])));
    var n = Math.max(1, Math.ceil(omega * RQ / step)), out = [p];
    for (var k = 1; k < n && omega > 1e-12; k++) {
      var f = k / n, s1 = Math.sin((1 - f) * omega) / Math.sin(omega), s2 = Math.sin(f * omega) / Math.sin(omega);
      var x = s1 * a[0] + s2 * b[0], y = s1 * a[1] + s2 * b[1], z = s1 * a[2] + s2 * b[2];
      out.push([Math.atan2(y, x) / RAD, Math.atan2(z, Math.sqrt(x * x + y * y)) / RAD]);
    }
    return out;
  }

  /* Area in m² of a polygon ring [[lon, lat], ...] (closed or not) whose edges are geodesics: edges are followed
   * every 1 km, and each step is summed exactly in the cylindrical equal-area projection of the authalic sphere. */
  function area(points) {
    var n = points.length;
    if (n < 3) return 0;
    var ring = [];
    for (var i = 0; i < n; i++) ring = ring.concat(densify(points[i], points[(i + 1) % n], 1000));
    var sum = 0, m = ring.length;
    for (var j = 0; j < m; j++) {
      var p1 = ring[j], p2 = ring[(j + 1) % m];
      var dl = (p2[0] - p1[0]) * RAD;
      if (dl > Math.PI) dl -= 2 * Math.PI;
      if (dl < -Math.PI) dl += 2 * Math.PI;
      sum += dl * (Math.sin(authalic(p1[1])) + Math.sin(authalic(p2[1]))) / 2;
    }
    return Math.abs(sum) * RQ * RQ;
  }

  /* ---- coordinate parsing (layers/coords.py has the same rules) ---- */
  var WORDS = [["东经", " E "], ["西经", " W "], ["北纬", " N "], ["南纬", " S "], ["度", "°"], ["分", "′"], ["秒", "″"]];
  var UNIT = { "°": "d", "º": "d", "˚": "d", "′": "m", "'": "m", "’": "m", "″": "s", "\"": "s", "”": "s" };
  var TOKEN = /\s*(?:([-+]?\d+(?:\.\d*)?|[-+]?\.\d+)|(°|º|˚|′′|''|′|'|’|″|"|”)|([NSEWnsew])(?![a-z])|([,;/])|(\S))/g;

  function fail(key, params) { var e = new Error(key); e.key = key; e.params = params || {}; throw e; }

  function normalise(text) {
    var s = String(text).normalize ? String(text).normalize("NFKC").trim() : String(text).trim();
    WORDS.forEach(function (w) { s = s.split(w[0]).join(w[1]); });
    return s.split("′′").join("″").split("''").join("″");
  }

  function tokens(text) {
    var out = [], m;
    TOKEN.lastIndex = 0;
    while ((m = TOKEN.exec(text)) !== null) {
      if (m[0] === "") { TOKEN.lastIndex++; continue; }
      if (m[5] !== undefined) fail("sr_err_coord_text", { text: text.slice(0, 40) });
      if (m[1] !== undefined) out.push(["num", m[1]]);
      else if (m[2] !== undefined) out.push(["unit", UNIT[m[2]] || "s"]);
      else if (m[3] !== undefined) out.push(["hemi", m[3].toUpperCase()]);
      else if (m[4] !== undefined) out.push(["sep", m[4]]);
    }
    return out;
  }

  function indexes(list, test) {
    var out = [];
    list.forEach(function (t, i) { if (test(t, i)) out.push(i); });
    return out;
  }

  function split(tk) {
    var seps = indexes(tk, function (t) { return t[0] === "sep"; });
    if (seps.length) {
      if (seps.length !== 1) fail("sr_err_coord_count");
      return [tk.slice(0, seps[0]), tk.slice(seps[0] + 1)];
    }
    var hemis = indexes(tk, function (t) { return t[0] === "hemi"; });
    if (hemis.length === 2) {
      if (hemis[0] === 0) return [tk.slice(0, hemis[1]), tk.slice(hemis[1])];
      return [tk.slice(0, hemis[0] + 1), tk.slice(hemis[0] + 1)];
    }
    if (hemis.length) fail("sr_err_coord_count");
    var nums = indexes(tk, function (t) { return t[0] === "num"; });
    var degs = nums.filter(function (i) { return i + 1 < tk.length && tk[i + 1][0] === "unit" && tk[i + 1][1] === "d"; });
    if (degs.length === 2) return [tk.slice(0, degs[1]), tk.slice(degs[1])];
    if ((nums.length === 2 || nums.length === 4 || nums.length === 6) && !degs.length) {
      var half = nums[nums.length / 2];
      return [tk.slice(0, half), tk.slice(half)];
    }
    fail("sr_err_coord_count");
  }

  function value(group) {
    var hemi = group.filter(function (t) { return t[0] === "hemi"; }).map(function (t) { return t[1]; });
    var parts = [], units = [];
    group.forEach(function (t) {
      if (t[0] === "num") { parts.push(parseFloat(t[1])); units.push(null); }
      else if (t[0] === "unit") {
        if (!units.length || units[units.length - 1] !== null) {
          fail("sr_err_coord_text", { text: group.map(function (x) { return x[1]; }).join("").slice(0, 40) });
        }
        units[units.length - 1] = t[1];
      }
    });
    if (!parts.length || parts.length > 3 || hemi.length > 1) fail("sr_err_coord_count");
    var order = ["d", "m", "s"];
    var named = units.map(function (u, i) { return u || order[i]; });
    if (named.join("") !== order.slice(0, named.length).join("")) {
      fail("sr_err_coord_dms", { text: parts.map(function (p, i) { return p + named[i]; }).join(" ") });
    }
    var d = parts[0], m = parts[1] || 0, s = parts[2] || 0;
    if (parts.length > 1 && (d !== Math.trunc(d) || parts.slice(1).some(function (p) { return p < 0; }))) {
      fail("sr_err_coord_dms", { text: parts.join(" ") });
    }
    if (m >= 60 || s >= 60) fail("sr_err_coord_minutes", { value: String(Math.max(m, s)) });
    var first = group.filter(function (t) { return t[0] === "num"; })[0][1];
    var sign = first.charAt(0) === "-" ? -1 : 1;
    var v = sign * (Math.abs(d) + m / 60 + s / 3600);
    var letter = hemi.length ? hemi[0] : null;
    if (letter === "S" || letter === "W") v = -Math.abs(v);
    return [v, letter];
  }

  function inRegion(region, lon, lat) {
    return region[0] <= lon && lon <= region[2] && region[1] <= lat && lat <= region[3];
  }

  function checkRange(lon, lat) {
    if (!(lat >= -90 && lat <= 90)) fail("sr_err_lat_range", { lat: String(lat) });
    if (!(lon >= -180 && lon <= 180)) fail("sr_err_lon_range", { lon: String(lon) });
  }

  /* {lon, lat, swapped} from typed text; throws an Error with .key/.params (strings keys) when it cannot. */
  function parse(text, region, maxText) {
    var raw = text === null || text === undefined ? "" : String(text);
    if (!raw.trim()) fail("sr_err_coord_empty");
    if (raw.length > (maxText || 120)) fail("sr_err_coord_long", { limit: maxText || 120 });
    var tk = tokens(normalise(raw));
    if (!tk.some(function (t) { return t[0] === "num"; })) fail("sr_err_coord_text", { text: raw.trim().slice(0, 40) });
    var groups = split(tk), a = value(groups[0]), b = value(groups[1]);
    if (a[1] || b[1]) {
      var axis = function (l) { return l === "N" || l === "S" ? "lat" : (l === "E" || l === "W" ? "lon" : null); };
      var ax = axis(a[1]), bx = axis(b[1]);
      if (ax && ax === bx) fail("sr_err_coord_axes");
      var latFirst = ax === "lat" || bx === "lon";
      var lon = latFirst ? b[0] : a[0], lat = latFirst ? a[0] : b[0];
      checkRange(lon, lat);
      if (!inRegion(region, lon, lat)) fail("sr_err_coord_outside", { lon: lon.toFixed(5), lat: lat.toFixed(5) });
      return { lon: lon, lat: lat, swapped: false };
    }
    if (inRegion(region, a[0], b[0])) return { lon: a[0], lat: b[0], swapped: false };
    if (inRegion(region, b[0], a[0])) return { lon: b[0], lat: a[0], swapped: true };
    checkRange(a[0], b[0]);
    fail("sr_err_coord_outside", { lon: a[0].toFixed(5), lat: b[0].toFixed(5) });
  }

  function formatDMS(v, axis) {
    var letter = axis === "lat" ? (v >= 0 ? "N" : "S") : (v >= 0 ? "E" : "W");
    var total = Math.round(Math.abs(v) * 36000) / 10;
    var d = Math.floor(total / 3600), rest = total - d * 3600, m = Math.floor(rest / 60), s = rest - m * 60;
    return d + "°" + (m < 10 ? "0" : "") + m + "′" + (s < 10 ? "0" : "") + s.toFixed(1) + "″" + letter;
  }

  function formatLength(m) {
    return m < 1000 ? Math.round(m) + " m" : (m < 10000 ? (m / 1000).toFixed(2) : (m / 1000).toFixed(1)) + " km";
  }

  function formatArea(m2) {
    if (m2 < 10000) return Math.round(m2) + " m²";
    if (m2 < 1e6) return (m2 / 10000).toFixed(2) + " ha";
    return (m2 / 1e6).toFixed(m2 < 1e8 ? 2 : 1) + " km²";
  }

  function message(text, err) {
    var template = (text && err && text[err.key]) || (err && err.key) || String(err);
    var params = (err && err.params) || {};
    return template.replace(/\{(\w+)\}/g, function (all, k) { return params[k] !== undefined ? String(params[k]) : all; });
  }

  var api = { distance: distance, pathLength: pathLength, area: area, parse: parse, formatDMS: formatDMS,
              formatLength: formatLength, formatArea: formatArea, message: message };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  root.PlanGeo = api;
})(typeof window !== "undefined" ? window : this);
