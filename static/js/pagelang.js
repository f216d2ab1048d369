/* Sets <html lang> to the UI language (Streamlit's page always says "en"): the script tag that loads this file
 * carries data-lang ("zh-Hans" or "en"). A file, not inline script, so a Content-Security-Policy without
 * 'unsafe-inline' allows it. */
(function () {
  "use strict";
  var script = document.currentScript;
  var lang = script && script.getAttribute("data-lang");
  if (lang && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang)) document.documentElement.lang = lang;
})();
