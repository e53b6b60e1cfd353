import { SET_BY_ORGANISATION } from '../../shared/policy/policy-text';

/** The one phrase for anything the organisation decides, with what it decided. */
export function ManagedNote({ id, what }: { id?: string; what: string }) {
  return (
    <p className="hint managed-note" id={id}>
      <strong>{SET_BY_ORGANISATION}:</strong> {what}
    </p>
  );
}
