import { describe, expect, it } from 'vitest';
import { features } from './index';

const files = import.meta.glob<{ default: { id: string } }>('./*.tsx', { eager: true });
const sources = import.meta.glob<string>('./*.tsx', { eager: true, query: '?raw', import: 'default' });

describe('sidebar features', () => {
  it('should name every feature after its file and list every feature file in index.ts', () => {
    const byFile = Object.entries(files).map(([path, module]) => [path.slice(2, -4), module.default.id]);
    for (const [file, id] of byFile) expect(id).toBe(file);
    expect(features.map((f) => f.id).sort()).toEqual(byFile.map(([file]) => file).sort());
  });

  it('should end every feature with the fixture pages it was checked against', () => {
    for (const [path, source] of Object.entries(sources)) expect(source, path).toMatch(/\/\/ Checked against: .+\n?$/);
  });
});
