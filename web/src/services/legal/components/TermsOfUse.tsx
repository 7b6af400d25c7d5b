import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../app/i18n';

const TERMS = {
  fr: [
    ['Objet', 'L’espace numérique de travail (ENT) Préau est mis à disposition des élèves, de leurs parents et des personnels pour la vie scolaire et les apprentissages. Il est réservé à cet usage.'],
    ['Identifiants', 'Vos identifiants sont personnels : ne les communiquez à personne. Signalez à votre établissement toute utilisation que vous n’avez pas faite de votre compte. Déconnectez-vous sur les ordinateurs partagés.'],
    ['Respect des personnes', 'Les propos injurieux, diffamatoires, discriminatoires ou harcelants sont interdits, comme la diffusion de l’image ou d’informations personnelles d’autrui sans son accord.'],
    ['Respect des œuvres', 'Ne publiez que des contenus dont vous avez les droits ; citez vos sources.'],
    ['Sécurité et traces', 'Pour la sécurité du service, les connexions sont enregistrées et conservées de 6 à 12 mois. Les administrateurs n’accèdent aux contenus que dans les cas prévus par la loi et le règlement intérieur.'],
    ['Manquements', 'Le non-respect de cette charte peut entraîner la suspension de l’accès et les mesures prévues par le règlement intérieur de l’établissement.'],
  ],
  en: [
    ['Purpose', 'The Préau digital workspace (ENT) is provided to students, their parents and staff for school life and learning. It is reserved for that use.'],
    ['Credentials', 'Your login and password are personal: share them with nobody. Tell your school about any use of your account you did not make. Log out on shared computers.'],
    ['Respect for people', 'Insulting, defamatory, discriminatory or harassing content is forbidden, as is sharing someone’s picture or personal information without their consent.'],
    ['Respect for works', 'Publish only content you have the rights to; cite your sources.'],
    ['Security and logs', 'For the security of the service, connections are logged and kept for 6 to 12 months. Administrators access content only where the law and the school rules provide for it.'],
    ['Breaches', 'Breaching these terms may lead to suspension of access and to the measures set by the school rules.'],
  ],
} as const;

/** The charte d’utilisation, shown under an h2 on the activation page and in the legal notice. */
export function TermsOfUse() {
  const { i18n } = useTranslation();
  return (
    <div className="terms">
      {TERMS[currentLanguage(i18n)].map(([title, body]) => (
        <section key={title}>
          <h3>{title}</h3>
          <p>{body}</p>
        </section>
      ))}
    </div>
  );
}
