// The cabinet's tabs (the manual's names) and the news column.

import { h, formatDate, formatMoment } from './dom.js';
import { renderChildrenTab, renderChildPage } from './children.js';
import { renderDocumentsTab, renderPositionsTab } from './profile.js';

export const TABS = [
  { slug: 'zayavleniya', title: 'Заявления' },
  { slug: 'deti', title: 'Дети' },
  { slug: 'dokumenty', title: 'Документы' },
  { slug: 'dolzhnosti', title: 'Должности' },
  { slug: 'podpiski', title: 'Подписки' },
  { slug: 'lichnye-dannye', title: 'Личные данные' },
  { slug: 'rabochie-oblasti', title: 'Рабочие области', operatorOnly: true },
];

const GENDER = { M: 'Мужской', F: 'Женский' };

function heading(tab) {
  return h('h1', { id: 'tab-title' }, tab.title);
}

function empty(...text) {
  return h('p', { class: 'empty' }, ...text);
}

const RENDERERS = {
  zayavleniya: (me) => [
    me.operator_of.length > 0
      ? h('p', { class: 'hint' }, 'Здесь отображаются заявления, сформированные по данным ваших детей.')
      : null,
    empty('У вас пока нет заявлений. Чтобы подать заявление в детский сад или школу, сначала добавьте ребенка на вкладке «Дети».'),
  ],
  podpiski: () => [
    empty('Вы пока не подписаны на новости организаций. Подписка на новости детских садов и школ появится в ближайшем обновлении портала.'),
  ],
  'lichnye-dannye': (me) => {
    const p = me.personal;
    const rows = [
      ['Фамилия', p.last_name],
      ['Имя', p.first_name],
      ['Отчество', p.middle_name],
      ['Дата рождения', formatDate(p.birth_date)],
      ['Пол', GENDER[p.gender]],
      ['СНИЛС', p.snils],
      ['Электронная почта', p.email],
      ['Телефон', p.phone],
    ];
    return [
      h('p', { class: 'hint' }, `Данные переданы порталом Госуслуг (ЕСИА) при входе ${formatMoment(p.received_at)}. Чтобы исправить их, измените данные на Госуслугах и войдите снова.`),
      h('dl', { class: 'details' }, rows.flatMap(([label, value]) => [
        h('dt', {}, label),
        h('dd', {}, value || 'не передано'),
      ])),
    ];
  },
  'rabochie-oblasti': (me) => [
    h('p', { class: 'hint' }, 'Организации, на которые вам назначены права оператора.'),
    h('ul', { class: 'cards' }, me.operator_of.map((o) => h('li', { class: 'card' },
      h('p', { class: 'card-title' }, o.name),
      h('p', { class: 'muted' }, `${o.short_name} · ${o.position}`)))),
  ],
};

// Tabs with their own pages and data.
const PAGES = {
  deti: (me, container, rest) => (rest
    ? renderChildPage(me, container, rest)
    : renderChildrenTab(me, container, heading(TABS.find((t) => t.slug === 'deti')))),
  dokumenty: (me, container) => renderDocumentsTab(me, container, heading(TABS.find((t) => t.slug === 'dokumenty'))),
  dolzhnosti: (me, container) => renderPositionsTab(me, container, heading(TABS.find((t) => t.slug === 'dolzhnosti'))),
};

export function renderTab(tab, me, container, rest = '') {
  if (PAGES[tab.slug]) return PAGES[tab.slug](me, container, rest);
  container.replaceChildren(heading(tab), ...RENDERERS[tab.slug](me).filter(Boolean));
  return undefined;
}

export function renderNews(me, container) {
  container.replaceChildren(
    h('h2', { id: 'news-title' }, 'Новости'),
    empty('Подпишитесь на новости детских садов и школ на вкладке «Подписки», и они появятся здесь.'),
  );
}
