import { afterEach, describe, expect, it } from 'vitest';
import type { Desk } from '../../electron/services/desk';
import { intake, signedInDesk, value } from '../support/desk';

/**
 * The dossier screen's hand-over deadline (NĐ 118/2025 Đ18.2) for a paper dossier accepted and not yet forwarded:
 * shown with the dossier, turned late once passed, gone once the dossier is handed over; none for an online one.
 */
const desks: Desk[] = [];
afterEach(() => desks.splice(0).forEach((d) => d.close()));

interface Detail {
  lifecycle: { forwardBy: { dueAt: string; late: boolean } | null };
}

describe('the forwarding deadline on the dossier', () => {
  it('is the close of the day when accepted before 15:00, late after it, gone once forwarded', async () => {
    const t = await signedInDesk('2026-11-24T02:00:00Z'); // Tuesday 09:00 in Vietnam
    desks.push(t.desk);
    const { id } = value(await t.gate.call(t.admin, 'createDossier', { ...intake(), accept: true })) as { id: number };
    const get = async () => (value(await t.gate.call(t.admin, 'getDossier', { id })) as Detail).lifecycle.forwardBy;
    const due = await get();
    expect(due?.late).toBe(false);
    // The close of Tuesday's afternoon session, in Vietnam.
    expect(new Date(due!.dueAt).toISOString().slice(0, 10)).toBe('2026-11-24');
    expect(new Date(due!.dueAt).getTime()).toBeGreaterThan(Date.parse('2026-11-24T09:00:00Z')); // after 16:00
    t.clock.set('2026-11-25T01:00:00Z'); // Wednesday 08:00
    value(await t.gate.call(t.admin, 'unlockSession', { password: 'MotCua2026' })); // the idle lock, hours later
    expect(await get()).toEqual({ dueAt: due!.dueAt, late: true });
    value(await t.gate.call(t.admin, 'applyDossierAction', { id, action: { type: 'forward', to: 'external', recipient: 'Phòng Tư pháp' } }));
    expect(await get()).toBeNull();
  });

  it('the next morning session when accepted after 15:00; none before acceptance', async () => {
    const t = await signedInDesk('2026-11-24T09:00:00Z'); // Tuesday 16:00
    desks.push(t.desk);
    const { id } = value(await t.gate.call(t.admin, 'createDossier', { ...intake() })) as { id: number };
    const get = async () => (value(await t.gate.call(t.admin, 'getDossier', { id })) as Detail).lifecycle.forwardBy;
    expect(await get()).toBeNull();
    value(await t.gate.call(t.admin, 'acceptDossier', { id }));
    const due = await get();
    expect(due?.late).toBe(false);
    expect(due!.dueAt.slice(0, 10)).toBe('2026-11-25');
    expect(new Date(due!.dueAt).getTime()).toBeLessThan(Date.parse('2026-11-25T06:00:00Z')); // before Wednesday 13:00
  });
});
