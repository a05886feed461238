import { describe, expect, it } from 'vitest';
import { checkSchema } from '../../schema-check';
import configSchema from '../../schemas/help-config.json';
import { DEFAULT_CONFIG, parseHelpConfig } from './config';
import { withDefaults } from './defaults';

describe('withDefaults', () => {
  it('should fill nested defaults from the generated schema, as zod would', () => {
    expect(DEFAULT_CONFIG).toEqual({
      mode: 'both',
      callback: { enabled: true, days: 5, weekdays: [1, 2, 3, 4, 5], startHour: 9, endHour: 17, slotMinutes: 60 },
    });
    expect(withDefaults(configSchema, { callback: { days: 3 } })).toMatchObject({
      callback: { days: 3, startHour: 9 },
    });
  });

  it('should keep what the owner set and never share default arrays between results', () => {
    const one = withDefaults<{ callback: { weekdays: number[] } }>(configSchema, {});
    one.callback.weekdays.push(6);
    expect(DEFAULT_CONFIG.callback.weekdays).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('parseHelpConfig', () => {
  it('should name the wrong field and refuse unknown ones', () => {
    const result = parseHelpConfig({ mode: 'chat', callback: { days: 0 }, colour: 'red' }, checkSchema);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain('mode: must be one of "articles", "contact", "both", got "chat"');
      expect(result.error).toContain('callback.days: must be at least 1');
      expect(result.error).toContain('colour: is not a known field');
    }
  });

  it('should accept attachments with their limits filled in', () => {
    const result = parseHelpConfig({ attachments: { endpoint: '/upload' } }, checkSchema);
    expect(result.ok && result.config.attachments).toEqual({
      endpoint: '/upload',
      maxFiles: 3,
      maxSizeMb: 5,
      accept: ['image/*', 'application/pdf', 'text/plain'],
    });
  });
});
