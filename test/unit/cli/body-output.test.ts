import { describe, expect, it } from 'vitest';
import { bodyOutput } from '../../../main/cli/body-output';

const answer = (text: string) => {
  let json: unknown = null;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    // not JSON: the runner gives null
  }
  return { text, json };
};

describe('pmtoken request prints the body', () => {
  it('as it came into a pipe or a file, control characters and all', () => {
    const text = '{"name":"a\u001b]0;owned\u0007b"}';
    expect(bodyOutput(answer(text), false)).toBe(`${text}\n`);
    expect(bodyOutput(answer('plain\r\n\u001b[2J'), false)).toBe('plain\r\n\u001b[2J\n');
  });

  it('indented on a terminal when it is JSON, with C1 and bidi controls escaped inside strings', () => {
    const out = bodyOutput(answer('{"id":2,"name":"Jane\u009b2J\u202e","tags":["a"]}'), true);
    expect(out).toBe('{\n  "id": 2,\n  "name": "Jane\\u009b2J\\u202e",\n  "tags": [\n    "a"\n  ]\n}\n');
    expect(JSON.parse(out)).toEqual({ id: 2, name: 'Jane\u009b2J\u202e', tags: ['a'] });
  });

  it('on a terminal, a text answer keeps its lines and tabs but shows every other control character escaped', () => {
    const out = bodyOutput(answer('<h1>Down</h1>\r\n\tback soon\u001b]0;title\u0007\u001b[2J\r'), true);
    expect(out).toBe('<h1>Down</h1>\n\tback soon\\x1b]0;title\\x07\\x1b[2J\\r\n');
    const raw = [...out].filter((ch) => {
      const code = ch.charCodeAt(0);
      return (code < 0x20 && ch !== '\n' && ch !== '\t') || (code >= 0x7f && code <= 0x9f);
    });
    expect(raw).toEqual([]);
  });

  it('prints nothing for an empty body, and ends every other with one line feed', () => {
    expect(bodyOutput({ text: '', json: null }, true)).toBe('');
    expect(bodyOutput({ text: '', json: null }, false)).toBe('');
    expect(bodyOutput(answer('ok\n'), true)).toBe('ok\n');
    expect(bodyOutput(answer('[]'), true)).toBe('[]\n');
  });
});
