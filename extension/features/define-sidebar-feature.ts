import type { ComponentChildren } from 'preact';
import type { KnownContactView } from '../data/contact-view';
import type { ThreadInView } from '../messaging/protocol';
import type { SidebarModel } from '../state/sidebar-model';

export interface FeatureProps {
  view: KnownContactView;
  model: SidebarModel;
  thread: ThreadInView | null;
}

export interface SidebarFeature {
  /** The feature's file name (features/<id>.tsx); features.test.ts keeps the two equal. */
  id: string;
  /** Whether the feature has anything to show for this contact (absent features take no space). */
  when?: (view: KnownContactView) => boolean;
  render: (props: FeatureProps) => ComponentChildren;
}

/**
 * Registers one section of the 360-degree view; `features/index.ts` lists them in display
 * order. The id is written out rather than taken from `import.meta.url`, which names the
 * bundled chunk, not the source file, once built.
 */
export function defineSidebarFeature(id: string, feature: Omit<SidebarFeature, 'id'>): SidebarFeature {
  return { id, ...feature };
}
