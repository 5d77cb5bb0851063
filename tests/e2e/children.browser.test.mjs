// The manual's "Дети" section, step by step with its labels: add a child,
// open it, edit and save the address, fill the health section, add the birth
// certificate, see it listed.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { portalAndBrowser, newPage, screenshot, assertAccessible, assertNoHorizontalScroll } from './browser.mjs';

const env = portalAndBrowser();

async function loginAsParent(page) {
  await page.goto(env.portal.base + '/');
  await page.getByRole('link', { name: 'Войти через Госуслуги' }).click();
  await page.getByRole('button', { name: 'Войти как Тестов Илья Петрович' }).click();
  await page.waitForURL('**/kabinet/zayavleniya');
}

test('a parent adds a child, fills the address, health and birth certificate', async () => {
  const page = await newPage(env.browser);
  page.on('dialog', (d) => d.accept());
  await loginAsParent(page);
  const tabs = page.getByRole('navigation', { name: 'Разделы личного кабинета' });
  await tabs.getByRole('link', { name: 'Дети' }).click();
  await page.getByText('Вы ещё не добавили детей.').waitFor();

  // "На вкладке “Дети” нужно нажать кнопку “Добавить ребенка”."
  await page.getByRole('button', { name: 'Добавить ребенка' }).click();
  await page.getByRole('textbox', { name: 'Фамилия' }).fill('Тестов');
  await page.getByRole('textbox', { name: 'Имя', exact: true }).fill('Мирон');
  await page.getByRole('textbox', { name: 'Отчество' }).fill('Ильич');
  await page.getByLabel('Дата рождения').fill('2022-05-01');
  // "После заполнения информации нажать “Ок”" — first without the gender: the form says so.
  await page.getByRole('button', { name: 'Ок' }).click();
  await page.getByRole('alert').getByText('Укажите пол').waitFor();
  await page.getByLabel('Мужской').check();
  await page.getByRole('button', { name: 'Ок' }).click();

  // "Данные ребенка (ФИО и дата рождения) отобразятся на вкладке “Дети”."
  const list = page.getByRole('list', { name: 'Дети' });
  await list.getByRole('link', { name: 'Тестов Мирон Ильич' }).waitFor();
  await list.getByText('Дата рождения: 01.05.2022').waitFor();
  await list.getByText('Нет свидетельства о рождении').waitFor();
  await assertAccessible(page, 'the children tab');
  await screenshot(page, '10-children-list');

  // "Чтобы заполнить более подробную информацию нужно кликнуть по ФИО ребенка."
  await list.getByRole('link', { name: 'Тестов Мирон Ильич' }).click();
  await page.getByRole('heading', { level: 1, name: 'Мирон Ильич Тестов' }).waitFor();
  await page.getByText('Не внесено свидетельство о рождении').waitFor();

  // "Основная информация": "Редактировать", changes, "Сохранить".
  const main = page.getByRole('region', { name: 'Основная информация' });
  await main.getByRole('button', { name: 'Редактировать' }).click();
  const registration = main.getByRole('group', { name: 'Адрес регистрации' });
  await registration.getByLabel('Регион').fill('Калининградская область');
  await registration.getByLabel('Населённый пункт').fill('г. Светлогорск');
  await registration.getByLabel('Улица').fill('ул. Ленина');
  await registration.getByLabel('Дом').fill('12');
  await registration.getByLabel('Квартира').fill('3');
  await registration.getByLabel('Индекс').fill('238560');
  await main.getByLabel('Гражданство').selectOption('russia');
  await main.getByRole('button', { name: 'Сохранить' }).click();
  await page.getByText('Изменения сохранены').waitFor();
  await main.getByText('238560, Калининградская область, г. Светлогорск, ул. Ленина, д. 12, кв. 3').waitFor();
  await main.getByText('Совпадает с адресом регистрации').waitFor();

  // "Отмена" leaves it unchanged.
  await main.getByRole('button', { name: 'Редактировать' }).click();
  await main.getByRole('group', { name: 'Адрес регистрации' }).getByLabel('Дом').fill('99');
  await main.getByRole('button', { name: 'Отмена' }).click();
  await main.getByText('д. 12, кв. 3').waitFor();

  // "Информация о здоровье": "Редактировать", fill, "Сохранить".
  const health = page.getByRole('region', { name: 'Информация о здоровье' });
  await health.getByText('Заполнять этот раздел не обязательно.').waitFor();
  await health.getByRole('button', { name: 'Редактировать' }).click();
  await health.getByLabel('Группа здоровья').selectOption('II');
  await health.getByLabel('Особенности здоровья').fill('Аллергия на орехи');
  await health.getByText('Осталось символов: 983 из 1000').waitFor();
  await health.getByRole('button', { name: 'Сохранить' }).click();
  await health.getByRole('button', { name: 'Редактировать' }).waitFor();
  await health.getByText('II группа', { exact: true }).waitFor();
  await health.getByText('Аллергия на орехи').waitFor();

  // "Документы": "Добавить документ", type "Свидетельство о рождении".
  const docs = page.getByRole('region', { name: 'Документы' });
  await docs.getByRole('button', { name: 'Добавить документ' }).click();
  assert.equal(await docs.getByLabel('Тип документа').inputValue(), 'birth_certificate');
  await docs.getByRole('textbox', { name: 'Серия' }).fill('2-ИВ');
  await docs.getByRole('textbox', { name: 'Номер', exact: true }).fill('123456');
  await docs.getByLabel('Дата выдачи').fill('2022-05-10');
  await docs.getByRole('textbox', { name: 'Кем выдан' }).fill('Отдел ЗАГС г. Светлогорска');
  await docs.getByRole('textbox', { name: 'Номер актовой записи' }).fill('170220390001');
  await docs.getByRole('button', { name: 'Сохранить' }).click();
  const seriesError = docs.getByRole('alert');
  await seriesError.waitFor();
  assert.match(await seriesError.textContent(), /например II-ИВ/);
  assert.equal(await docs.getByRole('textbox', { name: 'Серия' }).getAttribute('aria-invalid'), 'true');
  await screenshot(page, '11-child-document-error');
  await docs.getByRole('textbox', { name: 'Серия' }).fill('II-ИВ');
  await docs.getByRole('button', { name: 'Сохранить' }).click();
  await page.getByText('Документ добавлен').waitFor();
  const docList = docs.getByRole('list', { name: 'Документы ребенка' });
  await docList.getByText('Свидетельство о рождении').waitFor();
  await docList.getByText('Серия II-ИВ, № 123456, выдан 10.05.2022').waitFor();
  assert.equal(await page.getByText('Не внесено свидетельство о рождении').count(), 0);
  assert.equal(await page.getByText('null', { exact: true }).count(), 0);
  await assertAccessible(page, 'the child page');
  await screenshot(page, '12-child-page');

  await page.setViewportSize({ width: 375, height: 812 });
  await assertNoHorizontalScroll(page, 'the child page on a phone');
  await screenshot(page, '13-child-page-phone');
  await page.setViewportSize({ width: 1280, height: 900 });

  // A reload keeps the page; the list no longer warns.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Мирон Ильич Тестов' }).waitFor();
  await page.getByRole('link', { name: '← Все дети' }).click();
  await page.getByRole('list', { name: 'Дети' }).getByRole('link', { name: 'Тестов Мирон Ильич' }).waitFor();
  assert.equal(await page.getByText('Нет свидетельства о рождении').count(), 0);
  await page.context().close();
});

test('another parent opening the child\'s address sees "not found"', async () => {
  const owner = await newPage(env.browser);
  await loginAsParent(owner);
  await owner.goto(env.portal.base + '/kabinet/deti');
  const link = owner.getByRole('list', { name: 'Дети' }).getByRole('link').first();
  await link.waitFor();
  const href = await link.getAttribute('href');
  await owner.context().close();

  const stranger = await newPage(env.browser);
  await stranger.goto(env.portal.base + '/');
  await stranger.getByRole('link', { name: 'Войти через Госуслуги' }).click();
  await stranger.getByRole('button', { name: 'Войти как Смирнова Анна Сергеевна' }).click();
  await stranger.waitForURL('**/kabinet/zayavleniya');
  await stranger.goto(env.portal.base + href);
  await stranger.getByRole('heading', { level: 1, name: 'Ребенок не найден' }).waitFor();
  assert.equal(await stranger.getByText('Тестов').count(), 0);
  await stranger.context().close();
});

test('a parent keeps a passport on «Документы» and a place of work on «Должности»', async () => {
  const page = await newPage(env.browser);
  page.on('dialog', (d) => d.accept());
  await loginAsParent(page);
  const tabs = page.getByRole('navigation', { name: 'Разделы личного кабинета' });
  await tabs.getByRole('link', { name: 'Документы' }).click();
  await page.getByText('Вы ещё не добавили документы.').waitFor();
  await page.getByRole('button', { name: 'Добавить документ' }).click();
  await page.getByLabel('Паспорт гражданина РФ').check();
  await page.getByRole('textbox', { name: 'Серия' }).fill('2710');
  await page.getByRole('textbox', { name: 'Номер', exact: true }).fill('12345');
  await page.getByLabel('Дата выдачи').fill('2010-06-01');
  await page.getByRole('textbox', { name: 'Кем выдан' }).fill('ОВД г. Светлогорска');
  await page.getByRole('textbox', { name: 'Код подразделения' }).fill('390-017');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await page.getByRole('alert').getByText('Номер паспорта — шесть цифр, например 123456').waitFor();
  await page.getByRole('textbox', { name: 'Номер', exact: true }).fill('123456');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await page.getByText('Запись добавлена').waitFor();
  const docs = page.getByRole('list', { name: 'Мои документы' });
  await docs.getByText('Серия 2710, № 123456, выдан 01.06.2010').waitFor();
  await docs.getByRole('button', { name: 'Изменить' }).click();
  await page.getByRole('textbox', { name: 'Кем выдан' }).fill('УФМС России по Калининградской области');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await page.getByText('Изменения сохранены').waitFor();
  await docs.getByText('Кем выдан: УФМС России по Калининградской области').waitFor();
  await assertAccessible(page, 'the documents tab');
  await screenshot(page, '14-documents');

  await tabs.getByRole('link', { name: 'Должности' }).click();
  await page.getByText('Места работы не указаны.').waitFor();
  await page.getByRole('button', { name: 'Добавить место работы' }).click();
  await page.getByRole('textbox', { name: 'Организация' }).fill('ООО «Светлогорский хлебозавод»');
  await page.getByRole('textbox', { name: 'Должность' }).fill('Технолог');
  await page.getByLabel('Дата начала работы').fill('2019-03-01');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  const positions = page.getByRole('list', { name: 'Должности' });
  await positions.getByText('ООО «Светлогорский хлебозавод»').waitFor();
  await positions.getByText('С 01.03.2019').waitFor();
  await assertAccessible(page, 'the positions tab');
  await positions.getByRole('button', { name: 'Удалить' }).click();
  await page.getByText('Места работы не указаны.').waitFor();
  await page.context().close();
});

test('two open tabs never silently overwrite each other', async () => {
  const a = await newPage(env.browser);
  await a.goto(env.portal.base + '/');
  await a.getByRole('link', { name: 'Войти через Госуслуги' }).click();
  await a.getByRole('button', { name: 'Войти как Смирнова Анна Сергеевна' }).click();
  await a.waitForURL('**/kabinet/zayavleniya');
  await a.goto(env.portal.base + '/kabinet/deti');
  await a.getByRole('button', { name: 'Добавить ребенка' }).click();
  await a.getByRole('textbox', { name: 'Фамилия' }).fill('Смирнова');
  await a.getByRole('textbox', { name: 'Имя', exact: true }).fill('Ева');
  await a.getByLabel('Дата рождения').fill('2021-09-15');
  await a.getByLabel('Женский').check();
  await a.getByRole('button', { name: 'Ок' }).click();
  await a.getByRole('link', { name: 'Смирнова Ева' }).click();
  await a.getByRole('heading', { level: 1, name: 'Ева Смирнова' }).waitFor();

  // The same child open in a second tab of the same browser.
  const b = await a.context().newPage();
  await b.goto(a.url());
  await b.getByRole('heading', { level: 1, name: 'Ева Смирнова' }).waitFor();

  const mainA = a.getByRole('region', { name: 'Основная информация' });
  await mainA.getByRole('button', { name: 'Редактировать' }).click();
  await mainA.getByRole('textbox', { name: 'Отчество' }).fill('Андреевна');
  await mainA.getByRole('button', { name: 'Сохранить' }).click();
  await a.getByText('Изменения сохранены').waitFor();

  const healthB = b.getByRole('region', { name: 'Информация о здоровье' });
  await healthB.getByRole('button', { name: 'Редактировать' }).click();
  await healthB.getByLabel('Группа здоровья').selectOption('I');
  await healthB.getByRole('button', { name: 'Сохранить' }).click();
  const alert = healthB.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Обновите страницу/);
  await screenshot(b, '15-stale-edit');
  await alert.getByRole('link', { name: 'Обновить страницу' }).click();
  await b.getByRole('heading', { level: 1, name: 'Ева Андреевна Смирнова' }).waitFor();
  await a.context().close();
});
