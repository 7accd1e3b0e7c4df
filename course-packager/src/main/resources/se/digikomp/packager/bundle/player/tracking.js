/* Digikomp player, tracking: reports to the LMS that launched the page (SCORM 1.2 API, SCORM 2004 API_1484_11,
   xAPI 1.0.3 statements and state, cmi5 launch) or keeps progress in this browser (web). Loaded before player.js,
   which calls window.digikompTracking with the pieces of the player the trackers need. No other network calls. */
(function () {
  'use strict';
  window.digikompTracking = function (p) {
    var config = p.config, ui = p.ui, Q = config.questions, notice = p.notice, restore = p.restore;
    var serialize = p.serialize, pageComplete = p.pageComplete, lessonOf = p.lessonOf, started = p.started;
    var finish = p.finish;
    var SUSPEND_LIMIT_12 = 4096;
    function $(sel) { return document.querySelector(sel); }
    function isoDuration(ms) { return 'PT' + Math.round(ms / 10) / 100 + 'S'; }
    function uuid() {
      var b = new Uint8Array(16); crypto.getRandomValues(b);
      b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
      var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
      return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
    }

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

    var PAGE_GRADED = config.lessons.some(function (l) { return l.assessment; });

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
          if (!p.leaving()) { api.LMSFinish(''); }
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
          if (!p.leaving()) { api.Terminate(''); }
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
          if (cmi5 && !p.leaving()) {
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
      b.addEventListener('click', function () { finish(); chosen.flush().then(function () { location.href = url; }); });
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

    var chosen;
    if (config.mode === 'scorm12') { var a = findApi('API'); chosen = a ? scorm12(a) : local(true); }
    else if (config.mode === 'scorm2004') { var b = findApi('API_1484_11'); chosen = b ? scorm2004(b) : local(true); }
    else if (config.mode === 'xapi' || config.mode === 'cmi5') { chosen = xapiTracker(config.mode === 'cmi5') || local(true); }
    else { chosen = local(false); }
    return chosen;
  };
})();
