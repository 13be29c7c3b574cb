import {
  AssessmentDraftSchema,
  AssessmentSchema,
  IntakeDecisionDraftSchema,
  IntakeDraftSchema,
  IntakeSchema,
  NoteDraftSchema,
  NoteSchema,
  type Assessment,
  type AssessmentDraft,
  type Intake,
  type IntakeDecisionDraft,
  type IntakeDraft,
  type Note,
  type NoteDraft,
} from '@shared/domain/casefile';
import type { StoredRow, WijktafelDB } from '../../db';
import { getSession } from '../../session';
import { sealAudit, writeAudit } from '../audit/audit';
import { touchOpenHousehold } from '../households/touch';
import { newId, nowIso, open, seal } from '../kit';

/** A new signal about a household the team already knows (a first intake comes with the household). */
export async function addIntake(householdId: string, input: IntakeDraft): Promise<Intake> {
  const draft = IntakeDraftSchema.parse(input);
  const now = nowIso();
  const intake = IntakeSchema.parse({
    ...draft,
    id: newId(),
    householdId,
    decidedAt: draft.decision ? draft.date : undefined,
    createdAt: now,
  });
  const row = await seal('intakes', intake);
  const audit = await sealAudit({ action: 'household.update', entity: 'intake', entityId: intake.id });
  const db = getSession().db;
  await db.transaction('rw', [db.households, db.intakes, db.audit], async () => {
    await touchOpenHousehold(db, householdId, now);
    await db.intakes.add(row);
    await writeAudit(db, audit);
  });
  return intake;
}

/** Record the intake decision (oppakken / doorverwijzen / niet oppakken, with a reason). */
export async function decideIntake(householdId: string, intakeId: string, input: IntakeDecisionDraft): Promise<Intake> {
  const draft = IntakeDecisionDraftSchema.parse(input);
  const db = getSession().db;
  const existingRow = await db.intakes.get(intakeId);
  if (!existingRow || existingRow.householdId !== householdId) throw new Error('intake not found');
  const existing = await open('intakes', existingRow, IntakeSchema);
  const intake = IntakeSchema.parse({ ...existing, ...draft });
  const row = await seal('intakes', intake);
  const audit = await sealAudit({ action: 'household.update', entity: 'intake', entityId: intakeId });
  const now = nowIso();
  await db.transaction('rw', [db.households, db.intakes, db.audit], async () => {
    await touchOpenHousehold(db, householdId, now);
    await db.intakes.put(row);
    await writeAudit(db, audit);
  });
  return intake;
}

/** One life-domain score with its narrative. Scores are never overwritten: the history is the trend. */
export async function addAssessment(householdId: string, input: AssessmentDraft): Promise<Assessment> {
  const draft = AssessmentDraftSchema.parse(input);
  const now = nowIso();
  const assessment = AssessmentSchema.parse({ ...draft, id: newId(), householdId, createdAt: now });
  const row = await seal('assessments', assessment);
  const audit = await sealAudit({ action: 'household.update', entity: 'assessment', entityId: assessment.id });
  const db = getSession().db;
  await db.transaction('rw', [db.households, db.assessments, db.audit], async () => {
    await touchOpenHousehold(db, householdId, now);
    await db.assessments.add(row);
    await writeAudit(db, audit);
  });
  return assessment;
}

/** A note; `internal` notes are never exported (the export feature filters on it). */
export async function addNote(householdId: string, input: NoteDraft, authorId?: string): Promise<Note> {
  const draft = NoteDraftSchema.parse(input);
  const now = nowIso();
  const note = NoteSchema.parse({ ...draft, id: newId(), householdId, authorId, createdAt: now });
  const row = await seal('notes', note);
  const audit = await sealAudit({ action: 'household.update', entity: 'note', entityId: note.id });
  const db = getSession().db;
  await db.transaction('rw', [db.households, db.notes, db.audit], async () => {
    await touchOpenHousehold(db, householdId, now);
    await db.notes.add(row);
    await writeAudit(db, audit);
  });
  return note;
}

/** Add sealed notes inside a use case's transaction. */
export function addNoteRows(db: WijktafelDB, rows: readonly StoredRow[]): Promise<unknown> {
  return db.notes.bulkAdd([...rows]);
}

/** Add sealed assessments inside a use case's transaction. */
export function addAssessmentRows(db: WijktafelDB, rows: readonly StoredRow[]): Promise<unknown> {
  return db.assessments.bulkAdd([...rows]);
}

/** Add a sealed intake inside a use case's transaction (create-intake). */
export function addIntakeRow(db: WijktafelDB, row: StoredRow): Promise<unknown> {
  return db.intakes.add(row);
}
