import { describe, expect, it } from 'vitest';
import { formatLine, redactFields, scrubText } from '../../../electron/desk/log';

describe('log redaction', () => {
  it('drops the text of any field outside the vocabulary (names, addresses, PINs)', () => {
    const out = redactFields({
      channel: 'cases:create',
      accountName: 'Zebulon Quartermaine',
      pin: '8642',
      name: 'Jo Smith',
      address: '12 Main St',
      ms: 12,
      ok: true,
    });
    expect(out).toEqual({
      channel: 'cases:create',
      accountName: '[redacted]',
      pin: '[redacted]',
      name: '[redacted]',
      address: '[redacted]',
      ms: 12,
      ok: true,
    });
  });

  it('scrubs digit runs and e-mail addresses from kept text', () => {
    expect(scrubText('PIN 8642 for (212) 555-0199, acct 7731-00042, jo@example.com')).toBe(
      'PIN # for #, acct #, [email]',
    );
    expect(scrubText('cases:create')).toBe('cases:create');
    expect(redactFields({ reason: 'PIN 8642 invalid' })).toEqual({ reason: 'PIN # invalid' });
  });

  it('writes one JSON object per line and refuses odd keys', () => {
    const line = formatLine('info', 'call', { channel: 'cases:get', id: 5, 'bad key': 'x' }, new Date(0));
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toEqual({
      t: '1970-01-01T00:00:00.000Z',
      level: 'info',
      event: 'call',
      channel: 'cases:get',
      id: 5,
    });
  });
});
