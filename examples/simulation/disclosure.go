package simulation

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/rickb777/date/v2"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/deadline"
)

// requests simulates the government-information requests.
func (s *sim) requests() error {
	for i, t := range s.arrivals(streamRequest, s.cfg.Requests) {
		if i%64 == 0 {
			if err := s.ctx.Err(); err != nil {
				return err
			}
		}
		if err := s.request(i, t); err != nil {
			return err
		}
		s.step()
	}
	return nil
}

// request simulates information request i, received at instant t by the
// unit of the catalogue's disclosure item (政府信息公开条例): a correction
// requested once within seven working days and the reply counted again
// from the corrected request (Art 30), a third party consulted, its time
// not counted and its silence no bar (Art 32), an extension of up to
// twenty working days with the office head's consent (Art 33 ¶2).
func (s *sim) request(i int, t time.Time) error {
	rng := s.rng(streamRequest, uint64(i))
	day := deadline.DateOf(t)
	gov := s.byName[s.disclosure.Unit]
	id := fmt.Sprintf("GK-%d-%04d", s.year, i+1)
	d, c, err := s.cat.Start(id, s.disclosure.Code, day, "")
	if err != nil {
		return err
	}
	r := s.newRun(rng, d, c, Case{ID: id, Kind: KindRequest, Item: s.disclosure.Code, Unit: gov.Name, Received: day, Clock: s.disclosure.Clock})
	w := anyOf(rng, gov.window, day)
	h := gov.review[rng.IntN(len(gov.review))]
	r.setLate(h)
	err = r.requestFlow(t, gov, w, h)
	return r.finish(gov.Name, err)
}

func (r *run) requestFlow(t time.Time, gov *unit, w, h *officer) error {
	s := r.s
	// Art 31 ¶1: received in person on the day, by registered post when
	// signed for, online once receipt is confirmed.
	payload := map[string]string{"channel": "in_person"}
	switch x := r.rng.Float64(); {
	case x < 0.2:
		payload["channel"] = "registered_post"
	case x < 0.5:
		payload = map[string]string{"channel": "internet", "confirmed": "已与申请人确认收到申请"}
	}
	if err := r.fireEvent(eventAt(t, w, "receive", payload)); err != nil {
		return err
	}
	switch x := r.rng.Float64(); {
	case x < 0.1:
		done, err := r.correction(w, h)
		if done || err != nil {
			return err
		}
	case x < 0.17:
		if err := r.thirdParty(h); err != nil {
			return err
		}
	}
	from := r.day()
	st, _ := r.clock("reply", from)
	want := r.target(st.Limit, max(st.Limit, 20))
	reply := r.dayAt("reply", from, st.Elapsed, want)
	if reply > st.Due && r.late && r.chance(0.35) && st.Extended == 0 {
		on := max(from, s.addWD(st.Due, -1))
		if on <= st.Due {
			err := r.fire(on, h.onDuty(on), "extend", map[string]string{"approver": gov.Head, "applicant_told": "已书面告知申请人延长答复期限", "reasons": "需要调取、汇总的信息较多", "units": strconv.Itoa(r.between(5, 15))})
			if err != nil {
				return err
			}
		}
	}
	o, reply := r.work(h, reply)
	trigger, payload := r.replyKind()
	if err := r.fire(reply, o, trigger, payload); err != nil {
		return err
	}
	switch trigger {
	case "withhold", "disclose_partly", "reply_not_held", "reply_not_responsible":
		r.register(len(r.c.Events)-1, o, payload["reasons"]+payload["search"], xiaoneng.Cite(xiaoneng.DisclosureRegs, 36).String())
	}
	return nil
}

// replyKind draws the reply (政府信息公开条例 Art 36), respecting a third
// party's objection (Art 32).
func (r *run) replyKind() (string, map[string]string) {
	x := r.rng.Float64()
	if r.c.Facts["third_party_opinion"] == "objects" {
		if x < 0.7 {
			return "withhold", map[string]string{"ground": "third_party", "reasons": "公开会损害第三方合法权益，第三方不同意公开"}
		}
		return "disclose_partly", map[string]string{"provision": "提供可以公开的部分", "reasons": "涉及第三方合法权益的部分不予公开"}
	}
	switch {
	case x < 0.52:
		return "disclose", map[string]string{"provision": "以电子邮件方式提供所申请的政府信息"}
	case x < 0.64:
		return "disclose_partly", map[string]string{"provision": "提供可以公开的部分", "reasons": "部分内容涉及个人隐私，不予公开"}
	case x < 0.70:
		return "withhold", map[string]string{"ground": "process_information", "reasons": "所申请信息属于内部事务信息"}
	case x < 0.82:
		return "reply_not_held", map[string]string{"search": "经检索，本机关未制作、获取该政府信息"}
	case x < 0.92:
		return "reply_published", map[string]string{"access": "该信息已在示例县人民政府门户网站主动公开"}
	}
	return "reply_not_responsible", map[string]string{"reasons": "该信息不属于本机关负责公开", "competent_agency": "示例市人民政府办公室"}
}

// correction asks the applicant, once, to make the request clear, with a
// reasonable period (Art 30); most correct in time, the others are deemed
// to have abandoned the request when the period ends. It reports whether
// the case has ended.
func (r *run) correction(w, h *officer) (bool, error) {
	s := r.s
	from := r.day()
	o, d := r.work(h, s.addWD(from, r.between(1, 5)))
	// A handler away with no one standing in lets the seven working days
	// of Art 30 pass: the request is then answered as it stands.
	if st, ok := r.clock("correction_notice", d); ok && d > st.Due {
		return false, nil
	}
	by := d + date.Date(r.between(10, 20))
	err := r.fire(d, o, "request_correction", map[string]string{"items": "请明确申请公开的政府信息的名称、文号或者特征性描述", "correct_by": by.String()})
	if err != nil {
		return false, err
	}
	asked := r.day()
	if !r.chance(0.75) {
		return true, nil // the law deems it abandoned when the period ends
	}
	back := s.onOrAfter(asked + date.Date(r.between(2, int(by-asked)-1)))
	err = r.fire(back, r.wait(w, back), "correct", map[string]string{"corrected": "已提交补正后的申请"})
	if errors.Is(err, errPreempted) {
		return true, nil // the period ended on a rest day before the correction
	}
	return false, err
}

// thirdParty consults a third party whose interests disclosure may harm
// (Art 32): it answers within fifteen working days, or its silence lets
// the office decide.
func (r *run) thirdParty(h *officer) error {
	s := r.s
	from := r.day()
	o, d := r.work(h, s.addWD(from, r.between(2, 6)))
	if err := r.fire(d, o, "consult_third_party", map[string]string{"third_party": "相关企业", "letter": "征求第三方意见书"}); err != nil {
		return err
	}
	asked := r.day()
	if r.chance(0.7) {
		d := s.addWD(asked, r.between(3, 14))
		if r.chance(0.6) {
			return r.fire(d, r.wait(h, d), "third_party_consents", map[string]string{"opinion": "同意公开"})
		}
		return r.fire(d, r.wait(h, d), "third_party_objects", map[string]string{"reasons": "涉及商业秘密", "reasonable": "true"})
	}
	// Silence: the law moves the case on when the fifteen days end.
	st, _ := r.clock("third_party", asked)
	_, err := r.at(s.addWD(st.Due, 1))
	if errors.Is(err, errPreempted) {
		return nil
	}
	if err == nil {
		return fmt.Errorf("simulation: case %s: the third party's silence did not move the case", r.c.ID)
	}
	return err
}
