import type { TimelineEntry } from '../api/types';
import type { MessageKey } from '../i18n/messages-en-us';

/** The heading of an entry: a translated phrase, with the server's title where it says something. */
export interface TimelineHeading {
  key: MessageKey | null;
  /** Shown after (or instead of) the phrase. */
  text: string | null;
}

const CHANGE_KEYS: Readonly<Record<string, MessageKey>> = {
  create: 'timeline.created',
  update: 'timeline.updated',
  delete: 'timeline.deleted',
};

export function timelineHeading(entry: TimelineEntry): TimelineHeading {
  switch (entry.kind) {
    case 'change': {
      const key = CHANGE_KEYS[entry.action ?? entry.title];
      return key ? { key, text: null } : { key: null, text: entry.title };
    }
    case 'note':
      // The server's title of a note is the start of its body, which is shown in full below.
      return { key: 'timeline.noteAdded', text: null };
    case 'contact':
      return { key: 'timeline.contactAdded', text: entry.title };
    default:
      return { key: null, text: entry.title };
  }
}
