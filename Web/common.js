// Shared by the dictionary page (app.js) and the review page (review.js): UI strings and labels, DOM building,
// JSON requests, an entry's form in words and its video. No framework, no build step.
export const $ = (id) => document.getElementById(id);

// The UI language ('zh' or 'en') and the contents of i18n.json.
export const ui = { lang: 'zh', i18n: null };

export function t(key, vars = {}) {
  let s = ui.i18n?.ui?.[ui.lang]?.[key] ?? ui.i18n?.ui?.en?.[key] ?? key;
  for (const [k, v] of Object.entries(vars)) s = s.replaceAll(`{${k}}`, v);
  return s;
}
export function label(group, code) {
  const l = ui.i18n?.labels?.[group]?.[code];
  return l ? (l[ui.lang] ?? l.en) : null;
}
// Direction codes (u d l r o i and combinations such as ul, uuo) are read letter by letter.
export function valueLabel(v) {
  const known = label('value', v);
  if (known) return known;
  if (/^[udlroi]{2,}$/.test(v)) {
    const parts = [...new Set(v.split(''))].map((c) => label('value', c));
    if (parts.every(Boolean)) return parts.join(ui.lang === 'zh' ? '、' : ', ');
  }
  return null;
}

export function el(tag, attrs = {}, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (k === 'text') e.textContent = v; else if (k === 'class') e.className = v; else e.setAttribute(k, v);
  }
  for (const kid of kids) if (kid !== null && kid !== undefined) e.append(kid);
  return e;
}
// A code without a label, shown as is (English letters).
export function raw(code) { return el('code', { lang: 'en', text: code }); }

// JSON from the server; a non-2xx answer throws an Error with the server's error line and `status`.
export async function getJSON(url, options) {
  const r = await fetch(url, options);
  let body = null;
  try { body = await r.json(); } catch { /* not JSON */ }
  if (!r.ok) { const err = new Error(body?.error ?? `HTTP ${r.status}`); err.status = r.status; throw err; }
  return body;
}
// GET /lexicon/entry: {entry, hash, video}. `video` is the address to play (it names the entry's current version).
export function getEntry(id, signLanguage) {
  return getJSON(`/lexicon/entry?id=${encodeURIComponent(id)}&sign-language=${encodeURIComponent(signLanguage)}`);
}

// ---------- language ----------
// Loads i18n.json and picks the UI language: the saved choice, else the browser's.
export async function loadStrings() {
  ui.i18n = await getJSON('/web/i18n.json');
  const saved = localStorage.getItem('signanchor.lang');
  ui.lang = saved === 'zh' || saved === 'en' ? saved : ((navigator.language ?? '').toLowerCase().startsWith('zh') ? 'zh' : 'en');
}
// The page's fixed text: <html lang>, the title, [data-i18n] text and [data-i18n-aria] labels.
export function applyStaticText(titleKey) {
  document.documentElement.lang = ui.lang === 'zh' ? 'zh-Hans' : 'en';
  document.title = t(titleKey);
  for (const n of document.querySelectorAll('[data-i18n]')) n.textContent = t(n.dataset.i18n);
  for (const n of document.querySelectorAll('[data-i18n-aria]')) n.setAttribute('aria-label', t(n.dataset.i18nAria));
  const sw = $('lang-switch');
  if (sw) sw.lang = ui.lang === 'zh' ? 'en' : 'zh-Hans'; // the button names the other language in that language
}
// The language button toggles zh/en, remembers it, and lets the page redraw with `apply`.
export function bindLanguageSwitch(apply) {
  $('lang-switch').addEventListener('click', () => {
    ui.lang = ui.lang === 'zh' ? 'en' : 'zh';
    localStorage.setItem('signanchor.lang', ui.lang);
    apply();
  });
}

// ---------- sign languages ----------
// The loaded sign languages from GET /health: [{code, name, entries, categories}], or CSL and ASL when it fails.
export async function loadSignLanguages() {
  let list = [];
  try { list = (await getJSON('/health')).signLanguages ?? []; } catch { /* fall back below */ }
  return list.length ? list : [{ code: 'csl' }, { code: 'asl' }];
}
export function fillSignLanguageSelect(select, list, value) {
  select.replaceChildren(...list.map((l) =>
    el('option', { value: l.code, text: `${l.code.toUpperCase()}${l.name ? ' · ' + l.name : ''}` })));
  if (list.some((l) => l.code === value)) select.value = value;
}
// The language of an entry's gloss (CSL glosses are Chinese).
export function glossLang(signLanguage) { return signLanguage === 'csl' ? 'zh-Hans' : 'en'; }
export function categoryLabel(code) { return code ? (label('category', code) ?? code) : ''; }

// ---------- an entry ----------
// Its words per spoken language, as a list.
export function wordsList(words) {
  return el('ul', {}, ...(words ?? []).map((w) => {
    const lang = w.language ?? '';
    return el('li', { lang }, el('span', { lang: 'en', text: `${lang}: ` }), (w.words ?? []).join(lang.startsWith('zh') ? '、' : ', '),
      w.partOfSpeech ? el('span', { class: 'hint', lang: 'en', text: ` (${w.partOfSpeech})` }) : null);
  }));
}
// One node of its phonology in words: kind, then attributes; a code without a label is shown raw.
export function describeNode(node) {
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
// Its whole form (manual, then non-manual features) into `box`.
export function renderPhonology(box, phonology) {
  box.replaceChildren();
  if (!phonology) return;
  if (phonology.manual) box.append(el('ul', {}, describeNode(phonology.manual)));
  if (phonology.nonManual?.length) {
    box.append(el('h4', { text: t('nonManual') }), el('ul', {}, ...phonology.nonManual.map(describeNode)));
  }
}

// Plays `src` in `video` (loaded only when the address changed), with `msgEl` saying loading / error.
// `rate`, when given, is the playback rate, kept across loads (load() resets playbackRate to defaultPlaybackRate).
export function setVideo(video, src, ariaLabel, msgEl, rate) {
  video.setAttribute('aria-label', ariaLabel);
  video.setAttribute('title', ariaLabel);
  if (rate !== undefined) video.defaultPlaybackRate = rate;
  if (video.dataset.src !== src) {
    video.dataset.src = src;
    if (msgEl) { msgEl.textContent = t('videoLoading'); msgEl.classList.remove('error'); }
    video.onloadeddata = () => { if (msgEl) msgEl.textContent = ''; video.play().catch(() => {}); };
    video.onerror = () => { if (msgEl) { msgEl.textContent = t('videoError'); msgEl.classList.add('error'); } };
    video.src = src;
    video.load();
  }
  if (rate !== undefined) video.playbackRate = rate;
}
