/* Repairs an ARIA slip in Streamlit's own widgets that axe-core reports (rule presentation-role-conflict): the file
 * uploader's drop zone is a <section role="presentation"> that also carries an aria-label and a tabindex, so
 * assistive technology is told both "ignore me" and "I am named". It becomes a named group, which is what it is.
 * Widgets appear and are redrawn after this runs, so a MutationObserver repairs each new one. A file, not inline
 * script, so a Content-Security-Policy without 'unsafe-inline' allows it. */
(function () {
  "use strict";
  if (window.__planmapAria) return;  // the script tag is drawn again on every rerun
  window.__planmapAria = true;
  var SELECTOR = '[data-testid="stFileUploaderDropzone"][role="presentation"]';
  function repair() {
    var zones = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < zones.length; i++) zones[i].setAttribute("role", "group");
  }
  repair();
  new MutationObserver(repair).observe(document.documentElement,
    {childList: true, subtree: true, attributes: true, attributeFilter: ["role"]});
})();
