import type { EventName, Operation } from './channels';
import type { EventPayload, Input, Output } from './contract';
import type { Result } from './result';

export type Unsubscribe = () => void;

type InvokeFns = {
  [O in Operation]: undefined extends Input<O>
    ? (arg?: Input<O>) => Promise<Result<Output<O>>>
    : (arg: Input<O>) => Promise<Result<Output<O>>>;
};

type ListenerFns = {
  [E in EventName as `on${Capitalize<E>}`]: (
    listener: (payload: EventPayload<E>) => void,
  ) => Unsubscribe;
};

/** `window.helplane`: one function per operation, one subscriber per event. */
export type DesktopApi = InvokeFns & ListenerFns;
