import { useShallow } from 'zustand/react/shallow';
import { allTags, setTag, useAccounts } from '../store/accounts';

/** One button per tag the accounts carry (test-user, work…); shown only when there are tags. */
export function TagFilter() {
  const tags = useAccounts(useShallow((state) => allTags(state.accounts)));
  const current = useAccounts((state) => state.tag);
  if (tags.length === 0) return null;
  return (
    <div className="tag-filter" role="group" aria-label="Show accounts tagged">
      <button type="button" className="tag" aria-pressed={current === null} onClick={() => setTag(null)}>
        All
      </button>
      {tags.map((tag) => (
        <button key={tag} type="button" className="tag" aria-pressed={current === tag} onClick={() => setTag(current === tag ? null : tag)}>
          {tag}
        </button>
      ))}
    </div>
  );
}
