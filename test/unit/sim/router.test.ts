import { describe, expect, it } from 'vitest';
import { Router } from '../../sim/http/router';

describe('simulator router', () => {
  const router = new Router()
    .add('GET', '/api/v1/users/:id', () => ({ status: 200 }))
    .add('DELETE', '/api/v1/users/:id', () => ({ status: 204 }));

  it('captures decoded path parameters and reports its pattern', () => {
    const match = router.match('GET', '/api/v1/users/a%40b.com');
    expect(match).toMatchObject({ params: { id: 'a@b.com' }, pattern: '/api/v1/users/:id' });
  });

  it('tells a wrong method from an unknown path', () => {
    expect(router.match('PUT', '/api/v1/users/x')).toEqual({ allowed: ['GET', 'DELETE'] });
    expect(router.match('GET', '/api/v1/groups')).toEqual({ allowed: [] });
  });
});
