import type { z } from 'zod';

/** One call between renderer and main: the request main validates and the response it returns. */
export interface CallSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  /** One line for people reading the contract as the app's table of contents. */
  summary: string;
  /**
   * A call the renderer makes on its own (timers refreshing codes, reacting to events, polling)
   * rather than because the person did something: it does not keep an unattended vault open.
   */
  passive?: boolean;
}

export function call<Req extends z.ZodType, Res extends z.ZodType>(spec: CallSpec<Req, Res>): CallSpec<Req, Res> {
  return spec;
}

/**
 * Who made a call, as main tells callers apart: the sending frame in Electron, the socket in the e2e
 * harness. Handlers that hand out something single-use (a scan token, a screen share) bind it to this.
 */
export interface Caller {
  sender: string;
}

/** Calls made inside the process (tests seeding data, the CLI): one sender of their own. */
export const IN_PROCESS: Caller = { sender: 'in-process' };

export function senderOf(caller: Caller | undefined): string {
  return (caller ?? IN_PROCESS).sender;
}

type Split<C extends string> = C extends `${infer Domain}:${infer Verb}` ? `${Domain}${Capitalize<Verb>}` : never;

/** `accounts:list` becomes `accountsList`: the preload method name derived from the channel. */
export type MethodName<C extends string> = Split<C>;

export function methodName<C extends string>(channel: C): MethodName<C> {
  const [domain, verb = ''] = channel.split(':');
  return `${domain}${verb.charAt(0).toUpperCase()}${verb.slice(1)}` as MethodName<C>;
}
