// The supervisor's charts: rates per unit or district as bars, the trend by period, hotspots on a plain map of
// Chengdu (no tile server: a marker per district seat). Every chart has the same figures in a table beside it.
(function () {
  const data = JSON.parse(document.getElementById("stats-data").textContent);
  const esc = (s) => String(s == null ? "" : s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  const pct = (v) => (v == null ? null : Math.round(Number(v) * 1000) / 10);
  const font = { fontFamily: getComputedStyle(document.documentElement).fontFamily };
  const rates = echarts.init(document.getElementById("chart-rates"), null, { renderer: "svg" });
  const top = data.rows.slice(0, 15);
  rates.setOption({
    textStyle: font, tooltip: { trigger: "axis" }, legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: "category", data: top.map((r) => r.name), axisLabel: { interval: 0, rotate: top.length > 6 ? 30 : 0 } },
    yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    series: [
      { name: data.labels.signed, type: "bar", data: top.map((r) => pct(r.signedOnTimeRate)) },
      { name: data.labels.closed, type: "bar", data: top.map((r) => pct(r.closedOnTimeRate)) },
      { name: data.labels.resolution, type: "bar", data: top.map((r) => pct(r.resolutionRate)) },
      { name: data.labels.satisfaction, type: "bar", data: top.map((r) => pct(r.satisfactionRate)) },
    ],
  });
  const trend = echarts.init(document.getElementById("chart-trend"), null, { renderer: "svg" });
  const periods = data.trend.slice().sort((a, b) => String(a.key).localeCompare(String(b.key)));
  trend.setOption({
    textStyle: font, tooltip: { trigger: "axis" }, legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: "category", data: periods.map((r) => r.key) },
    yAxis: [{ type: "value", name: data.labels.received }, { type: "value", max: 100, axisLabel: { formatter: "{value}%" } }],
    series: [
      { name: data.labels.received, type: "bar", data: periods.map((r) => r.received) },
      { name: data.labels.overdue, type: "bar", data: periods.map((r) => r.overdue) },
      { name: data.labels.closed, type: "line", yAxisIndex: 1, data: periods.map((r) => pct(r.closedOnTimeRate)) },
      { name: data.labels.satisfaction, type: "line", yAxisIndex: 1, data: periods.map((r) => pct(r.satisfactionRate)) },
    ],
  });
  window.addEventListener("resize", () => { rates.resize(); trend.resize(); });
  document.getElementById("chart-rates").dataset.drawn = "true";
  document.getElementById("chart-trend").dataset.drawn = "true";

  fetch("/static/chengdu-districts.json").then((r) => r.json()).then((geo) => {
    const map = L.map("hotspot-map", { attributionControl: false, zoomSnap: 0.5 }).setView(geo.centre, 9);
    const byDistrict = {};
    data.hotspots.forEach((h) => {
      const d = (byDistrict[h.districtCode] = byDistrict[h.districtCode] || { recent: 0, hot: false, name: h.districtName, lines: [] });
      d.recent += h.recent; d.hot = d.hot || h.hot; d.lines.push(h.categoryName + ": " + h.recent);
    });
    Object.entries(geo.seats).forEach(([code, at]) => {
      const d = byDistrict[code];
      const n = d ? d.recent : 0;
      L.circleMarker(at, {
        radius: 5 + Math.min(25, Math.sqrt(n) * 3), weight: d && d.hot ? 3 : 1,
        color: d && d.hot ? "#a01313" : "#0b4f8a", fillOpacity: n ? 0.45 : 0.1,
      }).bindTooltip(esc(d ? d.name : code) + (d ? "<br>" + d.lines.map(esc).join("<br>") : "")).addTo(map);
    });
    document.getElementById("hotspot-map").dataset.drawn = "true";
  });
})();
