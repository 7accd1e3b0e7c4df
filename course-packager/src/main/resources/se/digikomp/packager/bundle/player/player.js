/* Digikomp player: shows the lessons, checks answers, and reports progress to the launching LMS
   (SCORM 1.2, SCORM 2004 4th Ed., xAPI, cmi5) or keeps it in this browser (web). Plain JavaScript,
   no dependencies, no network call except to the LMS that launched the page. */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('dk-config').textContent);
  var ui = config.ui;
  var Q = config.questions;
  var SUSPEND_LIMIT_12 = 4096;
  var started = Date.now();
  var state = { d: [], a: {}, c: [], s: 0, p: 0 };
  var tracker;
  var leavingForLanguage = false;
  var finished = false;

  function fmt(text) {
    var args = Array.prototype.slice.call(arguments, 1);
    return text.replace(/\{(\d)\}/g, function (m, i) { return String(args[+i]); });
  }
  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function notice(text) { var n = $('#dk-notice'); if (n) { n.textContent = text; } }
  function has(list, x) { return list.indexOf(x) >= 0; }
  function lessonOf(id) { return config.lessons.filter(function (l) { return l.id === id; })[0]; }
  function assessmentLesson() { return config.lessons.filter(function (l) { return l.assessment; })[0]; }
  function isoDuration(ms) { return 'PT' + Math.round(ms / 10) / 100 + 'S'; }
  function uuid() {
    var b = new Uint8Array(16); crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  /* ---------- answers ---------- */

  function section(qid) { return document.getElementById('q-' + qid); }

  /** The learner's response in the player's own encoding, or null when not fully answered. */
  function response(qid) {
    var q = Q[qid], s = section(qid);
    if (q.type === 'text') {
      var v = $('input[type=text]', s).value.trim();
      return v ? v : null;
    }
    if (q.type === 'order' || q.type === 'match') {
      var values = q.options.map(function (o) { return $('select[data-option="' + o.id + '"]', s).value; });
      if (values.some(function (v) { return !v; })) { return null; }
      if (q.type === 'match') { return values.join(','); }
      var order = q.options.slice().sort(function (x, y) {
        return +$('select[data-option="' + x.id + '"]', s).value - +$('select[data-option="' + y.id + '"]', s).value;
      });
      return order.map(function (o) { return o.id; }).join(',');
    }
    var chosen = $$('input:checked', s).map(function (i) { return i.value; });
    return chosen.length ? chosen.join(',') : null;
  }

  function setResponse(qid, value) {
    var q = Q[qid], s = section(qid);
    if (!s || value == null) { return; }
    if (q.type === 'text') { $('input[type=text]', s).value = value; return; }
    var parts = value.split(',');
    if (q.type === 'match') {
      q.options.forEach(function (o, i) { $('select[data-option="' + o.id + '"]', s).value = parts[i] || ''; });
      return;
    }
    if (q.type === 'order') {
      parts.forEach(function (id, i) {
        var sel = $('select[data-option="' + id + '"]', s); if (sel) { sel.value = String(i + 1); }
      });
      return;
    }
    $$('input', s).forEach(function (i) { i.checked = has(parts, i.value); });
  }

  function isCorrect(qid, value) {
    var q = Q[qid];
    if (value == null) { return false; }
    if (q.type === 'text') {
      var v = value.trim().toLowerCase();
      return q.correct.some(function (c) { return c.trim().toLowerCase() === v; });
    }
    if (q.type === 'multiple') { return value.split(',').sort().join(',') === q.correct.slice().sort().join(','); }
    return value === q.correct.join(',');
  }

  function showFeedback(qid, value, correct) {
    var s = section(qid);
    var chosen = value ? value.split(',') : [];
    $$('.dk-option-feedback', s).forEach(function (f) { f.hidden = !has(chosen, f.getAttribute('data-option')); });
    var ok = $('.dk-overall-correct', s), bad = $('.dk-overall-incorrect', s);
    if (ok) { ok.hidden = !correct; }
    if (bad) { bad.hidden = correct; }
    s.classList.toggle('dk-is-correct', correct);
    s.classList.toggle('dk-is-incorrect', !correct);
    $('.dk-result', s).textContent = correct ? ui.correct : ui.incorrect;
  }

  function clearFeedback(qid) {
    var s = section(qid);
    $$('.dk-option-feedback, .dk-overall', s).forEach(function (f) { f.hidden = true; });
    s.classList.remove('dk-is-correct', 'dk-is-incorrect');
    $('.dk-result', s).textContent = '';
  }

  function lockQuestion(qid, locked) {
    $$('input, select', section(qid)).forEach(function (c) { c.disabled = locked; });
  }

  /* ---------- lessons, completion, score ---------- */

  function lessonDone(lesson) { return has(state.d, lesson.id); }

  function updateLessonStatus(lesson) {
    if (lessonDone(lesson)) { return; }
    var opened = has(state.c, 'open:' + lesson.id);
    var checks = lesson.assessment ? state.s === 1 : lesson.questions.every(function (q) { return has(state.c, q); });
    if (opened && checks) {
      state.d.push(lesson.id);
      var st = $('#lesson-' + lesson.id + ' .dk-lesson-status');
      if (st) { st.textContent = ui.lessonDone; }
      markNav();
      tracker.lessonCompleted(lesson, pageComplete());
    }
  }

  function pageComplete() { return config.lessons.every(lessonDone); }

  function markNav() {
    $$('.dk-nav a[data-lesson]').forEach(function (a) {
      var id = a.getAttribute('data-lesson'), lesson = lessonOf(id);
      if (!lesson) { return; }
      var done = a.parentNode.querySelector('.dk-done');
      if (done) { done.hidden = !lessonDone(lesson); }
      if (locked(lesson)) { a.setAttribute('aria-disabled', 'true'); } else { a.removeAttribute('aria-disabled'); }
    });
  }

  /** With ordered sequencing, a lesson opens once every lesson before it is done. */
  function locked(lesson) {
    if (!config.course.ordered) { return false; }
    var i = config.lessons.indexOf(lesson);
    return config.lessons.slice(0, i).some(function (l) { return !lessonDone(l); });
  }

  function masteryScore() {
    var m = tracker.masteryScore && tracker.masteryScore();
    return (m != null && !isNaN(m)) ? m : config.course.masteryScore;
  }

  function score() {
    var lesson = assessmentLesson(), earned = 0, total = 0;
    lesson.questions.forEach(function (qid) {
      total += Q[qid].points;
      if (isCorrect(qid, state.a[qid])) { earned += Q[qid].points; }
    });
    return { raw: earned, max: total, scaled: total ? earned / total : 1 };
  }

  function showScore(sc, passed) {
    var area = $('#lesson-' + assessmentLesson().id + ' .dk-score');
    var pct = Math.round(sc.scaled * 100);
    area.textContent = fmt(ui.score, sc.raw, sc.max, pct) + ' ' +
      fmt(passed ? ui.passed : ui.failed, Math.round(masteryScore() * 100));
    $('.dk-submit').hidden = true;
    $('.dk-retry').hidden = passed;
  }

  /* ---------- interaction handlers ---------- */

  function check(qid) {
    var value = response(qid);
    if (value == null) { $('.dk-result', section(qid)).textContent = ui.needAnswer; return; }
    var correct = isCorrect(qid, value);
    state.a[qid] = value;
    if (!has(state.c, qid)) { state.c.push(qid); }
    showFeedback(qid, value, correct);
    tracker.answered(qid, value, correct);
    updateLessonStatus(lessonOf(Q[qid].lesson));
    save();
  }

  function submit() {
    var lesson = assessmentLesson();
    var missing = [];
    lesson.questions.forEach(function (qid, i) { if (response(qid) == null) { missing.push(i + 1); } });
    if (missing.length) { $('#lesson-' + lesson.id + ' .dk-score').textContent = fmt(ui.unanswered, missing.join(', ')); return; }
    lesson.questions.forEach(function (qid) {
      var value = response(qid), correct = isCorrect(qid, value);
      state.a[qid] = value;
      showFeedback(qid, value, correct);
      lockQuestion(qid, true);
      tracker.answered(qid, value, correct);
    });
    state.s = 1;
    var sc = score(), passed = sc.scaled >= masteryScore();
    state.p = passed ? 1 : 0;
    showScore(sc, passed);
    tracker.scored(sc, passed);
    updateLessonStatus(lesson);
    save();
  }

  function retry() {
    var lesson = assessmentLesson();
    lesson.questions.forEach(function (qid) { lockQuestion(qid, false); clearFeedback(qid); delete state.a[qid]; setResponse(qid, ''); });
    $$('input[type=radio], input[type=checkbox]', $('#lesson-' + lesson.id)).forEach(function (i) { i.checked = false; });
    $$('select', $('#lesson-' + lesson.id)).forEach(function (s) { s.value = ''; });
    $$('input[type=text]', $('#lesson-' + lesson.id)).forEach(function (i) { i.value = ''; });
    state.s = 0;
    $('.dk-submit').hidden = false;
    $('.dk-retry').hidden = true;
    $('#lesson-' + lesson.id + ' .dk-score').textContent = '';
    var first = $('#lesson-' + lesson.id + ' input, #lesson-' + lesson.id + ' select');
    if (first) { first.focus(); }
    save();
  }

  /* ---------- navigation ---------- */

  var current = null;
  function show(id, focus) {
    var lesson = lessonOf(id);
    if (lesson && locked(lesson)) { notice(ui.locked); return; }
    var target = document.getElementById('lesson-' + id);
    if (!target) { return; }
    $$('.dk-lesson').forEach(function (s) { s.hidden = s !== target; });
    current = id;
    $$('.dk-nav a[data-lesson]').forEach(function (a) {
      if (a.getAttribute('data-lesson') === id) { a.setAttribute('aria-current', 'page'); } else { a.removeAttribute('aria-current'); }
    });
    var all = config.lessons.map(function (l) { return l.id; });
    var i = all.indexOf(id);
    var prog = $('.dk-progress');
    if (prog) { prog.textContent = i >= 0 ? fmt(ui.progress, i + 1, all.length) : ''; }
    var prev = $('.dk-prev'), next = $('.dk-next');
    if (prev) { prev.disabled = i <= 0; }
    if (next) { next.disabled = i < 0 || i >= all.length - 1; }
    if (focus) { var h = $('h1', target); if (h) { h.focus(); } window.scrollTo(0, 0); }
    if (lesson) {
      if (!has(state.c, 'open:' + id)) { state.c.push('open:' + id); }
      tracker.lessonOpened(lesson);
      updateLessonStatus(lesson);
      save();
    }
  }

  function step(delta) {
    var all = config.lessons.map(function (l) { return l.id; });
    var i = all.indexOf(current);
    if (i + delta >= 0 && i + delta < all.length) { show(all[i + delta], true); }
  }

  /* ---------- saving progress ---------- */

  /** The saved progress as text, kept under SCORM 1.2's 4,096 characters by dropping long answers first. */
  function serialize(limit) {
    var copy = { d: state.d, a: {}, c: state.c.filter(function (c) { return c.indexOf('open:') !== 0 || !has(state.d, c.slice(5)); }), s: state.s, p: state.p, l: current };
    Object.keys(state.a).forEach(function (k) { copy.a[k] = state.a[k]; });
    var text = JSON.stringify(copy);
    var keys = Object.keys(copy.a).sort(function (x, y) { return copy.a[y].length - copy.a[x].length; });
    while (text.length > limit && keys.length) { delete copy.a[keys.shift()]; text = JSON.stringify(copy); }
    if (text.length > limit) { copy.c = []; text = JSON.stringify(copy); }
    return text;
  }

  function restore(text) {
    if (!text) { return null; }
    try {
      var saved = JSON.parse(text);
      state.d = saved.d || []; state.a = saved.a || {}; state.c = saved.c || []; state.s = saved.s || 0; state.p = saved.p || 0;
      state.d.forEach(function (id) { if (!has(state.c, 'open:' + id)) { state.c.push('open:' + id); } });
      return saved.l || null;
    } catch (e) { return null; }
  }

  function applyRestored() {
    Object.keys(state.a).forEach(function (qid) {
      if (!Q[qid]) { return; }
      setResponse(qid, state.a[qid]);
      if (!Q[qid].graded && has(state.c, qid)) { showFeedback(qid, state.a[qid], isCorrect(qid, state.a[qid])); }
    });
    var a = assessmentLesson();
    if (a && state.s === 1) {
      a.questions.forEach(function (qid) { showFeedback(qid, state.a[qid], isCorrect(qid, state.a[qid])); lockQuestion(qid, true); });
      showScore(score(), state.p === 1);
    }
    config.lessons.forEach(function (l) { if (lessonDone(l)) { var st = $('#lesson-' + l.id + ' .dk-lesson-status'); if (st) { st.textContent = ui.lessonDone; } } });
    markNav();
  }

  function save() { tracker.save(serialize(tracker.limit || 64000), current); }

  /* ---------- trackers ---------- */

  function findApi(name) {
    var w = window, tries = 0;
    while (w && tries < 10) {
      try { if (w[name]) { return w[name]; } } catch (e) { /* another origin */ }
      if (w.parent === w) { break; }
      w = w.parent; tries++;
    }
    try { if (window.opener) { return findApiIn(window.opener, name); } } catch (e) { /* closed */ }
    return null;
  }
  function findApiIn(w, name) {
    for (var i = 0; w && i < 10; i++) { try { if (w[name]) { return w[name]; } } catch (e) { return null; } if (w.parent === w) { break; } w = w.parent; }
    return null;
  }

  var ASSESS = assessmentLesson();
  var PAGE_GRADED = !!ASSESS;

  function scorm12(api) {
    var get = function (k) { return api.LMSGetValue(k); };
    var set = function (k, v) { return api.LMSSetValue(k, String(v)); };
    var commit = function () { api.LMSCommit(''); };
    var letter = function (optionId) { return String.fromCharCode(96 + +optionId.slice(1)); };
    function resp12(q, value) {
      if (q.type === 'text') { return value.slice(0, 255); }
      if (q.type === 'truefalse') { return value === 'a1' ? 't' : 'f'; }
      if (q.type === 'match') { return value.split(',').map(function (t, i) { return letter(q.options[i].id) + '.' + letter(t); }).join(','); }
      return value.split(',').map(letter).join(',');
    }
    function pattern12(q) {
      if (q.type === 'text') { return q.correct[0]; }
      return resp12(q, q.correct.join(','));
    }
    function time12(ms) {
      var s = Math.floor(ms / 1000), h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
      return (h < 10 ? '000' : h < 100 ? '00' : h < 1000 ? '0' : '') + h + ':' + (m < 10 ? '0' : '') + m + ':' + ((s % 60) < 10 ? '0' : '') + (s % 60);
    }
    return {
      limit: SUSPEND_LIMIT_12,
      start: function () {
        var ok = api.LMSInitialize('');
        if (String(ok) !== 'true' && String(api.LMSGetLastError()) !== '101') { notice(ui.trackingError); }
        if (get('cmi.core.lesson_status') === 'not attempted') { set('cmi.core.lesson_status', 'incomplete'); }
        var location = restore(get('cmi.suspend_data'));
        return Promise.resolve(location || get('cmi.core.lesson_location') || null);
      },
      masteryScore: function () { var m = parseFloat(get('cmi.student_data.mastery_score')); return isNaN(m) ? null : m / 100; },
      lessonOpened: function () {},
      lessonCompleted: function (lesson, all) {
        if (all && !PAGE_GRADED) { set('cmi.core.lesson_status', 'completed'); commit(); }
      },
      answered: function (qid, value, correct) {
        var q = Q[qid], n = +get('cmi.interactions._count') || 0, p = 'cmi.interactions.' + n + '.';
        var type = { single: 'choice', multiple: 'choice', truefalse: 'true-false', text: 'fill-in', order: 'sequencing', match: 'matching' }[q.type];
        set(p + 'id', qid); set(p + 'type', type); set(p + 'weighting', q.points);
        set(p + 'student_response', resp12(q, value)); set(p + 'result', correct ? 'correct' : 'wrong');
        set(p + 'correct_responses.0.pattern', pattern12(q));
        set(p + 'time', new Date().toTimeString().slice(0, 8));
      },
      scored: function (sc, passed) {
        set('cmi.core.score.min', 0); set('cmi.core.score.max', 100);
        set('cmi.core.score.raw', Math.round(sc.scaled * 10000) / 100);
        set('cmi.core.lesson_status', passed ? 'passed' : 'failed');
        commit();
      },
      save: function (text, location) {
        set('cmi.suspend_data', text);
        if (location) { set('cmi.core.lesson_location', location); }
        commit();
      },
      finish: function () {
        set('cmi.core.exit', pageComplete() ? '' : 'suspend');
        set('cmi.core.session_time', time12(Date.now() - started));
        commit();
        if (!leavingForLanguage) { api.LMSFinish(''); }
      }
    };
  }

  function scorm2004(api) {
    var get = function (k) { return api.GetValue(k); };
    var set = function (k, v) { return api.SetValue(k, String(v)); };
    var commit = function () { api.Commit(''); };
    function resp(q, value) {
      if (q.type === 'text') { return value.slice(0, 250); }
      if (q.type === 'truefalse') { return value === 'a1' ? 'true' : 'false'; }
      if (q.type === 'match') { return value.split(',').map(function (t, i) { return q.options[i].id + '[.]' + t; }).join('[,]'); }
      return value.split(',').join('[,]');
    }
    function pattern(q) {
      if (q.type === 'text') { return '{case_matters=false}' + q.correct[0]; }
      return resp(q, q.correct.join(','));
    }
    return {
      limit: 64000,
      start: function () {
        var ok = api.Initialize('');
        if (String(ok) !== 'true' && String(api.GetLastError()) !== '103') { notice(ui.trackingError); }
        var location = restore(get('cmi.suspend_data'));
        return Promise.resolve(location || get('cmi.location') || null);
      },
      masteryScore: function () { var m = parseFloat(get('cmi.scaled_passing_score')); return isNaN(m) ? null : m; },
      lessonOpened: function () {
        if (get('cmi.completion_status') === 'not attempted' || get('cmi.completion_status') === 'unknown') { set('cmi.completion_status', 'incomplete'); }
      },
      lessonCompleted: function (lesson, all) {
        if (all) {
          set('cmi.completion_status', 'completed');
          if (!PAGE_GRADED && config.unit) { set('cmi.success_status', 'passed'); }
          commit();
        }
      },
      answered: function (qid, value, correct) {
        var q = Q[qid], n = +get('cmi.interactions._count') || 0, p = 'cmi.interactions.' + n + '.';
        var type = { single: 'choice', multiple: 'choice', truefalse: 'true-false', text: 'fill-in', order: 'sequencing', match: 'matching' }[q.type];
        set(p + 'id', q.iri); set(p + 'type', type); set(p + 'weighting', q.points);
        set(p + 'timestamp', new Date().toISOString().slice(0, 19));
        set(p + 'correct_responses.0.pattern', pattern(q));
        set(p + 'learner_response', resp(q, value)); set(p + 'result', correct ? 'correct' : 'incorrect');
        set(p + 'description', q.title.slice(0, 250));
      },
      scored: function (sc, passed) {
        set('cmi.score.min', 0); set('cmi.score.max', sc.max); set('cmi.score.raw', sc.raw);
        set('cmi.score.scaled', Math.round(sc.scaled * 10000) / 10000);
        set('cmi.success_status', passed ? 'passed' : 'failed');
        commit();
      },
      save: function (text, location) {
        set('cmi.suspend_data', text);
        if (location) { set('cmi.location', location); }
        commit();
      },
      finish: function () {
        set('cmi.exit', pageComplete() ? 'normal' : 'suspend');
        set('cmi.session_time', isoDuration(Date.now() - started));
        commit();
        if (!leavingForLanguage) { api.Terminate(''); }
      }
    };
  }

  /* xAPI 1.0.3 and cmi5: statements and the state document, sent in order to the launching LMS. */
  var V = 'http://adlnet.gov/expapi/verbs/';
  var CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
  var MOVEON = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
  var COMPETENCES = 'https://digikomp.se/xapi/extensions/competences';
  var PROGRESS = 'https://digikomp.se/xapi/state/progress';

  function xapiTracker(cmi5) {
    var params = new URLSearchParams(location.search);
    var endpoint = params.get('endpoint');
    if (!endpoint) { return null; }
    if (endpoint.slice(-1) !== '/') { endpoint += '/'; }
    var actor = JSON.parse(params.get('actor') || 'null');
    if (actor) { ['name', 'mbox', 'mbox_sha1sum', 'openid', 'account'].forEach(function (k) { if (Array.isArray(actor[k])) { actor[k] = actor[k][0]; } }); }
    if (actor && actor.account && actor.account.accountServiceHomePage === undefined && actor.account.homePage) { /* ok */ }
    var registration = params.get('registration');
    var auth = params.get('auth');
    var activityId = cmi5 ? params.get('activityId') : config.course.id;
    var launch = { launchMode: 'Normal', contextTemplate: {}, masteryScore: null };
    var chain = Promise.resolve();
    var flags = { completed: false, passed: false };

    function headers(json) {
      var h = { 'X-Experience-API-Version': '1.0.3', 'Authorization': auth };
      if (json) { h['Content-Type'] = 'application/json'; }
      return h;
    }
    function stateUrl(stateId) {
      return endpoint + 'activities/state?stateId=' + encodeURIComponent(stateId) + '&activityId=' + encodeURIComponent(activityId) +
        '&agent=' + encodeURIComponent(JSON.stringify(actor)) + (registration ? '&registration=' + encodeURIComponent(registration) : '');
    }
    function request(url, opts) {
      return fetch(url, opts).then(function (r) {
        if (!r.ok && r.status !== 404) { throw new Error('HTTP ' + r.status); }
        return r;
      });
    }
    function context(parentId, cmi5Category, moveOn) {
      var c = JSON.parse(JSON.stringify(launch.contextTemplate || {}));
      if (registration) { c.registration = registration; }
      c.language = config.lang;
      c.contextActivities = c.contextActivities || {};
      if (parentId) { c.contextActivities.parent = [{ id: parentId, objectType: 'Activity' }]; }
      if (!cmi5) { c.contextActivities.grouping = [{ id: config.course.id, objectType: 'Activity' }]; }
      c.contextActivities.other = (c.contextActivities.other || []).concat(config.course.competences.map(function (k) { return { id: k.iri, objectType: 'Activity' }; }));
      if (cmi5Category) {
        var cats = [{ id: CMI5 }];
        if (moveOn) { cats.push({ id: MOVEON }); }
        c.contextActivities.category = (c.contextActivities.category || []).concat(cats);
      }
      c.extensions = c.extensions || {};
      c.extensions[COMPETENCES] = config.course.competences.map(function (k) { return { framework: k.framework, id: k.id, level: k.level }; });
      return c;
    }
    function statement(verb, object, result, ctx) {
      var s = { id: uuid(), actor: actor, verb: { id: V + verb, display: { 'en-US': verb } }, object: object, context: ctx, timestamp: new Date().toISOString() };
      if (result) { s.result = result; }
      return s;
    }
    function send(statements, keepalive) {
      chain = chain.then(function () {
        return request(endpoint + 'statements', { method: 'POST', headers: headers(true), body: JSON.stringify(statements), keepalive: !!keepalive });
      }).catch(function () { notice(ui.trackingError); });
      return chain;
    }
    function activity(id, type, name) {
      var a = { id: id, objectType: 'Activity', definition: { type: type } };
      if (name) { a.definition.name = {}; a.definition.name[config.lang] = name; }
      return a;
    }
    var self = activity(activityId, 'http://adlnet.gov/expapi/activities/' + (cmi5 ? 'lesson' : 'course'), cmi5 ? null : config.course.title);
    function interactionObject(q) {
      var type = { single: 'choice', multiple: 'choice', truefalse: 'true-false', text: 'fill-in', order: 'sequencing', match: 'matching' }[q.type];
      var d = { type: 'http://adlnet.gov/expapi/activities/cmi.interaction', interactionType: type, name: {} };
      d.name[config.lang] = q.title;
      var comp = function (list) { return list.map(function (o) { var x = { id: o.id, description: {} }; x.description[config.lang] = o.text; return x; }); };
      if (q.type === 'single' || q.type === 'multiple') { d.choices = comp(q.options); d.correctResponsesPattern = [q.correct.join('[,]')]; }
      if (q.type === 'truefalse') { d.correctResponsesPattern = [q.correct[0] === 'a1' ? 'true' : 'false']; }
      if (q.type === 'text') { d.correctResponsesPattern = ['{case_matters=false}' + q.correct[0]]; }
      if (q.type === 'order') { d.choices = comp(q.options); d.correctResponsesPattern = [q.correct.join('[,]')]; }
      if (q.type === 'match') { d.source = comp(q.options); d.target = comp(q.targets); d.correctResponsesPattern = [q.options.map(function (o, i) { return o.id + '[.]' + q.correct[i]; }).join('[,]')]; }
      return { id: q.iri, objectType: 'Activity', definition: d };
    }
    function xresp(q, value) {
      if (q.type === 'truefalse') { return value === 'a1' ? 'true' : 'false'; }
      if (q.type === 'match') { return value.split(',').map(function (t, i) { return q.options[i].id + '[.]' + t; }).join('[,]'); }
      if (q.type === 'text') { return value; }
      return value.split(',').join('[,]');
    }
    function normal() { return !cmi5 || launch.launchMode === 'Normal'; }
    function saveState(text) {
      chain = chain.then(function () {
        return request(stateUrl(PROGRESS), { method: 'PUT', headers: headers(true), body: JSON.stringify({ progress: text, flags: flags }) });
      }).catch(function () { notice(ui.trackingError); });
    }
    var saveTimer = null;

    return {
      limit: 64000,
      start: function () {
        var ready = Promise.resolve();
        if (cmi5) {
          var key = 'dk-cmi5-' + registration + '-' + activityId;
          var cached = sessionStorage.getItem(key);
          ready = (cached ? Promise.resolve(cached) : fetch(params.get('fetch'), { method: 'POST' }).then(function (r) { return r.json(); }).then(function (j) {
            if (!j['auth-token']) { throw new Error('no auth-token: ' + (j['error-text'] || '')); }
            sessionStorage.setItem(key, j['auth-token']);
            return j['auth-token'];
          })).then(function (token) {
            auth = 'Basic ' + token;
            return request(stateUrl('LMS.LaunchData'), { headers: headers(false) });
          }).then(function (r) { return r.status === 404 ? {} : r.json(); }).then(function (data) {
            launch.launchMode = data.launchMode || 'Normal';
            launch.contextTemplate = data.contextTemplate || {};
            launch.masteryScore = data.masteryScore == null ? null : +data.masteryScore;
            launch.returnURL = data.returnURL || null;
            if (launch.returnURL) { addExitButton(launch.returnURL); }
          });
        }
        return ready.then(function () { return request(stateUrl(PROGRESS), { headers: headers(false) }); })
          .then(function (r) { return r.status === 404 ? null : r.json(); })
          .then(function (saved) {
            if (saved && saved.flags) { flags = saved.flags; }
            var loc = saved ? restore(saved.progress) : null;
            if (cmi5) {
              if (!cached) { send([statement('initialized', self, null, context(null, true, false))]); }
            } else {
              send([statement(saved ? 'resumed' : 'attempted', self, null, context(null, false, false))]);
            }
            return loc;
          });
      },
      masteryScore: function () { return launch.masteryScore; },
      lessonOpened: function (lesson) {
        if (!cmi5) { send([statement('experienced', activity(lesson.iri, 'http://adlnet.gov/expapi/activities/' + (lesson.assessment ? 'assessment' : 'module'), lesson.title), null, context(config.course.id, false, false))]); }
      },
      lessonCompleted: function (lesson, all) {
        if (!normal()) { return; }
        var list = [];
        var duration = isoDuration(Date.now() - started);
        if (!cmi5) { list.push(statement('completed', activity(lesson.iri, 'http://adlnet.gov/expapi/activities/module', lesson.title), { completion: true }, context(config.course.id, false, false))); }
        if (all && !flags.completed) {
          flags.completed = true;
          list.push(statement('completed', self, { completion: true, duration: duration }, context(null, cmi5, cmi5)));
        }
        if (list.length) { send(list); }
      },
      answered: function (qid, value, correct) {
        var q = Q[qid];
        var result = { response: xresp(q, value), success: correct };
        if (q.graded) { result.score = { raw: correct ? q.points : 0, min: 0, max: q.points }; }
        send([statement('answered', interactionObject(q), result, context(cmi5 ? activityId : lessonOf(q.lesson).iri, false, false))]);
      },
      scored: function (sc, passed) {
        if (!normal() || flags.passed) { return; }
        var result = { score: { scaled: Math.round(sc.scaled * 10000) / 10000, raw: sc.raw, min: 0, max: sc.max }, success: passed, duration: isoDuration(Date.now() - started) };
        var ctx = context(null, cmi5, cmi5 && passed);
        if (cmi5 && launch.masteryScore != null) { ctx.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore'] = launch.masteryScore; }
        if (passed) { flags.passed = true; }
        send([statement(passed ? 'passed' : 'failed', self, result, ctx)]);
      },
      save: function (text) {
        clearTimeout(saveTimer);
        saveTimer = setTimeout(function () { saveState(text); }, 300);
      },
      finish: function () {
        clearTimeout(saveTimer);
        var text = serialize(64000);
        fetch(stateUrl(PROGRESS), { method: 'PUT', headers: headers(true), body: JSON.stringify({ progress: text, flags: flags }), keepalive: true }).catch(function () {});
        if (cmi5 && !leavingForLanguage) {
          send([statement('terminated', self, { duration: isoDuration(Date.now() - started) }, context(null, true, false))], true);
        }
      },
      flush: function () { return chain; }
    };
  }

  function addExitButton(url) {
    var header = $('.dk-header');
    var b = document.createElement('button');
    b.type = 'button'; b.className = 'dk-exit'; b.textContent = config.lang.indexOf('sv') === 0 ? 'Avsluta' : 'Exit';
    b.addEventListener('click', function () { finish(); tracker.flush().then(function () { location.href = url; }); });
    header.appendChild(b);
  }

  function local(offline) {
    var key = 'dk-progress-' + config.course.id + '-' + config.course.version + '-' + config.lang + '-' + (config.unit || 'course');
    return {
      limit: 64000,
      start: function () {
        if (offline) { notice(ui.offline); }
        var text = null;
        try { text = localStorage.getItem(key); } catch (e) { /* storage blocked */ }
        return Promise.resolve(restore(text));
      },
      lessonOpened: function () {}, lessonCompleted: function () {}, answered: function () {}, scored: function () {},
      save: function (text) { try { localStorage.setItem(key, text); } catch (e) { /* storage blocked */ } },
      finish: function () {}
    };
  }

  function chooseTracker() {
    if (config.mode === 'scorm12') { var a = findApi('API'); if (a) { return scorm12(a); } return local(true); }
    if (config.mode === 'scorm2004') { var b = findApi('API_1484_11'); if (b) { return scorm2004(b); } return local(true); }
    if (config.mode === 'xapi' || config.mode === 'cmi5') { return xapiTracker(config.mode === 'cmi5') || local(true); }
    return local(false);
  }

  function finish() {
    if (finished) { return; }
    finished = true;
    try { tracker.finish(); } catch (e) { /* the LMS window may be gone */ }
  }

  /* ---------- wiring ---------- */

  function wire() {
    $$('.dk-check').forEach(function (b) {
      b.addEventListener('click', function () { check(b.closest('.dk-question').getAttribute('data-question')); });
    });
    $$('.dk-question').forEach(function (s) {
      var qid = s.getAttribute('data-question');
      var remember = function () {
        if (state.s === 1 && Q[qid].graded) { return; }
        var value = response(qid);
        if (value != null && value !== state.a[qid]) { state.a[qid] = value; save(); }
      };
      s.addEventListener('change', remember);
    });
    var submitButton = $('.dk-submit');
    if (submitButton) { submitButton.addEventListener('click', submit); $('.dk-retry').addEventListener('click', retry); }
    $$('.dk-term-button').forEach(function (b) {
      b.addEventListener('click', function () {
        var open = b.getAttribute('aria-expanded') !== 'true';
        b.setAttribute('aria-expanded', String(open));
        document.getElementById(b.getAttribute('aria-controls')).hidden = !open;
      });
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') {
        $$('.dk-term-button[aria-expanded="true"]').forEach(function (b) { b.click(); b.focus(); });
      }
    });
    $$('main a[data-lesson]').forEach(function (a) {
      if (!document.getElementById('lesson-' + a.getAttribute('data-lesson'))) {
        /* a link to a lesson that is another SCO/AU: an LMS launches that one, so show the words only */
        var span = document.createElement('span');
        while (a.firstChild) { span.appendChild(a.firstChild); }
        a.parentNode.replaceChild(span, a);
      }
    });
    $$('a[data-lesson]').forEach(function (a) {
      a.addEventListener('click', function (e) {
        var id = a.getAttribute('data-lesson');
        if (document.getElementById('lesson-' + id) && $('.dk-nav')) { e.preventDefault(); show(id, true); }
        else if (!document.getElementById('lesson-' + id)) { e.preventDefault(); }
      });
    });
    var prev = $('.dk-prev'), next = $('.dk-next');
    if (prev) { prev.addEventListener('click', function () { step(-1); }); next.addEventListener('click', function () { step(1); }); }
    $$('a[data-language]').forEach(function (a) {
      a.addEventListener('click', function (e) {
        e.preventDefault();
        leavingForLanguage = true;
        save();
        Promise.resolve(tracker.flush && tracker.flush()).then(function () { location.href = a.getAttribute('href') + location.search; });
      });
    });
    window.addEventListener('pagehide', finish);
    window.addEventListener('beforeunload', finish);
  }

  function begin() {
    tracker = chooseTracker();
    wire();
    Promise.resolve(tracker.start()).catch(function () { notice(ui.trackingError); return null; }).then(function (loc) {
      applyRestored();
      var wanted = (location.hash || '').replace('#lesson-', '') || loc;
      var first = config.lessons[0].id;
      if (!wanted || !document.getElementById('lesson-' + wanted) || (lessonOf(wanted) && locked(lessonOf(wanted)))) { wanted = first; }
      show(wanted, false);
      document.documentElement.setAttribute('data-dk-ready', 'true');
    });
  }

  window.digikompPlayer = { state: state, finish: finish, flush: function () { return tracker && tracker.flush ? tracker.flush() : Promise.resolve(); } };
  begin();
})();
