// Package procedure runs the lifecycles of administrative cases —
// licensing, penalties, information requests, complaints, assistance
// requests, major decisions — as definitions written as data, with the
// legal clocks of package deadline bound to their steps.
//
// A [Spec] is the data: states with Chinese and English names, triggers,
// the clocks the procedure keeps (each on a [deadline.Rule]), transitions
// with named guards that say in words what must hold, the clock effects of
// each step (start, suspend, resume, restart, extend, stop), the facts a
// step records, the provision each step rests on, and the automatic
// outcomes the law attaches to a clock running out ([Timeout]). [New] and
// [ParseDefinition] validate it, reporting every problem at once, and
// compile it once into a github.com/qmuntal/stateless machine: a
// [Definition], immutable and shared by every goroutine.
//
// A [Case] is plain data — state, event log, clocks, facts — that the
// integrator stores in its own database. It changes only by
// [Definition.Fire] (an [Event]: trigger, instant, actor, reason,
// payload), which refuses what the definition does not allow with an
// [*Error] naming the state, the trigger and the unmet guards, and leaves
// the case unchanged. [Definition.Replay] rebuilds a case from its stored
// events, and [Definition.Rebuild] from a log handed over, without a
// copy. Timers are data: [Definition.Due] lists the running clocks with
// their warning lights, and [Definition.Advance] applies the outcomes the
// law prescribes — 视为受理 (行政许可法 Art 32 ¶1(4)), 视为准予延续 (Art 50
// ¶2), 视为放弃申请 (政府信息公开条例 Art 30) — as automatic events in the log.
// Fire refuses an event that comes after such an outcome took effect:
// advance the case first. [Definition.Next] lists the steps out of a
// case's state at an instant, each with the guards of the case that block
// it and those its event must satisfy: the actions an officer's screen
// offers.
//
// The reference definitions ([ReferenceNames], [Reference]) are JSON files
// embedded in the package, each citing its articles; [Definition.DOT] and
// [Definition.Mermaid] draw them.
//
// Where the law leaves room, a reference definition takes one reading,
// which a definition of one's own may change:
//   - licensing reads 行政许可法 Art 82 as counting every licensing period
//     in working days, the applicant's five days to ask for a hearing
//     (Art 47 ¶1) and the seven days' notice of it (Art 48 ¶1(1)) among
//     them, as the seven days of a penalty hearing notice are (行政处罚法
//     Art 64 ¶1(2), Art 85);
//   - licensing revokes a licence (revoke_licence, 行政许可法 Art 69) on a
//     ground of ¶1, or because it was obtained by fraud or bribery (¶2,
//     improper_means=true), unless the caller records that revoking would
//     gravely harm the public interest (¶3, public_interest_harm=true).
//     The fact compensable says whether ¶4 entitles the licensee to
//     compensation; the compensation itself, as that after a withdrawal
//     (Art 8 ¶2), is not a step of the definition. A licence revoked,
//     withdrawn or expired is cancelled (cancel, Art 70 ¶1);
//   - disclosure starts a consulted third party's or organ's fifteen
//     working days (政府信息公开条例 Art 32, Art 34), counted from its
//     receipt of the letter, on the day of the consult_* event: fire it on
//     the day the letter is received. The reply limit is suspended from
//     that day (Art 33 ¶3), so the days the letter travels count against
//     it, which is stricter than the law;
//   - penalty enforcement follows 行政强制法: a written demand first, which
//     sets a time to perform (Art 35); the party may answer it with a
//     statement and defence (object_to_demand), which the agency records
//     and reviews, adopting what holds (review_objection, adopted=true or
//     false; Art 36); the agency enforces by its own power once the time
//     has passed and any defence is reviewed and not adopted, by a
//     written decision that finds no good reason for the failure (Art
//     37), and a fine only once the add-on has run more than thirty days
//     (Art 46 ¶1); an agency without that power applies to the court ten
//     working days after the demand was served (Art 54, Art 69), once the
//     party can no longer sue, six months from service (行政诉讼法 Art 46 ¶1,
//     行政强制法 Art 53), and within the three months Art 53 then allows, or,
//     where payment was deferred, within three months of the deferred
//     term's end if that is later (行政处罚法 Art 72 ¶2). A penalty decided on
//     the spot can be challenged only by reconsideration first (行政复议法 Art
//     23 ¶1(1)), so there the time is its sixty days (Art 20 ¶1), and the
//     decision must say so (Art 23 ¶2). A later application is refused:
//     the definition has no step for one made with a reason for the
//     delay. During the demand's time, on evidence that the party is
//     moving or hiding property (concealment_evidence), the agency may
//     decide to enforce at once (行政强制法 Art 37 ¶3): a fine still waits for
//     the thirty days of add-on, the stricter reading (¶3 shortens the
//     demand's time, not Art 46's), and a defence pending or adopted
//     still bars it. The agency does not enforce by its own power at
//     night or on a statutory holiday, unless it states the emergency
//     (payload urgency, recorded; Art 43 ¶1; see [RestTime] for the
//     readings of both terms); an application to the court is not bound.
//     Nor does it force the party by cutting off residents' water, power,
//     heating or gas (Art 43 ¶2): an enforcement whose payload says
//     utility_cutoff=true is refused.
//     A decision that orders an illegal building, structure or
//     installation demolished says so (payload demolition, recorded at
//     decide_penalty), and the agency then demolishes it by force only
//     after announcing the demolition with a time for the party to do it
//     (announce_demolition: announcement, demolish_by), once that time
//     has passed, and once the party has let the six months to seek
//     reconsideration or to sue pass without doing either (行政强制法 Art
//     44); a decision challenged is demolished only once upheld, on
//     reconsideration with the time to sue passed (行政复议法 Art 78
//     ¶1(1)) or by the court (行政诉讼法 Art 95), where the agency's other
//     enforcement goes on during a challenge (行政处罚法 Art 73 ¶1), and
//     never at once under Art 37 ¶3. A decision with both a fine and a
//     demolition follows the fine: its demolition has no steps in the
//     case.
//     Its own enforcement (the fact route=self) is
//     suspended on a ground of Art 39 ¶1 (suspend_enforcement) and
//     resumed when the ground ceases (resume_enforcement); after three
//     years' suspension, with no apparent harm to society and a party
//     truly unable to perform, it is given up (abandon_enforcement, Art
//     39 ¶2); it is terminated on a ground of Art 40
//     (terminate_enforcement). The agency and the party may agree how the
//     party performs, in stages if need be, where that harms neither the
//     public interest nor others (agree_enforcement, no_harm=true, Art 42
//     ¶1), and the add-on is reduced or waived (add_on_relief) only for
//     remedial measures taken (remedial_measures); the agreement
//     performed ends the enforcement (perform_agreement), one broken
//     resumes it (resume_enforcement with breach, ¶2). A decision set
//     aside during that enforcement or once it is done ends the case with
//     what was enforced restored, returned or compensated (set_aside with
//     restitution; Art 40(4), Art 41). A fine paid and then set aside by
//     the reconsideration body is returned too (行政复议法 Art 72 ¶2). A
//     judgment (行政诉讼法 Art 70) setting aside a decision the party
//     performed of its own accord, nothing enforced (the fact route
//     unset), ends the case without a restitution: what was paid comes
//     back as state compensation, which the party claims from the agency,
//     in the suit or first to the agency (国家赔偿法 Art 4(1), Art 9 ¶2,
//     Art 36(1), (7)); a restitution given is recorded. Enforcement by the
//     court has none of these steps: the court's procedure governs it;
//   - a penalty challenged (challenge: challenged=reconsideration or
//     litigation) is still executed (行政处罚法 Art 73 ¶1) and the agency may
//     still enforce it by its own power, but it is not taken to the court
//     under 行政强制法 Art 53, which needs a party that did not challenge.
//     Once upheld (conclude_challenge) it is: by reconsideration, after
//     the fifteen days to sue have passed (行政诉讼法 Art 45, 行政复议法 Art 78
//     ¶1(1)), and by a judgment in force, at once (行政诉讼法 Art 95), neither
//     with a time limit in the definition. A decision set aside or found
//     void ends the case (set_aside). One set aside with an order to
//     decide anew (set_aside_redecide; 行政复议法 Art 64 ¶1, 行政诉讼法 Art 70),
//     with what was enforced restored as for set_aside, records the
//     ground (set_aside_ground: facts, procedure, basis, powers or
//     another) and waits for the new decision (state redecision_ordered)
//     within the time the ruling sets (redecide_by, clock redecision):
//     the reconsideration body sets one, a judgment may leave it open.
//     The new decision (redecide) is recorded by its reference
//     (new_decision) and is a case of its own. It may not be the same, or
//     basically the same, on the same facts and reasons
//     (same_decision=false; 行政复议法 Art 64 ¶2, 行政诉讼法 Art 71) unless the
//     reconsideration body set the penalty aside for breach of statutory
//     procedure (set_aside_ground=procedure); Art 71 states no such
//     exception for a judgment, and the definition keeps to its text. A
//     stay of execution (stay), ordered by the reconsideration body while
//     it has not decided (行政复议法 Art 42 ¶1) or by the court while no
//     judgment is in force (行政诉讼法 Art 56 ¶1), bars the agency's own
//     enforcement and its demand to perform (行政强制法 Art 35), not the
//     party's payment; it ends with the conclusion (conclude_challenge),
//     or, for the court's, when its ruling is revoked on reconsideration
//     of it (lift_stay, 行政诉讼法 Art 56 ¶2). The payment clock and the
//     add-on go on under a stay: the add-on's amount leaves out the
//     challenge's days all the same (below). The reconsideration body's
//     own time is recorded once it accepts the application
//     (accept_reconsideration): sixty days, or thirty in the simplified
//     procedure (行政复议法 Art 62). The sixty may be extended once by at most
//     thirty with written notice (extend_reconsideration); a move to the
//     ordinary procedure (convert_reconsideration, Art 55) keeps them
//     from the acceptance. Its end without a decision
//     (reconsideration_lapsed, applied by Advance) opens the fifteen days
//     to sue (行政诉讼法 Art 45); a decision made after it opens fifteen days
//     of its own. The day of acceptance is the caller's to record, a
//     deemed acceptance (行政复议法 Art 30 ¶3) included. The review is
//     suspended on a ground of Art 39 ¶1 (suspend_reconsideration, with
//     suspension_ground) and resumed once it ceases (resume_reconsideration,
//     with resumption, ¶2), the parties told in writing each time (notice,
//     ¶3); its time does not run meanwhile (the common reading of 中止,
//     which the Law does not put in words: deadline's rule allows the
//     suspension), and nothing is decided, varied, set aside or converted
//     until the review is resumed. A suspension on Art 39 ¶1(1), (2) or
//     (4) (successor_pending=true: the heirs, the legal representative or
//     the successor not yet known) starts sixty days (clock
//     reconsideration_suspension), which the resumption stops. The review
//     ends without a decision (terminate_reconsideration, with the
//     ruling, Art 41): on a ground of items (1) to (4), above all the
//     application withdrawn with leave (termination_ground), or, once
//     those sixty days have passed with the review still suspended, on
//     item (5) (suspension_lapsed=true). The decision then stands as
//     though unchallenged: the review's time and any stay end, the time
//     to challenge runs again as first counted from service, a suit may
//     still be brought within it (the Supreme People's Court's
//     interpretation 法释〔2018〕1号 Art 58, for a penalty not
//     reconsidered first by law), no new application is made (an
//     application withdrawn is not made again on the same facts and
//     reasons, 行政复议法实施条例 Art 38 ¶2, and 行政复议法 Art 74 ¶2 says
//     the same of a review ended by withdrawal), and once that time has
//     passed the agency may apply to the court (行政强制法 Art 53). After a
//     lapse that no suit followed the definition has no court route
//     (行政强制法 Art 53 needs a party that did not challenge). A suit the
//     party withdraws with the court's leave before any judgment takes
//     effect (withdraw_suit, with the ruling; 行政诉讼法 Art 62; the fact
//     litigation=withdrawn) ends the challenge. Brought directly, it leaves the
//     decision as though unchallenged: the time to challenge runs again
//     as first counted from service, no reconsideration is applied for
//     afterwards (the court accepted a suit against the decision,
//     行政复议法 Art 30 ¶1(7)), and once that time has passed the agency may
//     apply to the court. Brought after a reconsideration decision or its
//     lapse, it leaves that outcome standing, with its fifteen days to sue
//     as first counted (行政诉讼法 Art 45): a decision upheld is then
//     enforced as above. A new suit within the time is recorded as the
//     court accepted it; whether it repeats the withdrawn one's facts and
//     reasons is the court's to decide (法释〔2018〕1号 Art 60). A decision varied
//     (vary) by the reconsideration body (行政复议法 Art 63) or the court
//     (行政诉讼法 Art 77) concludes the challenge as upholding does and
//     records the fine as
//     varied, which may not exceed the fine the case records (Art 63 ¶2,
//     Art 77 ¶2: an at_most guard bounded by the fact, see [GuardAtMost])
//     unless a third party, or an interested party suing too, asked for
//     the contrary (contrary_request=true). A variation that leaves no
//     fine ends the payment (state delivered; on the spot, a warning,
//     carried out: executed), and one of a decision without a fine adds
//     one only on such a contrary request, which opens fifteen days to
//     pay from the variation (state awaiting_payment, 行政处罚法 Art 67 ¶3);
//     the definition of a penalty decided on the spot has no such route.
//     The fact varied names who varied it: a varied reconsideration
//     decision is enforced by the reconsideration body, not the agency
//     (行政复议法 Art 78 ¶1(2)), which the definition does not tell apart. The
//     payment clock and the add-on go on as they ran. A decision set
//     aside in part (set_aside_in_part; 行政复议法 Art 64 ¶1, 行政诉讼法 Art 70)
//     concludes the challenge as a variation does and records the fine
//     that remains, no more than the fine the case records, with no
//     exception for a contrary request, or, with none left, ends the
//     payment as a variation does; the fact set_aside_in_part names who
//     did it. Not modelled: a variation or a set-aside in part once
//     enforcement has begun (行政强制法 Art 41 restores what it removes), an
//     order to decide anew with a set-aside in part, a suit withdrawn once
//     enforcement has begun or the decision is performed (withdraw_suit
//     is a step of the states delivered, awaiting_payment and
//     add_on_accruing only), and the appeal: conclude_challenge records
//     the judgment in force. The add-on fine does not accrue during the
//     challenge (行政处罚法 Art 73 ¶3): pass the days from the challenge event
//     to its conclusion to package discretion's AddOn as a Review. The
//     thirty days of add-on that enforcement by the agency's own power
//     waits for (行政强制法 Art 46 ¶1) still count those days: Art 73 ¶3
//     speaks only of the amount;
//   - a penalty case is filed only for a violation discovered within the
//     limitation of 行政处罚法 Art 36, two years or, where citizens' life,
//     health or financial safety was harmed, five, from the day the act
//     ended; the filing states both days, and its ends roll off rest days
//     as the reference rules' do (民法典 Art 203);
//   - disclosure deems a request abandoned when the period to correct it
//     ends (政府信息公开条例 Art 30: 无正当理由逾期不补正); the definition
//     takes a good reason for the delay only before then, when it sets a
//     new period (reset_correction_period). A request abandoned can be
//     made again;
//   - disclosure's later time to reply (政府信息公开条例 Art 35,
//     defer_reply) takes the place of the limit of Art 33: the reply
//     clock stops and the agency's limit is the day it told the applicant
//     of (deferred_reply). It is set once, and no extension or request for
//     a correction follows it;
//   - a major decision takes its steps in the order of the regulation's
//     sections (重大行政决策程序暂行条例 Chapters 2 and 3): public
//     participation, expert argumentation, risk assessment, then the
//     legality review and collective discussion, each conditional step
//     only where the recorded facts require it. A matter that concerns
//     other units' duties (initiate's units_to_consult) goes to review
//     only once they are consulted (consult_units, Art 13: where they do
//     not agree, the organ is told what is in dispute), and one that
//     concerns specific groups' interests (groups_to_consult) only once
//     those groups are (consult_groups, Art 14 ¶3), even where the matter
//     is exempt from public participation (Art 14 ¶1), the stricter
//     reading;
//   - every penalty hearing held makes legal review required before the
//     decision (行政处罚法 Art 58 ¶1(2)), even where one passed before the
//     hearing: the penalties that carry a hearing (Art 63) directly
//     concern the party's major rights.
//
// The package knows nothing of officers' duties, findings or sanctions:
// the accountability package reads case records for those.
//
// # Guards
//
// Guards are data too ([GuardSpec]): a payload or fact present or equal to
// a value; a clock running, stopped, or run out before the event; every
// instance of a clock stopped; a clock started no more than so many days
// before the event; a payload date far enough ahead; a recorded date come;
// a day within a legal period from a payload date (a violation discovered
// in time to be penalised) or from the day another clock's period ended
// (an application to the court in time); a payload number within a
// bound; an event outside rest time ([RestTime]: not at night nor on a
// rest day), unless an emergency is stated; or a Go function registered
// with [WithGuard]. Each can be negated. Because guards are data, [New]
// can prove that two transitions on one trigger never both apply: some
// guard of one must be the negation of a guard of the other, or require
// a different value.
//
// # Days and instants
//
// An event's day is its instant in China Standard Time
// ([deadline.DateOf]); clock effects apply on that day, which, as for every
// period, is not counted. An automatic outcome takes effect when the due
// day ends: at 24:00, or at the closing time set with [WithOfficeHours].
//
// # Past the calendar's coverage
//
// The calendar never guesses, and neither does a definition. A clock due
// past the calendar's coverage still answers whether it ran out, or
// stopped, by a day the calendar covers: that is counted on the days up
// to it. Of a day past the coverage it answers nothing: Fire, Replay and
// Advance refuse with an error wrapping [ErrCannotCount] and
// [deadline.ErrOutOfCoverage], and Due does the same for a clock whose due
// day it would have to guess. Load the calendar with the next year's
// State Council notice when it is published; until then a calendar
// extended with [deadline.ExtendThrough], passed with [WithCalendar],
// gives answers marked Provisional.
//
// # Concurrency
//
// A Definition is safe for concurrent use. Its stateless machine fires in
// immediate mode with the state held in each call's context, so calls
// share nothing: stateless's queued mode, which can hand one caller's
// error to another, is never used. A Case is not safe for concurrent
// use: serialise the events of one case, as a row lock does.
package procedure
