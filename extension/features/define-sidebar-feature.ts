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
  /** The file name, so the id cannot drift from the file (as refined-github does). */
  id: string;
  /** Whether the feature has anything to show for this contact (absent features take no space). */
  when?: (view: KnownContactView) => boolean;
  render: (props: FeatureProps) => ComponentChildren;
}

/** Registers one section of the 360-degree view; `features/index.ts` lists them in display order. */
export function defineSidebarFeature(moduleUrl: string, feature: Omit<SidebarFeature, 'id'>): SidebarFeature {
  const id = /([\w-]+)\.tsx?(?:\?.*)?$/.exec(moduleUrl)?.[1] ?? moduleUrl;
  return { id, ...feature };
}
