import { appError } from '../../../shared/errors';
import type { VaultLike } from '../accounts/accounts-service';
import { normalizeOrgUrl, PushSection, type ApprovedOrigin, type SeenChallenge, type StoredEnrolment } from './push-record';
import { rememberedOrigins } from './request-signals';

const SECTION = 'push';

function readSection(doc: Record<string, unknown>): PushSection {
  const parsed = PushSection.safeParse(doc[SECTION] ?? {});
  if (!parsed.success) throw appError('VAULT_CORRUPT', 'The push approvals saved in the vault cannot be read: remove and enrol this computer again.');
  return parsed.data;
}

/**
 * For a vault document going back to an older copy: its replay record misses what was seen after that
 * copy, so from `now` on only challenges issued later are judged by it (the record never goes backwards).
 */
export function restartReplayHistory(doc: Record<string, unknown>, now: number): void {
  const section = readSection(doc);
  section.historyFrom = now;
  doc[SECTION] = section;
}

/** The vault's `push` section: enrolments (with their private keys) and the replay record. */
export class PushStore {
  constructor(private readonly vault: VaultLike) {}

  enrolments(): StoredEnrolment[] {
    return readSection(this.vault.read()).enrolments;
  }

  seen(): SeenChallenge[] {
    return readSection(this.vault.read()).seen;
  }

  origins(): ApprovedOrigin[] {
    return readSection(this.vault.read()).origins;
  }

  /** Remembers an approved sign-in's OS and location for its enrolment (the most recent few only). */
  async rememberOrigin(origin: ApprovedOrigin): Promise<void> {
    await this.mutate((section) => {
      section.origins = rememberedOrigins(section.origins, origin);
    });
  }

  async refresh(): Promise<void> {
    await this.vault.refreshIfChanged();
  }

  async add(enrolment: StoredEnrolment): Promise<void> {
    await this.mutate((section) => {
      section.enrolments = [...section.enrolments.filter((e) => normalizeOrgUrl(e.orgUrl) !== normalizeOrgUrl(enrolment.orgUrl)), enrolment];
    });
  }

  /** Swaps in a changed copy of an enrolment (same id), keeping its replay record. */
  async replace(enrolment: StoredEnrolment): Promise<void> {
    await this.mutate((section) => {
      section.enrolments = section.enrolments.map((e) => (e.id === enrolment.id ? enrolment : e));
    });
  }

  async remove(id: string): Promise<void> {
    await this.mutate((section) => {
      section.enrolments = section.enrolments.filter((e) => e.id !== id);
      section.seen = section.seen.filter((s) => s.enrolmentId !== id);
      section.origins = section.origins.filter((o) => o.enrolmentId !== id);
    });
  }

  /** Applies `change` to the replay record under the vault's lock, dropping entries past their time. */
  async updateSeen<T>(now: number, change: (seen: SeenChallenge[], historyFrom: number | undefined) => T): Promise<T> {
    return this.mutate((section) => {
      section.seen = section.seen.filter((s) => s.forgetAfter > now);
      return change(section.seen, section.historyFrom);
    });
  }

  private async mutate<T>(change: (section: PushSection) => T): Promise<T> {
    return this.vault.update((doc) => {
      const section = readSection(doc);
      const result = change(section);
      doc[SECTION] = section;
      return result;
    });
  }
}
