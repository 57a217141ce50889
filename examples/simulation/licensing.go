package simulation

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/catalogue"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// applications simulates the licence applications.
func (s *sim) applications() error {
	for i, t := range s.arrivals(streamApplication, s.cfg.Applications) {
		if i%64 == 0 {
			if err := s.ctx.Err(); err != nil {
				return err
			}
		}
		if err := s.application(i, t); err != nil {
			return err
		}
		s.step()
	}
	return nil
}

// pickItem picks an item by popularity.
func (s *sim) pickItem(rng *rand.Rand) catalogue.Item {
	total := 0
	for _, p := range s.licensing {
		total += p.weight
	}
	x := rng.IntN(total)
	for _, p := range s.licensing {
		if x < p.weight {
			return p.item
		}
		x -= p.weight
	}
	return s.licensing[len(s.licensing)-1].item
}

// materials draws what an applicant hands in: each required material
// missing or not conforming now and then, deferrable ones more often;
// optional ones sometimes.
func materials(rng *rand.Rand, it catalogue.Item) map[string]catalogue.Submitted {
	notes := []string{"复印件不清晰", "未加盖公章", "已超过有效期", "签字不全", "内容与申请表不一致"}
	out := map[string]catalogue.Submitted{}
	for _, m := range it.Materials {
		switch {
		case !m.Required:
			if rng.Float64() < 0.3 {
				out[m.Name] = catalogue.Submitted{Conforming: true}
			}
		case rng.Float64() < missingRate(m):
			if rng.Float64() < 0.4 {
				out[m.Name] = catalogue.Submitted{Note: notes[rng.IntN(len(notes))]}
			}
		default:
			out[m.Name] = catalogue.Submitted{Conforming: true}
		}
	}
	return out
}

// missingRate is the chance that a required material is missing or not
// conforming: deferrable materials, which may follow later, more often.
func missingRate(m catalogue.Material) float64 {
	if m.Deferrable {
		return 0.12
	}
	return 0.05
}

// application simulates application i, handed in at instant arrival.
func (s *sim) application(i int, arrival time.Time) error {
	rng := s.rng(streamApplication, uint64(i))
	day := deadline.DateOf(arrival)
	it := s.pickItem(rng)
	u := s.byName[it.Unit]
	green := ""
	if g, ok := s.green[it.Code]; ok && rng.Float64() < 0.2 {
		green = g
	}
	// Applicants now and then go to the wrong window (行政许可法 Art 32
	// ¶1(2)), or apply for what needs no licence (¶1(1)).
	recv := u
	app := catalogue.Application{Item: it.Code, On: day, Materials: materials(rng, it)}
	switch x := rng.Float64(); {
	case x < 0.015:
		var others []*unit
		for _, o := range s.units {
			if o != u && o.Name != s.complaint.Unit && o.Name != s.disclosure.Unit {
				others = append(others, o)
			}
		}
		if len(others) > 0 {
			recv = others[rng.IntN(len(others))]
			app.Unit = recv.Name
		}
	case x < 0.035:
		app.Refusal = catalogue.Refusal{Ground: catalogue.GroundNoLicenceNeeded, Reason: "经审查，申请事项依法不需要取得行政许可，办理备案即可"}
	}
	res, err := s.cat.Intake(app)
	if err != nil {
		return err
	}
	id := fmt.Sprintf("XK-%d-%05d", s.year, i+1)
	d, c, err := s.cat.Start(id, it.Code, day, green)
	if err != nil {
		return err
	}
	// A sloppy first notice leaves out one of two or more materials
	// missing; the second notice then asks for it (一次性告知 breached).
	second := res.Outcome == catalogue.OutcomeSupplement && len(res.Missing) > 1 && rng.Float64() < s.rates.SecondNotice
	r := s.newRun(rng, d, c, Case{ID: id, Kind: KindApplication, Item: it.Code, Green: green, Unit: recv.Name, Received: day, Clock: it.Clock})
	w := anyOf(rng, recv.window, day)
	h := u.review[rng.IntN(len(u.review))]
	r.setLate(h)
	a := &applicant{r: r, it: it, recv: recv, unit: u, w: w, h: h, res: res, second: second}
	// 收件: the five days for a 补正 notice start (行政许可法 Art 32 ¶1(4)).
	err = r.fireEvent(procedure.Event{Trigger: "receive", At: arrival,
		Actor:   procedure.Actor{Officer: w.ID, Unit: recv.Name},
		Payload: map[string]string{catalogue.PayloadVoucher: r.voucher(), catalogue.PayloadItem: it.Code}})
	if err == nil {
		err = a.intake()
	}
	return r.finish(recv.Name, err)
}

// applicant is one application on its way.
type applicant struct {
	r      *run
	it     catalogue.Item
	recv   *unit    // the unit whose window received it
	unit   *unit    // the item's unit, which decides
	w, h   *officer // window officer and handler
	res    catalogue.Result
	second bool
	left   string // the material a sloppy first notice left out
}

// intake makes the intake decision: usually the same day or within three
// working days; when missed for five working days, the law deems the
// application accepted (行政许可法 Art 32 ¶1(4)).
func (a *applicant) intake() error {
	r, s := a.r, a.r.s
	received := r.day()
	var delay int
	switch x := r.rng.Float64(); {
	case a.w.slow && r.chance(s.rates.MissedIntake):
		delay = r.between(6, 8)
	case x < 0.72:
		delay = 0
	case x < 0.93:
		delay = 1
	case x < 0.99:
		delay = 2
	default:
		delay = 3
	}
	// The window is never left empty (AB角): the substitute makes the
	// decision when the officer is away.
	day := s.addWD(received, delay)
	w := a.w.onDuty(day)
	t, err := r.at(day)
	switch {
	case errors.Is(err, errPreempted):
		r.cs.Intake = "deemed"
		return a.review()
	case errors.Is(err, errStop):
		r.cs.Intake = "pending"
		return err
	case err != nil:
		return err
	}
	r.cs.Intake = a.res.Outcome.String()
	actor := procedure.Actor{Officer: w.ID, Unit: a.recv.Name}
	if a.it.OnTheSpot && a.res.Outcome == catalogue.OutcomeAccept && delay == 0 && r.chance(0.6) {
		// 当场作出决定 (行政许可法 Art 34 ¶2).
		err := r.fireEvent(procedure.Event{Trigger: "decide_on_spot", At: t, Actor: actor,
			Payload: map[string]string{"decision": "当场准予许可决定书 " + r.c.ID, "complete": "true"}})
		if err != nil {
			return err
		}
		return a.certificate(w)
	}
	e, err := a.res.Event(t, actor, r.voucher())
	if err != nil {
		return err
	}
	if a.second {
		// The sloppy first notice leaves the last material out.
		missing := catalogue.SplitList(e.Payload[catalogue.PayloadMissing])
		a.left = missing[len(missing)-1]
		e.Payload[catalogue.PayloadMissing] = strings.Join(missing[:len(missing)-1], catalogue.Separator)
	}
	if err := r.fireEvent(e); err != nil {
		return err
	}
	switch a.res.Outcome {
	case catalogue.OutcomeNotAccepted:
		r.register(len(r.c.Events)-1, w, e.Payload[catalogue.PayloadReasons], xiaoneng.Cite(xiaoneng.LicensingLaw, 32, 1).String())
		return nil
	case catalogue.OutcomeSupplement:
		return a.supplement()
	}
	return a.review()
}

// supplement waits for the applicant's materials: most come back within
// three weeks, some never. A sloppy handler first gives a second notice.
func (a *applicant) supplement() error {
	r, s := a.r, a.r.s
	from := r.day()
	if a.second {
		o, d := r.work(a.w, s.addWD(from, r.between(1, 4)))
		err := r.fire(d, o, "request_supplement", map[string]string{
			catalogue.PayloadMissing:     a.left,
			catalogue.PayloadItem:        a.it.Code,
			catalogue.PayloadItemVersion: a.res.Version.String(),
			catalogue.PayloadVoucher:     r.voucher(),
		})
		if err != nil {
			return err
		}
	}
	if !r.chance(0.85) {
		return nil
	}
	back := s.onOrAfter(r.day() + date.Date(r.between(1, 20)))
	o := r.wait(a.w, back)
	if err := r.fire(back, o, "supplement", map[string]string{catalogue.PayloadVoucher: r.voucher()}); err != nil {
		return err
	}
	return a.review()
}

// extendable reports whether the decision clock's rule allows an
// extension: Art 42 ¶1's ten days extend its own twenty, and an item
// whose period another law sets (建筑法 Art 8 ¶2) has none.
func (a *applicant) extendable() bool {
	clk, ok := a.r.c.Clock("decision")
	return ok && clk.Rule().Extension.Max > 0
}

// limits returns the promised (or green channel's) limit the decision
// clock runs on, and the item's statutory limit, in the clock's units.
func (a *applicant) limits() (limit, statutory int) {
	r := a.r
	clk, ok := r.c.Clock("decision")
	if !ok {
		return 20, 20
	}
	rule := clk.Rule()
	limit, statutory = rule.Period.N, rule.Period.N
	if ls, err := r.s.cat.Limits(a.it.Code, r.cs.Received); err == nil && ls.Statutory.Unit == rule.Period.Unit {
		statutory = ls.Statutory.N
	}
	return limit, max(limit, statutory)
}

// review examines the application and decides it, with expert review or
// a hearing now and then, and an extension when the handler needs one.
func (a *applicant) review() error {
	if a.it.Procedure == "joint-licensing" {
		return a.jointReview()
	}
	r, s := a.r, a.r.s
	limit, statutory := a.limits()
	want := r.target(limit, statutory)
	extend := r.late && r.chance(0.35)
	switch x := r.rng.Float64(); {
	case x < 0.02:
		if err := a.hearing(); err != nil {
			return err
		}
		extend = extend || r.chance(0.8)
	case x < 0.09:
		if err := a.exclude(); err != nil {
			return err
		}
	}
	from := r.day()
	st, _ := r.clock("decision", from)
	decide := r.dayAt("decision", from, st.Elapsed, want)
	if decide > st.Due && extend && st.Extended == 0 && a.extendable() {
		// 经本行政机关负责人批准，可以延长十日 (行政许可法 Art 42 ¶1),
		// approved before the period ends.
		on := max(from, s.addWD(st.Due, -1))
		o, on := r.work(a.h, on)
		if on <= st.Due {
			err := r.fire(on, o, "extend", map[string]string{"reasons": "需要对申请材料的实质内容进行现场核查", "approver": a.unit.Head})
			if err != nil {
				return err
			}
		}
	}
	o, decide := r.work(a.h, decide)
	if r.chance(0.06) {
		// 不予行政许可: reasons and the rights of appeal (Art 38 ¶2).
		reasons := "经审查，申请人不符合法定条件"
		err := r.fire(decide, o, "refuse", map[string]string{"reasons": reasons, "appeal_rights": "可依法申请行政复议或者提起行政诉讼"})
		if err != nil {
			return err
		}
		r.register(len(r.c.Events)-1, o, reasons, xiaoneng.Cite(xiaoneng.LicensingLaw, 38, 2).String())
		return nil
	}
	if err := r.fire(decide, o, "grant", map[string]string{"decision": "准予行政许可决定书 " + r.c.ID}); err != nil {
		return err
	}
	return a.certificate(o)
}

// certificate issues and delivers the licence (行政许可法 Art 44: within ten
// working days of the decision).
func (a *applicant) certificate(o *officer) error {
	r, s := a.r, a.r.s
	from := r.day()
	n := r.between(0, 2)
	if r.late && r.chance(0.15) || r.chance(0.005) {
		n = r.between(4, 12)
	}
	o, d := r.work(o, s.addWD(from, n))
	if err := r.fire(d, o, "issue_certificate", map[string]string{"certificate": "许可证 " + r.c.ID}); err != nil {
		return err
	}
	from = r.day()
	w, d := r.work(a.w, s.addWD(from, r.between(0, 2)))
	return r.fire(d, w, "deliver", nil)
}

// hearing tells the applicant of the right to a hearing (行政许可法 Art 47
// ¶1); the applicant asks for one within five days, waives it, or lets
// the time pass. A hearing is noticed seven days ahead (Art 48 ¶1(1)),
// working days as every licensing period is (Art 82), and its time does
// not count (Art 45).
func (a *applicant) hearing() error {
	r, s := a.r, a.r.s
	from := r.day()
	o, d := r.work(a.h, s.addWD(from, r.between(1, 3)))
	if err := r.fire(d, o, "notify_hearing_right", nil); err != nil {
		return err
	}
	told := r.day()
	switch x := r.rng.Float64(); {
	case x < 0.45:
		asked := s.addWD(told, r.between(1, 4))
		if err := r.fire(asked, r.wait(a.h, asked), "request_hearing", nil); err != nil {
			return err
		}
		o, noticed := r.work(a.h, s.addWD(asked, r.between(1, 2)))
		held := s.addWD(noticed, r.between(7, 9))
		if err := r.fire(noticed, o, "notify_hearing", map[string]string{"hearing_date": held.String(), "duration": "听证所需时间不计算在审查期限内"}); err != nil {
			return err
		}
		return r.fire(held, r.wait(a.h, held), "hold_hearing", map[string]string{"record": "听证笔录 " + r.c.ID})
	case x < 0.75:
		d := s.addWD(told, r.between(1, 3))
		return r.fire(d, r.wait(a.h, d), "waive_hearing", map[string]string{"waiver": "书面放弃听证"})
	}
	st, _ := r.clock("hearing_request", told)
	d = s.addWD(st.Due, r.between(1, 2))
	return r.fire(d, a.h.onDuty(d), "hearing_window_closed", nil)
}

// exclude sends the application for expert review, testing or inspection,
// time the law does not count (行政许可法 Art 45), told to the applicant in
// writing.
func (a *applicant) exclude() error {
	r, s := a.r, a.r.s
	from := r.day()
	o, d := r.work(a.h, s.addWD(from, r.between(1, 3)))
	causes := []deadline.Cause{deadline.CauseExpertReview, deadline.CauseTesting, deadline.CauseInspection}
	cause := causes[r.rng.IntN(len(causes))]
	n := r.between(3, 15)
	err := r.fire(d, o, "exclude_time", map[string]string{"cause": cause.String(), "duration": fmt.Sprintf("%s约%d个工作日", cause.Chinese(), n)})
	if err != nil {
		return err
	}
	start := r.day()
	back := s.addWD(start, n)
	return r.fire(back, r.wait(a.h, back), "resume_count", nil)
}

// jointReview runs a joint licence (联合办理, 行政许可法 Art 26 ¶2): the
// lead unit refers it to two other units, each gives its opinion, and the
// lead unit decides within the joint limit (Art 42 ¶2), which the head of
// the county government may extend by fifteen days.
func (a *applicant) jointReview() error {
	r, s := a.r, a.r.s
	limit, statutory := a.limits()
	want := r.target(limit, statutory)
	var depts []*unit
	for _, u := range s.units {
		if u != a.unit && len(u.review) > 0 && u.Name != s.complaint.Unit && u.Name != s.disclosure.Unit {
			depts = append(depts, u)
		}
	}
	r.rng.Shuffle(len(depts), func(i, j int) { depts[i], depts[j] = depts[j], depts[i] })
	depts = depts[:min(2, len(depts))]
	from := r.day()
	o, d := r.work(a.h, s.addWD(from, r.between(0, 1)))
	for _, u := range depts {
		if err := r.fire(d, o, "refer", map[string]string{"department": u.Name}); err != nil {
			return err
		}
	}
	referred := r.day()
	type opinion struct {
		u   *unit
		day date.Date
	}
	var ops []opinion
	for _, u := range depts {
		n := r.between(3, 12)
		if r.late && r.chance(0.5) {
			n = r.between(16, 22)
		}
		ops = append(ops, opinion{u, s.addWD(referred, n)})
	}
	slices.SortStableFunc(ops, func(x, y opinion) int { return int(x.day - y.day) })
	for _, op := range ops {
		p := anyOf(r.rng, op.u.review, op.day)
		if err := r.fire(op.day, p, "department_opinion", map[string]string{"department": op.u.Name, "opinion": "同意"}); err != nil {
			return err
		}
	}
	// Now and then the lead unit tells the applicant of the right to a
	// hearing once the opinions are in (行政许可法 Art 47 ¶1); a hearing's
	// time counts against neither the case nor a department (Art 45).
	if r.chance(0.03) {
		if err := a.hearing(); err != nil {
			return err
		}
	}
	from = r.day()
	st, _ := r.clock("decision", from)
	decide := max(r.dayAt("decision", from, st.Elapsed, want), s.addWD(from, 1))
	if decide > st.Due && r.late && r.chance(0.35) && st.Extended == 0 {
		on := max(from, s.addWD(st.Due, -1))
		if on <= st.Due {
			err := r.fire(on, a.h.onDuty(on), "extend", map[string]string{"reasons": "需要各部门联合现场踏勘", "approver": "示例县人民政府分管副县长"})
			if err != nil {
				return err
			}
		}
	}
	o, decide = r.work(a.h, decide)
	if err := r.fire(decide, o, "grant", map[string]string{"decision": "联合审批决定书 " + r.c.ID}); err != nil {
		return err
	}
	from = r.day()
	w, d := r.work(a.w, s.addWD(from, r.between(1, 3)))
	return r.fire(d, w, "deliver", map[string]string{"certificate": "施工许可证 " + r.c.ID})
}
