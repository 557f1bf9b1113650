import type { Locale, User, UserInput } from '../api/types';

export interface UserFormValues {
  name: string;
  email: string;
  roleId?: string;
  teamId?: string | null;
  locale?: Locale | null;
  active: boolean;
  /** Only when creating: the first password (the user changes it later). */
  password?: string;
}

export const USER_FORM_FIELDS = ['name', 'email', 'roleId', 'teamId', 'locale', 'active', 'password'] as const;

export function toUserFormValues(user: User | null, defaultLocale: Locale): UserFormValues {
  if (!user) return { name: '', email: '', teamId: null, locale: defaultLocale, active: true };
  return {
    name: user.name,
    email: user.email,
    roleId: user.roleId,
    teamId: user.teamId,
    locale: user.locale,
    active: user.active,
  };
}

/** A new user: always active, with an optional first password. */
export function toNewUserInput(values: UserFormValues): UserInput {
  const password = values.password?.trim() ? values.password : undefined;
  return {
    name: values.name.trim(),
    email: values.email.trim().toLowerCase(),
    roleId: values.roleId ?? '',
    teamId: values.teamId ?? null,
    ...(values.locale ? { locale: values.locale } : {}),
    ...(password ? { password } : {}),
  };
}

/** The editable fields of an existing user (the password is the user's own business). */
export function toUserUpdate(values: UserFormValues): UserInput {
  return {
    name: values.name.trim(),
    email: values.email.trim().toLowerCase(),
    roleId: values.roleId ?? '',
    teamId: values.teamId ?? null,
    ...(values.locale ? { locale: values.locale } : {}),
    active: values.active,
  };
}

