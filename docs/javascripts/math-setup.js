// MathJax 3, served by this site (assets/mathjax/, copied from a pinned package at build time).
// arithmatex (generic mode) wraps math in span/div.arithmatex with \( \) and \[ \] delimiters.
window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"]],
    displayMath: [["\\[", "\\]"]],
    processEscapes: true,
    processEnvironments: true,
  },
  options: {
    ignoreHtmlClass: ".*|",
    processHtmlClass: "arithmatex",
  },
};

// Material's instant navigation swaps the page without reloading scripts: typeset the new content.
// document$ also fires for the first page, already typeset by MathJax's startup: skip it, since
// clearCache() there would drop the glyph CSS of that math and the re-typeset, finding no new math,
// would not add it back (every formula invisible). Chaining on startup.promise keeps typesets serial.
if (typeof document$ !== "undefined") {
  let first = true;
  document$.subscribe(() => {
    if (first) {
      first = false;
      return;
    }
    MathJax.startup.promise = MathJax.startup.promise.then(() => {
      MathJax.startup.output.clearCache();
      MathJax.typesetClear();
      MathJax.texReset();
      return MathJax.typesetPromise();
    });
  });
}
