import {
  CONTRACT,
  err,
  ok,
  operationForChannel,
  type Operation,
  type Output,
  type ParsedInput,
  type Result,
} from '../../src-preload/contract';
import { AppFailure } from '../lib/errors';

/** Where a call came from: the frame's origin (null when the frame is gone or unknown). */
export interface SenderInfo {
  origin: string | null;
  isMainFrame: boolean;
}

export type Handlers = {
  [O in Operation]: (arg: ParsedInput<O>) => Promise<Output<O>>;
};

export interface IpcRouter {
  handle(channel: string, sender: SenderInfo, arg: unknown): Promise<Result<unknown>>;
}

export interface RouterOptions {
  isTrustedSender(sender: SenderInfo): boolean;
  /** Told about unexpected errors (already redacted by the logger). */
  onUnexpectedError?(channel: string, error: unknown): void;
}

/** channel -> sender check -> zod parse -> service -> Result. Never throws. */
export function createRouter(handlers: Handlers, options: RouterOptions): IpcRouter {
  return {
    async handle(channel, sender, arg) {
      const op = typeof channel === 'string' ? operationForChannel(channel) : undefined;
      if (!op) return err('unknown_channel', 'This operation does not exist.');
      if (!options.isTrustedSender(sender)) {
        return err('forbidden_sender', 'This request did not come from the console window.');
      }
      const schema = CONTRACT[op];
      const parsed = schema.input.safeParse(arg);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
        return err('invalid_argument', `${where}${issue?.message ?? 'Invalid argument.'}`);
      }
      try {
        const handler = handlers[op] as (a: unknown) => Promise<unknown>;
        const value = await handler(parsed.data);
        // Parsing the reply strips any field the contract does not declare (a secret, say).
        const reply = schema.output.safeParse(value);
        if (!reply.success) {
          options.onUnexpectedError?.(channel, reply.error);
          return err('internal_error', 'The console produced an invalid reply. This is a bug.');
        }
        return ok(reply.data);
      } catch (error) {
        if (error instanceof AppFailure) return err(error.code, error.message);
        options.onUnexpectedError?.(channel, error);
        return err('internal_error', 'Something went wrong in the console. This is a bug.');
      }
    },
  };
}
