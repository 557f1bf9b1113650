import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * A phone number in E.164 (+8613812345678), read with the tenant's default region so local
 * forms such as "138 1234 5678" or "010-6552 8888" work. Null when it is not a valid number.
 */
export function normalizePhone(input: string, defaultRegion: CountryCode = 'CN'): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultRegion);
  return parsed?.isValid() ? parsed.number : null;
}
