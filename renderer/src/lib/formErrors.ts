import type { FormInstance } from 'antd';
import type { z } from 'zod';
import { contract, type DeskErrorShape, type MethodInput, type MethodName, type MethodOutput } from '../../../electron/contract';
import { call } from '../api/hooks';

export interface FieldProblem {
  path: string;
  message: string;
}

/** The envelope's per-field details ({ path: 'applicant.fullName', message }) when it has any. */
export function fieldProblems(error: DeskErrorShape): FieldProblem[] {
  if (!Array.isArray(error.details)) return [];
  return error.details.flatMap((d: unknown) => {
    if (typeof d !== 'object' || d === null) return [];
    const { path, message } = d as { path?: unknown; message?: unknown };
    return typeof path === 'string' && typeof message === 'string' ? [{ path, message }] : [];
  });
}

const issuesToProblems = (error: z.ZodError): FieldProblem[] =>
  error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));

/**
 * Puts each problem under its field ('applicant.fullName' → ['applicant', 'fullName'], 'components.0.originals' →
 * ['components', 0, 'originals']). `prefix` maps a contract path onto a nested form (Settings edits the agency at the
 * top level). Returns the problems that match no field, for an alert above the form.
 */
export function showFieldProblems(form: FormInstance, problems: FieldProblem[], prefix: (string | number)[] = []): FieldProblem[] {
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unmatched: FieldProblem[] = [];
  for (const p of problems) {
    const name = [...prefix, ...p.path.split('.').filter(Boolean).map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg))];
    if (name.length === 0 || !isRegistered(form, name)) {
      unmatched.push(p);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(p.message)) entry.errors.push(p.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  const first = byField.values().next().value;
  if (first) form.scrollToField(first.name, { block: 'center', focus: true });
  return unmatched;
}

function isRegistered(form: FormInstance, name: (string | number)[]): boolean {
  const key = name.join('.');
  return form.getFieldsError().some((f) => f.name.join('.') === key);
}

/**
 * Checks form values with the contract's own schema before they travel, so the officer sees the same Vietnamese
 * message under the field as the desk would send. Returns false (and marks the fields) when the values are refused.
 */
export function checkWithSchema(form: FormInstance, schema: z.ZodType, values: unknown, prefix: (string | number)[] = []): FieldProblem[] | null {
  const parsed = schema.safeParse(values);
  if (parsed.success) return null;
  return showFieldProblems(form, issuesToProblems(parsed.error), prefix);
}

/**
 * Fields have no antd rules (the contract validates), so a message set by showFieldProblems would stay while the
 * officer corrects the value. Wire this to the form's onValuesChange: an edited field drops its message.
 */
export function clearEditedErrors(form: FormInstance, changed: unknown): void {
  const names: (string | number)[][] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) if (v !== undefined) walk(v, [...path, Array.isArray(value) ? Number(k) : k]);
    }
    if (path.length > 0) names.push(path);
  };
  walk(changed, []);
  const stale = form.getFieldsError(names).filter((f) => f.errors.length > 0);
  if (stale.length > 0) form.setFields(stale.map((f) => ({ name: f.name, errors: [] })));
}

export interface SubmitOptions {
  /**
   * Maps a contract path onto the form's field names when the form is shaped differently from the input (a
   * supplement request's items are the ticked rows of the component list: 'action.items.0.reason' → 'picks.3.reason').
   */
  mapPath?: (path: string) => string;
}

/**
 * The submit path every form shares: check the input with the method's contract schema, call the desk, and put
 * refusals under their fields (an alert for what matches no field). Returns the value, or undefined when refused.
 */
export async function submitToDesk<M extends MethodName>(
  form: FormInstance,
  method: M,
  input: MethodInput<M>,
  setAlert: (message: string | undefined) => void,
  options: SubmitOptions = {},
): Promise<MethodOutput<M> | undefined> {
  setAlert(undefined);
  const mapPath = options.mapPath ?? ((path: string) => path);
  const remap = (problems: FieldProblem[]) => problems.map((p) => ({ ...p, path: mapPath(p.path) }));
  const parsed = contract[method].input.safeParse(input);
  if (!parsed.success) {
    const unmatched = showFieldProblems(form, remap(issuesToProblems(parsed.error)));
    if (unmatched.length > 0) setAlert(unmatched.map((p) => p.message).join('; '));
    return undefined;
  }
  const result = await call(method, input);
  if (result.ok) return result.value;
  const problems = remap(fieldProblems(result.error));
  const rest = showFieldProblems(form, problems);
  if (problems.length === 0 || rest.length > 0) setAlert(result.error.message);
  return undefined;
}

/**
 * The contract's check alone, before a form shows itself busy: a refusal is marked under its fields (an alert for
 * what matches no field) and false is returned, without a loading flash on the submit button.
 */
export function precheck<M extends MethodName>(form: FormInstance, method: M, input: MethodInput<M>, setAlert: (message: string | undefined) => void): boolean {
  const unmatched = checkWithSchema(form, contract[method].input, input);
  if (unmatched === null) return true;
  setAlert(unmatched.length > 0 ? unmatched.map((p) => p.message).join('; ') : undefined);
  return false;
}
