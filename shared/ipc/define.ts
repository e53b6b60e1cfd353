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

type Split<C extends string> = C extends `${infer Domain}:${infer Verb}` ? `${Domain}${Capitalize<Verb>}` : never;

/** `accounts:list` becomes `accountsList`: the preload method name derived from the channel. */
export type MethodName<C extends string> = Split<C>;

export function methodName<C extends string>(channel: C): MethodName<C> {
  const [domain, verb = ''] = channel.split(':');
  return `${domain}${verb.charAt(0).toUpperCase()}${verb.slice(1)}` as MethodName<C>;
}
