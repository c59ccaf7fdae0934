// Everything the LOA legally or practically needs, checked at once: the agent gets ONE error
// listing every missing field, not a fix-one-retry loop.
import { DeskError } from '../../../shared/errors';
import { btnStranded, numberLines, toPort, type PacketInput } from './model';

export function missingFields(
  input: Pick<PacketInput, 'kase' | 'billNumbers'>,
): { path: string; message: string }[] {
  const k = input.kase;
  const issues: { path: string; message: string }[] = [];
  const need = (path: string, value: string | null | undefined, label: string): void => {
    if (!value || !value.trim()) issues.push({ path, message: `${label} is required` });
  };
  need('customer.accountName', k.customer.accountName, 'Account name');
  need('customer.accountNumber', k.customer.accountNumber, 'Account number');
  need('customer.losingCarrier', k.customer.losingCarrier, 'Losing carrier');
  if (!k.customer.btn.trim()) issues.push({ path: 'customer.btn', message: 'BTN is required' });
  else if (k.customer.btn.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '').length !== 10)
    issues.push({ path: 'customer.btn', message: 'BTN must be a 10-digit number' });
  if (k.customer.wireless) need('customer.pin', k.customer.pin, 'Port-out PIN (wireless account)');
  need('serviceAddress.line1', k.serviceAddress.line1, 'Service address street');
  need('serviceAddress.city', k.serviceAddress.city, 'Service address city');
  need('serviceAddress.state', k.serviceAddress.state, 'Service address state');
  need('serviceAddress.zip', k.serviceAddress.zip, 'Service address ZIP');
  need('authorized.name', k.authorized.name, 'Authorized person name');
  if (toPort(numberLines(input)).length === 0)
    issues.push({ path: 'numbers', message: 'At least one number to port is required' });
  if (btnStranded(input) && !k.newBtn)
    issues.push({
      path: 'newBtn',
      message: 'New BTN is required: the BTN is ported while other numbers stay on the account',
    });
  return issues;
}

export function assertComplete(input: Pick<PacketInput, 'kase' | 'billNumbers'>): void {
  const issues = missingFields(input);
  if (issues.length === 0) return;
  throw new DeskError(
    'BAD_ARGUMENT',
    `The case is missing ${issues.length} required field${issues.length > 1 ? 's' : ''} for the LOA: ${issues.map((i) => i.message).join('; ')}.`,
    issues,
  );
}
