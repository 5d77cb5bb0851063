// The "Дети" tab and the child's page, as the manual describes them:
// "Добавить ребенка" -> form -> "Ок"; the list shows ФИО and date of birth;
// clicking the ФИО opens the child's page with "Основная информация",
// "Информация о здоровье" and "Документы".

import { api, ApiError } from './api.js';
import { h, formatDate } from './dom.js';
import { input, select, radios, checkbox, textarea, requiredNote, values, showErrors, submitting, setConditionalRequired } from './forms.js';

const GENDERS = [['M', 'Мужской'], ['F', 'Женский']];
const GENDER_TITLE = Object.fromEntries(GENDERS);
const CITIZENSHIP = [['russia', 'Российская Федерация'], ['foreign', 'Иностранное государство'], ['stateless', 'Лицо без гражданства']];
const CITIZENSHIP_TITLE = Object.fromEntries(CITIZENSHIP);
const HEALTH_GROUPS = ['I', 'II', 'III', 'IV', 'V'].map((g) => [g, `${g} группа`]);
const DOC_TYPES = [
  ['birth_certificate', 'Свидетельство о рождении'],
  ['foreign_birth_certificate', 'Свидетельство о рождении, выданное за рубежом'],
  ['zags_extract', 'Выписка из ЕГР ЗАГС'],
  ['snils', 'СНИЛС'],
  ['oms_policy', 'Полис ОМС'],
  ['pmpk_conclusion', 'Заключение ПМПК'],
  ['benefit_proof', 'Документ, подтверждающий право на льготу'],
  ['other', 'Иной документ'],
];
const ADDRESS_PARTS = [
  ['region', 'Регион', true], ['district', 'Район', false], ['locality', 'Населённый пункт', true],
  ['street', 'Улица', false], ['house', 'Дом', true], ['building', 'Корпус', false],
  ['flat', 'Квартира', false], ['postcode', 'Индекс', false],
];

function fullName(c) {
  return [c.last_name, c.first_name, c.middle_name].filter(Boolean).join(' ');
}

function status(text) {
  return h('p', { class: 'notice success', role: 'status', tabindex: '-1' }, text);
}

function loading() {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), ' Загрузка…');
}

function loadError(e) {
  return h('p', { class: 'warning', role: 'alert' }, e.message);
}

// ---- the list ---------------------------------------------------------------

export async function renderChildrenTab(me, container, heading) {
  const list = h('div', {}, loading());
  const formSlot = h('div');
  const addButton = h('button', { type: 'button', class: 'button primary' }, 'Добавить ребенка');
  container.replaceChildren(...[
    heading,
    me.operator_of.length > 0
      ? h('p', { class: 'warning', role: 'note' }, 'Важно! Данные очередников на этой вкладке вносить запрещено! Иначе оператор будет указан заявителем в заявлении!')
      : null,
    h('p', { class: 'actions' }, addButton),
    formSlot,
    list,
  ].filter(Boolean));
  addButton.addEventListener('click', () => {
    addButton.hidden = true;
    formSlot.replaceChildren(addChildForm({
      onDone: async (child) => {
        formSlot.replaceChildren(status(`Ребенок добавлен: ${fullName(child)}. Нажмите на ФИО, чтобы заполнить подробную информацию.`));
        addButton.hidden = false;
        await fillList(list);
        formSlot.firstChild.focus();
      },
      onCancel: () => { formSlot.replaceChildren(); addButton.hidden = false; addButton.focus(); },
    }));
    formSlot.querySelector('input')?.focus();
  });
  await fillList(list);
}

async function fillList(list) {
  try {
    const children = await api('GET', '/api/children');
    if (!children.length) {
      list.replaceChildren(h('p', { class: 'empty' }, 'Вы ещё не добавили детей. Нажмите «Добавить ребенка».'));
      return;
    }
    list.replaceChildren(h('ul', { class: 'cards', 'aria-label': 'Дети' }, children.map((c) => h('li', { class: 'card' },
      h('p', { class: 'card-title' }, h('a', { href: `/kabinet/deti/${encodeURIComponent(c.id)}` }, fullName(c))),
      h('p', {}, `Дата рождения: ${formatDate(c.birth_date)}`),
      c.has_birth_document ? null : h('p', {}, h('span', { class: 'tag warn' }, 'Нет свидетельства о рождении'))))));
  } catch (e) {
    list.replaceChildren(loadError(e));
  }
}

function addChildForm({ onDone, onCancel }) {
  const form = h('form', { class: 'form panel', novalidate: true, 'aria-labelledby': 'add-child-title' },
    h('h2', { id: 'add-child-title' }, 'Новый ребенок'),
    requiredNote(),
    input({ name: 'last_name', label: 'Фамилия', required: true }),
    input({ name: 'first_name', label: 'Имя', required: true }),
    input({ name: 'middle_name', label: 'Отчество', hint: 'Если есть' }),
    input({ name: 'birth_date', label: 'Дата рождения', type: 'date', required: true }),
    radios({ name: 'gender', label: 'Пол', options: GENDERS, required: true }),
    h('p', { class: 'actions' },
      h('button', { type: 'submit', class: 'button primary' }, 'Ок'),
      h('button', { type: 'button', class: 'button', onclick: onCancel }, 'Отмена')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const child = await submitting(form, () => api('POST', '/api/children', values(form)));
    if (child) await onDone(child);
  });
  return form;
}

// ---- the child's page ---------------------------------------------------------

export async function renderChildPage(me, container, id) {
  container.replaceChildren(h('p', {}, h('a', { href: '/kabinet/deti' }, '← Все дети')), loading());
  let child;
  try {
    child = await api('GET', `/api/children/${encodeURIComponent(id)}`);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      container.replaceChildren(h('h1', { id: 'tab-title' }, 'Ребенок не найден'),
        h('p', {}, 'Такого ребенка нет среди ваших детей.'), h('p', {}, h('a', { href: '/kabinet/deti' }, 'Вернуться к списку детей')));
      return;
    }
    container.replaceChildren(loadError(e));
    return;
  }
  const page = new ChildPage(container, child);
  page.render();
}

class ChildPage {
  constructor(container, child) {
    this.container = container;
    this.child = child;
    this.notice = h('div', { class: 'notice-slot' });
  }

  render(focusSelector) {
    const c = this.child;
    document.title = `${fullName(c)} — Портал муниципальных услуг`;
    this.container.replaceChildren(...[
      h('p', {}, h('a', { href: '/kabinet/deti' }, '← Все дети')),
      h('h1', { id: 'tab-title' }, [c.first_name, c.middle_name, c.last_name].filter(Boolean).join(' ')),
      this.notice,
      c.has_birth_document ? null
        : h('p', { class: 'warning', role: 'note' }, 'Не внесено свидетельство о рождении. Без него нельзя подать заявление: добавьте его в разделе «Документы» ниже.'),
      this.mainSection(),
      this.healthSection(),
      this.documentsSection(),
      this.deleteSection(),
    ].filter(Boolean));
    if (focusSelector) this.container.querySelector(focusSelector)?.focus();
  }

  saved(child, text, focusSelector) {
    this.child = child;
    this.notice.replaceChildren(status(text));
    this.render(focusSelector);
    this.notice.firstChild?.focus();
  }

  staleOr(form, e) {
    if (e instanceof ApiError && e.status === 409) {
      showErrors(form, {}, e.message);
      form.querySelector('.error-summary').append(h('p', {}, h('a', { href: location.pathname, class: 'button' }, 'Обновить страницу')));
      return true;
    }
    return false;
  }

  // -- Основная информация
  mainSection() {
    const c = this.child;
    const address = (a) => {
      const parts = [a.postcode, a.region, a.district, a.locality, a.street, a.house && `д. ${a.house}`, a.building && `корп. ${a.building}`, a.flat && `кв. ${a.flat}`].filter(Boolean);
      return parts.length ? parts.join(', ') : 'не указан';
    };
    const rows = [
      ['Фамилия', c.last_name], ['Имя', c.first_name], ['Отчество', c.middle_name || '—'],
      ['Дата рождения', formatDate(c.birth_date)], ['Пол', GENDER_TITLE[c.gender]],
      ['СНИЛС', c.snils || 'не указан'], ['Гражданство', CITIZENSHIP_TITLE[c.citizenship] || 'не указано'],
      ['Адрес регистрации', address(c.registration)],
      ['Адрес фактического проживания', c.actual_same_as_registration ? 'Совпадает с адресом регистрации' : address(c.actual)],
    ];
    const section = h('section', { class: 'section', 'aria-labelledby': 'main-title' },
      h('h2', { id: 'main-title' }, 'Основная информация'));
    const view = () => {
      section.replaceChildren(section.firstChild,
        h('dl', { class: 'details' }, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
        h('p', { class: 'actions' }, h('button', { type: 'button', class: 'button', id: 'edit-main', onclick: edit }, 'Редактировать')));
    };
    const edit = () => {
      const addressFields = (prefix, a) => ADDRESS_PARTS.map(([part, label, req]) => input({
        name: `${prefix}_${part}`, label, required: req, value: a[part] || '',
        inputmode: part === 'postcode' ? 'numeric' : undefined, hint: part === 'postcode' ? 'Шесть цифр' : undefined,
      }));
      const same = checkbox({ name: 'actual_same_as_registration', label: 'Совпадает с адресом регистрации', checked: c.actual_same_as_registration });
      const actual = h('fieldset', { class: 'group', hidden: c.actual_same_as_registration },
        h('legend', {}, 'Адрес фактического проживания'), addressFields('actual', c.actual));
      same.querySelector('input').addEventListener('change', (e) => { actual.hidden = e.target.checked; });
      const form = h('form', { class: 'form', novalidate: true },
        requiredNote(),
        input({ name: 'last_name', label: 'Фамилия', required: true, value: c.last_name }),
        input({ name: 'first_name', label: 'Имя', required: true, value: c.first_name }),
        input({ name: 'middle_name', label: 'Отчество', value: c.middle_name || '' }),
        input({ name: 'birth_date', label: 'Дата рождения', type: 'date', required: true, value: c.birth_date }),
        radios({ name: 'gender', label: 'Пол', options: GENDERS, required: true, value: c.gender }),
        input({ name: 'snils', label: 'СНИЛС', hint: 'Например, 112-233-445 95', value: c.snils || '', inputmode: 'numeric' }),
        select({ name: 'citizenship', label: 'Гражданство', options: CITIZENSHIP, value: c.citizenship || '' }),
        h('fieldset', { class: 'group' }, h('legend', {}, 'Адрес регистрации'), addressFields('registration', c.registration)),
        same,
        actual,
        h('p', { class: 'actions' },
          h('button', { type: 'submit', class: 'button primary' }, 'Сохранить'),
          h('button', { type: 'button', class: 'button', onclick: () => { view(); section.querySelector('#edit-main').focus(); } }, 'Отмена')));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const v = values(form);
        const pick = (prefix) => Object.fromEntries(ADDRESS_PARTS.map(([p]) => [p, v[`${prefix}_${p}`]]));
        const body = {
          version: c.version, last_name: v.last_name, first_name: v.first_name, middle_name: v.middle_name,
          birth_date: v.birth_date, gender: v.gender, snils: v.snils, citizenship: v.citizenship,
          registration: pick('registration'), actual_same_as_registration: v.actual_same_as_registration, actual: pick('actual'),
        };
        try {
          const child = await submitting(form, async () => {
            try { return await api('PUT', `/api/children/${c.id}/main`, body); } catch (e) { if (!this.staleOr(form, e)) throw e; return undefined; }
          });
          if (child) this.saved(child, 'Изменения сохранены', '#edit-main');
        } catch { /* shown on the form */ }
      });
      section.replaceChildren(section.firstChild, form);
      form.querySelector('input')?.focus();
    };
    view();
    return section;
  }

  // -- Информация о здоровье
  healthSection() {
    const c = this.child;
    const hl = c.health;
    const section = h('section', { class: 'section', 'aria-labelledby': 'health-title' },
      h('h2', { id: 'health-title' }, 'Информация о здоровье'));
    const filled = hl.health_group || hl.disability || hl.adapted_program || hl.health_notes;
    const view = () => {
      section.replaceChildren(section.firstChild,
        filled
          ? h('dl', { class: 'details' }, [
            ['Группа здоровья', hl.health_group ? `${hl.health_group} группа` : 'не указана'],
            ['Инвалидность', hl.disability ? 'Да' : 'Нет'],
            ['Потребность в адаптированной программе', hl.adapted_program ? 'Да' : 'Нет'],
            ...(hl.adapted_program ? [['Заключение ПМПК', `№ ${hl.pmpk_number} от ${formatDate(hl.pmpk_date)}`]] : []),
            ['Особенности здоровья', hl.health_notes || '—'],
          ].flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]))
          : h('p', { class: 'empty' }, 'Сведения о здоровье не внесены. Заполнять этот раздел не обязательно.'),
        h('p', { class: 'actions' }, h('button', { type: 'button', class: 'button', id: 'edit-health', onclick: edit }, 'Редактировать')));
    };
    const edit = () => {
      const adapted = checkbox({ name: 'adapted_program', label: 'Потребность в адаптированной образовательной программе', checked: hl.adapted_program });
      const pmpk = h('fieldset', { class: 'group', hidden: !hl.adapted_program },
        h('legend', {}, 'Заключение ПМПК'),
        input({ name: 'pmpk_number', label: 'Номер заключения', required: true, value: hl.pmpk_number || '' }),
        input({ name: 'pmpk_date', label: 'Дата заключения', type: 'date', required: true, value: hl.pmpk_date || '' }));
      adapted.querySelector('input').addEventListener('change', (e) => { pmpk.hidden = !e.target.checked; });
      const form = h('form', { class: 'form', novalidate: true },
        h('p', { class: 'hint' }, 'Заполнять этот раздел не обязательно.'),
        select({ name: 'health_group', label: 'Группа здоровья', options: HEALTH_GROUPS, value: hl.health_group || '', placeholder: 'Не указана' }),
        checkbox({ name: 'disability', label: 'Инвалидность', checked: hl.disability }),
        adapted,
        pmpk,
        textarea({ name: 'health_notes', label: 'Особенности здоровья', hint: 'Например, аллергия на орехи', value: hl.health_notes || '', maxlength: 1000 }),
        h('p', { class: 'actions' },
          h('button', { type: 'submit', class: 'button primary' }, 'Сохранить'),
          h('button', { type: 'button', class: 'button', onclick: () => { view(); section.querySelector('#edit-health').focus(); } }, 'Отмена')));
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const body = { version: c.version, ...values(form) };
        const child = await submitting(form, async () => {
          try { return await api('PUT', `/api/children/${c.id}/health`, body); } catch (e) { if (!this.staleOr(form, e)) throw e; return undefined; }
        });
        if (child) this.saved(child, 'Изменения сохранены', '#edit-health');
      });
      section.replaceChildren(section.firstChild, form);
      form.querySelector('select')?.focus();
    };
    view();
    return section;
  }

  // -- Документы
  documentsSection() {
    const c = this.child;
    const section = h('section', { class: 'section', 'aria-labelledby': 'docs-title' },
      h('h2', { id: 'docs-title' }, 'Документы'));
    const list = c.documents.length
      ? h('ul', { class: 'cards', 'aria-label': 'Документы ребенка' }, c.documents.map((d) => h('li', { class: 'card' },
        h('p', { class: 'card-title' }, d.doc_type_title),
        h('p', {}, [d.series && `Серия ${d.series}`, `№ ${d.number}`, `выдан ${formatDate(d.issued_on)}`].filter(Boolean).join(', ')),
        d.issued_by ? h('p', {}, `Кем выдан: ${d.issued_by}`) : null,
        d.act_record_number ? h('p', {}, `Номер актовой записи: ${d.act_record_number}`) : null,
        h('p', { class: 'actions' }, h('button', {
          type: 'button', class: 'button danger',
          onclick: async () => {
            if (!window.confirm(`Удалить документ «${d.doc_type_title}» № ${d.number}? Его реквизиты будут потеряны.`)) return;
            try {
              const child = await api('DELETE', `/api/children/${c.id}/documents/${d.id}`);
              this.saved(child, 'Документ удалён', '#add-document');
            } catch (e) { this.notice.replaceChildren(loadError(e)); }
          },
        }, 'Удалить документ')))))
      : h('p', { class: 'empty' }, 'Документы не добавлены. Внесите реквизиты свидетельства о рождении: без него нельзя подать заявление.');
    const slot = h('div');
    const add = h('button', { type: 'button', class: 'button primary', id: 'add-document' }, 'Добавить документ');
    add.addEventListener('click', () => {
      add.hidden = true;
      const form = h('form', { class: 'form panel', novalidate: true, 'aria-label': 'Новый документ' },
        requiredNote(),
        select({ name: 'doc_type', label: 'Тип документа', options: DOC_TYPES, required: true, value: 'birth_certificate' }),
        input({ name: 'series', label: 'Серия', requiredWhen: true, hint: 'Для свидетельства о рождении: римское число, дефис и две русские буквы, например II-ИВ' }),
        input({ name: 'number', label: 'Номер', required: true, hint: 'Для свидетельства о рождении — шесть цифр' }),
        input({ name: 'issued_on', label: 'Дата выдачи', type: 'date', required: true }),
        input({ name: 'issued_by', label: 'Кем выдан', requiredWhen: true }),
        input({ name: 'act_record_number', label: 'Номер актовой записи', requiredWhen: true, inputmode: 'numeric' }),
        h('p', { class: 'actions' },
          h('button', { type: 'submit', class: 'button primary' }, 'Сохранить'),
          h('button', { type: 'button', class: 'button', onclick: () => { slot.replaceChildren(); add.hidden = false; add.focus(); } }, 'Отмена')));
      // Серия, кем выдан and номер актовой записи are required for a Russian
      // birth certificate; "кем выдан" also for the other proofs of birth.
      const typeSelect = form.querySelector('select[name="doc_type"]');
      const updateRequired = () => {
        const t = typeSelect.value;
        setConditionalRequired(form, t === 'birth_certificate');
        const issuedBy = form.querySelector('[data-field="issued_by"] [data-required-when]');
        const birthProof = ['birth_certificate', 'foreign_birth_certificate', 'zags_extract'].includes(t);
        issuedBy.hidden = !birthProof;
        form.querySelector('input[name="issued_by"]').required = birthProof;
      };
      typeSelect.addEventListener('change', updateRequired);
      updateRequired();
      form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const child = await submitting(form, () => api('POST', `/api/children/${c.id}/documents`, values(form)));
        if (child) this.saved(child, 'Документ добавлен', '#add-document');
      });
      slot.replaceChildren(form);
      form.querySelector('select').focus();
    });
    section.append(list, h('p', { class: 'actions' }, add), slot);
    return section;
  }

  deleteSection() {
    const c = this.child;
    const button = h('button', { type: 'button', class: 'button danger' }, 'Удалить ребенка');
    button.addEventListener('click', async () => {
      if (!window.confirm(`Удалить данные ребенка ${fullName(c)} вместе с документами? Это действие нельзя отменить.`)) return;
      try {
        await api('DELETE', `/api/children/${c.id}`);
        location.assign('/kabinet/deti');
      } catch (e) {
        this.notice.replaceChildren(h('p', { class: 'warning', role: 'alert', tabindex: '-1' }, e.message));
        this.notice.firstChild.focus();
      }
    });
    return h('section', { class: 'section', 'aria-labelledby': 'delete-title' },
      h('h2', { id: 'delete-title' }, 'Удаление'),
      h('p', { class: 'hint' }, 'Ребенка, по которому подавались заявления, удалить нельзя.'),
      h('p', { class: 'actions' }, button));
  }
}
