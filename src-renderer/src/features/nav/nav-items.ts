import type { PageId } from '../../store';

/** Nav order and accessible names (tests find them by these: keep them stable). */
export const NAV_ITEMS: readonly { id: PageId; label: string }[] = [
  { id: 'keys', label: 'Keys' },
  { id: 'requests', label: 'Requests' },
  { id: 'inspector', label: 'Inspector' },
  { id: 'history', label: 'History' },
  { id: 'settings', label: 'Settings' },
];
