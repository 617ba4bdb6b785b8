/* revise quiz page: flashcards scheduled with FSRS, the question bank, progress per theme.
 * Every string from the notes is shown with textContent, never parsed as HTML. Progress lives in
 * localStorage under one key per page, holding one record per stable id (question id, card GUID). */
(function () {
  'use strict';

  var STORE_VERSION = 1;
  var LEARN_AHEAD_MS = 20 * 60 * 1000;

  function readJson(id) {
    var el = document.getElementById(id);
    return JSON.parse(el ? el.textContent : 'null');
  }

  var L = readJson('quiz-labels') || {};
  var data = readJson('quiz-data');
  var F = window.FSRS;
  var $ = function (id) { return document.getElementById(id); };

  function t(key, values) {
    var s = L[key] != null ? String(L[key]) : key;
    if (values) s = s.replace(/\{(\w+)\}/g, function (m, k) { return values[k] != null ? String(values[k]) : m; });
    return s;
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  }

  if (!data || !F) {
    var main = $('main');
    main.insertBefore(el('p', 'notice', t('noScript')), main.firstChild);
    return;
  }

  /* ---------- items and themes ---------- */

  var course = data.kind === 'course';
  var themes = [];
  var themeIndex = {};
  var SEP = '\u001f';

  function themeKey(path) { return path.join(SEP); }

  function addTheme(path) {
    for (var d = 1; d <= path.length; d++) {
      var key = themeKey(path.slice(0, d));
      if (!(key in themeIndex)) {
        themeIndex[key] = themes.length;
        themes.push({ key: key, path: path.slice(0, d) });
      }
    }
  }

  function pagePath(chapter, theme) {
    if (!course) return theme.slice();
    return theme[0] === chapter.title ? theme.slice() : [chapter.title].concat(theme);
  }

  var cards = [];
  var questions = [];
  data.chapters.forEach(function (chapter) {
    var uid = function (id) { return course ? chapter.file + '#' + id : id; };
    chapter.cards.forEach(function (c) {
      var path = pagePath(chapter, c.theme);
      addTheme(path);
      cards.push({ uid: uid(c.id), front: c.front, back: c.back, path: path, source: chapter.file + ':' + c.line });
    });
    chapter.questions.forEach(function (q) {
      var path = pagePath(chapter, q.theme);
      addTheme(path);
      var keys = 0;
      q.options.forEach(function (o) { if (o.correct) keys++; });
      questions.push({ uid: uid(q.id), q: q, multiple: keys > 1, path: path, source: chapter.file + ':' + q.line });
    });
  });

  /* ---------- storage ---------- */

  var storeKey = 'revise-quiz/' + STORE_VERSION + '/' + data.scope;
  var memory = null;
  function loadStore() {
    var raw = null;
    try { raw = window.localStorage.getItem(storeKey); } catch (e) { raw = memory; }
    var parsed = null;
    try { parsed = raw ? JSON.parse(raw) : null; } catch (e) { parsed = null; }
    if (!parsed || parsed.v !== STORE_VERSION) parsed = { v: STORE_VERSION, q: {}, c: {} };
    return parsed;
  }
  function saveStore() {
    var raw = JSON.stringify(store);
    try { window.localStorage.setItem(storeKey, raw); } catch (e) { memory = raw; }
  }

  var store = loadStore();
  // A rebuilt page keeps the records of the ids it still holds and forgets the others.
  (function prune() {
    var live = {};
    questions.forEach(function (x) { live['q' + x.uid] = true; });
    cards.forEach(function (x) { live['c' + x.uid] = true; });
    var changed = false;
    Object.keys(store.q).forEach(function (id) { if (!live['q' + id]) { delete store.q[id]; changed = true; } });
    Object.keys(store.c).forEach(function (id) { if (!live['c' + id]) { delete store.c[id]; changed = true; } });
    if (changed) saveStore();
  })();

  /* ---------- FSRS ---------- */

  var scheduler = F.fsrs(F.generatorParameters({ enable_fuzz: false }));

  function toCard(r) {
    return {
      due: new Date(r.due), stability: r.s, difficulty: r.d, elapsed_days: r.e, scheduled_days: r.sd,
      learning_steps: r.ls, reps: r.r, lapses: r.l, state: r.st, last_review: r.lr == null ? undefined : new Date(r.lr),
    };
  }
  function fromCard(c) {
    return {
      due: c.due.getTime(), s: c.stability, d: c.difficulty, e: c.elapsed_days, sd: c.scheduled_days,
      ls: c.learning_steps, r: c.reps, l: c.lapses, st: c.state, lr: c.last_review ? new Date(c.last_review).getTime() : null,
    };
  }
  function fsrsCard(item, now) {
    var r = store.c[item.uid];
    return r ? toCard(r) : F.createEmptyCard(new Date(now));
  }

  function formatWait(ms) {
    if (ms <= 30 * 1000) return t('now');
    var min = Math.round(ms / 60000);
    var text = min < 60 ? t('minutes', { n: Math.max(1, min) }) : min < 60 * 24 ? t('hours', { n: Math.round(min / 60) }) : t('days', { n: Math.round(min / 1440) });
    return t('inTime', { t: text });
  }
  function formatInterval(ms) {
    var min = Math.max(1, Math.round(ms / 60000));
    return min < 60 ? t('minutes', { n: min }) : min < 60 * 24 ? t('hours', { n: Math.round(min / 60) }) : t('days', { n: Math.round(min / 1440) });
  }

  /* ---------- filter ---------- */

  var themeSelect = $('theme');
  themes.forEach(function (th, i) {
    var o = document.createElement('option');
    o.value = String(i + 1);
    o.textContent = new Array(th.path.length).join('\u00a0\u00a0\u00a0') + th.path[th.path.length - 1];
    themeSelect.appendChild(o);
  });
  function inFilter(path) {
    var v = themeSelect.value;
    if (!v) return true;
    var target = themes[Number(v) - 1].path;
    if (path.length < target.length) return false;
    for (var i = 0; i < target.length; i++) if (path[i] !== target[i]) return false;
    return true;
  }

  /* ---------- views ---------- */

  var view = 'cards';
  var viewButtons = Array.prototype.slice.call(document.querySelectorAll('.views button'));
  function showView(name, focus) {
    view = name;
    viewButtons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-view') === name)); });
    ['cards', 'questions', 'progress'].forEach(function (v) { $('view-' + v).hidden = v !== name; });
    render();
    if (focus) {
      var button = viewButtons.filter(function (b) { return b.getAttribute('data-view') === name; })[0];
      if (button) button.focus();
    }
  }
  viewButtons.forEach(function (b) { b.addEventListener('click', function () { showView(b.getAttribute('data-view')); }); });
  themeSelect.addEventListener('change', function () { ahead = false; currentQuestion = null; render(); });

  function render() {
    if (view === 'cards') renderCard();
    else if (view === 'questions') renderQuestion();
    else renderProgress();
  }

  /* ---------- flashcards ---------- */

  var ahead = false;
  var currentCard = null;
  var flipped = false;

  function cardQueue(now) {
    var due = [], fresh = [], soon = [], later = [];
    cards.forEach(function (c) {
      if (!inFilter(c.path)) return;
      var r = store.c[c.uid];
      if (!r) fresh.push(c);
      else if (r.due <= now) due.push(c);
      else if (r.due <= now + LEARN_AHEAD_MS) soon.push(c);
      else later.push(c);
    });
    var byDue = function (a, b) { return store.c[a.uid].due - store.c[b.uid].due; };
    due.sort(byDue); soon.sort(byDue); later.sort(byDue);
    var queue = due.concat(fresh);
    if (queue.length === 0) queue = soon;
    if (queue.length === 0 && ahead) queue = later;
    return { queue: queue, due: due.length, fresh: fresh.length, total: due.length + fresh.length + soon.length + later.length, next: soon.concat(later)[0] };
  }

  /* A formula is MathJax's SVG made at build time: parsed as SVG (never as HTML), its alignment set through the DOM. */
  function mathElement(svg, display) {
    var doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    var root = doc.documentElement;
    var wrap = el('span', display ? 'math math-display' : 'math');
    if (!root || root.nodeName !== 'svg') { wrap.textContent = ''; return wrap; }
    var node = document.importNode(root, true);
    var va = node.getAttribute('data-va');
    if (va) node.style.verticalAlign = va;
    wrap.appendChild(node);
    return wrap;
  }

  function codeElement(lines) {
    var pre = el('pre', 'code');
    lines.forEach(function (line, i) {
      if (i > 0) pre.appendChild(document.createTextNode('\n'));
      line.forEach(function (run) {
        var span = el('span', null, run[0]);
        if (run[1]) span.style.color = run[1];
        pre.appendChild(span);
      });
    });
    return pre;
  }

  function appendSegments(target, segments) {
    target.textContent = '';
    segments.forEach(function (s) {
      if (typeof s === 'string') target.appendChild(document.createTextNode(s));
      else if (s.b != null) target.appendChild(el('span', 'blank', s.b));
      else if (s.m != null) target.appendChild(el('mark', null, s.m));
      else if (s.x != null) target.appendChild(mathElement(s.x, s.d));
      else if (s.c != null) target.appendChild(el('code', null, s.c));
      else if (s.k != null) target.appendChild(codeElement(s.k));
      else if (s.i != null) {
        var img = document.createElement('img');
        img.src = s.i;
        img.alt = s.a;
        img.className = 'figure';
        target.appendChild(img);
      }
    });
  }

  /* Bank text with its formulas typeset when the build found any; plain text otherwise. */
  function setText(target, text, rich) {
    if (rich) appendSegments(target, rich);
    else target.textContent = text;
    return target;
  }

  function renderCard() {
    var now = Date.now();
    var q = cardQueue(now);
    $('card-counts').textContent = t('dueCount', { due: q.due, 'new': q.fresh, total: q.total });
    if (q.total === 0) {
      currentCard = null;
      $('card').hidden = true;
      $('cards-done').hidden = false;
      $('cards-done-text').textContent = t('noCards');
      $('study-ahead').hidden = true;
      return;
    }
    if (q.queue.length === 0) {
      currentCard = null;
      $('card').hidden = true;
      $('cards-done').hidden = false;
      $('cards-done-text').textContent = t('allDone') + (q.next ? ' ' + t('nextDue', { when: formatWait(store.c[q.next.uid].due - now) }) : '');
      $('study-ahead').hidden = !q.next;
      return;
    }
    $('cards-done').hidden = true;
    $('card').hidden = false;
    if (!currentCard || q.queue.indexOf(currentCard) < 0 || !flipped) {
      currentCard = q.queue[0];
      flipped = false;
    }
    appendSegments($('card-front'), currentCard.front);
    appendSegments($('card-back'), currentCard.back);
    $('card-source').textContent = t('source') + ' ' + currentCard.source;
    $('card-back-wrap').hidden = !flipped;
    $('show-answer').hidden = flipped;
    $('grades').hidden = !flipped;
    if (flipped) {
      var preview = scheduler.repeat(fsrsCard(currentCard, now), new Date(now));
      Array.prototype.forEach.call(document.querySelectorAll('#grades button'), function (b) {
        var g = Number(b.getAttribute('data-grade'));
        b.querySelector('.ivl').textContent = formatInterval(preview[g].card.due.getTime() - now);
      });
    }
  }

  function flip() {
    if (!currentCard || flipped) return;
    flipped = true;
    renderCard();
    var good = document.querySelector('#grades button[data-grade="3"]');
    if (good) good.focus();
  }

  function grade(g) {
    if (!currentCard || !flipped) return;
    var now = Date.now();
    var result = scheduler.next(fsrsCard(currentCard, now), new Date(now), g);
    store.c[currentCard.uid] = fromCard(result.card);
    saveStore();
    flipped = false;
    currentCard = null;
    renderCard();
    var next = $('card').hidden ? $('cards-done') : $('show-answer');
    if (next && !next.hidden) (next.querySelector('button:not([hidden])') || next).focus();
  }

  $('show-answer').addEventListener('click', flip);
  Array.prototype.forEach.call(document.querySelectorAll('#grades button'), function (b) {
    b.addEventListener('click', function () { grade(Number(b.getAttribute('data-grade'))); });
  });
  $('study-ahead').addEventListener('click', function () { ahead = true; renderCard(); if (!$('card').hidden) $('show-answer').focus(); });

  /* ---------- questions ---------- */

  var currentQuestion = null;
  var checked = false;

  function filteredQuestions() { return questions.filter(function (x) { return inFilter(x.path); }); }

  function pickQuestion(list, after) {
    if (list.length === 0) return null;
    var start = after ? list.indexOf(after) + 1 : 0;
    // Unseen questions first, then the ones last answered wrong, then any, in bank order from here.
    var rank = function (x) { var r = store.q[x.uid]; return !r ? 0 : !r.l ? 1 : 2; };
    var best = null;
    for (var i = 0; i < list.length; i++) {
      var x = list[(start + i) % list.length];
      if (x === after && list.length > 1) continue;
      if (!best || rank(x) < rank(best)) best = x;
      if (rank(best) === 0) break;
    }
    return best;
  }

  function renderQuestion() {
    var list = filteredQuestions();
    if (!currentQuestion || list.indexOf(currentQuestion) < 0) {
      currentQuestion = pickQuestion(list, null);
      checked = false;
    }
    $('no-questions').hidden = list.length > 0;
    $('question').hidden = !currentQuestion;
    if (!currentQuestion) { $('question-count').textContent = ''; return; }
    var x = currentQuestion;
    $('question-count').textContent = t('questionCount', { n: list.indexOf(x) + 1, total: list.length });
    setText($('question-stem'), x.q.stem, x.q.rich && x.q.rich.stem);
    $('question-hint').textContent = x.multiple ? t('chooseMany') : t('chooseOne');
    var box = $('options');
    box.textContent = '';
    x.q.options.forEach(function (o, i) {
      var label = el('label', 'option');
      var input = document.createElement('input');
      input.type = x.multiple ? 'checkbox' : 'radio';
      input.name = 'answer';
      input.value = String(i);
      input.id = 'opt-' + i;
      label.htmlFor = input.id;
      label.appendChild(input);
      label.appendChild(el('span', 'num', (i + 1) + '.'));
      label.appendChild(setText(el('span', 'text'), o.text, o.rich));
      box.appendChild(label);
    });
    $('feedback').textContent = '';
    $('feedback').className = 'feedback';
    $('check').hidden = false;
    $('next-question').hidden = true;
    checked = false;
  }

  function selected() {
    return Array.prototype.filter.call(document.querySelectorAll('#options input'), function (i) { return i.checked; }).map(function (i) { return Number(i.value); });
  }

  function checkAnswer() {
    var x = currentQuestion;
    if (!x || checked) return;
    var chosen = selected();
    var fb = $('feedback');
    if (chosen.length === 0) {
      fb.className = 'feedback';
      fb.textContent = t('pickFirst');
      return;
    }
    var keys = [];
    x.q.options.forEach(function (o, i) { if (o.correct) keys.push(i); });
    var ok = chosen.length === keys.length && keys.every(function (k) { return chosen.indexOf(k) >= 0; });
    var r = store.q[x.uid] || { s: 0, c: 0, l: 0 };
    r.s += 1; r.c += ok ? 1 : 0; r.l = ok ? 1 : 0;
    store.q[x.uid] = r;
    saveStore();
    checked = true;
    Array.prototype.forEach.call(document.querySelectorAll('#options .option'), function (label, i) {
      var input = label.querySelector('input');
      input.disabled = true;
      if (x.q.options[i].correct) { label.classList.add('is-key'); label.appendChild(el('span', 'mark', ' ✓')); }
      else if (chosen.indexOf(i) >= 0) { label.classList.add('is-wrong'); label.appendChild(el('span', 'mark', ' ✗')); }
    });
    fb.textContent = '';
    fb.className = 'feedback ' + (ok ? 'ok' : 'ko');
    fb.appendChild(el('p', 'verdict', ok ? t('correct') : t('wrong')));
    var keyText = keys.map(function (k) { return x.q.options[k].text; }).join(' · ');
    fb.appendChild(el('p', 'key', (keys.length > 1 ? t('answersAre') : t('answerIs')) + ' ' + keyText));
    if (x.q.explanation) {
      var why = el('p', 'explanation', t('explanation') + ' ');
      if (x.q.rich && x.q.rich.explanation) { var rest = el('span'); appendSegments(rest, x.q.rich.explanation); why.appendChild(rest); }
      else why.appendChild(document.createTextNode(x.q.explanation));
      fb.appendChild(why);
    }
    fb.appendChild(el('p', 'source', t('source') + ' ' + x.source));
    $('check').hidden = true;
    $('next-question').hidden = false;
    $('next-question').focus();
  }

  function nextQuestion() {
    currentQuestion = pickQuestion(filteredQuestions(), currentQuestion);
    checked = false;
    renderQuestion();
    var first = document.querySelector('#options input');
    if (first) first.focus();
  }

  $('question').addEventListener('submit', function (e) {
    e.preventDefault();
    if (checked) nextQuestion();
    else checkAnswer();
  });
  $('next-question').addEventListener('click', nextQuestion);

  function toggleOption(n) {
    var inputs = document.querySelectorAll('#options input');
    var input = inputs[n];
    if (!input || checked) return;
    input.checked = input.type === 'radio' ? true : !input.checked;
    input.focus();
  }

  /* ---------- progress ---------- */

  function renderProgress() {
    var body = document.querySelector('#progress-table tbody');
    body.textContent = '';
    var now = Date.now();
    var rows = [{ label: t('allThemes'), depth: 0, path: [] }].concat(themes.map(function (th) {
      return { label: th.path[th.path.length - 1], depth: th.path.length, path: th.path };
    }));
    rows.forEach(function (row) {
      var under = function (path) {
        for (var i = 0; i < row.path.length; i++) if (path[i] !== row.path[i]) return false;
        return path.length >= row.path.length;
      };
      var qs = questions.filter(function (x) { return under(x.path); });
      var cs = cards.filter(function (x) { return under(x.path); });
      var seen = 0, right = 0, studied = 0, due = 0;
      qs.forEach(function (x) { var r = store.q[x.uid]; if (r) { seen++; if (r.l) right++; } });
      cs.forEach(function (x) { var r = store.c[x.uid]; if (r) { studied++; if (r.due <= now) due++; } });
      var tr = document.createElement('tr');
      var th = el('th', row.depth > 1 ? 'depth-' + Math.min(3, row.depth - 1) : null, row.label);
      th.scope = 'row';
      tr.appendChild(th);
      tr.appendChild(el('td', 'num', seen + ' / ' + qs.length));
      tr.appendChild(el('td', 'num', String(right)));
      tr.appendChild(el('td', 'num', studied + ' / ' + cs.length));
      tr.appendChild(el('td', 'num', String(due)));
      body.appendChild(tr);
    });
  }

  $('reset').addEventListener('click', function () {
    if (!window.confirm(t('resetConfirm'))) return;
    store = { v: STORE_VERSION, q: {}, c: {} };
    saveStore();
    currentCard = null; currentQuestion = null; flipped = false;
    render();
  });

  /* ---------- print view ---------- */

  function buildPrintView() {
    var root = $('print-view');
    root.textContent = '';
    root.appendChild(el('h1', null, data.title));
    var list = filteredQuestions();
    root.appendChild(el('h2', null, t('printQuestions')));
    var ol = el('ol');
    list.forEach(function (x) {
      var li = el('li', 'pq');
      li.appendChild(setText(el('div', 'pq-stem'), x.q.stem, x.q.rich && x.q.rich.stem));
      var opts = el('ol', 'popts');
      x.q.options.forEach(function (o) { opts.appendChild(setText(el('li'), o.text, o.rich)); });
      li.appendChild(opts);
      ol.appendChild(li);
    });
    root.appendChild(ol);
    var key = el('section', 'print-key');
    key.appendChild(el('h2', null, t('printKey')));
    var kol = el('ol');
    list.forEach(function (x) {
      var letters = [];
      x.q.options.forEach(function (o, i) { if (o.correct) letters.push(String.fromCharCode(65 + i) + ' — ' + o.text); });
      var li = el('li', 'pk', letters.join(' ; '));
      if (x.q.explanation) li.appendChild(el('div', 'pk-why', x.q.explanation));
      kol.appendChild(li);
    });
    key.appendChild(kol);
    root.appendChild(key);
  }
  window.addEventListener('beforeprint', buildPrintView);
  $('print').addEventListener('click', function () { buildPrintView(); window.print(); });

  /* ---------- keyboard ---------- */

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    var target = e.target;
    var tag = target && target.tagName;
    if (tag === 'SELECT' || tag === 'TEXTAREA' || (tag === 'INPUT' && target.type !== 'radio' && target.type !== 'checkbox')) return;
    var native = tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A';
    var key = e.key;
    if (key === 'c' || key === 'q' || key === 'p') {
      showView(key === 'c' ? 'cards' : key === 'q' ? 'questions' : 'progress', true);
      e.preventDefault();
      return;
    }
    if (view === 'cards') {
      if ((key === ' ' || key === 'Enter') && !native && !flipped) { flip(); e.preventDefault(); }
      else if (flipped && key >= '1' && key <= '4') { grade(Number(key)); e.preventDefault(); }
    } else if (view === 'questions') {
      if (key >= '1' && key <= '9') { toggleOption(Number(key) - 1); e.preventDefault(); }
      else if (key === 'Enter' && !native && tag !== 'INPUT') {
        if (checked) nextQuestion(); else checkAnswer();
        e.preventDefault();
      }
    }
  });

  showView('cards');
})();
