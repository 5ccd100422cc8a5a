import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, planSearch } from '../../../electron/core/search-plan';

describe('planSearch', () => {
  it('sends names to the folded FTS with the last word as a prefix', () => {
    expect(planSearch('nguyen thi phuc')).toEqual({ kind: 'name', match: '"nguyen" "thi" "phuc"*' });
    expect(planSearch('Đức')).toEqual({ kind: 'name', match: '"duc"*' });
    expect(planSearch('NGUYỄN THỊ PHÚC')).toEqual({ kind: 'name', match: '"nguyen" "thi" "phuc"*' });
  });
  it('cannot be turned into FTS syntax by quotes or operators', () => {
    expect(planSearch('a" OR "b')).toEqual({ kind: 'name', match: '"a" "or" "b"*' });
    expect(planSearch('***')).toEqual({ kind: 'none' });
  });
  it('recognises dossier codes, ID numbers and phones', () => {
    expect(planSearch('000.00.06.h56-2310')).toEqual({ kind: 'code', prefix: '000.00.06.H56-2310' });
    expect(planSearch('038196')).toEqual({ kind: 'digits', prefix: '038196' });
    expect(planSearch('+84 912 345')).toEqual({ kind: 'digits', prefix: '0912345' });
    expect(planSearch('   ')).toEqual({ kind: 'page' });
  });
});

describe('cursors', () => {
  it('round-trip and ignore foreign or stale cursors', () => {
    const c = encodeCursor('page', { key: 1_764_000_000_000, id: 42 });
    expect(decodeCursor(c, 'page')).toEqual({ key: 1_764_000_000_000, id: 42 });
    expect(decodeCursor(encodeCursor('name', { key: null, id: 9 }), 'name')).toEqual({ key: null, id: 9 });
    const due = { sort: 'due', direction: 'asc' } as const;
    const d = encodeCursor('page', { key: null, id: 7 }, due);
    expect(decodeCursor(d, 'page', due)).toEqual({ key: null, id: 7 });
    expect(decodeCursor(d, 'page')).toBeNull(); // a cursor never continues a list sorted another way
    expect(decodeCursor(c, 'name')).toBeNull();
    expect(decodeCursor('garbage', 'page')).toBeNull();
    expect(decodeCursor(undefined, 'page')).toBeNull();
  });
});
