// Issue 15's team desk in real Chromium against a real PostgreSQL: two agents in two browser
// contexts on one desk. A creates a case from a bill and B sees it appear without reloading;
// both edit it and the second save gets the conflict banner; B sees that A has the case open; a
// lead assigns a case and the agent's "My cases" shows it; an agent cannot manage users (hidden
// in the UI, 403 from the server).
import type { Browser, Page } from '@playwright/test';
import { test, expect } from '@playwright/test';
import { textBillPdf } from '../integration/intake/fixtures';
import { hasPostgres, startTeamDesk, type TeamDesk } from './support/team';
import { expectAccessible, screen } from './support/ui';

test.describe.configure({ mode: 'serial', timeout: 180_000 });
test.skip(
  !hasPostgres(),
  'PostgreSQL is not installed here (no initdb/pg_ctl): the team desk specs need a throwaway server.',
);

let desk: TeamDesk;
test.beforeAll(async () => {
  desk = await startTeamDesk();
});
test.afterAll(async () => {
  await desk?.stop();
});

async function agentPage(browser: Browser, who: 'lead' | 'ann' | 'dana'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await desk.signIn(page, who);
  return page;
}

async function dropBill(page: Page, bytes: Uint8Array): Promise<void> {
  await page
    .getByTestId('bill-file-input')
    .first()
    .setInputFiles({
      name: 'bill.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(bytes),
    });
}

test('the sign-in page: labelled fields, a clear refusal, and nothing without a session', async ({
  page,
}) => {
  await page.goto(desk.origin + '/');
  await expect(page.getByRole('heading', { name: 'Sign in to the desk' })).toBeVisible();
  await screen(page, 'team-sign-in');
  await expectAccessible(page, 'sign-in page');
  await page.getByLabel('Email').fill('ann@desk.test');
  await page.getByLabel('Password').fill('not her password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
  await expect(page.getByLabel('Password')).toHaveValue('');
  const res = await page.request.post(`${desk.origin}/api/invoke/cases:list`, {
    data: {},
    headers: { Origin: desk.origin },
  });
  expect(res.status()).toBe(401);
});

test('two agents on one desk: a new case appears live, the second save conflicts, presence shows', async ({
  browser,
}) => {
  const ann = await agentPage(browser, 'ann');
  const dana = await agentPage(browser, 'dana');
  await dana.getByRole('link', { name: 'Cases' }).click();
  await expect(dana.getByText(/^0 cases/)).toBeVisible();

  // Ann starts a case from a bill.
  await dropBill(ann, await textBillPdf()); // the desk home's "Start from a bill"
  await expect(ann.getByRole('heading', { name: 'New case from a bill' })).toBeVisible({ timeout: 60_000 });
  await ann.getByRole('button', { name: 'Create case' }).click();
  await expect(ann).toHaveURL(/#\/cases\/\d+$/, { timeout: 60_000 });
  const id = Number(/#\/cases\/(\d+)/.exec(ann.url())![1]);

  // Dana's open list shows it without a reload.
  await expect(dana.getByText(/^1 case/)).toBeVisible({ timeout: 5_000 });
  await expect(dana.getByRole('row', { name: /Birchwood/i })).toBeVisible();

  // Both open it: each sees the other there.
  await dana.goto(`${desk.origin}/#/cases/${id}`);
  await expect(dana.getByText('Ann Ortega is viewing this case')).toBeVisible({ timeout: 10_000 });
  await expect(ann.getByText('Dana Reyes is viewing this case')).toBeVisible({ timeout: 10_000 });
  await screen(dana, 'team-case-presence');
  await expectAccessible(dana, 'case page with presence');

  // Both edit; Ann saves first; Dana's save (from the older version) gets the conflict banner.
  await ann.getByLabel('Account number', { exact: true }).fill('ANN-0001');
  await dana.getByLabel('Account number', { exact: true }).fill('DANA-0002');
  await ann.getByRole('button', { name: 'Save case' }).click();
  await expect(ann.getByText('Case saved.')).toBeVisible();
  await dana.getByRole('button', { name: 'Save case' }).click();
  await expect(
    dana.getByText('Not saved: this case was changed elsewhere. Your edits are kept.'),
  ).toBeVisible();
  await expect(dana.getByLabel('Account number', { exact: true })).toHaveValue('DANA-0002');
  await screen(dana, 'team-conflict');

  // The timeline names each agent.
  await ann.getByRole('link', { name: 'Timeline' }).click();
  await expect(ann.getByText(/Ann Ortega/).first()).toBeVisible();
  await ann.context().close();
  await dana.context().close();
});

test('a lead assigns a case and it shows in the agent\'s "My cases"; an agent takes an unassigned one', async ({
  browser,
}) => {
  const lead = await agentPage(browser, 'lead');
  const dana = await agentPage(browser, 'dana');
  const list = await lead.request.post(`${desk.origin}/api/invoke/cases:list`, {
    data: {},
    headers: { Origin: desk.origin },
  });
  const id = ((await list.json()) as { value: { items: { id: number }[] } }).value.items[0]!.id;

  await dana.getByRole('link', { name: 'Cases' }).click();
  await dana.getByLabel('Agent').selectOption('me');
  await expect(dana.getByText(/^0 cases/)).toBeVisible();

  await lead.goto(`${desk.origin}/#/cases/${id}`);
  await lead.getByLabel('Agent working this case').selectOption('dana@desk.test');
  await expect(lead.getByText('Assigned to Dana Reyes.')).toBeVisible();
  await expect(dana.getByText(/^1 case/)).toBeVisible({ timeout: 5_000 });
  await expect(dana.getByRole('row', { name: /Dana Reyes/ })).toBeVisible();
  await screen(dana, 'team-my-cases');
  await expectAccessible(dana, 'my cases');

  // The desk home shows each agent's open cases.
  await lead.getByRole('link', { name: 'Desk' }).click();
  await expect(lead.getByRole('row', { name: /Dana Reyes 1/ })).toBeVisible();
  await screen(lead, 'team-home');

  // Unassigned again; Dana takes it herself.
  await lead.goto(`${desk.origin}/#/cases/${id}`);
  await lead.getByLabel('Agent working this case').selectOption('');
  await expect(lead.getByText('Unassigned.')).toBeVisible();
  await dana.goto(`${desk.origin}/#/cases/${id}`);
  await dana.getByRole('button', { name: 'Take this case' }).click();
  await expect(dana.getByText('Assigned to you.')).toBeVisible();
  await lead.context().close();
  await dana.context().close();
});

test('an agent cannot manage users: hidden in the UI and refused by the server', async ({ browser }) => {
  const ann = await agentPage(browser, 'ann');
  await ann.getByRole('link', { name: 'Settings' }).click();
  await expect(ann.getByText('only a lead can change them')).toBeVisible();
  await expect(ann.getByRole('heading', { name: 'Team' })).toHaveCount(0);
  await expect(ann.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
  // the porting inbox's folder is the server's, and a lead's to choose
  await expect(ann.getByText('A lead of the desk chooses it.')).toBeVisible();
  await expect(ann.getByRole('button', { name: 'Watch' })).toHaveCount(0);
  for (const [channel, args] of [
    ['users:list', {}],
    ['users:add', { email: 'x@desk.test', name: 'X', role: 'lead', password: 'password 1234' }],
    ['settings:set', { deskProfile: { companyName: 'Hijacked' } }],
    ['inbox:setFolder', { folder: '/etc' }],
  ] as const) {
    const res = await ann.request.post(`${desk.origin}/api/invoke/${channel}`, {
      data: args,
      headers: { Origin: desk.origin },
    });
    expect(res.status(), channel).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
  }
  const lead = await agentPage(browser, 'lead');
  await lead.getByRole('link', { name: 'Settings' }).click();
  await expect(lead.getByRole('heading', { name: 'Team' })).toBeVisible();
  await expect(lead.getByRole('table', { name: 'Accounts' }).getByRole('row')).toHaveCount(4);
  await expect(lead.getByRole('button', { name: 'Watch' })).toBeVisible();
  await screen(lead, 'team-settings-lead');
  await expectAccessible(lead, 'team settings');
  await ann.context().close();
  await lead.context().close();
});
