// A row of content-tab labels wider than its box (the ten framework tabs of an activation page)
// scrolls sideways inside Material's .tabbed-labels. A scrolling region must be reachable by
// keyboard (WCAG 2.1.1; axe's scrollable-region-focusable): such a row joins the tab order, so
// that the arrow keys scroll it. Re-run after Material's instant navigation.
(function () {
  function init() {
    document.querySelectorAll(".tabbed-labels").forEach((row) => {
      if (!row.hasAttribute("tabindex")) row.setAttribute("tabindex", "0");
    });
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
