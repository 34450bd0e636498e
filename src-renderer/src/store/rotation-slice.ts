import type { Result, RotationView } from '../../../src-preload/contract';
import { getDesktopApi } from '../lib/desktop-api';
import type { SliceCreator } from './types';

/** Key rotation (issue 19): main walks each rotation; the window shows its steps and offers the next move. */
export interface RotationSlice {
  /** Under way, waiting or failed, then those that ended in this run of the console. */
  rotations: RotationView[];
  loadRotations(): Promise<void>;
  setRotations(rotations: RotationView[]): void;
  /** Sandbox: the whole rotation, the old key revoked now (0) or after `overlapHours`. */
  rotateKey(id: string, overlapHours: number): Promise<Result<RotationView>>;
  /** Production and custom: the key made in the dashboard, passed straight to main (never kept here). */
  rotateKeyGuided(id: string, secret: string): Promise<Result<RotationView>>;
  /** Guided: check the old key is refused; automatic in its overlap: revoke it now. */
  confirmRotation(id: string): Promise<Result<RotationView>>;
  retryRotation(id: string): Promise<Result<RotationView>>;
  dismissRotation(id: string): Promise<void>;
}

export const createRotationSlice: SliceCreator<RotationSlice> = (set, get) => {
  /** Each reply holds the rotation as it now is: put it in place (the event may come before or after). */
  const keep = (result: Result<RotationView>): Result<RotationView> => {
    if (result.ok) {
      const others = get().rotations.filter((r) => r.id !== result.value.id);
      set({ rotations: [...others, result.value] });
    }
    return result;
  };
  return {
    rotations: [],
    loadRotations: async () => {
      const result = await getDesktopApi().keysRotations();
      if (result.ok) set({ rotations: result.value.rotations });
    },
    setRotations: (rotations) => set({ rotations }),
    rotateKey: async (id, overlapHours) => keep(await getDesktopApi().keysRotate({ id, overlapHours })),
    rotateKeyGuided: async (id, secret) => keep(await getDesktopApi().keysRotateGuided({ id, secret })),
    confirmRotation: async (id) => keep(await getDesktopApi().keysRotationConfirm({ id })),
    retryRotation: async (id) => keep(await getDesktopApi().keysRotationRetry({ id })),
    dismissRotation: async (id) => {
      const result = await getDesktopApi().keysRotationDismiss({ id });
      if (result.ok) set({ rotations: result.value.rotations });
    },
  };
};
