/**
 * S4: applications dropped because the applicant did not pay the 信息处理费 (表三 （六）2) presuppose fee
 * notices, which part 六 is expected to report (国办函〔2020〕109号; the seed report: "本年度未制发信息处理费
 * 收费通知"). This is about 信息处理费 only: 行政事业性收费 in 表二 is an unrelated figure and is never read here.
 * A fee charged is not a fee collected: a notice the applicant never paid leaves nothing collected, so "无收取信息
 * 处理费情况" sits beside unpaid-fee applications without contradiction; only a clause saying no fee was charged
 * or no notice issued does contradict them.
 */

import type { Finding } from '#shared/report/findings.ts';
import type { Report } from '#shared/report/model.ts';
import type { CellValues } from '#shared/report/paths.ts';
import { cellName, finding, printed } from '../messages.ts';
import type { ValidationContext } from './rule.ts';

const UNPAID = 'applications.otherUnpaidFee.total';
const FEE = /收费通知|缴费通知|信息处理费/;
const NEGATION = /未|没有|无|不存在|零/;
const POSITIVE_AMOUNT = /([1-9]\d*(?:\.\d+)?)\s*(?:份|件|次|个|笔|元|万元)/;
const UNPAID_CASES = /逾期未(?:按\D{0,8})?缴(?:纳|费)/;
/** Verbs of collecting a fee (what the applicant paid), as opposed to charging it (the notice sent). */
const COLLECTED = /收取|收缴|征收|实收|缴纳|到账/;
const CHARGED = /通知|制发|发出|出具|收费/;

/** Fee notices issued or charged, none charged, only none collected (which says nothing of notices), or nothing. */
type FeeStatement = 'issued' | 'none' | 'none-collected' | 'silent';

function clausesOf(text: string): string[] {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).split(/[。；;，,\n]/);
}

/** Whether a clause speaks only of collecting fees ("未收取信息处理费"), not of charging them. */
function aboutCollectionOnly(clause: string): boolean {
  return COLLECTED.test(clause) && !CHARGED.test(clause.replace(COLLECTED, ''));
}

/** What part 六 says about fee notices: some issued or charged, explicitly none, none collected, or nothing. */
export function feeStatement(text: string): FeeStatement {
  const clauses = clausesOf(text).filter((c) => FEE.test(c));
  if (clauses.some((c) => POSITIVE_AMOUNT.test(c.replace(/\d{4}年/g, '')))) return 'issued';
  const negative = clauses.filter((c) => NEGATION.test(c) || /(?:^|\D)0\s*(?:份|件|次|个|元)/.test(c));
  if (negative.some((c) => !aboutCollectionOnly(c))) return 'none';
  return negative.length > 0 ? 'none-collected' : 'silent';
}

/** Applications part 六 says were dropped for unpaid fees ("逾期未缴纳费用的申请2件"), if it says so. */
function quotedUnpaid(text: string): number | null {
  for (const clause of clausesOf(text)) {
    const count = UNPAID_CASES.test(clause) ? /([1-9]\d*)\s*件/.exec(clause) : null;
    if (count) return Number(count[1]);
  }
  return null;
}

export function checkFeeNotices(report: Report, _context: ValidationContext, cells: CellValues): Finding[] {
  if (report.shapes.applications !== '25-row') return [];
  const unpaid = cells.at(UNPAID);
  if (unpaid === null || unpaid === undefined) return [];
  const text = report.text.otherMatters;
  const paths = [UNPAID, 'text.otherMatters'];
  const cell = `${cellName(report, UNPAID)}（${printed(unpaid)}）`;
  if (unpaid > 0) {
    const statement = feeStatement(text);
    // Nothing collected is what unpaid notices leave behind: no contradiction, and the fees are reported on.
    if (statement === 'issued' || statement === 'none-collected') return [];
    const said =
      statement === 'none'
        ? {
            zh: '六、其他需要报告的事项却写明未制发收费通知或未收费',
            en: 'part 六 says no fee notice was issued',
          }
        : { zh: '六、其他需要报告的事项未说明信息处理费收费通知的情况', en: 'part 六 does not report fee notices' };
    return [
      finding('S4', paths, {
        zh: `${cell}表明有申请人逾期未缴纳信息处理费，但${said.zh}。`,
        en: `${UNPAID} is ${printed(unpaid)}, so fee notices were issued, but ${said.en}.`,
      }),
    ];
  }
  const quoted = quotedUnpaid(text);
  if (unpaid === 0 && quoted !== null) {
    return [
      finding(
        'S4',
        paths,
        {
          zh: `六、其他需要报告的事项写有 ${quoted} 件申请逾期未缴纳费用，但${cellName(report, UNPAID)}为 0。`,
          en: `Part 六 reports ${quoted} application(s) dropped for unpaid fees, but ${UNPAID} is 0.`,
        },
        { expected: quoted, actual: unpaid },
      ),
    ];
  }
  return [];
}
