// The Charts page draws each figure from /api/charts/{name}/ with plotly.js when the page has loaded it.
import { api, unavailable } from "./api.js";

const range = document.querySelector("[data-chart-range]");

async function draw() {
  for (const plot of document.querySelectorAll("[data-chart]")) {
    const status = document.querySelector(`[data-chart-status="${plot.dataset.chart}"]`);
    const figure = await api(`/api/charts/${plot.dataset.chart}/?range=${range.value}`);
    if (!figure.ok || !window.Plotly) {
      status.textContent = figure.ok ? "Charts are not available yet." : unavailable(figure);
      continue;
    }
    status.textContent = "";
    window.Plotly.react(plot, figure.data.data, figure.data.layout, { responsive: true, displayModeBar: false });
  }
}

range.addEventListener("change", draw);
draw();
