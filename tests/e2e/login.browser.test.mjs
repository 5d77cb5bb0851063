// What a person does, following the manual: log in through the development
// ESIA as a new person, open "Личные данные", find the data entered, click
// "Выход", and find the cabinet closed. Also an operator's cabinet, the
// keyboard, a phone-sized screen and axe-core on every page.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { portalAndBrowser, newPage, screenshot, assertAccessible, assertNoHorizontalScroll } from './browser.mjs';

const env = portalAndBrowser();

test('a new person logs in, sees their ESIA data, and logs out', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.portal.base + '/');
  await page.getByRole('heading', { level: 1, name: 'Личный кабинет' }).waitFor();
  await assertAccessible(page, 'the entry page');
  await screenshot(page, '01-entry');
  await page.getByRole('link', { name: 'Войти через Госуслуги' }).click();

  await page.getByRole('heading', { level: 1, name: 'Вход через тестовый ЕСИА' }).waitFor();
  await assertAccessible(page, 'the development ESIA page');
  await screenshot(page, '02-dev-idp');
  // First with a mistake: the form says what is wrong and keeps what was typed.
  await page.getByLabel('Фамилия').fill('Новикова');
  await page.getByRole('textbox', { name: 'Имя', exact: true }).fill('Мария');
  await page.getByLabel('Отчество').fill('Игоревна');
  await page.getByLabel('Дата рождения').fill('1990-04-12');
  await page.getByLabel('Женский').check();
  await page.getByLabel('СНИЛС').fill('112-233-445 96');
  await page.getByLabel('Email').fill('novikova@example.ru');
  await page.getByRole('button', { name: 'Войти', exact: true }).click();
  const summary = page.getByRole('alert');
  await summary.waitFor();
  assert.match(await summary.textContent(), /СНИЛС указан с ошибкой/);
  assert.equal(await page.getByLabel('Фамилия').inputValue(), 'Новикова');
  assert.equal(await page.getByLabel('СНИЛС').getAttribute('aria-invalid'), 'true');
  await screenshot(page, '03-dev-idp-error');
  await page.getByLabel('СНИЛС').fill('112-233-445 95');
  await page.getByRole('button', { name: 'Войти', exact: true }).click();

  await page.waitForURL('**/kabinet/zayavleniya');
  const panel = page.getByRole('navigation', { name: 'Панель быстрого доступа' });
  await panel.getByRole('link', { name: 'Личный кабинет' }).waitFor();
  await panel.getByRole('link', { name: 'Сообщения' }).waitFor();
  await panel.getByRole('button', { name: 'Выход' }).waitFor();
  assert.equal(await panel.getByRole('link', { name: 'Мои заявления' }).count(), 0, 'no applications yet');
  const tabs = page.getByRole('navigation', { name: 'Разделы личного кабинета' });
  for (const name of ['Заявления', 'Дети', 'Документы', 'Должности', 'Подписки', 'Личные данные']) {
    await tabs.getByRole('link', { name }).waitFor();
  }
  assert.equal(await tabs.getByRole('link', { name: 'Рабочие области' }).count(), 0, 'parents have no workspaces');
  await page.getByText('У вас пока нет заявлений').waitFor();
  await assertAccessible(page, 'the applications tab');

  await tabs.getByRole('link', { name: 'Личные данные' }).click();
  await page.waitForURL('**/kabinet/lichnye-dannye');
  await page.getByRole('heading', { level: 1, name: 'Личные данные' }).waitFor();
  const data = await page.locator('dl.details').innerText();
  for (const shown of ['Новикова', 'Мария', 'Игоревна', '12.04.1990', 'Женский', '112-233-445 95', 'novikova@example.ru']) {
    assert.ok(data.includes(shown), `"${shown}" is not shown in: ${data}`);
  }
  await page.getByText('Данные переданы порталом Госуслуг (ЕСИА)').waitFor();
  await assertAccessible(page, 'the personal data tab');
  await screenshot(page, '04-personal-data');

  // A reload keeps the tab.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Личные данные' }).waitFor();

  // On a phone: nothing scrolls sideways, the tabs are still there.
  await page.setViewportSize({ width: 375, height: 812 });
  await assertNoHorizontalScroll(page, 'the personal data tab on a phone');
  await screenshot(page, '05-personal-data-phone');
  await page.setViewportSize({ width: 1280, height: 900 });

  await panel.getByRole('button', { name: 'Выход' }).click();
  await page.getByText('Вы вышли из личного кабинета.').waitFor();
  await page.goto(env.portal.base + '/kabinet/lichnye-dannye');
  await page.getByRole('link', { name: 'Войти через Госуслуги' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/', 'the cabinet is closed');
  assert.equal(await page.getByText('Новикова').count(), 0);
  await page.context().close();
});

test('the tabs work with the keyboard alone', async () => {
  const page = await newPage(env.browser);
  await page.goto(env.portal.base + '/');
  await page.getByRole('link', { name: 'Войти через Госуслуги' }).click();
  await page.getByRole('button', { name: 'Войти как Тестов Илья Петрович' }).click();
  await page.waitForURL('**/kabinet/zayavleniya');
  const tabs = page.getByRole('navigation', { name: 'Разделы личного кабинета' });
  await tabs.getByRole('link', { name: 'Заявления' }).focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Дети');
  await page.keyboard.press('Enter');
  await page.waitForURL('**/kabinet/deti');
  await page.getByRole('heading', { level: 1, name: 'Дети' }).waitFor();
  const current = await tabs.getByRole('link', { name: 'Дети' }).getAttribute('aria-current');
  assert.equal(current, 'page');
  await page.context().close();
});

test('an operator sees their organization in the panel, the workspaces tab and the warnings', async () => {
  const page = await newPage(env.browser, { width: 375, height: 812 });
  await page.goto(env.portal.base + '/');
  await page.getByRole('link', { name: 'Войти через Госуслуги' }).click();
  await page.getByRole('button', { name: 'Войти как Кузнецова Ольга Викторовна' }).click();
  await page.waitForURL('**/kabinet/zayavleniya');
  const panel = page.getByRole('navigation', { name: 'Панель быстрого доступа' });
  await panel.getByRole('link', { name: 'МБДОУ «Детский сад № 5 «Солнышко»' }).waitFor();
  const tabs = page.getByRole('navigation', { name: 'Разделы личного кабинета' });
  await tabs.getByRole('link', { name: 'Дети' }).click();
  await page.getByText('Важно! Данные очередников на этой вкладке вносить запрещено!').waitFor();
  await tabs.getByRole('link', { name: 'Рабочие области' }).click();
  await page.getByRole('heading', { level: 1, name: 'Рабочие области' }).waitFor();
  await page.getByText('Муниципальное бюджетное дошкольное образовательное учреждение «Детский сад № 5 «Солнышко»').waitFor();
  await assertNoHorizontalScroll(page, 'the workspaces tab on a phone');
  await assertAccessible(page, 'the workspaces tab');
  await screenshot(page, '06-operator-workspaces-phone');
  await page.context().close();
});
