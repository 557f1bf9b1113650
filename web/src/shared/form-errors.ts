import type { FieldError } from '../api/api-error';

export interface FormFieldError {
  /** antd Form name path: "registeredCapital.amount" → ["registeredCapital", "amount"]. */
  name: (string | number)[];
  errors: string[];
}

/** Splits an API field path ("phones[1]", "registeredCapital.amount", "phones.0") into a Form name path. */
export function toNamePath(field: string): (string | number)[] {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Groups server validation errors per form field. `knownFields` are the dotted paths of the form's
 * inputs ("name", "registeredCapital.amount"); an error on a deeper path ("phones.1") lands on the
 * closest input above it. Errors no input can show are returned apart, for a notification.
 */
export function mapFieldErrors(
  errors: readonly FieldError[],
  knownFields: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
): { fields: FormFieldError[]; unmatched: FieldError[] } {
  const byPath = new Map<string, FormFieldError>();
  const unmatched: FieldError[] = [];
  for (const error of errors) {
    const path = toNamePath(aliases[error.field] ?? error.field);
    let name: (string | number)[] | null = null;
    for (let length = path.length; length > 0 && name === null; length--) {
      const candidate = path.slice(0, length);
      if (knownFields.includes(candidate.join('.'))) name = candidate;
    }
    if (name === null) {
      unmatched.push(error);
      continue;
    }
    const key = name.join('.');
    const existing = byPath.get(key);
    // The server may report one problem several times (e.g. once per schema branch).
    if (existing) {
      if (!existing.errors.includes(error.message)) existing.errors.push(error.message);
    }
    else byPath.set(key, { name, errors: [error.message] });
  }
  return { fields: [...byPath.values()], unmatched };
}
