import type { StorybookConfig } from '@storybook/web-components-vite';
import { marketplace } from '../server/vite-plugin.js';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: {
    name: '@storybook/web-components-vite',
    // Storybook's own Vite config: the root one builds the library, not stories.
    options: { builder: { viteConfigPath: '.storybook/vite.config.ts' } },
  },
  core: { disableTelemetry: true },
  // Stories talk to the real reference marketplace on Storybook's own origin.
  viteFinal: async (config) => {
    config.plugins = [...(config.plugins ?? []), marketplace()];
    return config;
  },
};

export default config;
