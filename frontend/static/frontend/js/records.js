// The record forms: results only for a blood test, each marker's own units, more result rows on demand,
// and one submission per tap.
const unitsByMarker = JSON.parse(document.getElementById("units-by-marker")?.textContent || "{}");

// Options are rebuilt rather than hidden: some phones show hidden options anyway.
function narrowUnits(marker, unit, everyUnit) {
  const allowed = unitsByMarker[marker.value];
  const current = unit.value;
  unit.replaceChildren(...everyUnit.filter((option) => !allowed || !option.value || allowed.includes(option.value)));
  unit.value = !allowed || allowed.includes(current) ? current : allowed[0];
}

function setUpRow(row) {
  const marker = row.querySelector("select[name$='-marker']");
  const unit = row.querySelector("select[name$='-unit']");
  const everyUnit = [...unit.options];
  marker.addEventListener("change", () => narrowUnits(marker, unit, everyUnit));
  narrowUnits(marker, unit, everyUnit);
}

const testForm = document.querySelector("[data-test-form]");
if (testForm) {
  const results = testForm.querySelector("[data-results]");
  const rows = results.querySelector("[data-result-rows]");
  const template = results.querySelector("[data-result-template]");
  const total = results.querySelector("input[name$='-TOTAL_FORMS']");
  const add = results.querySelector("[data-add-result]");
  const showResults = () => {
    results.hidden = testForm.querySelector("input[name='kind']:checked")?.value !== "blood_test";
  };
  for (const radio of testForm.querySelectorAll("input[name='kind']")) radio.addEventListener("change", showResults);
  showResults();
  for (const row of rows.querySelectorAll("[data-result]")) setUpRow(row);
  // The page comes with spare empty rows for phones without scripts; here one empty row is enough to start.
  const isEmpty = (row) => [...row.querySelectorAll("input, select")].every((field) => !field.value);
  const spare = [...rows.querySelectorAll("[data-result]")].filter(isEmpty).slice(1);
  for (const row of spare) row.hidden = true;
  add.hidden = false;
  add.addEventListener("click", () => {
    const hidden = rows.querySelector("[data-result][hidden]");
    if (hidden) {
      hidden.hidden = false;
      hidden.querySelector("select")?.focus();
      return;
    }
    const index = Number(total.value);
    const fragment = template.content.cloneNode(true);
    for (const element of fragment.querySelectorAll("[name], [id], [for], [aria-describedby]")) {
      for (const name of ["name", "id", "for", "aria-describedby"]) {
        const value = element.getAttribute(name);
        if (value) element.setAttribute(name, value.replaceAll("__prefix__", String(index)));
      }
    }
    const row = fragment.querySelector("[data-result]");
    row.querySelector("legend").textContent = `Result ${index + 1}`;
    rows.append(fragment);
    total.value = String(index + 1);
    setUpRow(row);
    row.querySelector("select")?.focus();
  });
}

const submitButtons = (form) => form.querySelectorAll("button[type='submit']");
for (const form of document.querySelectorAll("[data-record-form]")) {
  form.addEventListener("submit", () => {
    for (const button of submitButtons(form)) button.disabled = true;
  });
}
// Coming back to the page (the back button) must not leave Save disabled.
window.addEventListener("pageshow", () => {
  for (const button of document.querySelectorAll("[data-record-form] button[type='submit']")) button.disabled = false;
});
