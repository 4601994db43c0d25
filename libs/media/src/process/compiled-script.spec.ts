import { compiledScript } from './compiled-script';

describe('compiledScript', () => {
  it('is the sibling file in the build', () => {
    expect(compiledScript('/srv/dist/libs/a/src', '/srv/dist/libs/a/src/x.js', 'x.main.js')).toBe(
      '/srv/dist/libs/a/src/x.main.js',
    );
  });

  it("is the build's copy when running from the sources", () => {
    expect(compiledScript('/srv/libs/a/src/faces', '/srv/libs/a/src/faces/x.ts', 'x.main.js')).toBe(
      '/srv/dist/libs/a/src/faces/x.main.js',
    );
    expect(
      compiledScript('/home/libs/srv/apps/w/src', '/home/libs/srv/apps/w/src/y.ts', 'y.js'),
    ).toBe('/home/libs/srv/dist/apps/w/src/y.js');
  });
});
