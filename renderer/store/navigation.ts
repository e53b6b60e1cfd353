import { create } from 'zustand';
import { api } from '../api';

interface NavigationState {
  view: string;
  /** The account whose details are open, if any (its secret is only fetched on request). */
  detailsId: string | null;
  /** Counts requests to put the cursor in the account search (the global shortcut showed the popup). */
  searchRequests: number;
}

export const useNavigation = create<NavigationState>(() => ({ view: 'accounts', detailsId: null, searchRequests: 0 }));

export function goTo(view: string): void {
  useNavigation.setState({ view, detailsId: null });
}

export function openDetails(id: string | null): void {
  useNavigation.setState({ detailsId: id });
}

/** The account list with the cursor in its search field, the previous search selected so typing replaces it. */
export function showSearch(): void {
  useNavigation.setState((state) => ({ view: 'accounts', detailsId: null, searchRequests: state.searchRequests + 1 }));
}

/** Asks main to hide the popup; it stays loaded, so showing it again is instant. */
export function hidePopup(): void {
  void api().windowsHidePopup({});
}
