// Sortable tables: every table inside <div class="sortable"> sorts by a column when its heading
// is clicked (again to reverse). Numbers sort as numbers (with the typographic minus and ∞),
// everything else as text. Re-attached after Material's instant navigation.
(function () {
  function key(cell) {
    const text = cell.textContent.trim().replace(/\u2212/g, "-");
    const num = text.replace(/^[\[(]/, "").replace(/∞/g, "Infinity").match(/^-?(Infinity|\d+(\.\d+)?(e-?\d+)?)/);
    return num ? parseFloat(num[0]) : text.toLowerCase();
  }

  function compare(a, b) {
    if (typeof a === typeof b) return a < b ? -1 : a > b ? 1 : 0;
    return typeof a === "number" ? -1 : 1; // numbers before text ("—", "n/a")
  }

  function attach(table) {
    const heads = table.querySelectorAll("thead th");
    heads.forEach((th, column) => {
      // The heading stays a column header (aria-sort belongs there); a button inside it makes
      // it operable by keyboard and announces it as one.
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sortable__button";
      button.append(...th.childNodes);
      th.append(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", () => {
        const ascending = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach((h) => h.setAttribute("aria-sort", "none"));
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const body = table.tBodies[0];
        const rows = Array.from(body.rows);
        rows.sort((r, s) => compare(key(r.cells[column]), key(s.cells[column])) * (ascending ? 1 : -1));
        rows.forEach((r) => body.appendChild(r));
      });
    });
  }

  function init() {
    document.querySelectorAll("div.sortable table").forEach((table) => {
      if (!table.dataset.sortable) {
        table.dataset.sortable = "yes";
        attach(table);
      }
    });
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
