/** Unit specs live beside the code; integration and e2e suites under test/. */
const libs = [
  'config',
  'jobs',
  'persistence',
  'storage',
  'media',
  'transcription',
  'selection',
  'language',
  'access',
  'operations',
  'webhooks',
  'detection',
  'captions',
  'rendering',
  'pipeline',
];

const base = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  rootDir: '.',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
  moduleNameMapper: Object.fromEntries(
    libs.map((lib) => [`^@app/${lib}(|/.*)$`, `<rootDir>/libs/${lib}/src$1`]),
  ),
};

module.exports = {
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/apps/**/*.spec.ts',
        '<rootDir>/libs/**/*.spec.ts',
        '<rootDir>/deployment/**/*.spec.ts',
      ],
    },
    { ...base, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.spec.ts'] },
    { ...base, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'] },
    { ...base, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.spec.ts'] },
    { ...base, displayName: 'faults', testMatch: ['<rootDir>/test/faults/**/*.spec.ts'] },
  ],
};
