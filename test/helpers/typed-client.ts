import type {
  Input,
  InvokeChannel,
  OperationOf,
  Output,
  Result,
} from '../../src-preload/contract';
import type { IpcRouter, SenderInfo } from '../../src-main/ipc/router';

/** The sender the console window is: what a test's core trusts unless the test says otherwise. */
export const TRUSTED_SENDER: SenderInfo = { origin: 'app://helplane', isMainFrame: true };

/** The argument of a channel's operation: optional when the operation takes none (or may). */
export type CallArg<C extends InvokeChannel> =
  undefined extends Input<OperationOf<C>> ? [arg?: Input<OperationOf<C>>] : [arg: Input<OperationOf<C>>];

/** The reply of a channel's operation, as the router sends it. */
export type Reply<C extends InvokeChannel> = Result<Output<OperationOf<C>>>;

export interface TypedClient {
  /** Calls one operation by its channel, typed from the contract. */
  call<C extends InvokeChannel>(channel: C, ...arg: CallArg<C>): Promise<Reply<C>>;
}

export interface TypedClientOptions {
  /** Who the call claims to come from (default: TRUSTED_SENDER). */
  sender?: SenderInfo;
  /** Told every reply, e.g. to search them all for a secret afterwards. */
  onReply?(reply: Result<unknown>): void;
}

/** A client over the router that calls by channel with the contract's types, so tests need no `any`. */
export function typedClient(router: IpcRouter, options: TypedClientOptions = {}): TypedClient {
  const sender = options.sender ?? TRUSTED_SENDER;
  return {
    async call<C extends InvokeChannel>(channel: C, ...[arg]: CallArg<C>): Promise<Reply<C>> {
      const reply = await router.handle(channel, sender, arg);
      options.onReply?.(reply);
      // The router parsed the reply with this operation's output schema before sending it.
      return reply as Reply<C>;
    },
  };
}

/**
 * Narrows a reply to its value for the lines after it; throws with the error's code and message
 * when the call failed (where reading `.value` would have thrown a TypeError).
 */
export function assertOk<T>(reply: Result<T>): asserts reply is { ok: true; value: T } {
  if (!reply.ok) throw new Error(`Expected a value, got ${reply.error.code}: ${reply.error.message}`);
}
