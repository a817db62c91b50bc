/** The home page: what each kind is for, and a way into the form already filtered for it. */
import { kinds } from '../../server/intake/intake.schema.js';
import { langChoices, type Messages } from '../i18n.js';
import { Layout } from '../layout.js';
import { statsText } from '../stats/messages.js';

export function HomePage({ t, switchHref }: { t: Messages; switchHref: string }) {
  return (
    <Layout t={t} title={t.home.title} switchHref={switchHref}>
      <h1>{t.home.title}</h1>
      <p class="lead">{t.home.intro}</p>
      <h2>{t.home.chooseHeading}</h2>
      <ul class="cards">
        {kinds.map((kind) => (
          <li class="card">
            <h3 class="card-title">{t.kinds[kind].name}</h3>
            <p>{t.kinds[kind].what}</p>
            <a class="button" href={`/submit?kind=${kind}`}>{t.kinds[kind].action}</a>
          </li>
        ))}
      </ul>
      <p class="followup-link"><a href="/followup">{t.followup.homeLink}</a></p>
      <p class="stats-link"><a href="/stats">{statsText(langChoices.find((c) => c.htmlLang === t.htmlLang)?.lang ?? 'zh').homeLink}</a></p>
      <h2>{t.home.knowHeading}</h2>
      <ul class="list">
        {t.home.know.map((line) => <li>{line}</li>)}
      </ul>
    </Layout>
  );
}
