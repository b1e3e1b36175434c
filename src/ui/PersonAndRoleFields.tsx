import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import type { Person, ViewingAsFormValues } from '../domain/person';
import { roleLabels, roles } from '../domain/role';
import { Field } from './Field';

/** The two fields of "who is using the app": a person already on this device, and a role. */
export function PersonAndRoleFields({
  people,
  register,
  errors,
}: {
  people: readonly Person[];
  register: UseFormRegister<ViewingAsFormValues>;
  errors: FieldErrors<ViewingAsFormValues>;
}) {
  return (
    <>
      <Field label="Person" error={errors.personId?.message}>
        {(control) => (
          <select {...control} {...register('personId')}>
            <option value="">Choose a person…</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Role" error={errors.role?.message}>
        {(control) => (
          <select {...control} {...register('role')}>
            {roles.map((option) => (
              <option key={option} value={option}>
                {roleLabels[option]}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
