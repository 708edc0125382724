import { useEffect, useRef } from 'react';
import { PLUGIN_ID } from '../pluginId';

type InitializerProps = { setPlugin: (id: string) => void };

/** Tells the admin the plugin is ready. */
export const Initializer = ({ setPlugin }: InitializerProps) => {
  const ref = useRef(setPlugin);
  useEffect(() => {
    ref.current(PLUGIN_ID);
  }, []);
  return null;
};
