package simulation

import (
	"fmt"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/accountability"
	"github.com/xiaoneng/xiaoneng/deadline"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// assistance simulates the requests for assistance between units (行政协助,
// 行政处罚法 Art 26): answered in writing within the five working days of
// the reference definition's default, then completed by the day the
// answer sets. Assistance is not a service to the public and has no
// catalogue item: its cases run on the reference definition.
func (s *sim) assistance() error {
	if s.cfg.Assistance == 0 {
		return nil
	}
	d := s.assistDef
	var units []*unit
	for _, u := range s.units {
		if len(u.review) > 0 {
			units = append(units, u)
		}
	}
	if len(units) < 2 {
		return fmt.Errorf("%w: assistance needs two units", ErrInvalidConfig)
	}
	for i, t := range s.arrivals(streamAssistance, s.cfg.Assistance) {
		if i%64 == 0 {
			if err := s.ctx.Err(); err != nil {
				return err
			}
		}
		if err := s.assist(d, units, i, t); err != nil {
			return err
		}
		s.step()
	}
	return nil
}

func (s *sim) assist(d *procedure.Definition, units []*unit, i int, t time.Time) error {
	rng := s.rng(streamAssistance, uint64(i))
	day := deadline.DateOf(t)
	from := units[rng.IntN(len(units))]
	to := units[rng.IntN(len(units)-1)]
	if to == from {
		to = units[len(units)-1]
	}
	id := fmt.Sprintf("XZ-%d-%04d", s.year, i+1)
	r := s.newRun(rng, d, d.NewCase(id), Case{ID: id, Kind: KindAssistance, Unit: to.Name, Received: day, Clock: "answer"})
	asker := anyOf(rng, from.review, day)
	answerer := to.review[rng.IntN(len(to.review))]
	r.setLate(answerer)
	err := r.assistFlow(t, asker, answerer, to)
	return r.finish(from.Name, err)
}

func (r *run) assistFlow(t time.Time, asker, answerer *officer, to *unit) error {
	s := r.s
	err := r.fireEvent(eventAt(t, asker, "request", map[string]string{
		"case_ref": "本单位在办案件", "requested_agency": to.Name, "matter": "协助核实当事人登记信息并提供相关材料"}))
	if err != nil {
		return err
	}
	from := r.day()
	n := r.between(1, 4)
	if r.chance(s.rates.UnansweredAssistance) {
		if r.chance(0.4) {
			return nil // never answered
		}
		n = r.between(7, 12)
	}
	o, d := r.work(answerer, s.addWD(from, n))
	if r.chance(0.1) {
		reasons := "所请求协助事项超出本机关职权范围"
		if err := r.fire(d, o, "refuse", map[string]string{"ground": "outside_powers", "reasons": reasons}); err != nil {
			return err
		}
		r.register(len(r.c.Events)-1, o, reasons, "行政协助工作规则")
		return nil
	}
	by := d + date.Date(r.between(10, 20))
	if err := r.fire(d, o, "agree", map[string]string{"reply": "同意协助", "complete_by": by.String()}); err != nil {
		return err
	}
	agreed := r.day()
	done := s.onOrAfter(agreed + date.Date(r.between(3, int(by-agreed))))
	if r.late && r.chance(0.5) {
		done = s.onOrAfter(by + date.Date(r.between(1, 10)))
	}
	o, done = r.work(answerer, done)
	return r.fire(done, o, "complete", map[string]string{"result": "已反馈协助结果"})
}

// askInquiries simulates the first inquiries (首问负责): the officer first
// asked answers, handles or refers the question, usually at once; a few
// are left unanswered or answered days later.
func (s *sim) askInquiries() error {
	var units []*unit
	weights := 0
	for _, u := range s.units {
		units = append(units, u)
		weights += len(u.window)*2 + 1
	}
	for i, t := range s.arrivals(streamInquiry, s.cfg.Inquiries) {
		if i%256 == 0 {
			if err := s.ctx.Err(); err != nil {
				return err
			}
		}
		rng := s.rng(streamInquiry, uint64(i))
		day := deadline.DateOf(t)
		x := rng.IntN(weights)
		u := units[len(units)-1]
		for _, c := range units {
			if x < len(c.window)*2+1 {
				u = c
				break
			}
			x -= len(c.window)*2 + 1
		}
		list := u.window
		if rng.Float64() < 0.2 {
			list = u.review
		}
		o := anyOf(rng, list, day)
		q := accountability.Inquiry{ID: fmt.Sprintf("ZX-%d-%05d", s.year, i+1), Unit: u.Name, Officer: o.ID, At: t}
		minutes := func(lo, hi int) time.Time { return t.Add(time.Duration(lo+rng.IntN(hi-lo+1)) * time.Minute) }
		if rng.Float64() < s.rates.UnansweredInquiry {
			if rng.Float64() < 0.5 {
				q.Outcome, q.OutcomeAt = accountability.OutcomeAnswered, s.officeTime(rng, s.addWD(day, 2+rng.IntN(4)))
			}
		} else {
			switch x := rng.Float64(); {
			case x < 0.7:
				q.Outcome, q.OutcomeAt = accountability.OutcomeAnswered, minutes(3, 30)
			case x < 0.88:
				q.Outcome, q.OutcomeAt = accountability.OutcomeHandled, minutes(20, 240)
			default:
				q.Outcome, q.OutcomeAt = accountability.OutcomeReferred, minutes(3, 20)
				q.ReferredTo = units[rng.IntN(len(units))].Name
			}
		}
		if q.OutcomeAt.After(s.endAt) {
			q.Outcome, q.OutcomeAt = accountability.OutcomeNone, time.Time{}
		}
		s.inquiries = append(s.inquiries, q)
		s.step()
	}
	return nil
}
