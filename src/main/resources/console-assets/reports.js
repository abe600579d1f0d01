// Charts of the reports page, drawn with ECharts from the figures the server put in #report-data (a JSON data block).
(function () {
  'use strict';
  function draw() {
    var block = document.getElementById('report-data');
    if (!block || typeof echarts === 'undefined') { return; }
    var data = JSON.parse(block.textContent);
    var palette = ['#0b4f8a', '#a1161c', '#1d6b34', '#7a4a00', '#5b2a86', '#006d75', '#4a5360', '#b04a00'];

    function chart(id, option) {
      var element = document.getElementById(id);
      if (!element) { return; }
      option.color = palette;
      option.animation = false;
      echarts.init(element, null, { renderer: 'svg' }).setOption(option);
    }

    if (data.reach) {
      var periods = [];
      var channels = {};
      data.reach.rows.forEach(function (row) {
        if (periods.indexOf(row.period) < 0) { periods.push(row.period); }
        channels[row.channel] = channels[row.channel] || {};
        channels[row.channel][row.period] = row.events;
      });
      chart('chart-reach', {
        tooltip: { trigger: 'axis' }, legend: { type: 'scroll' }, grid: { left: 50, right: 20, bottom: 40 },
        xAxis: { type: 'category', data: periods }, yAxis: { type: 'value' },
        series: Object.keys(channels).map(function (channel) {
          return { name: channel, type: 'line', data: periods.map(function (p) { return channels[channel][p] || 0; }) };
        })
      });
    }
    if (data.coverage) {
      var messages = data.coverage.keyMessages.map(function (k) { return k.code; });
      var languages = [];
      data.coverage.rows.forEach(function (row) { if (languages.indexOf(row.lang) < 0) { languages.push(row.lang); } });
      var cells = data.coverage.rows.map(function (row) { return [languages.indexOf(row.lang), messages.indexOf(row.keyMessage), row.stories]; });
      var most = cells.reduce(function (m, c) { return Math.max(m, c[2]); }, 1);
      chart('chart-coverage', {
        tooltip: {}, grid: { left: 140, right: 20, bottom: 60 },
        xAxis: { type: 'category', data: languages }, yAxis: { type: 'category', data: messages },
        visualMap: { min: 0, max: most, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f3f5f7', '#0b4f8a'] } },
        series: [{ type: 'heatmap', data: cells, label: { show: true } }]
      });
    }
    if (data.translationSpeed) {
      chart('chart-speed', {
        tooltip: {}, grid: { left: 50, right: 20, bottom: 40 },
        xAxis: { type: 'category', data: data.translationSpeed.buckets.map(function (b) { return b.label; }) }, yAxis: { type: 'value' },
        series: [{ type: 'bar', data: data.translationSpeed.buckets.map(function (b) { return b.translations; }) }]
      });
    }
    if (data.correctionReach) {
      var rows = data.correctionReach.rows.slice(0, 20);
      chart('chart-corrections', {
        tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 50, right: 20, bottom: 60 },
        xAxis: { type: 'category', data: rows.map(function (r) { return r.storyId.slice(-6) + ' ' + r.lang; }) }, yAxis: { type: 'value' },
        series: [
          { name: 'in time', type: 'bar', stack: 'c', data: rows.map(function (r) { return r.reachedInTime; }) },
          { name: 'later', type: 'bar', stack: 'c', data: rows.map(function (r) { return r.reachedLater; }) },
          { name: 'not reached', type: 'bar', stack: 'c', data: rows.map(function (r) { return r.notReached; }) }
        ]
      });
    }
    if (data.scorecard) {
      chart('chart-scorecard', {
        tooltip: {}, grid: { left: 160, right: 30, bottom: 30 },
        xAxis: { type: 'value', min: 0, max: 1 }, yAxis: { type: 'category', data: data.scorecard.kpis.map(function (k) { return k.name; }) },
        series: [{ type: 'bar', data: data.scorecard.kpis.map(function (k) { return k.score === null ? 0 : k.score; }) }]
      });
    }
  }
  document.addEventListener('DOMContentLoaded', draw);
})();
