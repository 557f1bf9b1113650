import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';

/**
 * Recent readings. A bulk write reads each number twice (the import checks the cell, the record
 * store normalises the field) and parsing is the costly part of either; bounded, so it never grows.
 */
const recent = new Map<string, string | null>();
const RECENT_MAX = 20_000;

/**
 * A phone number in E.164 (+8613812345678), read with the tenant's default region so local
 * forms such as "138 1234 5678" or "010-6552 8888" work. Null when it is not a valid number.
 */
export function normalizePhone(input: string, defaultRegion: CountryCode = 'CN'): string | null {
  const key = `${defaultRegion}:${input}`;
  const known = recent.get(key);
  if (known !== undefined) return known;
  const parsed = parsePhoneNumberFromString(input.trim(), defaultRegion);
  const phone = parsed?.isValid() ? parsed.number : null;
  if (recent.size >= RECENT_MAX) recent.clear();
  recent.set(key, phone);
  // The normalised form reads as itself: the second reading of a bulk write finds it.
  if (phone) recent.set(`${defaultRegion}:${phone}`, phone);
  return phone;
}
