import { memo, useState } from 'react';
import type { AccountSummary } from '../../shared/accounts';
import { displayName } from '../../shared/account-names';
import { nextHotp, select, startRename, useAccounts } from '../store/accounts';
import { openDetails } from '../store/navigation';
import { showError } from '../store/toasts';
import { togglePinned, useSettings } from '../store/settings';
import { IssuerAvatar } from '../ui/IssuerAvatar';
import { Icon } from '../ui/icons';
import { Code, LiveCode } from './Code';
import { Countdown } from './Countdown';
import { countdownScope } from './countdown-clock';
import { RenameForm } from './RenameForm';
import { copyAccountCode, deleteWithUndo } from './row-actions';

interface RowProps {
  account: AccountSummary;
  /** Where the row sits in the whole list (1-based) and the list's length, for assistive technology. */
  position: number;
  total: number;
  dragging: boolean;
  onDragStart: (id: string) => void;
  onDragEnd: () => void;
  onDrop: (id: string) => void;
}

export const AccountRow = memo(function AccountRow({ account, position, total, dragging, onDragStart, onDragEnd, onDrop }: RowProps) {
  const { id } = account;
  const selected = useAccounts((state) => state.selectedId === id);
  const renaming = useAccounts((state) => state.renamingId === id);
  const hotpCode = useAccounts((state) => state.hotpCodes[id]);
  const copied = useAccounts((state) => state.copiedId === id);
  const pinned = useAccounts((state) => state.pinned.includes(id));
  const iconChoice = useSettings((state) => state.settings?.accountIcons[id]);
  const [over, setOver] = useState(false);
  const name = displayName(account);
  const hotp = account.type === 'hotp';
  const tab = selected ? 0 : -1;

  if (renaming) {
    return (
      <li className="row row-selected" data-account-id={id} aria-posinset={position} aria-setsize={total}>
        <RenameForm account={account} />
      </li>
    );
  }

  return (
    <li
      className={`row${selected ? ' row-selected' : ''}${dragging ? ' row-dragging' : ''}${over ? ' row-drop' : ''}`}
      data-account-id={id}
      aria-posinset={position}
      aria-setsize={total}
      draggable
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', name);
        onDragStart(id);
      }}
      onDragEnd={onDragEnd}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        onDrop(id);
      }}
    >
      <button type="button" className="row-main" tabIndex={tab} aria-current={selected ? 'true' : undefined} onClick={() => {
          select(id);
          void copyAccountCode(id);
        }}
        onFocus={() => select(id)}
      >
        <IssuerAvatar issuer={account.issuer} label={account.label} choice={iconChoice} />
        <span className="row-text">
          <span className="row-issuer">
            {pinned ? <Icon name="star" className="row-pin" /> : null}
            {account.issuer || account.label}
            <span className="spoken-separator">, </span>
          </span>
          {account.issuer ? (
            <span className="row-label">
              {account.label}
              <span className="spoken-separator">, </span>
            </span>
          ) : null}
        </span>
        <span className="row-code" {...(hotp ? {} : countdownScope(account.period))}>
          {hotp ? hotpCode ? <Code code={hotpCode} /> : null : <LiveCode id={id} period={account.period} spokenSuffix={selected ? ', ' : ''} />}
          {hotp ? null : <Countdown period={account.period} spoken={selected} />}
          {copied ? (
            <span className="row-copied" aria-hidden="true">
              Copied <Icon name="check" />
            </span>
          ) : null}
        </span>
      </button>
      {account.type === 'hotp' ? (
        <button
          type="button"
          className="row-next"
          tabIndex={tab}
          aria-label={`Next code for ${name}`}
          title="Next code"
          onClick={() => {
            select(id);
            void nextHotp(id).then((error) => error && showError(error));
          }}
        >
          <Icon name="next" />
        </button>
      ) : null}
      <button
        type="button"
        className="row-more"
        tabIndex={-1}
        aria-label={`Actions for ${name}`}
        title="Rename, details, pin, delete"
        onClick={(event) => {
          select(id);
          event.currentTarget.closest('li')?.querySelector<HTMLButtonElement>('.row-actions .action')?.focus();
        }}
      >
        <Icon name="more" />
      </button>
      <span className="row-actions">
        <button type="button" className="action" tabIndex={tab} aria-label={`Rename ${name}`} title="F2" onClick={() => startRename(id)}>
          <Icon name="edit" />
          <span aria-hidden="true">Rename</span>
        </button>
        <button type="button" className="action" tabIndex={tab} aria-label={`Details of ${name}`} onClick={() => openDetails(id)}>
          <Icon name="info" />
          <span aria-hidden="true">Details</span>
        </button>
        <button type="button" className="action" tabIndex={tab} aria-pressed={pinned} aria-label={`Pin ${name} to the top`} onClick={() => void togglePinned(id).then((error) => error && showError(error))}>
          <Icon name="star" />
          <span aria-hidden="true">{pinned ? 'Unpin' : 'Pin'}</span>
        </button>
        <button type="button" className="action danger" tabIndex={tab} aria-label={`Delete ${name}`} title="Delete key" onClick={() => void deleteWithUndo(id)}>
          <Icon name="trash" />
          <span aria-hidden="true">Delete</span>
        </button>
      </span>
    </li>
  );
});
