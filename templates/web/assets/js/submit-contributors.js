// The contributors step's island (templates/web/pages/submit/contributors.hbs). Without it the
// page works the same: the up and down buttons reorder, the ORCID iD is checked when saved.
// With it: contributors are also reordered by dragging their handle (the buttons stay the
// keyboard's way), each ORCID iD is checked as it is typed, by the site's own check, and after
// a move the keyboard carries on from the moved contributor's button.

const form = document.querySelector('form[data-contributors]');
if (form) {
  enableDragging(form);
  enableOrcidCheck(form);
  focusAfterMove();
}

/** A drop sends the form as the buttons do, with `go=move:from:to`: everything typed is kept. */
function enableDragging(form) {
  const rows = [...form.querySelectorAll('li[data-row]')];
  if (rows.length < 2) return;
  let dragged = null;
  const clear = () =>
    rows.forEach((row) => row.classList.remove('contributor--drop-target', 'contributor--dragging'));
  for (const row of rows) {
    const handle = document.createElement('span');
    handle.className = 'contributor__handle';
    handle.textContent = '⠿';
    handle.title = form.dataset.dragHint ?? '';
    handle.setAttribute('aria-hidden', 'true');
    handle.draggable = true;
    row.querySelector('.contributor__tools')?.prepend(handle);
    handle.addEventListener('dragstart', (event) => {
      dragged = row;
      row.classList.add('contributor--dragging');
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', row.dataset.index);
      event.dataTransfer.setDragImage(row, 16, 16);
    });
    handle.addEventListener('dragend', () => {
      dragged = null;
      clear();
    });
    row.addEventListener('dragover', (event) => {
      if (!dragged || dragged === row) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      row.classList.add('contributor--drop-target');
    });
    row.addEventListener('dragleave', () => row.classList.remove('contributor--drop-target'));
    row.addEventListener('drop', (event) => {
      event.preventDefault();
      if (!dragged || dragged === row) return;
      const go = document.createElement('input');
      go.type = 'hidden';
      go.name = 'go';
      go.value = `move:${dragged.dataset.index}:${row.dataset.index}`;
      form.append(go);
      // submit(), not requestSubmit(): no button is pressed, so `go` is the drop's alone.
      form.submit();
    });
  }
}

/** Asks the site's ORCID check (the API's checksum) a moment after typing stops. */
function enableOrcidCheck(form) {
  const address = form.dataset.orcidCheck;
  if (!address) return;
  for (const wrapper of form.querySelectorAll('[data-orcid-field]')) {
    const input = wrapper.querySelector('input');
    const status = wrapper.querySelector('[data-orcid-status]');
    if (!input || !status) continue;
    const described = input.getAttribute('aria-describedby');
    input.setAttribute('aria-describedby', described ? `${described} ${status.id}` : status.id);
    let timer;
    let asked = 0;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const value = input.value.trim();
        const question = ++asked;
        if (!value) {
          status.textContent = '';
          input.removeAttribute('aria-invalid');
          return;
        }
        try {
          const response = await fetch(`${address}?value=${encodeURIComponent(value)}`, {
            headers: { Accept: 'application/json' },
            credentials: 'same-origin',
          });
          if (!response.ok || question !== asked) return;
          const { valid } = await response.json();
          status.textContent = valid ? form.dataset.orcidValid : form.dataset.orcidInvalid;
          status.classList.toggle('orcid-status--invalid', !valid);
          if (valid) input.removeAttribute('aria-invalid');
          else input.setAttribute('aria-invalid', 'true');
        } catch {
          // Offline: the iD is checked again when the form is saved.
        }
      }, 400);
    });
  }
}

/**
 * After a move by button the page opens at the moved contributor's same button
 * (`#contributor-2-up`), which gets the focus back (the other one when it is now disabled).
 */
function focusAfterMove() {
  if (!/^#contributor-\d+-(up|down)$/.test(location.hash)) return;
  const pressed = document.getElementById(location.hash.slice(1));
  const row = pressed?.closest('li');
  if (!pressed || !row) return;
  const enabled = [...row.querySelectorAll('button[data-move]')].filter((each) => !each.disabled);
  (pressed.disabled ? enabled[0] : pressed)?.focus();
}
