import { describe, expect, it } from 'vitest';
import { conversationKey, memoryConversations } from '../../src/slack/conversations.js';

describe('what each person last asked about', () => {
  it('keeps a topic per person per channel, and forgets it after the time allowed', () => {
    let now = 0;
    const conversations = memoryConversations(30 * 60 * 1000, 100, () => now);
    const mine = conversationKey('T1', 'C1', 'U1');
    conversations.remember(mine, 'does germany back rutte');
    expect(conversations.topic(mine)).toBe('does germany back rutte');
    expect(conversations.topic(conversationKey('T1', 'C1', 'U2'))).toBeUndefined();
    expect(conversations.topic(conversationKey('T1', 'C2', 'U1'))).toBeUndefined();
    expect(conversations.topic(conversationKey('T2', 'C1', 'U1'))).toBeUndefined();
    now = 30 * 60 * 1000 - 1;
    expect(conversations.topic(mine)).toBe('does germany back rutte');
    now = 30 * 60 * 1000;
    expect(conversations.topic(mine)).toBeUndefined();
  });

  it('holds at most as many conversations as allowed, dropping the least recent', () => {
    const conversations = memoryConversations(60_000, 2, () => 0);
    conversations.remember('a', 'first');
    conversations.remember('b', 'second');
    conversations.remember('a', 'first again');
    conversations.remember('c', 'third');
    expect(conversations.topic('b')).toBeUndefined();
    expect(conversations.topic('a')).toBe('first again');
    expect(conversations.topic('c')).toBe('third');
  });
});
