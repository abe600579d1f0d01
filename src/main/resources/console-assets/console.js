// The console's only script besides htmx (the Content-Security-Policy allows no inline script).
(function () {
  'use strict';
  // Dates are shown in the browser's time zone: tell the server which one it is.
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) {
      document.cookie = 'ih_tz=' + encodeURIComponent(zone) + '; path=/console; max-age=31536000; samesite=lax';
    }
  } catch (ignored) { /* an old browser: UTC */ }

  document.addEventListener('htmx:configRequest', function (event) {
    // Every state-changing console request carries the session's CSRF token; the server refuses it otherwise.
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) {
      event.detail.headers['X-CSRF-Token'] = meta.getAttribute('content');
    }
    // The button that sent the form names the workflow action.
    var submitter = event.detail.triggeringEvent && event.detail.triggeringEvent.submitter;
    if (submitter && submitter.name && !(submitter.name in event.detail.parameters)) {
      event.detail.parameters[submitter.name] = submitter.value;
    }
  });

  document.addEventListener('htmx:beforeRequest', function (event) {
    var button = event.detail.elt.querySelector && event.detail.elt.querySelector('button[type="submit"]');
    document.body.setAttribute('aria-busy', 'true');
    if (button) { button.setAttribute('aria-disabled', 'true'); }
  });

  document.addEventListener('htmx:afterSettle', function () {
    document.body.removeAttribute('aria-busy');
    // After a swap, put keyboard focus where the news is: an alert if there is one, else the page's main region.
    var alert = document.querySelector('main [role="alert"], main [role="status"]');
    var main = document.getElementById('main');
    if (alert) {
      alert.setAttribute('tabindex', '-1');
      alert.focus();
    } else if (main) {
      main.focus();
    }
  });

  document.addEventListener('htmx:responseError', function (event) {
    document.body.removeAttribute('aria-busy');
    var main = document.getElementById('main');
    if (!main) { return; }
    var note = document.createElement('p');
    note.className = 'problem';
    note.setAttribute('role', 'alert');
    var detail = '';
    try { detail = JSON.parse(event.detail.xhr.responseText).detail || ''; } catch (ignored) { detail = ''; }
    note.textContent = (detail || ('HTTP ' + event.detail.xhr.status));
    main.insertBefore(note, main.firstChild);
  });
})();

// Upload progress and the focal-point picker (media library).
(function () {
  'use strict';
  document.addEventListener('htmx:xhr:progress', function (event) {
    var bar = document.getElementById('upload-progress');
    if (bar && event.detail.lengthComputable) {
      bar.hidden = false;
      bar.value = Math.round(event.detail.loaded / event.detail.total * 100);
    }
  });

  function placeMark() {
    var picker = document.getElementById('focal-picker');
    var mark = document.getElementById('focal-mark');
    var x = document.getElementById('focalX');
    var y = document.getElementById('focalY');
    if (!picker || !mark || !x || !y || x.value === '' || y.value === '') { return; }
    mark.hidden = false;
    mark.style.left = (parseFloat(x.value) * 100) + '%';
    mark.style.top = (parseFloat(y.value) * 100) + '%';
  }

  document.addEventListener('click', function (event) {
    if (event.target && event.target.id === 'focal-image') {
      var box = event.target.getBoundingClientRect();
      var x = (event.clientX - box.left) / box.width;
      var y = (event.clientY - box.top) / box.height;
      document.getElementById('focalX').value = Math.min(1, Math.max(0, x)).toFixed(2);
      document.getElementById('focalY').value = Math.min(1, Math.max(0, y)).toFixed(2);
      placeMark();
    }
  });
  document.addEventListener('input', function (event) {
    if (event.target && (event.target.id === 'focalX' || event.target.id === 'focalY')) { placeMark(); }
  });
  document.addEventListener('DOMContentLoaded', placeMark);
  document.addEventListener('htmx:afterSettle', placeMark);

  // Dropping a file anywhere on the upload form puts it in the file input.
  document.addEventListener('dragover', function (event) {
    if (event.target.closest && event.target.closest('#upload-form')) { event.preventDefault(); }
  });
  document.addEventListener('drop', function (event) {
    var form = event.target.closest && event.target.closest('#upload-form');
    if (form && event.dataTransfer && event.dataTransfer.files.length) {
      event.preventDefault();
      document.getElementById('file').files = event.dataTransfer.files;
    }
  });
})();

// Copy buttons (a new API key): the value of the input the button names.
document.addEventListener('click', function (event) {
  var button = event.target.closest && event.target.closest('[data-copy]');
  if (!button) { return; }
  var field = document.getElementById(button.getAttribute('data-copy'));
  if (!field) { return; }
  field.select();
  var done = function () { button.setAttribute('aria-label', button.textContent + ' ✓'); button.textContent = '✓'; };
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand('copy'); done(); });
  } else {
    document.execCommand('copy');
    done();
  }
});
