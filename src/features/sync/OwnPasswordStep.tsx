import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { signInAgainFormSchema, type SignInAgainFormValues } from '../../domain/syncForms';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Field } from '../../ui/Field';

interface OwnPasswordStepProps {
  /** What the link lets in, and whose password it needs. */
  children: ReactNode;
  submitLabel: string;
  /**
   * Signs in with the password and does the rest, saying each stage as it goes; resolves to a
   * sentence when it failed, or null when it is done.
   */
  onPassword: (password: string, setStage: (stage: string) => void) => Promise<string | null>;
}

/**
 * A new device's one step: the person's own password, then sign-in and taking the keys with each
 * stage shown, and a sentence if it failed (the partner's and the coordinator's new-device links).
 */
export function OwnPasswordStep({ children, submitLabel, onPassword }: OwnPasswordStepProps) {
  const [error, setError] = useState<string | null>(null);
  const [stage, setStage] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInAgainFormValues>({ resolver: zodResolver(signInAgainFormSchema), defaultValues: { password: '' } });

  const onSubmit = handleSubmit(async ({ password }) => {
    setError(null);
    const failed = await onPassword(password, setStage);
    setStage(null);
    if (failed) setError(failed);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="card">
      <p>{children}</p>
      <Field label="Your password" error={errors.password?.message}>
        {(control) => <input {...control} {...register('password')} type="password" autoComplete="current-password" />}
      </Field>
      <p role="status">{stage ? `${stage}…` : ''}</p>
      <ErrorMessage message={error} />
      <button type="submit" className="button button--primary" disabled={isSubmitting}>
        {submitLabel}
      </button>
    </form>
  );
}
