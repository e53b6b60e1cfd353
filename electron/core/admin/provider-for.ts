import type { AdminProvider } from './admin-provider';
import { createAuth0Provider } from './auth0-provider';
import type { ConnectionTarget } from './connection';
import { createOktaProvider, type ProviderHttpOptions } from './okta-provider';

export function providerFor(target: ConnectionTarget, options: ProviderHttpOptions = {}): AdminProvider {
  return target.provider === 'okta'
    ? createOktaProvider({ url: target.url, name: target.name, apiToken: target.okta.apiToken }, options)
    : createAuth0Provider({ url: target.url, name: target.name, auth0: target.auth0 }, options);
}
