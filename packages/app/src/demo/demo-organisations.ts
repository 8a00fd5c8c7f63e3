import { insertOrganisation, setOrganisationAliases } from '@civic/store';
import { newId } from '../ids.ts';
import type { DemoStep } from './seed-demo.ts';

/**
 * The organisations of the 2020–21 case (legal-brief.md §2.2). BINs are illustrative (no public
 * source given); cities marked [U] in the brief are illustrative too. Their names in Cyrillic are
 * aliases (the Russian first, then the Kazakh): Russian and Kazakh documents name an organisation by
 * them, and a search for either script finds its incidents.
 */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  echo: ['ОФ «Эхо»', '«Эхо» ҚҚ'],
  erkindik: ['Еркиндик Канаты', 'Еркіндік қанаты'],
  kibhr: [
    'Казахстанское международное бюро по правам человека и соблюдению законности',
    'Адам құқықтары және заңдылықты сақтау жөніндегі Қазақстан халықаралық бюросы',
  ],
  ili: ['Международная правовая инициатива', 'Халықаралық құқықтық бастама'],
  lmc: ['Правовой медиа-центр', 'Құқықтық медиа-орталық'],
  medianet: ['Международный центр журналистики «МедиаНет»', '«МедиаНет» халықаралық журналистика орталығы'],
  kadir: ['Кадир Касиет', 'Қадір-қасиет'],
};

export const DEMO_ORGANISATIONS = [
  { key: 'echo', name: 'Echo', city: 'Almaty', bin: '070940000014' },
  { key: 'erkindik', name: 'Erkindik Kanaty', city: 'Nur-Sultan', bin: '080140000027' },
  {
    key: 'kibhr',
    name: 'Kazakhstan International Bureau for Human Rights',
    city: 'Almaty',
    bin: '930240000038',
  },
  { key: 'ili', name: 'International Legal Initiative', city: 'Almaty', bin: '040340000047' },
  { key: 'lmc', name: 'Legal Media Center', city: 'Nur-Sultan', bin: '100440000054' },
  { key: 'medianet', name: 'MediaNet International Journalism Centre', city: 'Almaty', bin: '050540000066' },
  { key: 'kadir', name: 'Kadir Kassiet', city: 'Almaty', bin: '000640000070' },
] as const;

export const seedDemoOrganisations: DemoStep = {
  name: 'organisations',
  async run(ctx, state) {
    for (const o of DEMO_ORGANISATIONS) {
      const id = newId('org');
      await insertOrganisation(ctx.store.db, {
        id,
        name: o.name,
        bin: o.bin,
        city: o.city,
        illustrative: true,
        createdAt: ctx.now().toISOString(),
      });
      await setOrganisationAliases(ctx.store.db, id, ALIASES[o.key] ?? []);
      state.organisations.set(o.key, id);
    }
    return { organisations: DEMO_ORGANISATIONS.length };
  },
};
