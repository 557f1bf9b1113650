import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM, isBot, mergeFormSettings, readSubmission, type FormSettings } from './public-form.js';

const form = (patch: Partial<FormSettings> = {}): FormSettings => ({ ...DEFAULT_FORM, ...patch });
const codes = (result: ReturnType<typeof readSubmission>) =>
  result.ok ? [] : result.errors.map((e) => `${e.field}:${e.code}`);

describe('public form settings', () => {
  it('shows every required field and keeps the canonical field order', () => {
    const result = mergeFormSettings(DEFAULT_FORM, { fields: ['message', 'email'], requiredFields: ['company'] });
    expect(result).toMatchObject({ ok: true, settings: { fields: ['email', 'company', 'message'], requiredFields: ['company'] } });
  });

  it('must ask for an e-mail or a phone, and consent needs its text', () => {
    const result = mergeFormSettings(DEFAULT_FORM, { fields: ['company'], consentRequired: true, consentText: '  ' });
    expect(result.ok ? [] : result.errors.map((e) => e.code)).toEqual(['FORM_NEEDS_EMAIL_OR_PHONE', 'FIELD_REQUIRED']);
  });
});

describe('reading a submission', () => {
  it('trims, lower-cases the e-mail, puts the phone in E.164 and keeps only the form’s fields', () => {
    const result = readSubmission(form({ fields: ['email', 'phone', 'company', 'message'] }), {
      name: ' 王建国 ', email: ' Wang@XingHe.CN ', phone: '138 0101 2345', company: '星河智造', title: 'CTO', message: '请联系我',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        lead: { name: '王建国', email: 'wang@xinghe.cn', phone: '+8613801012345', company: '星河智造' },
        message: '请联系我',
        consent: false,
      },
    });
  });

  it.each<[string, Partial<FormSettings>, Record<string, unknown>, string[]]>([
    ['no name', {}, { email: 'a@b.cn' }, ['name:FIELD_REQUIRED']],
    ['neither e-mail nor phone', {}, { name: 'A' }, ['email:FORM_EMAIL_OR_PHONE', 'phone:FORM_EMAIL_OR_PHONE']],
    ['only a phone is asked', { fields: ['phone'] }, { name: 'A', email: 'a@b.cn' }, ['phone:FORM_EMAIL_OR_PHONE']],
    ['a bad e-mail', {}, { name: 'A', email: 'not-an-email' }, ['email:FIELD_FORMAT_EMAIL']],
    ['a bad phone', {}, { name: 'A', phone: '12' }, ['phone:INVALID_PHONE']],
    ['a required company', { requiredFields: ['company'] }, { name: 'A', email: 'a@b.cn', company: ' ' }, ['company:FIELD_REQUIRED']],
    ['no consent', { consentRequired: true, consentText: 'I agree' }, { name: 'A', email: 'a@b.cn' }, ['consent:CONSENT_REQUIRED']],
  ])('refuses %s', (_case, settings, body, expected) => {
    expect(codes(readSubmission(form(settings), body))).toEqual(expected);
  });

  it('accepts a phone alone, and consent when given', () => {
    const result = readSubmission(form({ consentRequired: true, consentText: 'I agree' }), { name: 'A', phone: '010-6552 8888', consent: true });
    expect(result).toMatchObject({ ok: true, value: { lead: { phone: '+861065528888' }, consent: true } });
  });

  it('spots a filled honeypot', () => {
    expect(isBot({ name: 'x', website_url: 'http://spam.example' })).toBe(true);
    expect(isBot({ name: 'x', website_url: '' })).toBe(false);
    expect(isBot({ name: 'x' })).toBe(false);
  });
});
