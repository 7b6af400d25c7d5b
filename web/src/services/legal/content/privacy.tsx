import type { Language } from '../../../app/i18n';
import { type LegalConfig, placeholder } from '../legal-config';
import type { LegalSection } from './section';

const CNIL_ADDRESS = 'CNIL, 3 place de Fontenoy, TSA 80715, 75334 Paris CEDEX 07';

/**
 * Information owed to users (RGPD articles 13–14) for the processing created by the arrêté of
 * 30 November 2006 as amended on espaces numériques de travail. Retention follows that text
 * (account data deleted within three months after the right to use the ENT ends) and the CNIL's
 * recommendation for connection logs (six to twelve months).
 */
export function privacySections(language: Language, config: LegalConfig): LegalSection[] {
  const or = (value: string | null, what: string) => value ?? placeholder(language, what);
  if (language === 'en') {
    return [
      {
        id: 'cadre',
        title: 'Legal framework and controller',
        body: (
          <>
            <p>
              This workspace is a processing of personal data governed by the French arrêté of 30 November 2006 as amended,
              creating the processing relating to espaces numériques de travail (ENT), and by the GDPR.
            </p>
            <p>Controller: {or(config.controller, 'the controller (e.g. the head of school or the local authority)')}.</p>
          </>
        ),
      },
      {
        id: 'finalites',
        title: 'Purposes',
        body: (
          <ul>
            <li>give students, parents and staff access to digital services for teaching, school life and communication, according to their profile;</li>
            <li>show each person only the services and information their profile and school allow;</li>
            <li>secure the service: authentication, account activation, connection logs;</li>
            <li>produce anonymous usage statistics.</li>
          </ul>
        ),
      },
      {
        id: 'categories',
        title: 'Data processed',
        body: (
          <ul>
            <li>identity: last name, first name, date of birth (students);</li>
            <li>login, password (stored only as a hash), account state;</li>
            <li>schools, profiles (student, parent, teacher, staff…), functions, classes and groups, subjects taught;</li>
            <li>links between parents and their children;</li>
            <li>contact details (e-mail, telephone) when provided;</li>
            <li>connection data: date, time, IP address, browser.</li>
          </ul>
        ),
      },
      {
        id: 'destinataires',
        title: 'Recipients',
        body: (
          <ul>
            <li>users of the workspace, within what their profile allows (for example, the directory shows contact details only to authorised staff);</li>
            <li>the school’s local administrators and the platform administrators, for account management;</li>
            <li>the operator’s technical staff and its hosting provider, bound by confidentiality as processors.</li>
          </ul>
        ),
      },
      {
        id: 'conservation',
        title: 'Retention',
        body: (
          <ul>
            <li>account data is deleted within three months after the person stops being entitled to use the workspace (leaving the school, end of schooling);</li>
            <li>connection logs are kept between six and twelve months, then deleted;</li>
            <li>activation codes expire and are not kept after use.</li>
          </ul>
        ),
      },
      {
        id: 'droits',
        title: 'Your rights',
        body: (
          <>
            <p>
              You have the right of access, rectification, erasure and opposition, and the right to restriction of
              processing, within the limits set by the GDPR and the arrêté. Parents exercise them for their minor
              children.
            </p>
            <p>Contact the head of your school, or the data protection officer: {or(config.dpoContact, 'DPO contact')}.</p>
          </>
        ),
      },
      {
        id: 'cnil',
        title: 'Complaint to the CNIL',
        body: (
          <p>
            If you believe your rights are not respected, you may lodge a complaint with the CNIL: online at cnil.fr or by
            post to {CNIL_ADDRESS}.
          </p>
        ),
      },
      {
        id: 'cookies',
        title: 'Cookies and storage',
        body: (
          <p>
            The workspace uses only a session cookie, strictly necessary to keep you logged in, and stores your language
            choice on your device. No tracking or advertising cookie is used.
          </p>
        ),
      },
    ];
  }
  return [
    {
      id: 'cadre',
      title: 'Cadre et responsable du traitement',
      body: (
        <>
          <p>
            Cet espace numérique de travail est un traitement de données à caractère personnel régi par l’arrêté du 30
            novembre 2006 modifié portant création d’un traitement de données à caractère personnel relatif aux espaces
            numériques de travail (ENT), et par le règlement général sur la protection des données (RGPD).
          </p>
          <p>
            Responsable du traitement :{' '}
            {or(config.controller, 'responsable du traitement (par exemple le chef d’établissement ou la collectivité)')}.
          </p>
        </>
      ),
    },
    {
      id: 'finalites',
      title: 'Finalités',
      body: (
        <ul>
          <li>donner aux élèves, aux parents et aux personnels l’accès à des services numériques pédagogiques, de vie scolaire et de communication, selon leur profil ;</li>
          <li>ne présenter à chacun que les services et les informations que son profil et son établissement permettent ;</li>
          <li>assurer la sécurité du service : authentification, activation des comptes, journalisation des connexions ;</li>
          <li>produire des statistiques d’usage anonymes.</li>
        </ul>
      ),
    },
    {
      id: 'categories',
      title: 'Données traitées',
      body: (
        <ul>
          <li>identité : nom, prénom, date de naissance (élèves) ;</li>
          <li>identifiant, mot de passe (conservé uniquement sous forme d’empreinte), état du compte ;</li>
          <li>établissements, profils (élève, parent, enseignant, personnel…), fonctions, classes et groupes, matières enseignées ;</li>
          <li>liens entre les parents et leurs enfants ;</li>
          <li>coordonnées (courriel, téléphone) lorsqu’elles sont fournies ;</li>
          <li>données de connexion : date, heure, adresse IP, navigateur.</li>
        </ul>
      ),
    },
    {
      id: 'destinataires',
      title: 'Destinataires',
      body: (
        <ul>
          <li>les utilisateurs de l’ENT, dans la limite de ce que leur profil permet (par exemple, l’annuaire n’affiche les coordonnées qu’aux personnels habilités) ;</li>
          <li>les administrateurs locaux de l’établissement et les administrateurs de la plateforme, pour la gestion des comptes ;</li>
          <li>les équipes techniques de l’exploitant et son hébergeur, sous-traitants tenus à la confidentialité.</li>
        </ul>
      ),
    },
    {
      id: 'conservation',
      title: 'Durées de conservation',
      body: (
        <ul>
          <li>les données du compte sont supprimées au plus tard trois mois après que la personne a cessé d’avoir droit à l’ENT (départ de l’établissement, fin de scolarité) ;</li>
          <li>les journaux de connexion sont conservés entre six et douze mois, puis supprimés ;</li>
          <li>les codes d’activation expirent et ne sont pas conservés après usage.</li>
        </ul>
      ),
    },
    {
      id: 'droits',
      title: 'Vos droits',
      body: (
        <>
          <p>
            Vous disposez d’un droit d’accès, de rectification, d’effacement et d’opposition, ainsi que du droit à la
            limitation du traitement, dans les conditions prévues par le RGPD et par l’arrêté. Les parents les exercent
            pour leurs enfants mineurs.
          </p>
          <p>
            Adressez-vous au chef de votre établissement ou au délégué à la protection des données :{' '}
            {or(config.dpoContact, 'contact du DPO')}.
          </p>
        </>
      ),
    },
    {
      id: 'cnil',
      title: 'Réclamation auprès de la CNIL',
      body: (
        <p>
          Si vous estimez que vos droits ne sont pas respectés, vous pouvez adresser une réclamation à la CNIL : en ligne
          sur cnil.fr ou par courrier à {CNIL_ADDRESS}.
        </p>
      ),
    },
    {
      id: 'cookies',
      title: 'Cookies et stockage',
      body: (
        <p>
          L’ENT n’utilise qu’un cookie de session, strictement nécessaire pour vous garder connecté, et enregistre votre
          choix de langue sur votre appareil. Aucun cookie de mesure d’audience ou publicitaire n’est déposé.
        </p>
      ),
    },
  ];
}
