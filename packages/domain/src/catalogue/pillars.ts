import type { Pillar, PillarId } from '../contracts.js';

export const PILLARS: readonly Pillar[] = [
  {
    id: 'prevention',
    name: 'Prevention',
    description:
      'Stopping people in Gujrat from falling into the hands of traffickers and smugglers before they leave: awareness work through imams, teachers, returnees and diaspora figures, safe-migration lessons in schools and colleges, and a national plan that ties these together. Italy and Spain pair public campaigns with outreach and inspections that reach people at risk early.',
    thesisSection: '5.1.1',
    scored: true,
  },
  {
    id: 'protection',
    name: 'Protection',
    description:
      'Identifying victims and returnees and giving them care, legal help and a way back into community life instead of treating them as offenders. The thesis proposes District Migration Resource Centres and a Punjab referral mechanism; Italy’s Art. 18 social-protection permit and Spain’s recovery and reflection period show how a legal status builds victims’ trust in institutions.',
    thesisSection: '5.1.2',
    scored: true,
  },
  {
    id: 'prosecution',
    name: 'Prosecution',
    description:
      'Investigating and convicting traffickers, with intelligence-led and cyber-capable FIA circles in Gujrat and Gujranwala, clear legal separation of trafficking from migrant smuggling, and designated courts that shorten trials. Italy and Spain show how specialised police and prosecutors produce trafficking-only statistics that can be compared year on year.',
    thesisSection: '5.1.3',
    scored: true,
  },
  {
    id: 'partnership',
    name: 'Partnership',
    description:
      'Cooperation across government, NGOs and other countries: publicly funded NGO services, formal agreements with partner governments, and legal labour pathways (TEVTA and PSDF training for foreign markets) that undercut smugglers. Italy and Spain rely on state-funded NGOs for shelter and rehabilitation and on bilateral agreements with countries of origin.',
    thesisSection: '5.1.4',
    scored: true,
  },
  {
    id: 'context',
    name: 'Context',
    description:
      'Background figures that are not scored: population (the denominator for rates), youth unemployment, remittances, deaths and disappearances on irregular routes, and estimates of modern slavery. They describe the pressures behind irregular migration from Gujrat, not how well the response works.',
    thesisSection: null,
    scored: false,
  },
];

/** The pillar with this id; every PillarId has one. */
export function findPillar(id: PillarId): Pillar {
  const pillar = PILLARS.find((candidate) => candidate.id === id);
  if (pillar === undefined) throw new Error(`Pillar catalogue is missing ${id}`);
  return pillar;
}
