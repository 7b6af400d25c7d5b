export const directoryTexts = {
  fr: {
    title: 'Annuaire',
    intro: 'Les élèves, parents, enseignants et personnels de {{establishment}} que vous pouvez voir.',
    noAccess: 'L’annuaire n’est pas ouvert pour vous dans cet établissement.',
    search: {
      label: 'Rechercher une personne',
      description: 'Nom, prénom ou une partie du nom.',
      profile: 'Profil',
      anyProfile: 'Tous les profils',
      submit: 'Rechercher',
      legend: 'Recherche',
    },
    results: {
      title: 'Résultats',
      count_one: '{{count}} personne affichée.',
      count_other: '{{count}} personnes affichées.',
      more: 'Il y a d’autres résultats.',
      empty: 'Aucune personne ne correspond à votre recherche.',
    },
    person: {
      classes: 'Classes et groupes',
      subjects: 'Matières',
      email: 'Courriel',
      phone: 'Téléphone',
    },
  },
  en: {
    title: 'Directory',
    intro: 'The students, parents, teachers and staff of {{establishment}} you may see.',
    noAccess: 'The directory is not open to you in this school.',
    search: {
      label: 'Search for a person',
      description: 'Last name, first name or part of a name.',
      profile: 'Profile',
      anyProfile: 'All profiles',
      submit: 'Search',
      legend: 'Search',
    },
    results: {
      title: 'Results',
      count_one: '{{count}} person shown.',
      count_other: '{{count}} people shown.',
      more: 'There are more results.',
      empty: 'Nobody matches your search.',
    },
    person: {
      classes: 'Classes and groups',
      subjects: 'Subjects',
      email: 'E-mail',
      phone: 'Telephone',
    },
  },
} as const;
