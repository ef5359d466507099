import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { TextField } from '../components/TextField';
import { fieldErrorText } from '../forms/fieldError';
import { useI18n } from '../i18n/i18n';
import { useAuth } from '../session/SessionContext';
import { describeLoginFailure, type LoginFailure } from './loginErrors';
import { loginFormSchema, type LoginFormValues } from './loginForm';

interface LoginFormProps {
  /** Prefills the dealer and username, for example after the session expired. */
  defaults?: Partial<LoginFormValues>;
  onSignedIn: () => void;
}

/** Dealer code, username and password; errors name the field in the advisor's language. */
export function LoginForm({ defaults, onSignedIn }: LoginFormProps) {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const [failure, setFailure] = useState<LoginFailure | null>(null);
  const { register, handleSubmit, formState, setError } = useForm<LoginFormValues>({
    resolver: zodResolver(loginFormSchema),
    defaultValues: { dealer: defaults?.dealer ?? '', username: defaults?.username ?? '', password: '' },
  });
  const { errors, isSubmitting } = formState;

  async function submit(values: LoginFormValues) {
    setFailure(null);
    try {
      await signIn(values);
      onSignedIn();
    } catch (error) {
      console.warn('sign-in failed', error);
      const described = describeLoginFailure(error);
      if (described.field) setError(described.field, { type: 'server' });
      setFailure(described);
    }
  }

  const errorFor = (name: keyof LoginFormValues) => {
    const error = errors[name];
    return error ? fieldErrorText(t, name, { message: error.message, type: error.type }) : undefined;
  };

  return (
    <form className="login-form" onSubmit={handleSubmit(submit)} noValidate>
      <TextField
        label={t('login.dealer')}
        hint={t('login.dealerHint')}
        error={errorFor('dealer')}
        autoComplete="organization"
        autoCapitalize="characters"
        spellCheck={false}
        {...register('dealer')}
      />
      <TextField
        label={t('login.username')}
        error={errorFor('username')}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        {...register('username')}
      />
      <TextField
        label={t('login.password')}
        type="password"
        error={errorFor('password')}
        autoComplete="current-password"
        {...register('password')}
      />
      {failure && <p className="notice notice--error" role="alert">{t(failure.key, failure.params)}</p>}
      <button type="submit" className="button button--primary button--large login-form__submit" disabled={isSubmitting}>
        {isSubmitting ? t('login.submitting') : t('login.submit')}
      </button>
    </form>
  );
}
