import { z } from 'zod';
import type { EventName, Operation } from './channels';
import {
  AddKeyInputSchema,
  AppInfoSchema,
  KeyMetaSchema,
  KeysChangedEventSchema,
  ResponseViewSchema,
  SendRequestInputSchema,
} from './schemas';

/** For operations that take no argument. */
const NoInput = z.undefined();

/** Each operation's argument and reply schema. Main parses both; the renderer trusts the types. */
export const CONTRACT = {
  appInfo: { input: NoInput, output: AppInfoSchema },
  keysList: { input: NoInput, output: z.array(KeyMetaSchema) },
  keysAdd: { input: AddKeyInputSchema, output: KeyMetaSchema },
  requestSend: { input: SendRequestInputSchema, output: ResponseViewSchema },
} as const satisfies Record<Operation, { input: z.ZodType; output: z.ZodType }>;

export const EVENTS = {
  keysChanged: KeysChangedEventSchema,
} as const satisfies Record<EventName, z.ZodType>;

export type Input<O extends Operation> = z.input<(typeof CONTRACT)[O]['input']>;
export type ParsedInput<O extends Operation> = z.output<(typeof CONTRACT)[O]['input']>;
export type Output<O extends Operation> = z.output<(typeof CONTRACT)[O]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof EVENTS)[E]>;
