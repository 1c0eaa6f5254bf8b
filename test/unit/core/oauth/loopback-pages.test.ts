import { describe, expect, it } from 'vitest';
import { errorPage, successPage } from '../../../../main/core/oauth';

describe('the loopback pages', () => {
  it('send the app user back to Token Tray by default', () => {
    expect(successPage('Acme')).toContain('You can close this tab and return to Token Tray.');
    expect(errorPage('No.')).toContain('You can close this tab and return to Token Tray.');
  });

  it('send someone who ran pmtoken login back to the terminal', () => {
    const page = successPage('Acme', 'terminal');
    expect(page).toContain('You can close this tab and return to your terminal.');
    expect(page).toContain('pmtoken is now signed in to <strong>Acme</strong>');
    expect(page).not.toContain('return to Token Tray');
    expect(errorPage('No.', 'Try again.', 'terminal')).toContain('return to your terminal.');
  });
});
