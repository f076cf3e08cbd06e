// SignAnchor sign dictionary page: search, entry view with video, sentence box. No framework, no build step.
import { $, ui, t, el, getJSON, getEntry, loadStrings, applyStaticText, bindLanguageSwitch, loadSignLanguages,
  fillSignLanguageSelect, glossLang, categoryLabel, wordsList, renderPhonology, setVideo } from './common.js';

const state = { signLanguage: 'csl', signLanguages: [], results: [], active: -1, searchSeq: 0, entry: null, rate: 1 };

function badge(verified) {
  return el('span', { class: `badge ${verified ? 'verified' : 'unverified'}`, text: t(verified ? 'verified' : 'unverified') });
}

function applyLanguage() {
  applyStaticText('title');
  $('results').setAttribute('aria-label', t('results'));
  renderResults();
  updatePause();
  if (state.entry) renderEntry(state.entry, false);
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
      el('span', { class: 'gloss', lang: glossLang(state.signLanguage), text: r.gloss }),
      badge(r.verified),
      el('br'),
      zh.length ? el('span', { class: 'words', lang: 'zh-Hans', text: zh.join('、') + ' ' }) : null,
      en.length ? el('span', { class: 'words', lang: 'en', text: en.join(', ') + ' ' }) : null,
      r.category ? el('span', { class: 'cat', text: `· ${categoryLabel(r.category)}` }) : null);
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
    const data = await getEntry(id, state.signLanguage);
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
function renderEntry(data, focus) {
  const e = data.entry;
  $('entry').hidden = false;
  const gl = $('entry-gloss');
  gl.textContent = e.gloss;
  gl.lang = glossLang(state.signLanguage);
  $('entry-status').replaceChildren(el('span', { text: `${t('status')}: ` }), badge(e.verified));
  // always the address the server gave: it names the entry's current version (&v=hash), so an edited entry's new video loads
  setVideo($('entry-video'), data.video, t('videoLabel', { gloss: e.gloss }), $('entry-video-msg'), state.rate);
  $('entry-category').textContent = categoryLabel(e.category);
  $('entry-words').replaceChildren(wordsList(e.words));
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
  renderPhonology($('entry-form'), e.phonology);
  if (focus) $('entry').focus();
}
function updatePause() {
  // the label says what the button does (Play / Pause); no aria-pressed, which would read as "Play, pressed"
  $('pause').textContent = t($('entry-video').paused ? 'play' : 'pause');
}
function setRate(rate) {
  state.rate = rate;
  for (const b of document.querySelectorAll('.speed-btn')) b.setAttribute('aria-pressed', String(Number(b.dataset.rate) === rate));
  const v = $('entry-video');
  v.defaultPlaybackRate = rate; // kept when the next entry's video loads
  v.playbackRate = rate;
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
      t('sentenceVideoLabel', { text }), msg, state.rate);
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
  await loadStrings();
  state.signLanguages = await loadSignLanguages();
  state.signLanguage = localStorage.getItem('signanchor.signLanguage') ?? (ui.lang === 'zh' ? 'csl' : 'asl');
  if (!state.signLanguages.some((l) => l.code === state.signLanguage)) state.signLanguage = state.signLanguages[0].code;
  fillSignLanguageSelect($('sign-language'), state.signLanguages, state.signLanguage);
  applyLanguage();

  bindLanguageSwitch(applyLanguage);
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
