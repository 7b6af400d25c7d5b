import { Link } from 'react-router';
import type { Language } from '../../../app/i18n';
import { TermsOfUse } from '../components/TermsOfUse';
import { type LegalConfig, placeholder } from '../legal-config';
import type { LegalSection } from './section';

export function legalNoticeSections(language: Language, config: LegalConfig): LegalSection[] {
  const or = (value: string | null, what: string) => value ?? placeholder(language, what);
  if (language === 'en') {
    return [
      {
        id: 'editeur',
        title: 'Publisher',
        body: (
          <>
            <p>{or(config.publisher, 'name, address and contact of the organisation running this workspace')}</p>
            <p>Publication director: {or(config.publicationDirector, 'name and role')}</p>
          </>
        ),
      },
      {
        id: 'hebergement',
        title: 'Hosting',
        body: <p>{or(config.hosting, 'name, address and telephone number of the hosting provider')}</p>,
      },
      {
        id: 'logiciel',
        title: 'Software',
        body: <p>Préau is free software published under the GNU Affero General Public License, version 3 or later.</p>,
      },
      {
        id: 'accessibilite',
        title: 'Accessibility statement',
        body: (
          <>
            <p>
              <strong>Compliance status: partially compliant.</strong> Préau is designed to meet the French accessibility
              standard (RGAA 4.1, based on WCAG 2.1 level AA). No complete audit has been carried out yet; the compliance
              rate will be published once it has.
            </p>
            <p>
              Automated checks run on every page of the portal before each release. Content added by schools (documents,
              images) may not be accessible.
            </p>
            <p>
              If you cannot access a content or a service, contact {or(config.accessibilityContact, 'accessibility contact')}{' '}
              to be directed to an accessible alternative or to obtain the content in another form.
            </p>
            <p>
              If you reported a problem and got no satisfying answer, you may write to the Défenseur des droits (online
              form on defenseurdesdroits.fr, a local delegate, or post: Défenseur des droits, Libre réponse 71120, 75342
              Paris CEDEX 07).
            </p>
          </>
        ),
      },
      { id: 'charte', title: 'Terms of use', body: <TermsOfUse /> },
      {
        id: 'donnees',
        title: 'Personal data',
        body: (
          <p>
            How your data is processed and how to use your rights: <Link to="/donnees-personnelles">personal data</Link>.
          </p>
        ),
      },
    ];
  }
  return [
    {
      id: 'editeur',
      title: 'Éditeur',
      body: (
        <>
          <p>{or(config.publisher, 'nom, adresse et contact de l’organisme qui exploite cet ENT')}</p>
          <p>Directeur ou directrice de la publication : {or(config.publicationDirector, 'nom et fonction')}</p>
        </>
      ),
    },
    {
      id: 'hebergement',
      title: 'Hébergement',
      body: <p>{or(config.hosting, 'nom, adresse et téléphone de l’hébergeur')}</p>,
    },
    {
      id: 'logiciel',
      title: 'Logiciel',
      body: (
        <p>Préau est un logiciel libre publié sous la licence publique générale GNU Affero, version 3 ou ultérieure.</p>
      ),
    },
    {
      id: 'accessibilite',
      title: 'Déclaration d’accessibilité',
      body: (
        <>
          <p>
            <strong>État de conformité : partiellement conforme.</strong> Préau est conçu pour respecter le référentiel
            général d’amélioration de l’accessibilité (RGAA 4.1, fondé sur les WCAG 2.1 niveau AA). Aucun audit complet
            n’a encore été réalisé ; le taux de conformité sera publié à son issue.
          </p>
          <p>
            Des contrôles automatiques sont passés sur chaque page du portail avant chaque version. Les contenus déposés
            par les établissements (documents, images) peuvent ne pas être accessibles.
          </p>
          <p>
            Si vous ne parvenez pas à accéder à un contenu ou à un service, contactez{' '}
            {or(config.accessibilityContact, 'contact accessibilité')} pour être orienté vers une alternative accessible
            ou obtenir le contenu sous une autre forme.
          </p>
          <p>
            Si vous avez signalé un défaut sans obtenir de réponse satisfaisante, vous pouvez saisir le Défenseur des
            droits (formulaire en ligne sur defenseurdesdroits.fr, délégué de votre région, ou courrier gratuit :
            Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07).
          </p>
        </>
      ),
    },
    { id: 'charte', title: 'Charte d’utilisation', body: <TermsOfUse /> },
    {
      id: 'donnees',
      title: 'Données personnelles',
      body: (
        <p>
          Le traitement de vos données et l’exercice de vos droits sont décrits sur la page{' '}
          <Link to="/donnees-personnelles">données personnelles</Link>.
        </p>
      ),
    },
  ];
}
