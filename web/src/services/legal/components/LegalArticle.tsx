import { useTranslation } from 'react-i18next';
import type { LegalSection } from '../content/section';

/** A legal page body: a short table of contents, then one h2 section per entry. */
export function LegalArticle({ sections }: { sections: LegalSection[] }) {
  const { t } = useTranslation();
  return (
    <div className="legal">
      <nav aria-labelledby="legal-toc" className="legal__toc">
        <p id="legal-toc" className="legal__toc-title">
          {t('legal.onThisPage')}
        </p>
        <ul>
          {sections.map((section) => (
            <li key={section.id}>
              <a href={`#${section.id}`}>{section.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {sections.map((section) => (
        <section key={section.id} id={section.id} aria-labelledby={`${section.id}-title`}>
          <h2 id={`${section.id}-title`}>{section.title}</h2>
          {section.body}
        </section>
      ))}
    </div>
  );
}
