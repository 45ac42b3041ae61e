// The Rosetta table (docs/rosetta.md): a menu above it shows one framework's column and the
// functions that framework has, or every column. The menu's words come from the table's wrapper
// (data-label, data-all), which the generator writes in the page's language. Re-attached after
// Material's instant navigation.
(function () {
  function attach(wrapper) {
    const table = wrapper.querySelector("table");
    if (!table || wrapper.dataset.filtered) return;
    wrapper.dataset.filtered = "yes";
    const heads = Array.from(table.querySelectorAll("thead th"));
    const label = document.createElement("label");
    label.className = "rosetta__filter";
    label.textContent = wrapper.dataset.label + " ";
    const select = document.createElement("select");
    select.append(new Option(wrapper.dataset.all, ""));
    heads.slice(1).forEach((th, i) => select.append(new Option(th.textContent.trim(), String(i + 1))));
    label.append(select);
    wrapper.insertBefore(label, wrapper.firstChild);
    select.addEventListener("change", () => {
      const chosen = select.value === "" ? null : Number(select.value);
      table.querySelectorAll("tr").forEach((row) => {
        Array.from(row.cells).forEach((cell, i) => {
          cell.hidden = chosen !== null && i !== 0 && i !== chosen;
        });
        if (row.parentElement.tagName === "TBODY") {
          row.hidden = chosen !== null && row.cells[chosen].textContent.trim() === "—";
        }
      });
    });
  }

  function init() {
    document.querySelectorAll("div.rosetta").forEach(attach);
  }

  if (typeof document$ !== "undefined") document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();
