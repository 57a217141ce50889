package deadline

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xiaoneng/xiaoneng"
	"github.com/xiaoneng/xiaoneng/internal/text"
)

// Rule is a named time limit (法定时限, or a shorter promised one, 承诺时限)
// as data: how long, in what unit, how it rolls off rest days, how far and
// by whom it may be extended, which time the law excludes or restarts,
// and the provisions it comes from. [Start] runs a [Clock] on a rule.
//
// A Rule is plain data with JSON tags. The reference rules of
// [ReferenceRules] are ready to use; integrators may write their own
// (a promised limit, a sector rule) and check them with [Rule.Validate].
type Rule struct {
	// ID identifies the rule, e.g. "licensing-decision". Required.
	ID string `json:"id"`
	// Name and NameEN describe the rule for people.
	Name   string `json:"name"`
	NameEN string `json:"name_en,omitempty"`
	// Period is the time limit: N > 0 units.
	Period Period `json:"period"`
	// Roll says how a calendar-day, month or year limit ends on a rest
	// day; it is ignored for working days.
	Roll Roll `json:"roll,omitzero"`
	// Extension says how the limit may be extended (延长); its zero value
	// allows no extension.
	Extension Extension `json:"extension,omitzero"`
	// Exclusions are the causes of time the law does not count (不计算在
	// 期限内), each with its provision. A suspension for any other cause
	// is refused.
	Exclusions []Allowance `json:"exclusions,omitempty"`
	// Restarts are the causes on which the law counts the limit again
	// from the start (重新计算), each with its provision.
	Restarts []Allowance `json:"restarts,omitempty"`
	// Citations are the provisions the rule comes from, the rule's own
	// article first, then the counting rule (e.g. 行政许可法 Art 82).
	Citations []xiaoneng.Citation `json:"citations"`
}

// Extension says how a rule's limit may be extended.
type Extension struct {
	// Max is the most the limit may grow in all, in the rule's unit.
	// Zero allows no extension.
	Max int `json:"max"`
	// Times is how many extensions are allowed; zero means one.
	Times int `json:"times,omitzero"`
	// Approver is who must approve (批准), e.g. 本行政机关负责人.
	Approver   string `json:"approver"`
	ApproverEN string `json:"approver_en,omitempty"`
	// Citation is the provision that allows it.
	Citation xiaoneng.Citation `json:"citation"`
}

// times returns the number of extensions allowed.
func (e Extension) times() int {
	if e.Max == 0 {
		return 0
	}
	return max(e.Times, 1)
}

// Allowance is a cause the law allows, with the provision allowing it.
type Allowance struct {
	Cause    Cause             `json:"cause"`
	Citation xiaoneng.Citation `json:"citation"`
}

// Validate reports every problem of the rule at once: no ID, an invalid
// period or a zero-length one, an extension without an approver or
// provision, an unknown cause, a missing or malformed citation. The error
// joins one [*Error] per problem, each wrapping [ErrInvalidRule].
func (r Rule) Validate() error {
	p := problems{op: "Validate"}
	r.validate(&p, "")
	return p.err()
}

func (r Rule) validate(p *problems, at string) {
	bad := func(path, format string, args ...any) {
		p.add(at+path, 0, ErrInvalidRule, format, args...)
	}
	if text.Blank(r.ID) {
		bad("id", "the rule has no id")
	}
	if err := r.Period.Validate(); err != nil {
		bad("period", "%s", strings.TrimPrefix(err.Error(), "deadline: Validate: invalid period: "))
	} else if r.Period.N == 0 {
		bad("period", "a time limit of zero %s", r.Period.Unit.names()[2])
	}
	if int(r.Roll) >= len(rollNames) {
		bad("roll", "unknown roll policy %d", r.Roll)
	}
	if e := r.Extension; e != (Extension{}) {
		switch {
		case e.Max < 0 || e.Times < 0:
			bad("extension", "negative extension")
		case e.Max == 0:
			bad("extension", "an extension of zero %s", r.Period.Unit.names()[2])
		case (Period{e.Max, r.Period.Unit}).Validate() != nil:
			bad("extension.max", "an extension of %d %s is longer than 100 years", e.Max, r.Period.Unit.names()[2])
		}
		if e.Max > 0 && text.Blank(e.Approver) {
			bad("extension.approver", "an extension needs an approver")
		}
		if e.Max > 0 && e.Citation.IsZero() {
			bad("extension.citation", "an extension needs the provision that allows it")
		}
		if !e.Citation.IsZero() {
			if err := e.Citation.Validate(); err != nil {
				bad("extension.citation", "%v", err)
			}
		}
	}
	for k, list := range [2][]Allowance{r.Exclusions, r.Restarts} {
		// Paths are built only for problems: a valid rule validates
		// without allocating.
		path := func(i int) string { return fmt.Sprintf("%s[%d]", [2]string{"exclusions", "restarts"}[k], i) }
		for i, a := range list {
			if !a.Cause.known() {
				bad(path(i)+".cause", "unknown cause %d", a.Cause)
			}
			if a.Citation.IsZero() {
				bad(path(i)+".citation", "the allowance needs the provision that makes it")
			} else if err := a.Citation.Validate(); err != nil {
				bad(path(i)+".citation", "%v", err)
			}
		}
	}
	if len(r.Citations) == 0 {
		bad("citations", "the rule cites no provision")
	}
	for i, c := range r.Citations {
		if err := c.Validate(); err != nil {
			bad(fmt.Sprintf("citations[%d]", i), "%v", err)
		}
	}
}

// Citation returns the rule's own provision: the first of its citations.
func (r Rule) Citation() xiaoneng.Citation {
	if len(r.Citations) == 0 {
		return xiaoneng.Citation{}
	}
	return r.Citations[0]
}

// clone returns a deep copy, so a clock never shares slices with its
// caller.
func (r Rule) clone() Rule {
	r.Exclusions = slices.Clone(r.Exclusions)
	r.Restarts = slices.Clone(r.Restarts)
	r.Citations = slices.Clone(r.Citations)
	return r
}

// Equal reports whether two rules are the same in every field.
func (r Rule) Equal(o Rule) bool {
	return r.ID == o.ID && r.Name == o.Name && r.NameEN == o.NameEN &&
		r.Period == o.Period && r.Roll == o.Roll && r.Extension == o.Extension &&
		slices.Equal(r.Exclusions, o.Exclusions) && slices.Equal(r.Restarts, o.Restarts) &&
		slices.Equal(r.Citations, o.Citations)
}

// allows returns the citation of the allowance in list for cause c. It
// compares each allowance's cause where it lies, rather than copying it.
func (r Rule) allows(list []Allowance, c Cause) (xiaoneng.Citation, bool) {
	for i := range list {
		if list[i].Cause == c {
			return list[i].Citation, true
		}
	}
	return xiaoneng.Citation{}, false
}

// Cause is why time is excluded from a limit or the limit restarts.
// Values are stored: they are never reordered, only appended.
type Cause uint8

// Causes. The zero value, CauseUnknown, is never allowed.
const (
	CauseUnknown      Cause = iota
	CauseHearing            // 听证
	CauseTender             // 招标
	CauseAuction            // 拍卖
	CauseInspection         // 检验
	CauseTesting            // 检测
	CauseQuarantine         // 检疫
	CauseAppraisal          // 鉴定
	CauseExpertReview       // 专家评审
	CauseCorrection         // 补正: supplementing or correcting materials
	CauseConsultation       // 征求意见: consulting a third party or another agency
	CauseAnnouncement       // 公告
	CauseOther              // 其他: any cause a rule names in its provision
)

var causeNames = [...][3]string{
	CauseUnknown:      {"unknown", "未知", "unknown"},
	CauseHearing:      {"hearing", "听证", "hearing"},
	CauseTender:       {"tender", "招标", "tender"},
	CauseAuction:      {"auction", "拍卖", "auction"},
	CauseInspection:   {"inspection", "检验", "inspection"},
	CauseTesting:      {"testing", "检测", "testing"},
	CauseQuarantine:   {"quarantine", "检疫", "quarantine"},
	CauseAppraisal:    {"appraisal", "鉴定", "appraisal"},
	CauseExpertReview: {"expert_review", "专家评审", "expert review"},
	CauseCorrection:   {"correction", "补正", "correction of materials"},
	CauseConsultation: {"consultation", "征求意见", "consultation"},
	CauseAnnouncement: {"announcement", "公告", "public announcement"},
	CauseOther:        {"other", "其他", "other"},
}

func (c Cause) known() bool { return c > CauseUnknown && int(c) < len(causeNames) }

func (c Cause) names() [3]string {
	if c.known() {
		return causeNames[c]
	}
	return causeNames[0]
}

// String returns the cause's name in the JSON form, e.g. "expert_review".
func (c Cause) String() string { return c.names()[0] }

// Chinese returns the cause in Chinese, e.g. 专家评审.
func (c Cause) Chinese() string { return c.names()[1] }

// English returns the cause in English, e.g. "expert review".
func (c Cause) English() string { return c.names()[2] }

// MarshalText writes the cause as [Cause.String] does.
func (c Cause) MarshalText() ([]byte, error) {
	if c != CauseUnknown && !c.known() {
		return nil, errorf("MarshalText", 0, ErrInvalidRule, fmt.Sprintf("unknown cause %d", c))
	}
	return []byte(c.String()), nil
}

// UnmarshalText reads a cause written by [Cause.MarshalText].
func (c *Cause) UnmarshalText(b []byte) error {
	for i, n := range causeNames {
		if n[0] == string(b) {
			*c = Cause(i)
			return nil
		}
	}
	return errorf("UnmarshalText", 0, ErrInvalidRule, fmt.Sprintf("unknown cause %.40q", b))
}
