import { defineComponent, ref, type PropType } from 'vue';
import 'aip-storefront';
import type { AipSelectEvent, PersonaSummary } from 'aip-storefront';
import type {} from 'aip-storefront/vue';

export const App = defineComponent({
  props: {
    api: { type: String, required: true },
    featured: { type: Object as PropType<PersonaSummary>, required: true },
  },
  setup() {
    const chosen = ref('');
    function choose(event: AipSelectEvent) {
      event.preventDefault(); // the app shows the choice itself: no detail dialog, no link followed
      chosen.value = event.detail.persona.name;
    }
    return { chosen, choose };
  },
  template: `
    <aip-storefront :api="api">
      <aip-persona-card :data.prop="featured" layout="horizontal" @aip-select="choose"></aip-persona-card>
      <aip-catalog :page-size="12" @aip-select="choose"></aip-catalog>
      <p role="status">{{ chosen && \`You chose \${chosen}\` }}</p>
    </aip-storefront>
  `,
});
