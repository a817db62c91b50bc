/** GET /staff/rewards/rules: the reward rules in force (server/rewards/reward-rules.json), for admins and reward staff. */
import { REWARD_LEVELS, type RewardRules } from '../../server/rewards/rules.js';
import type { Messages } from '../i18n.js';
import { formatYuan } from './format.js';

/** Basis points as a percentage: 500 → '5%'. */
const percent = (bp: number) => `${(bp / 100).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;

export function RewardRulesBody({ t, rules }: { t: Messages; rules: RewardRules }) {
  const r = t.staff.reward;
  const x = r.rules;
  const relations = (list: readonly string[]) => (list.length === 0 ? x.none : list.map((k) => t.staff.case.relations[k] ?? k).join(t.form.kindSeparator));
  return (
    <div class="reward-rules">
      <p>{x.intro}</p>
      <table class="table">
        <thead><tr><th scope="col">{x.level}</th><th scope="col">{x.rate}</th><th scope="col">{x.minimum}</th></tr></thead>
        <tbody>
          {REWARD_LEVELS.map((l) => (
            <tr data-level={l}>
              <th scope="row">{r.form.levelOption(l)}</th>
              <td>{percent(rules.levels[l].rateBasisPoints)}</td>
              <td>{r.yuan(formatYuan(rules.levels[l].minimumFen))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl class="summary-list">
        <dt>{x.cap}</dt><dd data-rule="cap">{r.yuan(formatYuan(rules.capFen))}</dd>
        <dt>{x.threshold}</dt><dd data-rule="threshold">{r.yuan(formatYuan(rules.financeSignOffThresholdFen))}</dd>
        <dt>{x.claimWindow}</dt><dd data-rule="claim-window">{x.workingDays(rules.claimWindowWorkingDays)}</dd>
        <dt>{x.excluded}</dt><dd data-rule="excluded">{relations(rules.excludedRelations)}</dd>
        <dt>{x.uplift}</dt><dd data-rule="uplift">{relations(rules.upliftRelations)}</dd>
        <dt>{x.merged}</dt><dd data-rule="merged">{x.mergedRule}</dd>
      </dl>
    </div>
  );
}
