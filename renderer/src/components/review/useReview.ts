import { useCallback, useEffect, useMemo, useState } from 'react';
import { contract, type DossierComponent, type DossierDetail, type MethodInput, type Verdict } from '../../../../electron/contract';
import { call } from '../../api';
import { fieldProblems } from '../../lib/formErrors';

export interface VerdictDraft {
  verdict: Verdict | null;
  reason: string;
}

export interface ReviewState {
  /** The verdict shown for a component: the officer's unsaved edit, else what the desk holds. */
  current(c: DossierComponent): VerdictDraft;
  setVerdict(position: number, verdict: Verdict | null): void;
  setReason(position: number, reason: string): void;
  /** Positions edited and not saved yet. */
  dirty: number[];
  /** Messages under a component's reason (contract or desk), by position. */
  errors: Record<number, string>;
  /** A refusal that names no component. */
  alert: string | undefined;
  saving: boolean;
  /** Saves the edits (reviewComponents). Returns the new detail, `null` when nothing needed saving, undefined when refused. */
  save(): Promise<DossierDetail | null | undefined>;
  /** Components now marked thiếu or không hợp lệ, in checklist order, with the reason as typed. */
  problems: { component: DossierComponent; verdict: 'missing' | 'invalid'; reason: string }[];
  counts: Record<Verdict | 'pending', number>;
}

const savedDraft = (c: DossierComponent): VerdictDraft => ({ verdict: c.verdict, reason: c.verdictReason ?? '' });
const same = (a: VerdictDraft, b: VerdictDraft) => a.verdict === b.verdict && a.reason.trim() === b.reason.trim();

/**
 * The officer's verdicts per component (đạt / thiếu / không hợp lệ, with a reason), edited on the screen and saved in
 * one reviewComponents call. The supplement request (Mẫu 02) is built from `problems`.
 */
export function useReview(detail: DossierDetail | undefined): ReviewState {
  const [drafts, setDrafts] = useState<Record<number, VerdictDraft>>({});
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [alert, setAlert] = useState<string>();
  const [saving, setSaving] = useState(false);
  const components = useMemo(() => detail?.components ?? [], [detail]);

  // Once the desk holds what was typed (after a save and reload), the edit is no longer an edit.
  useEffect(() => {
    setDrafts((d) => {
      const next: Record<number, VerdictDraft> = {};
      let changed = false;
      for (const [key, draft] of Object.entries(d)) {
        const c = components.find((x) => x.position === Number(key));
        if (c && !same(draft, savedDraft(c))) next[Number(key)] = draft;
        else changed = true;
      }
      return changed ? next : d;
    });
  }, [components]);

  const current = useCallback((c: DossierComponent) => drafts[c.position] ?? savedDraft(c), [drafts]);

  const edit = useCallback(
    (position: number, patch: Partial<VerdictDraft>) => {
      const c = components.find((x) => x.position === position);
      if (!c) return;
      setDrafts((d) => ({ ...d, [position]: { ...(d[position] ?? savedDraft(c)), ...patch } }));
      setErrors((e) => {
        if (!(position in e)) return e;
        const next = { ...e };
        delete next[position];
        return next;
      });
      setAlert(undefined);
    },
    [components],
  );

  const dirty = useMemo(
    () => components.filter((c) => drafts[c.position] && !same(drafts[c.position]!, savedDraft(c))).map((c) => c.position),
    [components, drafts],
  );

  const save = useCallback(async (): Promise<DossierDetail | null | undefined> => {
    if (!detail || dirty.length === 0) return null;
    const verdicts = dirty.map((position) => {
      const d = drafts[position]!;
      const reason = d.reason.trim();
      // A reason belongs to thiếu / không hợp lệ; one left over from an earlier verdict is not sent with đạt.
      return reason && (d.verdict === 'missing' || d.verdict === 'invalid') ? { position, verdict: d.verdict, reason } : { position, verdict: d.verdict };
    });
    const input: MethodInput<'reviewComponents'> = { id: detail.dossier.id, verdicts };
    // Each problem goes under its component: 'verdicts.2.reason' is the third verdict sent.
    const place = (problems: { path: string; message: string }[]): boolean => {
      const byPosition: Record<number, string> = {};
      const rest: string[] = [];
      for (const p of problems) {
        const m = /^verdicts\.(\d+)/.exec(p.path);
        const position = m ? verdicts[Number(m[1])]?.position : undefined;
        if (position !== undefined) byPosition[position] ??= p.message;
        else rest.push(p.message);
      }
      setErrors(byPosition);
      if (rest.length > 0) setAlert(rest.join('; '));
      return Object.keys(byPosition).length > 0 || rest.length > 0;
    };
    const parsed = contract.reviewComponents.input.safeParse(input);
    if (!parsed.success) {
      place(parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
      return undefined;
    }
    setSaving(true);
    const result = await call('reviewComponents', input);
    setSaving(false);
    if (!result.ok) {
      const problems = fieldProblems(result.error);
      if (problems.length === 0 || !place(problems)) setAlert(result.error.message);
      return undefined;
    }
    setErrors({});
    setAlert(undefined);
    return result.value;
  }, [detail, dirty, drafts]);

  const problems = useMemo(
    () =>
      components.flatMap((c) => {
        const d = drafts[c.position] ?? savedDraft(c);
        return d.verdict === 'missing' || d.verdict === 'invalid' ? [{ component: c, verdict: d.verdict, reason: d.reason.trim() }] : [];
      }),
    [components, drafts],
  );

  const counts = useMemo(() => {
    const out: Record<Verdict | 'pending', number> = { ok: 0, missing: 0, invalid: 0, pending: 0 };
    for (const c of components) out[(drafts[c.position] ?? savedDraft(c)).verdict ?? 'pending'] += 1;
    return out;
  }, [components, drafts]);

  return {
    current,
    setVerdict: (position, verdict) => edit(position, { verdict }),
    setReason: (position, reason) => edit(position, { reason }),
    dirty,
    errors,
    alert,
    saving,
    save,
    problems,
    counts,
  };
}
