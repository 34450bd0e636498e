import { useConsoleStore } from '../../store';

/** `Mask personal data`: the setting itself, so it is remembered and exports follow it too. */
export function MaskSwitch() {
  const mask = useConsoleStore((s) => s.settings.maskPersonalData);
  const update = useConsoleStore((s) => s.updateSettings);
  return (
    <label className="switch">
      <input type="checkbox" role="switch" checked={mask} aria-checked={mask} onChange={(e) => void update({ maskPersonalData: e.target.checked })} />
      Mask personal data
    </label>
  );
}
