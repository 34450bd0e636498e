import type { DesktopApi } from '../../src-preload/contract';

declare global {
  interface Window {
    helplane: DesktopApi;
  }
}
