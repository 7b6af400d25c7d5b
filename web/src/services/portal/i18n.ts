export const portalTexts = {
  fr: {
    home: {
      title: 'Mon ENT',
      greeting: 'Bonjour {{name}} !',
      inEstablishment: 'Vous êtes dans l’espace de {{establishment}}.',
      noEstablishment: 'Votre compte n’est rattaché à aucun établissement.',
      servicesTitle: 'Vos services',
      noTiles: 'Aucun service n’est ouvert pour vous dans cet établissement.',
    },
    establishment: {
      label: 'Établissement',
      description: 'Vous êtes membre de plusieurs établissements : choisissez celui à afficher.',
    },
    children: {
      title: 'Vos enfants',
      label: 'Enfant suivi',
      following: 'Vous suivez la scolarité de {{name}}.',
      classIn: '{{className}}, {{establishment}}',
      noClass: 'classe non renseignée',
    },
    tiles: {
      directory: { title: 'Annuaire', description: 'Trouver les élèves, enseignants et personnels de l’établissement.' },
      account: { title: 'Mon compte', description: 'Mot de passe, sessions ouvertes et informations personnelles.' },
      admin: { title: 'Administration', description: 'Réinitialiser, suspendre ou réactiver les comptes, imprimer les lettres d’activation.' },
      imports: { title: 'Imports', description: 'Mettre à jour les comptes depuis SIECLE, STS-web ou un fichier CSV.' },
      establishments: { title: 'Établissements', description: 'Lister et ajouter les établissements de la plateforme.' },
      audit: { title: 'Journal d’audit', description: 'Consulter les actions sensibles enregistrées sur la plateforme.' },
      unknown: { description: 'Service de l’établissement.' },
    },
  },
  en: {
    home: {
      title: 'My workspace',
      greeting: 'Hello {{name}}!',
      inEstablishment: 'You are in the space of {{establishment}}.',
      noEstablishment: 'Your account is not attached to any school.',
      servicesTitle: 'Your services',
      noTiles: 'No service is open to you in this school.',
    },
    establishment: {
      label: 'School',
      description: 'You belong to several schools: choose the one to show.',
    },
    children: {
      title: 'Your children',
      label: 'Child followed',
      following: 'You are following {{name}}’s schooling.',
      classIn: '{{className}}, {{establishment}}',
      noClass: 'class not set',
    },
    tiles: {
      directory: { title: 'Directory', description: 'Find the students, teachers and staff of the school.' },
      account: { title: 'My account', description: 'Password, open sessions and personal details.' },
      admin: { title: 'Administration', description: 'Reset, suspend or reactivate accounts, print activation letters.' },
      imports: { title: 'Imports', description: 'Update the accounts from SIECLE, STS-web or a CSV file.' },
      establishments: { title: 'Schools', description: 'List and add the schools of the platform.' },
      audit: { title: 'Audit log', description: 'Review the sensitive actions recorded on the platform.' },
      unknown: { description: 'A service of the school.' },
    },
  },
} as const;
