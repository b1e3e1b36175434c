import type { UseFormRegisterReturn } from 'react-hook-form';
import { Field } from '../../ui/Field';

/** The server administrator's name and password, as the connect and invite screens ask for them. */
export function AdminFields(props: {
  name: UseFormRegisterReturn;
  password: UseFormRegisterReturn;
  errors: { name?: string | undefined; password?: string | undefined };
}) {
  return (
    <>
      <Field label="Administrator’s name" error={props.errors.name}>
        {(control) => <input {...control} {...props.name} autoComplete="off" spellCheck={false} />}
      </Field>
      <Field label="Administrator’s password" error={props.errors.password}>
        {(control) => <input {...control} {...props.password} type="password" autoComplete="off" />}
      </Field>
    </>
  );
}

/** A new password of the person's own, typed twice, as connecting and joining ask for it. */
export function NewPasswordFields(props: {
  password: UseFormRegisterReturn;
  repeat: UseFormRegisterReturn;
  errors: { password?: string | undefined; repeat?: string | undefined };
}) {
  return (
    <>
      <Field label="New password" error={props.errors.password}>
        {(control) => <input {...control} {...props.password} type="password" autoComplete="new-password" />}
      </Field>
      <Field label="New password again" error={props.errors.repeat}>
        {(control) => <input {...control} {...props.repeat} type="password" autoComplete="new-password" />}
      </Field>
    </>
  );
}
