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
