/* Digikomp player: shows the lessons, checks answers and keeps the learner's progress; tracking.js reports
   it to the LMS that launched the page (SCORM 1.2, SCORM 2004 4th Ed., xAPI, cmi5) or keeps it in this browser
   (web). Plain JavaScript, no dependencies, no network call except to the launching LMS. */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('dk-config').textContent);
  var ui = config.ui;
  var Q = config.questions;
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
    tracker = window.digikompTracking({
      config: config, ui: ui, started: started, notice: notice, restore: restore, serialize: serialize,
      pageComplete: pageComplete, lessonOf: lessonOf, finish: finish,
      leaving: function () { return leavingForLanguage; }
    });
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
