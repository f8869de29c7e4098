// Draws each chart on the page with plotly.js (loaded by its own script tag as window.Plotly).
// A chart's figure is either embedded as JSON data (data-figure-json names the element) or fetched
// from the charts API (data-figure-url), whose sentence on what the chart shows goes in the page's
// [data-chart-says] for it. Sets body[data-charts-ready] when all are drawn.

const CONFIG = {
  responsive: true,
  displayModeBar: false,
  displaylogo: false,
  showLink: false,
  showSendToCloud: false,
  showEditInChartStudio: false,
};

async function figureFor(element) {
  if (element.dataset.figureJson) {
    return JSON.parse(document.getElementById(element.dataset.figureJson).textContent);
  }
  const response = await fetch(element.dataset.figureUrl, {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  });
  if (!response.ok) {
    throw new Error(`${response.status} from ${element.dataset.figureUrl}`);
  }
  const answer = await response.json();
  const says = document.querySelector(`[data-chart-says="${element.id}"]`);
  if (says) says.textContent = answer.says;
  return answer.figure;
}

async function draw(element) {
  try {
    const figure = await figureFor(element);
    await window.Plotly.newPlot(element, figure.data, figure.layout, CONFIG);
    element.dataset.drawn = "true";
  } catch (error) {
    element.textContent = "This chart could not be drawn.";
    console.error(error);
  }
}

function plotsOnPage() {
  return [...document.querySelectorAll("[data-figure-json], [data-figure-url]")];
}

// Printing narrows the page: lay the charts out again for the paper's width.
window.addEventListener("beforeprint", () => {
  for (const element of plotsOnPage()) {
    if (element.dataset.drawn) {
      window.Plotly.Plots.resize(element);
    }
  }
});

function start() {
  Promise.all(plotsOnPage().map(draw)).then(() => {
    document.body.dataset.chartsReady = "true";
  });
}

// Module scripts run after the document is parsed, but the deferred plotly.js may still be loading.
if (window.Plotly) {
  start();
} else {
  window.addEventListener("load", start, { once: true });
}
