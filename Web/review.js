// SignAnchor review page: step through entries, play each, record a verdict with POST /review.
import { $, t, label, el, getJSON, getEntry, loadStrings, applyStaticText, bindLanguageSwitch, loadSignLanguages,
  fillSignLanguageSelect, glossLang, categoryLabel, wordsList, renderPhonology, setVideo } from './common.js';

const state = { queue: [], pos: 0, current: null, verdict: null, signLanguage: 'csl', signLanguages: [] };

// The category choices: "all", then the categories the chosen sign language's entries use (GET /health lists them
// per sign language; the queue answers 400 for any other). Labels from i18n.json, else the code itself.
function fillCategories() {
  const sel = $('category'), keep = sel.value;
  const cats = state.signLanguages.find((l) => l.code === $('sign-language').value)?.categories ?? [];
  sel.replaceChildren(el('option', { value: '', text: t('allCategories') }),
    ...cats.map((c) => el('option', { value: c, text: categoryLabel(c), lang: label('category', c) ? null : 'en' })));
  sel.value = cats.includes(keep) ? keep : '';
}
// all | unverified | reconstructions: the queue's `filter`, one choice (radio group).
function chosenFilter() {
  return document.querySelector('input[name="filter"]:checked')?.value ?? 'unverified';
}

function applyLanguage() {
  applyStaticText('reviewTitle');
  fillCategories();
  if (state.current) renderItem();
  else if (state.queue.length) updatePosition();
}

async function loadQueue(ev) {
  ev?.preventDefault();
  localStorage.setItem('signanchor.reviewer', $('reviewer').value.trim());
  state.signLanguage = $('sign-language').value;
  const cat = $('category').value;
  const url = `/review/queue?sign-language=${encodeURIComponent(state.signLanguage)}&filter=${chosenFilter()}${cat ? `&category=${encodeURIComponent(cat)}` : ''}`;
  $('queue-msg').textContent = '…';
  $('queue-msg').classList.remove('error');
  $('item').inert = true; // no verdict on an entry that is about to be replaced
  try {
    state.queue = await getJSON(url);
    state.pos = 0;
    if (!state.queue.length) { $('queue-msg').textContent = t('queueEmpty'); $('item').hidden = true; state.current = null; return; }
    $('queue-msg').textContent = '';
    await show(0);
  } catch (e) {
    $('queue-msg').textContent = e.status === 404 ? t('reviewDisabled') : `${t('error')}: ${e.message}`;
    $('queue-msg').classList.add('error');
  } finally {
    $('item').inert = false;
  }
}
function updatePosition() {
  $('position').textContent = t('position', { i: state.pos + 1, n: state.queue.length });
  $('prev').disabled = state.pos <= 0;
  $('next').disabled = state.pos >= state.queue.length - 1;
}
async function show(pos) {
  state.pos = Math.max(0, Math.min(pos, state.queue.length - 1));
  const q = state.queue[state.pos];
  updatePosition();
  state.verdict = null;
  for (const b of document.querySelectorAll('.verdict')) b.setAttribute('aria-pressed', 'false');
  $('comment').value = ''; $('correction').value = '';
  try {
    state.current = await getEntry(q.id, state.signLanguage);
    if (q.hash) state.current.queueHash = q.hash;
    renderItem();
    $('item').hidden = false;
    $('item-gloss').focus();
  } catch (e) {
    $('submit-msg').textContent = `${t('error')}: ${e.message}`;
  }
}
function renderItem() {
  const { entry: e, video } = state.current;
  $('item-gloss').textContent = `${e.gloss} (${e.id})`;
  $('item-gloss').lang = glossLang(state.signLanguage);
  const q = state.queue[state.pos];
  $('item-status').textContent = [t(e.verified ? 'verified' : 'unverified'), q?.reconstruction ? t('reconstruction') : null].filter(Boolean).join(' · ');
  // always the address GET /lexicon/entry gave: it names the entry's current version (&v=hash), so after a 409 the
  // reloaded entry's new video is loaded, not the old one
  setVideo($('item-video'), video, t('videoLabel', { gloss: e.gloss }), $('item-video-msg'));
  $('item-category').textContent = categoryLabel(e.category);
  $('item-words').replaceChildren(wordsList(e.words));
  $('item-note').textContent = e.note ?? '';
  renderPhonology($('item-form'), e.phonology);
  updatePosition();
}
async function submit(ev) {
  ev.preventDefault();
  const msg = $('submit-msg');
  msg.classList.remove('error');
  const reviewer = $('reviewer').value.trim();
  if (!reviewer) { msg.textContent = t('needReviewer'); msg.classList.add('error'); $('reviewer').focus(); return; }
  if (!state.verdict) { msg.textContent = t('needVerdict'); msg.classList.add('error'); return; }
  localStorage.setItem('signanchor.reviewer', reviewer);
  const body = { reviewer, signLanguage: state.signLanguage, id: state.current.entry.id,
    hash: state.current.hash ?? state.current.queueHash, verdict: state.verdict,
    comment: $('comment').value.trim(), correction: $('correction').value.trim() };
  $('submit').disabled = true;
  try {
    await getJSON('/review', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    msg.textContent = t('submitted');
    if (state.pos < state.queue.length - 1) await show(state.pos + 1);
  } catch (e) {
    msg.textContent = `${t('error')}: ${e.message}`; // the server's own error line
    msg.classList.add('error');
    if (e.status === 409) { // the entry changed since it was loaded: show the new version, keep the verdict and comment
      try {
        state.current = await getEntry(body.id, state.signLanguage);
        const q = state.queue[state.pos];
        if (q?.id === body.id) q.hash = state.current.hash;
        renderItem();
      } catch { /* keep the message */ }
    }
  } finally {
    $('submit').disabled = false;
  }
}

async function main() {
  await loadStrings();
  state.signLanguages = await loadSignLanguages();
  const sl = new URLSearchParams(location.search).get('sign-language') ?? localStorage.getItem('signanchor.signLanguage') ?? 'csl';
  fillSignLanguageSelect($('sign-language'), state.signLanguages, sl);
  $('reviewer').value = localStorage.getItem('signanchor.reviewer') ?? '';
  applyLanguage();
  bindLanguageSwitch(applyLanguage);
  $('sign-language').addEventListener('change', fillCategories);
  $('reviewer').addEventListener('change', () => localStorage.setItem('signanchor.reviewer', $('reviewer').value.trim()));
  $('filters').addEventListener('submit', loadQueue);
  $('prev').addEventListener('click', () => show(state.pos - 1));
  $('next').addEventListener('click', () => show(state.pos + 1));
  for (const b of document.querySelectorAll('.verdict')) b.addEventListener('click', () => {
    state.verdict = b.dataset.verdict;
    for (const o of document.querySelectorAll('.verdict')) o.setAttribute('aria-pressed', String(o === b));
  });
  $('verdict-form').addEventListener('submit', submit);
  document.body.dataset.ready = 'true';
  await loadQueue();
}
main();
