import { withPassword } from './config.namespaces';

describe('DATABASE_PASSWORD', () => {
  it('goes into a postgres URL, percent-encoded', () => {
    expect(
      withPassword('postgres://clipgen@db.internal:5432/clipgen?sslmode=no-verify', 'p@ss/w:rd'),
    ).toBe('postgres://clipgen:p%40ss%2Fw%3Ard@db.internal:5432/clipgen?sslmode=no-verify');
  });

  it('replaces a password already there and leaves other URLs alone', () => {
    expect(withPassword('postgresql://u:old@h/d', 'new')).toBe('postgresql://u:new@h/d');
    expect(withPassword('sqlite:./data/clipgen.db', 'x')).toBe('sqlite:./data/clipgen.db');
    expect(withPassword('postgres://u@h/d')).toBe('postgres://u@h/d');
  });
});
