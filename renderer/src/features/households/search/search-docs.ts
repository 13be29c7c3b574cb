import type { CaseFile } from '@shared/domain/casefile-rules';
import type { Household } from '@shared/domain/household';
import type { NarrativeBatch } from '../../../data/stores/casefile/narrative-reader';
import type { SearchDoc } from './search-core';

/** What is searchable per record: the words people wrote, never ids or codes. */
export function docsOfBatch(batch: NarrativeBatch): SearchDoc[] {
  switch (batch.table) {
    case 'intakes':
      return batch.records.map((r) => ({ id: `i:${r.id}`, householdId: r.householdId, text: r.question }));
    case 'assessments':
      return batch.records.map((r) => ({ id: `a:${r.id}`, householdId: r.householdId, text: r.narrative }));
    case 'goals':
      return batch.records.map((r) => ({ id: `g:${r.id}`, householdId: r.householdId, text: r.text }));
    case 'actions':
      return batch.records.map((r) => ({ id: `x:${r.id}`, householdId: r.householdId, text: [r.text, r.result ?? ''].join(' ') }));
    case 'notes':
      return batch.records.map((r) => ({ id: `n:${r.id}`, householdId: r.householdId, text: r.text }));
    case 'handovers':
      return batch.records.map((r) => ({ id: `o:${r.id}`, householdId: r.householdId, text: `${r.reason} ${r.note}` }));
  }
}

export function narrativeDocs(cf: CaseFile): SearchDoc[] {
  return [
    ...docsOfBatch({ table: 'intakes', records: [...cf.intakes] }),
    ...docsOfBatch({ table: 'assessments', records: [...cf.assessments] }),
    ...docsOfBatch({ table: 'goals', records: [...cf.goals] }),
    ...docsOfBatch({ table: 'actions', records: [...cf.actions] }),
    ...docsOfBatch({ table: 'notes', records: [...cf.notes] }),
    ...docsOfBatch({ table: 'handovers', records: [...cf.handovers] }),
  ];
}

export function nameDoc(h: Household): SearchDoc {
  const names = h.members.map((m) => `${m.firstName} ${m.lastName ?? ''}`).join(' ');
  return { id: `h:${h.id}`, householdId: h.id, text: `${h.displayName} ${names}` };
}
