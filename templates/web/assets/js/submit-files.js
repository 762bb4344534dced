// The files step's island (templates/web/pages/submit/files.hbs). Without it the upload form
// is a plain multipart form. With it: a file can be dropped on the form, the upload shows its
// progress, and the page's answer (the new file with its anonymisation report, or the form
// with what was wrong) replaces the page's content without a reload, focused for the reader.

enhance(document.querySelector('form[data-upload]'));

function enhance(form) {
  if (!form) return;
  const input = form.querySelector('input[type="file"]');
  const zone = form.querySelector('[data-dropzone]');
  const hint = form.querySelector('[data-drop-hint]');
  const box = form.querySelector('[data-progress]');
  const bar = box?.querySelector('progress');
  const status = form.querySelector('[data-upload-status]');
  const button = form.querySelector('button[type="submit"]');
  if (!input || !zone || !box || !bar || !status) return;
  if (hint) hint.hidden = false;

  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('dropzone--over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dropzone--over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('dropzone--over');
    if (!event.dataTransfer?.files.length) return;
    input.files = event.dataTransfer.files;
    send();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send();
  });

  function send() {
    // The kind of file comes before the file (the page's order): the server reads it first.
    const data = new FormData(form);
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    request.setRequestHeader('X-CSRF-Token', form.dataset.csrf ?? '');
    request.setRequestHeader('Accept', 'text/html');
    request.upload.addEventListener('progress', (event) => {
      if (!event.lengthComputable) return;
      bar.max = event.total;
      bar.value = event.loaded;
    });
    request.addEventListener('load', () => show(request));
    request.addEventListener('error', failed);
    request.addEventListener('abort', failed);
    box.hidden = false;
    bar.removeAttribute('value');
    status.textContent = form.dataset.sending ?? '';
    if (button) button.disabled = true;
    request.send(data);
  }

  function failed() {
    box.hidden = true;
    status.textContent = form.dataset.failed ?? '';
    if (button) button.disabled = false;
  }
}

/** The page the upload answered with, in place of this one's content. */
function show(request) {
  const next = new DOMParser().parseFromString(request.responseText, 'text/html');
  const main = document.querySelector('main');
  const fresh = next.querySelector('main');
  if (!main || !fresh) {
    location.reload();
    return;
  }
  main.replaceChildren(...[...fresh.childNodes].map((node) => document.adoptNode(node)));
  document.title = next.title;
  // After the redirect the address is the files step's (never the form's, which has its token).
  const address = new URL(request.responseURL, location.href);
  if (request.status === 200 && !address.searchParams.has('_csrf'))
    history.replaceState(null, '', address.pathname + address.search);
  enhance(document.querySelector('form[data-upload]'));
  const target =
    document.querySelector('[data-fresh]') ?? document.querySelector('.form-errors') ?? main;
  target.focus();
  const said = document.querySelector('.flash')?.textContent;
  // Said once more in a live region: a message inserted with the new content is not announced.
  const region = document.querySelector('[data-upload-said]');
  if (said && region) setTimeout(() => (region.textContent = said), 100);
}
