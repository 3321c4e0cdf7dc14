// Draws every <canvas data-chart="bar|pie|doughnut|line"> from its data attributes (no inline script: the CSP
// forbids it). data-labels and data-values are JSON arrays; data-links, when present, is a JSON array of URLs:
// a click on a bar or slice opens the list behind it. data-series (JSON [{label, values}]) draws several datasets.
(function () {
  const palette = ['#0b4f6c', '#1e6b34', '#8a5a00', '#9b1c1c', '#5b3f8c', '#2f7f8f', '#6a737d', '#b35c00'];
  function draw(canvas) {
    const labels = JSON.parse(canvas.dataset.labels || '[]');
    const links = canvas.dataset.links ? JSON.parse(canvas.dataset.links) : null;
    const series = canvas.dataset.series ? JSON.parse(canvas.dataset.series)
      : [{ label: canvas.dataset.label || '', values: JSON.parse(canvas.dataset.values || '[]') }];
    const kind = canvas.dataset.chart;
    const round = kind === 'pie' || kind === 'doughnut';
    const chart = new Chart(canvas, {
      type: kind,
      data: {
        labels: labels,
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.values,
          backgroundColor: round ? labels.map((_, j) => palette[j % palette.length]) : palette[i % palette.length],
          borderColor: round ? '#fff' : palette[i % palette.length]
        }))
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: canvas.dataset.horizontal ? 'y' : 'x',
        // Counts are whole numbers: no 0.5 ticks on the value axis.
        scales: round ? {} : { [canvas.dataset.horizontal ? 'x' : 'y']: { beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { display: round || series.length > 1 } },
        onClick: (event, elements) => {
          if (links && elements.length > 0 && links[elements[0].index]) {
            window.location.href = links[elements[0].index];
          }
        },
        onHover: (event, elements) => {
          event.native.target.style.cursor = links && elements.length > 0 ? 'pointer' : 'default';
        }
      }
    });
    canvas.mejoraChart = chart;
  }
  function drawAll(root) {
    root.querySelectorAll('canvas[data-chart]').forEach(canvas => { if (!canvas.mejoraChart) draw(canvas); });
  }
  document.addEventListener('DOMContentLoaded', () => drawAll(document));
  document.addEventListener('htmx:afterSettle', event => drawAll(event.target));
})();
