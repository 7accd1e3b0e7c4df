/* A stand-in SCORM 2004 run-time for previews: keeps the data model in memory and lists every call. */
(function () {
  'use strict';
  var data = {}, version = -1, frame = document.getElementById('sco'), select = document.getElementById('unit');
  function log(text) {
    var li = document.createElement('li'); li.textContent = text;
    var list = document.getElementById('calls'); list.insertBefore(li, list.firstChild);
  }
  function reset() { data = { 'cmi.completion_status': 'unknown', 'cmi.success_status': 'unknown', 'cmi.entry': 'ab-initio', 'cmi.interactions._count': '0' }; }
  reset();
  window.API_1484_11 = {
    Initialize: function () { log('Initialize()'); return 'true'; },
    Terminate: function () { log('Terminate()'); return 'true'; },
    Commit: function () { log('Commit()'); return 'true'; },
    GetLastError: function () { return '0'; }, GetErrorString: function () { return ''; }, GetDiagnostic: function () { return ''; },
    GetValue: function (k) { var v = data[k] == null ? '' : data[k]; log('GetValue(' + k + ') = ' + v); return v; },
    SetValue: function (k, v) {
      log('SetValue(' + k + ', ' + v + ')'); data[k] = String(v);
      var m = /^cmi\.interactions\.(\d+)\.id$/.exec(k);
      if (m && +m[1] >= +data['cmi.interactions._count']) { data['cmi.interactions._count'] = String(+m[1] + 1); }
      return 'true';
    }
  };
  function load() { reset(); frame.src = '/course/' + select.value + '?v=' + version; }
  select.addEventListener('change', load);
  function poll() {
    fetch('/__preview/state').then(function (r) { return r.json(); }).then(function (s) {
      document.getElementById('problems').textContent = s.problems.join('\n');
      if (s.version !== version) {
        var keep = select.value; version = s.version; select.textContent = '';
        s.units.forEach(function (u) { var o = document.createElement('option'); o.value = u; o.textContent = u; select.appendChild(o); });
        if (keep && s.units.indexOf(keep) >= 0) { select.value = keep; }
        log('-- version ' + version + ' loaded --'); load();
      }
    }).catch(function () {}).then(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
