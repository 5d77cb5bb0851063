// Form building blocks that follow ui.md: a visible label for every field,
// "*" for required ones (explained once per form), hints under the label,
// errors summarised at the top (role="alert", links to the fields) and
// repeated under each field with aria-invalid and aria-describedby.

import { h } from './dom.js';

let counter = 0;

function star(required) {
  return required ? h('span', { class: 'star', 'aria-hidden': 'true' }, ' *') : null;
}

function describe(id, hint) {
  return [
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
  ];
}

/**
 * A text-like input: {name, label, type, required, hint, value, maxlength, autocomplete}.
 * `requiredWhen: true` marks a field required only for some choices of the
 * form; `setConditionalRequired(form, on)` shows or hides its star.
 */
export function input({ name, label, type = 'text', required = false, requiredWhen = false, hint, value = '', maxlength, autocomplete, inputmode }) {
  const id = `f-${name}-${++counter}`;
  const conditional = requiredWhen
    ? h('span', { class: 'star', 'aria-hidden': 'true', 'data-required-when': '' }, ' *')
    : null;
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: id }, label, star(required), conditional),
    ...describe(id, hint),
    h('input', {
      id, name, type, value: value ?? '', required, maxlength, autocomplete: autocomplete || 'off', inputmode,
      'aria-describedby': hint ? `${id}-hint` : false,
    }));
}

/** A <textarea> with its limit shown and counted down. */
export function textarea({ name, label, hint, value = '', maxlength }) {
  const id = `f-${name}-${++counter}`;
  const left = h('p', { class: 'hint counter', id: `${id}-count`, 'aria-live': 'polite' });
  const area = h('textarea', { id, name, maxlength, rows: 4, 'aria-describedby': `${id}-count` }, value ?? '');
  const update = () => { left.textContent = `Осталось символов: ${maxlength - area.value.length} из ${maxlength}`; };
  area.addEventListener('input', update);
  update();
  return h('div', { class: 'field', 'data-field': name }, h('label', { for: id }, label), ...describe(id, hint), area, left);
}

/** A <select> for longer choices: options [[value, title]]. */
export function select({ name, label, options, required = false, value = '', hint, placeholder = 'Выберите' }) {
  const id = `f-${name}-${++counter}`;
  return h('div', { class: 'field', 'data-field': name },
    h('label', { for: id }, label, star(required)),
    ...describe(id, hint),
    h('select', { id, name, required },
      h('option', { value: '' }, placeholder),
      options.map(([v, title]) => h('option', { value: v, selected: v === value }, title))));
}

/** Radio buttons for up to five choices: options [[value, title]]. */
export function radios({ name, label, options, required = false, value = '' }) {
  const id = `f-${name}-${++counter}`;
  return h('fieldset', { class: 'field', 'data-field': name, id },
    h('legend', {}, label, star(required)),
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
    options.map(([v, title]) => h('label', { class: 'radio' },
      h('input', { type: 'radio', name, value: v, checked: v === value, required }), ` ${title}`)));
}

export function checkbox({ name, label, checked = false }) {
  const id = `f-${name}-${++counter}`;
  return h('div', { class: 'field checkbox', 'data-field': name },
    h('input', { type: 'checkbox', id, name, checked }), h('label', { for: id }, label));
}

/** Shows the stars of `requiredWhen` fields, and marks them required, when `on`. */
export function setConditionalRequired(form, on) {
  for (const mark of form.querySelectorAll('[data-required-when]')) {
    mark.hidden = !on;
    const control = mark.closest('[data-field]')?.querySelector('input, select, textarea');
    if (control) control.required = on;
  }
}

export function requiredNote() {
  return h('p', { class: 'hint' }, 'Поля, отмеченные *, обязательны для заполнения.');
}

/** The form's values by name: text as typed, checkboxes as booleans. */
export function values(form) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name) continue;
    if (el.type === 'checkbox') out[el.name] = el.checked;
    else if (el.type === 'radio') { if (el.checked) out[el.name] = el.value; else if (!(el.name in out)) out[el.name] = ''; }
    else out[el.name] = el.value;
  }
  return out;
}

/** Clears earlier errors, then shows `fields` (name -> message) and a summary. */
export function showErrors(form, fields, message) {
  form.querySelector('.error-summary')?.remove();
  for (const box of form.querySelectorAll('[data-field]')) {
    box.classList.remove('has-error');
    const err = box.querySelector('.field-error');
    if (err) { err.hidden = true; err.textContent = ''; }
    for (const control of box.querySelectorAll('input, select, textarea')) {
      control.removeAttribute('aria-invalid');
      const ids = (control.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.endsWith('-error'));
      if (ids.length) control.setAttribute('aria-describedby', ids.join(' ')); else control.removeAttribute('aria-describedby');
    }
  }
  const entries = Object.entries(fields || {});
  if (!entries.length && !message) return;
  const items = [];
  for (const [name, text] of entries) {
    const box = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    const control = box?.querySelector('input, select, textarea');
    if (box) {
      box.classList.add('has-error');
      const err = box.querySelector('.field-error');
      err.textContent = text;
      err.hidden = false;
      for (const c of box.querySelectorAll('input, select, textarea')) {
        c.setAttribute('aria-invalid', 'true');
        const ids = [c.getAttribute('aria-describedby'), err.id].filter(Boolean).join(' ');
        c.setAttribute('aria-describedby', ids);
      }
    }
    const target = control?.id || box?.id;
    items.push(h('li', {}, target ? h('a', { href: `#${target}` }, text) : text));
  }
  if (!items.length) items.push(h('li', {}, message));
  const summary = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1' },
    h('h2', {}, entries.length ? 'Исправьте ошибки' : 'Не удалось сохранить'),
    entries.length && message ? h('p', {}, message) : null,
    h('ul', {}, items));
  form.prepend(summary);
  summary.focus();
}

/** Runs `action` with the submit button busy; shows API errors on the form. */
export async function submitting(form, action) {
  const button = form.querySelector('button[type="submit"]');
  const label = button?.textContent;
  if (button) { button.disabled = true; button.textContent = 'Сохраняем…'; }
  try {
    showErrors(form, {});
    return await action();
  } catch (e) {
    showErrors(form, e.fields || {}, e.message);
    return undefined;
  } finally {
    if (button) { button.disabled = false; button.textContent = label; }
  }
}
