import type { Money } from '@baton/shared';
import { t } from '@/locale';
import { formatIsoDate } from '@/utils/format';
import type { FieldInput, KeyDateRow } from './item-form';

/** `1250000.50` → `1,250,000.50`, on the string: amounts are never floats. */
function groupDigits(amount: string): string {
  const [whole, decimals] = amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return decimals === undefined ? grouped : `${grouped}.${decimals}`;
}

function keyDateLines(rows: KeyDateRow[]): string {
  return rows.map((row) => `${formatIsoDate(row.date)}  ${row.what}`).join('\n');
}

/**
 * A stored field value as read-only text (money with its currency, dates
 * with their weekday, choices in words), or null when it is not filled in.
 */
export function displayValue(input: FieldInput, value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  switch (input.type) {
    case 'boolean':
      return value ? t.items.yes : t.items.no;
    case 'percent':
      return `${String(value)}${t.items.percent}`;
    case 'date':
      return formatIsoDate(String(value));
    case 'money': {
      const money = value as Money;
      return `${groupDigits(money.amount)} ${money.currency}`;
    }
    case 'choice': {
      const options: Record<string, string> = t.items.options[input.options];
      return options[String(value)] ?? String(value);
    }
    case 'keyDates':
      return Array.isArray(value) && value.length
        ? keyDateLines(value as KeyDateRow[]) : null;
    default:
      return String(value);
  }
}
