import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import '../src/index.js';
import './brands.css';
import './preview.css';
import { argTypesFromManifest } from './argtypes.js';
import { withControls } from './controls.js';
import { LOCALES, THEMES, withThemeAndLocale } from './theme-locale.js';

// Controls and docs come from the JSDoc of each element, through the manifest.
setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  // Controls first (innermost), so the element they find is the story's own.
  decorators: [withControls, withThemeAndLocale],
  // Nothing chosen by default: each story shows the theme and locale it was written with.
  globalTypes: {
    theme: {
      description: 'Colour theme: the light and dark token sets, or a brand made of --aip-* tokens',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [{ type: 'reset', title: "Story's own" }, ...THEMES],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale of every <aip-storefront> (prices, dates, text) and the page language and direction',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [{ type: 'reset', title: "Story's own" }, ...LOCALES],
        dynamicTitle: true,
      },
    },
  },
  parameters: {
    controls: { expanded: true },
    // Every attribute, property, event, slot, custom property and part of the manifest, each in its section.
    docs: {
      extractArgTypes: (tagName: string) => argTypesFromManifest(manifest, tagName),
      // "Show code" shows what a host page would write, not the toolbar's wrapper.
      source: { excludeDecorators: true },
    },
    // The accessibility panel runs axe on each story as it renders (re-run it
    // once data has loaded). The gate is the axe checks in the browser tests;
    // here violations are reported as warnings.
    a11y: { test: 'todo' },
    options: { storySort: { order: ['Guides', ['Theming', 'Embed'], 'Elements'] } },
  },
};

export default preview;
