// A small model of how bash and dash read the words an export writes: bare characters of shellQuote's
// safe set, '...' (every character literal up to the next quote) and \' between them. Anything else
// outside quotes ($, `, ;, &, a newline, a glob) is something the shell would interpret: undefined.

/** The words of TEXT (space-separated) as the shell reads them, or undefined where it would interpret any. */
export function shellWords(text: string): string[] | undefined {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return undefined;
      word += text.slice(i + 1, end);
      i = end + 1;
      inWord = true;
    } else if (c === '\\' && text[i + 1] === "'") {
      word += "'";
      i += 2;
      inWord = true;
    } else if (c === ' ') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (/^[A-Za-z0-9_./:=@%+,-]$/.test(c)) {
      word += c;
      i++;
      inWord = true;
    } else return undefined;
  }
  if (inWord) words.push(word);
  return words;
}
