// The portal's pages: the entry page, the cabinet with its tabs, messages.
// One page load, routes by path; the cabinet's tabs have their own URLs so
// that a reload keeps the tab.

import { api, ApiError } from './api.js';
import { h } from './dom.js';
import { TABS, renderTab, renderNews } from './tabs.js';

const main = document.getElementById('main');
const quick = document.getElementById('quick');

function setPage(title, ...nodes) {
  document.title = `${title} — Портал муниципальных услуг`;
  main.replaceChildren(...nodes.filter(Boolean));
}

function focusMain() {
  main.focus({ preventScroll: false });
}

async function loadMe() {
  try {
    return await api('GET', '/api/me');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null;
    throw e;
  }
}

function renderQuickPanel(me) {
  if (!me) {
    quick.hidden = true;
    quick.replaceChildren();
    return;
  }
  const items = [
    h('a', { href: '/kabinet/zayavleniya', class: 'quick-link' }, 'Личный кабинет'),
    h('a', { href: '/soobshcheniya', class: 'quick-link' }, 'Сообщения'),
  ];
  if (me.has_applications) {
    items.push(h('a', { href: '/kabinet/zayavleniya', class: 'quick-link' }, 'Мои заявления'));
  }
  for (const org of me.operator_of) {
    items.push(h('a', { href: '/kabinet/rabochie-oblasti', class: 'quick-link org', title: org.name }, org.short_name));
  }
  items.push(h('button', { type: 'button', class: 'quick-link logout', onclick: logout }, 'Выход'));
  quick.replaceChildren(h('ul', {}, items.map((item) => h('li', {}, item))));
  quick.hidden = false;
}

async function logout(event) {
  const button = event.currentTarget;
  button.disabled = true;
  button.textContent = 'Выходим…';
  try {
    await api('POST', '/api/auth/logout');
  } finally {
    location.assign('/?vyhod=1');
  }
}

function renderEntry() {
  const params = new URLSearchParams(location.search);
  const notice = params.has('vyhod')
    ? h('p', { class: 'notice success', role: 'status' }, 'Вы вышли из личного кабинета.')
    : null;
  setPage('Вход',
    notice,
    h('h1', {}, 'Личный кабинет'),
    h('p', { class: 'lead' }, 'Запись детей в детские сады и школы, заявления и место в очереди, новости организаций и сообщения.'),
    h('p', {}, 'Для входа используется учётная запись портала Госуслуг (ЕСИА).'),
    h('p', { class: 'actions' }, h('a', { class: 'button primary', href: '/api/auth/login' }, 'Войти через Госуслуги')),
  );
}

function renderNotFound() {
  setPage('Страница не найдена',
    h('h1', {}, 'Страница не найдена'),
    h('p', {}, 'Проверьте адрес или перейдите в личный кабинет.'),
    h('p', { class: 'actions' }, h('a', { class: 'button', href: '/kabinet/zayavleniya' }, 'Личный кабинет')));
}

function renderMessages() {
  setPage('Сообщения',
    h('h1', {}, 'Сообщения'),
    h('p', { class: 'empty' }, 'У вас пока нет сообщений. Здесь появятся сообщения от организаций и от технической поддержки портала.'));
}

function renderCabinet(me, path) {
  const [slug, ...restParts] = path.split('/');
  const rest = restParts.join('/');
  const tabs = TABS.filter((t) => !t.operatorOnly || me.operator_of.length > 0);
  const tab = tabs.find((t) => t.slug === slug);
  if (!tab || (rest && slug !== 'deti')) return renderNotFound();
  const nav = h('nav', { class: 'tabs', 'aria-label': 'Разделы личного кабинета' },
    h('ul', {}, tabs.map((t) => h('li', {},
      h('a', { href: `/kabinet/${t.slug}`, 'aria-current': t.slug === slug ? (rest ? 'true' : 'page') : false }, t.title)))));
  const content = h('section', { class: 'tab-content', 'aria-labelledby': 'tab-title' });
  const news = h('aside', { class: 'news', 'aria-labelledby': 'news-title' });
  setPage(tab.title,
    h('p', { class: 'who' }, me.display_name),
    nav,
    h('div', { class: 'cabinet' }, content, news));
  renderNews(me, news);
  return renderTab(tab, me, content, rest);
}

function renderError(error) {
  setPage('Ошибка',
    h('h1', {}, 'Не удалось загрузить страницу'),
    h('p', { role: 'alert' }, error.message || 'Попробуйте обновить страницу.'),
    h('p', { class: 'actions' }, h('a', { class: 'button', href: location.pathname }, 'Обновить')));
}

async function route() {
  const path = location.pathname.replace(/\/+$/, '') || '/';
  let me;
  try {
    me = await loadMe();
  } catch (e) {
    return renderError(e);
  }
  renderQuickPanel(me);
  if (path === '/') {
    if (me) return location.replace('/kabinet/zayavleniya');
    return renderEntry();
  }
  if (!me) {
    // The cabinet needs a session: back to the entry page.
    return location.replace('/');
  }
  if (path === '/kabinet') return location.replace('/kabinet/zayavleniya');
  if (path.startsWith('/kabinet/')) {
    let rest;
    try {
      rest = decodeURIComponent(path.slice('/kabinet/'.length));
    } catch {
      return renderNotFound(); // a malformed address such as /kabinet/%E0
    }
    return renderCabinet(me, rest);
  }
  if (path === '/soobshcheniya') return renderMessages();
  return renderNotFound();
}

route().then(() => {
  if (document.activeElement === document.body && location.pathname !== '/') focusMain();
});
