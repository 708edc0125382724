// The few Next.js (App Router) functions the docs' snippets use, with Next.js 15's signatures,
// so the docs test can type-check them without installing Next.js into the fixture app.
declare module 'next/headers' {
  export function cookies(): Promise<{
    get(name: string): { name: string; value: string } | undefined;
  }>;
  export function draftMode(): Promise<{ isEnabled: boolean; enable(): void; disable(): void }>;
}

declare module 'next/navigation' {
  export function redirect(url: string): never;
}

declare module 'next/script' {
  import type { ReactElement } from 'react';

  export default function Script(props: {
    src?: string;
    id?: string;
    strategy?: 'beforeInteractive' | 'afterInteractive' | 'lazyOnload' | 'worker';
    children?: string;
  }): ReactElement;
}
