package catalogue

import (
	"fmt"
	"strings"
	"time"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/internal/text"
	"github.com/xiaoneng/xiaoneng/procedure"
)

// Payload keys of the events [Result.Event] makes. Lists are joined with
// [Separator] and read back with [SplitList]. Together they record, in
// the case's own log, what was missing at each notice and what had been
// found conforming, so that a later check of the one-time notice rule
// (一次性告知) can compare notices without the catalogue.
const (
	// PayloadVoucher is the number of the written voucher (书面凭证,
	// 行政许可法 Art 32 ¶2).
	PayloadVoucher = "voucher"
	// PayloadItem and PayloadItemVersion are the item's code and the
	// first day of its version in force (YYYY-MM-DD).
	PayloadItem        = "item"
	PayloadItemVersion = "item_from"
	// PayloadMissing lists the names of the materials to supplement:
	// exactly the required materials not submitted and conforming.
	// The licensing procedure records it as the case's fact "missing".
	PayloadMissing = "missing"
	// PayloadMissingNotes lists "name：problem" for each of them.
	PayloadMissingNotes = "missing_notes"
	// PayloadConforming lists the materials found conforming.
	PayloadConforming = "conforming"
	// PayloadDeferred lists the materials deferred under 容缺受理, and
	// PayloadDeferredDue "name：YYYY-MM-DD" for each.
	PayloadDeferred    = "deferred"
	PayloadDeferredDue = "deferred_due"
	// PayloadReasons is the reason for not accepting; PayloadGround its
	// ground's code; PayloadCompetent the unit to apply to instead.
	PayloadReasons   = "reasons"
	PayloadGround    = "ground"
	PayloadCompetent = "competent_unit"
)

// Separator separates the entries of a list in an event's payload:
// 营业执照复印件；从业人员健康证明. Material names may not contain it.
const Separator = "；"

// SplitList splits a list of an event's payload, joined with
// [Separator], into its entries, trimmed, without empty ones.
func SplitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, Separator) {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// Event returns the event that records the result on a case of the
// item's procedure, fired at the instant at by actor, with the number of
// the written voucher:
//
//   - accept (受理, 容缺受理): trigger "accept", with the deferred
//     materials and their due days under 容缺受理 (a provisional due day,
//     see [Deferral], is recorded as counted: it is the day the voucher
//     states);
//   - one-time notice: trigger "request_supplement", with payload
//     "missing" listing exactly the materials missing, which the
//     licensing procedure records as the case's 补正 notice;
//   - not accepted: trigger "refuse_acceptance", with the reasons, the
//     ground and the competent unit.
//
// Every event carries the item, its version and the materials found
// conforming (see the Payload constants). The procedure must have those
// three steps, as "licensing" and "joint-licensing" do; fire the
// event after the case's "receive". The error wraps [ErrInvalidInput]
// for another procedure, a result of no outcome, or a blank voucher.
func (r Result) Event(at time.Time, actor procedure.Actor, voucher string) (procedure.Event, error) {
	const op = "Event"
	p, ok := reference(r.Procedure)
	switch {
	case !ok || !p.hasIntake():
		return procedure.Event{}, inputError(op, r.Item, "procedure %q has no intake steps (%s, %s, %s)",
			r.Procedure, triggerAccept, triggerSupplement, triggerRefuse)
	case text.Blank(voucher):
		return procedure.Event{}, inputError(op, r.Item, "no voucher number (行政许可法 Art 32 ¶2)")
	}
	pay := map[string]string{
		PayloadVoucher: voucher, PayloadItem: r.Item, PayloadItemVersion: r.Version.String(),
	}
	if len(r.Conforming) > 0 {
		pay[PayloadConforming] = strings.Join(r.Conforming, Separator)
	}
	e := procedure.Event{At: at, Actor: actor, Reason: r.Outcome.Chinese(), Payload: pay}
	switch r.Outcome {
	case OutcomeAccept:
		e.Trigger = triggerAccept
	case OutcomeAcceptDeferred:
		e.Trigger = triggerAccept
		names, dues := make([]string, len(r.Deferred)), make([]string, len(r.Deferred))
		for i, d := range r.Deferred {
			names[i], dues[i] = d.Material, d.Material+"："+d.Due.String()
		}
		pay[PayloadDeferred] = strings.Join(names, Separator)
		pay[PayloadDeferredDue] = strings.Join(dues, Separator)
	case OutcomeSupplement:
		e.Trigger = triggerSupplement
		names, notes := make([]string, len(r.Missing)), make([]string, len(r.Missing))
		for i, m := range r.Missing {
			names[i], notes[i] = m.Material, m.Material+"："+clean(m.problem())
		}
		pay[PayloadMissing] = strings.Join(names, Separator)
		pay[PayloadMissingNotes] = strings.Join(notes, Separator)
	case OutcomeNotAccepted:
		e.Trigger = triggerRefuse
		pay[PayloadReasons] = r.Refusal.reason()
		pay[PayloadGround] = r.Refusal.Ground.String()
		if r.Refusal.Competent != "" {
			pay[PayloadCompetent] = r.Refusal.Competent
		}
	default:
		return procedure.Event{}, inputError(op, r.Item, "the result has no outcome")
	}
	return e, nil
}

// problem says in Chinese what is wrong with a material.
func (s Shortfall) problem() string {
	switch {
	case s.Submitted && s.Note != "":
		return "不符合要求（" + s.Note + "）"
	case s.Submitted:
		return "不符合要求"
	}
	return "未提交"
}

// reason is the refusal's reason, or its ground's label.
func (r Refusal) reason() string {
	if !text.Blank(r.Reason) {
		return r.Reason
	}
	return r.Ground.Chinese()
}

// clean keeps a note from breaking a payload list.
func clean(s string) string { return strings.ReplaceAll(s, Separator, "，") }

// Notice returns the text of the notice the result calls for, in
// Chinese: 受理, 容缺受理 with the days to supply each deferred material,
// the one-time notice listing every material to supplement with what is
// wrong with it and what the list requires, or 不予受理 with the reason
// and the unit to apply to. Each cites its provision when it has one.
// The text is for people and may change between versions.
func (r Result) Notice() string {
	var b strings.Builder
	day := func() string {
		y, m, d := r.On.Date()
		return fmt.Sprintf("%d年%d月%d日", y, m, d)
	}
	cite := ""
	if !r.Citation.IsZero() {
		cite = "依据" + r.Citation.String() + "，"
	}
	fmt.Fprintf(&b, "您于%s申请的“%s”（事项编码%s）", day(), r.Name, r.Item)
	switch r.Outcome {
	case OutcomeAccept:
		fmt.Fprintf(&b, "，申请材料齐全、符合法定形式，%s予以受理。\n", cite)
	case OutcomeAcceptDeferred:
		b.WriteString("，主要申请材料齐全、符合法定形式，予以容缺受理。请于下列期限内补齐材料：\n")
		for i, d := range r.Deferred {
			y, m, dd := d.Due.Date()
			fmt.Fprintf(&b, "%d. %s：%d年%d月%d日前（%d个工作日内）\n", i+1, d.Material, y, m, dd, r.Missing[i].DeferDays)
		}
	case OutcomeSupplement:
		fmt.Fprintf(&b, "，申请材料不齐全或者不符合法定形式。%s现一次性告知需要补正的全部内容：\n", cite)
		for i, m := range r.Missing {
			fmt.Fprintf(&b, "%d. %s：%s", i+1, m.Material, m.problem())
			if m.Requirement != "" {
				fmt.Fprintf(&b, "。要求：%s", m.Requirement)
			}
			if m.Deferrable {
				fmt.Fprintf(&b, "（可容缺后补，%d个工作日内）", m.DeferDays)
			}
			b.WriteString("\n")
		}
		b.WriteString("请补正全部材料后再行提交。\n")
	case OutcomeNotAccepted:
		fmt.Fprintf(&b, "，%s%s，决定不予受理。", cite, strings.TrimSuffix(r.Refusal.reason(), "。"))
		if r.Refusal.Competent != "" {
			fmt.Fprintf(&b, "请向%s申请。", r.Refusal.Competent)
		}
		b.WriteString("\n")
	default:
		b.WriteString("：未作出收件审查结论。\n")
	}
	return b.String()
}

// citationText writes a citation, or the note when there is none.
func citationText(c xiaoneng.Citation, note string) string {
	switch {
	case !c.IsZero() && note != "":
		return c.String() + "；" + note
	case !c.IsZero():
		return c.String()
	}
	return note
}
