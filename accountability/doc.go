// Package accountability turns case records into findings, sanctions and
// unit scorecards: it makes the efficiency systems of agency-efficiency
// supervision (机关效能建设) computable — 限时办结, 一次性告知, 否定报备,
// 首问负责, AB角 (同岗替代, and no post left empty), 服务承诺, the outcomes the
// law deems when an agency does not act in time (视为受理, 视为准予延续),
// assistance between agencies (行政协助), complaint follow-up (回访), and
// the yellow and red lights of electronic supervision (电子监察).
//
// An [Evaluator] knows the procedure definitions the records run on and a
// [Profile] of each (which triggers are 补正 notices, which are refusals,
// which automatic outcomes record a failure and the rule that finds each,
// [RuleDeemedAcceptance] or [RuleDeemedRenewal]), with [Thresholds] that
// are data, since local rules set them. [Evaluator.Evaluate] reads [Record]s —
// a case from package procedure, its unit, its refusal register entries,
// its exemptions — with the inquiries received and the [Roster] of officers
// and their absences, and returns [Finding]s: rule, case, officer, unit,
// step, severity, the events it rests on and the provision it applies.
//
// Every agency limit a definition declares is judged on its own rule, net
// of suspended and excluded time, and an overrun is attributed to the
// steps it passed in and to their holders; the days the case waited on a
// party's period or a minimum period are no holder's ([StepDelay.Waiting],
// [Profile.ChargeWaiting]). A case that ran on a promised limit (承诺时限)
// shorter than the statutory one is judged twice: as a promise, and, on
// the same ledger, against the statute. Clocks that measure a party's
// period or a minimum never count against the agency.
//
// A [Ladder] (data: the measures of a local rule, a measure per severity,
// escalation by repeat counts in a rolling window) turns an officer's
// findings into [Sanction]s; a [Scorecard] ranks units by weighted
// indicators less deductions, with veto rules (一票否决) and the flags of
// bottom and consecutive last places; a [Report] gathers them per officer,
// unit and rule, as JSON and as text.
//
// The package does not decide what a step is or who holds it beyond the
// records: the holder of a step is the officer its entering event assigned
// (payload key "handler" by default), else the one who ended it, else the
// one who entered it.
//
// # Sources
//
// The statutory rules cite their articles (行政许可法 Art 32 ¶1(4) for 视为
// 受理 and one-time notification, Art 50 ¶2 for 视为准予延续, 行政处罚法
// Art 26 for assistance, the clock's rule for a time limit). The efficiency systems have no national
// statute: their findings cite the provincial regulation they are modelled
// on, 福建省机关效能建设工作条例, as a whole, unless [Thresholds.Citations]
// names the local rule that applies. The ladders of [ZhejiangLadder] and
// [CountyLadder] are local measures quoted in LEGAL.md Part 4, checked on
// third-party pages only.
//
// # Past the calendar's coverage
//
// A calendar covers the years whose holiday notices it holds; the shipped
// one ends with 2026. As of a day it covers, every breach found is exact:
// whether a limit had run out by then is counted on the days up to it. A
// limit still running may fall due past the coverage: its yellow light is
// then counted as if the days after it followed the weekly pattern alone,
// and says [Finding.Provisional], since the next notice may move its due
// day. As of a day the calendar does not cover, a record whose clocks
// still need counting is not judged: Evaluate returns an error wrapping
// [ErrCannotCount] and [deadline.ErrOutOfCoverage], and no findings. A
// calendar extended with [deadline.ExtendThrough] answers, provisionally;
// load the next notice when it is published.
//
// # Determinism
//
// Evaluation is deterministic and independent of the order of records,
// inquiries and findings; adding a breach never lowers a sanction or a
// unit's deduction. Evaluators, ladders and scorecards are immutable and
// safe for concurrent use.
package accountability
