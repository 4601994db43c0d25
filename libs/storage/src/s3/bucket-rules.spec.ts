import { lifecycleRules, tlsOnlyPolicy } from './bucket-rules';

describe('bucket rules', () => {
  it('expires uploads and processing, keeps results when asked, aborts stale multipart uploads', () => {
    const rules = lifecycleRules({
      uploads: 3,
      processing: 5,
      results: null,
      abortIncompleteMultipart: 2,
    });
    expect(rules.map((r) => [r.Filter?.Prefix, r.Expiration?.Days])).toEqual([
      ['uploads/', 3],
      ['processing/', 5],
      ['', undefined],
    ]);
    expect(rules[2].AbortIncompleteMultipartUpload).toEqual({ DaysAfterInitiation: 2 });
    expect(
      lifecycleRules({ uploads: 7, processing: 7, results: 30, abortIncompleteMultipart: 1 }).find(
        (r) => r.ID === 'clipgen-expire-results',
      )?.Expiration,
    ).toEqual({ Days: 30 });
  });

  it('denies plain-HTTP access to the bucket and its objects', () => {
    const policy = JSON.parse(tlsOnlyPolicy('b'));
    expect(policy.Statement).toHaveLength(1);
    expect(policy.Statement[0].Condition.Bool['aws:SecureTransport']).toBe('false');
  });
});
