import type { FormRule as Rule } from 'antd';
import type { TranslateFn } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { isDecimalAmount } from './money';
import { checkCreditCode, isValidEmail, isValidWebsite, withHttpScheme, type CreditCodeProblem } from './validators';

/** antd Form rules for the shared validators, with translated messages. */
export function requiredRule(t: TranslateFn): Rule {
  return { required: true, whitespace: true, message: t('validation.required') };
}

export function emailRule(t: TranslateFn): Rule {
  return {
    validator: (_rule, value: unknown) =>
      typeof value !== 'string' || value.trim() === '' || isValidEmail(value)
        ? Promise.resolve()
        : Promise.reject(new Error(t('validation.email'))),
  };
}

export function websiteRule(t: TranslateFn): Rule {
  return {
    validator: (_rule, value: unknown) =>
      typeof value !== 'string' || value.trim() === '' || isValidWebsite(withHttpScheme(value))
        ? Promise.resolve()
        : Promise.reject(new Error(t('validation.website'))),
  };
}

/** Webhook targets must be full URLs; no scheme is added for the user. */
export function urlRule(t: TranslateFn): Rule {
  return {
    validator: (_rule, value: unknown) =>
      typeof value !== 'string' || value.trim() === '' || isValidWebsite(value)
        ? Promise.resolve()
        : Promise.reject(new Error(t('validation.url'))),
  };
}

const CREDIT_CODE_MESSAGES: Record<CreditCodeProblem, MessageKey> = {
  length: 'validation.creditCodeLength',
  characters: 'validation.creditCodeCharacters',
  checksum: 'validation.creditCodeChecksum',
};

export function creditCodeRule(t: TranslateFn): Rule {
  return {
    validator: (_rule, value: unknown) => {
      if (typeof value !== 'string' || value.trim() === '') return Promise.resolve();
      const problem = checkCreditCode(value);
      return problem ? Promise.reject(new Error(t(CREDIT_CODE_MESSAGES[problem]))) : Promise.resolve();
    },
  };
}

export function amountRule(t: TranslateFn): Rule {
  return {
    validator: (_rule, value: unknown) =>
      typeof value !== 'string' || value.trim() === '' || isDecimalAmount(value)
        ? Promise.resolve()
        : Promise.reject(new Error(t('validation.amount'))),
  };
}
