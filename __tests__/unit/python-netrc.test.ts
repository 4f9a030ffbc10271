// Index logins travel in a netrc file, the URLs without them: pip copies every index URL onto the
// command line of the pip it starts to build a source distribution (build isolation).
import { describe, expect, it } from 'vitest';
import { splitNetrc } from '../../src/python/netrc.js';
import { netrcIndexes, warnKeptLogins } from '../../src/python/indexes.js';

describe('splitNetrc: logins into a netrc file, URLs without them', () => {
  it.each([
    {
      name: 'user and password',
      urls: ['https://alice:hunter11pass@idx.corp/simple'],
      out: ['https://idx.corp/simple'],
      netrc: 'machine idx.corp login alice password hunter11pass\n',
    },
    {
      name: 'a port: netrc (requests) looks the host up without it',
      urls: ['http://alice:pw@127.0.0.1:5919/simple'],
      out: ['http://127.0.0.1:5919/simple'],
      netrc: 'machine 127.0.0.1 login alice password pw\n',
    },
    {
      name: 'percent-encoded: decoded as pip decodes them (unquote)',
      urls: ['https://a%40corp:p%3Aw%2Fd%25@idx.corp/simple'],
      out: ['https://idx.corp/simple'],
      netrc: 'machine idx.corp login a@corp password p:w/d%\n',
    },
    {
      name: 'two hosts, and the same login twice on one host: one entry each',
      urls: ['https://u:p@a.corp/simple', 'https://v:q@b.corp/simple', 'https://u:p@a.corp/other'],
      out: ['https://a.corp/simple', 'https://b.corp/simple', 'https://a.corp/other'],
      netrc: 'machine a.corp login u password p\nmachine b.corp login v password q\n',
    },
    {
      // requests lowercases the host of the URL it prepares, and netrc's lookup is exact.
      name: 'a host written with capitals: its netrc entry lowercase; Host and host one host',
      urls: ['https://u:p@Pypi.Corp.example/simple', 'https://u:p@pypi.corp.EXAMPLE:8443/x'],
      out: ['https://Pypi.Corp.example/simple', 'https://pypi.corp.EXAMPLE:8443/x'],
      netrc: 'machine pypi.corp.example login u password p\n',
    },
    {
      name: 'no login: nothing to move',
      urls: ['https://pypi.org/simple', 'file:///wheels'],
      out: ['https://pypi.org/simple', 'file:///wheels'],
      netrc: '',
    },
  ])('$name', ({ urls, out, netrc }) => {
    const s = splitNetrc(urls);
    expect(s.urls).toEqual(out);
    expect(s.netrc).toBe(netrc);
    expect(s.kept).toEqual([]);
  });

  it.each([
    {
      name: 'different logins on one host (any port): a netrc file holds one per host',
      urls: ['https://u:p@a.corp/simple', 'https://v:q@a.corp:8443/simple', 'https://w:r@b.corp/simple'],
      netrc: 'machine b.corp login w password r\n',
      host: 'a.corp',
      why: /different logins on one host/,
    },
    {
      // pip sends TOKEN with an empty password; Python before 3.11 refuses a netrc entry without one
      // (the whole file: every login in it lost).
      name: 'a user-only login (TOKEN@host)',
      urls: ['https://ghp_tok1234@a.corp/simple', 'https://tok:@b.corp/simple'],
      netrc: '',
      host: 'a.corp',
      why: /without a password/,
    },
    {
      name: 'Host and host with different logins: one host',
      urls: ['https://u:p@A.corp/simple', 'https://v:q@a.corp/other'],
      netrc: '',
      host: 'a.corp',
      why: /different logins on one host/,
    },
    {
      name: 'an IPv6 address: requests looks it up by the text before its first ":"',
      urls: ['https://u:pw@[fd00::5]:8080/simple'],
      netrc: '',
      host: '[fd00::5]',
      why: /an IPv6 address/,
    },
    {
      name: 'characters Python netrc parsers read differently (space, backslash, leading quote)',
      urls: [
        'https://u:p%20w@a.corp/simple',
        'https://u:p%5Cw@b.corp/simple',
        'https://%22u:pw@c.corp/simple',
      ],
      netrc: '',
      host: 'a.corp',
      why: /characters a netrc file does not carry/,
    },
  ])('stays in the URL: $name', ({ urls, netrc, host, why }) => {
    const s = splitNetrc(urls);
    expect(s.netrc).toBe(netrc);
    for (const u of urls) if (!u.includes('b.corp') || netrc === '') expect(s.urls).toContain(u);
    expect(s.kept.find((k) => k.host === host)?.why).toMatch(why);
    for (const k of s.kept) expect(k.why).not.toMatch(/tok|p w|ghp_/);
  });
});

describe('netrcIndexes: the pip indexes and the torch index alike', () => {
  it('moves every login, keeps the order and the torch index apart', () => {
    const r = netrcIndexes(
      {
        indexUrl: 'https://alice:hunter11pass@idx.corp/simple',
        extraIndexUrls: ['https://x:y@extra.corp/simple'],
      },
      'https://t:tok@torch.corp/whl/cpu',
    );
    expect(r.indexes).toEqual({
      indexUrl: 'https://idx.corp/simple',
      extraIndexUrls: ['https://extra.corp/simple'],
    });
    expect(r.torchIndexUrl).toBe('https://torch.corp/whl/cpu');
    expect(r.netrc).toBe(
      'machine idx.corp login alice password hunter11pass\nmachine extra.corp login x password y\n' +
        'machine torch.corp login t password tok\n',
    );
  });

  it('no index, no torch index: nothing', () => {
    expect(netrcIndexes({ extraIndexUrls: [] })).toEqual({
      indexes: { extraIndexUrls: [] },
      netrc: '',
      kept: [],
    });
  });

  it('a torch index on the host of an index with another login: both stay, one warning naming the host', () => {
    const r = netrcIndexes(
      { indexUrl: 'https://a:secret1@h.corp/simple', extraIndexUrls: [] },
      'https://b:secret2@h.corp/torch',
    );
    expect(r.indexes.indexUrl).toBe('https://a:secret1@h.corp/simple');
    expect(r.torchIndexUrl).toBe('https://b:secret2@h.corp/torch');
    const said: string[] = [];
    warnKeptLogins(r.kept, (l) => said.push(l));
    warnKeptLogins(r.kept, (l) => said.push(l));
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^warning: index host h\.corp: different logins/);
    expect(said[0]).not.toMatch(/secret/);
  });
});

describe('a 403 from a host whose login pip has in its netrc file is a refused login', () => {
  it.each([
    { hosts: new Set(['idx.corp']), refused: true },
    { hosts: new Set<string>(), refused: false },
  ])('login hosts $hosts.size', async ({ hosts, refused }) => {
    const { indexRefusals } = await import('../../src/resolve/pip-output.js');
    const out =
      'Could not fetch URL https://idx.corp/simple/tqdm/: 403 Client Error: Forbidden for url: https://idx.corp/simple/tqdm/ - skipping';
    expect(indexRefusals(out, 'tqdm', hosts).length > 0).toBe(refused);
  });
});

// pip 23.0.1 at -vv (the retry), the index answering 401 to every request: "No matching
// distribution found for notthere==1.0" names the requirement with its pin, the refused page the
// project alone.
const REFUSED_PIN = `Looking in indexes: http://user:****@127.0.0.1:5078/simple
1 location(s) to search for versions of notthere:
* http://user:****@127.0.0.1:5078/simple/notthere/
Found credentials in url for 127.0.0.1:5078
http://127.0.0.1:5078 "GET /simple/notthere/ HTTP/1.1" 401 None
WARNING: 401 Error, Credentials not correct for http://127.0.0.1:5078/simple/notthere/
Could not fetch URL http://user:****@127.0.0.1:5078/simple/notthere/: 401 Client Error: Unauthorized for url: http://127.0.0.1:5078/simple/notthere/ - skipping
Skipping link: not a file: http://user:****@127.0.0.1:5078/simple/notthere/
Given no hashes to check 0 links for project 'notthere': discarding no candidates
ERROR: Could not find a version that satisfies the requirement notthere==1.0 (from versions: none)
ERROR: No matching distribution found for notthere==1.0
Exception information:
Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/pip/_vendor/resolvelib/resolvers.py", line 348, in resolve
    self._add_to_criteria(self.state.criteria, r, parent=None)
pip._vendor.resolvelib.resolvers.RequirementsConflicted: Requirements conflict: SpecifierRequirement('notthere==1.0')
pip._internal.exceptions.DistributionNotFound: No matching distribution found for notthere==1.0
`;

describe('a refused index is told apart from a missing project whatever the requirement pins', () => {
  it.each(['notthere==1.0', 'NotThere[extra]>=1,<2', 'NOTTHERE ; python_version > "3"', 'notthere'])(
    'indexRefusals(%j) counts the refused page of its project',
    async (requirement) => {
      const { indexRefusals } = await import('../../src/resolve/pip-output.js');
      expect(indexRefusals(REFUSED_PIN, requirement)).toEqual([
        { url: 'http://user:****@127.0.0.1:5078/simple/notthere/', status: '401 Unauthorized' },
      ]);
    },
  );

  it('another project of the same prefix is not counted', async () => {
    const { indexRefusals } = await import('../../src/resolve/pip-output.js');
    expect(indexRefusals(REFUSED_PIN, 'notthe==1.0')).toEqual([]);
    expect(indexRefusals(REFUSED_PIN, 'notthere-x==1.0')).toEqual([]);
  });

  it('a pinned requirement on an index answering 401: exit 3, the credentials fix, its line', async () => {
    const { pipFailureError } = await import('../../src/resolve/failure.js');
    const err = pipFailureError(REFUSED_PIN, {
      image: 'localhost:5000/base:1',
      origins: ['/w/ra.txt:1'],
      requirements: [{ name: 'notthere', editable: false, origin: '/w/ra.txt:1' }],
      indexes: { indexUrl: 'http://user:x12345678abc@127.0.0.1:5078/simple', extraIndexUrls: [] },
    })!;
    expect(err.exitCode).toBe(3);
    expect(err.message).toMatch(
      /^\/w\/ra\.txt:1: no release of "notthere==1\.0" found: the package index refused pip \(http:\/\/user:\*\*\*@127\.0\.0\.1:5078\/simple\/notthere\/ answered 401 Unauthorized\)/,
    );
    expect(err.fix).toMatch(/check the index's credentials/);
    expect(err.location).toEqual({ file: '/w/ra.txt', line: 1 });
    expect(`${err.message}${err.fix}`).not.toContain('x12345678abc');
  });
});
