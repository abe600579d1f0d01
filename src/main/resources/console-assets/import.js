// The import page: sends the NDJSON file to /console/import and reads the streamed answer line by line, moving the
// progress bar over the file's line count and listing failed lines with their fields at fault.
const form = document.getElementById('import-form');
const vi = document.documentElement.lang === 'vi';
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = document.getElementById('import-file').files[0];
  if (!file) { return; }
  const bar = document.getElementById('import-progress');
  const counts = document.getElementById('import-counts');
  const failures = document.getElementById('import-failures');
  const rows = failures.querySelector('tbody');
  rows.textContent = '';
  failures.hidden = true;
  const text = await file.text();
  const total = text.split('\n').filter((line) => line.trim().length > 0).length;
  bar.hidden = false;
  bar.max = Math.max(total, 1);
  bar.value = 0;
  const tally = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  const show = (done) => {
    counts.textContent = (vi ? 'Đã xử lý ' : 'Processed ') + done + ' / ' + total + ' — ' +
      Object.entries(tally).map(([status, n]) => status + ' ' + n).join(', ');
  };
  document.getElementById('import-start').disabled = true;
  const csrf = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  try {
    const answer = await fetch('/console/import', {
      method: 'POST', body: file, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/x-ndjson', 'X-CSRF-Token': csrf }
    });
    if (!answer.ok || !answer.body) {
      let detail = 'HTTP ' + answer.status;
      try { detail = (await answer.json()).detail || detail; } catch (ignored) { /* not problem+json */ }
      counts.textContent = detail;
      counts.className = 'problem';
      counts.setAttribute('role', 'alert');
      return;
    }
    const reader = answer.body.pipeThrough(new TextDecoderStream()).getReader();
    let pending = '';
    let done = 0;
    for (;;) {
      const { value, done: finished } = await reader.read();
      if (finished) { break; }
      pending += value;
      let newline;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (!line.trim()) { continue; }
        const result = JSON.parse(line);
        if (result.totals) {
          Object.assign(tally, result.totals);
          if (result.stopped) { counts.className = 'problem'; }
          continue;
        }
        done = result.line;
        tally[result.status] = (tally[result.status] || 0) + 1;
        if (result.status === 'failed') {
          failures.hidden = false;
          const row = rows.insertRow();
          row.insertCell().textContent = result.line;
          row.insertCell().textContent = result.externalId || '';
          row.insertCell().textContent = (result.detail || '') + ' ' + (result.errors || []).map((e) => e.field + ': ' + e.message).join('; ');
        }
        bar.value = done;
        show(done);
      }
    }
    bar.value = bar.max;
    show(total);
    counts.dataset.finished = 'true';
  } finally {
    document.getElementById('import-start').disabled = false;
  }
});
