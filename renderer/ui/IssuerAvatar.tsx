import { memo, type CSSProperties } from 'react';
import { issuerIcon } from './issuer-icon';

/** The issuer's picture in a rounded tile; decorative, since the row already names the issuer. */
export const IssuerAvatar = memo(function IssuerAvatar({ issuer, label, choice }: { issuer: string; label: string; choice?: string }) {
  const icon = issuerIcon({ issuer, label }, choice);
  if (icon.kind === 'brand') {
    const style = { background: `#${icon.icon.hex}`, color: icon.ink } as CSSProperties;
    return (
      <span className="avatar" style={style} aria-hidden="true">
        <svg viewBox="0 0 24 24" focusable="false">
          <path d={icon.icon.path} />
        </svg>
      </span>
    );
  }
  const style = { '--avatar-hue': icon.hue } as CSSProperties;
  return (
    <span className="avatar avatar-initials" style={style} aria-hidden="true">
      {icon.text}
    </span>
  );
});
