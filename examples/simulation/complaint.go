package simulation

import (
	"fmt"
	"strconv"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng/deadline"
)

// complaints simulates the efficiency complaints.
func (s *sim) complaints() error {
	for i, t := range s.arrivals(streamComplaint, s.cfg.Complaints) {
		if i%64 == 0 {
			if err := s.ctx.Err(); err != nil {
				return err
			}
		}
		if err := s.complaintCase(i, t); err != nil {
			return err
		}
		s.step()
	}
	return nil
}

// complaintCase simulates complaint i, registered at instant t by the
// unit of the catalogue's complaint item. 信访工作条例 sets the steps: routed
// within fifteen days (Art 22), the complainant told in writing within
// fifteen days (Art 23 ¶2), an objection to a misrouted item within five
// working days (Art 23 ¶3), handled within sixty days (Art 34; the item
// promises thirty); the follow-up visit is the county's own rule.
func (s *sim) complaintCase(i int, t time.Time) error {
	rng := s.rng(streamComplaint, uint64(i))
	day := deadline.DateOf(t)
	xf := s.byName[s.complaint.Unit]
	var subjects []*unit
	weights := 0
	for _, u := range s.units {
		if u != xf {
			subjects = append(subjects, u)
			weights += 1 + 2*len(u.window)
		}
	}
	subject := xf
	if len(subjects) > 0 {
		x := rng.IntN(weights)
		for _, u := range subjects {
			if x < 1+2*len(u.window) {
				subject = u
				break
			}
			x -= 1 + 2*len(u.window)
		}
	}
	id := fmt.Sprintf("TS-%d-%04d", s.year, i+1)
	d, c, err := s.cat.Start(id, s.complaint.Code, day, "")
	if err != nil {
		return err
	}
	r := s.newRun(rng, d, c, Case{ID: id, Kind: KindComplaint, Item: s.complaint.Code, Unit: subject.Name, Received: day, Clock: s.complaint.Clock})
	p := &complainant{r: r, xf: xf, subject: subject, w: anyOf(rng, xf.window, day), h: xf.review[rng.IntN(len(xf.review))]}
	err = p.run(t)
	return r.finish(xf.Name, err)
}

type complainant struct {
	r        *run
	xf       *unit    // the unit that registers and routes
	subject  *unit    // the unit complained about
	w, h     *officer // who registers and follows up, who routes
	notifyOn date.Date
	notified bool
}

func (p *complainant) run(t time.Time) error {
	r, s := p.r, p.r.s
	day := deadline.DateOf(t)
	matters := []string{
		"窗口工作人员态度生硬，推诿扯皮", "办事须多次往返，未一次性告知所需材料", "承诺时限内未办结，无人答复",
		"电话咨询无人接听", "要求提供目录之外的证明材料", "审批环节多、耗时长",
	}
	payload := map[string]string{"matter": p.subject.Short + "：" + matters[r.rng.IntN(len(matters))]}
	if r.chance(0.9) {
		payload["address"] = "示例县城关镇" + strconv.Itoa(r.between(1, 300)) + "号"
		// The written notice of receipt (信访工作条例 Art 23 ¶2): usually
		// within a week, now and then after the fifteen days.
		p.notifyOn = s.onOrAfter(day + date.Date(r.between(1, 8)))
		if r.chance(0.03) {
			p.notifyOn = s.onOrAfter(day + date.Date(r.between(16, 25)))
		}
	}
	if err := r.fireEvent(eventAt(t, p.w, "register", payload)); err != nil {
		return err
	}
	// Routing: redirected to the competent body, handled by the petition
	// bureau itself, or transferred to the unit complained about; now
	// and then only after the fifteen days of Art 22.
	from := r.day()
	n := r.between(1, 3)
	if r.chance(0.02) {
		n = r.between(12, 16)
	}
	o, d := r.work(p.h, s.addWD(from, n))
	if err := p.notify(d); err != nil {
		return err
	}
	handler, hunit := p.h, p.xf
	switch x := r.rng.Float64(); {
	case x < 0.06:
		bodies := []string{"示例县人民法院", "示例县公安局", "示例县劳动人事争议仲裁委员会"}
		r.cs.Unit = p.xf.Name
		return r.fire(d, o, "redirect", map[string]string{"competent_body": bodies[r.rng.IntN(len(bodies))]})
	case x < 0.26 || p.subject == p.xf:
		if err := r.fire(d, o, "accept_case", map[string]string{"accepted_by": p.xf.Name}); err != nil {
			return err
		}
	default:
		if err := r.fire(d, o, "transfer", map[string]string{"handler": p.subject.Name}); err != nil {
			return err
		}
		from = r.day()
		if r.chance(0.03) {
			// The unit objects that the matter is not its own (Art 23 ¶3),
			// with its head's approval; the bureau handles it itself.
			d := s.addWD(from, r.between(1, 4))
			q := anyOf(r.rng, p.subject.review, d)
			if err := p.notify(d); err != nil {
				return err
			}
			if err := r.fire(d, q, "object", map[string]string{"reasons": "投诉事项不属于本单位职责", "approved_by": p.subject.Head}); err != nil {
				return err
			}
			from = r.day()
			o, d = r.work(p.h, s.addWD(from, r.between(1, 3)))
			if err := p.notify(d); err != nil {
				return err
			}
			if err := r.fire(d, o, "accept_case", map[string]string{"accepted_by": p.xf.Name}); err != nil {
				return err
			}
		} else {
			handler, hunit = p.subject.review[r.rng.IntN(len(p.subject.review))], p.subject
			o, d := r.work(handler, s.addWD(from, r.between(1, 3)))
			if err := p.notify(d); err != nil {
				return err
			}
			if err := r.fire(d, o, "accept_case", map[string]string{"accepted_by": p.subject.Name}); err != nil {
				return err
			}
		}
	}
	r.cs.Unit = hunit.Name
	return p.investigate(handler, hunit)
}

// notify gives the written notice of receipt if it is due by day d.
func (p *complainant) notify(d date.Date) error {
	r := p.r
	if p.notified || p.notifyOn == 0 || p.notifyOn > d {
		return nil
	}
	p.notified = true
	if clk, ok := r.c.Clock("notice"); !ok || clk.Stopped() {
		return nil
	}
	day := max(p.notifyOn, r.day())
	o, day := r.work(p.w, day)
	return r.fire(day, o, "notify", map[string]string{"notice": "书面告知受理情况及办理途径"})
}

// investigate handles the complaint in unit u by officer h: urged by the
// petition bureau when late, extended now and then with the head's
// approval (信访工作条例 Art 34), concluded with a reply, and followed up.
func (p *complainant) investigate(h *officer, u *unit) error {
	r, s := p.r, p.r.s
	r.setLate(h)
	from := r.day()
	st, _ := r.clock("handling", from)
	limit := st.Limit
	want := r.target(limit, max(limit, 60))
	end := r.dayAt("handling", from, st.Elapsed, want)
	if r.late && from+date.Date(limit-5) < end {
		urge := s.onOrAfter(from + date.Date(limit-5))
		o, urge := r.work(p.h, urge)
		if err := p.notify(urge); err != nil {
			return err
		}
		if err := r.fire(urge, o, "urge", map[string]string{"urging_notice": "效能督办通知"}); err != nil {
			return err
		}
		if r.chance(0.4) {
			st, _ := r.clock("handling", r.day())
			if on := r.day(); on <= st.Due {
				err := r.fire(on, h.onDuty(on), "extend", map[string]string{"approver": u.Head, "reasons": "情况复杂，需进一步调查核实", "units": "30"})
				if err != nil {
					return err
				}
			}
		}
	}
	o, end := r.work(h, end)
	if err := p.notify(end); err != nil {
		return err
	}
	results := []string{"属实", "部分属实", "不属实"}
	// The petition bureau's officer who will follow the complaint up is
	// assigned with the conclusion (the profile's handler key), so that
	// the follow-up step is theirs, not the investigator's.
	err := r.fire(end, o, "conclude", map[string]string{"opinion": "已调查核实并提出处理意见", "reply": "已书面答复投诉人",
		"result": results[r.rng.IntN(len(results))], "assigned_officer": p.w.ID})
	if err != nil {
		return err
	}
	// The follow-up visit (回访), within ten working days by the
	// county's rule; a sloppy bureau forgets it or goes late.
	from = r.day()
	n := r.between(1, 8)
	if r.chance(s.rates.NoFollowUp) {
		if r.chance(0.5) {
			return nil
		}
		n = r.between(11, 20)
	}
	o, d := r.work(p.w, s.addWD(from, n))
	onTime := true
	if clk, ok := r.c.Clock("handling"); ok {
		if st, err := clk.Status(s.cal, clk.LastDay()); err == nil {
			onTime = !st.Late()
		}
	}
	feedback := "满意"
	switch x := r.rng.Float64(); {
	case onTime && x < 0.08, !onTime && x < 0.3:
		feedback = "基本满意"
	case onTime && x < 0.12, !onTime && x < 0.55:
		feedback = "不满意"
	}
	if err := r.fire(d, o, "follow_up", map[string]string{"feedback": feedback}); err != nil {
		return err
	}
	r.cs.Rated, r.cs.Satisfied = true, feedback != "不满意"
	return nil
}
