import { create } from 'zustand';
import { api } from '../api';

interface NavigationState {
  view: string;
  /** The account whose details are open, if any (its secret is only fetched on request). */
  detailsId: string | null;
}

export const useNavigation = create<NavigationState>(() => ({ view: 'accounts', detailsId: null }));

export function goTo(view: string): void {
  useNavigation.setState({ view, detailsId: null });
}

export function openDetails(id: string | null): void {
  useNavigation.setState({ detailsId: id });
}

/** Asks main to hide the popup; it stays loaded, so showing it again is instant. */
export function hidePopup(): void {
  void api().windowsHidePopup({});
}
