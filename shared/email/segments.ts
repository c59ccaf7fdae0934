// An email body cut into what the writer asked and what merely came along: the signature (the
// writer's own phone numbers, never numbers to port), and forwarded or quoted messages, each with
// the sender its header names.

export interface Segment {
  /** The request text: greeting to sign-off. */
  body: string;
  /** From the sign-off on: name, title, phone. */
  signature: string;
  /** The sender named by a forwarded message's header ("From: Jane Roe <jane@x.com>"), if any. */
  from: { name: string; address: string } | null;
}

const FORWARD_MARK =
  /^\s*(?:-{2,}\s*(?:Forwarded message|Original Message|Begin forwarded message)\s*-{0,}|Begin forwarded message:|-{5,}\s*Original Message\s*-{5,})\s*$/i;
const ON_WROTE = /^\s*On .{6,120}wrote:\s*$/i;
const SIGN_OFF =
  /^\s*(?:thanks|thank you|thanks again|many thanks|thx|regards|best|best regards|kind regards|warm regards|sincerely|cheers|respectfully|all the best|talk soon|--|—|__+)\s*[,.!]?\s*$/i;
const MOBILE_FOOTER = /^\s*sent from my (?:iphone|ipad|android|mobile|samsung|phone)/i;
const HEADER_LINE = /^\s*(From|Sent|Date|To|Cc|Subject)\s*:\s*(.*)$/i;

export function parseAddressHeader(v: string): { name: string; address: string } | null {
  const angle = /^\s*"?([^"<]*?)"?\s*<([^>\s]+@[^>\s]+)>/.exec(v);
  if (angle) return { name: angle[1]!.trim(), address: angle[2]!.trim() };
  const bare = /([^\s<>"]+@[^\s<>"]+\.[A-Za-z]{2,})/.exec(v);
  if (bare)
    return {
      name: v
        .replace(bare[1]!, '')
        .replace(/[<>"()[\]]/g, '')
        .trim(),
      address: bare[1]!,
    };
  return null;
}

export function splitSegments(text: string): Segment[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    // Quoted replies keep their words; only the markers go.
    .split('\n')
    .map((l) => l.replace(/^(?:\s*>)+ ?/, ''));
  const segments: { lines: string[]; from: Segment['from'] }[] = [{ lines: [], from: null }];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (FORWARD_MARK.test(line) || ON_WROTE.test(line)) {
      let from: Segment['from'] = null;
      const onWrote = ON_WROTE.exec(line)
        ? parseAddressHeader(line.replace(/^\s*On .*?,\s*(?=[^,]*$)/, ''))
        : null;
      if (onWrote) from = onWrote;
      // The forwarded header block: From/Sent/To/Subject lines, up to the first blank line.
      let j = i + 1;
      while (j < lines.length && lines[j]!.trim() === '') j++;
      while (j < lines.length && HEADER_LINE.test(lines[j]!)) {
        const [, key, value] = HEADER_LINE.exec(lines[j]!)!;
        if (key!.toLowerCase() === 'from')
          from = parseAddressHeader(value!) ?? { name: value!.trim(), address: '' };
        j++;
      }
      segments.push({ lines: [], from });
      i = j - 1;
      continue;
    }
    segments[segments.length - 1]!.lines.push(line);
  }
  return segments
    .map(({ lines: ls, from }) => {
      // The sign-off nearest the end that still has the request above it; a "Thanks," at the
      // top ("Thanks for the quick reply") is not one, so search from the end.
      let cut = ls.length;
      for (let k = ls.length - 1; k > 0; k--) {
        if (SIGN_OFF.test(ls[k]!) || MOBILE_FOOTER.test(ls[k]!)) {
          cut = k;
          break;
        }
      }
      return { body: ls.slice(0, cut).join('\n').trim(), signature: ls.slice(cut).join('\n').trim(), from };
    })
    .filter((s) => s.body || s.signature);
}
