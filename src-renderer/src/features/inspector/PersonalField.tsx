import { useEffect, useState, type ReactNode } from 'react';
import { maskEmail, maskName, maskPhone, maskText } from '../../../../src-preload/contract/personal-data-mask';
import { useConsoleStore } from '../../store';

export type PersonalKind = 'email' | 'name' | 'phone' | 'text';

const MASKS: Record<PersonalKind, (value: string) => string> = { email: maskEmail, name: maskName, phone: maskPhone, text: maskText };

/**
 * A value that is personal data, as `Mask personal data` wants it: masked by the one rule
 * (personal-data-mask.ts) while the switch is on, with a button that reveals this field alone
 * (`Reveal email`, …). Switching masking on again hides what was revealed.
 */
export function usePersonalField(value: string, kind: PersonalKind, label: string): { text: string; button: ReactNode } {
  const mask = useConsoleStore((s) => s.settings.maskPersonalData);
  const [revealed, setRevealed] = useState(false);
  useEffect(() => setRevealed(false), [mask, value]);
  const masked = MASKS[kind](value);
  if (!mask || masked === value) return { text: value, button: null };
  const button = revealed ? (
    <button type="button" className="reveal-button" aria-label={`Hide ${label}`} onClick={() => setRevealed(false)}>
      Hide
    </button>
  ) : (
    <button type="button" className="reveal-button" aria-label={`Reveal ${label}`} onClick={() => setRevealed(true)}>
      Reveal
    </button>
  );
  return { text: revealed ? value : masked, button };
}

/** The value (masked or revealed) and its Reveal button, side by side. */
export function PersonalField({ value, kind, label }: { value: string; kind: PersonalKind; label: string }) {
  const { text, button } = usePersonalField(value, kind, label);
  return (
    <>
      <span className={kind === 'text' ? 'personal personal-text' : 'personal'}>{text}</span>
      {button && <> {button}</>}
    </>
  );
}
