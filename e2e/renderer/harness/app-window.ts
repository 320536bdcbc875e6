// The sts-tray window as a user meets it, for the scenarios: its tabs, session rows, forms
// and dialogs, found by the ids, test ids and accessible names renderer/ documents.

import type { Locator, Page } from 'playwright-core';

export type Tab = 'sessions' | 'identities' | 'roles' | 'tools' | 'preferences' | 'activity';

export interface IdentityInput {
  readonly name: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly mfaSerial: string;
  readonly region: string;
}

export interface QuickInput {
  readonly roleName: string;
  readonly accounts: { readonly tes?: string; readonly stg?: string; readonly prd?: string };
  readonly externalId?: string;
  /** An account's own external ID (blank: the shared one). */
  readonly externalIds?: { readonly tes?: string; readonly stg?: string; readonly prd?: string };
}

export class AppWindow {
  constructor(readonly page: Page) {}

  tab(tab: Tab): Locator {
    return this.page.getByTestId(`tab-${tab}`);
  }

  async goTo(tab: Tab): Promise<void> {
    await this.tab(tab).click();
    await this.page.locator(`[data-testid="tab-${tab}"][aria-current="page"]`).waitFor();
  }

  /** The text of the whole window, as a user reads it. */
  text(): Promise<string> {
    return this.page.locator('body').innerText();
  }

  session(role: string): Locator {
    return this.page.getByTestId(`session-${role}`);
  }

  /** "Activate tes", "Copy export lines for tes": the per-role buttons' accessible names. */
  roleButton(action: 'Activate' | 'Renew' | 'Copy export lines for' | 'Sign out of', role: string): Locator {
    return this.page.getByRole('button', { name: `${action} ${role}`, exact: true });
  }

  /** The inline message under a form control (data-testid="error-<control id>"). */
  fieldError(controlId: string): Locator {
    return this.page.getByTestId(`error-${controlId}`);
  }

  get mfaDialog(): Locator {
    return this.page.getByTestId('mfa-dialog');
  }

  get mfaInput(): Locator {
    return this.page.locator('#mfa-code');
  }

  get mfaMessage(): Locator {
    return this.page.getByTestId('mfa-message');
  }

  get confirmDialog(): Locator {
    return this.page.getByTestId('confirm-dialog');
  }

  /** Types a code into the open MFA prompt the way a person does, digit by digit. */
  async typeMfaCode(code: string): Promise<void> {
    await this.mfaInput.waitFor();
    await this.mfaInput.pressSequentially(code);
  }

  async fillIdentity(input: IdentityInput): Promise<void> {
    await this.page.locator('#identity-name').fill(input.name);
    await this.page.locator('#identity-accessKeyId').fill(input.accessKeyId);
    await this.page.locator('#identity-secretAccessKey').fill(input.secretAccessKey);
    await this.page.locator('#identity-mfaSerial').fill(input.mfaSerial);
    await this.page.locator('#identity-region').fill(input.region);
  }

  async submitIdentity(): Promise<void> {
    await this.page.getByTestId('identity-form').getByRole('button', { name: 'Verify and add' }).click();
  }

  async fillQuick(input: QuickInput): Promise<void> {
    await this.page.locator('#quick-roleName').fill(input.roleName);
    for (const env of ['tes', 'stg', 'prd'] as const) {
      await this.page.locator(`#quick-${env}`).fill(input.accounts[env] ?? '');
      await this.page.locator(`#quick-externalIds-${env}`).fill(input.externalIds?.[env] ?? '');
    }
    await this.page.locator('#quick-externalId').fill(input.externalId ?? '');
  }

  async submitQuick(): Promise<void> {
    await this.page.getByTestId('quick-form').getByRole('button', { name: 'Add roles' }).click();
  }
}
