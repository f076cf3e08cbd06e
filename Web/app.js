// SignAnchor sign dictionary page: search, entry view with video, sentence box. No framework, no build step.
const $ = (id) => document.getElementById(id);
const state = { lang: 'zh', i18n: null, signLanguage: 'csl', signLanguages: [], results: [], active: -1,
  searchSeq: 0, entry: null, rate: 1 };

function t(key, vars = {}) {
  const table = state.i18n?.ui?.[state.lang] ?? {};
  let s = table[key] ?? state.i18n?.ui?.en?.[key] ?? key;
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, v);
  return s;
}
function label(group, code) {
  const l = state.i18n?.labels?.[group]?.[code];
  return l ? (l[state.lang] ?? l.en) : null;
}
// Direction codes (u d l r o i and combinations such as ul, uuo) are read letter by letter.
function valueLabel(v) {
  const known = label('value', v);
  if (known) return known;
  if (/^[udlroi]{2,}$/.test(v)) {
    const parts = [...new Set(v.split(''))].map((c) => label('value', c));
    if (parts.every(Boolean)) return parts.join(state.lang === 'zh' ? '、' : ', ');
  }
  return null;
}
function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (k === 'text') e.textContent = v; else if (k === 'class') e.className = v; else e.setAttribute(k, v);
  }
  for (const kid of kids) if (kid !== null && kid !== undefined) e.append(kid);
  return e;
}
function raw(code) { return el('code', { lang: 'en', text: code }); }
function badge(verified) {
  return el('span', { class: `badge ${verified ? 'verified' : 'unverified'}`, text: t(verified ? 'verified' : 'unverified') });
}
async function getJSON(url, options) {
  const r = await fetch(url, options);
  let body = null;
  try { body = await r.json(); } catch { /* not JSON */ }
  if (!r.ok) throw new Error(body?.error ?? `HTTP ${r.status}`);
  return body;
}

function applyLanguage() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-Hans' : 'en';
  document.title = t('title');
  for (const n of document.querySelectorAll('[data-i18n]')) n.textContent = t(n.dataset.i18n);
  for (const n of document.querySelectorAll('[data-i18n-aria]')) n.setAttribute('aria-label', t(n.dataset.i18nAria));
  const sw = $('lang-switch');
  sw.lang = state.lang === 'zh' ? 'en' : 'zh-Hans';
  $('results').setAttribute('aria-label', t('results'));
  renderResults();
  updatePause();
  if (state.entry) renderEntry(state.entry, false);
}

function fillSignLanguages() {
  const sel = $('sign-language');
  sel.replaceChildren(...state.signLanguages.map((l) =>
    el('option', { value: l.code, text: `${l.code.toUpperCase()}${l.name ? ' · ' + l.name : ''}` })));
  sel.value = state.signLanguage;
}

// ---------- search ----------
let debounce = null;
function onSearchInput() {
  clearTimeout(debounce);
  debounce = setTimeout(() => search($('search').value.trim()), 150);
}
async function search(q, { openFirst = false } = {}) {
  const seq = ++state.searchSeq;
  if (!q) { state.results = []; state.active = -1; $('result-count').textContent = ''; renderResults(); return; }
  $('result-count').textContent = t('searching');
  try {
    const url = `/lexicon/search?q=${encodeURIComponent(q)}&sign-language=${state.signLanguage}&limit=20`;
    const list = await getJSON(url);
    if (seq !== state.searchSeq) return; // a newer query was typed meanwhile
    state.results = Array.isArray(list) ? list : [];
    state.active = -1;
    $('result-count').textContent = state.results.length ? t(state.results.length === 1 ? 'resultCountOne' : 'resultCount', { n: state.results.length }) : t('noResults');
    renderResults();
    if (openFirst && state.results.length) openEntry(state.results[0].id, { push: false });
  } catch (e) {
    if (seq !== state.searchSeq) return;
    $('result-count').textContent = `${t('error')}: ${e.message}`;
  }
}
function entryHref(id) { return `/?id=${encodeURIComponent(id)}&sign-language=${state.signLanguage}`; }
function renderResults() {
  const ul = $('results');
  ul.replaceChildren(...state.results.map((r, i) => {
    const zh = r.words?.['zh-Hans'] ?? r.words?.zh ?? [];
    const en = r.words?.en ?? [];
    const a = el('a', { href: entryHref(r.id), id: `result-${i}`, 'data-id': r.id,
      class: i === state.active ? 'active' : null },
      el('span', { class: 'gloss', lang: state.signLanguage === 'csl' ? 'zh-Hans' : 'en', text: r.gloss }),
      badge(r.verified),
      el('br'),
      zh.length ? el('span', { class: 'words', lang: 'zh-Hans', text: zh.join('、') + ' ' }) : null,
      en.length ? el('span', { class: 'words', lang: 'en', text: en.join(', ') + ' ' }) : null,
      r.category ? el('span', { class: 'cat', text: `· ${label('category', r.category) ?? r.category}` }) : null);
    a.addEventListener('click', (ev) => {
      if (ev.metaKey || ev.ctrlKey || ev.shiftKey) return;
      ev.preventDefault();
      openEntry(r.id, { push: true });
    });
    return el('li', {}, a);
  }));
}
function onSearchKey(ev) {
  if (!state.results.length) return;
  if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
    ev.preventDefault();
    const n = state.results.length;
    state.active = ev.key === 'ArrowDown' ? (state.active + 1) % n : (state.active - 1 + n) % n;
    renderResults();
    $(`result-${state.active}`).focus();
  } else if (ev.key === 'Enter') {
    ev.preventDefault();
    openEntry(state.results[Math.max(0, state.active)].id, { push: true });
  }
}
function onResultsKey(ev) {
  const idx = state.results.findIndex((_, i) => document.activeElement === $(`result-${i}`));
  if (idx < 0) return;
  if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
    ev.preventDefault();
    const n = state.results.length;
    state.active = ev.key === 'ArrowDown' ? Math.min(n - 1, idx + 1) : idx - 1;
    if (state.active < 0) { state.active = -1; renderResults(); $('search').focus(); return; }
    renderResults();
    $(`result-${state.active}`).focus();
  }
}

// ---------- entry ----------
let entrySeq = 0;
async function openEntry(id, { push }) {
  const seq = ++entrySeq;
  try {
    const data = await getJSON(`/lexicon/entry?id=${encodeURIComponent(id)}&sign-language=${state.signLanguage}`);
    if (seq !== entrySeq) return; // another entry was opened meanwhile
    state.entry = data;
    if (push) history.pushState({ id, sl: state.signLanguage }, '', entryHref(id));
    renderEntry(data, true);
  } catch (e) {
    if (seq !== entrySeq) return;
    $('entry').hidden = true;
    state.entry = null;
    $('result-count').textContent = `${t('error')}: ${e.message}`;
  }
}
function wordsBlock(words) {
  const frag = el('ul');
  for (const w of words ?? []) {
    const lang = w.language ?? '';
    frag.append(el('li', { lang }, el('span', { lang: 'en', text: `${lang}: ` }), w.words.join(lang.startsWith('zh') ? '、' : ', '),
      w.partOfSpeech ? el('span', { class: 'hint', lang: 'en', text: ` (${w.partOfSpeech})` }) : null));
  }
  return frag;
}
function describeNode(node) {
  const kindLabel = label('kind', node.kind);
  const head = el('span', {}, kindLabel ? el('strong', { text: kindLabel }) : raw(node.kind));
  const attrs = (node.attributes ?? []).map((a, i) => {
    const an = label('attribute', a.name);
    const vl = valueLabel(a.value);
    return el('span', { class: 'attr' }, i ? '; ' : ' — ', an ? document.createTextNode(an) : raw(a.name), ': ', vl ? document.createTextNode(vl) : raw(a.value));
  });
  const li = el('li', {}, head, ...attrs);
  if (node.children?.length) li.append(el('ul', {}, ...node.children.map(describeNode)));
  return li;
}
function renderForm(phonology) {
  const box = $('entry-form');
  box.replaceChildren();
  if (!phonology) return;
  if (phonology.manual) box.append(el('ul', {}, describeNode(phonology.manual)));
  if (phonology.nonManual?.length) {
    box.append(el('h4', { text: t('nonManual') }), el('ul', {}, ...phonology.nonManual.map(describeNode)));
  }
}
function setVideo(video, src, ariaLabel, msgEl) {
  video.setAttribute('aria-label', ariaLabel);
  video.setAttribute('title', ariaLabel);
  if (video.dataset.src !== src) {
    video.dataset.src = src;
    if (msgEl) { msgEl.textContent = t('videoLoading'); msgEl.classList.remove('error'); }
    video.onloadeddata = () => { if (msgEl) msgEl.textContent = ''; video.playbackRate = state.rate; video.play().catch(() => {}); };
    video.onerror = () => { if (msgEl) { msgEl.textContent = t('videoError'); msgEl.classList.add('error'); } };
    video.src = src;
    video.load();
  }
  video.playbackRate = state.rate;
}
function renderEntry(data, focus) {
  const e = data.entry;
  $('entry').hidden = false;
  const gl = $('entry-gloss');
  gl.textContent = e.gloss;
  gl.lang = state.signLanguage === 'csl' ? 'zh-Hans' : 'en';
  $('entry-status').replaceChildren(el('span', { text: `${t('status')}: ` }), badge(e.verified));
  setVideo($('entry-video'), data.video, t('videoLabel', { gloss: e.gloss }), $('entry-video-msg'));
  $('entry-category').textContent = label('category', e.category) ?? e.category ?? '';
  $('entry-words').replaceChildren(wordsBlock(e.words));
  const comp = e.compound ?? [];
  $('entry-compound').hidden = $('entry-compound-dt').hidden = !comp.length;
  $('entry-compound').replaceChildren(...comp.flatMap((id, i) => {
    const a = el('a', { href: entryHref(id), text: id });
    a.addEventListener('click', (ev) => { ev.preventDefault(); openEntry(id, { push: true }); });
    return i ? [' + ', a] : [a];
  }));
  $('entry-note').textContent = e.note ?? '';
  $('entry-note').lang = /[\u4e00-\u9fff]/.test(e.note ?? '') ? 'zh-Hans' : 'en';
  const p = e.provenance ?? {};
  $('entry-source').textContent = [p.source, p.license ? `${t('license')}: ${p.license}` : null].filter(Boolean).join(' · ');
  const link = $('entry-link');
  link.href = entryHref(e.id);
  link.textContent = new URL(entryHref(e.id), location.href).href;
  renderForm(e.phonology);
  if (focus) $('entry').focus();
}
function updatePause() {
  const paused = $('entry-video').paused;
  $('pause').textContent = t(paused ? 'play' : 'pause');
  $('pause').setAttribute('aria-pressed', String(paused));
}
function setRate(rate) {
  state.rate = rate;
  for (const b of document.querySelectorAll('.speed-btn')) b.setAttribute('aria-pressed', String(Number(b.dataset.rate) === rate));
  $('entry-video').playbackRate = rate;
}

// ---------- sentence ----------
async function onSentence(ev) {
  ev.preventDefault();
  const text = $('sentence').value.trim();
  const msg = $('sentence-msg');
  msg.classList.remove('error');
  if (!text) return;
  msg.textContent = t('sentenceLoading');
  try {
    const res = await getJSON('/gloss', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text, signLanguage: state.signLanguage }) });
    const glosses = (res.sentences ?? []).flatMap((s) => s.glosses ?? []);
    $('glosses').replaceChildren(...glosses.map((g) => {
      const li = el('li', { class: g.kind, title: g.kind });
      if (g.entry) {
        const a = el('a', { href: entryHref(g.entry), text: g.label });
        a.addEventListener('click', (e2) => { e2.preventDefault(); openEntry(g.entry, { push: true }); });
        li.append(a);
      } else li.append(g.label);
      return li;
    }));
    msg.textContent = '';
    $('sentence-video-box').hidden = false;
    setVideo($('sentence-video'), `/sentence/video?text=${encodeURIComponent(text)}&sign-language=${state.signLanguage}`,
      t('sentenceVideoLabel', { text }), msg);
  } catch (e) {
    msg.textContent = `${t('error')}: ${e.message}`;
    msg.classList.add('error');
  }
}

// ---------- routing ----------
function readURL() {
  const p = new URLSearchParams(location.search);
  const sl = p.get('sign-language');
  if (sl && state.signLanguages.some((l) => l.code === sl)) { state.signLanguage = sl; $('sign-language').value = sl; }
  if (p.get('id')) openEntry(p.get('id'), { push: false });
  else if (p.get('q')) { $('search').value = p.get('q'); search(p.get('q'), { openFirst: true }); }
  else { $('entry').hidden = true; state.entry = null; }
}

async function main() {
  state.i18n = await getJSON('/web/i18n.json');
  const saved = localStorage.getItem('signanchor.lang');
  state.lang = saved === 'zh' || saved === 'en' ? saved : ((navigator.language ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en');
  try {
    const health = await getJSON('/health');
    state.signLanguages = health.signLanguages ?? [];
  } catch { state.signLanguages = [{ code: 'csl' }, { code: 'asl' }]; }
  if (!state.signLanguages.length) state.signLanguages = [{ code: 'csl' }, { code: 'asl' }];
  state.signLanguage = localStorage.getItem('signanchor.signLanguage') ?? (state.lang === 'zh' ? 'csl' : 'asl');
  if (!state.signLanguages.some((l) => l.code === state.signLanguage)) state.signLanguage = state.signLanguages[0].code;
  fillSignLanguages();
  applyLanguage();

  $('lang-switch').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('signanchor.lang', state.lang);
    applyLanguage();
  });
  $('sign-language').addEventListener('change', (ev) => {
    state.signLanguage = ev.target.value;
    localStorage.setItem('signanchor.signLanguage', state.signLanguage);
    const q = $('search').value.trim();
    if (q) search(q);
  });
  $('search').addEventListener('input', onSearchInput);
  $('search').addEventListener('keydown', onSearchKey);
  $('results').addEventListener('keydown', onResultsKey);
  for (const b of document.querySelectorAll('.speed-btn')) b.addEventListener('click', () => setRate(Number(b.dataset.rate)));
  $('pause').addEventListener('click', () => {
    const v = $('entry-video');
    if (v.paused) v.play().catch(() => {}); else v.pause();
  });
  $('entry-video').addEventListener('play', updatePause);
  $('entry-video').addEventListener('pause', updatePause);
  $('sentence-form').addEventListener('submit', onSentence);
  window.addEventListener('popstate', readURL);
  readURL();
  document.body.dataset.ready = 'true';
}
main();
