/** Turns a message key and its values into the sentence of one locale (ICU MessageFormat). */
import { IntlMessageFormat } from 'intl-messageformat';
import type { englishMessages } from './english';
import type { Locale } from './locales';

/** Every message key; English is the source of truth, so a misspelled key fails the typecheck. */
export type MessageKey = keyof typeof englishMessages;
/** One locale's catalogue: a sentence (ICU syntax) for every key. */
export type Messages = Record<MessageKey, string>;
/** Values for a message's placeholders ({host}, {count, plural, …}, {time, time, short}). */
export type MessageValues = Record<string, string | number | Date>;

/** A locale's words and formats. */
export interface Translator {
  readonly locale: Locale;
  /** The tag dates and numbers are formatted for: the system's region when it speaks this language ('en-GB'). */
  readonly formatLocale: string;
  /** The sentence for `key`, with its placeholders filled. */
  t(key: MessageKey, values?: MessageValues): string;
  /** A moment relative to now, in words: "in 59 minutes", "vor 2 Stunden" (Intl.RelativeTimeFormat). */
  relative(deltaMs: number): string;
  /** A date and/or time (Intl.DateTimeFormat); by default the day and the time, short. */
  dateTime(when: Date | number, options?: Intl.DateTimeFormatOptions): string;
  /** A number (Intl.NumberFormat): counts, sizes, milliseconds. */
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

/** True when a BCP 47 or POSIX tag ('en_GB.UTF-8', 'en-GB') is of `locale`'s language. */
function sameLanguage(tag: string, locale: Locale): boolean {
  return tag.toLowerCase().split(/[-_.@]/)[0] === locale;
}

/** 'en_GB.UTF-8' as 'en-GB'; a tag Intl does not accept gives undefined. */
function canonical(tag: string): string | undefined {
  const bcp = tag.split(/[.@]/)[0]?.replace(/_/g, '-') ?? '';
  try {
    return Intl.getCanonicalLocales(bcp)[0];
  } catch {
    return undefined;
  }
}

const RELATIVE_UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * Makes a translator over one catalogue; each message is parsed once, when first used. Dates and
 * numbers follow `formatLocale` (for example 'en-GB' or 'es-MX', the system's own) when it is of
 * the same language, else `locale`.
 */
export function createTranslator(locale: Locale, messages: Messages, formatLocale?: string): Translator {
  const formats = new Map<MessageKey, IntlMessageFormat>();
  const region = formatLocale && sameLanguage(formatLocale, locale) ? canonical(formatLocale) : undefined;
  const tag = region ?? locale;
  return {
    locale,
    formatLocale: tag,
    t(key, values) {
      let format = formats.get(key);
      if (!format) {
        const source = messages[key];
        // A key missing at run time (a stale catalogue) shows the key rather than nothing.
        if (source === undefined) return key;
        format = new IntlMessageFormat(source, tag);
        formats.set(key, format);
      }
      return String(format.format(values));
    },
    relative(deltaMs) {
      const rtf = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
      for (const [unit, size] of RELATIVE_UNITS) {
        if (Math.abs(deltaMs) >= size) return rtf.format(Math.round(deltaMs / size), unit);
      }
      return rtf.format(Math.round(deltaMs / 1000), 'second');
    },
    dateTime(when, options = { dateStyle: 'medium', timeStyle: 'short' }) {
      return new Intl.DateTimeFormat(tag, options).format(when);
    },
    number(value, options) {
      return new Intl.NumberFormat(tag, options).format(value);
    },
  };
}
