import type { LetterInput, LetterKey } from '../domain/feedback-rules';
import { fixed, freeTextFactory, type Block, type ExportDocument } from './document';
import { PROFILE_PURPOSE, type ProjectedExport } from './profiles';

/**
 * The referrer letter as an export document (PRIVACY.md "referrer feedback"): that the referral
 * was received, whether the team takes it up, who the contact is, and at closure ONE line of
 * outcome. Everything but that outcome line is made by the app from structured values; the
 * outcome is typed by a worker, so it is free text and goes through the scanner and the review
 * like every narrative in a meeting pack (a street and house number, a postcode, a date or an
 * IBAN in it is flagged and replaced unless the user keeps it on purpose).
 *
 * The texts come from the caller (`t`): the feedback catalogue, in Dutch, like every export.
 */
export type LetterText = (key: LetterKey, vars?: Readonly<Record<string, string>>) => string;

/** The first non-empty line of the outcome, at most 200 characters: "one line" is the allowlist. */
export function outcomeLine(outcome: string | undefined): string | undefined {
  const first = (outcome ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  if (!first) return undefined;
  return first.length > 200 ? `${first.slice(0, 199)}…` : first;
}

export function projectReferrerLetter(input: LetterInput, t: LetterText, formatDate: (iso: string) => string, madeOn: string): ProjectedExport {
  const free = freeTextFactory();
  const scan = { names: input.memberNames };
  const meta = PROFILE_PURPOSE.referrer_letter;
  const facts = [t('received', { date: formatDate(input.referralDate) })];
  if (input.decision) facts.push(t(`decision.${input.decision}`));
  if (input.kind === 'plan_made') facts.push(t('planMade'));
  if (input.kind === 'closure') facts.push(t('closure'));
  const outcome = input.kind === 'closure' ? outcomeLine(input.outcome) : undefined;
  const blocks: Block[] = [
    { type: 'paragraph', text: fixed(input.referrerName ? t('greetingNamed', { name: input.referrerName }) : t('greeting')) },
    { type: 'paragraph', text: fixed(facts.join('\n')) },
    ...(outcome ? [{ type: 'paragraph' as const, text: free(t('outcome', { outcome }), scan) }] : []),
    ...(input.contactName ? [{ type: 'paragraph' as const, text: fixed(t('contact', { name: input.contactName })) }] : []),
    { type: 'paragraph', text: fixed(t('privacy')) },
    { type: 'paragraph', text: fixed([t('closing'), t('team', { team: input.teamName ?? '' }).trim()].filter(Boolean).join('\n')) },
  ];
  const document: ExportDocument = {
    purposeId: 'referrer_letter',
    title: meta.title,
    purpose: meta.purpose,
    audience: input.referrerName ? `${meta.audience}: ${input.referrerName}` : meta.audience,
    date: formatDate(madeOn),
    madeOn: formatDate(madeOn),
    sections: [{ id: 'letter', title: fixed(t(`subject.${input.kind}`)), blocks }],
  };
  // The letter is about one household; its id goes to the audit log, never into the letter.
  return { profile: 'referrer_letter', document, householdIds: [input.householdId], excluded: [] };
}
