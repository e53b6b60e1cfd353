import { useEffect, useRef } from 'react';
import { setQuery, useAccounts, visibleAccounts } from '../store/accounts';
import { goTo, useNavigation } from '../store/navigation';
import { Icon } from '../ui/icons';
import { AccountList } from './AccountList';
import { AccountDetails } from './AccountDetails';
import { useListKeyboard } from './use-list-keyboard';
import { TagFilter } from './TagFilter';
import { ApprovalOffers } from '../approvals/ApprovalSetUp';

export function AccountsView() {
  const detailsId = useNavigation((state) => state.detailsId);
  if (detailsId) return <AccountDetails id={detailsId} />;
  return <AccountsList />;
}

function AccountsList() {
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const query = useAccounts((state) => state.query);
  const loaded = useAccounts((state) => state.loaded);
  const error = useAccounts((state) => state.error);
  const total = useAccounts((state) => state.accounts.length);
  const shown = useAccounts((state) => visibleAccounts(state).length);
  const searchRequests = useNavigation((state) => state.searchRequests);
  useListKeyboard(search, list);

  useEffect(() => {
    search.current?.focus();
    search.current?.select();
  }, [searchRequests]);

  return (
    <section className="accounts" aria-label="Accounts">
      <div className="search">
        <Icon name="search" />
        <input
          ref={search}
          type="search"
          placeholder="Search accounts"
          aria-label="Search accounts"
          aria-controls="account-list"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          spellCheck={false}
          autoComplete="off"
        />
      </div>
      <TagFilter />
      {error ? (
        <p className="banner banner-error" role="alert">
          {error.message}
        </p>
      ) : null}
      {loaded && total === 0 ? (
        <div className="empty">
          <p>No accounts yet.</p>
          <button type="button" className="primary" onClick={() => goTo('add')}>
            Add an account
          </button>
          <ApprovalOffers />
        </div>
      ) : null}
      {loaded && total > 0 && shown === 0 ? <p className="empty">No account matches “{query}”.</p> : null}
      <AccountList ref={list} />
    </section>
  );
}
