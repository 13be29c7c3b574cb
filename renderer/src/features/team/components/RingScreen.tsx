import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { placementOf, suggestedRing, tableSize } from '@shared/domain/partner-rules';
import { PlacementDraftSchema, type Organisation, type Placement } from '@shared/domain/partners';
import { href } from '../../../app/router';
import { useI18n } from '../../../i18n';
import type { FieldErrors } from '../../../ui/errors';
import { SelectField, TextArea } from '../../../ui/Field';
import { useLoadExampleTeam, usePlaceOrganisation } from '../mutations';
import { useContacts, useMembers, useOrganisations, usePlacements, useTeamSettings } from '../queries';
import { teamFieldErrors } from './errors';
import { TeamSaveError } from './SaveError';
import { POSITIONS, positionOf, splitPosition, type Position } from './geometry';
import { TeamNav } from './TeamNav';
import { TeamRingView } from './TeamRingView';
import { FormActions } from '../../../ui/FormActions';

/** The team's rings: who sits at the table, who around it, who flies in — and why. */
export function RingScreen() {
  const { t, tx } = useI18n();
  const settings = useTeamSettings();
  const orgs = useOrganisations();
  const placements = usePlacements();
  const members = useMembers();
  const contacts = useContacts();
  const loadExample = useLoadExampleTeam();
  const [selection, setSelection] = useState<{ id: string; target?: Position | undefined } | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');

  const ready = !orgs.isLoading && !placements.isLoading && !members.isLoading && !contacts.isLoading && !settings.isLoading;
  const orgList = useMemo(() => orgs.data ?? [], [orgs.data]);
  const placementList = useMemo(() => placements.data ?? [], [placements.data]);
  const table = tableSize(members.data ?? [], contacts.data ?? [], placementList);
  const unplaced = orgList.filter((o) => !placementOf(placementList, o.id));
  const selectedOrg = orgList.find((o) => o.id === selection?.id);

  if (!ready) return <p>{t('common.loading')}</p>;

  return (
    <section aria-labelledby="team-title" data-ready="team-rings">
      <div className="page-head">
        <h1 id="team-title">
          {settings.data ? t('team.ring.title', { name: settings.data.name }) : t('team.ring.titleNoTeam')}
          {settings.data?.example ? <span className="badge badge--example">{t('team.example.badge')}</span> : null}
        </h1>
      </div>
      <TeamNav />
      {!settings.data ? (
        <p className="notice">
          {t('team.setup.notConfigured')} <a href={href('/team/setup')}>{t('team.setup.start')}</a>
        </p>
      ) : null}
      {table.overLimit ? (
        <p className="warning" role="status" data-testid="table-warning">
          {t('team.ring.tooBig', { count: table.size, limit: table.limit })}
        </p>
      ) : null}
      {orgList.length === 0 ? (
        <div className="empty">
          <p>{t('team.ring.empty')}</p>
          <div className="form-actions form-actions--center">
            <a className="button" href={href('/team/organisations')}>
              {t('team.org.add')}
            </a>
            <button type="button" className="button button--secondary" disabled={loadExample.isPending} onClick={() => loadExample.mutate()}>
              {t('team.example.load')}
            </button>
          </div>
          <p className="muted">{t('team.example.hint')}</p>
          <TeamSaveError error={loadExample.error} />
        </div>
      ) : (
        <div className="ring-layout">
          <TeamRingView
            organisations={orgList}
            placements={placementList}
            tableSize={table.size}
            selectedId={selection?.id}
            onSelect={(id, target) => setSelection({ id, target })}
          />
          <aside className="ring-panel" aria-labelledby="ring-panel-title">
            {selectedOrg ? (
              <MovePanel
                key={`${selectedOrg.id}-${selection?.target ?? ''}`}
                org={selectedOrg}
                placement={placementOf(placementList, selectedOrg.id)}
                target={selection?.target}
                onDone={(message) => {
                  const id = selectedOrg.id;
                  setSelection(undefined);
                  if (message) setAnnouncement(message);
                  requestAnimationFrame(() => document.querySelector<SVGGElement>(`[data-org="${id}"]`)?.focus());
                }}
              />
            ) : (
              <>
                <h2 id="ring-panel-title">{t('team.ring.panelTitle')}</h2>
                <p className="muted">{t('team.ring.panelHint')}</p>
                <dl className="ring-legend">
                  {(['binnenring', 'buitenring', 'invliegen'] as const).map((r) => (
                    <div key={r}>
                      <dt>
                        <span className={`legend-dot legend-dot--${r}`} aria-hidden="true" /> {tx(`team.ring.${r}`)}
                      </dt>
                      <dd>{tx(`team.ring.${r}Explain`)}</dd>
                    </div>
                  ))}
                </dl>
                <p className="muted">{t('team.ring.tableCount', { count: table.size, members: table.members, contacts: table.contacts })}</p>
              </>
            )}
            <p className="visually-hidden" aria-live="polite">
              {announcement}
            </p>
          </aside>
        </div>
      )}
      {unplaced.length > 0 ? (
        <section aria-labelledby="unplaced-title">
          <h2 id="unplaced-title">{t('team.ring.unplaced', { count: unplaced.length })}</h2>
          <ul className="chips">
            {unplaced.map((o) => (
              <li key={o.id}>
                <button type="button" className="button button--secondary" onClick={() => setSelection({ id: o.id, target: positionOf({ ring: suggestedRing(o.type), shell: 'eerste' }) })}>
                  {t('team.ring.place', { name: o.name })}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}

/** Move an organisation to another ring: a placement is a choice, so a reason is asked every time. */
function MovePanel({
  org,
  placement,
  target,
  onDone,
}: Readonly<{ org: Organisation; placement: Placement | undefined; target: Position | undefined; onDone: (message?: string) => void }>) {
  const { t, tx } = useI18n();
  const place = usePlaceOrganisation();
  const current = positionOf(placement);
  const [position, setPosition] = useState<Position>(target ?? current ?? 'binnenring');
  const [reason, setReason] = useState(target && target !== current ? '' : (placement?.reason ?? ''));
  const [errors, setErrors] = useState<FieldErrors>({});
  const firstRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // Arrow keys already chose the ring: go straight to the reason; otherwise start at the ring.
    const el = firstRef.current?.querySelector<HTMLElement>(target ? 'textarea' : 'select');
    el?.focus();
  }, [target]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const draft = { organisationId: org.id, ...splitPosition(position), reason };
    const parsed = PlacementDraftSchema.safeParse(draft);
    if (!parsed.success) {
      setErrors(teamFieldErrors(parsed.error));
      return;
    }
    try {
      await place.mutateAsync(draft);
    } catch {
      return; // shown next to the button (TeamSaveError); nothing was written
    }
    onDone(t('team.ring.moved', { name: org.name, ring: tx(`team.position.${position}`) }));
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="ring-panel-title" data-ready="move-panel">
      <h2 id="ring-panel-title">{t('team.ring.moveTitle', { name: org.name })}</h2>
      <p className="muted">
        {current ? t('team.ring.now', { ring: tx(`team.position.${current}`) }) : t('team.ring.notPlaced')}
        {placement ? ` — ${placement.reason}` : ''}
      </p>
      <div ref={firstRef}>
        <SelectField
          label={t('team.ring.moveTo')}
          value={position}
          onChange={(e) => setPosition(e.target.value as Position)}
          options={POSITIONS.map((p) => ({ value: p, label: tx(`team.position.${p}`) }))}
          error={errors.ring ?? errors.shell}
        />
        <TextArea
          label={t('team.ring.reason')}
          hint={t('team.ring.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={errors.reason}
          required
          rows={3}
        />
      </div>
      <TeamSaveError error={place.error} />
      <FormActions submitLabel={t('team.ring.moveSave')} pending={place.isPending} onCancel={onDone} />
    </form>
  );
}
