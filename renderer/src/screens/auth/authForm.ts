import type { FormInstance } from 'antd';
import { contract, type MethodInput, type MethodName, type MethodOutput } from '../../../../electron/contract';
import { call } from '../../api';
import { checkWithSchema, fieldProblems, showFieldProblems } from '../../lib/formErrors';

/**
 * The small session forms (sign in, unlock, change password, first admin): the contract's check, the call, and
 * every refusal under a field — the field the desk names, else `fallback` (the password, where the officer looks).
 */
export async function submitSessionForm<M extends MethodName>(
  form: FormInstance,
  method: M,
  input: MethodInput<M>,
  fallback: (string | number)[],
  mapPath: (path: string) => string = (p) => p,
): Promise<MethodOutput<M> | undefined> {
  const unmatched = checkWithSchema(form, contract[method].input, input);
  if (unmatched !== null) {
    if (unmatched.length > 0) form.setFields([{ name: fallback, errors: unmatched.map((p) => p.message) }]);
    return undefined;
  }
  const r = await call(method, input);
  if (r.ok) return r.value;
  const problems = fieldProblems(r.error).map((p) => ({ ...p, path: mapPath(p.path) }));
  const rest = showFieldProblems(form, problems);
  if (problems.length === 0 || rest.length > 0) {
    form.setFields([{ name: fallback, errors: [rest[0]?.message ?? r.error.message] }]);
    form.scrollToField(fallback, { focus: true });
  }
  return undefined;
}

/** Marks the confirmation field when it differs; true when both match. */
export function confirmMatches(form: FormInstance, value: string | undefined, confirm: string | undefined, confirmName: (string | number)[], message: string): boolean {
  if ((value ?? '') === (confirm ?? '')) return true;
  form.setFields([{ name: confirmName, errors: [message] }]);
  form.scrollToField(confirmName, { focus: true });
  return false;
}
