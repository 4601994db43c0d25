import { readSettings } from './settings';

const from = (values: Record<string, unknown>) => (key: string) => values[key];

describe('deployment settings', () => {
  it('fills defaults around the one required value, the domain', () => {
    expect(readSettings(from({ domainName: 'clips.example.com' }))).toMatchObject({
      stage: 'prod',
      imageTag: 'latest',
      apiTasks: 2,
      workerMin: 1,
      workerMax: 4,
      resultsExpireDays: 30,
      corsOrigins: 'https://clips.example.com',
      databaseMultiAz: false,
    });
  });

  it('names what is missing or wrong', () => {
    expect(() => readSettings(from({}))).toThrow('"domainName"');
    expect(() => readSettings(from({ domainName: 'not a host' }))).toThrow('not a host name');
    expect(() => readSettings(from({ domainName: 'a.example.com', workerMax: '0' }))).toThrow(
      '"workerMax"',
    );
    expect(() =>
      readSettings(from({ domainName: 'a.example.com', workerMin: 3, workerMax: 2 })),
    ).toThrow('at least "workerMin"');
    expect(() => readSettings(from({ domainName: 'a.example.com', hostedZoneId: 'Z1' }))).toThrow(
      'go together',
    );
  });

  it('reads numbers and flags given as strings on the command line', () => {
    const s = readSettings(
      from({ domainName: 'a.example.com', workerMax: '10', databaseMultiAz: 'true' }),
    );
    expect(s).toMatchObject({ workerMax: 10, databaseMultiAz: true });
  });
});
