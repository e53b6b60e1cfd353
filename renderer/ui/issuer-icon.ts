/**
 * Which picture a row shows for an account: the issuer's brand icon when the bundled set has it
 * (matched on the issuer's name, with aliases), else initials on a colour derived from the issuer,
 * so the same issuer always looks the same. A person's own choice (Details) wins over both.
 */
import { BRAND_ICONS, ISSUER_ALIASES, type BrandIcon } from './brand-icons';

export type IssuerIcon = { kind: 'brand'; icon: BrandIcon; ink: '#000000' | '#ffffff' } | { kind: 'initials'; text: string; hue: number };

/** The stored choice meaning "initials, even though a brand icon matches". */
export const INITIALS_CHOICE = 'initials';

const bySlug = new Map(BRAND_ICONS.map((icon) => [icon.slug, icon]));
const byTitle = new Map(BRAND_ICONS.map((icon) => [normaliseName(icon.title), icon]));

/** "Amazon Web Services" → "amazonwebservices": case, accents, spaces and punctuation do not matter. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function lookUp(key: string): BrandIcon | undefined {
  const alias = ISSUER_ALIASES[key];
  return (alias ? bySlug.get(alias) : undefined) ?? bySlug.get(key) ?? byTitle.get(key);
}

/** The brand icon for an issuer: its whole name first, then its first word ("GitHub Enterprise" → GitHub). */
export function findBrand(issuer: string): BrandIcon | undefined {
  const whole = normaliseName(issuer);
  if (whole === '') return undefined;
  const firstWord = normaliseName(issuer.trim().split(/[\s(:/]+/)[0] ?? '');
  return lookUp(whole) ?? (firstWord.length > 1 ? lookUp(firstWord) : undefined);
}

export function brandBySlug(slug: string): BrandIcon | undefined {
  return bySlug.get(slug);
}

/** Black or white, whichever reads better on the brand colour. */
export function inkOn(hex: string): '#000000' | '#ffffff' {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
  return (1.05 / (luminance + 0.05)) >= (luminance + 0.05) / 0.05 ? '#ffffff' : '#000000';
}

/** "Intranet VPN" → "IV", "Dropbox" → "D"; the label stands in for a missing issuer. */
export function initialsOf(name: string): string {
  const words = name.split(/[\s._@:/-]+/).filter((word) => /\p{L}|\p{N}/u.test(word));
  const letters = words.slice(0, 2).map((word) => [...word.replace(/^[^\p{L}\p{N}]+/u, '')][0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

/** A stable hue for a name (FNV-1a), so an issuer keeps its colour across runs and machines. */
export function hueOf(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of normaliseName(name)) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 360;
}

export function issuerIcon(account: { issuer: string; label: string }, choice?: string): IssuerIcon {
  const name = account.issuer || account.label;
  const initials: IssuerIcon = { kind: 'initials', text: initialsOf(name), hue: hueOf(name) };
  if (choice === INITIALS_CHOICE) return initials;
  const icon = (choice ? brandBySlug(choice) : undefined) ?? findBrand(account.issuer);
  return icon ? { kind: 'brand', icon, ink: inkOn(icon.hex) } : initials;
}
