// The review form's autosave (templates/web/pages/reviewer/review.hbs). Without it the form's
// "save the draft" and "submit" buttons do the same on the server; with it nothing typed is lost:
// the form is saved a moment after each change and every few seconds while changes wait, each
// save carrying the version the page holds (a review changed elsewhere answers 409: the page
// says so, keeps what was typed and offers a reload, and never overwrites the other version);
// a dropped connection is retried; and a copy of what was typed stays in this tab's
// sessionStorage until it is saved, so a reload puts back what the server never received.

const form = document.querySelector('form[data-autosave]');
if (form) start(form);

function start(form) {
  const url = form.dataset.autosave;
  const key = `tahkim:review:${form.dataset.assignment}`;
  const status = document.getElementById('autosave-status');
  const reload = document.getElementById('autosave-reload');
  const offer = document.getElementById('autosave-offer');
  const version = form.elements.namedItem('version');
  const token = form.elements.namedItem('_csrf').value;
  const lang = document.documentElement.lang;
  const clock = new Intl.DateTimeFormat(lang === 'ar' ? 'ar-u-nu-latn' : lang, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });

  const AFTER_CHANGE_MS = 1000;
  const EVERY_MS = 5000;
  let changed = false;
  let saving = false;
  let stopped = false;
  let retry = 2000;
  let timer = null;
  let waitingSubmit = null;

  /** The form's fields as [name, value] pairs: what a save sends, and what the copy keeps. */
  const fields = () =>
    [...new FormData(form).entries()].filter(
      ([name, value]) => typeof value === 'string' && name !== '_csrf' && name !== 'version',
    );
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

  const say = (kind, time) => {
    const words = status.dataset[kind] ?? '';
    status.textContent = time ? words.replace('%TIME%', clock.format(time)) : words;
    status.dataset.state = kind;
  };

  const keep = () => {
    try {
      sessionStorage.setItem(key, JSON.stringify({ version: version.value, fields: fields() }));
    } catch {
      // Storage full or refused: the server's copy and the page are still there.
    }
  };
  const kept = () => {
    try {
      return JSON.parse(sessionStorage.getItem(key) ?? 'null');
    } catch {
      return null;
    }
  };
  const forget = () => sessionStorage.removeItem(key);

  /** Puts kept values back into the form's fields (radio buttons by their value). */
  const restore = (pairs) => {
    for (const [name, value] of pairs) {
      const field = form.elements.namedItem(name);
      if (!field) continue;
      if (field instanceof RadioNodeList || field.type === 'radio') {
        const radios = field instanceof RadioNodeList ? [...field] : [field];
        for (const radio of radios) radio.checked = radio.value === value;
      } else field.value = value;
    }
  };

  const later = (ms) => {
    clearTimeout(timer);
    timer = setTimeout(save, ms);
  };

  async function save() {
    if (saving || stopped || !changed) return;
    saving = true;
    changed = false;
    let failed = false;
    say('saving');
    const sent = fields();
    try {
      const body = new URLSearchParams(sent);
      body.set('version', version.value);
      const response = await fetch(url, {
        method: 'POST',
        body,
        credentials: 'same-origin',
        headers: { 'X-CSRF-Token': token, Accept: 'application/json' },
      });
      if (response.ok) {
        const saved = await response.json();
        version.value = saved.version;
        retry = 2000;
        say('saved', new Date(saved.savedAt));
        if (same(sent, fields())) forget();
        else keep();
      } else if (response.status === 409) {
        const problem = await response.json().catch(() => ({}));
        stopped = true;
        keep();
        if (/review-locked$/.test(problem.type ?? '')) say('locked');
        else {
          say('conflict');
          reload.hidden = false;
        }
      } else if (response.status === 400 || response.status === 422) {
        say('invalid');
      } else throw new Error(`autosave answered ${response.status}`);
    } catch {
      // Offline, or the server did not answer: the copy stays, and the save is tried again.
      changed = true;
      failed = true;
      keep();
      say('offline');
      later(retry);
      retry = Math.min(retry * 2, 30_000);
    } finally {
      saving = false;
      if (waitingSubmit) {
        const submitter = waitingSubmit;
        waitingSubmit = null;
        if (!stopped) form.requestSubmit(submitter);
      } else if (changed && !stopped && !failed) later(AFTER_CHANGE_MS);
    }
  }

  const onChange = () => {
    keep();
    if (stopped) return;
    changed = true;
    later(AFTER_CHANGE_MS);
  };
  form.addEventListener('input', onChange);
  form.addEventListener('change', onChange);
  setInterval(() => {
    if (changed && !saving && !stopped) save();
  }, EVERY_MS);

  // A button of the form while a save is on its way: it waits for the save's new version.
  form.addEventListener('submit', (event) => {
    if (!saving) return;
    event.preventDefault();
    waitingSubmit = event.submitter ?? null;
  });

  // Another form of the page (attaching a file) leaves it: what was typed is saved first.
  for (const other of document.querySelectorAll('form:not([data-autosave])')) {
    other.addEventListener('submit', () => keep());
  }

  // What this tab kept and the server never received.
  const previous = kept();
  if (previous && !same(previous.fields, fields())) {
    if (previous.version === version.value) {
      // Nothing was saved since it was typed: it goes back into the form and is saved.
      restore(previous.fields);
      changed = true;
      say('restored');
      later(AFTER_CHANGE_MS);
    } else {
      // The review was saved since (elsewhere, or by a form): the choice is the reviewer's.
      offer.hidden = false;
      offer.querySelector('button').addEventListener('click', () => {
        restore(previous.fields);
        offer.hidden = true;
        onChange();
      });
    }
  } else if (previous) forget();
}
