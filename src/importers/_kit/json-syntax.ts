import { skipWs } from './json-scan.js';

const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/;

/**
 * Offset of the first syntax error in text that JSON.parse rejected. V8 gives a position for most
 * errors but not all ("Unexpected token ... is not valid JSON"), so we find it ourselves.
 */
export function syntaxErrorOffset(text: string, message: string): number {
  const m = /at position (\d+)/.exec(message);
  if (m) return Math.min(Number(m[1]), text.length);
  return scanForError(text);
}

function scanString(text: string, i: number): number | { error: number } {
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return { error: j };
    if (c === 0x5c) {
      const e = text[j + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return { error: j };
        j += 6;
        continue;
      }
      if (e === undefined || !'"\\/bfnrt'.includes(e)) return { error: j };
      j += 2;
      continue;
    }
    j++;
  }
  return { error: text.length };
}

/** Iterative validator: stack of open containers; returns the offset where the text stops being JSON. */
function scanForError(text: string): number {
  const stack: ('{' | '[')[] = [];
  let i = skipWs(text, 0);
  let expectValue = true;
  for (;;) {
    if (expectValue) {
      if (i >= text.length) return i;
      const c = text[i];
      if (c === '{' || c === '[') {
        stack.push(c);
        i = skipWs(text, i + 1);
        if (text[i] === (c === '{' ? '}' : ']')) {
          stack.pop();
          i++;
          expectValue = false;
        } else if (c === '{') {
          if (text[i] !== '"') return i;
          const s = scanString(text, i);
          if (typeof s !== 'number') return s.error;
          i = skipWs(text, s);
          if (text[i] !== ':') return i;
          i = skipWs(text, i + 1);
        }
        continue;
      }
      if (c === '"') {
        const s = scanString(text, i);
        if (typeof s !== 'number') return s.error;
        i = s;
      } else {
        const m = literal.exec(text.slice(i, i + 400));
        if (!m) return i;
        i += m[0].length;
      }
      expectValue = false;
      continue;
    }
    i = skipWs(text, i);
    const top = stack[stack.length - 1];
    if (top === undefined) return Math.min(i, text.length);
    const c = text[i];
    if (c === ',') {
      i = skipWs(text, i + 1);
      if (top === '{') {
        if (text[i] !== '"') return i;
        const s = scanString(text, i);
        if (typeof s !== 'number') return s.error;
        i = skipWs(text, s);
        if (text[i] !== ':') return i;
        i = skipWs(text, i + 1);
      }
      expectValue = true;
      continue;
    }
    if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
      stack.pop();
      i++;
      continue;
    }
    return i;
  }
}
