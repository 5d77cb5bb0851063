// The "Документы" and "Должности" tabs: the user's own documents and places
// of work. Both are lists of records with "Добавить", "Изменить", "Удалить".

import { api, ApiError } from './api.js';
import { h, formatDate } from './dom.js';
import { input, radios, requiredNote, values, showErrors, submitting, setConditionalRequired } from './forms.js';

const USER_DOC_TYPES = [
  ['passport_rf', 'Паспорт гражданина РФ'],
  ['foreign_passport', 'Паспорт иностранного гражданина'],
  ['marriage_certificate', 'Свидетельство о заключении брака'],
  ['name_change_certificate', 'Свидетельство о перемене имени'],
  ['other', 'Иной документ'],
];

/**
 * A list of records with a form to add and edit them.
 * spec: {path, intro, addLabel, listLabel, empty, form(item) -> [fields], card(item) -> [nodes],
 *        confirmDelete(item) -> text, savedText}
 */
async function recordsTab(container, heading, spec) {
  const notice = h('div');
  const list = h('div', {}, h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ' Загрузка…'));
  const slot = h('div');
  const add = h('button', { type: 'button', class: 'button primary' }, spec.addLabel);
  container.replaceChildren(...[heading, ...spec.intro, notice, h('p', { class: 'actions' }, add), slot, list].filter(Boolean));

  const say = (text) => {
    notice.replaceChildren(h('p', { class: 'notice success', role: 'status', tabindex: '-1' }, text));
    notice.firstChild.focus();
  };

  const openForm = (item) => {
    add.hidden = true;
    const close = () => { slot.replaceChildren(); add.hidden = false; };
    const form = h('form', { class: 'form panel', novalidate: true, 'aria-label': item ? 'Изменение записи' : spec.addLabel },
      requiredNote(),
      ...spec.form(item || {}),
      h('p', { class: 'actions' },
        h('button', { type: 'submit', class: 'button primary' }, 'Сохранить'),
        h('button', { type: 'button', class: 'button', onclick: () => { close(); add.focus(); } }, 'Отмена')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = values(form);
      const saved = await submitting(form, async () => {
        try {
          return item
            ? await api('PUT', `${spec.path}/${item.id}`, { version: item.version, ...body })
            : await api('POST', spec.path, body);
        } catch (e) {
          if (e instanceof ApiError && e.status === 409) {
            showErrors(form, {}, e.message);
            form.querySelector('.error-summary').append(h('p', {}, h('a', { href: location.pathname, class: 'button' }, 'Обновить страницу')));
            return undefined;
          }
          throw e;
        }
      });
      if (saved) {
        close();
        await refresh();
        say(item ? 'Изменения сохранены' : 'Запись добавлена');
      }
    });
    slot.replaceChildren(form);
    spec.onForm?.(form);
    form.querySelector('input, select')?.focus();
  };

  const refresh = async () => {
    try {
      const items = await api('GET', spec.path);
      if (!items.length) {
        list.replaceChildren(h('p', { class: 'empty' }, spec.empty));
        return;
      }
      list.replaceChildren(h('ul', { class: 'cards', 'aria-label': spec.listLabel }, items.map((item) => h('li', { class: 'card' },
        ...spec.card(item),
        h('p', { class: 'actions' },
          h('button', { type: 'button', class: 'button', onclick: () => openForm(item) }, 'Изменить'),
          h('button', {
            type: 'button', class: 'button danger',
            onclick: async () => {
              if (!window.confirm(spec.confirmDelete(item))) return;
              try {
                await api('DELETE', `${spec.path}/${item.id}`);
                await refresh();
                say('Запись удалена');
              } catch (e) {
                notice.replaceChildren(h('p', { class: 'warning', role: 'alert' }, e.message));
              }
            },
          }, 'Удалить'))))));
    } catch (e) {
      list.replaceChildren(h('p', { class: 'warning', role: 'alert' }, e.message));
    }
  };

  add.addEventListener('click', () => openForm(null));
  await refresh();
}

export function renderDocumentsTab(me, container, heading) {
  return recordsTab(container, heading, {
    path: '/api/documents',
    intro: [h('p', { class: 'hint' }, 'Здесь хранятся ваши документы. Заполнять вкладку не обязательно.')],
    addLabel: 'Добавить документ',
    listLabel: 'Мои документы',
    empty: 'Вы ещё не добавили документы. Нажмите «Добавить документ», например чтобы внести паспорт.',
    form: (d) => [
      radios({ name: 'doc_type', label: 'Тип документа', options: USER_DOC_TYPES, required: true, value: d.doc_type || 'passport_rf' }),
      input({ name: 'series', label: 'Серия', requiredWhen: true, value: d.series, hint: 'Для паспорта РФ — четыре цифры, например 2710', inputmode: 'numeric' }),
      input({ name: 'number', label: 'Номер', required: true, value: d.number, hint: 'Для паспорта РФ — шесть цифр' }),
      input({ name: 'issued_on', label: 'Дата выдачи', type: 'date', required: true, value: d.issued_on }),
      input({ name: 'issued_by', label: 'Кем выдан', requiredWhen: true, value: d.issued_by }),
      input({ name: 'division_code', label: 'Код подразделения', requiredWhen: true, value: d.division_code, hint: 'Например, 390-017' }),
    ],
    card: (d) => [
      h('p', { class: 'card-title' }, d.doc_type_title),
      h('p', {}, [d.series && `Серия ${d.series}`, `№ ${d.number}`, `выдан ${formatDate(d.issued_on)}`].filter(Boolean).join(', ')),
      d.issued_by ? h('p', {}, `Кем выдан: ${d.issued_by}`) : null,
      d.division_code ? h('p', {}, `Код подразделения: ${d.division_code}`) : null,
    ].filter(Boolean),
    confirmDelete: (d) => `Удалить документ «${d.doc_type_title}» № ${d.number}? Его реквизиты будут потеряны.`,
    // Серия, кем выдан and код подразделения are required for a Russian passport.
    onForm: (form) => {
      const update = () => setConditionalRequired(form, form.querySelector('input[name="doc_type"]:checked')?.value === 'passport_rf');
      for (const radio of form.querySelectorAll('input[name="doc_type"]')) radio.addEventListener('change', update);
      update();
    },
  });
}

export function renderPositionsTab(me, container, heading) {
  const operator = me.operator_of.length > 0;
  return recordsTab(container, heading, {
    path: '/api/positions',
    intro: [
      operator
        ? h('p', { class: 'warning', role: 'note' }, 'Важно! Удалять должность на этой вкладке не нужно! После удаления должности оператор потеряет доступ к редактированию организации!')
        : h('p', { class: 'hint' }, 'Здесь отображаются ваши места работы. Заполнять вкладку не обязательно.'),
    ],
    addLabel: 'Добавить место работы',
    listLabel: 'Должности',
    empty: 'Места работы не указаны. Нажмите «Добавить место работы», если хотите их внести.',
    form: (p) => [
      p.is_operator
        ? h('p', { class: 'hint' }, `Организация: ${p.organization_name}. Её меняет администратор портала.`)
        : input({ name: 'organization_name', label: 'Организация', required: true, value: p.organization_name }),
      input({ name: 'title', label: 'Должность', required: true, value: p.title }),
      input({ name: 'started_on', label: 'Дата начала работы', type: 'date', value: p.started_on }),
    ],
    card: (p) => [
      h('p', { class: 'card-title' }, p.title),
      h('p', {}, p.organization_name),
      p.started_on ? h('p', { class: 'muted' }, `С ${formatDate(p.started_on)}`) : null,
      p.is_operator ? h('p', {}, h('span', { class: 'tag' }, 'Права оператора организации')) : null,
    ].filter(Boolean),
    confirmDelete: (p) => (p.is_operator
      ? `Удалить должность «${p.title}»? Вы сразу потеряете доступ к редактированию организации «${p.organization_name}».`
      : `Удалить место работы «${p.title}, ${p.organization_name}»?`),
  });
}
