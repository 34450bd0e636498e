/**
 * The curl options Import curl understands, by every name curl gives them. Anything else is
 * refused by name: an unknown option may take a value, and guessing would turn that value into the
 * URL or the body.
 */

export type CurlOption =
  | 'request'
  | 'header'
  | 'data'
  | 'data-raw'
  | 'data-binary'
  | 'data-urlencode'
  | 'json'
  | 'get'
  | 'head'
  | 'url'
  | 'user'
  | 'user-agent'
  | 'referer'
  | 'cookie'
  | 'form'
  /** Accepted and ignored: how curl itself behaves, not what is sent. */
  | 'ignored-flag'
  /** Accepted and ignored, with the value it takes. */
  | 'ignored-value';

interface OptionSpec {
  option: CurlOption;
  /** Takes the next word (or the rest of a short cluster) as its value. */
  value: boolean;
}

const withValue = (option: CurlOption): OptionSpec => ({ option, value: true });
const flag = (option: CurlOption): OptionSpec => ({ option, value: false });

export const LONG_OPTIONS: ReadonlyMap<string, OptionSpec> = new Map([
  ['--request', withValue('request')],
  ['--header', withValue('header')],
  ['--data', withValue('data')],
  ['--data-ascii', withValue('data')],
  ['--data-raw', withValue('data-raw')],
  ['--data-binary', withValue('data-binary')],
  ['--data-urlencode', withValue('data-urlencode')],
  ['--json', withValue('json')],
  ['--get', flag('get')],
  ['--head', flag('head')],
  ['--url', withValue('url')],
  ['--user', withValue('user')],
  ['--user-agent', withValue('user-agent')],
  ['--referer', withValue('referer')],
  ['--cookie', withValue('cookie')],
  ['--form', withValue('form')],
  ['--form-string', withValue('form')],
  // How curl runs, prints or connects: nothing of the request itself.
  ...[
    '--compressed', '--silent', '--show-error', '--location', '--globoff', '--include', '--verbose', '--fail',
    '--fail-with-body', '--no-buffer', '--http1.1', '--http2', '--http2-prior-knowledge', '--insecure', '--no-progress-meter',
    '--progress-bar', '--location-trusted', '--raw', '--tr-encoding', '--no-keepalive', '--ipv4', '--ipv6',
  ].map((name) => [name, flag('ignored-flag')] as const),
  ...['--output', '--write-out', '--max-time', '--connect-timeout', '--retry', '--retry-delay', '--retry-max-time', '--max-redirs', '--cookie-jar', '--dump-header', '--proxy']
    .map((name) => [name, withValue('ignored-value')] as const),
]);

export const SHORT_OPTIONS: ReadonlyMap<string, OptionSpec> = new Map([
  ['X', withValue('request')],
  ['H', withValue('header')],
  ['d', withValue('data')],
  ['G', flag('get')],
  ['I', flag('head')],
  ['u', withValue('user')],
  ['A', withValue('user-agent')],
  ['e', withValue('referer')],
  ['b', withValue('cookie')],
  ['F', withValue('form')],
  ...['s', 'S', 'L', 'g', 'i', 'v', 'f', 'N', 'k', '4', '6', '#'].map((name) => [name, flag('ignored-flag')] as const),
  ...['o', 'w', 'm', 'c', 'D', 'x'].map((name) => [name, withValue('ignored-value')] as const),
]);
