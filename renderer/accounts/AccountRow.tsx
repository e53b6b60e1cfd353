import { memo, useState } from 'react';
import type { AccountSummary } from '../../shared/accounts';
import { displayName, nextHotp, select, startRename, useAccounts } from '../store/accounts';
import { openDetails } from '../store/navigation';
import { showError } from '../store/toasts';
import { Icon } from '../ui/icons';
import { Code, LiveCode } from './Code';
import { Countdown } from './Countdown';
import { RenameForm } from './RenameForm';
import { copyAccountCode, deleteWithUndo } from './row-actions';

interface RowProps {
  account: AccountSummary;
  dragging: boolean;
  onDragStart: (id: string) => void;
  onDragEnd: () => void;
  onDrop: (id: string) => void;
}

export const AccountRow = memo(function AccountRow({ account, dragging, onDragStart, onDragEnd, onDrop }: RowProps) {
  const { id } = account;
  const selected = useAccounts((state) => state.selectedId === id);
  const renaming = useAccounts((state) => state.renamingId === id);
  // Whether there is a code, not which one: a boundary flip must not re-render the whole row.
  const hasLiveCode = useAccounts((state) => Boolean(state.codes[id]?.code));
  const hotpCode = useAccounts((state) => state.hotpCodes[id]);
  const [over, setOver] = useState(false);
  const name = displayName(account);
  const hotp = account.type === 'hotp';
  const hasCode = hotp ? Boolean(hotpCode) : hasLiveCode;
  const tab = selected ? 0 : -1;

  if (renaming) {
    return (
      <li className="row row-selected" data-account-id={id}>
        <RenameForm account={account} />
      </li>
    );
  }

  return (
    <li
      className={`row${selected ? ' row-selected' : ''}${dragging ? ' row-dragging' : ''}${over ? ' row-drop' : ''}`}
      data-account-id={id}
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
      <button
        type="button"
        className="row-main"
        tabIndex={tab}
        aria-current={selected ? 'true' : undefined}
        aria-label={hasCode ? `Copy code for ${name}` : name}
        onClick={() => {
          select(id);
          void copyAccountCode(id, name);
        }}
        onFocus={() => select(id)}
      >
        <span className="row-text">
          <span className="row-issuer">{account.issuer || account.label}</span>
          {account.issuer ? <span className="row-label">{account.label}</span> : null}
        </span>
        <span className="row-code">
          {hotp ? (hotpCode ? <Code code={hotpCode} /> : null) : <LiveCode id={id} />}
          {hotp ? null : <Countdown period={account.period} />}
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
      <span className="row-actions">
        <button type="button" className="action" tabIndex={tab} aria-label={`Rename ${name}`} title="F2" onClick={() => startRename(id)}>
          <Icon name="edit" />
          <span aria-hidden="true">Rename</span>
        </button>
        <button type="button" className="action" tabIndex={tab} aria-label={`Details of ${name}`} onClick={() => openDetails(id)}>
          <Icon name="info" />
          <span aria-hidden="true">Details</span>
        </button>
        <button type="button" className="action danger" tabIndex={tab} aria-label={`Delete ${name}`} title="Delete key" onClick={() => void deleteWithUndo(id)}>
          <Icon name="trash" />
          <span aria-hidden="true">Delete</span>
        </button>
      </span>
    </li>
  );
});
