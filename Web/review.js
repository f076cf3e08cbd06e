// SignAnchor review page: step through entries, play each, record a verdict with POST /review.
const $ = (id) => document.getElementById(id);
const state = { lang: 'zh', i18n: null, queue: [], pos: 0, current: null, verdict: null, signLanguage: 'csl', signLanguages: [] };

function t(key, vars = {}) {
  let s = state.i18n?.ui?.[state.lang]?.[key] ?? state.i18n?.ui?.en?.[key] ?? key;
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, v);
  return s;
}
function label(group, code) {
  const l = state.i18n?.labels?.[group]?.[code];
  return l ? (l[state.lang] ?? l.en) : null;
}
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
const raw = (code) => el('code', { lang: 'en', text: code });
async function getJSON(url, options) {
  const r = await fetch(url, options);
  let body = null;
  try { body = await r.json(); } catch { /* not JSON */ }
  if (!r.ok) { const err = new Error(body?.error ?? `HTTP ${r.status}`); err.status = r.status; throw err; }
  return body;
}
function describeNode(node) {
  const kl = label('kind', node.kind);
  const li = el('li', {}, kl ? el('strong', { text: kl }) : raw(node.kind),
    ...(node.attributes ?? []).map((a, i) => {
      const an = label('attribute', a.name), vl = valueLabel(a.value);
      return el('span', { class: 'attr' }, i ? '; ' : ' — ', an ? document.createTextNode(an) : raw(a.name), ': ', vl ? document.createTextNode(vl) : raw(a.value));
    }));
  if (node.children?.length) li.append(el('ul', {}, ...node.children.map(describeNode)));
  return li;
}

function applyLanguage() {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-Hans' : 'en';
  document.title = t('reviewTitle');
  for (const n of document.querySelectorAll('[data-i18n]')) n.textContent = t(n.dataset.i18n);
  for (const n of document.querySelectorAll('[data-i18n-aria]')) n.setAttribute('aria-label', t(n.dataset.i18nAria));
  $('lang-switch').lang = state.lang === 'zh' ? 'en' : 'zh-Hans';
  const cat = $('category'), keep = cat.value;
  cat.replaceChildren(el('option', { value: '', text: '—' }),
    ...Object.keys(state.i18n?.labels?.category ?? {}).map((c) => el('option', { value: c, text: label('category', c) })));
  cat.value = keep;
  if (state.current) renderItem();
  else if (state.queue.length) updatePosition();
}

async function loadQueue(ev) {
  ev?.preventDefault();
  localStorage.setItem('signanchor.reviewer', $('reviewer').value.trim());
  state.signLanguage = $('sign-language').value;
  const filter = $('reconstructions').checked ? 'reconstructions' : ($('unverified').checked ? 'unverified' : 'all');
  const cat = $('category').value;
  const url = `/review/queue?sign-language=${state.signLanguage}&filter=${filter}${cat ? `&category=${encodeURIComponent(cat)}` : ''}`;
  $('queue-msg').textContent = '…';
  $('queue-msg').classList.remove('error');
  $('item').inert = true; // no verdict on an entry that is about to be replaced
  try {
    state.queue = await getJSON(url);
    state.pos = 0;
    if (!state.queue.length) { $('queue-msg').textContent = t('queueEmpty'); $('item').hidden = true; return; }
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
    state.current = await getJSON(`/lexicon/entry?id=${encodeURIComponent(q.id)}&sign-language=${state.signLanguage}`);
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
  $('item-gloss').lang = state.signLanguage === 'csl' ? 'zh-Hans' : 'en';
  const q = state.queue[state.pos];
  $('item-status').textContent = [t(e.verified ? 'verified' : 'unverified'), q?.reconstruction ? t('reconstruction') : null].filter(Boolean).join(' · ');
  const v = $('item-video');
  const aria = t('videoLabel', { gloss: e.gloss });
  v.setAttribute('aria-label', aria); v.title = aria;
  if (v.dataset.src !== video) {
    v.dataset.src = video;
    $('item-video-msg').textContent = t('videoLoading');
    v.onloadeddata = () => { $('item-video-msg').textContent = ''; v.play().catch(() => {}); };
    v.onerror = () => { $('item-video-msg').textContent = t('videoError'); };
    v.src = video; v.load();
  }
  $('item-category').textContent = label('category', e.category) ?? e.category ?? '';
  $('item-words').replaceChildren(el('ul', {}, ...(e.words ?? []).map((w) =>
    el('li', { lang: w.language }, `${w.language}: ${w.words.join(w.language.startsWith('zh') ? '、' : ', ')}`))));
  $('item-note').textContent = e.note ?? '';
  const form = $('item-form');
  form.replaceChildren();
  if (e.phonology?.manual) form.append(el('ul', {}, describeNode(e.phonology.manual)));
  if (e.phonology?.nonManual?.length) form.append(el('h4', { text: t('nonManual') }), el('ul', {}, ...e.phonology.nonManual.map(describeNode)));
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
      try { state.current = await getJSON(`/lexicon/entry?id=${encodeURIComponent(body.id)}&sign-language=${state.signLanguage}`); renderItem(); }
      catch { /* keep the message */ }
    }
  } finally {
    $('submit').disabled = false;
  }
}

async function main() {
  state.i18n = await getJSON('/web/i18n.json');
  const saved = localStorage.getItem('signanchor.lang');
  state.lang = saved === 'zh' || saved === 'en' ? saved : ((navigator.language ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en');
  try { state.signLanguages = (await getJSON('/health')).signLanguages ?? []; } catch { /* fall back below */ }
  if (!state.signLanguages.length) state.signLanguages = [{ code: 'csl' }, { code: 'asl' }];
  $('sign-language').replaceChildren(...state.signLanguages.map((l) => el('option', { value: l.code, text: l.code.toUpperCase() })));
  const sl = new URLSearchParams(location.search).get('sign-language') ?? localStorage.getItem('signanchor.signLanguage') ?? 'csl';
  if (state.signLanguages.some((l) => l.code === sl)) $('sign-language').value = sl;
  $('reviewer').value = localStorage.getItem('signanchor.reviewer') ?? '';
  applyLanguage();
  $('lang-switch').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('signanchor.lang', state.lang);
    applyLanguage();
  });
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
